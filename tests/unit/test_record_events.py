"""cases.record_events, the one way a case changes in the database (record_event is it for one event, and the
server's batched push decides and writes with the same Recording): many events of many cases in one call
give the rows and numbers that recording them one at a time gives, and a refused event writes nothing."""

from __future__ import annotations

import random

import pytest
from histories import random_history
from sqlalchemy import func, select
from support import event, later, received_payload

from complaints_desk.domain.errors import LifecycleError
from complaints_desk.domain.events import EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.lifecycle import replay
from complaints_desk.store import reference
from complaints_desk.store.cases import case_events, load_case, record_event, record_events
from complaints_desk.store.db import transaction
from complaints_desk.store.models import CaseRow, EventRow, Station


def test_a_batch_of_many_cases_gives_the_rows_one_at_a_time_gives(session_factory) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(20261201)
    histories = [random_history(rng, number) for number in range(1, 61)]
    first, second = histories[:30], histories[30:]
    # Round-robin over the cases: each case's events in order, the cases' events mixed
    interleaved = [history[step] for step in range(20) for history in first if step < len(history)]
    with transaction(session_factory) as session:
        after = record_events(session, interleaved, seqs=list(range(1, len(interleaved) + 1)))
        for history in second:
            for change in history:
                record_event(session, change)
    version = {change.id: position for history in first for position, change in enumerate(history, start=1)}
    assert [state.version for state in after] == [version[change.id] for change in interleaved]
    with session_factory() as session:
        for history in histories:
            case_id = history[0].case_id
            stored = load_case(session, case_id)
            assert stored is not None and replay(history) == stored == replay(case_events(session, case_id))
        for history in first:  # last_seq: the number of the case's newest event
            last = max(interleaved.index(change) + 1 for change in history)
            assert (
                session.execute(select(CaseRow.last_seq).where(CaseRow.id == history[0].case_id)).scalar() == last
            )


def test_one_refused_event_writes_nothing_of_the_batch(session_factory) -> None:  # type: ignore[no-untyped-def]
    case_id = new_id()
    intake = event(EventType.RECEIVED, case_id, payload={**received_payload(), "receipt_no": "20261120-C03-0007"})
    note = event(EventType.NOTE_ADDED, case_id, payload={"text": "메모"}, at=later(1))
    stray = event(EventType.NOTE_ADDED, new_id(), payload={"text": "없는 민원"}, at=later(2))
    with transaction(session_factory) as session:
        with pytest.raises(LifecycleError) as refused:
            record_events(session, [intake, note, stray])
        assert refused.value.code == "unknown_case"
        assert session.execute(select(func.count()).select_from(EventRow)).scalar() == 0
        assert session.execute(select(func.count()).select_from(CaseRow)).scalar() == 0


def test_the_server_notes_the_highest_receipt_number_it_records(session_factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(session_factory) as session:
        reference.ensure_station(session, "C03", "민원실 3번 창구")
    intakes = [
        event(EventType.RECEIVED, new_id(), payload={**received_payload(), "receipt_no": f"20261120-C03-{n:04d}"})
        for n in (5, 9, 7)
    ]
    with transaction(session_factory) as session:
        record_events(session, intakes, note_receipts=True)
    with session_factory() as session:
        station = session.execute(select(Station).where(Station.code == "C03")).scalar_one()
        assert (str(station.last_receipt_day), station.last_receipt_seq) == ("2026-11-20", 9)
