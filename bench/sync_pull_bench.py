"""The pull half of bench.sync_bench: pull N events into a fresh client, against a baseline of plain sqlite3
executemany of the same rows (see bench/sync_bench.py's docstring).

    .venv/bin/python -m bench.sync_pull_bench [--events 100000] [--page N] [--rounds N]

is bench.sync_bench without its propagation part."""

from __future__ import annotations

import argparse
import inspect
import json
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from requests import PreparedRequest, Response
from requests.adapters import BaseAdapter
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.case import CASE_FIELDS
from complaints_desk.domain.ids import new_id
from complaints_desk.store import search
from complaints_desk.store.db import (
    BackgroundCheckpoints,
    _sqlite_pragmas,
    make_engine,
    make_sessionmaker,
    migrate,
)
from complaints_desk.sync.engine import SyncEngine
from complaints_desk.sync.transport import Transport

PULL_PAGE = inspect.signature(SyncEngine).parameters["page_size"].default

# --- 1. pull throughput -----------------------------------------------------------------------------------


def _events(total: int) -> list[dict[str, Any]]:
    """Five events a case (received, routed, accepted, note, answered), in waves, so most pages update
    cases that earlier pages created."""
    cases = total // 5
    start = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)
    ids = [new_id() for _ in range(cases)]
    officer = new_id()
    events: list[dict[str, Any]] = []
    seq = 0
    for wave in range(5):
        for number, case_id in enumerate(ids):
            seq += 1
            at = (start + timedelta(seconds=number * 20 + wave * 3600)).isoformat()
            base: dict[str, Any] = {
                "id": new_id(),
                "case_id": case_id,
                "occurred_at": at,
                "recorded_at": at,
                "seq": seq,
                "case_version": wave + 1,
                "base_version": wave or None,
                "station_code": "C03",
                "actor_id": officer if wave >= 2 else None,
                "actor_role": "officer" if wave >= 2 else "clerk",
                "actor_department": "ROAD" if wave >= 2 else None,
            }
            if wave == 0:
                base["type"], base["payload"] = (
                    "received",
                    {
                        "receipt_no": f"20261102-C{number // 9999:02d}-{number % 9999 + 1:04d}",
                        "kind": "grievance",
                        "channel": "phone",
                        "title": f"한빛로 {number}번지 앞 불법주차 단속 요청",
                        "body": "매일 저녁 인도에 차량이 주차되어 보행이 어렵습니다.",
                        "petitioner": {"name": "홍길동", "phone": "010-1234-5678", "address": "서울 한빛로 1"},
                        "period": {"amount": 7, "unit": "days"},
                        "due_at": "2026-11-11T23:59:59+09:00",
                    },
                )
            elif wave == 1:
                base["type"], base["payload"] = "routed", {"department_code": "ROAD"}
            elif wave == 2:
                base["type"], base["payload"] = "accepted", {}
            elif wave == 3:
                base["type"], base["payload"] = "note_added", {"text": "현장 확인 예정"}
            else:
                base["type"], base["payload"] = "answered", {"result": "accepted", "answer": "단속했습니다."}
            events.append(base)
    return events


def _pages(events: list[dict[str, Any]], size: int, after: int = 0) -> dict[int, bytes]:
    """GET /sync/pull bodies (as the server sends them) by the `after` they answer (`after`: the cursor the first
    page follows)."""
    pages: dict[int, bytes] = {}
    for first in range(0, len(events), size):
        chunk = events[first : first + size]
        body = {
            "events": chunk,
            "reference": [],
            "next_after": chunk[-1]["seq"],
            "has_more": first + size < len(events),
        }
        pages[after + first] = json.dumps(body, ensure_ascii=False).encode()
    return pages


class _CannedPulls(BaseAdapter):
    """Answers GET /sync/pull from memory: the whole client side of a pull runs (requests, the engine, parsing,
    applying, committing), only the network and the server are left out."""

    def __init__(self, pages: dict[int, bytes], size: int) -> None:
        super().__init__()
        self.pages, self.size = pages, size

    def send(self, request: PreparedRequest, *args: Any, **kwargs: Any) -> Response:
        query = parse_qs(urlsplit(request.url or "").query)
        assert int(query["limit"][0]) == self.size, "the engine asked for another page size"
        response = Response()
        response.status_code = 200
        response._content = self.pages[int(query["after"][0])]
        response.headers["Content-Type"] = "application/json"
        response.request = request
        response.url = request.url or ""
        return response

    def close(self) -> None:
        return None


