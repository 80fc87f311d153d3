"""Hundreds of idle long polls (GET /sync/wait) cost one database read per wake-up, not one per waiter, and
are all answered when something arrives, through a real server on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx

from .conftest import LiveServer, Team, create_admin, make_team, push, wire_received

WAITERS = 300
ANSWER_WITHIN = 20.0  # seconds; every wait asks for 60, so an answer before this is the wake-up's doing


def _latest(team: Team) -> int:
    with team.client("supervisor") as client:
        return int(client.get("/sync/wait", params={"after": 0, "timeout": 0}).json()["latest"])


async def _wait_all(waiting_on: LiveServer, pushing_to: LiveServer, team: Team) -> list[dict[str, Any]]:
    after = _latest(team)
    limits = httpx.Limits(max_connections=WAITERS + 10, max_keepalive_connections=WAITERS + 10)
    async with httpx.AsyncClient(
        base_url=waiting_on.api, headers=team.headers("clerk"), limits=limits, timeout=90
    ) as client:
        waits = [
            asyncio.create_task(client.get("/sync/wait", params={"after": after, "timeout": 60}))
            for _ in range(WAITERS)
        ]
        await asyncio.sleep(3.0)  # all connected and waiting
        assert not any(w.done() for w in waits), "nothing has changed yet: nobody is answered"
        with httpx.Client(base_url=pushing_to.api, headers=team.headers("agent"), timeout=60) as agent:
            await asyncio.to_thread(push, agent, [wire_received(team)])
        done, pending = await asyncio.wait(waits, timeout=ANSWER_WITHIN)
        for task in pending:
            task.cancel()
        assert not pending, f"{len(pending)} waiters were not woken"
    return [task.result().json() for task in done]


def _answers_logged(server: LiveServer) -> list[dict[str, Any]]:
    return [line for line in server.log_lines() if line.get("event") == "wait_answered"]


def test_three_hundred_waiters_are_answered_by_one_read(
    live_server_factory: Callable[..., LiveServer], server_db_url: str
) -> None:
    server = live_server_factory(server_db_url)
    team = make_team(server)
    latest = _latest(team)
    answers = asyncio.run(_wait_all(server, server, team))
    assert all(a["changed"] is True and a["latest"] > latest for a in answers)
    logged = _answers_logged(server)
    assert sum(line["answered"] for line in logged) == WAITERS
    # One read of the newest sequence number answered them (a commit landing mid-read may take a second).
    assert len(logged) <= 2, logged
    assert logged[-1]["checks"] - logged[0]["checks"] <= 1, logged


def test_a_push_to_one_process_wakes_the_waiters_on_another(
    live_server_factory: Callable[..., LiveServer], pg_schema_url: str
) -> None:
    intake = live_server_factory(pg_schema_url)
    waiting = live_server_factory(pg_schema_url)
    team = make_team(intake)
    answers = asyncio.run(_wait_all(waiting, intake, team))
    assert len(answers) == WAITERS and all(a["changed"] is True for a in answers)
    assert sum(line["answered"] for line in _answers_logged(waiting)) == WAITERS
    assert len(_answers_logged(waiting)) <= 2


def test_a_change_nobody_announced_is_still_answered(live_server_factory: Callable[..., LiveServer]) -> None:
    """On SQLite a change written beside the server (an admin command) sends no wake-up: the watcher's
    once-a-second look finds it."""
    server = live_server_factory()
    team = make_team(server)
    after = _latest(team)

    async def wait_then_write() -> list[dict[str, Any]]:
        async with httpx.AsyncClient(base_url=server.api, headers=team.headers("clerk"), timeout=90) as client:
            waits = [
                asyncio.create_task(client.get("/sync/wait", params={"after": after, "timeout": 60}))
                for _ in range(5)
            ]
            await asyncio.sleep(1.5)
            assert not any(w.done() for w in waits)
            await asyncio.to_thread(create_admin, server.database_url, "second_admin")
            done, pending = await asyncio.wait(waits, timeout=ANSWER_WITHIN)
            assert not pending
            return [task.result().json() for task in done]

    answers = asyncio.run(wait_then_write())
    assert all(a["changed"] is True and a["latest"] > after for a in answers)
