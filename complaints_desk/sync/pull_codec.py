"""Reading a GET /sync/pull answer fast, straight into the store's stored form.

Why not `PullResponse.model_validate_json`: building a pydantic model per event (and then a domain Event, and
then converting its datetimes to text for SQLite) cost more than applying the page. Here the body is decoded
with orjson (a quarter of `json.loads`'s time on a page of Korean text) and every event is checked against the
same rules as protocol.PulledEvent (no unknown keys; ids of 36 characters; a known type and role; lengths of
actor, department and station; non-negative base version; an object payload; a time zone on occurred_at) and
turned into a store.incoming.IncomingEvent with its times already as stored text. protocol.PullResponse stays
the wire's definition (the server answers with it); tests/unit/test_sync_pull_fast_path.py checks that both
accept and refuse the same pages.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import orjson

from ..domain.events import EventType
from ..domain.roles import Role
from ..store.local.incoming import IncomingEvent, payload_text
from ..store.local.pull import ReferenceRecord
from ..store.local.stored_values import stored_aware_utc, stored_utc
from .protocol import PulledEvent, ReferenceChange

_KEYS = frozenset(PulledEvent.model_fields)
_REQUIRED = frozenset(name for name, info in PulledEvent.model_fields.items() if info.is_required())
_TYPES = frozenset(t.value for t in EventType)
_ROLES = frozenset(r.value for r in Role)
_TABLES = frozenset(ReferenceChange.model_fields["table"].annotation.__args__)  # type: ignore[union-attr]


class PageError(ValueError):
    """The body is not a pull page."""


@dataclass(frozen=True)
class PulledPage:
    events: list[IncomingEvent]
    reference: list[ReferenceRecord]
    next_after: int
    has_more: bool


def _int(value: Any, name: str) -> int:
    if type(value) is not int:
        raise PageError(f"{name} is not an integer: {value!r}")
    return value


def _event(item: Any) -> IncomingEvent:
    # One function, no helpers per field: it runs for every pulled event (100,000 on a fresh client).
    if type(item) is not dict:
        raise PageError("an event is not an object")
    keys = item.keys()
    if keys != _KEYS and (not keys <= _KEYS or not keys >= _REQUIRED):  # (the server sends every key)
        raise PageError(f"event keys {sorted(keys)} are not those of an event")
    get = item.get
    event_id, case_id, event_type, role = item["id"], item["case_id"], item["type"], item["actor_role"]
    if type(event_id) is not str or len(event_id) != 36 or type(case_id) is not str or len(case_id) != 36:
        raise PageError(f"bad ids: {event_id!r}, {case_id!r}")
    if type(event_type) is not str or event_type not in _TYPES:
        raise PageError(f"unknown event type {event_type!r}")
    if type(role) is not str or role not in _ROLES:
        raise PageError(f"unknown role {role!r}")
    seq, version = item["seq"], item["case_version"]
    if type(seq) is not int or type(version) is not int:
        raise PageError(f"seq or case_version is not an integer: {seq!r}, {version!r}")
    base = get("base_version")
    if base is not None and (type(base) is not int or base < 0):
        raise PageError(f"bad base_version {base!r}")
    actor, department, station = get("actor_id"), get("actor_department"), get("station_code")
    if (
        (actor is not None and (type(actor) is not str or len(actor) > 36))
        or (department is not None and (type(department) is not str or len(department) > 40))
        or (station is not None and (type(station) is not str or len(station) > 3))
    ):
        raise PageError(f"bad actor, department or station: {actor!r}, {department!r}, {station!r}")
    payload = get("payload", {})
    if type(payload) is not dict:
        raise PageError("payload is not an object")
    occurred, recorded = item["occurred_at"], item["recorded_at"]
    if type(occurred) is not str or type(recorded) is not str:
        raise PageError("times are not text")
    return IncomingEvent(
        event_id,
        case_id,
        seq,
        event_type,
        stored_aware_utc(occurred),
        stored_utc(recorded),
        actor,
        role,
        department,
        station,
        base,
        version,
        payload_text(payload),
        payload,
    )


def _reference(item: Any) -> ReferenceRecord:
    if type(item) is not dict or not {"seq", "table", "record"} <= item.keys():
        raise PageError("a reference change is not {seq, table, record}")
    if item["table"] not in _TABLES or type(item["record"]) is not dict:
        raise PageError(f"bad reference change for {item['table']!r}")
    return ReferenceRecord(_int(item["seq"], "seq"), item["table"], item["record"])


_this_thread = threading.local()


HOLD_EVERY = 100  # events decoded between two looks at `hold` (decoding_after)
HOLD_NAP = 0.001  # seconds a held decoder sleeps before it looks again …
HOLD_MOST = 0.05  # … and at most this long a look: a long write (or a `hold` that stays true) never stops it


@contextmanager
def decoding_after(gate: threading.Event, hold: Callable[[], bool] | None = None) -> Iterator[None]:
    """parse_pull_page on this thread, within the block, waits for `gate` before it decodes (the read-ahead
    thread of a catch-up: sync.catch_up.PageReader), and while `hold()` is true (the clerk's write waits for or
    runs on the writer: decoding is Python and would take the GIL from it, a few milliseconds at a time). The
    transport fetches the body, then decodes it: the fetch does not wait."""
    _this_thread.gate, _this_thread.hold = gate, hold
    try:
        yield
    finally:
        _this_thread.gate = _this_thread.hold = None


def _held(hold: Callable[[], bool]) -> None:
    until = time.monotonic() + HOLD_MOST
    while hold() and time.monotonic() < until:
        time.sleep(HOLD_NAP)


def parse_pull_page(raw: bytes | str) -> PulledPage:
    """The page, or PageError when the body is not one."""
    gate: threading.Event | None = getattr(_this_thread, "gate", None)
    hold: Callable[[], bool] | None = getattr(_this_thread, "hold", None)
    if gate is not None:
        gate.wait()
    if hold is not None:
        _held(hold)
    try:
        body = orjson.loads(raw)
        if type(body) is not dict:
            raise PageError("the body is not an object")
        events = body["events"]
        reference = body.get("reference", [])
        has_more = body["has_more"]
        if type(events) is not list or type(reference) is not list or type(has_more) is not bool:
            raise PageError("events, reference or has_more of the wrong type")
        if hold is None:
            decoded = [_event(item) for item in events]
        else:
            decoded = []
            for start in range(0, len(events), HOLD_EVERY):
                _held(hold)
                decoded.extend([_event(item) for item in events[start : start + HOLD_EVERY]])
        return PulledPage(
            decoded,
            [_reference(item) for item in reference],
            _int(body["next_after"], "next_after"),
            has_more,
        )
    except PageError:
        raise
    except (ValueError, KeyError, TypeError) as error:  # bad JSON, a missing key, a bad time
        raise PageError(f"not a pull page: {error!r}") from error
