"""What the intake form reads while the agent types, over the demo store (docs/architecture.md budget: the
caller's earlier cases ≤ 100 ms after a pause in typing, on 1,000,000 cases):

    .venv/bin/python -m bench.intake_bench [--cases 1000000] [--seed 1] [--store PATH] [--runs 50]

With --during-catch-up [--events 100000] [--intakes 100] it measures saving instead (budget: intake saved to
its receipt number on screen p50 ≤ 15 ms, p99 ≤ 50 ms, also during a 100,000-event catch-up), on a scratch
copy of the store: intakes through the desk's one writer (gui.tasks.Tasks.write, the number handed back on the
GUI thread, its receipt PDF built on the reader pool) on a quiet desk, then while a catch-up pulls --events
canned events through the same writer, as the desk's sync engine does (bench.gui_desk: requests, decoding and
applying all run, the server does not). Baseline: the same intake called directly on one thread, no Qt.
bench.gui_bench measures the same beside the GUI thread's stalls, with the main window open.

Measured through a read-only session, as the reader pool runs them: the caller history of an ordinary caller,
of the heaviest repeat caller in the store (most cases for one number), and the likely duplicates of a new
case (same number or the title's words in the last 14 days). Each baseline is the plainest same answer:
the history's rows fetched with the stdlib sqlite3 module by the same index.
"""

from __future__ import annotations

import argparse
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bench.common import demo_store, measure, scratch_copy

