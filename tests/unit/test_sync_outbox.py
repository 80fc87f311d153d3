"""The client's outbox and rebase rules on a real local database (SQLite and PostgreSQL): every local change is
queued with it, the server's answers settle it, rejections are kept, and the server's history always wins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.roles import Actor, Role
from complaints_desk.domain.statuses import Status
from complaints_desk.store import reference
from complaints_desk.store.cases import case_events, load_case
from complaints_desk.store.db import transaction
from complaints_desk.store.intake import Intake
from complaints_desk.store.local import outbox, sync_state
from complaints_desk.store.local.pull import apply_pull_page
from complaints_desk.store.local.rebase import ServerEvent, ServerHistoryError
from complaints_desk.store.local.reference_pull import ReferenceRecord
from tests.support import T0, event, later

CLERK = Actor(new_id(), Role.CLERK, None, "이창구")
OFFICER = Actor(new_id(), Role.OFFICER, "ROAD", "박도로")
OTHER = Actor(new_id(), Role.OFFICER, "ROAD", "김도로")


@dataclass
class Answer:
    """The server's answer for one event (sync.protocol.EventResult has the same fields)."""

    id: str
    status: str
    seq: int | None = None
    reason: str | None = None
    field: str | None = None
    message_ko: str | None = None
    message_en: str | None = None
    case: dict[str, Any] | None = None


def _intake(session: Session, **kw: Any) -> str:
    reference.ensure_station(session, "C03", "창구 3번")
    state = outbox.record_local_intake(
        session,
        Intake(
            Kind.GRIEVANCE,
            Channel.COUNTER,
            "가로등 고장 신고",
            "한빛로 12 앞 가로등이 꺼져 있습니다.",
            "홍길동",
            "010-1234-5678",
            department_code="ROAD",
            **kw,
        ),
        actor=CLERK,
        station_code="C03",
        now=T0,
    )
    return state.id


def _officer_event(case_id: str, event_type: EventType, actor: Actor = OFFICER, **payload: Any) -> Event:
    return event(
        event_type,
        case_id,
        role=actor.role,
        department=actor.department_code,
        actor_id=actor.id,
        at=later(30),
        payload=payload,
    )


def _server(events: list[Event], first_seq: int, first_version: int) -> list[ServerEvent]:
    now = datetime.now(UTC)
    return [ServerEvent(e, first_seq + i, first_version + i, now) for i, e in enumerate(events)]


def _accept_all(session: Session, first_seq: int = 1) -> list[Event]:
    batch = outbox.pending_batch(session, 500)
    outbox.settle_push(
        session, [Answer(entry.event.id, "accepted", first_seq + i) for i, entry in enumerate(batch)]
    )
    return [entry.event for entry in batch]


def _echo_back(session: Session, events: list[Event], first_seq: int = 1) -> None:
    """The pull brings our accepted events back, numbered as the server numbered them."""
    apply_pull_page(session, _server(events, first_seq, 1), next_after=first_seq + len(events) - 1)


