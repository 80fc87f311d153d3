"""The demo store: a believable office and a year of cases in every channel, kind and status, each of
which replays from its stored events to exactly its stored row; the same seed gives the same store."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.lifecycle import replay
from complaints_desk.domain.roles import Actor, Role
from complaints_desk.domain.statuses import Status
from complaints_desk.store import reference
from complaints_desk.store.cases import case_events
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
from complaints_desk.store.demo import build, build_demo, ensure_demo
from complaints_desk.store.intake import Intake, take_intake
from complaints_desk.store.models import CaseRow, EventRow, Staff, Station
from complaints_desk.store.projection import row_to_state

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # Tue 11:00 in Seoul


def _engine_of(factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    with factory() as session:
        return session.get_bind()


def _assert_replays(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        rows = session.execute(select(CaseRow)).scalars().all()
        assert rows
        for row in rows:
            assert replay(case_events(session, row.id)) == row_to_state(row), row.receipt_no
        seqs = session.execute(select(EventRow.seq).order_by(EventRow.seq)).scalars().all()
        assert seqs == list(range(1, len(seqs) + 1))
        newest = dict(
            session.execute(select(EventRow.case_id, func.max(EventRow.seq)).group_by(EventRow.case_id)).all()
        )
        assert all(row.last_seq == newest[row.id] for row in rows)


def test_a_small_demo_has_every_channel_kind_and_status_and_replays_exactly(session_factory) -> None:  # type: ignore[no-untyped-def]
    summary = build_demo(_engine_of(session_factory), cases=300, seed=7, now=NOW)
    assert summary.cases == 300
    with session_factory() as session:
        seen = session.execute(select(CaseRow.channel, CaseRow.kind, CaseRow.status)).all()
        event_types = set(session.execute(select(EventRow.type).distinct()).scalars())
        roles = set(session.execute(select(Staff.role).distinct()).scalars())
        departments = reference.departments(session)
    assert {Channel(c) for c, _, _ in seen} == set(Channel)
    assert {Kind(k) for _, k, _ in seen} == set(Kind)
    assert {Status(s) for _, _, s in seen} == set(Status)
    for wanted in ("extended", "clock_stopped", "note_added", "contact_logged", "receipt_printed",
                   "satisfaction_recorded", "returned", "transferred", "decided", "progress_notified"):  # fmt: skip
        assert wanted in event_types
    assert roles >= {"agent", "clerk", "officer", "supervisor", "admin"}
    assert len(departments) >= 20 and all(d.phone.startswith("02-") for d in departments)
    _assert_replays(session_factory)


def test_bodies_are_korean_and_of_believable_length(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    build_demo(_engine_of(sqlite_session_factory), cases=200, seed=3, now=NOW)
    with sqlite_session_factory() as session:
        rows = session.execute(select(CaseRow.title, CaseRow.body, CaseRow.received_at)).all()
    assert all(60 <= len(body) <= 250 for _, body, _ in rows)
    assert all(any("가" <= ch <= "힣" for ch in title) for title, _, _ in rows)
    assert all(received <= NOW for _, _, received in rows)
    assert min(received for _, _, received in rows) < datetime(2025, 3, 1, tzinfo=UTC)  # about 13 months


def _dump(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        cases = conn.execute("SELECT * FROM cases ORDER BY id").fetchall()
        events = conn.execute("SELECT * FROM events ORDER BY id").fetchall()
    return cases, events


def _demo_store(path: Path, cases: int, seed: int) -> None:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    build_demo(engine, cases=cases, seed=seed, now=NOW)
    engine.dispose()


def test_the_same_seed_gives_the_same_store_and_another_seed_does_not(tmp_path: Path) -> None:
    _demo_store(tmp_path / "a.sqlite3", 150, 5)
    _demo_store(tmp_path / "b.sqlite3", 150, 5)
    _demo_store(tmp_path / "c.sqlite3", 150, 6)
    assert _dump(tmp_path / "a.sqlite3") == _dump(tmp_path / "b.sqlite3")
    assert _dump(tmp_path / "a.sqlite3") != _dump(tmp_path / "c.sqlite3")


def test_the_bulk_path_leaves_the_schema_of_a_migrated_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "PARALLEL_FROM", 100)  # the worker processes and dropped indexes of big demos
    _demo_store(tmp_path / "bulk.sqlite3", 400, 2)
    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    migrate(fresh)
    fresh.dispose()
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    with sqlite3.connect(tmp_path / "bulk.sqlite3") as bulk, sqlite3.connect(tmp_path / "fresh.sqlite3") as plain:
        assert bulk.execute(schema).fetchall() == plain.execute(schema).fetchall()
        assert bulk.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert bulk.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.sqlite3'}")
    _assert_replays(make_sessionmaker(engine))
    engine.dispose()


def test_an_intake_after_the_demo_continues_the_stations_receipt_numbers(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    build_demo(_engine_of(sqlite_session_factory), cases=300, seed=4, now=NOW)
    with transaction(sqlite_session_factory) as session:
        clerk = session.execute(select(Staff).where(Staff.username == "clerk01")).scalar_one()
        station = session.execute(select(Station).where(Station.code == "C01")).scalar_one()
        assert station.last_receipt_day is not None
        state = take_intake(
            session,
            Intake(Kind.GRIEVANCE, Channel.COUNTER, "한빛로 가로등 고장", "밤길이 어둡습니다.", "홍길동"),
            actor=Actor(clerk.id, Role.CLERK, clerk.department_code),
            station_code="C01",
            now=NOW,
        ).state
    assert state.receipt_no.startswith("20260310-C01-")


def test_ensure_demo_fills_an_empty_store_once(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    assert ensure_demo(sqlite_session_factory, cases=120) == 120
    assert ensure_demo(sqlite_session_factory, cases=120) == 0
    with sqlite_session_factory() as session:
        assert session.execute(select(func.count()).select_from(CaseRow)).scalar_one() == 120


def test_the_demo_command_builds_a_store_and_refuses_a_store_that_has_cases(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "complaints_desk.cli", "demo", "--cases", "200", "--data-dir", str(tmp_path)]
    first = subprocess.run(command, capture_output=True, text=True, timeout=240)
    assert first.returncode == 0, first.stderr
    assert "200" in first.stdout
    second = subprocess.run(command, capture_output=True, text=True, timeout=240)
    assert second.returncode == 2
    assert "이미" in second.stderr and "already" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1
    with sqlite3.connect(tmp_path / "server.sqlite3") as conn:  # the store `start` serves
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (200,)


def test_a_weighted_draw_is_the_standard_librarys_draw_for_the_same_seed() -> None:
    # Seeds are how a bug report's demo store is rebuilt; the faster draw must not change what they give.
    import random

    from complaints_desk.store.demo.dice import Weighted

    weights = (2, 1, 1, 1, 1, 1, 2, 4, 6, 9, 10, 9, 7, 8, 8, 8, 7, 7, 7, 8, 9, 9, 7, 4)
    draw = Weighted(range(24), weights)
    ours, theirs = random.Random(7), random.Random(7)
    drawn = [draw(ours) for _ in range(20_000)]
    assert drawn == [theirs.choices(range(24), weights)[0] for _ in range(20_000)]
    assert set(drawn) == set(range(24))
    with pytest.raises(ValueError):
        Weighted(["a", "b"], [1])
