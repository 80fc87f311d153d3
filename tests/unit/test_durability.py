"""An intake is on disk once it returns, and a half-written intake never exists after a crash."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import func, select, text

from complaints_desk.domain.lifecycle import replay
from complaints_desk.store.cases import case_events, load_case
from complaints_desk.store.db import BackgroundCheckpoints, make_engine, make_sessionmaker, migrate, transaction
from complaints_desk.store.models import CaseRow, EventRow, Station

WRITER = textwrap.dedent(
    """
    import sys
    from complaints_desk.domain.channels import Channel
    from complaints_desk.domain.kinds import Kind
    from complaints_desk.domain.roles import Actor, Role
    from complaints_desk.store import reference
    from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
    from complaints_desk.store.intake import Intake, take_intake

    engine = make_engine(sys.argv[1])
    migrate(engine)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        reference.upsert_department(session, "ROADS", "도로관리과")
        reference.ensure_station(session, "C07", "7번 창구")
    actor = Actor(id=None, role=Role.CLERK)
    while True:
        with transaction(factory) as session:
            state = take_intake(
                session,
                Intake(Kind.GRIEVANCE, Channel.COUNTER, "보도블록 파손", "한빛로 보도블록이 깨졌습니다.", "김영희",
                       "010-2222-3333", department_code="ROADS"),
                actor=actor,
                station_code="C07",
            ).state
        print(state.receipt_no, flush=True)
    """
)


def test_kill_nine_during_intakes_loses_nothing_that_returned(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'client.sqlite3'}"
    child = subprocess.Popen([sys.executable, "-c", WRITER, url], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    returned = [child.stdout.readline().strip() for _ in range(40)]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)

    engine = make_engine(url)
    migrate(engine)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        stored = set(session.scalars(select(CaseRow.receipt_no)))
        assert set(returned) <= stored  # everything that returned survived
        last_number = session.scalar(select(Station.last_receipt_seq).where(Station.code == "C07"))
        assert last_number == len(stored)  # the counter never ran ahead of or behind the cases
        # no case without its whole intake: each has its `received` and `routed` events, and replays exactly
        per_case = dict(session.execute(select(EventRow.case_id, func.count()).group_by(EventRow.case_id)).all())
        case_ids = list(session.scalars(select(CaseRow.id)))
        assert all(per_case.get(case_id) == 2 for case_id in case_ids)
        assert set(per_case) == set(case_ids)
        for case_id in case_ids[-5:]:
            assert replay(case_events(session, case_id)) == load_case(session, case_id)
    engine.dispose()


def test_only_a_refetchable_transaction_skips_the_wait_for_the_disk(tmp_path: Path) -> None:
    """A catch-up's pages commit without an fsync (they can be pulled again); every other transaction on the
    same connection, the intake after them included, still waits for the disk."""
    engine = make_engine(f"sqlite:///{tmp_path / 'client.sqlite3'}", pool_size=1, max_overflow=0)
    migrate(engine)
    factory = make_sessionmaker(engine)
    levels = []
    for refetchable in (False, True, True, False, True, False):
        with transaction(factory, refetchable=refetchable) as session:
            levels.append(session.scalar(text("PRAGMA synchronous")))
    engine.dispose()
    full, normal = 2, 1
    assert levels == [full, normal, normal, full, normal, full]


def test_a_transaction_with_a_deadline_gives_up_on_the_lock_in_time_and_the_next_waits_as_always(
    tmp_path: Path,
) -> None:
    """A KakaoTalk skill request must be answered within 5 s: its transaction waits for a held write lock only
    as long as it was told, fails with nothing saved, and leaves the pooled connection waiting the usual busy
    timeout for the next transaction."""
    from sqlalchemy.exc import OperationalError

    from complaints_desk.store.db import BUSY_TIMEOUT_MS, is_contention
    from tests.support import write_lock_held

    path = tmp_path / "server.sqlite3"
    engine = make_engine(f"sqlite:///{path}", pool_size=1, max_overflow=0)
    migrate(engine)
    factory = make_sessionmaker(engine)
    with write_lock_held(path, for_seconds=5.0) as released:
        try:
            with transaction(factory, lock_wait=0.3) as session:
                session.add(Station(code="K09", name="카카오"))
            refused: BaseException | None = None
        except OperationalError as error:
            refused = error
        gave_up_while_held = not released.is_set()
    assert refused is not None and is_contention(refused)
    assert gave_up_while_held
    with transaction(factory) as session:
        assert session.scalar(text("PRAGMA busy_timeout")) == BUSY_TIMEOUT_MS
        assert session.scalar(select(func.count()).select_from(Station).where(Station.code == "K09")) == 0
    engine.dispose()


def test_the_desks_writes_reach_the_database_file_without_a_commit_waiting_for_the_copy(tmp_path: Path) -> None:
    """With background checkpoints (the desktop's store) a thread copies the WAL into the database file; no
    commit of the writer does it (SQLite's own would wait for 1,000 pages, then make that commit wait)."""
    path = tmp_path / "client.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    checkpoints = BackgroundCheckpoints(engine, interval=0.05)
    factory = make_sessionmaker(engine)
    with factory() as session:
        assert session.scalar(text("PRAGMA wal_autocheckpoint")) == 0
    before = path.stat().st_size
    with transaction(factory) as session:  # about 600 pages: under SQLite's own threshold
        session.execute(
            text("INSERT INTO meta (key, value) VALUES (:key, :value)"),
            [{"key": f"bulk.{n}", "value": "가" * 2700} for n in range(300)],
        )
    deadline = time.monotonic() + 30
    while path.stat().st_size < before + 2_000_000 and time.monotonic() < deadline:
        time.sleep(0.05)
    grown = path.stat().st_size - before
    checkpoints.close()
    engine.dispose()
    assert grown >= 2_000_000, "the written pages reached the database file"
