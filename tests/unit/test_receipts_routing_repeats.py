"""Receipt numbers, routing suggestions, repeated and group complaints."""

from __future__ import annotations

from datetime import date

import pytest

from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.receipts import ReceiptNumber, next_receipt_number, parse_receipt_number
from complaints_desk.domain.repeats import (
    EarlierFiling,
    assess_repeat,
    is_group_complaint,
    may_merge_filings,
    similarity,
)
from complaints_desk.domain.routing import RoutingRule, suggest_departments

DAY = date(2026, 11, 22)


def test_receipt_number_format_and_parsing_round_trip() -> None:
    number = ReceiptNumber(DAY, "C03", 42)
    assert str(number) == "20261122-C03-0042"
    assert parse_receipt_number("20261122-C03-0042") == number


@pytest.mark.parametrize("bad", ["20261122-C3-0042", "20261322-C03-0001", "2026-11-22-C03-1", "20260230-C03-0001"])
def test_malformed_receipt_numbers_are_refused(bad: str) -> None:
    with pytest.raises(DomainError) as error:
        parse_receipt_number(bad)
    assert error.value.field == "receipt_no"


def test_running_number_restarts_each_day_and_continues_within_a_day() -> None:
    first = next_receipt_number(DAY, "C03", None)
    second = next_receipt_number(DAY, "C03", first)
    assert (first.sequence, second.sequence) == (1, 2)
    tomorrow = next_receipt_number(date(2026, 11, 23), "C03", second)
    assert tomorrow.sequence == 1


def test_numbers_from_forty_offline_stations_never_collide() -> None:
    issued: set[str] = set()
    for station in range(1, 41):
        last = None
        for _ in range(50):
            last = next_receipt_number(DAY, f"C{station:02d}", last)
            issued.add(str(last))
    assert len(issued) == 40 * 50


def _rules() -> list[RoutingRule]:
    return [
        RoutingRule("r1", 10, "PARKING", keywords=("불법주차", "주차")),
        RoutingRule("r2", 20, "ROADS", keywords=("도로", "포트홀", "파손")),
        RoutingRule("r3", 30, "CLEANING", category_code="waste"),
        RoutingRule("r4", 40, "ROADS", keywords=("주차",)),
    ]


def test_the_first_matching_rule_in_order_ranks_first() -> None:
    ranked = suggest_departments(_rules(), "한빛로 불법주차 신고", "도로 위에 주차된 차량")
    assert [s.department_code for s in ranked] == ["PARKING", "ROADS"]
    assert "불법주차" in ranked[0].matched_keywords


def test_category_rules_match_only_their_category() -> None:
    assert suggest_departments(_rules(), "쓰레기 무단투기", category_code="waste")[0].department_code == "CLEANING"
    assert suggest_departments(_rules(), "쓰레기 무단투기") == []


def test_keywords_match_despite_spacing() -> None:
    assert suggest_departments(_rules(), "불법 주차 차량")[0].department_code == "PARKING"


def test_repeat_rule_needs_three_filings_and_two_notified_results() -> None:
    text = "한빛로 123 앞 불법주차 단속을 요청합니다"
    earlier = [EarlierFiling("한빛로 123 앞 불법주차를 단속해 주세요", True)]
    assert not assess_repeat(text, earlier).may_close
    earlier.append(EarlierFiling("한빛로 123 앞 불법주차 단속 요청합니다", True))
    verdict = assess_repeat(text, earlier)
    assert verdict.may_close and verdict.same_content_filings == 3
    assert not assess_repeat(text, earlier, has_new_reason=True).may_close


def test_group_repeat_needs_the_committee_first() -> None:
    text = "새싹초 앞 횡단보도 신호등 설치 요청"
    earlier = [EarlierFiling(text, True), EarlierFiling(text, True)]
    verdict = assess_repeat(text, earlier, is_group=True)
    assert not verdict.may_close and verdict.needs_committee_review
    assert assess_repeat(text, earlier, is_group=True, committee_reviewed=True).may_close


def test_different_content_is_not_a_repeat() -> None:
    assert similarity("가로등이 고장났습니다", "불법주차 단속 요청") < 0.3


def test_group_complaint_thresholds() -> None:
    assert is_group_complaint(households=5, signers=5)
    assert not is_group_complaint(households=4, signers=30)
    assert may_merge_filings(5) and not may_merge_filings(4)
