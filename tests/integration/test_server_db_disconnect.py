"""A clerk's workstation never sees an error because PostgreSQL dropped the server's idle connections (a
restart, a failover, an idle-connection killer). A real server process; before each request every backend
of THAT server is terminated (selected by the application_name in its database URL: no other session's
backend is touched, and PostgreSQL itself keeps running), so the request's first statement meets a dead
pooled connection. Each request must still answer as usual, and a push must still be accepted once."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import psycopg
import pytest

from complaints_desk.domain.ids import new_id

from .conftest import DEPARTMENT, PASSWORD, LiveServer, Team, make_team, wire_received

ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
LISTEN_QUERY = "LISTEN complaints_desk_changes"


@pytest.fixture
def app_name() -> str:
    return f"cd_disconnect_{uuid.uuid4().hex[:10]}"


def terminate_backends(app_name: str) -> list[str]:
    """End every backend of the server under test, wait until they are gone, and return the last query of
    each (the pooled connections' and the LISTEN connection's)."""
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pid, query, pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = %s AND pid <> pg_backend_pid()",
            (app_name,),
        ).fetchall()
        pids = [pid for pid, _query, _ended in rows]
        deadline = time.monotonic() + 30
        while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = ANY(%s)", (pids,)).fetchone():
            assert time.monotonic() < deadline, "the server's backends did not end"
            time.sleep(0.05)
    return [str(query) for _pid, query, _ended in rows]


def reconnects(server: LiveServer) -> int:
    return sum(1 for line in server.log_lines() if line.get("event") == "database_reconnect")


def test_every_endpoint_survives_its_database_connections_being_dropped(
    live_server_factory: Callable[..., LiveServer], pg_schema_url: str, app_name: str
) -> None:
    server = live_server_factory(f"{pg_schema_url}&application_name={app_name}")
    team: Team = make_team(server)
    api = server.api

    def after_drop(request: Callable[[], httpx.Response]) -> httpx.Response:
        """Drop the server's connections (its pool holds some: every earlier step used it), then ask."""
        before = reconnects(server)
        queries = terminate_backends(app_name)
        assert any(query != LISTEN_QUERY for query in queries), queries  # pooled connections were dropped
        response = request()
        assert response.status_code == 200, response.text  # its usual answer, not a 500
        assert reconnects(server) > before  # and it did meet a dead connection
        return response

    # log in
    r = after_drop(lambda: httpx.post(api + "/auth/token", json={"username": "clerk", "password": PASSWORD}))
    assert r.status_code == 200, r.text
    assert r.json()["staff"]["username"] == "clerk"
    clerk = {"Authorization": f"Bearer {r.json()['access_token']}"}  # a new token: its first use asks the database

    # pull
    r = after_drop(lambda: httpx.get(api + "/sync/pull", params={"after": 0}, headers=clerk))
    assert r.status_code == 200, r.text
    pulled = r.json()
    assert any(ref["record"].get("code") == DEPARTMENT for ref in pulled["reference"])

    # wait (long poll): something after 0 exists, so it answers at once
    r = after_drop(lambda: httpx.get(api + "/sync/wait", params={"after": 0, "timeout": 5}, headers=clerk))
    assert r.status_code == 200, r.text
    assert r.json()["changed"] is True

    # a supervisor enrols the workstation
    workstation = new_id()
    supervisor = {"Authorization": team.headers("supervisor")["Authorization"]}
    r = after_drop(
        lambda: httpx.post(
            api + "/stations/enrol",
            json={"name": "민원실 1번 창구", "workstation_id": workstation},
            headers=supervisor,
        )
    )
    assert r.status_code == 200, r.text
    code = r.json()["code"]
    assert len(code) == 3
    clerk = {**clerk, "X-Workstation": workstation, "X-Workstation-Proof": r.json()["secret"]}

    # an administrator's read
    r = after_drop(lambda: httpx.get(api + "/admin/departments", headers=team.headers("admin")))
    assert r.status_code == 200, r.text
    assert DEPARTMENT in [d["code"] for d in r.json()]

    # a push afterwards is accepted, exactly once
    received = wire_received(team, "clerk", receipt_no=f"20261120-{code}-0001")
    r = after_drop(lambda: httpx.post(api + "/sync/push", json={"events": [received]}, headers=clerk))
    assert r.status_code == 200, r.text
    assert [result["status"] for result in r.json()["results"]] == ["accepted"]
    seq = r.json()["results"][0]["seq"]

    r = after_drop(lambda: httpx.post(api + "/sync/push", json={"events": [received]}, headers=clerk))
    assert r.status_code == 200, r.text
    assert [(x["status"], x["seq"]) for x in r.json()["results"]] == [("duplicate", seq)]

    # the case reads back, and its intake is in the log once
    r = after_drop(lambda: httpx.get(api + f"/cases/{received['case_id']}", headers=clerk))
    assert r.status_code == 200, r.text
    assert r.json()["case"]["receipt_no"] == received["payload"]["receipt_no"]
    r = httpx.get(api + "/sync/pull", params={"after": 0, "limit": 1000}, headers=clerk)
    assert r.status_code == 200, r.text
    assert [e["seq"] for e in r.json()["events"] if e["id"] == received["id"]] == [seq]

    lines: list[dict[str, Any]] = server.log_lines()
    assert not [line for line in lines if line.get("event") in ("request_failed", "database_unavailable")]
    assert not [line for line in lines if line.get("event") == "request" and line.get("status", 0) >= 500]
