"""The pull's fast projection must give exactly the case row that the lifecycle gives, for every event type."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest

from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.lifecycle import apply
from complaints_desk.domain.roles import Role
from complaints_desk.store.local.trusted_projection import EFFECTS, project
from complaints_desk.store.projection import state_values
from tests.support import event, later, received_payload

E = EventType
OFFICER = {"role": Role.OFFICER, "department": "ROAD"}


def _story(kind: str = "grievance", **received: object) -> list[tuple[EventType, dict[str, object]]]:
    return [(E.RECEIVED, {"payload": received_payload(kind=kind, **received)})]


STORIES: dict[str, list[tuple[EventType, dict[str, object]]]] = {
    "answered and closed": [
        *_story(),
        (E.ROUTED, {"payload": {"department_code": "ROAD", "transfer_due_at": "2026-11-20T11:00:00+09:00"}}),
        (E.ACCEPTED, OFFICER),
        (E.ASSIGNED, {**OFFICER, "payload": {"staff_id": new_id()}}),
        (E.NOTE_ADDED, {**OFFICER, "payload": {"text": "현장 확인 예정"}}),
        (E.CONTACT_LOGGED, {**OFFICER, "payload": {"method": "phone", "summary": "통화함"}}),
        (
            E.EXTENDED,
            {**OFFICER, "payload": {"reason_code": "fact_check", "new_due_at": "2026-12-10T23:59:59+09:00"}},
        ),
        (E.CLOCK_STOPPED, {**OFFICER, "payload": {"reason": "supplement"}}),
        (E.CLOCK_RESUMED, {**OFFICER, "payload": {"new_due_at": "2026-12-12T23:59:59+09:00"}}),
        (E.PROGRESS_NOTIFIED, OFFICER),
        (E.DETAILS_VIEWED, OFFICER),
        (E.ANSWERED, {**OFFICER, "payload": {"result": "accepted", "answer": "조치했습니다."}}),
        (E.SATISFACTION_RECORDED, {"payload": {"score": 4}}),
        (E.CLOSED, {**OFFICER, "payload": {"reason": "answered"}}),
        (E.REOPENED, {"role": Role.SUPERVISOR, "payload": {"reason": "재검토"}}),
    ],
    "returned, transferred out, receipts": [
        *_story(phone="01012345678"),
        (E.RECEIPT_PRINTED, {}),
        (E.RECEIPT_VOIDED, {"payload": {"reason": "오타"}}),
        (E.ROUTED, {"payload": {"department_code": "ROAD"}}),
        (E.RETURNED, {**OFFICER, "payload": {"reason": "소관 아님"}}),
        (E.TRANSFERRED, {"payload": {"target": "department", "department_code": "PARK", "reason": "공원"}}),
        (E.TRANSFERRED, {"payload": {"target": "agency", "agency": "경기도청", "reason": "타기관"}}),
    ],
    "proposal decided, re-reviewed": [
        *_story("proposal", period={"amount": 1, "unit": "months"}),
        (E.ROUTED, {"payload": {"department_code": "ROAD"}}),
        (E.ACCEPTED, OFFICER),
        (E.DECIDED, {**OFFICER, "payload": {"decision": "not_adopted", "reasons": "예산 부족"}}),
        (E.REREVIEW_REQUESTED, {"payload": {"reason": "다시 봐 주세요"}}),
        (
            E.DECIDED,
            {
                **OFFICER,
                "payload": {"decision": "adopted", "reasons": "타당", "implementation_date": "2027-03-01"},
            },
        ),
    ],
    "withdrawn": [
        *_story(received_at="2026-11-20T09:30:00+09:00", is_group=True, signers=7, households=6),
        (E.WITHDRAWN, {"payload": {"reason": "해결됨"}}),
    ],
    "deadline set by the server": [
        *_story(),
        (
            E.DEADLINE_SET,
            {
                "role": Role.SYSTEM,
                "payload": {"due_at": "2026-11-30T23:59:59+09:00", "period": {"amount": 7, "unit": "days"}},
            },
        ),
    ],
    "merged": [*_story("other", category_code="parking"), (E.MERGED, {"payload": {"into_case_id": new_id()}})],
    "officer intake": [(E.RECEIVED, {**OFFICER, "payload": received_payload()})],
}


def _events(story: Sequence[tuple[EventType, dict[str, object]]]) -> list[Event]:
    case_id = new_id()
    built = []
    for minute, (event_type, options) in enumerate(story):
        options = dict(options)
        built.append(
            event(
                event_type,
                case_id,
                role=options.pop("role", Role.AGENT),  # type: ignore[arg-type]
                department=options.pop("department", None),  # type: ignore[arg-type]
                at=later(minute * 7),
                payload=options.pop("payload", {}),  # type: ignore[arg-type]
            )
        )
    return built


@pytest.mark.parametrize("name", list(STORIES))
def test_fast_projection_equals_the_lifecycle_after_every_event(name: str) -> None:
    state = None
    row = None
    for item in _events(STORIES[name]):
        state = apply(state, item)
        row = project(row, item)
        assert row == state_values(state), f"after {item.type.value}"


def test_every_event_type_is_covered_by_a_story() -> None:
    covered = {event_type for story in STORIES.values() for event_type, _ in story}
    assert covered == set(EventType)
    assert set(EFFECTS) | {EventType.RECEIVED} == set(EventType)


def test_an_event_for_a_case_never_received_is_refused() -> None:
    from complaints_desk.domain.errors import DomainError

    note = event(E.NOTE_ADDED, new_id(), payload={"text": "메모"}, at=later(1) + timedelta(seconds=1))
    with pytest.raises(DomainError):
        project(None, note)
