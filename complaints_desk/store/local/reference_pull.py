"""Reference data as a pull brings it: departments, staff, stations, categories, routing rules and closures,
written as the server has them now (never a password hash), in the caller's transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from ..models import SYNCED_REFERENCE, Base, Station
from ..types import UTCDateTime

_REFERENCE_MODELS: Mapping[str, type[Base]] = SYNCED_REFERENCE  # (store.models: one list for both programs)
_NEVER_FROM_WIRE = {"password_hash"}  # a client never keeps other people's password hashes


@dataclass(frozen=True)
class ReferenceRecord:
    seq: int
    table: str
    record: Mapping[str, Any]


def _coerce(model: type[Base], record: Mapping[str, Any]) -> dict[str, Any]:
    columns = model.__table__.columns
    values: dict[str, Any] = {}
    for key, value in record.items():
        if key not in columns or key in _NEVER_FROM_WIRE:
            continue
        column_type = columns[key].type
        if isinstance(value, str) and isinstance(column_type, UTCDateTime | DateTime):
            value = datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column_type, Date):
            value = date.fromisoformat(value[:10])
        values[key] = value
    return values


def upsert_reference(session: Session, changes: Sequence[ReferenceRecord]) -> None:
    """Departments, staff, stations, categories, routing rules and closures as the server has them now.
    Our own station's receipt counter never goes back: numbers issued offline are ahead of the server."""
    for change in sorted(changes, key=lambda c: c.seq):
        model = _REFERENCE_MODELS.get(change.table)
        if model is None:
            continue
        table: Table = model.__table__  # type: ignore[assignment]
        if change.record.get("deleted") is True:  # the server's tombstone (e.g. a closure taken back)
            session.execute(delete(table).where(table.c.id == change.record.get("id")))
            continue
        values = _coerce(model, change.record) | {"updated_seq": change.seq}
        if "id" not in values:
            continue
        existing = session.execute(select(table).where(table.c.id == values["id"])).first()
        if existing is None and "code" in values:
            # made locally before the server's copy arrived (our own station at enrolment): take the server's id
            existing = session.execute(select(table).where(table.c.code == values["code"])).first()
        if existing is None:
            session.execute(insert(table).values(**values))
            continue
        if model is Station:
            values = _keep_counter_ahead(values, existing)
        session.execute(update(table).where(table.c.id == existing.id).values(**values))


def _keep_counter_ahead(values: dict[str, Any], local: Any) -> dict[str, Any]:
    server = (values.get("last_receipt_day"), values.get("last_receipt_seq", 0))
    mine = (local.last_receipt_day, local.last_receipt_seq)
    if mine[0] is not None and (server[0] is None or mine > server):
        values = values | {"last_receipt_day": mine[0], "last_receipt_seq": mine[1]}
    return values
