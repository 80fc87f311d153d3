"""Sync client benchmarks (DESIGN.md budgets).

    .venv/bin/python -m bench.sync_bench [--events 100000] [--samples 40] [--skip-propagation]

1. Pull 100,000 events into a fresh client: the server's pull pages (JSON, as GET /sync/pull sends them) are
   parsed and applied page by page, each page with its cursor in one transaction, into a fresh migrated SQLite
   client database. Budget ≥ 20,000 events/s. Baseline, same run: plain sqlite3 executemany of the same event
   and case rows into the same tables (no parsing, no projection, no search index).
   The HTTP transfer itself is not in this figure (the server's pull speed is the server bench's).
2. Intake-to-other-client propagation against a real server process: client A takes an intake and pushes it;
   client B, long-polling /sync/wait on its engine thread, has it in its local database. Budget p95 ≤ 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import requests

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.kinds import Kind
from complaints_desk.store import outbox_service
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
from complaints_desk.store.intake import Intake
from complaints_desk.store.pull_apply import apply_pull_page
from complaints_desk.sync.credentials import Credentials
from complaints_desk.sync.engine import PullReport, SyncEngine, SyncObserver, server_events
from complaints_desk.sync.protocol import PullResponse
from complaints_desk.sync.transport import Transport

PAGE = 1000
PASSWORD = "bench-비밀번호-1234"


# --- 1. pull throughput -----------------------------------------------------------------------------------


def _pages(total: int) -> list[bytes]:
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
    pages = []
    for first in range(0, len(events), PAGE):
        chunk = events[first : first + PAGE]
        body = {
            "events": chunk,
            "reference": [],
            "next_after": chunk[-1]["seq"],
            "has_more": first + PAGE < len(events),
        }
        pages.append(json.dumps(body, ensure_ascii=False).encode())
    return pages


def bench_pull(total: int) -> tuple[float, float]:
    pages = _pages(total)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'client.sqlite3'}")
        migrate(engine)
        factory = make_sessionmaker(engine)
        started = time.perf_counter()
        for raw in pages:
            page = PullResponse.model_validate_json(raw)
            with transaction(factory) as session:
                apply_pull_page(session, server_events(page), next_after=page.next_after)
        ours = time.perf_counter() - started
        engine.dispose()
    baseline = _baseline(pages)
    return total / ours, total / baseline


def _baseline(pages: list[bytes]) -> float:
    """Plain sqlite3: the same rows, executemany, one transaction a page, already decoded from JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'base.sqlite3'}")
        migrate(engine)
        engine.dispose()
        connection = sqlite3.connect(Path(tmp) / "base.sqlite3", isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        decoded = [json.loads(raw) for raw in pages]
        started = time.perf_counter()
        seen: set[str] = set()
        for page in decoded:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                "INSERT INTO events (id, case_id, seq, type, occurred_at, recorded_at, actor_id, actor_role,"
                " actor_department, station_code, base_version, case_version, payload)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        e["id"],
                        e["case_id"],
                        e["seq"],
                        e["type"],
                        e["occurred_at"],
                        e["recorded_at"],
                        e["actor_id"],
                        e["actor_role"],
                        e["actor_department"],
                        e["station_code"],
                        e["base_version"],
                        e["case_version"],
                        json.dumps(e["payload"], ensure_ascii=False),
                    )
                    for e in page["events"]
                ],
            )
            new = [e for e in page["events"] if e["type"] == "received" and e["case_id"] not in seen]
            seen.update(e["case_id"] for e in new)
            connection.executemany(
                "INSERT INTO cases (id, receipt_no, kind, channel, status, title, body, petitioner_name,"
                " petitioner_phone, petitioner_address, petitioner_email, reply_channel, received_at,"
                " registered_at, due_at, period_amount, period_unit, extension_count, rereview, is_group, signers,"
                " households, receipts_printed, receipt_voided, progress_notices, notes, contacts, version)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0,0,1,1,0,0,0,0,0,1)",
                [
                    (
                        e["case_id"],
                        e["payload"]["receipt_no"],
                        "grievance",
                        "phone",
                        "received",
                        e["payload"]["title"],
                        e["payload"]["body"],
                        "홍길동",
                        "010-1234-5678",
                        "",
                        "",
                        "phone",
                        e["occurred_at"],
                        e["occurred_at"],
                        e["payload"]["due_at"],
                        7,
                        "days",
                    )
                    for e in new
                ],
            )
            updated = [
                ("in_progress", e["case_version"], e["case_id"]) for e in page["events"] if e["type"] != "received"
            ]
            connection.executemany("UPDATE cases SET status = ?, version = ? WHERE id = ?", updated)
            connection.execute("UPDATE sync_state SET cursor = ? WHERE id = 1", (page["next_after"],))
            connection.execute("COMMIT")
        elapsed = time.perf_counter() - started
        connection.close()
    return elapsed


