"""Bad input gets a clear 4xx (Korean and English), writes nothing, is logged, and the server keeps serving."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from complaints_desk.domain.ids import new_id

from .conftest import Team, push, wire_event, wire_received


def _latest(team: Team) -> int:
    with team.client("supervisor") as client:
        return int(client.get("/sync/wait", params={"after": 0, "timeout": 0}).json()["latest"])


def test_bad_requests_are_refused_clearly_and_change_nothing(shared_team: Team) -> None:
    api = shared_team.server.api
    before = _latest(shared_team)
    agent = shared_team.headers("agent")
    answers = {
        "malformed_json": httpx.post(
            api + "/sync/push", content=b'{"events": [', headers={**agent, "content-type": "application/json"}
        ),
        "events_not_a_list": httpx.post(api + "/sync/push", json={"events": {"id": "x"}}, headers=agent),
        "too_large": httpx.post(
            api + "/sync/push",
            content=b"x" * (3 * 1024 * 1024),
            headers={**agent, "content-type": "application/json"},
        ),
        "forged_token": httpx.get(api + "/sync/pull", headers={"Authorization": "Bearer not-a-token"}),
        "no_token": httpx.get(api + "/sync/pull"),
        "wrong_role": httpx.get(api + "/admin/staff", headers=agent),
        "unknown_case": httpx.get(api + f"/cases/{new_id()}", headers=agent),
        "negative_cursor": httpx.get(api + "/sync/pull", params={"after": -1}, headers=agent),
    }
    expected = {
        "malformed_json": (400, "malformed_json"),
        "events_not_a_list": (422, "invalid"),
        "too_large": (413, "too_large"),
        "forged_token": (401, "unauthorized"),
        "no_token": (401, "unauthorized"),
        "wrong_role": (403, "forbidden"),
        "unknown_case": (404, "unknown_case"),
        "negative_cursor": (422, "invalid"),
    }
    for name, response in answers.items():
        body = response.json()
        assert (response.status_code, body["code"]) == expected[name], (name, response.text)
        assert body["message_ko"] and body["message_en"], name
    assert _latest(shared_team) == before  # nothing written
    logged = {
        line.get("code") for line in shared_team.server.log_lines() if line.get("event") == "request_rejected"
    }
    assert {code for _status, code in expected.values()} <= logged
    health = httpx.get(shared_team.server.base_url + "/healthz")
    assert health.status_code == 200 and health.json()["inbox_failed"] == 0


def test_an_unknown_event_type_is_one_rejection_not_a_refused_push(shared_team: Team) -> None:
    with shared_team.client("agent") as agent:
        [answer] = push(agent, [{**wire_received(shared_team), "type": "teleported"}])
    assert (answer["status"], answer["reason"], answer["index"]) == ("rejected", "unknown_type", 0)
    assert answer["message_ko"] and answer["message_en"]


def test_an_expired_token_is_refused(shared_team: Team) -> None:
    from complaints_desk.store.central import accounts
    from complaints_desk.store.db import make_engine, make_sessionmaker, transaction

    engine = make_engine(shared_team.server.database_url)
    with transaction(make_sessionmaker(engine)) as session:
        token = accounts.issue_token(
            session,
            shared_team.staff["agent"]["id"],
            now=datetime.now(UTC) - timedelta(hours=2),
            ttl=timedelta(hours=1),
        )
    engine.dispose()
    response = httpx.get(shared_team.server.api + "/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401 and response.json()["code"] == "unauthorized"


def test_sql_looking_text_is_stored_as_text(shared_team: Team) -> None:
    title = "'); DROP TABLE cases; -- 도로 파손"
    received = wire_received(shared_team, title=title, body="1 OR 1=1; DELETE FROM events;")
    note = wire_event(shared_team, "agent", "note_added", received["case_id"], {"text": "' OR ''='"})
    with shared_team.client("agent") as agent:
        assert [r["status"] for r in push(agent, [received, note])] == ["accepted", "accepted"]
        case = agent.get(f"/cases/{received['case_id']}").json()["case"]
    assert case["title"] == title and case["body"] == "1 OR 1=1; DELETE FROM events;" and case["notes"] == 1


def test_events_the_lifecycle_refuses_are_answered_with_the_reason(shared_team: Team) -> None:
    received = wire_received(shared_team)
    unknown = wire_event(shared_team, "agent", "routed", new_id(), {"department_code": "ROAD"})
    bad_phone = wire_received(shared_team, petitioner={"name": "홍길동", "phone": "12"})
    resident = wire_received(shared_team, body="주민번호 900101-1234567 입니다")
    with shared_team.client("agent") as agent:
        results = push(agent, [received, unknown, bad_phone, resident])
        answers = {r["id"]: r for r in results}
        assert answers[received["id"]]["status"] == "accepted"
        assert answers[unknown["id"]]["reason"] == "unknown_case" and answers[unknown["id"]]["case"] is None
        assert answers[bad_phone["id"]]["reason"] == "phone"
        assert answers[resident["id"]]["reason"] == "resident_number"
        missing = agent.get(f"/cases/{bad_phone['case_id']}")
    assert missing.status_code == 404
    logged = [line for line in shared_team.server.log_lines() if line.get("event") == "event_rejected"]
    assert {unknown["id"], bad_phone["id"], resident["id"]} <= {line["event_id"] for line in logged}
