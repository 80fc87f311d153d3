"""Events as JSON (the outbox keeps the full event, so it can leave the events table and never be lost)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ...domain.events import Event, EventType
from ...domain.roles import Role


def event_to_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "case_id": event.case_id,
        "type": event.type.value,
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_role": event.actor_role.value,
        "actor_department": event.actor_department,
        "station_code": event.station_code,
        "base_version": event.base_version,
        "payload": dict(event.payload),
    }


def event_from_json(data: Mapping[str, Any]) -> Event:
    return Event(
        id=data["id"],
        case_id=data["case_id"],
        type=EventType(data["type"]),
        occurred_at=datetime.fromisoformat(data["occurred_at"]),
        actor_id=data.get("actor_id"),
        actor_role=Role(data["actor_role"]),
        actor_department=data.get("actor_department"),
        station_code=data.get("station_code"),
        base_version=data.get("base_version"),
        payload=data.get("payload") or {},
    )
