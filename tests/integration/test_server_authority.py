"""The server is the authority on every fact it stores, and one bad event harms nothing else: through a real
server process on SQLite and PostgreSQL, each bad event of a push is rejected on its own with a reason in
Korean and English, and the good events of the same push are accepted and pullable (docs/operations.md,
"What the server checks, and what a workstation sees when it is refused")."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from complaints_desk.domain.ids import new_id

from .conftest import DEPARTMENT, OTHER_DEPARTMENT, Team, push, routed_case, wire_event, wire_received


def _latest(team: Team) -> int:
    with team.client("supervisor") as client:
        return int(client.get("/sync/wait", params={"after": 0, "timeout": 0}).json()["latest"])


def _pulled(team: Team, after: int, who: str = "supervisor") -> dict[str, dict[str, Any]]:
    """Every event pulled after `after`, by id."""
    events: dict[str, dict[str, Any]] = {}
    with team.client(who) as client:
        while True:
            page = client.get("/sync/pull", params={"after": after, "limit": 1000}).json()
            events.update({event["id"]: event for event in page["events"]})
            after = page["next_after"]
            if not page["has_more"]:
                return events


def _raw_push(team: Team, who: str, events: list[Any]) -> list[dict[str, Any]]:
    """A push written with the standard library's json (NaN and lone surrogates as such), like a buggy client."""
    body = json.dumps({"events": events}, allow_nan=True)
    response = httpx.post(
        team.server.api + "/sync/push",
        content=body.encode(),
        headers={**team.headers(who), "content-type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def _now(offset: timedelta = timedelta()) -> str:
    return (datetime.now(UTC) + offset).isoformat()


def _assert_refused(result: dict[str, Any], reason: str, index: int) -> None:
    assert (result["status"], result["reason"], result["index"]) == ("rejected", reason, index), result
    assert result["message_ko"] and result["message_en"], result


def test_bad_values_are_rejected_one_by_one_and_the_good_events_are_written(shared_team: Team) -> None:
    team = shared_team
    before = _latest(team)
    good = wire_received(team)
    case_id = good["case_id"]
    note = wire_event(team, "agent", "note_added", case_id, {"text": "전화로 다시 안내함"}, base_version=1)
    nameless = wire_event(team, "agent", "note_added", case_id, {"text": "x"})
    del nameless["id"]
    bad = {
        "nul_in_note": (
            wire_event(team, "agent", "note_added", case_id, {"text": "붙여넣기\x00끝"}),
            "invalid_text",
        ),
        "huge_signers": (wire_received(team, signers=2**63), "out_of_range"),
        "nan_signers": (wire_received(team, signers=float("nan")), "not_finite"),
        "lone_surrogate": (wire_received(team, title="제목 \ud800"), "invalid_text"),
        "year_one_received_at": (wire_received(team, received_at="0001-01-01T00:00:00+09:00"), "out_of_range"),
        "year_one_occurred_at": (
            {
                **wire_event(team, "agent", "note_added", case_id, {"text": "a"}),
                "occurred_at": "0001-01-01T00:00:00+09:00",
            },
            "out_of_range",
        ),
        "naive_time": (
            {
                **wire_event(team, "agent", "note_added", case_id, {"text": "a"}),
                "occurred_at": "2026-12-01T10:00:00",
            },
            "naive_time",
        ),
        "unknown_role": (
            {**wire_event(team, "agent", "note_added", case_id, {"text": "a"}), "actor_role": "wizard"},
            "unknown_role",
        ),
        "not_a_uuid": (
            {**wire_event(team, "agent", "note_added", case_id, {"text": "a"}), "id": "not-a-uuid"},
            "invalid_id",
        ),
        "no_id": (nameless, "invalid_id"),
        "not_an_object": ("received", "invalid"),
    }
    events: list[Any] = [good, *(event for event, _ in bad.values()), note]
    results = _raw_push(team, "agent", events)
    assert len(results) == len(events)
    assert results[0]["status"] == "accepted" and results[-1]["status"] == "accepted", (results[0], results[-1])
    for index, (name, (event, reason)) in enumerate(bad.items(), start=1):
        _assert_refused(results[index], reason, index)
        expected_id = event["id"] if isinstance(event, dict) and isinstance(event.get("id"), str) else ""
        assert results[index]["id"] == expected_id, name
    pulled = _pulled(team, before)
    assert good["id"] in pulled and note["id"] in pulled
    assert not {event["id"] for event, _ in bad.values() if isinstance(event, dict) and "id" in event} & set(
        pulled
    )


def test_the_server_sets_the_legal_deadline_and_refuses_times_outside_its_window(shared_team: Team) -> None:
    team = shared_team
    before = _latest(team)
    forecast = wire_received(team, due_at="2099-12-31T23:59:59+09:00")
    honest = wire_received(team)
    too_old = wire_received(team, received_at=_now(-timedelta(days=90)))
    year_1999 = wire_received(team, received_at="1999-12-31T09:00:00+09:00")
    far_future = {**wire_received(team), "occurred_at": "9999-12-31T23:59:59+09:00"}
    ahead = {**wire_received(team), "occurred_at": _now(timedelta(hours=1))}
    results = push(team.client("agent"), [forecast, year_1999, far_future, ahead, too_old, honest])
    assert results[0]["status"] == "accepted" and results[-1]["status"] == "accepted"
    _assert_refused(results[1], "out_of_range", 1)
    _assert_refused(results[2], "out_of_range", 2)
    _assert_refused(results[3], "time_in_future", 3)
    _assert_refused(results[4], "time_too_old", 4)

    with team.client("supervisor") as supervisor:
        case = supervisor.get(f"/cases/{forecast['case_id']}").json()
        honest_case = supervisor.get(f"/cases/{honest['case_id']}").json()
    legal = honest["payload"]["due_at"]
    assert datetime.fromisoformat(_case(case)["due_at"]) == datetime.fromisoformat(legal)  # not 2099
    assert _case(honest_case)["version"] == 1  # a right forecast is not corrected
    pulled = _pulled(team, before)
    corrections = [e for e in pulled.values() if e["type"] == "deadline_set"]
    assert [(e["case_id"], e["actor_role"], e["case_version"]) for e in corrections] == [
        (forecast["case_id"], "system", 2)
    ]
    assert corrections[0]["payload"]["forecast_due_at"].startswith("2099-12-31")
    assert pulled[forecast["id"]]["payload"]["due_at"] == "2099-12-31T23:59:59+09:00"  # never rewritten


def _case(body: dict[str, Any]) -> dict[str, Any]:
    inner = body.get("case", body)
    assert isinstance(inner, dict)
    return inner


def test_every_reference_must_exist_and_the_actor_must_be_the_pusher(shared_team: Team) -> None:
    team = shared_team
    before = _latest(team)
    case_id = routed_case(team)  # version 2, routed to ROAD
    fresh = wire_received(team)
    agent = [
        fresh,
        wire_event(team, "agent", "routed", fresh["case_id"], {"department_code": "NOWHERE"}, base_version=1),
        wire_event(team, "agent", "merged", fresh["case_id"], {"into_case_id": new_id()}, base_version=1),
        {**wire_event(team, "agent", "note_added", fresh["case_id"], {"text": "누가?"}), "actor_id": None},
        wire_event(team, "agent", "note_added", case_id, {"text": "너무 앞선 버전"}, base_version=9),
        wire_event(team, "agent", "note_added", case_id, {"text": "예전 버전에서 쓴 메모"}, base_version=1),
        wire_event(team, "agent", "routed", fresh["case_id"], {"department_code": DEPARTMENT}, base_version=1),
    ]
    results = push(team.client("agent"), agent)
    assert [r["status"] for r in results] == ["accepted", "rejected", "rejected", "rejected", "rejected"] + [
        "accepted"
    ] * 2, results
    _assert_refused(results[1], "unknown_department", 1)
    _assert_refused(results[2], "unknown_merge_target", 2)
    _assert_refused(results[3], "actor_required", 3)
    _assert_refused(results[4], "version_ahead", 4)

    officer = [
        wire_event(team, "officer", "assigned", case_id, {"staff_id": new_id()}, base_version=2),
        wire_received(team, "officer", department_code=OTHER_DEPARTMENT),
        wire_received(team, "officer"),
    ]
    results = push(team.client("officer"), officer)
    _assert_refused(results[0], "unknown_staff", 0)
    _assert_refused(results[1], "department_mismatch", 1)
    assert results[2]["status"] == "accepted"
    with team.client("officer") as client:
        own = client.get(f"/cases/{officer[2]['case_id']}").json()
    assert _case(own)["department_code"] == DEPARTMENT
    pulled = _pulled(team, before)
    assert {agent[0]["id"], agent[5]["id"], agent[6]["id"], officer[2]["id"]} <= set(pulled)


def test_a_refusal_shows_the_case_masked_and_records_no_viewing(shared_team: Team) -> None:
    team = shared_team
    case_id = routed_case(team)  # ROAD: the officer's own department
    before = _latest(team)
    closing = wire_event(team, "officer", "closed", case_id, {"reason": "answered"}, base_version=2)
    [answer] = push(team.client("officer"), [closing])
    assert answer["status"] == "rejected" and answer["reason"] == "lifecycle"
    assert answer["case"]["petitioner_name"] == "홍*동"
    assert answer["case"]["petitioner_phone"] != "010-1234-5678"
    assert not [e for e in _pulled(team, before).values() if e["type"] == "details_viewed"]


def test_an_id_reused_for_other_content_is_refused(shared_team: Team) -> None:
    team = shared_team
    first = wire_received(team)
    note = wire_event(team, "agent", "note_added", first["case_id"], {"text": "원래 메모"}, base_version=1)
    assert [r["status"] for r in push(team.client("agent"), [first, note])] == ["accepted", "accepted"]
    changed = {**note, "payload": {"text": "바꿔치기한 메모"}}
    again = push(team.client("agent"), [note, changed, {**first, "case_id": new_id()}])
    assert again[0]["status"] == "duplicate"
    _assert_refused(again[1], "id_reused", 1)
    _assert_refused(again[2], "id_reused", 2)
    numbers = wire_event(team, "agent", "note_added", first["case_id"], {"text": "수치", "area": 1e20, "r": 0.5})
    assert push(team.client("agent"), [numbers])[0]["status"] == "accepted"
    assert push(team.client("agent"), [numbers])[0]["status"] == "duplicate"  # jsonb writes 1e20 as an integer
    within = wire_event(team, "agent", "note_added", first["case_id"], {"text": "하나"})
    results = push(team.client("agent"), [within, {**within, "payload": {"text": "둘"}}])
    assert results[0]["status"] == "accepted"
    _assert_refused(results[1], "id_reused", 1)
    with team.client("supervisor") as supervisor:
        assert _case(supervisor.get(f"/cases/{first['case_id']}").json())["notes"] == 3


def test_every_event_records_who_pushed_it_and_from_which_workstation(shared_team: Team) -> None:
    from sqlalchemy import select

    from complaints_desk.store.db import make_engine, make_sessionmaker
    from complaints_desk.store.models import EventRow

    team = shared_team
    received = wire_received(team, due_at="2099-12-31T23:59:59+09:00")  # followed by the server's deadline
    assert push(team.client("agent"), [received])[0]["status"] == "accepted"
    # a note pushed without workstation headers: who pushed it is known, where from is not
    note = wire_event(team, "agent", "note_added", received["case_id"], {"text": "헤더 없이 보낸 메모"})
    with httpx.Client(
        base_url=team.server.api, headers={"Authorization": f"Bearer {team.tokens['agent']}"}
    ) as bare:
        assert push(bare, [note])[0]["status"] == "accepted"
    engine = make_engine(team.server.database_url)
    try:
        with make_sessionmaker(engine)() as session:
            rows = session.execute(select(EventRow).where(EventRow.case_id == received["case_id"])).scalars().all()
    finally:
        engine.dispose()
    agent, code = team.staff["agent"]["id"], team.station_code
    assert sorted((row.type, row.pushed_by, row.pushed_from, row.station_code) for row in rows) == [
        ("deadline_set", agent, code, None),
        ("note_added", agent, None, note["station_code"]),
        ("received", agent, code, received["station_code"]),
    ]


def test_a_statutory_deadline_comes_from_the_servers_category_table(shared_team: Team) -> None:
    team = shared_team
    code = f"PERMIT-{new_id()[-6:]}"
    with team.client("admin") as admin:
        answer = admin.post("/admin/categories", json={"code": code, "name": "건축허가", "statutory_days": 3})
        assert answer.status_code in (200, 201), answer.text
    forecast = wire_received(team, kind="statutory", category_code=code, period={"amount": 30, "unit": "days"})
    unknown = wire_received(team, kind="statutory", category_code="NO-SUCH-CATEGORY")
    results = push(team.client("agent"), [forecast, unknown])
    assert results[0]["status"] == "accepted"
    _assert_refused(results[1], "unknown_category", 1)
    with team.client("supervisor") as supervisor:
        case = _case(supervisor.get(f"/cases/{forecast['case_id']}").json())
    assert (case["period_amount"], case["period_unit"], case["version"]) == (3, "days", 2)
    assert datetime.fromisoformat(case["due_at"]) < datetime.fromisoformat(
        forecast["payload"]["due_at"]
    ) + timedelta(days=1)


def test_the_time_window_is_a_setting(live_server_factory: Any) -> None:
    from .conftest import make_team

    team = make_team(live_server_factory(None, "--max-event-age-days", "1"))
    two_days = wire_received(team, received_at=_now(-timedelta(days=2)))
    an_hour = wire_received(team, received_at=_now(-timedelta(hours=1)))
    results = push(team.client("agent"), [two_days, an_hour])
    _assert_refused(results[0], "time_too_old", 0)
    assert results[1]["status"] == "accepted"
