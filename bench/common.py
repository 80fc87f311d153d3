"""Shared bench helpers: timing with percentiles, the cached demo stores under bench/.data, capturing the
SQL our code sends (so a baseline can run the very same statement without SQLAlchemy), and the table."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

DATA = Path(__file__).resolve().parent / ".data"
PG_BASE = os.environ.get("COMPLAINTS_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


def scratch_database(kind: str, folder: Path, *, name: str = "bench") -> tuple[str, Callable[[], None]]:
    """A database URL for one run and what drops it after: a SQLite file in `folder`, or a PostgreSQL schema of
    its own (the machine's database `test`), so runs never see each other's rows."""
    if kind == "sqlite":
        return f"sqlite:///{folder / f'{name}.sqlite3'}", lambda: None
    import psycopg

    schema = f"bench_{name}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    return f"{PG_BASE}?options=-csearch_path%3D{schema}", drop


@dataclass(frozen=True)
class Timing:
    p50: float  # milliseconds
    p99: float
    runs: int


def measure(fn: Callable[[], object], runs: int, warmup: int = 2) -> Timing:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return Timing(samples[len(samples) // 2], samples[min(len(samples) - 1, int(len(samples) * 0.99))], runs)


def demo_store(cases: int, seed: int, explicit: str | None = None) -> Path:
    """The demo store for (cases, seed), built once and reused; a half-built one is never reused."""
    from complaints_desk.store.db import make_engine, migrate
    from complaints_desk.store.demo import build_demo

    path = Path(explicit) if explicit else DATA / f"demo-{cases}-s{seed}.sqlite3"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in building.parent.glob(building.name + "*"):
        leftover.unlink()
    engine = make_engine(f"sqlite:///{building}")
    migrate(engine)
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(
            f"\rbuilding demo store: {done:,}/{total:,} {time.perf_counter() - started:.0f}s",
            end="",
            file=sys.stderr,
        )

    summary = build_demo(engine, cases=cases, seed=seed, progress=progress)
    engine.dispose()
    print(
        f"\nbuilt {summary.cases:,} cases, {summary.events:,} events in {summary.seconds:.0f} s", file=sys.stderr
    )
    building.rename(path)
    return path


def scratch_copy(path: Path) -> Path:
    """A throwaway copy for workloads that write (the cached store stays as built)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _remove_abandoned_copies(path)
    copy = path.with_name(f"scratch-{os.getpid()}-{path.name}")  # two benches at once must not share one
    shutil.copyfile(path, copy)
    # Write the copy out now: otherwise the first durable commit on it pays for flushing gigabytes.
    with copy.open("rb+") as stream:
        os.fsync(stream.fileno())
    for suffix in ("-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    return copy


def _remove_abandoned_copies(path: Path) -> None:
    """Copies (gigabytes each) left by a bench that was killed: their process is gone."""
    for leftover in path.parent.glob(f"scratch-*-{path.name}*"):
        pid = leftover.name.split("-")[1]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            leftover.unlink(missing_ok=True)


@contextmanager
def captured_sql(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The statements (with parameters) the engine sends while the block runs."""
    seen: list[tuple[str, Any]] = []

    def listener(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def print_table(rows: list[tuple[str, Timing, float, Timing | None]]) -> None:
    """(workload, ours, budget in ms, baseline)."""
    header = f"{'workload':44} {'runs':>5} {'p50 ms':>8} {'p99 ms':>8} {'budget':>7} {'base p50':>9} {'ratio':>6}  verdict"
    print(header)
    print("-" * len(header))
    for name, ours, budget, base in rows:
        ratio = f"{ours.p50 / base.p50:6.2f}" if base and base.p50 > 0 else "     -"
        base_text = f"{base.p50:9.2f}" if base else "        -"
        verdict = "ok" if ours.p99 <= budget else "OVER"
        print(
            f"{name:44} {ours.runs:5d} {ours.p50:8.2f} {ours.p99:8.2f} {budget:7.0f} {base_text} {ratio}  {verdict}"
        )
