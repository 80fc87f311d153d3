"""The lifecycle's one set of effects, on its two paths: the checking path (`apply`, which decides new events)
and the trusted path (events the server accepted: `apply_trusted` on domain values, `project` with the pull's
stored-form reader). For accepted events both give the same case, replaying a history rebuilds the case row
exactly, a pulled case row needs only the columns its events touch, masked petitioners stay as sent, and an
event for a case that does not exist is refused on every path."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from histories import random_history

from complaints_desk.domain.case import CASE_FIELDS
from complaints_desk.domain.errors import DomainError, LifecycleError
from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.lifecycle import (
    ALWAYS_TOUCHED,
    FIELDS_TOUCHED,
    apply,
    apply_trusted,
    fields_touched,
    project,
)
from complaints_desk.domain.roles import Role
from complaints_desk.store.local.incoming import IncomingEvent
from complaints_desk.store.local.stored_values import STORED, from_stored, to_stored
from complaints_desk.store.projection import state_values
from tests.support import event, later, received_payload

E = EventType
OFFICER = {"role": Role.OFFICER, "department": "ROAD"}


def _story(kind: str = "grievance", **received: object) -> list[tuple[EventType, dict[str, Any]]]:
    return [(E.RECEIVED, {"payload": received_payload(kind=kind, **received)})]


STORIES: dict[str, list[tuple[EventType, dict[str, Any]]]] = {
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
    "merged": [*_story("other", category_code="parking"), (E.MERGED, {"payload": {"into_case_id": new_id()}})],
    "officer intake": [(E.RECEIVED, {**OFFICER, "payload": received_payload()})],
    "the server's deadline": [
        *_story(),
        (
            E.DEADLINE_SET,
            {
                "role": Role.SYSTEM,
                "payload": {"due_at": "2026-12-02T23:59:59+09:00", "period": {"amount": 7, "unit": "days"}},
            },
        ),
    ],
    "answered online, the delivery failed, then went through": [
        *_story("other"),
        (E.ANSWERED, {"payload": {"result": "informed", "answer": "안내해 드립니다."}}),
        (
            E.REPLY_FAILED,
            {"role": Role.SYSTEM, "payload": {"platform": "telegram", "attempts": 6, "error": "503"}},
        ),
        (E.REPLY_SENT, {"role": Role.SYSTEM, "payload": {"platform": "sms", "attempts": 1}}),
    ],
}


def _events(story: Sequence[tuple[EventType, dict[str, Any]]]) -> list[Event]:
    case_id = new_id()
    built = []
    for minute, (event_type, options) in enumerate(story):
        options = dict(options)
        built.append(
            event(
                event_type,
                case_id,
                role=options.pop("role", Role.AGENT),
                department=options.pop("department", None),
                at=later(minute * 7),
                payload=options.pop("payload", {}),
            )
        )
    return built


def _histories(count: int = 150) -> list[list[Event]]:
    rng = random.Random(20261120)
    return [random_history(rng, number, steps=16) for number in range(1, count + 1)]


def _stored_event(item: Event) -> IncomingEvent:
    return IncomingEvent.from_event(item, seq=0, case_version=0, recorded_at=item.occurred_at)


def _all_histories() -> list[list[Event]]:
    return [_events(story) for story in STORIES.values()] + _histories()


@pytest.mark.parametrize("history", _all_histories(), ids=lambda h: f"{h[0].case_id[:8]}-{len(h)}")
def test_the_trusted_paths_give_the_case_the_checking_path_gives_after_every_event(history: list[Event]) -> None:
    checked = trusted = None
    row = None
    for item in history:
        checked = apply(checked, item)
        trusted = apply_trusted(trusted, item)
        row = project(row, _stored_event(item), _stored_event(item).occurred, STORED)
        assert trusted == checked, f"after {item.type.value}"
        assert list(vars(checked)) == list(CASE_FIELDS) == list(vars(trusted))  # in field order, as rows are
        assert from_stored(row) == state_values(checked), f"after {item.type.value} (stored form)"
        assert to_stored(state_values(checked)) == row, f"after {item.type.value} (as the driver writes it)"


def test_every_event_type_is_covered_by_a_story_and_has_its_fields() -> None:
    covered = {event_type for story in STORIES.values() for event_type, _ in story}
    assert covered == set(EventType)
    assert set(FIELDS_TOUCHED) | {EventType.RECEIVED} == set(EventType)


@pytest.mark.parametrize("history", _all_histories(), ids=lambda h: f"{h[0].case_id[:8]}-{len(h)}")
def test_an_existing_case_projects_the_same_on_the_columns_its_event_touches_alone(history: list[Event]) -> None:
    received, *rest = history
    whole = project(None, _stored_event(received), _stored_event(received).occurred, STORED)
    for item in rest:
        incoming = _stored_event(item)
        columns = fields_touched([incoming.type])
        assert set(ALWAYS_TOUCHED) <= set(columns)
        part_after = project({name: whole[name] for name in columns}, incoming, incoming.occurred, STORED)
        whole = project(whole, incoming, incoming.occurred, STORED)
        assert set(part_after) == set(columns), f"{item.type.value} set a column it was not given"
        assert part_after == {name: whole[name] for name in columns}, item.type.value


def test_a_masked_petitioner_is_kept_as_the_server_sent_it() -> None:
    masked = {"name": "홍*동", "phone": "010-****-5678", "address": "서울 한빛로 ***"}
    intake = event(E.RECEIVED, new_id(), payload=received_payload(petitioner=masked))
    with pytest.raises(DomainError):
        apply(None, intake)  # the checking path refuses a phone that is no phone
    state = apply_trusted(None, intake)
    assert (state.petitioner_name, state.petitioner_phone, state.petitioner_address) == tuple(masked.values())
    row = project(None, _stored_event(intake), _stored_event(intake).occurred, STORED)
    assert (row["petitioner_name"], row["petitioner_phone"], row["petitioner_address"]) == tuple(masked.values())


def test_an_unwritten_phone_is_written_as_the_checking_path_writes_it() -> None:
    petitioner = {"name": "홍길동", "phone": "01012345678"}
    intake = event(E.RECEIVED, new_id(), payload=received_payload(petitioner=petitioner))
    assert apply_trusted(None, intake).petitioner_phone == apply(None, intake).petitioner_phone == "010-1234-5678"


def test_an_event_for_a_case_never_received_is_refused_on_every_path() -> None:
    note = event(E.NOTE_ADDED, new_id(), payload={"text": "메모"}, at=later(1) + timedelta(seconds=1))
    for attempt in (
        lambda: apply(None, note),
        lambda: apply_trusted(None, note),
        lambda: project(None, _stored_event(note), _stored_event(note).occurred, STORED),
    ):
        with pytest.raises(LifecycleError) as refused:
            attempt()
        assert refused.value.code == "unknown_case"


def test_a_second_receipt_is_refused_on_the_trusted_path_too() -> None:
    intake = event(E.RECEIVED, new_id(), payload=received_payload())
    again = event(E.RECEIVED, intake.case_id, payload=received_payload())
    with pytest.raises(LifecycleError) as refused:
        apply_trusted(apply_trusted(None, intake), again)
    assert refused.value.code == "duplicate_case"
