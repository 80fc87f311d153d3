"""POST/GET /api/v1/calls against a real server process, on SQLite and PostgreSQL: a call-log record is kept
once however often it is sent; an end without a warning, a reused id, a bad value, an unknown agent and a
wrong role are each refused with a 4xx in Korean and English (never a 500); supervisors read the log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from complaints_desk.domain.ids import new_id

from .conftest import Team


def _warning(team: Team, call: str, **changes: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "call_id": call,
        "kind": "warning_announced",
        "occurred_at": (datetime.now(UTC) - timedelta(minutes=3)).isoformat(),
        "agent_id": team.staff["agent"]["id"],
        "caller_phone": "010-2222-3333",
        "warning": "first",
        "reason": "abuse",
        **changes,
    }


def _end(team: Team, call: str, **changes: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "call_id": call,
        "kind": "call_ended_after_warning",
        "occurred_at": (datetime.now(UTC) - timedelta(minutes=1)).isoformat(),
        "agent_id": team.staff["agent"]["id"],
        **changes,
    }


def _post(team: Team, who: str, body: object) -> httpx.Response:
    return httpx.post(team.server.api + "/calls", json=body, headers=team.headers(who), timeout=30)


def _log(team: Team, who: str = "supervisor", **params: str) -> httpx.Response:
    return httpx.get(team.server.api + "/calls", params=params, headers=team.headers(who), timeout=30)


def _refusal(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["code"] == code and body["message_ko"] and body["message_en"], body
    return body


def _ids_in_log(team: Team, call_id: str) -> list[str]:
    response = _log(team)
    assert response.status_code == 200, response.text
    return [r["id"] for r in response.json()["records"] if r["call_id"] == call_id]


def test_a_record_is_kept_once_however_often_it_is_sent(shared_team: Team) -> None:
    call = new_id()
    warning = _warning(shared_team, call)
    first = _post(shared_team, "agent", warning)
    assert first.status_code == 201 and first.json() == {"id": warning["id"], "status": "stored"}
    again = _post(shared_team, "agent", warning)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert _ids_in_log(shared_team, call) == [warning["id"]]
    reused = _post(shared_team, "agent", {**warning, "reason": "threats"})
    _refusal(reused, 409, "id_reused")
    ended = _end(shared_team, call)
    assert _post(shared_team, "clerk", ended).status_code == 201  # whoever is signed in sends the desk's queue
    entries = {r["id"]: r for r in _log(shared_team).json()["records"] if r["call_id"] == call}
    assert entries[warning["id"]]["caller_phone"] == "010-2222-3333"  # a supervisor sees the number
    assert (
        entries[warning["id"]]["reason"] == "abuse" and entries[ended["id"]]["kind"] == "call_ended_after_warning"
    )
    assert entries[ended["id"]]["sent_by"] == shared_team.staff["clerk"]["id"]


def test_a_call_is_ended_only_after_a_warning(shared_team: Team) -> None:
    call = new_id()
    body = _refusal(_post(shared_team, "agent", _end(shared_team, call)), 409, "warning_first")
    assert "경고" in body["message_ko"] and "warning" in body["message_en"]
    _refusal(_post(shared_team, "agent", _warning(shared_team, call, warning="second")), 409, "warning_first")
    assert _ids_in_log(shared_team, call) == []
    assert _post(shared_team, "agent", _warning(shared_team, call)).status_code == 201
    assert _post(shared_team, "agent", _end(shared_team, call)).status_code == 201
    _refusal(_post(shared_team, "agent", _end(shared_team, call)), 409, "call_ended")


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"id": "123"}, "id", "invalid_id"),
        ({"call_id": ""}, "call_id", "invalid_id"),
        ({"kind": "hung_up"}, "kind", "invalid_choice"),
        ({"warning": "third"}, "warning", "invalid_choice"),
        ({"reason": None}, "reason", "required"),
        ({"caller_phone": "전화 없음"}, "caller_phone", "phone"),
        ({"caller_phone": "010\u00001234"}, "caller_phone", "invalid_text"),
        ({"occurred_at": "2026-11-20T05:00:00"}, "occurred_at", "naive_time"),
        ({"occurred_at": "0001-01-01T00:00:00+09:00"}, "occurred_at", "out_of_range"),
        ({"occurred_at": (datetime.now(UTC) + timedelta(hours=2)).isoformat()}, "occurred_at", "time_in_future"),
        ({"occurred_at": (datetime.now(UTC) - timedelta(days=400)).isoformat()}, "occurred_at", "time_too_old"),
        ({"agent_id": new_id()}, "agent_id", "unknown_agent"),
    ],
)
def test_bad_values_are_refused_in_both_languages(
    shared_team: Team, changes: dict[str, Any], field: str, code: str
) -> None:
    call = new_id()
    body = _refusal(_post(shared_team, "agent", _warning(shared_team, call, **changes)), 400, code)
    assert body["field"] == field
    assert _ids_in_log(shared_team, call) == []


def test_bodies_that_are_not_a_record_get_a_4xx(shared_team: Team) -> None:
    api, headers = shared_team.server.api + "/calls", shared_team.headers("agent")
    for body in ([1, 2], "text", None, {"id": None}):
        response = httpx.post(api, json=body, headers=headers, timeout=30)
        assert 400 <= response.status_code < 500, (body, response.text)
        assert response.json()["message_ko"]
    broken = httpx.post(api, content=b'{"id": ', headers={**headers, "content-type": "application/json"})
    _refusal(broken, 400, "malformed_json")
    _refusal(_log(shared_team, since="2026-11-20T05:00:00"), 400, "naive_time")


def test_only_front_desk_roles_send_and_only_supervisors_read(shared_team: Team) -> None:
    call = new_id()
    for who in ("officer", "admin"):
        _refusal(_post(shared_team, who, _warning(shared_team, call)), 403, "forbidden")
    anonymous = httpx.post(shared_team.server.api + "/calls", json=_warning(shared_team, call), timeout=30)
    _refusal(anonymous, 401, "unauthorized")
    for who in ("agent", "clerk", "officer"):
        _refusal(_log(shared_team, who), 403, "forbidden")
    assert _post(shared_team, "supervisor", _warning(shared_team, call)).status_code == 201
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    assert len(_ids_in_log(shared_team, call)) == 1 and _log(shared_team, since=since).status_code == 200
