"""Pulled events as the store takes them.

`ServerEvent` is the domain's Event with the server's numbering (tests and the rebase use it).
`IncomingEvent` is the same event in stored form, as the pull's fast path reads it straight from the wire: its
fields are the `events` table's columns in order (times as stored text, enums as their values, the payload as its
stored JSON text), then the payload itself, so a row is `event[:13]` and nothing is converted twice. The pull's
read-ahead thread makes them (sync.pull_codec), encoding included, while the page before commits.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

import orjson

from ...domain.events import Event, EventType
from ...domain.roles import Role
from .stored_values import parse_stored_utc, stored_utc


def _unserializable(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _payload_encoder() -> Callable[[Any], str]:
    # json.dumps builds an encoder per call (a third of a small payload's cost): make the C one once. Hangul as
    # itself, as store.db.json_text writes it through SQLAlchemy, so pulled and local events look the same.
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    encoder = make(None, _unserializable, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda value: "".join(encoder(value, 0))


_json_payload = _payload_encoder()


def payload_text(value: Any) -> str:
    """The payload as stored text. orjson (4x the standard library's encoder, a tenth of a pulled page's
    Python time) writes the same text for what a pull can carry (Hangul as itself, the same escapes; floats
    may be spelt differently, 1e16 for 1e+16, the same number); what it refuses (an integer beyond 64 bits)
    goes through the standard library as before."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return _json_payload(value)


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
    payload_text: str  # the payload as stored (payload_text())
    payload: dict[str, Any]

    @classmethod
    def from_event(cls, event: Event, *, seq: int, case_version: int, recorded_at: datetime) -> IncomingEvent:
        payload = event.payload if isinstance(event.payload, dict) else dict(event.payload)
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
            payload_text(payload),
            payload,
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