def _client(tmp: Path, name: str) -> tuple[Engine, sessionmaker[Session], Path]:
    path = tmp / f"{name}.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    return engine, make_sessionmaker(engine), path


@dataclass(frozen=True)
class PullFigures:
    ours: float  # events a second, wall clock
    baseline: float
    ours_cpu: float  # events a CPU second of this process (all its threads) and its second: less sensitive to load
    baseline_cpu: float
    # the baseline again with synchronous=NORMAL, the durability the client's catch-up commits with
    baseline_normal: float


def _cpu_with_children() -> float:
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def bench_pull(total: int, page_size: int, tmp: Path) -> PullFigures:
    pages = _pages(_events(total), page_size)
    # Only the page bodies stay in memory while the client pulls: a real client does not hold the server's
    # 100,000 events as Python objects (here they would be rescanned by every full garbage collection).
    engine, factory, ours_path = _client(tmp, "ours")
    checkpoints = BackgroundCheckpoints(engine)  # as the desk's store (gui.app.open_store) runs
    sync = SyncEngine(
        factory, Transport("http://bench.invalid", adapter=_CannedPulls(pages, page_size)), page_size=page_size
    )
    # (the CPU of the catch-up's second process, sync.projector, counts too: it has ended when pull_once returns)
    cpu, started = _cpu_with_children(), time.perf_counter()
    report = sync.pull_once()
    ours, ours_cpu = time.perf_counter() - started, _cpu_with_children() - cpu
    engine.dispose()
    checkpoints.close()
    assert report.events == total, report
    events = [json.loads(body)["events"] for body in pages.values()]
    base_engine, _, base_path = _client(tmp, "baseline")
    base_engine.dispose()
    baseline, baseline_cpu = _baseline(base_path, events)
    _same_database(ours_path, base_path)
    normal_engine, _, normal_path = _client(tmp, "baseline-normal")
    normal_engine.dispose()
    baseline_normal, _cpu = _baseline(normal_path, events, synchronous="NORMAL")
    return PullFigures(
        total / ours, total / baseline, total / ours_cpu, total / baseline_cpu, total / baseline_normal
    )


# The baseline: what the database must do for the same result, with no Python work in the timed part. Rows are
# built beforehand (a minimal projection of the five event types above, in stored form: case rows, payload
# JSON, search documents) and written with plain sqlite3 executemany, one transaction a page with its cursor,
# into the same migrated schema: new events, new cases, only the changed columns of existing cases. It does the
# same index work as the client's catch-up (store.local.pull.CatchUp), since either way the store ends with
# every index and the whole search index: the non-unique indexes of cases and events dropped with the first
# page and made again after the last, the search rows written after the last page. Maintaining the cases
# table's twenty indexes page by page instead cost the baseline half again its time, which flattered the
# client, whose catch-up does not pay it.
#
# Why the search documents (search.document_for) stay out of the timed part while the client computes its own:
# the baseline times the database alone, and every other row it writes is built beforehand too (the projected
# case rows, the payload JSON, the stored times), as the client builds them inside its time. Timing this one
# piece of Python and not the others would measure neither the database nor the whole client.

_CASE_COLUMNS = (*CASE_FIELDS, "last_seq")


def _stored(moment: str) -> str:
    return datetime.fromisoformat(moment).astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _baseline_row(e: dict[str, Any]) -> dict[str, Any]:
    p, at = e["payload"], _stored(e["occurred_at"])
    row: dict[str, Any] = dict.fromkeys(_CASE_COLUMNS)
    row.update(
        id=e["case_id"],
        receipt_no=p["receipt_no"],
        kind=p["kind"],
        channel=p["channel"],
        status="received",
        title=p["title"],
        body=p["body"],
        petitioner_name=p["petitioner"]["name"],
        petitioner_phone=p["petitioner"]["phone"],
        petitioner_address=p["petitioner"]["address"],
        petitioner_email="",
        reply_channel=p["channel"],
        received_at=at,
        registered_at=at,
        due_at=_stored(p["due_at"]),
        period_amount=p["period"]["amount"],
        period_unit=p["period"]["unit"],
        station_code=e["station_code"],
        received_by=e["actor_id"],
        extension_count=0,
        rereview=0,
        is_group=0,
        signers=1,
        households=1,
        receipts_printed=0,
        receipt_voided=0,
        progress_notices=0,
        notes=0,
        contacts=0,
        place="",
        privacy_consent=0,
    )
    return row