def test_an_intake_and_a_change_are_queued_with_the_change(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        case_id = _intake(session)
        outbox.record_local(session, _officer_event(case_id, EventType.ACCEPTED))
    with transaction(session_factory) as session:
        queued = [entry.event.type for entry in outbox.pending_batch(session, 500)]
        assert queued == [EventType.RECEIVED, EventType.ROUTED, EventType.ACCEPTED]
        assert load_case(session, case_id).status is Status.IN_PROGRESS  # type: ignore[union-attr]
        assert outbox.pending_count(session) == 3


def test_a_refused_change_is_neither_recorded_nor_queued(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        case_id = _intake(session)
    with pytest.raises(DomainError), transaction(session_factory) as session:
        outbox.record_local(session, _officer_event(case_id, EventType.CLOSED, reason="answered"))
    with transaction(session_factory) as session:
        assert outbox.pending_count(session) == 2


def test_accepted_events_get_the_server_seq_and_leave_the_queue(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        case_id = _intake(session)
        sent = _accept_all(session, first_seq=41)
    with transaction(session_factory) as session:
        assert outbox.pending_count(session) == 0
        assert [e.id for e in case_events(session, case_id)] == [e.id for e in sent]
        # pushing the same batch again (answer lost) is a duplicate with the same seq: nothing changes
        outbox.settle_push(session, [Answer(sent[0].id, "duplicate", 41)])
        assert not outbox.rejected_events(session)


def test_a_rejected_change_is_kept_and_the_case_shows_the_server_state(
    session_factory: sessionmaker[Session],
) -> None:
    with transaction(session_factory) as session:
        case_id = _intake(session)
        intake_events = _accept_all(session)
        _echo_back(session, intake_events)
        mine = _officer_event(case_id, EventType.ACCEPTED)
        outbox.record_local(session, mine)
        assert load_case(session, case_id).status is Status.IN_PROGRESS  # type: ignore[union-attr]
    server_case = {"id": case_id, "status": "returned", "version": 3}
    with transaction(session_factory) as session:
        outbox.settle_push(
            session,
            [
                Answer(
                    mine.id,
                    "rejected",
                    reason="lifecycle",
                    field="status",
                    message_ko="'반송' 상태에서는 '부서 접수' 처리를 할 수 없습니다.",
                    message_en="not allowed while returned",
                    case=server_case,
                )
            ],
        )
    with transaction(session_factory) as session:
        [kept] = outbox.rejected_events(session)
        assert kept.event.id == mine.id and kept.reason == "lifecycle"
        assert kept.server_case == server_case and "반송" in (kept.message_ko or "")
        assert outbox.case_has_conflict(session, case_id)
        state = load_case(session, case_id)
        assert state is not None and state.status is Status.ROUTED and state.version == 2  # server wins
        assert mine.id not in {e.id for e in case_events(session, case_id)}
        outbox.acknowledge_rejection(session, mine.id)
        assert not outbox.case_has_conflict(session, case_id)
        assert outbox.rejected_events(session, include_acknowledged=True)[0].event.id == mine.id


def test_a_change_after_a_rejected_one_points_at_it(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        case_id = _intake(session)
        _echo_back(session, _accept_all(session))
        first = _officer_event(case_id, EventType.ACCEPTED)
        outbox.record_local(session, first)
        second = _officer_event(
            case_id, EventType.EXTENDED, reason_code="fact_check", new_due_at="2026-12-30T23:59:59+09:00"
        )
        outbox.record_local(session, second)
        outbox.settle_push(
            session,
            [Answer(first.id, "rejected", reason="lifecycle"), Answer(second.id, "rejected", reason="lifecycle")],
        )
        kept = outbox.rejected_events(session, case_id=case_id)
        assert [k.event.id for k in kept] == [first.id, second.id]
        assert kept[1].after_rejection_of == first.id


def test_pulled_events_of_others_rebase_pending_local_changes(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        case_id = _intake(session)
        _echo_back(session, _accept_all(session))
        note = _officer_event(case_id, EventType.NOTE_ADDED, text="현장 확인 예정")
        outbox.record_local(session, note)  # local version 3, pending
    theirs = _officer_event(case_id, EventType.ACCEPTED, OTHER)  # the server's version 3
    with transaction(session_factory) as session:
        summary = apply_pull_page(session, _server([theirs], 3, 3), next_after=3)
        assert summary.rebased_cases == (case_id,)
    with transaction(session_factory) as session:
        history = case_events(session, case_id)
        assert [e.id for e in history] == [*[e.id for e in history[:2]], theirs.id, note.id]
        state = load_case(session, case_id)
        assert state is not None and state.status is Status.IN_PROGRESS and state.notes == 1 and state.version == 4
        assert outbox.pending_count(session) == 1  # the note still goes to the server


def test_a_pending_change_that_no_longer_applies_leaves_the_local_case(
    session_factory: sessionmaker[Session],
) -> None:
    with transaction(session_factory) as session:
        case_id = _intake(session)
        _echo_back(session, _accept_all(session))
        mine = _officer_event(case_id, EventType.ACCEPTED)
        outbox.record_local(session, mine)
    theirs = _officer_event(case_id, EventType.RETURNED, OTHER, reason="소관 아님")
    with transaction(session_factory) as session:
        apply_pull_page(session, _server([theirs], 3, 3), next_after=3)
    with transaction(session_factory) as session:
        state = load_case(session, case_id)
        assert state is not None and state.status is Status.RETURNED and state.version == 3
        assert [entry.event.id for entry in outbox.pending_batch(session, 10)] == [mine.id]  # the server decides


def test_our_events_coming_back_settle_a_push_whose_answer_was_lost(
    session_factory: sessionmaker[Session],
) -> None:
    with transaction(session_factory) as session:
        case_id = _intake(session)
        sent = [entry.event for entry in outbox.pending_batch(session, 10)]
    with transaction(session_factory) as session:  # the server applied them, the answer never arrived
        apply_pull_page(session, _server(sent, 7, 1), next_after=8)
    with transaction(session_factory) as session:
        assert outbox.pending_count(session) == 0
        assert [e.id for e in case_events(session, case_id)] == [e.id for e in sent]
        assert sync_state.cursor(session) == 8


def test_pulled_intakes_of_others_build_cases_like_the_lifecycle(session_factory: sessionmaker[Session]) -> None:
    from complaints_desk.domain.lifecycle import replay
    from tests.support import received_payload

    case_id = new_id()
    history = [
        event(EventType.RECEIVED, case_id, payload=received_payload(receipt_no="20261120-W01-0001")),
        event(EventType.ROUTED, case_id, payload={"department_code": "ROAD"}, at=later(2)),
        event(EventType.NOTE_ADDED, case_id, payload={"text": "확인 중"}, at=later(3)),
    ]
    with transaction(session_factory) as session:
        apply_pull_page(session, _server(history[:2], 1, 1), next_after=2)
        apply_pull_page(session, _server(history[2:], 3, 3), next_after=3)
    with transaction(session_factory) as session:
        assert load_case(session, case_id) == replay(history)
        assert sync_state.cursor(session) == 3


def test_a_page_that_does_not_apply_leaves_the_cursor_where_it_was(session_factory: sessionmaker[Session]) -> None:
    orphan = event(EventType.NOTE_ADDED, new_id(), payload={"text": "메모"})
    with pytest.raises(ServerHistoryError), transaction(session_factory) as session:
        apply_pull_page(session, _server([orphan], 5, 2), next_after=5)
    with transaction(session_factory) as session:
        assert sync_state.cursor(session) == 0


def test_reference_changes_are_upserted_and_our_receipt_counter_never_goes_back(
    session_factory: sessionmaker[Session],
) -> None:
    department_id, staff_id = new_id(), new_id()
    with transaction(session_factory) as session:
        sync_state.record_enrolment(
            session,
            station_id=new_id(),
            code="C03",
            name="창구 3번",
            last_receipt_day=date(2026, 11, 20),
            last_receipt_seq=40,
            now=T0,
        )
        _intake(session)  # issues C03 number 41 offline
        station_id = new_id()
        apply_pull_page(
            session,
            [],
            [
                ReferenceRecord(
                    1,
                    "departments",
                    {"id": department_id, "code": "ROAD", "name": "도로과", "phone": "02-123-4567"},
                ),
                ReferenceRecord(
                    2,
                    "staff",
                    {
                        "id": staff_id,
                        "username": "park",
                        "name": "박도로",
                        "role": "officer",
                        "department_code": "ROAD",
                        "password_hash": "$argon2id$secret",
                    },
                ),
                ReferenceRecord(
                    3,
                    "stations",
                    {
                        "id": station_id,
                        "code": "C03",
                        "name": "창구 3번",
                        "last_receipt_day": "2026-11-20",
                        "last_receipt_seq": 40,
                    },
                ),
                ReferenceRecord(
                    4,
                    "departments",
                    {"id": department_id, "code": "ROAD", "name": "도로관리과", "phone": "02-123-4567"},
                ),
            ],
            next_after=4,
        )
    with transaction(session_factory) as session:
        assert reference.department_names(session) == {"ROAD": "도로관리과"}
        staff = reference.staff_by_username(session, "park")
        assert staff is not None and staff.password_hash is None
        assert sync_state.station_counter(session, "C03") == (date(2026, 11, 20), 41)