# --- 2. propagation ----------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(tmp: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    from complaints_desk.store import admin_service

    url = f"sqlite:///{tmp / 'server.sqlite3'}"
    port = _free_port()
    log = (tmp / "server.log").open("ab")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "complaints_desk.cli",
            "server",
            "--database-url",
            url,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=log,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/healthz", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.1)
    engine = make_engine(url)
    with transaction(make_sessionmaker(engine)) as session:
        admin_service.create_staff(session, "admin", "홍관리", "admin", password=PASSWORD)
    engine.dispose()
    token = requests.post(
        base + "/api/v1/auth/token", json={"username": "admin", "password": PASSWORD}, timeout=30
    )
    headers = {"Authorization": "Bearer " + token.json()["access_token"]}
    requests.post(
        base + "/api/v1/admin/departments", json={"code": "ROAD", "name": "도로과"}, headers=headers, timeout=30
    )
    for username, role, department in (("clerk", "clerk", None), ("officer", "officer", "ROAD")):
        requests.post(
            base + "/api/v1/admin/staff",
            json={
                "username": username,
                "name": "직원",
                "role": role,
                "department_code": department,
                "password": PASSWORD,
            },
            headers=headers,
            timeout=30,
        ).raise_for_status()
    return process, base, url


class _Seen(SyncObserver):
    def __init__(self) -> None:
        self.when: dict[str, float] = {}
        self.changed = threading.Condition()

    def pulled(self, report: PullReport) -> None:
        now = time.perf_counter()
        with self.changed:
            for case_id in report.changed_cases:
                self.when.setdefault(case_id, now)
            self.changed.notify_all()


def _memory_keyring() -> None:
    """The bench must not write tokens into the machine's real keyring."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        values: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())


def bench_propagation(samples: int) -> list[float]:
    _memory_keyring()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        process, base, _ = _start_server(tmp)
        try:
            clients = []
            for who in ("clerk", "officer"):
                engine = make_engine(f"sqlite:///{tmp / f'{who}.sqlite3'}")
                migrate(engine)
                factory = make_sessionmaker(engine)
                credentials = Credentials(factory, base)
                transport = Transport(base, token=credentials.token)
                user = credentials.login(transport, who, PASSWORD, station_name=who)
                clients.append((factory, credentials, transport, user))
            (a_factory, _, a_transport, clerk), (b_factory, _, b_transport, _) = clients
            a = SyncEngine(a_factory, a_transport)
            seen = _Seen()
            b = SyncEngine(b_factory, b_transport, observer=seen, wait_seconds=20)
            worker = threading.Thread(target=b.run_forever, daemon=True)
            worker.start()
            time.sleep(1.0)
            latencies = []
            for number in range(samples):
                started = time.perf_counter()
                with transaction(a_factory) as session:
                    state = outbox_service.record_local_intake(
                        session,
                        Intake(
                            Kind.GRIEVANCE,
                            Channel.PHONE,
                            f"가로등 고장 {number}",
                            "꺼져 있음",
                            "홍길동",
                            "010-1234-5678",
                            department_code="ROAD",
                        ),
                        actor=clerk.actor,
                        station_code=clerk.station_code or "",
                    )
                a.push_once()
                with seen.changed:
                    seen.changed.wait_for(lambda case_id=state.id: case_id in seen.when, timeout=10)
                latencies.append(seen.when.get(state.id, float("inf")) - started)
                time.sleep(0.05)
            b.stop()
            worker.join(timeout=30)
            return latencies
        finally:
            process.kill()
            process.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--skip-propagation", action="store_true")
    parser.add_argument("--skip-pull", action="store_true")
    args = parser.parse_args()
    print(f"{'workload':<52} {'measured':>14} {'budget':>12} {'baseline':>14} {'ratio':>7}")
    if not args.skip_pull:
        ours, baseline = bench_pull(args.events)
        verdict = "ok" if ours >= 20_000 else "OVER BUDGET"
        print(
            f"{f'pull {args.events:,} events into a fresh client':<52} {ours:>10,.0f} ev/s {'≥ 20,000':>12}"
            f" {baseline:>10,.0f} ev/s {ours / baseline:>6.2f}x  {verdict}"
        )
    if not args.skip_propagation:
        latencies = sorted(bench_propagation(args.samples))
        p50 = statistics.median(latencies)
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        verdict = "ok" if p95 <= 1.0 else "OVER BUDGET"
        print(
            f"{'intake on A → in B local db (real server, wait)':<52} p50 {p50 * 1000:>6.0f} ms"
            f" p95 {p95 * 1000:>6.0f} ms {'p95 ≤ 1 s':>10}  ({len(latencies)} samples)  {verdict}"
        )


if __name__ == "__main__":
    main()