def _baseline_change(row: dict[str, Any], e: dict[str, Any]) -> None:
    kind, at = e["type"], _stored(e["occurred_at"])
    if kind == "routed":
        row.update(status="routed", department_code=e["payload"]["department_code"])
    elif kind == "accepted":
        row.update(status="in_progress", assignee_id=e["actor_id"])
    elif kind == "note_added":
        row["notes"] += 1
    elif kind == "answered":
        row.update(
            status="answered", answered_at=at, answered_by=e["actor_id"], answer_result=e["payload"]["result"]
        )
    row.update(version=e["case_version"], updated_at=at)


def _baseline_writes(pages: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    cases: dict[str, dict[str, Any]] = {}
    writes = []
    for chunk in pages:
        before = {e["case_id"]: dict(cases[e["case_id"]]) for e in chunk if e["case_id"] in cases}
        for e in chunk:
            if e["type"] == "received":
                cases[e["case_id"]] = _baseline_row(e)
            _baseline_change(cases[e["case_id"]], e)
            cases[e["case_id"]]["last_seq"] = e["seq"]
        touched = list(dict.fromkeys(e["case_id"] for e in chunk))
        new = [cases[c] for c in touched if c not in before]
        updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for case_id in touched:
            if case_id in before:
                row, old = cases[case_id], before[case_id]
                changed = tuple(name for name in _CASE_COLUMNS if row[name] != old[name])
                updates.setdefault(changed, []).append((*(row[n] for n in changed), case_id))
        writes.append(
            {
                "events": [
                    (
                        e["id"],
                        e["case_id"],
                        e["seq"],
                        e["type"],
                        _stored(e["occurred_at"]),
                        _stored(e["recorded_at"]),
                        e["actor_id"],
                        e["actor_role"],
                        e["actor_department"],
                        e["station_code"],
                        e["base_version"],
                        e["case_version"],
                        json.dumps(e["payload"], separators=(",", ":"), ensure_ascii=False),
                    )
                    for e in chunk
                ],
                "new": [tuple(r[n] for n in _CASE_COLUMNS) for r in new],
                "search": [
                    (
                        search.document_for(r["title"], r["body"], r["petitioner_name"], r["petitioner_phone"]),
                        r["id"],
                    )
                    for r in new
                ],
                "updates": [
                    (f"UPDATE cases SET {', '.join(f'{n} = ?' for n in changed)} WHERE id = ?", params)
                    for changed, params in updates.items()
                ],
                "cursor": chunk[-1]["seq"],
            }
        )
    return writes


def _baseline(path: Path, pages: list[list[dict[str, Any]]], synchronous: str = "FULL") -> tuple[float, float]:
    """Seconds of wall clock and of CPU for the writes, one transaction a page."""
    writes = _baseline_writes(pages)
    connection = sqlite3.connect(path, isolation_level=None)
    _sqlite_pragmas(connection, None)  # the client's own settings: WAL, synchronous=FULL, cache, mmap
    connection.execute(f"PRAGMA synchronous={synchronous}")
    connection.execute("INSERT OR IGNORE INTO sync_state (id, cursor) VALUES (1, 0)")
    columns = ", ".join(_CASE_COLUMNS)
    insert_case = f"INSERT INTO cases ({columns}) VALUES ({', '.join('?' * len(_CASE_COLUMNS))})"
    # a fresh table numbers its rows 1, 2, ... in insertion order: the search rows are keyed by those numbers
    documents = [
        (rowid, doc) for rowid, (doc, _case_id) in enumerate((s for page in writes for s in page["search"]), 1)
    ]
    cpu, started = time.process_time(), time.perf_counter()
    deferred: list[tuple[str, str]] = []
    for number, page in enumerate(writes):
        connection.execute("BEGIN IMMEDIATE")
        if number == 0:
            deferred = connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                " AND tbl_name IN ('cases', 'events') AND upper(sql) NOT LIKE 'CREATE UNIQUE%'"
            ).fetchall()
            for name, _sql in deferred:
                connection.execute(f'DROP INDEX "{name}"')
        connection.executemany(
            "INSERT INTO events (id, case_id, seq, type, occurred_at, recorded_at, actor_id, actor_role,"
            " actor_department, station_code, base_version, case_version, payload)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            page["events"],
        )
        connection.executemany(insert_case, page["new"])
        for sql, params in page["updates"]:
            connection.executemany(sql, params)
        connection.execute("UPDATE sync_state SET cursor = ? WHERE id = 1", (page["cursor"],))
        connection.execute("COMMIT")
    connection.execute("BEGIN IMMEDIATE")
    for _name, sql in deferred:
        connection.execute(sql)
    connection.execute("COMMIT")
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("INSERT INTO case_fts (rowid, doc) VALUES (?, ?)", documents)
    connection.execute("COMMIT")
    elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - cpu
    connection.close()
    return elapsed, elapsed_cpu