HISTORY_BUDGET_MS = 100.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", help="use (or build) this store instead of bench/.data")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--during-catch-up", action="store_true", help="measure saving intakes (see above)")
    parser.add_argument("--events", type=int, default=100_000, help="events in the catch-up pull")
    parser.add_argument("--intakes", type=int, default=100, help="intakes on a quiet desk")
    args = parser.parse_args()
    if args.during_catch_up:
        return saving(demo_store(args.cases, args.seed, args.store), args.events, args.intakes)

    from sqlalchemy import text

    from complaints_desk.store.db import make_engine, make_sessionmaker
    from complaints_desk.store.intake_support import caller_history, likely_duplicates

    path = demo_store(args.cases, args.seed, args.store)
    readers = make_sessionmaker(make_engine(f"sqlite:///{path}", read_only=True))
    session = readers()
    total = session.execute(text("SELECT max(rowid) FROM cases")).scalar_one()
    ordinary = session.execute(
        text("SELECT petitioner_phone FROM cases WHERE rowid = :r"), {"r": total // 3}
    ).scalar_one()
    heavy, heavy_count = session.execute(
        text(
            "SELECT petitioner_phone, count(*) FROM cases INDEXED BY ix_cases_phone WHERE petitioner_phone != ''"
            " GROUP BY petitioner_phone ORDER BY count(*) DESC LIMIT 1"
        )
    ).one()
    newest, title = session.execute(
        text("SELECT received_at, title FROM cases ORDER BY received_at DESC LIMIT 1")
    ).one()
    now = datetime.fromisoformat(str(newest)).replace(tzinfo=UTC)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def plain(phone: str) -> object:
        return raw.execute(
            "SELECT id, receipt_no, received_at, kind, status, title, department_code FROM cases"
            " WHERE petitioner_phone = ? ORDER BY received_at DESC LIMIT 20",
            (phone,),
        ).fetchall()

    print(f"store: {path} ({total:,} cases); heaviest caller has {heavy_count:,} cases")
    print(f"{'what':<44} {'p50 ms':>8} {'p99 ms':>8} {'baseline p50':>13} {'budget':>8}")
    for label, call, baseline in (
        ("caller history, ordinary caller", lambda: caller_history(session, ordinary), lambda: plain(ordinary)),
        (
            f"caller history, heaviest caller ({heavy_count:,})",
            lambda: caller_history(session, heavy),
            lambda: plain(heavy),
        ),
        (
            f"likely duplicates ('{title[:14]}…')",
            lambda: likely_duplicates(session, phone=ordinary, title=title, now=now),
            None,
        ),
        (
            "likely duplicates (common word '주차')",
            lambda: likely_duplicates(session, phone="", title="불법 주차 신고", now=now),
            None,
        ),
    ):
        timing = measure(call, args.runs)
        base = f"{measure(baseline, args.runs).p50:13.2f}" if baseline else f"{'-':>13}"
        over = " OVER" if timing.p50 > HISTORY_BUDGET_MS else ""
        print(f"{label:<44} {timing.p50:8.2f} {timing.p99:8.2f} {base} {HISTORY_BUDGET_MS:8.0f}{over}")
    return 0


def saving(path: Path, events: int, quiet_intakes: int) -> int:
    copy = scratch_copy(path)
    try:
        for line in _saving(copy, events, quiet_intakes):
            print(line, flush=True)
    finally:
        for leftover in (copy, *(Path(f"{copy}{suffix}") for suffix in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    return 0


def _saving(path: Path, events: int, quiet_intakes: int) -> list[str]:
    import os
    import threading
    import time
    from collections.abc import Iterator
    from types import SimpleNamespace
    from typing import Any

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.gui_bench import HEADER, INTAKE_P50, INTAKE_P99, PDF_P50, _line
    from bench.gui_desk import Samples, Script, Step, _canned_engine, _direct_intake, _prepare, intakes, within
    from complaints_desk.domain.roles import Actor, Role
    from complaints_desk.gui.app import open_store
    from complaints_desk.gui.tasks import Tasks

    agent_id, agent_name, cursor = _prepare(path)
    agent = Actor(agent_id, Role.AGENT, None, agent_name)
    base_intake, base_pdf = _direct_intake(path, agent)
    app = QApplication.instance() or QApplication([])
    store = open_store(path)
    tasks = Tasks(store.readers, store.writer)
    holder = QWidget()  # holds the labels that stand in for the intake form's receipt number
    desk = SimpleNamespace(window=holder, tasks=tasks)
    quiet, busy = Samples(), Samples()
    Script(intakes(desk, agent, quiet_intakes, quiet)).run()

    sync = _canned_engine(tasks, events, cursor)
    span: list[float] = []
    pulled: list[Any] = []

    def pull() -> None:
        span.append(time.perf_counter())
        pulled.append(sync.pull_once())
        span.append(time.perf_counter())

    worker = threading.Thread(target=pull, name="catch-up")
    worker.start()

    def during() -> Iterator[Step]:
        yield lambda: bool(span)
        while worker.is_alive():
            yield from intakes(desk, agent, 10, busy)

    Script(during()).run()
    worker.join()
    tasks.close()
    store.close()
    holder.deleteLater()
    app.processEvents()
    window = (span[0], span[1])
    rate = pulled[0].events / (window[1] - window[0])
    quiet_t, busy_t = within(quiet.intake), within(busy.intake, window)
    return [
        f"store: {path.name}; catch-up: {pulled[0].events:,} events in {window[1] - window[0]:.1f} s"
        f" ({rate:,.0f} events/s) with {busy_t.runs} intakes; load average {os.getloadavg()[0]:.1f}",
        "",
        HEADER,
        "-" * len(HEADER),
        _line("intake saved -> receipt number, quiet (p99)", quiet_t, INTAKE_P99, base_intake),
        _line("  the same, p50 against its budget", quiet_t, INTAKE_P50, base_intake, on_p50=True),
        _line("intake saved -> receipt number, catch-up (p99)", busy_t, INTAKE_P99, base_intake),
        _line("  the same, p50 against its budget", busy_t, INTAKE_P50, base_intake, on_p50=True),
        _line("intake saved -> receipt PDF ready, quiet", within(quiet.pdf), PDF_P50, base_pdf, on_p50=True),
        _line(
            "intake saved -> receipt PDF ready, catch-up", within(busy.pdf, window), PDF_P50, base_pdf, on_p50=True
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
