"""Sync client benchmarks (the budgets in docs/architecture.md).

    .venv/bin/python -m bench.sync_bench [--events 100000] [--page N] [--rounds N] [--samples 40]
                                         [--skip-propagation] [--skip-pull]

1. Pull 100,000 events into a fresh client: a real SyncEngine.pull_once() into a fresh migrated SQLite client
   database, with the server's pull pages (JSON bodies, as GET /sync/pull sends them) answered from memory by a
   requests transport adapter: requests, parsing, the dirty-case checks, projection, writes, search index and
   one transaction a page with its cursor are all measured; only the network and the server are not (the
   server's pull speed is the server bench's). Budget ≥ 20,000 events/s. Baseline, same run: plain sqlite3
   executemany of the same rows (built beforehand, outside the timing) into the same schema, one transaction a
   page, with the same synchronous=FULL/WAL settings and the same deferred index work as the client's catch-up
   (secondary indexes made again and the search index written after the last page; see
   bench/sync_pull_bench.py); afterwards both databases are compared row for row and index for index, so the
   baseline is known to do the same work.
2. Intake-to-other-client propagation against a real server process: client A takes an intake and pushes it;
   client B, long-polling /sync/wait on its engine thread, has it in its local database. Budget p95 ≤ 1 s.
"""

from __future__ import annotations

import argparse
import operator
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from typing import ClassVar

import requests

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.kinds import Kind
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
from complaints_desk.store.intake import Intake
from complaints_desk.store.local import outbox
from complaints_desk.sync.credentials import Credentials
from complaints_desk.sync.engine import PullReport, SyncEngine, SyncObserver
from complaints_desk.sync.transport import Transport

from .sync_pull_bench import PULL_HEADER, add_pull_arguments, print_pull_figures

PASSWORD = "bench-비밀번호-1234"


# --- 2. propagation ----------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(tmp: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    from complaints_desk.store.central import admin

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
        admin.create_staff(session, "admin", "홍관리", "admin", password=PASSWORD)
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
        priority = 1
        values: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())  # type: ignore[no-untyped-call]


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
                transport = Transport(base, token=credentials.token, workstation=credentials.workstation_proof)
                if who == "clerk":  # an administrator enrols the counter's workstation first
                    credentials.login(transport, "admin", PASSWORD, station_name=who)
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
                    state = outbox.record_local_intake(
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
                        offline=clerk.offline_numbering,
                    )
                a.push_once()
                with seen.changed:
                    seen.changed.wait_for(partial(operator.contains, seen.when, state.id), timeout=10)
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
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--skip-propagation", action="store_true")
    parser.add_argument("--skip-pull", action="store_true")
    add_pull_arguments(parser)
    args = parser.parse_args()
    print(PULL_HEADER)
    if not args.skip_pull:
        print_pull_figures(args.events, args.page, args.rounds)
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
