"""Pulled events as the store takes them.

`ServerEvent` is the domain's Event with the server's numbering (tests and the rebase use it).
`IncomingEvent` is the same event in stored form, as the pull's fast path reads it straight from the wire: its
fields are the `events` table's columns in order (times as stored text, enums as their values), so a row is
`(*event[:12], payload_json)` and nothing is converted twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from ...domain.events import Event, EventType
from ...domain.roles import Role
from .stored_values import parse_stored_utc, stored_utc


@dataclass(frozen=True, slots=True)
class ServerEvent:
    """An event as the server ordered it (a pulled event)."""

    event: Event
    seq: int
    case_version: int
    recorded_at: datetime


class IncomingEvent(NamedTuple):
    id: str
    case_id: str
    seq: int
    type: str
    occurred: str  # stored form: naive UTC text
    recorded: str  # stored form
    actor_id: str | None
    actor_role: str
    actor_department: str | None
    station_code: str | None
    base_version: int | None
    case_version: int
    payload: dict[str, Any]

    @classmethod
    def from_event(cls, event: Event, *, seq: int, case_version: int, recorded_at: datetime) -> IncomingEvent:
        return cls(
            event.id,
            event.case_id,
            seq,
            event.type.value,
            stored_utc(event.occurred_at),
            stored_utc(recorded_at),
            event.actor_id,
            event.actor_role.value,
            event.actor_department,
            event.station_code,
            event.base_version,
            case_version,
            event.payload if isinstance(event.payload, dict) else dict(event.payload),
        )

    @classmethod
    def from_server_event(cls, item: ServerEvent) -> IncomingEvent:
        return cls.from_event(
            item.event, seq=item.seq, case_version=item.case_version, recorded_at=item.recorded_at
        )

    def to_event(self) -> Event:
        return Event(
            id=self.id,
            case_id=self.case_id,
            type=EventType(self.type),
            occurred_at=parse_stored_utc(self.occurred),
            actor_id=self.actor_id,
            actor_role=Role(self.actor_role),
            actor_department=self.actor_department,
            station_code=self.station_code,
            base_version=self.base_version,
            payload=self.payload,
        )

    def to_server_event(self) -> ServerEvent:
        return ServerEvent(self.to_event(), self.seq, self.case_version, parse_stored_utc(self.recorded))
