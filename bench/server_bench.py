"""Server intake under 50 concurrent clients on PostgreSQL (DESIGN.md budget: ≥ 1,000 events/s, p99 ≤ 100 ms).

    .venv/bin/python -m bench.server_bench [--clients 50] [--seconds 15] [--batch 10] [--processes 2]

Starts real server processes (`complaints-desk server`) on a fresh PostgreSQL schema, each on its own port,
clients spread over them round-robin (no load balancer in between). Each client is a thread with a
requests.Session pushing batches of `received` events (each a new case). The p99 is PER PUSH REQUEST (a batch
of --batch events, each applied in its own transaction). The baseline is the bare GET /livez (no database) on
the same servers under the same 50 clients. The load generator shares the 2 cores with the servers and
PostgreSQL, so the figures are a lower bound of what a separate client machine would see.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
import requests

REPO = Path(__file__).resolve().parents[1]
PG_BASE = os.environ.get("COMPLAINTS_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
PASSWORD = "bench-password-1234"
T0 = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_servers(url: str, count: int, log_dir: Path) -> tuple[list[subprocess.Popen[bytes]], list[str]]:
    processes, bases = [], []
    for n in range(count):
        port = _free_port()
        log = (log_dir / f"server-{n}.log").open("wb")
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "complaints_desk.cli",
                    "server",
                    "--database-url",
                    url,
                    "--port",
                    str(port),
                ],
                cwd=REPO,
                stdout=log,
                stderr=log,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
        if n == 0:
            _wait(bases[0])  # the first one migrates; the others start on a migrated schema
    for base in bases:
        _wait(base)
    return processes, bases


def _wait(base: str) -> None:
    for _ in range(600):
        try:
            if requests.get(base + "/healthz", timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{base} did not start")


def make_agent(url: str, base: str) -> tuple[str, dict[str, Any]]:
    from complaints_desk.store import admin_service
    from complaints_desk.store.db import make_engine, make_sessionmaker, transaction

    engine = make_engine(url)
    with transaction(make_sessionmaker(engine)) as session:
        admin_service.create_staff(session, "bench", "부하시험", "agent", password=PASSWORD)
    engine.dispose()
    answer = requests.post(base + "/api/v1/auth/token", json={"username": "bench", "password": PASSWORD}).json()
    return answer["access_token"], answer["staff"]


def received(staff: dict[str, Any], client: int, number: int) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "case_id": str(uuid.uuid4()),
        "type": "received",
        "occurred_at": T0.isoformat(),
        "actor_id": staff["id"],
        "actor_role": staff["role"],
        "actor_department": None,
        "station_code": "B01",
        "payload": {
            "receipt_no": f"20261120-{_station(client)}-{number:06d}",
            "kind": "grievance",
            "channel": "phone",
            "title": "한빛로 123 앞 불법주차 단속 요청",
            "body": "매일 저녁 인도에 차량이 주차되어 보행이 어렵습니다.",
            "petitioner": {"name": "홍길동", "phone": "010-1234-5678"},
            "period": {"amount": 7, "unit": "days"},
            "due_at": "2026-12-01T23:59:59+09:00",
        },
    }


def _station(client: int) -> str:
    return f"B{client:02d}" if client < 100 else f"X{client - 100:02d}"


def run_load(bases: list[str], clients: int, seconds: float, request: Any) -> tuple[list[float], int, float]:
    """Each client repeats request(session, base, client, n) -> units until time is up."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    units = [0] * clients
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(n: int) -> None:
        session = requests.Session()
        base = bases[n % len(bases)]
        start.wait()
        count = 0
        while time.perf_counter() < stop_at[0]:
            began = time.perf_counter()
            units[n] += request(session, base, n, count)
            latencies[n].append(time.perf_counter() - began)
            count += 1

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    stop_at[0] = time.perf_counter() + seconds
    began = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    return [x for per in latencies for x in per], sum(units), elapsed


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--batch", type=int, default=10, help="events per push request")
    parser.add_argument("--processes", type=int, default=2, help="server processes on the one database")
    args = parser.parse_args()

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{PG_BASE}?options=-csearch_path%3D{schema}"
    log_dir = Path(tempfile.mkdtemp(prefix="server-bench-"))
    processes: list[subprocess.Popen[bytes]] = []
    try:
        processes, bases = start_servers(url, args.processes, log_dir)
        token, staff = make_agent(url, bases[0])
        headers = {"Authorization": f"Bearer {token}"}

        def bare(session: requests.Session, base: str, n: int, count: int) -> int:
            session.get(base + "/livez").raise_for_status()
            return 1

        def intake(session: requests.Session, base: str, n: int, count: int) -> int:
            events = [received(staff, n, count * args.batch + i + 1) for i in range(args.batch)]
            response = session.post(base + "/api/v1/sync/push", json={"events": events}, headers=headers)
            response.raise_for_status()
            results = response.json()["results"]
            assert all(r["status"] == "accepted" for r in results), results[:2]
            return len(results)

        run_load(bases, args.clients, 2.0, bare)  # warm up connections and code paths
        base_lat, base_n, base_t = run_load(bases, args.clients, args.seconds, bare)
        push_lat, events, push_t = run_load(bases, args.clients, args.seconds, intake)
    finally:
        for process in processes:
            process.kill()
            process.wait()
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    rate = events / push_t
    print(
        f"\nserver intake: {args.clients} clients, {args.processes} server process(es), PostgreSQL, "
        f"{args.batch} events per push, {args.seconds:.0f} s, {os.cpu_count()} cores (clients on the same machine)"
    )
    print(f"{'workload':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'events/s':>10}  budget")
    print(
        f"{'baseline GET /livez (no DB)':<34}{base_n / base_t:>9.0f}{pct(base_lat, 0.5):>9.1f}{pct(base_lat, 0.99):>9.1f}"
        f"{'-':>10}  -"
    )
    print(
        f"{'push (per request of ' + str(args.batch) + ' events)':<34}{len(push_lat) / push_t:>9.0f}"
        f"{pct(push_lat, 0.5):>9.1f}{pct(push_lat, 0.99):>9.1f}{rate:>10.0f}  ≥ 1000 ev/s, p99 ≤ 100 ms"
    )
    print(
        f"\nevents/s vs budget: {rate / 1000:.2f}×   p99 vs budget: {pct(push_lat, 0.99) / 100:.2f}× (≤ 1 is good)   "
        f"push p50 / baseline p50: {pct(push_lat, 0.5) / max(pct(base_lat, 0.5), 1e-9):.1f}×"
    )
    print(
        f"verdict: {'PASS' if rate >= 1000 and pct(push_lat, 0.99) <= 100 else 'FAIL'} (server logs in {log_dir})"
    )


if __name__ == "__main__":
    main()
