"""Which cases of a pulled page have local events above the cursor (and so are rebased rather than projected):
the same answer whether the outbox is read whole (smaller than the page) or looked up by the page's ids."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from complaints_desk.domain.ids import new_id
from complaints_desk.store.db import make_engine, migrate
from complaints_desk.store.local import bulk


@pytest.fixture
def connection(tmp_path: Path) -> sqlite3.Connection:
    path = tmp_path / "client.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    return sqlite3.connect(path)


def _outbox(connection: sqlite3.Connection, case_id: str, state: str, seq: int | None) -> None:
    connection.execute(
        "INSERT INTO sync_outbox (event_id, case_id, event, state, seq, created_at, attempts, applied_locally)"
        " VALUES (?, ?, '{}', ?, ?, '2026-11-20 01:00:00.000000', 0, 1)",
        (new_id(), case_id, state, seq),
    )


@pytest.mark.parametrize("others", [0, 3000], ids=["outbox read whole", "outbox looked up by id"])
def test_pending_and_unreturned_local_events_make_a_case_dirty(
    connection: sqlite3.Connection, others: int
) -> None:
    pending, unreturned, returned, rejected, untouched = (new_id() for _ in range(5))
    _outbox(connection, pending, "pending", None)
    _outbox(connection, unreturned, "done", 51)
    _outbox(connection, returned, "done", 50)
    _outbox(connection, rejected, "rejected", None)
    for _ in range(others):  # other cases' accepted events, not on this page
        _outbox(connection, new_id(), "done", 10)
    page = [pending, unreturned, returned, rejected, untouched]
    assert bulk.dirty_cases(connection, page, 50) == {pending, unreturned}


def test_an_empty_outbox_leaves_every_case_clean(connection: sqlite3.Connection) -> None:
    assert bulk.dirty_cases(connection, [new_id() for _ in range(5)], 0) == set()


def test_a_page_event_the_store_already_holds_rebases_its_case_and_the_rest_is_projected(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import func, select
    from support import event, received_payload

    from complaints_desk.domain.events import EventType
    from complaints_desk.store.cases import load_case, record_event
    from complaints_desk.store.db import make_sessionmaker, transaction
    from complaints_desk.store.local.pull import apply_pull_page
    from complaints_desk.store.local.rebase import ServerEvent
    from complaints_desk.store.models import EventRow

    engine = make_engine(f"sqlite:///{tmp_path / 'held.sqlite3'}")
    migrate(engine)
    factory = make_sessionmaker(engine)
    held = event(EventType.RECEIVED, new_id(), payload=received_payload(receipt_no="20261120-C03-0001"))
    other = event(EventType.RECEIVED, new_id(), payload=received_payload(receipt_no="20261120-C03-0002"))
    with transaction(factory) as session:
        record_event(session, held)  # ours, written without an outbox row
    now = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    page = [ServerEvent(other, 1, 1, now), ServerEvent(held, 2, 1, now)]
    with transaction(factory) as session:
        summary = apply_pull_page(session, page, next_after=2)
    assert summary.rebased_cases == (held.case_id,)
    with factory() as session:
        assert session.execute(select(func.count()).select_from(EventRow)).scalar() == 2  # each event once
        assert session.execute(select(EventRow.seq).where(EventRow.id == held.id)).scalar() == 2
        for item in (held, other):
            stored = load_case(session, item.case_id)
            assert stored is not None and stored.version == 1
    engine.dispose()
