"""The server's push path writes each case row as the projection of its events (replaying the stored events
rebuilds it exactly, its last_seq is its newest event's number) and numbers events without gaps, on SQLite
and on PostgreSQL (where the rows travel as JSON and are numbered under the counter lock)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain import deadlines
from complaints_desk.domain.calendar import WorkCalendar
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.lifecycle import apply
from complaints_desk.server.deps import WorkstationClaim
from complaints_desk.server.notify import Notifier
from complaints_desk.server.sync.service import push_events
from complaints_desk.store import reference
from complaints_desk.store.cases import load_case
from complaints_desk.store.central import admin
from complaints_desk.store.central.accounts import StaffInfo
from complaints_desk.store.db import transaction
from complaints_desk.store.models import CaseRow, EventRow
from complaints_desk.store.projection import row_to_event
from complaints_desk.sync.protocol import EventResult, WireEvent
from tests.support import enrol_workstation, received_payload

# Now-ish (the server refuses times outside a window of its clock), and the deadline the server computes.
_AT = datetime.now(ZoneInfo("Asia/Seoul")).replace(microsecond=0) - timedelta(hours=1)
T0 = _AT.isoformat()
DUE = deadlines.due_at(_AT, deadlines.period_for(Kind.GRIEVANCE), WorkCalendar()).isoformat()


def _event(staff: StaffInfo, kind: str, case_id: str, payload: dict[str, Any], base: int | None) -> dict[str, Any]:
    return {
        "id": new_id(),
        "case_id": case_id,
        "type": kind,
        "occurred_at": T0,
        "actor_id": staff.id,
        "actor_role": staff.role.value,
        "actor_department": None,
        "station_code": "P01",
        "base_version": base,
        "payload": payload,
    }


def _received(staff: StaffInfo, case_id: str, receipt_no: str) -> dict[str, Any]:
    return _event(staff, "received", case_id, received_payload(receipt_no=receipt_no, due_at=DUE), None)


def _push(
    factory: sessionmaker[Session], staff: StaffInfo, events: list[dict[str, Any]], claim: WorkstationClaim
) -> list[EventResult]:
    wire = [WireEvent.model_validate(event) for event in events]
    return push_events(factory, Notifier("unused://"), staff, wire, claim=claim)


def test_pushed_cases_are_the_projection_of_their_numbered_events(session_factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(session_factory) as session:
        staff = admin.create_staff(session, "pusher", "상담원", "agent", password="푸시-비밀번호-1234")
        claim = enrol_workstation(session, "P01")
        reference.upsert_department(session, "ROAD", "도로과")
    a, b = new_id(), new_id()
    first = [
        _received(staff, a, "20261120-P01-0001"),
        _event(staff, "note_added", a, {"text": "첫 메모"}, 1),
        _received(staff, b, "20261120-P01-0002"),
    ]
    second = [
        _event(staff, "routed", b, {"department_code": "ROAD", "transfer_due_at": "2026-11-21T18:00:00+09:00"}, 1),
        _event(staff, "note_added", a, {"text": "둘째 메모", "숫자": 12345678901234567890123}, 2),
        _received(staff, new_id(), "20261120-P01-0001"),  # a number another case holds
    ]
    answers = _push(session_factory, staff, first, claim) + _push(session_factory, staff, second, claim)
    assert [r.status for r in answers] == ["accepted"] * 5 + ["rejected"]
    assert answers[-1].reason == "receipt_reused"
    again = _push(session_factory, staff, first + second, claim)  # the same events again: the same answers
    assert [(r.status, r.seq, r.reason) for r in again] == [
        ("duplicate" if r.status == "accepted" else r.status, r.seq, r.reason) for r in answers
    ]

    with session_factory() as session:
        rows = session.execute(select(EventRow).order_by(EventRow.seq)).scalars().all()
        seqs = [row.seq for row in rows]
        assert seqs == list(range(seqs[0], seqs[0] + 5))  # numbered in push order, no gap
        assert [row.id for row in rows] == [r.id for r in answers[:5]]
        for case_id in (a, b):
            events = [row_to_event(row) for row in rows if row.case_id == case_id]
            state = None
            for event in events:
                state = apply(state, event)
            assert load_case(session, case_id) == state  # the row is exactly the replayed events
            last_seq = session.execute(select(CaseRow.last_seq).where(CaseRow.id == case_id)).scalar_one()
            assert last_seq == max(row.seq for row in rows if row.case_id == case_id)
        routed = load_case(session, b)
        assert routed is not None and routed.department_code == "ROAD" and routed.transfer_due_at is not None
