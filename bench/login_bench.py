"""Wrong logins must not starve the intake, nor tell known usernames from unknown ones by their timing.

    .venv/bin/python -m bench.login_bench [--clients 8] [--rate 200] [--seconds 10] [--logins 64] [--at-once 16]

Starts a real server process (`complaints-desk server`, its default settings but the per-address lockout,
raised so the storm keeps costing password checks) on a fresh PostgreSQL schema. Two runs of the same paced
intake (the clients together push --rate `received` events/s in batches of 10, latency counted from each
push's scheduled time, so a server that falls behind is charged for the wait):

- baseline: the intake alone;
- under a login storm: --at-once threads send wrong logins back to back for as long as the intake runs
  (at least --logins in all), each for a username of its own so no account lockout cuts the work short
  (unknown usernames cost the same argon2 check as known ones: tests/integration/test_server_login_guard).

Budget: the intake's p99 under the storm is at most twice its p99 alone. Then, on the idle server, the time
of a wrong login for a known vs an unknown username (median of --samples each, interleaved): they should
be the same within the noise.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg

from .server_bench import (
    PASSWORD,
    PG_ADMIN,
    PG_BASE,
    REPO,
    Client,
    _free_port,
    _wait,
    enrol_stations,
    make_agent,
    pct,
    received,
)
from .server_bench import run_load as paced_load

BATCH = 10


def start_server(url: str, log_dir: Path, extra: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    log = (log_dir / "server.log").open("wb")
    command = [sys.executable, "-m", "complaints_desk.cli", "server", "--database-url", url, "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--address-lockout-after", "1000000", *extra], cwd=REPO, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    _wait(base)
    return process, base


def make_known_staff(url: str, count: int) -> list[str]:
    from complaints_desk.store.central import admin
    from complaints_desk.store.db import make_engine, make_sessionmaker, transaction

    engine = make_engine(url)
    names = [f"known{n:03d}" for n in range(count)]
    with transaction(make_sessionmaker(engine)) as session:
        for name in names:
            admin.create_staff(session, name, "시험직원", "clerk", password=PASSWORD)
    engine.dispose()
    return names


def wrong_login(client: Client, username: str) -> tuple[int, float]:
    body = json.dumps({"username": username, "password": "wrong-password-0000"}).encode()
    began = time.perf_counter()
    client.connection.request(
        "POST", "/api/v1/auth/token", body=body, headers={"Content-Type": "application/json"}
    )
    response = client.connection.getresponse()
    response.read()
    return response.status, time.perf_counter() - began


def storm(base: str, at_once: int, at_least: int, stop: threading.Event, statuses: dict[int, int]) -> None:
    """`at_once` threads, each sending wrong logins back to back until `stop` (and at least its share)."""
    lock = threading.Lock()
    share = -(-at_least // at_once)

    def one(n: int) -> None:
        client = Client(base)
        sent = 0
        while sent < share or not stop.is_set():
            status, _ = wrong_login(client, f"storm-{n}-{sent}-{uuid.uuid4().hex[:6]}")
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
            sent += 1
        client.close()

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(at_once)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8, help="pushing clients")
    parser.add_argument("--rate", type=float, default=200.0, help="events/s the clients offer together")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each intake run")
    parser.add_argument("--logins", type=int, default=64, help="wrong logins in the storm, at least")
    parser.add_argument("--at-once", type=int, default=16, help="wrong logins in flight at once")
    parser.add_argument("--nice", type=int, default=None, help="the server's --password-hash-nice")
    parser.add_argument("--hash-limit", type=int, default=None, help="the server's --password-hash-limit")
    parser.add_argument("--samples", type=int, default=15, help="wrong logins each for known / unknown names")
    args = parser.parse_args()

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{PG_BASE}?options=-csearch_path%3D{schema}"
    log_dir = Path(tempfile.mkdtemp(prefix="login-bench-"))
    process: subprocess.Popen[bytes] | None = None
    load_before = os.getloadavg()
    statuses: dict[int, int] = {}
    try:
        extra = [] if args.nice is None else ["--password-hash-nice", str(args.nice)]
        extra += [] if args.hash_limit is None else ["--password-hash-limit", str(args.hash_limit)]
        process, base = start_server(url, log_dir, extra)
        token, staff = make_agent(url, base)
        known = make_known_staff(url, args.samples)
        headers = {"Authorization": f"Bearer {token}"}
        proofs = enrol_stations(url, args.clients, runs=3)  # intakes are numbered under proven workstations
        period = args.clients * BATCH / args.rate

        def intake(station: int) -> Any:
            def push(client: Client, n: int, count: int) -> int:
                events = [received(staff, station + n, count * BATCH + i + 1) for i in range(BATCH)]
                body = json.dumps({"events": events}).encode()
                sent = {**headers, **proofs[station + n]}
                results = json.loads(client.request("POST", "/api/v1/sync/push", body, sent))["results"]
                assert all(r["status"] == "accepted" for r in results), results[:2]
                return len(results)

            return push

        paced_load([base], args.clients, 2.0, intake(0), period=period)  # warm up
        alone, _, _ = paced_load([base], args.clients, args.seconds, intake(100), period=period)

        stop = threading.Event()
        stormer = threading.Thread(target=storm, args=(base, args.at_once, args.logins, stop, statuses))
        started = time.perf_counter()
        stormer.start()
        under, _, _ = paced_load([base], args.clients, args.seconds, intake(200), period=period)
        stop.set()
        stormer.join()
        storm_seconds = time.perf_counter() - started

        time.sleep(1.0)  # let the last checks finish
        client = Client(base)
        known_t, unknown_t = [], []
        for n in range(args.samples):
            known_t.append(wrong_login(client, known[n])[1])
            unknown_t.append(wrong_login(client, f"nobody{n:03d}")[1])
        client.close()
    finally:
        if process is not None:
            process.kill()
            process.wait()
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    load_after = os.getloadavg()

    p99_alone, p99_under = pct(alone, 0.99), pct(under, 0.99)
    logins = sum(statuses.values())
    print(
        f"\nlogin bench: {args.clients} clients pushing {args.rate:.0f} events/s ({BATCH} per push), one server "
        f"process, PostgreSQL, {os.cpu_count()} cores shared with the clients; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after"
    )
    print(f"{'intake run':<44}{'pushes':>7}{'p50 ms':>9}{'p99 ms':>9}")
    print(f"{'alone (baseline)':<44}{len(alone):>7}{pct(alone, 0.5):>9.1f}{p99_alone:>9.1f}")
    print(
        f"{f'under {args.at_once} wrong logins at a time':<44}{len(under):>7}{pct(under, 0.5):>9.1f}{p99_under:>9.1f}"
    )
    print(
        f"storm: {logins} wrong logins in {storm_seconds:.1f} s ({logins / storm_seconds:.1f}/s), answers "
        + ", ".join(f"{status}×{count}" for status, count in sorted(statuses.items()))
    )
    ratio = p99_under / p99_alone if p99_alone > 0 else float("inf")
    print(f"intake p99 under the storm / alone: {ratio:.2f}× (budget ≤ 2×)")
    k, u = statistics.median(known_t) * 1000, statistics.median(unknown_t) * 1000
    print(f"wrong login, median of {args.samples}: known username {k:.0f} ms, unknown username {u:.0f} ms")
    passed = ratio <= 2.0 and logins >= args.logins
    print(f"verdict: {'PASS' if passed else 'FAIL'} (server log in {log_dir})")


if __name__ == "__main__":
    main()
