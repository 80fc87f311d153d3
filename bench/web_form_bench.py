"""Web form to the desk (the budget in docs/architecture.md: p95 ≤ 250 ms).

    .venv/bin/python -m bench.web_form_bench [--samples 40] [--database-url postgresql+psycopg://…]

A real server process (SQLite by default) and a real desk client (an agent's local SQLite store and its
SyncEngine, long-polling /sync/wait on its own thread, as the desktop runs it). A citizen's browser (an HTTP
session that keeps its cookie) opens the complaint form, fills it in with a 60 KB photo and sends it; the
clock runs from the send until the case is in the desk's local store (found there by its receipt number,
looked up as soon as the engine reports a pulled page). Also printed: the form's own answer (the receipt
number on the citizen's screen) and, as the baseline measured in the same run, the same path for an intake
pushed by another desk (a clerk's), so what the web form adds is visible beside what sync costs anyway.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from PIL import Image
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.kinds import Kind
from complaints_desk.store.cases import load_case_by_receipt
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
from complaints_desk.store.intake import Intake
from complaints_desk.store.local import outbox
from complaints_desk.sync.credentials import Credentials, LoggedIn
from complaints_desk.sync.engine import PullReport, SyncEngine, SyncObserver
from complaints_desk.sync.transport import Transport

from .sync_bench import _memory_keyring

PASSWORD = "bench-비밀번호-1234"
BUDGET_SECONDS = 0.250
_HIDDEN = re.compile(r'<input type="hidden" name="(csrf_token|form_id)" value="([^"]*)">')
_RECEIPT = re.compile(r'id="receipt-no">([^<]+)<')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(tmp: Path, database_url: str | None) -> tuple[subprocess.Popen[bytes], str]:
    from complaints_desk.store.central import admin

    url = database_url or f"sqlite:///{tmp / 'server.sqlite3'}"
    channels = tmp / "channels.toml"  # one address files every sample: the per-address limit is lifted
    channels.write_text("[web]\nfiling_burst = 100000\nfiling_refill_seconds = 1\n", encoding="utf-8")
    port = _free_port()
    log = (tmp / "server.log").open("ab")
    command = [sys.executable, "-m", "complaints_desk.cli", "server", "--database-url", url, "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--channels", str(channels)],
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
    for username, role in (("agent", "agent"), ("clerk", "clerk")):
        requests.post(
            base + "/api/v1/admin/staff",
            json={"username": username, "name": "직원", "role": role, "password": PASSWORD},
            headers=headers,
            timeout=30,
        ).raise_for_status()
    return process, base


class _Pulled(SyncObserver):
    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.pages = 0

    def pulled(self, report: PullReport) -> None:
        with self.changed:
            self.pages += 1
            self.changed.notify_all()


def _desk(tmp: Path, base: str, who: str) -> tuple[sessionmaker[Session], Transport, LoggedIn]:
    engine = make_engine(f"sqlite:///{tmp / f'{who}.sqlite3'}")
    migrate(engine)
    factory = make_sessionmaker(engine)
    credentials = Credentials(factory, base)
    transport = Transport(base, token=credentials.token, workstation=credentials.workstation_proof)
    credentials.login(transport, "admin", PASSWORD, station_name=who)  # the administrator enrols the desk
    user = credentials.login(transport, who, PASSWORD, station_name=who)
    return factory, transport, user


def _photo() -> bytes:
    buffer = io.BytesIO()
    image = Image.effect_noise((400, 300), 64).convert("RGB")  # noise: a photo's size, not a flat colour's
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _wait_for(factory: sessionmaker[Session], seen: _Pulled, receipt_no: str, timeout: float = 10.0) -> float:
    """The moment the case is in the desk's store: looked up after every pulled page."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        with transaction(factory) as session:
            if load_case_by_receipt(session, receipt_no) is not None:
                return time.perf_counter()
        with seen.changed:
            seen.changed.wait(timeout=0.02)
    return float("inf")


