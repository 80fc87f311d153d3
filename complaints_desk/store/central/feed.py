"""The pull feed: everything committed above a client's cursor, events and reference-data changes, oldest first."""

from __future__ import annotations

import heapq
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.events import Event
from ..models import EventRow
from ..projection import row_to_event
from .sequence import REFERENCE_MODELS, latest_seq
from .tables import ReferenceTombstone

_HIDDEN_COLUMNS = {"password_hash"}


def reference_record(row: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in row.__table__.columns:
        if column.key in _HIDDEN_COLUMNS:
            continue
        value = getattr(row, column.key)
        values[column.key] = value.isoformat() if isinstance(value, date | datetime) else value
    return values


@dataclass(frozen=True)
class PulledRow:
    seq: int
    event: Event | None = None
    case_version: int = 0
    recorded_at: datetime | None = None
    table: str | None = None
    record: dict[str, Any] | None = None


EVENT_BATCH = 100  # event rows fetched at a time: a page stopped early by its byte limit reads little more


def pull_rows(session: Session, after: int, limit: int) -> Generator[PulledRow]:
    """Everything committed with a sequence number above `after`, oldest first, at most `limit + 1` items
    (one more than a page, so the caller knows whether more remain); reference rows appear at the number of
    their newest change. Lazy: event rows are fetched in batches as the caller goes, so a caller that stops
    early (a page full in bytes) never holds the rest in memory. Consume it inside the session."""
    ceiling = latest_seq(session)  # read first: every number up to it is committed and will be seen
    others: list[PulledRow] = []
    for table, model in REFERENCE_MODELS.items():
        rows = session.execute(
            select(model)
            .where(model.updated_seq > after, model.updated_seq <= ceiling)
            .order_by(model.updated_seq)
            .limit(limit + 1)
        ).scalars()
        others.extend(PulledRow(row.updated_seq, table=table, record=reference_record(row)) for row in rows)
    tombstones = session.execute(
        select(ReferenceTombstone)
        .where(ReferenceTombstone.seq > after, ReferenceTombstone.seq <= ceiling)
        .order_by(ReferenceTombstone.seq)
        .limit(limit + 1)
    ).scalars()
    others.extend(
        PulledRow(t.seq, table=t.table_name, record={"id": t.record_id, "deleted": True}) for t in tombstones
    )
    others.sort(key=lambda item: item.seq)
    event_rows = session.execute(
        select(EventRow)
        .where(EventRow.seq > after, EventRow.seq <= ceiling)
        .order_by(EventRow.seq)
        .limit(limit + 1)
        .execution_options(yield_per=EVENT_BATCH)
    ).scalars()
    events = (PulledRow(_seq(row), row_to_event(row), row.case_version, row.recorded_at) for row in event_rows)
    yield from islice(heapq.merge(events, others, key=lambda item: item.seq), limit + 1)


def _seq(row: EventRow) -> int:
    assert row.seq is not None
    return row.seq


def pull_page(session: Session, after: int, limit: int) -> tuple[list[PulledRow], bool]:
    """`pull_rows` as one page of at most `limit` items, and whether more remain."""
    items = list(pull_rows(session, after, limit))
    return items[:limit], len(items) > limit


def count_events(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(EventRow)).scalar_one())
