"""The local queue over a million cases (docs/architecture.md budgets: first screen, department+status filter and Korean
full-text search ≤ 100 ms each) and the phone intake save, against the demo store.

    .venv/bin/python -m bench.queue_bench [--cases 1000000] [--seed 1] [--store PATH] [--runs 100]

The store is built once per (cases, seed) under bench/.data and reused. Each query's baseline is the very
same SQL, captured from our call, run through the stdlib sqlite3 module: the ratio is what SQLAlchemy and
our row building add. The intake runs on a scratch copy; its baseline is a plain sqlite3 transaction that
writes one case, one event and one search row durably (synchronous=FULL, WAL), the floor of any intake.
Exit status 0 even when over budget; OVER marks it.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import Timing, captured_sql, demo_store, measure, print_table, scratch_copy

QUEUE_BUDGET_MS = 100.0
INTAKE_P99_MS = 100.0
SEARCHES = ("소음", "주차", "도로", "주차를", "가로등 고장", "불법주차 단속", "염화칼슘", "층간소음", "xyz없는말")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", help="use (or build) this store instead of bench/.data")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()

    from sqlalchemy import text

    from complaints_desk.domain.statuses import Status
    from complaints_desk.store.db import make_engine, make_sessionmaker, migrate
    from complaints_desk.store.queue import QueueFilter, queue_page

    path = demo_store(args.cases, args.seed, args.store)
    started = time.perf_counter()
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.execute(text("SELECT 1 FROM cases LIMIT 1")).all()
    opened = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    migrate(engine)
    migrated = (time.perf_counter() - started) * 1000
    factory = make_sessionmaker(engine)
    session = factory()
    total = session.execute(text("SELECT max(rowid) FROM cases")).scalar_one()
    phone = session.execute(
        text("SELECT petitioner_phone FROM cases WHERE rowid = :r"), {"r": total // 3}
    ).scalar_one()
    name = session.execute(
        text("SELECT petitioner_name FROM cases WHERE rowid = :r"), {"r": total // 5}
    ).scalar_one()

    raw = sqlite3.connect(path)
    workloads: list[tuple[str, QueueFilter]] = [
        ("first screen (newest 50)", QueueFilter()),
        ("first screen, by due date", QueueFilter(sort="due")),
        ("dept+status: road / in_progress", QueueFilter(department_code="road", statuses=(Status.IN_PROGRESS,))),
        ("dept+status: cleaning / closed", QueueFilter(department_code="cleaning", statuses=(Status.CLOSED,))),
        ("dept+status: audit / returned (rare)", QueueFilter(department_code="audit", statuses=(Status.RETURNED,))),
        ("dept+open statuses, by due", QueueFilter(department_code="parking", statuses=(Status.ROUTED, Status.IN_PROGRESS), sort="due")),
        ("overdue now", QueueFilter(overdue_at=datetime.now(UTC))),
        *((f"search '{q}'", QueueFilter(search=q)) for q in SEARCHES),
        (f"search phone digits {phone.replace('-', '')[-8:]}", QueueFilter(search=phone.replace("-", "")[-8:])),
        (f"search name {name}", QueueFilter(search=name)),
        ("search '소음' + dept environment", QueueFilter(search="소음", department_code="environment")),
        ("search '주차' + dept audit/returned", QueueFilter(search="주차", department_code="audit", statuses=(Status.RETURNED,))),
    ]  # fmt: skip
    rows: list[tuple[str, Timing, float, Timing | None]] = []
    for label, filters in workloads:
        with captured_sql(engine) as seen:
            found = queue_page(session, filters)
        statement, params = seen[-1]
        ours = measure(lambda f=filters: queue_page(session, f), args.runs)  # type: ignore[misc]
        base = measure(lambda s=statement, p=params: raw.execute(s, p).fetchall(), args.runs)  # type: ignore[misc]
        rows.append((f"{label} [{len(found)}]", ours, QUEUE_BUDGET_MS, base))
    session.close()
    engine.dispose()
    raw.close()
    rows.append(intake_row(path, min(args.runs, 200)))

    print(f"\nstore: {path} ({total:,} cases, {path.stat().st_size / 1e9:.2f} GB)")
    print(f"store open + first read: {opened:.1f} ms; migrate() check on an up-to-date store: {migrated:.1f} ms\n")
    print_table(rows)
    return 0


def intake_row(path: Path, runs: int) -> tuple[str, Timing, float, Timing | None]:
    from complaints_desk.domain.channels import Channel
    from complaints_desk.domain.kinds import Kind
    from complaints_desk.domain.roles import Actor, Role
    from complaints_desk.store.db import make_engine, make_sessionmaker, transaction
    from complaints_desk.store.intake import Intake, take_intake
    from complaints_desk.store.reference import staff_by_username

    copy = scratch_copy(path)
    engine = make_engine(f"sqlite:///{copy}")
    factory = make_sessionmaker(engine)
    with factory() as session:
        agent = staff_by_username(session, "agent06")
        assert agent is not None
        actor = Actor(agent.id, Role.AGENT, None)
    intake = Intake(
        Kind.GRIEVANCE, Channel.PHONE, "한빛로 123 앞 불법주차 단속 요청",
        "매일 저녁 한빛로 123 앞 인도에 차량이 주차되어 보행이 어렵습니다. 단속을 부탁드립니다.",
        "홍길동", "010-1234-5678", department_code="parking",
    )  # fmt: skip

    def save() -> None:
        with transaction(factory) as session:
            take_intake(session, intake, actor=actor, station_code="C06")

    save()  # warm: the first intake loads the holiday tables and the calendar, as `start` does before serving
    ours = measure(save, runs)
    engine.dispose()
    base = measure(_plain_intake(copy), runs)
    copy.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    return ("intake save (take_intake + commit)", ours, INTAKE_P99_MS, base)


def _plain_intake(path: Path) -> Any:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    counter = iter(range(10**9))

    def write() -> None:
        n = next(counter)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO cases (id, receipt_no, kind, channel, status, title, body, petitioner_name, petitioner_phone,"
            " petitioner_address, petitioner_email, reply_channel, received_at, registered_at, due_at, period_amount,"
            " period_unit, extension_count, rereview, is_group, signers, households, receipts_printed, receipt_voided,"
            " progress_notices, notes, contacts, version) VALUES (?, ?, 'grievance', 'phone', 'received', ?, ?, ?, ?,"
            " '', '', 'phone', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000',"
            " '2026-01-10 14:59:59.000000', 7, 'days', 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1)",
            (f"base-{n}", f"29990101-B01-{n:04d}", "불법주차", "한빛로 123 앞", "홍길동", "010-1234-5678"),
        )
        conn.execute(
            "INSERT INTO events (id, case_id, type, occurred_at, recorded_at, actor_role, case_version, payload)"
            " VALUES (?, ?, 'received', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 'agent', 1, '{}')",
            (f"base-event-{n}", f"base-{n}"),
        )
        conn.execute(
            "INSERT INTO case_fts (rowid, doc) SELECT rowid, '불법 법주 주차 한빛 빛로 123' FROM cases WHERE id = ?",
            (f"base-{n}",),
        )
        conn.execute("COMMIT")

    return write


if __name__ == "__main__":
    raise SystemExit(main())
