"""Building a demo store: reference data through the repository, then the cases in bulk.

SQLite (the client's store) takes the fast path: days of cases are generated in worker processes (every
case through lifecycle.apply) while this process writes them with executemany in large transactions. On a
NEW store the secondary indexes of cases and events are dropped during the load and created again from
their own saved SQL afterwards, and the journal is off for the load (a crash leaves a half-built store
that is simply rebuilt); the schema ends identical to a migrated store. PostgreSQL takes the plain path
through SQLAlchemy Core (meant for small demos)."""

from __future__ import annotations

import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from ...domain.errors import DomainError
from .. import indexes, search
from ..bulk_gc import freeze_for_bulk_work
from ..db import transaction
from ..models import CaseRow, EventRow
from .generate import Context, DayPlan, make_context, plan_days
from .generate import generate_day as _generate_day
from .install import install_office, note_receipts
from .office import Office
from .rows import CASE_COLUMNS, EVENT_COLUMNS, SqliteDay, to_core, to_sqlite

Progress = Callable[[int, int], None]
COMMIT_EVERY = 50_000  # cases per transaction on the bulk path
PARALLEL_FROM = 20_000  # below this, worker processes cost more than they save


@dataclass(frozen=True)
class DemoSummary:
    cases: int
    events: int
    seconds: float


def store_not_empty(count: int) -> DomainError:
    return DomainError(
        "cases",
        f"이 저장소에는 이미 민원 {count:,}건이 있습니다. 시연 데이터는 빈 저장소에만 만듭니다 "
        "(다른 --data-dir를 지정하세요).",
        f"This store already holds {count:,} cases; demo data is only built into an empty store "
        "(choose another --data-dir).",
        code="store_not_empty",
    )


def build_demo(
    engine: Engine,
    *,
    cases: int,
    seed: int = 1,
    now: datetime | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> DemoSummary:
    """Fill an empty, migrated store with ``cases`` demo cases; DomainError if it already has cases."""
    if cases < 0:
        raise DomainError("cases", "건수는 0 이상이어야 합니다.", "The number of cases must not be negative.")
    started = time.perf_counter()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    factory = sessionmaker(engine, expire_on_commit=False)
    with transaction(factory) as session:
        existing = int(session.execute(select(func.count()).select_from(CaseRow)).scalar_one())
        if existing:
            raise store_not_empty(existing)
        office = install_office(session, seed, now)
    ctx = make_context(office, cases, seed)
    plans = [p for p in plan_days(cases, now, seed, ctx.calendar) if p.count]
    if engine.dialect.name == "sqlite":
        events, last = _write_sqlite(engine, plans, ctx, cases, seed, progress, workers)
    else:
        events, last = _write_core(factory, plans, ctx, cases, progress)
    with transaction(factory) as session:
        note_receipts(session, last)
    return DemoSummary(cases, events, time.perf_counter() - started)


def ensure_demo(factory: sessionmaker[Session], cases: int = 2000, seed: int = 1) -> int:
    """Give an empty store a small demo (quick: inline, no worker processes); do nothing when it has cases.
    Returns the number of cases added."""
    with factory() as session:
        if session.execute(select(func.count()).select_from(CaseRow)).scalar_one():
            return 0
        bind = session.get_bind()
    assert isinstance(bind, Engine)
    return build_demo(bind, cases=cases, seed=seed, workers=1).cases


# ---- producing days ---------------------------------------------------------------------------------------

_worker_ctx: Context | None = None


def _init_worker(office: Office, cases: int, seed: int) -> None:
    global _worker_ctx
    _worker_ctx = make_context(office, cases, seed)
    # A worker's garbage is short-lived days of acyclic records; the office and the modules stay out of it.
    freeze_for_bulk_work()


def _sqlite_day(plan: DayPlan) -> SqliteDay:
    assert _worker_ctx is not None
    try:
        return to_sqlite(_generate_day(plan, _worker_ctx))
    except Exception as exc:
        # Domain errors do not survive pickling back to this process; send their text instead.
        raise RuntimeError(f"demo day {plan.day}: {type(exc).__name__}: {exc}") from None


def _produce(
    plans: list[DayPlan], ctx: Context, cases: int, seed: int, workers: int | None
) -> Iterator[SqliteDay]:
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or cases < PARALLEL_FROM:
        for plan in plans:
            yield to_sqlite(_generate_day(plan, ctx))
        return
    # A bounded window of days in flight keeps memory flat whichever side is faster.
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(ctx.office, cases, seed)) as pool:
        pending: deque[Future[SqliteDay]] = deque()
        queue = iter(plans)
        for plan in queue:
            pending.append(pool.submit(_sqlite_day, plan))
            if len(pending) >= workers * 3:
                break
        while pending:
            day = pending.popleft().result()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append(pool.submit(_sqlite_day, nxt))
            yield day


