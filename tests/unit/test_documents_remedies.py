"""Each outcome of a result notice carries the reasons and the remedy the law gives it (docs/rules.md):
a refused 법정민원 the 60-day objection of 민원처리법 §35①, a refused information-disclosure request the
30-day objection of 정보공개법 §18, both being administrative dispositions 행정심판 (90 days, 행정심판법 §27)
and 행정소송 (90 days, 행정소송법 §20); a partial acceptance the same as a refusal, with its reasons; a
refused request of another kind no statutory objection; an acceptance no remedy at all."""

from __future__ import annotations

from datetime import datetime

import pytest
from documents_support import NOW, make_samples, pdf_pages, pdf_text, render

from complaints_desk.documents import notices
from complaints_desk.domain.events import EventType
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.report_data import OfficeInfo, ResultNoticeFacts
from complaints_desk.domain.statuses import Status
from complaints_desk.store import reports
from complaints_desk.store.db import transaction
from complaints_desk.store.demo.samples import add, intake

OFFICE = OfficeInfo(name="서울특별시 한빛구청", phone="02-2150-3000", head_title="서울특별시 한빛구청장")


def _facts(kind: Kind, result: str, *, disclosure: bool = False, reasons: str = "사유 본문") -> ResultNoticeFacts:
    from complaints_desk.domain.report_data import NoticeCase, Officer

    at = datetime(2026, 11, 20, 5, 0, tzinfo=NOW.tzinfo)
    case = NoticeCase(
        receipt_no="20261110-C03-0001",
        kind=kind,
        title="신청 제목",
        petitioner_name="김영수",
        petitioner_address="",
        received_at=at,
        due_at=at,
        status=Status.ANSWERED,
        information_disclosure=disclosure,
    )
    return ResultNoticeFacts(
        case=case,
        officer=Officer("도로관리과", "박도로", "02-2150-3120"),
        answered_at=at,
        result=result,
        answer="답변 본문",
        reasons=reasons,
    )


class _Text(str):
    """The notice's text; `in` ignores spaces, since a line may break anywhere in a long sentence."""

    def __contains__(self, needle: object) -> bool:
        return "".join(str(needle).split()) in "".join(self.split())


def _text(facts: ResultNoticeFacts) -> str:
    return _Text(pdf_text(notices.build_result_notice(facts, OFFICE, issued_at=NOW)))


@pytest.mark.parametrize("result", ["rejected", "partially_accepted"])
def test_a_refused_statutory_application_gets_60_days_objection_and_90_days_appeal_and_suit(result: str) -> None:
    text = _text(_facts(Kind.STATUTORY, result))
    assert "사유 본문" in text
    assert "「민원 처리에 관한 법률」 제35조제1항에 따라 거부처분을 받은 날부터 60일 이내" in text
    assert "10일 이내에 결정" in text
    assert "「행정심판법」 제27조에 따라 처분이 있음을 알게 된 날부터 90일 이내" in text
    assert "「행정소송법」 제20조에 따라 처분 등이 있음을 안 날부터 90일 이내" in text
    assert "90일 이내에 처분을 한" not in text  # the old, wrong objection period
    assert "정보공개" not in text


def test_a_partial_acceptance_names_what_was_not_accepted_and_why() -> None:
    text = _text(_facts(Kind.STATUTORY, "partially_accepted", reasons="3번 구간은 보호구역이라 제외합니다."))
    assert "일부 수용" in text
    assert "수용하지 않은 부분과 그 사유 3번 구간은 보호구역이라 제외합니다." in text
    assert "불복 절차 안내" in text


def test_a_refused_information_disclosure_request_cites_its_own_law() -> None:
    text = _text(_facts(Kind.STATUTORY, "rejected", disclosure=True))
    assert "「공공기관의 정보공개에 관한 법률」 제18조에 따라" in text and "30일 이내" in text
    assert "「민원 처리에 관한 법률」 제35조" not in text  # §35 is not this refusal's objection
    assert "행정심판" in text and "행정소송" in text


def test_a_refused_request_of_another_kind_promises_no_statutory_objection() -> None:
    text = _text(_facts(Kind.SUGGESTION, "rejected"))
    assert "법정민원이 아니어서" in text and "이의신청 대상이 아닙니다" in text
    assert "60일" not in text and "행정심판법" not in text


@pytest.mark.parametrize("result", ["accepted", "informed"])
def test_an_acceptance_or_an_explanation_has_no_remedy_section(result: str) -> None:
    text = _text(_facts(Kind.STATUTORY, result))
    assert "불복 절차" not in text and "이의신청" not in text and "사유 본문" not in text


def test_a_refusal_without_reasons_says_they_are_missing() -> None:
    text = _text(_facts(Kind.STATUTORY, "rejected", reasons=""))
    assert "사유가 기재되지 않았습니다" in text


def test_the_store_knows_an_information_disclosure_request_by_its_category(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    from complaints_desk.store import reference

    people, _cases = make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        reference.add_category(session, "info", "정보공개청구", default_department_code="ROAD", statutory_days=10)
        state = intake(session, people, NOW, kind=Kind.STATUTORY, category="info", title="회의록 공개")
        state = add(session, state, EventType.ACCEPTED, people.officers["ROAD"], NOW)
        add(
            session,
            state,
            EventType.ANSWERED,
            people.officers["ROAD"],
            NOW,
            result="partially_accepted",
            answer="회의록 중 개인정보 부분을 빼고 공개합니다.",
            reasons="정보공개법 제9조제1항제6호의 개인정보에 해당합니다.",
        )
    with transaction(sqlite_session_factory) as session:
        facts = reports.result_notice(session, state.id)
        office = reports.office_info(session)
    assert facts.case.information_disclosure
    pdf = notices.build_result_notice(facts, office, issued_at=NOW)
    assert len(pdf_pages(pdf)) == 1
    text = " ".join(pdf_text(pdf).split())
    assert "제18조" in text and "개인정보에 해당합니다" in text and "서울특별시 한빛구청장" in text
    render(pdf, "notice-disclosure-partial")
