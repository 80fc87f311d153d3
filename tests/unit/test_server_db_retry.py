"""A unit of work whose database connection is dropped runs again, once, on a fresh connection; a second drop
in a row is answered 503 with Retry-After, in Korean and English, and logged once. Real PostgreSQL: each
connection is dropped by terminating its own backend (pg_terminate_backend), as an idle-connection killer
or a failover would, touching no other session."""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import anyio
import httpx
import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.ids import new_id
from complaints_desk.server import units
from complaints_desk.server.app import _pool_options, create_app
from complaints_desk.server.errors import DatabaseUnavailable
from complaints_desk.server.logs import LOGGER_NAME
from complaints_desk.server.sync import service
from complaints_desk.store.central import admin
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate
from tests.support import enrol_workstation
from tests.unit.test_server_push_batch import _push, _received

ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


@pytest.fixture
def pg_factory(pg_schema_url: str) -> Iterator[sessionmaker[Session]]:
    """Sessions pooled as the server pools them (no pre-ping)."""
    engine = make_engine(pg_schema_url, **_pool_options(pg_schema_url))
    migrate(engine)
    yield make_sessionmaker(engine)
    engine.dispose()


@pytest.fixture
def server_log() -> Iterator[list[str]]:
    """The server's log events (the `event` of each JSON line), as they are written."""
    events: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            events.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    yield events
    logger.removeHandler(handler)
    logger.setLevel(previous)


def drop_own_connection(session: Session) -> None:
    """This session's backend ends itself: the statement fails as on a connection the database dropped."""
    session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))


def terminate_from_outside(session: Session) -> None:
    """End this session's backend from another connection, and wait until it is gone (the session's next
    statement, or its COMMIT, then finds the connection dead)."""
    pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        deadline = time.monotonic() + 30
        while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone():
            assert time.monotonic() < deadline, "the backend did not end"
            time.sleep(0.05)


def counted(work: Callable[[Session, int], Any]) -> tuple[Callable[[Session], Any], list[int]]:
    calls: list[int] = []

    def run(session: Session) -> Any:
        calls.append(len(calls) + 1)
        return work(session, len(calls))

    return run, calls


def closures(factory: sessionmaker[Session]) -> list[str]:
    with factory() as session:
        return [c["name"] for c in admin.list_closures(session)]


def test_a_read_whose_connection_was_dropped_runs_again_on_a_fresh_one(
    pg_factory: sessionmaker[Session], server_log: list[str]
) -> None:
    def work(session: Session, attempt: int) -> int:
        if attempt == 1:
            drop_own_connection(session)
        return int(session.execute(text("SELECT 41 + 1")).scalar_one())

    run, calls = counted(work)
    assert units.read(pg_factory, run) == 42
    assert calls == [1, 2]
    assert server_log.count("database_reconnect") == 1


def test_a_write_that_rolled_back_with_its_connection_is_done_exactly_once(
    pg_factory: sessionmaker[Session],
) -> None:
    def work(session: Session, attempt: int) -> dict[str, Any]:
        closure = admin.add_closure(session, date(2026, 12, 31), date(2026, 12, 31), "종무식")
        if attempt == 1:
            drop_own_connection(session)  # the insert is lost with the connection: nothing committed
        return closure

    run, calls = counted(work)
    units.write(pg_factory, run)
    assert calls == [1, 2]
    assert closures(pg_factory) == ["종무식"]


def test_a_second_disconnect_in_a_row_is_database_unavailable(pg_factory: sessionmaker[Session]) -> None:
    run, calls = counted(lambda session, _attempt: drop_own_connection(session))
    with pytest.raises(DatabaseUnavailable):
        units.read(pg_factory, run)
    assert calls == [1, 2]  # retried once, not more
    assert units.read(pg_factory, lambda s: s.execute(text("SELECT 1")).scalar_one()) == 1  # the pool recovers


def test_an_error_that_is_not_a_disconnect_is_not_retried(pg_factory: sessionmaker[Session]) -> None:
    run, calls = counted(lambda session, _attempt: session.execute(text("SELECT 1 / 0")))
    with pytest.raises(DBAPIError) as caught:
        units.write(pg_factory, run, repeatable=True)
    assert getattr(caught.value.orig, "sqlstate", None) == "22012"  # division_by_zero, as raised
    assert calls == [1]


