"""Arbitrary JSON in any field of any event type, through a real server on SQLite and PostgreSQL: never a 500,
never a refused push for one event's problem, the good events around it accepted, and nothing half-written
(every touched case row equals the replay of its stored events)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from complaints_desk.domain.events import EventType
from complaints_desk.domain.ids import is_valid_id, new_id
from complaints_desk.domain.lifecycle import replay
from complaints_desk.store.cases import case_events, load_case
from complaints_desk.store.db import make_engine, make_sessionmaker
from complaints_desk.store.projection import state_values

from .conftest import DEPARTMENT, Team, wire_event, wire_received

SPECIAL = st.sampled_from(
    [
        "\x00",
        "메모\x00",
        "\ud800",
        "0001-01-01T00:00:00+09:00",
        "9999-12-31T23:59:59+09:00",
        "2026-12-01T10:00:00",
        "1999-12-31T09:00:00+09:00",
        "not-a-uuid",
        "x" * 30_000,
        "NOWHERE",
        DEPARTMENT,
        "",
        "   ",
    ]
)
SCALARS = (
    SPECIAL
    | SPECIAL  # twice: the values that used to break a push are drawn more often
    | st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.sampled_from([2**31, 2**63, -1, 0])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | SPECIAL
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)

# A payload each event type would accept in the right status, so a fuzzed field is the one thing wrong.
PAYLOADS: dict[EventType, dict[str, Any]] = {
    EventType.ROUTED: {"department_code": DEPARTMENT},
    EventType.ASSIGNED: {"staff_id": new_id()},
    EventType.RETURNED: {"reason": "소관 아님"},
    EventType.TRANSFERRED: {"target": "department", "department_code": DEPARTMENT, "reason": "이송"},
    EventType.NOTE_ADDED: {"text": "메모"},
    EventType.CONTACT_LOGGED: {"method": "phone", "summary": "통화함"},
    EventType.EXTENDED: {"reason_code": "field_survey", "new_due_at": "2026-12-31T23:59:59+09:00"},
    EventType.CLOCK_STOPPED: {"reason": "supplement"},
    EventType.CLOCK_RESUMED: {"new_due_at": "2026-12-31T23:59:59+09:00"},
    EventType.ANSWERED: {"result": "accepted", "answer": "조치했습니다."},
    EventType.DECIDED: {"decision": "adopted", "reasons": "타당", "implementation_date": "2027-03-01"},
    EventType.REREVIEW_REQUESTED: {"reason": "다시"},
    EventType.CLOSED: {"reason": "answered"},
    EventType.REOPENED: {"reason": "재검토"},
    EventType.WITHDRAWN: {"reason": "해결됨"},
    EventType.MERGED: {"into_case_id": new_id()},
    EventType.RECEIPT_VOIDED: {"reason": "오타"},
    EventType.SATISFACTION_RECORDED: {"score": 4},
    EventType.DEADLINE_SET: {"due_at": "2026-12-31T23:59:59+09:00", "period": {"amount": 7, "unit": "days"}},
}
RECEIVED_FIELDS = [
    "receipt_no", "kind", "channel", "title", "body", "petitioner", "period", "due_at", "received_at",
    "department_code", "category_code", "is_group", "signers", "households", "reply_channel",
    "registration_due_at", "transfer_due_at",
]  # fmt: skip
TOP_FIELDS = ["occurred_at", "base_version", "actor_department", "station_code", "actor_id", "case_id", "type"]


@pytest.fixture(scope="module")
def database(shared_team: Team) -> Iterator[Engine]:
    engine = make_engine(shared_team.server.database_url)
    yield engine
    engine.dispose()


@st.composite
def fuzzed(draw: st.DrawFn) -> tuple[EventType, str, Any]:
    event_type = draw(st.sampled_from(list(EventType)))
    keys = RECEIVED_FIELDS if event_type is EventType.RECEIVED else list(PAYLOADS.get(event_type, {}))
    where = draw(st.sampled_from([*keys, *TOP_FIELDS, "<new key>", "<new key>", "<new key>"]))
    return event_type, where, draw(JSON)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(case=fuzzed())
def test_arbitrary_json_in_any_field_is_one_rejection_at_most(
    shared_team: Team, database: Engine, case: tuple[EventType, str, Any]
) -> None:
    team = shared_team
    event_type, where, value = case
    good = wire_received(team)
    if event_type is EventType.RECEIVED:
        target = wire_received(team)
    else:
        target = wire_event(team, "agent", event_type.value, good["case_id"], dict(PAYLOADS.get(event_type, {})))
    if where in TOP_FIELDS:
        target[where] = value
    elif where == "<new key>":
        target["payload"]["extra"] = value
    else:
        target["payload"][where] = value
    note = wire_event(team, "agent", "note_added", good["case_id"], {"text": "마지막 메모"})
    body = json.dumps({"events": [good, target, note]}, allow_nan=True).encode()
    response = httpx.post(
        team.server.api + "/sync/push",
        content=body,
        headers={**team.headers("agent"), "content-type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, (where, value, response.text[:500])
    results = response.json()["results"]
    assert [r["index"] for r in results] == [0, 1, 2]
    assert results[0]["status"] == "accepted" and results[2]["status"] == "accepted", results
    if results[1]["status"] == "rejected":
        assert results[1]["reason"] and results[1]["message_ko"] and results[1]["message_en"]
    fuzzed_case = target.get("case_id")
    touched = {good["case_id"]} | (
        {fuzzed_case} if isinstance(fuzzed_case, str) and is_valid_id(fuzzed_case) else set()
    )
    with make_sessionmaker(database)() as session:
        for case_id in touched:
            row = load_case(session, case_id)
            rebuilt = replay(case_events(session, case_id))
            if row is None:
                assert rebuilt is None
                continue
            assert rebuilt is not None and state_values(rebuilt) == state_values(row), (where, value)
