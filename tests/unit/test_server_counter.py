"""A store filled outside the server (the demo builder, a restored backup) must not make the server hand out
sequence numbers that are already taken."""

from __future__ import annotations

from sqlalchemy import func, select

from complaints_desk.store.central.sequence import align_counter, latest_seq, next_seq, stamp_unsequenced_reference
from complaints_desk.store.db import transaction
from complaints_desk.store.demo.build import ensure_demo
from complaints_desk.store.models import Department, EventRow


def test_the_counter_starts_after_every_number_in_a_demo_store(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    ensure_demo(sqlite_session_factory, cases=60)
    with transaction(sqlite_session_factory) as session:
        highest_event = session.scalar(select(func.max(EventRow.seq)))
        assert highest_event and highest_event > 100
        align_counter(session)
        stamp_unsequenced_reference(session)
    with transaction(sqlite_session_factory) as session:
        department_seqs = list(session.scalars(select(Department.updated_seq)))
        assert min(department_seqs) > highest_event  # reference rows numbered after the demo's events
        assert latest_seq(session) >= max(department_seqs)
        assert next_seq(session, announce=False) == latest_seq(session)  # the next number is a new one
        assert session.scalar(select(func.count()).where(EventRow.seq >= latest_seq(session))) == 0
