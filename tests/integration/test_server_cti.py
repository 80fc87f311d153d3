"""The PBX's CTI webhook against a real server process (SQLite and PostgreSQL): a wrong token gets 401 and a
log line; newCall, answer and hangup (form-encoded as the PBX sends them, or JSON) make the call log; the
agent who answered hears of the call through the waiting read; an unanswered call is missed for everyone."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import LiveServer, Team, make_team

TOKEN = "cti-secret-7f3a"


@pytest.fixture
def cti_server(live_server_factory: Callable[..., LiveServer], server_db_url: str, tmp_path: Path) -> LiveServer:
    settings = tmp_path / "channels.json"
    settings.write_text(json.dumps({"cti": {"token": TOKEN}}), encoding="utf-8")
    return live_server_factory(server_db_url, "--channels", str(settings))


def _pbx(server: LiveServer, data: dict[str, Any], *, token: str = TOKEN, as_json: bool = False) -> httpx.Response:
    url = f"{server.base_url}/webhooks/cti/{token}"
    return httpx.post(url, json=data) if as_json else httpx.post(url, data=data)


def test_a_wrong_token_is_refused_with_a_log_line_and_records_nothing(cti_server: LiveServer) -> None:
    team = make_team(cti_server)
    r = _pbx(
        cti_server,
        {"event": "newCall", "from": "01012345678", "to": "021234567", "direction": "in", "callId": "x"},
        token="wrong",
    )
    assert r.status_code == 401
    assert any(
        line.get("event") == "webhook_refused" and line.get("channel") == "cti" for line in cti_server.log_lines()
    )
    with team.client("supervisor") as supervisor:
        assert supervisor.get("/cti/log").json()["calls"] == []


def test_malformed_notices_get_400_naming_the_field_never_500(cti_server: LiveServer) -> None:
    for data in (
        {"event": "ring", "direction": "in", "callId": "a"},
        {"event": "newCall", "direction": "sideways", "callId": "a"},
        {"event": "newCall", "direction": "in"},
        {"event": "newCall", "direction": "in", "callId": "b", "from": "<script>"},
        {"event": "newCall", "direction": "in", "callId": "x" * 300},
    ):
        r = _pbx(cti_server, data)
        assert r.status_code == 400, (data, r.text)
        assert r.json()["message_ko"]
    r = httpx.post(
        f"{cti_server.base_url}/webhooks/cti/{TOKEN}",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 400


def test_an_answered_call_reaches_the_agent_who_took_it_and_a_missed_one_everyone(cti_server: LiveServer) -> None:
    team: Team = make_team(cti_server)
    call = str(uuid.uuid4())
    got: dict[str, Any] = {}

    def wait_for_call() -> None:
        url = cti_server.api + "/cti/calls"
        got["answer"] = httpx.get(url, params={"wait": 20}, headers=team.headers("agent"), timeout=40).json()

    waiting = threading.Thread(target=wait_for_call)
    waiting.start()
    base = {"from": "010-1234-5678", "to": "02-120", "direction": "in", "callId": call}
    assert _pbx(cti_server, {**base, "event": "newCall", "user[]": ["김상담"]}).status_code == 200
    waiting.join(timeout=30)
    assert [c["state"] for c in got["answer"]["calls"]] == ["ringing"]  # the waiting read was answered at once
    assert (
        _pbx(cti_server, {**base, "event": "answer", "answeringNumber": "agent"}, as_json=True).status_code == 200
    )
    assert _pbx(cti_server, {**base, "event": "hangup", "cause": "normalClearing"}).status_code == 200
    missed = str(uuid.uuid4())
    _pbx(
        cti_server, {"from": "01099998888", "to": "02120", "direction": "in", "callId": missed, "event": "newCall"}
    )
    _pbx(
        cti_server,
        {
            "from": "01099998888",
            "to": "02120",
            "direction": "in",
            "callId": missed,
            "event": "hangup",
            "cause": "cancel",
        },
    )

    with team.client("agent") as agent:
        calls = {c["call_id"]: c for c in agent.get("/cti/calls").json()["calls"]}
    assert calls[call]["state"] == "ended" and calls[call]["answered_by"] == team.staff["agent"]["id"]
    assert calls[missed]["state"] == "missed" and calls[missed]["cause"] == "cancel"
    with team.client("clerk") as clerk:
        theirs = {c["call_id"]: c["state"] for c in clerk.get("/cti/calls").json()["calls"]}
    assert theirs == {missed: "missed"}  # another agent's answered call is not on this desk
    with team.client("supervisor") as supervisor:
        log = {c["call_id"]: c for c in supervisor.get("/cti/log").json()["calls"]}
    assert log[call]["caller"] == "010-1234-5678" and log[missed]["state"] == "missed"
    with team.client("officer") as officer:
        assert officer.get("/cti/calls").status_code == 403


def test_the_desks_call_watcher_hears_an_answered_call_at_once(cti_server: LiveServer) -> None:
    from complaints_desk.sync.cti import CallWatcher, PhoneCall
    from complaints_desk.sync.transport import Transport

    team = make_team(cti_server)
    heard: list[PhoneCall] = []
    arrived = threading.Event()

    def on_calls(calls: list[PhoneCall]) -> None:
        heard.extend(calls)
        if any(c.state.value == "answered" for c in calls):
            arrived.set()

    transport = Transport(cti_server.base_url, token=lambda: team.tokens["agent"])
    watcher = CallWatcher(transport, on_calls, signed_in=lambda: True, wait_seconds=10)
    watcher.start()
    try:
        base = {"from": "01055556666", "to": "02120", "direction": "in", "callId": "desk-1"}
        _pbx(cti_server, {**base, "event": "newCall"})
        _pbx(cti_server, {**base, "event": "answer", "answeringNumber": "agent"})
        assert arrived.wait(15)
    finally:
        watcher.stop()
    assert heard[-1].caller == "01055556666" and heard[-1].answered_by == team.staff["agent"]["id"]