def _same_database(ours: Path, baseline: Path) -> None:
    """Both runs must leave the same cases, events and search index, or the comparison means nothing."""
    a, b = sqlite3.connect(ours), sqlite3.connect(baseline)
    try:
        cases = f"SELECT {', '.join(_CASE_COLUMNS)} FROM cases ORDER BY id"
        assert a.execute(cases).fetchall() == b.execute(cases).fetchall(), "case rows differ from the baseline's"
        events = "SELECT * FROM events ORDER BY seq"
        for x, y in zip(a.execute(events), b.execute(events), strict=True):
            assert x == y, (x, y)
        probe = "SELECT count(*) FROM case_fts WHERE case_fts MATCH ?"
        for query in ('"불법 법주 주차"', '"01012345678"', '"한빛 빛로"'):
            assert a.execute(probe, (query,)).fetchone() == b.execute(probe, (query,)).fetchone(), query
        schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        assert a.execute(schema).fetchall() == b.execute(schema).fetchall(), "the schemas (indexes) differ"
        rowids = "SELECT rowid, id FROM cases ORDER BY rowid"
        assert a.execute(rowids).fetchall() == b.execute(rowids).fetchall(), "the search index's keys differ"
        cursor = "SELECT cursor FROM sync_state"
        assert a.execute(cursor).fetchone() == b.execute(cursor).fetchone()
    finally:
        a.close()
        b.close()


PULL_HEADER = f"{'workload':<52} {'measured':>14} {'budget':>12} {'baseline':>14} {'ratio':>7}"


def add_pull_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--page", type=int, default=PULL_PAGE, help="events a pull page (the engine's default)")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the pull measurement")


def print_pull_figures(events: int, page: int, rounds: int) -> None:
    """The pull into a fresh client, beside its plain-sqlite3 baseline from the same run. The budget's ratio is
    against the baseline as it has always run (synchronous=FULL, as every transaction of the client ran before
    its catch-ups committed with NORMAL); the same baseline with NORMAL is printed beside it."""
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            figures = bench_pull(events, page, Path(tmp))
        ours, baseline = figures.ours, figures.baseline
        verdict = "ok" if ours >= 20_000 else "OVER BUDGET"
        print(
            f"{f'pull {events:,} events into a fresh client ({page:,}/page)':<52}"
            f" {ours:>10,.0f} ev/s {'≥ 20,000':>12} {baseline:>10,.0f} ev/s {ours / baseline:>6.2f}x  {verdict}"
            f"   (load average {os.getloadavg()[0]:.1f})"
        )
        print(
            f"{'  the same per CPU second (busy-machine check)':<52} {figures.ours_cpu:>10,.0f} ev/s {'':>12}"
            f" {figures.baseline_cpu:>10,.0f} ev/s {figures.ours_cpu / figures.baseline_cpu:>6.2f}x"
        )
        print(
            f"{'  beside a baseline with synchronous=NORMAL':<52} {ours:>10,.0f} ev/s {'':>12}"
            f" {figures.baseline_normal:>10,.0f} ev/s {ours / figures.baseline_normal:>6.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description="pull 100,000 events into a fresh client, beside a plain-sqlite3 baseline"
    )
    add_pull_arguments(parser)
    args = parser.parse_args()
    print(PULL_HEADER)
    print_pull_figures(args.events, args.page, args.rounds)


if __name__ == "__main__":
    main()
