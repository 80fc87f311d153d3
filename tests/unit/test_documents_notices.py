"""Notices to the petitioner say what docs/rules.md requires of each: a rejection's reasons and remedies, an
extension's reason, new due date and officer, the 30-day progress notice, and a proposal's decision."""

from __future__ import annotations

from datetime import timedelta

import pytest
from documents_support import NOW, make_samples, pdf_text, render

from complaints_desk.documents import notices
from complaints_desk.domain.errors import DomainError
from complaints_desk.store import reports
from complaints_desk.store.db import transaction


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_every_notice_from_the_store(session_factory) -> None:  # type: ignore[no-untyped-def]
    """One pass on SQLite and PostgreSQL: the queries read the right events and the documents say it all."""
    _office, cases = make_samples(session_factory)
    with transaction(session_factory) as session:
        office = reports.office_info(session)
        result = reports.result_notice(session, cases["rejected"].id)
        extension = reports.extension_notice(session, cases["extended"].id)
        progress = reports.progress_notice(session, cases["progress"].id, as_of=NOW)
        adopted = reports.proposal_decision_notice(session, cases["adopted"].id)
        rejected = reports.proposal_decision_notice(session, cases["not_adopted"].id)

    text = _flat(notices.build_result_notice(result, office, issued_at=NOW))
    for expected in (
        "민원 처리결과 통지서",
        cases["rejected"].receipt_no,
        "불수용(거부)",
        "신청하신 도로점용허가는",  # the answer
        "거부 사유",
        "어린이보호구역에 포함되어",  # the reasons
        "보호구역 밖의 구간으로 다시 신청하실 수 있습니다",  # the officer's remedy
        "행정심판",
        "행정소송",
        "이의신청",  # a statutory application's refusal: 법 §35
        "박도로",  # the officer
        "도로관리과",
        "김*수",
    ):
        assert expected in text, expected
    assert "김영수" not in text

    text = _flat(notices.build_extension_notice(extension, office, issued_at=NOW))
    previous, new = cases["extended"].due_at - timedelta(days=7), cases["extended"].due_at
    assert extension.previous_due_at == previous and extension.new_due_at == new
    for expected in (
        "처리기간 연장 통지서",
        "다른 기관·부서의 협조 필요",  # the reason
        "관할 경찰서와 합동 단속",  # its explanation
        "2026. 11. 24.(화)까지",  # the old due date: received Sat 11-14, 7 working days
        "2026. 12. 1.(화)까지",  # the new one
        "교통행정과",  # the officer's department, name and phone
        "이담당",
        "02-2150-3114",
        "1차 연장",
    ):
        assert expected in text, expected

    text = _flat(notices.build_progress_notice(progress, office, issued_at=NOW))
    for expected in (
        "진행상황 통지",
        "접수 후 35일",
        "제1차",
        "처리중",
        "청소행정과",
        "status/" + cases["progress"].receipt_no,
    ):
        assert expected in text, expected

    text = _flat(notices.build_proposal_decision_notice(adopted, office, issued_at=NOW))
    planned = NOW.date() + timedelta(days=90)
    assert "채택" in text and "불채택" not in text
    assert "실시 예정일" in text and f"{planned.year}. {planned.month}. {planned.day}." in text

    text = _flat(notices.build_proposal_decision_notice(rejected, office, issued_at=NOW))
    assert "불채택" in text
    assert "이미 예산에 반영되어" in text  # the reasons
    assert "15일 이내에 재심사를 요청" in text
    assert rejected.rereview_until is not None
    until = rejected.rereview_until.astimezone(NOW.tzinfo)
    assert f"{until.year}. {until.month}. {until.day}." in text


def test_notices_render_for_people(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    _office, cases = make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        office = reports.office_info(session)
        documents = {
            "notice-result": notices.build_result_notice(
                reports.result_notice(session, cases["rejected"].id), office, issued_at=NOW
            ),
            "notice-extension": notices.build_extension_notice(
                reports.extension_notice(session, cases["extended"].id), office, issued_at=NOW
            ),
            "notice-progress": notices.build_progress_notice(
                reports.progress_notice(session, cases["progress"].id, as_of=NOW), office, issued_at=NOW
            ),
            "notice-adopted": notices.build_proposal_decision_notice(
                reports.proposal_decision_notice(session, cases["adopted"].id), office, issued_at=NOW
            ),
            "notice-not-adopted": notices.build_proposal_decision_notice(
                reports.proposal_decision_notice(session, cases["not_adopted"].id), office, issued_at=NOW
            ),
        }
    for name, pdf in documents.items():
        assert "1 / 1 쪽" in pdf_text(pdf)
        assert render(pdf, name)


def test_full_details_only_when_asked(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    _office, cases = make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        office = reports.office_info(session)
        facts = reports.result_notice(session, cases["rejected"].id)
    masked = _flat(notices.build_result_notice(facts, office, issued_at=NOW))
    full = _flat(notices.build_result_notice(facts, office, issued_at=NOW, full_details=True))
    assert "김영수" not in masked and "한빛로 123 (한빛동)" not in masked
    assert "김영수" in full and "한빛로 123 (한빛동)" in full


def test_notices_need_their_event(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    _office, cases = make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        with pytest.raises(DomainError) as caught:
            reports.result_notice(session, cases["counter"].id)
        assert caught.value.code == "nothing_to_notify"
        with pytest.raises(DomainError):
            reports.progress_notice(session, cases["rejected"].id)  # answered: no progress notice
