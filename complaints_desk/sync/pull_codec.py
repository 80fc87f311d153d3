"""Reading a GET /sync/pull answer fast, straight into the store's stored form.

Why not `PullResponse.model_validate_json`: building a pydantic model per event (and then a domain Event, and
then converting its datetimes to text for SQLite) cost more than applying the page. Here msgspec decodes the
body straight into typed Structs, its C decoder checking every event against the rules of protocol.PulledEvent
as it reads (no unknown keys; ids of 36 characters; a known type and role; lengths of actor, department and
station; non-negative base version; an object payload); the times are checked (valid, with a zone on
occurred_at) as stored_values turns them into stored text. Decoding into dicts with orjson and checking them
in Python, as before, took twice the time, the most Python time of a catch-up. protocol.PullResponse stays the
wire's definition (the server answers with it); tests/unit/test_sync_pull_fast_path.py checks that both accept
and refuse the same pages.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import msgspec
from msgspec import Meta

from ..domain.events import EventType
from ..domain.roles import Role
from ..store.local.incoming import IncomingEvent, payload_text
from ..store.local.reference_pull import ReferenceRecord
from ..store.local.stored_values import stored_aware_utc, stored_utc
from .protocol import ReferenceChange

_TABLES = frozenset(ReferenceChange.model_fields["table"].annotation.__args__)  # type: ignore[union-attr]

_Id = Annotated[str, Meta(min_length=36, max_length=36)]


class _WireEvent(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """protocol.PulledEvent as msgspec reads it (the same keys, required ones and limits)."""

    id: _Id
    case_id: _Id
    seq: int
    type: EventType  # (read as the member; stored as its value)
    occurred_at: str  # times stay text: stored_values turns the server's UTC text into stored text by
    recorded_at: str  # rearranging it, twice as fast as from a datetime (both check that it is a valid time)
    actor_id: Annotated[str, Meta(max_length=36)] | None = None
    actor_role: Role
    actor_department: Annotated[str, Meta(max_length=40)] | None = None
    station_code: Annotated[str, Meta(max_length=3)] | None = None
    base_version: Annotated[int, Meta(ge=0)] | None = None
    case_version: int
    payload: dict[str, Any] = {}


class _WirePage(msgspec.Struct, gc=False):
    events: list[_WireEvent]
    next_after: int
    has_more: bool
    reference: list[Any] = []


_read_page = msgspec.json.Decoder(_WirePage)


class PageHead(msgspec.Struct, gc=False):
    """Where a page ends and whether more follow, read without its events (skipped by the decoder, not built)."""

    next_after: int
    has_more: bool


_read_head = msgspec.json.Decoder(PageHead)


class PageError(ValueError):
    """The body is not a pull page."""


@dataclass(frozen=True)
class PulledPage:
    events: list[IncomingEvent]
    reference: list[ReferenceRecord]
    next_after: int
    has_more: bool


def _events(wire: list[_WireEvent]) -> list[IncomingEvent]:
    # One comprehension, no helpers per field: it runs for every pulled event (100,000 on a fresh client).
    return [
        IncomingEvent(
            e.id,
            e.case_id,
            e.seq,
            e.type.value,
            stored_aware_utc(e.occurred_at),
            stored_utc(e.recorded_at),
            e.actor_id,
            e.actor_role.value,
            e.actor_department,
            e.station_code,
            e.base_version,
            e.case_version,
            payload_text(e.payload),
            e.payload,
        )
        for e in wire
    ]


def _reference(item: Any) -> ReferenceRecord:
    if type(item) is not dict or not {"seq", "table", "record"} <= item.keys():
        raise PageError("a reference change is not {seq, table, record}")
    if item["table"] not in _TABLES or type(item["record"]) is not dict:
        raise PageError(f"bad reference change for {item['table']!r}")
    if type(item["seq"]) is not int:
        raise PageError(f"seq is not an integer: {item['seq']!r}")
    return ReferenceRecord(item["seq"], item["table"], item["record"])


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


def wait_turn(gate: threading.Event | None, hold: Callable[[], bool] | None = None) -> None:
    """Before Python work of the read-ahead thread (decoding a page within decoding_after, reading what the
    catch-up's second process sent): wait for `gate`, then while `hold()` is true."""
    if gate is not None:
        gate.wait()
    if hold is not None:
        _held(hold)


def page_head(raw: bytes) -> PageHead | None:
    """The page's cursor and whether more follow, or None when the body is not a page."""
    try:
        return _read_head.decode(raw)
    except msgspec.DecodeError:
        return None


def parse_pull_page(raw: bytes | str) -> PulledPage:
    """The page, or PageError when the body is not one."""
    gate: threading.Event | None = getattr(_this_thread, "gate", None)
    hold: Callable[[], bool] | None = getattr(_this_thread, "hold", None)
    wait_turn(gate, hold)
    try:
        body = _read_page.decode(raw)
        wire = body.events
        if hold is None:
            decoded = _events(wire)
        else:
            decoded = []
            for start in range(0, len(wire), HOLD_EVERY):
                _held(hold)
                decoded.extend(_events(wire[start : start + HOLD_EVERY]))
        return PulledPage(decoded, [_reference(item) for item in body.reference], body.next_after, body.has_more)
    except PageError:
        raise
    except (ValueError, KeyError, TypeError) as error:  # bad JSON (msgspec's errors are ValueErrors), a bad time
        raise PageError(f"not a pull page: {error!r}") from error