def bench(samples: int, database_url: str | None) -> tuple[list[float], list[float], list[float]]:
    _memory_keyring()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        process, base = _start_server(tmp, database_url)
        try:
            desk_factory, desk_transport, _ = _desk(tmp, base, "agent")
            clerk_factory, clerk_transport, clerk = _desk(tmp, base, "clerk")
            clerk_engine = SyncEngine(clerk_factory, clerk_transport)
            seen = _Pulled()
            watcher = SyncEngine(desk_factory, desk_transport, observer=seen, wait_seconds=20)
            worker = threading.Thread(target=watcher.run_forever, daemon=True)
            worker.start()
            time.sleep(1.0)
            photo = _photo()
            citizen = requests.Session()
            to_desk: list[float] = []
            answered: list[float] = []
            baseline: list[float] = []
            for number in range(samples + 2):  # the first two warm the server up
                page = citizen.get(base + "/minwon/complaint", timeout=30).text
                data = dict(_HIDDEN.findall(page)) | {
                    "kind": "grievance",
                    "title": f"한빛로 {number} 앞 가로등 고장",
                    "body": "밤마다 가로등이 꺼져 있어 지나다니기 무섭습니다.",
                    "place": f"한빛로 {number}",
                    "name": "홍길동",
                    "phone": "010-2345-6789",
                    "reply": "web",
                    "consent": "yes",
                }
                started = time.perf_counter()
                response = citizen.post(
                    base + "/minwon/complaint",
                    data=data,
                    files=[("files", ("가로등.jpg", photo, "image/jpeg"))],
                    timeout=30,
                )
                shown = time.perf_counter()
                found = _RECEIPT.search(response.text)
                if response.status_code != 200 or found is None:
                    raise SystemExit(f"the form was refused ({response.status_code}): {response.text[-600:]}")
                arrived = _wait_for(desk_factory, seen, found.group(1))

                desk_started = time.perf_counter()
                with transaction(clerk_factory) as session:
                    state = outbox.record_local_intake(
                        session,
                        Intake(
                            Kind.GRIEVANCE,
                            Channel.COUNTER,
                            f"가로등 고장 {number}",
                            "꺼져 있음",
                            "홍길동",
                            "010-1234-5678",
                        ),
                        actor=clerk.actor,
                        station_code=clerk.station_code or "",
                        offline=clerk.offline_numbering,
                    )
                clerk_engine.push_once()
                desk_arrived = _wait_for(desk_factory, seen, state.receipt_no)
                if number >= 2:
                    answered.append(shown - started)
                    to_desk.append(arrived - started)
                    baseline.append(desk_arrived - desk_started)
                time.sleep(0.05)
            watcher.stop()
            worker.join(timeout=30)
            return to_desk, answered, baseline
        finally:
            process.kill()
            process.wait()


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share + 0.999999) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--database-url", help="the server's database (default: a fresh SQLite file)")
    args = parser.parse_args()
    to_desk, answered, baseline = bench(args.samples, args.database_url)
    where = "PostgreSQL" if (args.database_url or "").startswith("postgresql") else "SQLite"
    print(f"web form → desk ({where} server, {len(to_desk)} samples, a 60 KB photo attached)")
    for label, values, budget in (
        ("form sent → receipt number on the citizen's screen", answered, None),
        ("form sent → case in the agent desk's local store", to_desk, BUDGET_SECONDS),
        ("baseline: clerk desk intake → same desk's store", baseline, None),
    ):
        p50, p95 = statistics.median(values), _percentile(values, 0.95)
        verdict = ("ok" if p95 <= budget else "OVER BUDGET") if budget else ""
        limit = f"p95 ≤ {budget * 1000:.0f} ms" if budget else ""
        print(
            f"{label:<52} p50 {p50 * 1000:>6.0f} ms  p95 {p95 * 1000:>6.0f} ms  max {max(values) * 1000:>6.0f} ms"
            f"  {limit:>14}  {verdict}"
        )


if __name__ == "__main__":
    main()
