"""The pull feed: everything committed above a client's cursor, events and reference-data changes, oldest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
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


def pull_page(session: Session, after: int, limit: int) -> tuple[list[PulledRow], bool]:
    """Everything committed with a sequence number above `after`, oldest first, at most `limit` items, and
    whether more remain. Reference rows appear at the number of their newest change."""
    ceiling = latest_seq(session)  # read first: every number up to it is committed and will be seen
    items: list[PulledRow] = []
    event_rows = session.execute(
        select(EventRow)
        .where(EventRow.seq > after, EventRow.seq <= ceiling)
        .order_by(EventRow.seq)
        .limit(limit + 1)
    ).scalars()
    for row in event_rows:
        assert row.seq is not None
        items.append(PulledRow(row.seq, row_to_event(row), row.case_version, row.recorded_at))
    for table, model in REFERENCE_MODELS.items():
        rows = session.execute(
            select(model)
            .where(model.updated_seq > after, model.updated_seq <= ceiling)
            .order_by(model.updated_seq)
            .limit(limit + 1)
        ).scalars()
        items.extend(PulledRow(row.updated_seq, table=table, record=reference_record(row)) for row in rows)
    tombstones = session.execute(
        select(ReferenceTombstone)
        .where(ReferenceTombstone.seq > after, ReferenceTombstone.seq <= ceiling)
        .order_by(ReferenceTombstone.seq)
        .limit(limit + 1)
    ).scalars()
    items.extend(
        PulledRow(t.seq, table=t.table_name, record={"id": t.record_id, "deleted": True}) for t in tombstones
    )
    items.sort(key=lambda item: item.seq)
    return items[:limit], len(items) > limit


def count_events(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(EventRow)).scalar_one())
