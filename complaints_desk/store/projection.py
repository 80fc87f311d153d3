"""Conversions between rows and the domain's values: the case row is the domain's CaseState, column for
column, so replaying events and reading the row must give equal values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from ..domain.case import CASE_FIELDS, CaseState
from ..domain.channels import Channel
from ..domain.events import Event, EventType
from ..domain.kinds import Kind
from ..domain.roles import Role
from ..domain.statuses import Status
from .models import CaseRow, EventRow


def state_values(state: CaseState) -> dict[str, Any]:
    # vars() rather than as_dict(): a CaseState's __dict__ is exactly its fields (5x cheaper; the push
    # builds a row per case per batch).
    values = dict(vars(state))
    for key in ("kind", "channel", "status"):
        values[key] = values[key].value
    return values


def row_to_state(row: CaseRow | Mapping[str, Any] | Any) -> CaseState:
    """Accepts an ORM row, a mapping of the case columns (a driver's dict row), or a result row with them.
    Every datetime comes out in UTC, whatever time zone the driver read it in."""
    get: Callable[[str], Any]
    if isinstance(row, Mapping):
        get = row.get
    else:
        get = row._mapping.get if hasattr(row, "_mapping") else lambda key: getattr(row, key)
    values: dict[str, Any] = {name: get(name) for name in CASE_FIELDS}
    values["kind"] = Kind(values["kind"])
    values["channel"] = Channel(values["channel"])
    values["status"] = Status(values["status"])
    for key, value in values.items():
        if isinstance(value, datetime) and value.tzinfo is not UTC:
            values[key] = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return CaseState(**values)


def event_to_row_values(
    event: Event, *, case_version: int, recorded_at: datetime, seq: int | None
) -> dict[str, Any]:
    return {
        "id": event.id,
        "case_id": event.case_id,
        "seq": seq,
        "type": event.type.value,
        "occurred_at": event.occurred_at,
        "recorded_at": recorded_at,
        "actor_id": event.actor_id,
        "actor_role": event.actor_role.value,
        "actor_department": event.actor_department,
        "station_code": event.station_code,
        "base_version": event.base_version,
        "case_version": case_version,
        "payload": dict(event.payload),
    }


def row_to_event(row: EventRow | Any) -> Event:
    occurred = row.occurred_at if row.occurred_at.tzinfo else row.occurred_at.replace(tzinfo=UTC)
    return Event(
        id=row.id,
        case_id=row.case_id,
        type=EventType(row.type),
        occurred_at=occurred,
        actor_id=row.actor_id,
        actor_role=Role(row.actor_role),
        actor_department=row.actor_department,
        station_code=row.station_code,
        base_version=row.base_version,
        payload=row.payload or {},
    )