# ---- SQLite bulk path -------------------------------------------------------------------------------------


def _write_sqlite(
    engine: Engine,
    plans: list[DayPlan],
    ctx: Context,
    cases: int,
    seed: int,
    progress: Progress | None,
    workers: int | None,
) -> tuple[int, dict[str, tuple[date, int]]]:
    fast = cases >= PARALLEL_FROM
    if fast:
        engine.dispose()  # the journal mode can only change while ours is the only connection
    raw = engine.raw_connection()
    try:
        conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        return _load(conn, plans, ctx, cases, seed, progress, workers, fast)
    finally:
        raw.close()


def _load(
    conn: sqlite3.Connection,
    plans: list[DayPlan],
    ctx: Context,
    cases: int,
    seed: int,
    progress: Progress | None,
    workers: int | None,
    fast: bool,
) -> tuple[int, dict[str, tuple[date, int]]]:
    saved_indexes: list[tuple[str, str]] = []
    if fast:
        saved_indexes = indexes.drop_indexes(conn, unique=True)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-524288")
    rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM cases").fetchone()[0]
    seq = conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
    last: dict[str, tuple[date, int]] = {}
    done = events = since_commit = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for day in _produce(plans, ctx, cases, seed, workers):
            _insert_day(conn, day, rowid, seq)
            rowid += len(day.cases)
            seq += len(day.events)
            events += len(day.events)
            done += len(day.cases)
            since_commit += len(day.cases)
            for code, number in day.receipts.items():
                last[code] = (day.day, number)
            if since_commit >= COMMIT_EVERY:
                conn.execute("COMMIT")
                conn.execute("BEGIN IMMEDIATE")
                since_commit = 0
            if progress:
                progress(done, cases)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        for name, sql in saved_indexes:
            indexes.create_missing_index(conn, name, sql)
        if fast:
            conn.execute("INSERT INTO case_fts (case_fts) VALUES ('optimize')")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA cache_size=-65536")
    return events, last


def _placeholders(columns: tuple[str, ...], offset_column: str, base: int) -> str:
    return ", ".join(f"? + {base}" if name == offset_column else "?" for name in columns)


def _insert_day(conn: sqlite3.Connection, day: SqliteDay, rowid: int, seq: int) -> None:
    conn.executemany(
        f"INSERT INTO cases (rowid, {', '.join(CASE_COLUMNS)}) "
        f"VALUES (? + {rowid}, {_placeholders(CASE_COLUMNS, 'last_seq', seq)})",
        day.cases,
    )
    conn.executemany(
        f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({_placeholders(EVENT_COLUMNS, 'seq', seq)})",
        day.events,
    )
    conn.executemany(f"INSERT INTO case_fts (rowid, doc) VALUES (? + {rowid}, ?)", day.docs)


# ---- plain path (PostgreSQL) ------------------------------------------------------------------------------


def _write_core(
    factory: sessionmaker[Session], plans: list[DayPlan], ctx: Context, cases: int, progress: Progress | None
) -> tuple[int, dict[str, tuple[date, int]]]:
    last: dict[str, tuple[date, int]] = {}
    done = events = 0
    with transaction(factory) as session:
        seq = int(session.execute(select(func.coalesce(func.max(EventRow.seq), 0))).scalar_one() or 0)
    for plan in plans:
        day = _generate_day(plan, ctx)
        case_rows, event_rows = to_core(day, seq)
        with transaction(factory) as session:
            session.execute(insert(CaseRow), case_rows)
            session.execute(insert(EventRow), event_rows)
            search.index_cases(session, [g.state for g in day.cases])
        seq += len(event_rows)
        events += len(event_rows)
        done += len(case_rows)
        last |= {code: (day.day, number) for code, number in day.receipts.items()}
        if progress:
            progress(done, cases)
    return events, last
