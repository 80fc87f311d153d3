"""The value rules of domain/values.py (shared by the lifecycle, the wire and the forms), and the push's last
safety net: an event the rules missed that makes the code raise is refused alone, the others are written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain import lifecycle, values
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.ids import new_id
from complaints_desk.server.notify import Notifier
from complaints_desk.server.sync import service
from complaints_desk.store import cases
from complaints_desk.store.central import admin
from complaints_desk.store.db import transaction
from complaints_desk.sync.protocol import parse_pushed_event
from tests.support import enrol_workstation


def _code(call: Any) -> str:
    with pytest.raises(DomainError) as caught:
        call()
    assert caught.value.ko and caught.value.en
    return caught.value.code


def test_text_refuses_what_cannot_be_stored_and_what_is_too_long() -> None:
    assert values.read_text({"t": "  메모  "}, "t") == "메모"
    assert _code(lambda: values.read_text({"t": "a\x00b"}, "t")) == "invalid_text"
    assert _code(lambda: values.read_text({"t": "a\ud800"}, "t")) == "invalid_text"
    assert _code(lambda: values.read_text({"t": "가" * 11}, "t", limit=10)) == "too_long"
    assert _code(lambda: values.read_text({}, "t")) == "required"
    assert _code(lambda: values.read_text({"t": 5}, "t")) == "invalid"


def test_moments_and_dates_stay_within_sane_years_and_need_a_time_zone() -> None:
    assert values.read_moment({"m": "2026-11-20T10:00:00+09:00"}, "m") == datetime(2026, 11, 20, 1, tzinfo=UTC)
    assert _code(lambda: values.read_moment({"m": "0001-01-01T00:00:00+09:00"}, "m")) == "out_of_range"
    assert _code(lambda: values.read_moment({"m": "9999-12-31T23:59:59+09:00"}, "m")) == "out_of_range"
    assert _code(lambda: values.read_moment({"m": "2026-11-20T10:00:00"}, "m")) == "naive_time"
    assert _code(lambda: values.read_moment({"m": ["2026"]}, "m")) == "invalid"
    assert _code(lambda: values.day({"d": "0001-01-01"}, "d")) == "out_of_range"


def test_counts_fit_the_integer_columns_and_are_finite() -> None:
    assert values.count({"n": 7}, "n", 1) == 7 and values.count({}, "n", 1) == 1
    assert _code(lambda: values.count({"n": 2**63}, "n", 1)) == "out_of_range"
    assert _code(lambda: values.count({"n": 2**31}, "n", 1)) == "out_of_range"
    assert _code(lambda: values.count({"n": float("nan")}, "n", 1)) == "not_finite"
    assert _code(lambda: values.count({"n": True}, "n", 1)) == "invalid"


def test_a_payload_is_bounded_in_size_depth_keys_and_values() -> None:
    values.check_payload({"text": "메모", "extra": {"a": [1, 2.5, None, True]}})
    assert _code(lambda: values.check_payload({"k": "x" * 20_001})) == "too_long"
    assert _code(lambda: values.check_payload({"k": [{"a": [{"b": 1}]}]})) == "payload_too_deep"
    assert _code(lambda: values.check_payload({f"k{i}": 1 for i in range(65)})) == "payload_too_large"
    assert _code(lambda: values.check_payload({"k" * 65: 1})) == "invalid_key"
    assert _code(lambda: values.check_payload({"k": float("inf")})) == "not_finite"
    assert _code(lambda: values.check_payload({"k": ["\x00"]})) == "invalid_text"
    many = {f"k{i}": "가" * 19_000 for i in range(10)}  # each value allowed, the whole too large
    assert _code(lambda: values.check_payload(many)) == "payload_too_large"
    assert _code(lambda: values.check_payload([1])) == "invalid"


def _wire(staff_id: str, role: str, case_id: str, event_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    at = datetime.now(ZoneInfo("Asia/Seoul")) - timedelta(minutes=5)
    return {
        "id": new_id(),
        "case_id": case_id,
        "type": event_type,
        "occurred_at": at.isoformat(),
        "actor_id": staff_id,
        "actor_role": role,
        "payload": payload,
    }


def test_the_wire_names_what_is_wrong_with_one_event() -> None:
    good = _wire(new_id(), "agent", new_id(), "note_added", {"text": "메모"})
    assert parse_pushed_event(good).payload == {"text": "메모"}
    assert _code(lambda: parse_pushed_event({**good, "actor_role": "wizard"})) == "unknown_role"
    assert _code(lambda: parse_pushed_event({**good, "type": "teleported"})) == "unknown_type"
    assert _code(lambda: parse_pushed_event({**good, "occurred_at": "2026-11-20T10:00:00"})) == "naive_time"
    assert _code(lambda: parse_pushed_event({**good, "case_id": "x" * 36})) == "invalid_id"
    assert _code(lambda: parse_pushed_event({**good, "actor_id": "someone"})) == "invalid_id"
    assert _code(lambda: parse_pushed_event({k: v for k, v in good.items() if k != "type"})) == "required"
    assert _code(lambda: parse_pushed_event([good])) == "invalid"
    received = {**good, "type": "received", "payload": {"is_group": "yes"}}
    assert _code(lambda: parse_pushed_event(received)) == "invalid"


def test_an_event_that_makes_the_code_raise_is_refused_alone(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    with transaction(session_factory) as session:
        staff = admin.create_staff(session, "netted", "상담원", "agent", password="그물-비밀번호-1234")
        claim = enrol_workstation(session, "N01")
    real_apply = lifecycle.apply  # what the push's Recording (store.cases) decides each event with

    def apply(state: Any, event: Any) -> Any:
        if event.payload.get("text") == "boom":
            raise TypeError("a shape no rule foresaw")
        return real_apply(state, event)

    monkeypatch.setattr(cases, "apply", apply)
    monkeypatch.setattr(service, "SQLITE_CHUNK", 20)  # one chunk on both databases: the net must split it
    case_id = new_id()
    from complaints_desk.domain import deadlines
    from complaints_desk.domain.calendar import WorkCalendar
    from complaints_desk.domain.kinds import Kind
    from tests.support import received_payload

    at = datetime.now(ZoneInfo("Asia/Seoul")) - timedelta(minutes=5)
    due = deadlines.due_at(at, deadlines.period_for(Kind.GRIEVANCE), WorkCalendar()).isoformat()
    received = _wire(
        staff.id, "agent", case_id, "received", received_payload(receipt_no="20261120-N01-0001", due_at=due)
    )
    received["occurred_at"] = at.isoformat()
    events = [
        received,
        _wire(staff.id, "agent", case_id, "note_added", {"text": "boom"}),
        _wire(staff.id, "agent", case_id, "note_added", {"text": "괜찮은 메모"}),
    ]
    results = service.push_events(session_factory, Notifier("unused://"), staff, events, claim=claim)
    assert [(r.status, r.reason) for r in results] == [
        ("accepted", None),
        ("rejected", "unprocessable"),
        ("accepted", None),
    ]
