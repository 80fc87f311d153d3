"""What the intake form reads while the agent types, over the demo store (docs/architecture.md budget: the
caller's earlier cases ≤ 100 ms after a pause in typing, on 1,000,000 cases):

    .venv/bin/python -m bench.intake_bench [--cases 1000000] [--seed 1] [--store PATH] [--runs 50]

Measured through a read-only session, as the reader pool runs them: the caller history of an ordinary caller,
of the heaviest repeat caller in the store (most cases for one number), and the likely duplicates of a new
case (same number or the title's words in the last 14 days). Each baseline is the plainest same answer:
the history's rows fetched with the stdlib sqlite3 module by the same index.
"""

from __future__ import annotations

import argparse
import sqlite3
from datetime import UTC, datetime

from bench.common import demo_store, measure

HISTORY_BUDGET_MS = 100.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", help="use (or build) this store instead of bench/.data")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

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


if __name__ == "__main__":
    raise SystemExit(main())
