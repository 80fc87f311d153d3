"""The pull's fast path: reading a page without pydantic must accept and refuse what the protocol's models do,
give the same events. (That a pulled case row needs only the columns its events touch is tested with the
lifecycle's paths, tests/unit/test_lifecycle_paths.py.)"""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

import pytest
from pydantic import ValidationError

from complaints_desk.domain.events import EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.sync.engine import server_events
from complaints_desk.sync.protocol import PulledEvent, PullResponse
from complaints_desk.sync.pull_codec import PageError, parse_pull_page
from tests.support import event, later, received_payload
from tests.unit.test_lifecycle_paths import STORIES, _events


def _wire(item: Any, seq: int, version: int) -> dict[str, Any]:
    recorded = later(seq).astimezone(UTC)
    return PulledEvent(
        **{**item.__dict__, "payload": dict(item.payload)}, seq=seq, case_version=version, recorded_at=recorded
    ).model_dump(mode="json")


def _page(events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "events": events,
        "reference": [],
        "next_after": events[-1]["seq"] if events else 0,
        "has_more": False,
    } | extra


@pytest.mark.parametrize("name", list(STORIES))
def test_a_page_reads_the_same_as_through_the_protocol_models(name: str) -> None:
    wire = [
        _wire(item, seq, version) for version, (seq, item) in enumerate(enumerate(_events(STORIES[name]), 7), 1)
    ]
    body = json.dumps(_page(wire, reference=[{"seq": 99, "table": "departments", "record": {"id": "d1"}}]))
    fast = parse_pull_page(body)
    slow = PullResponse.model_validate_json(body)
    assert [e.to_server_event() for e in fast.events] == server_events(slow)
    assert [(r.seq, r.table, dict(r.record)) for r in fast.reference] == [(99, "departments", {"id": "d1"})]
    assert (fast.next_after, fast.has_more) == (slow.next_after, slow.has_more)


def _good() -> dict[str, Any]:
    return _wire(event(EventType.RECEIVED, new_id(), payload=received_payload()), 1, 1)


BAD_EVENTS: dict[str, dict[str, Any]] = {
    "unknown key": {"colour": "red"},
    "short id": {"id": "abc"},
    "unknown type": {"type": "teleported"},
    "unknown role": {"actor_role": "mayor"},
    "naive time": {"occurred_at": "2026-11-20T10:00:00"},
    "impossible time": {"occurred_at": "2026-11-31T10:00:00Z"},
    "negative base version": {"base_version": -1},
    "station code too long": {"station_code": "C003"},
    "payload not an object": {"payload": [1, 2]},
    "seq not a number": {"seq": None},
}


@pytest.mark.parametrize("name", list(BAD_EVENTS))
def test_a_bad_event_is_refused_as_the_protocol_refuses_it(name: str) -> None:
    body = json.dumps(_page([_good() | BAD_EVENTS[name]]))
    with pytest.raises(ValidationError):
        PullResponse.model_validate_json(body)
    with pytest.raises(PageError):
        parse_pull_page(body)


@pytest.mark.parametrize(
    "body", ["", "[]", '{"events": []}', '{"events": {}, "next_after": 1, "has_more": false}']
)
def test_a_body_that_is_no_page_is_refused(body: str) -> None:
    with pytest.raises(PageError):
        parse_pull_page(body)


def test_missing_a_required_key_is_refused() -> None:
    good = _good()
    del good["recorded_at"]
    with pytest.raises(PageError):
        parse_pull_page(json.dumps(_page([good])))