def test_a_connection_lost_at_commit_is_not_repeated_unless_the_work_is_repeatable(
    pg_factory: sessionmaker[Session],
) -> None:
    def work(session: Session, _attempt: int) -> None:
        admin.add_closure(session, date(2026, 12, 30), date(2026, 12, 30), "임시 휴무")
        terminate_from_outside(session)

    run, calls = counted(work)
    with pytest.raises(DatabaseUnavailable) as caught:
        units.write(pg_factory, run)
    assert caught.value.while_committing
    assert calls == [1]  # not run again: whether the COMMIT went through was unknown
    assert closures(pg_factory) == []  # (here it did not: the backend ended before the COMMIT)

    def idempotent(session: Session, attempt: int) -> None:
        admin.upsert_department(session, "ROAD", "도로과", "02-123-4567", active=True)
        if attempt == 1:
            terminate_from_outside(session)

    run, calls = counted(idempotent)
    units.write(pg_factory, run, repeatable=True)
    assert calls == [1, 2]
    with pg_factory() as session:
        assert [d["code"] for d in admin.list_departments(session)] == ["ROAD"]


def test_the_server_answers_503_with_retry_after_in_both_languages(
    pg_schema_url: str, server_log: list[str]
) -> None:
    app = create_app(pg_schema_url)

    def always_dropped() -> dict[str, Any]:
        units.read(app.state.factory, drop_own_connection)
        return {}

    app.add_api_route("/test/always-dropped", always_dropped, methods=["GET"])

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://server") as client:
            return await client.get("/test/always-dropped")

    try:
        response = anyio.run(get)
    finally:
        app.state.engine.dispose()
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    body = response.json()
    assert body["code"] == "database_unavailable"
    assert "데이터베이스" in body["message_ko"]
    assert "database" in body["message_en"]
    assert server_log.count("database_unavailable") == 1
    assert "request_failed" not in server_log  # not a 500


def test_every_endpoint_reaches_the_database_through_units() -> None:
    """The retry is in one place: no server module outside units.py (and the app's start-up) opens a session
    or a transaction of its own, which would answer a dropped connection with a 500 again."""
    import ast
    from pathlib import Path

    server = Path(units.__file__).resolve().parent
    offenders = []
    for path in server.rglob("*.py"):
        if path.name in {"units.py", "app.py"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in {"transaction", "factory", "Session"}:
                offenders.append(f"{path.relative_to(server)}:{node.lineno} calls {name}()")
    assert offenders == []


@pytest.mark.parametrize("step", ["apply_batch", "commit_numbered"])
def test_a_push_whose_connection_is_cut_without_a_word_lands_exactly_once(
    step: str, pg_factory: sessionmaker[Session], server_log: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network cut (the socket gone, no message from PostgreSQL and so no SQLSTATE) under either of the
    push's pipelines (the reads and locks, the numbered write): the push runs again on a fresh connection and
    every event is stored once."""
    real_step = getattr(service, step)
    cuts: list[int] = []

    def cut_then_step(session: Session, *args: Any, **kwargs: Any) -> Any:
        if not cuts:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            cuts.append(raw.fileno())
            with socket.socket(fileno=os.dup(raw.fileno())) as sock:
                sock.shutdown(socket.SHUT_RDWR)
        return real_step(session, *args, **kwargs)

    monkeypatch.setattr(service, step, cut_then_step)
    with pg_factory.begin() as session:
        staff = admin.create_staff(session, "pusher", "상담원", "agent", password="푸시-비밀번호-1234")
        claim = enrol_workstation(session, "P01")  # the workstation the events are numbered under
    events = [_received(staff, new_id(), f"20261120-P01-{n:04d}") for n in range(1, 4)]
    answers = _push(pg_factory, staff, events, claim)
    assert len(cuts) == 1
    assert [a.status for a in answers] == ["accepted"] * 3
    assert server_log.count("database_reconnect") == 1
    with pg_factory() as session:
        stored = session.execute(text("SELECT id FROM events ORDER BY seq")).scalars().all()
    assert stored == [e["id"] for e in events]
