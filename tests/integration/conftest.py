"""Integration set-up: a REAL server process on loopback (`python -m complaints_desk.cli server …`) over a
fresh SQLite file or a fresh PostgreSQL schema, and a team of staff (one per role) with tokens.

    def test_x(live_server, team):            # runs on SQLite and PostgreSQL
        r = httpx.get(live_server.base_url + "/healthz")
        team.headers("officer")               # {"Authorization": "Bearer …"}

    def test_y(live_server_factory, pg_schema_url):
        a = live_server_factory(pg_schema_url)  # several processes on one database
        b = live_server_factory(pg_schema_url)
"""

from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "비밀번호-Test-1234"
DEPARTMENT = "ROAD"  # 도로과: the officer's department
OTHER_DEPARTMENT = "PARK"  # 공원녹지과: the other officer's department
STARTUP_SECONDS = 60.0
PG_BASE_URL = os.environ.get("COMPLAINTS_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    database_url: str
    log_path: Path
    port: int = field(default_factory=free_port)
    host: str = "127.0.0.1"
    extra_args: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api(self) -> str:
        return self.base_url + "/api/v1"

    def start(self) -> LiveServer:
        command = [
            sys.executable,
            "-m",
            "complaints_desk.cli",
            "server",
            "--database-url",
            self.database_url,
            "--host",
            self.host,
            "--port",
            str(self.port),
            *self.extra_args,
        ]
        log = self.log_path.open("ab")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=log, env=env)
        log.close()
        self._wait_healthy()
        return self

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        assert self.process is not None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log_text()[-4000:]}")
            try:
                if httpx.get(self.base_url + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not become healthy:\n{self.log_text()[-4000:]}")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as in a power cut."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self) -> LiveServer:
        self.kill()
        return self.start()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def log_lines(self) -> list[dict[str, Any]]:
        """The server's structured (JSON) log lines so far."""
        import json

        lines = []
        for line in self.log_text().splitlines():
            if line.startswith("{"):
                try:
                    lines.append(json.loads(line))
                except ValueError:
                    continue
        return lines


@pytest.fixture
def live_server_factory(tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """Start any number of real server processes: factory(database_url=None, *extra_args). Without a URL, a
    fresh SQLite file in tmp_path. All are killed at teardown."""
    started: list[LiveServer] = []

    def start(database_url: str | None = None, *extra_args: str) -> LiveServer:
        url = database_url or f"sqlite:///{tmp_path / 'server.sqlite3'}"
        server = LiveServer(url, tmp_path / f"server-{len(started)}.log", extra_args=tuple(extra_args))
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.kill()


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    url: str = request.getfixturevalue("pg_schema_url")
    return url


@pytest.fixture
def live_server(live_server_factory: Callable[..., LiveServer], server_db_url: str) -> LiveServer:
    """One real server process, on SQLite and on PostgreSQL (the test runs twice)."""
    return live_server_factory(server_db_url)


# --- staff -----------------------------------------------------------------------------------------------


@dataclass
class Workstation:
    """An enrolled workstation: its id, station code and the secret that proves it (the proof headers)."""

    id: str
    code: str
    secret: str

    @property
    def headers(self) -> dict[str, str]:
        return {"X-Workstation": self.id, "X-Workstation-Proof": self.secret}


@dataclass
class Team:
    """Staff of every role on one server: `tokens[name]`, `staff[name]` (id, role, department_code …), and
    the workstation they all push from (`workstation`, enrolled by the admin: its proof is in `headers`).
    Names: admin, agent, clerk, officer (ROAD), other_officer (PARK), supervisor."""

    server: LiveServer
    tokens: dict[str, str] = field(default_factory=dict)
    staff: dict[str, dict[str, Any]] = field(default_factory=dict)
    workstation: Workstation | None = None

    @property
    def station_code(self) -> str:
        assert self.workstation is not None
        return self.workstation.code

    def headers(self, name: str, workstation: Workstation | None = None) -> dict[str, str]:
        """The token, and the proof of `workstation` (the team's own by default)."""
        chosen = workstation or self.workstation
        proof = chosen.headers if chosen is not None else {}
        return {"Authorization": f"Bearer {self.tokens[name]}", **proof}

    def client(self, name: str, workstation: Workstation | None = None, **kwargs: Any) -> httpx.Client:
        return httpx.Client(
            base_url=self.server.api, headers=self.headers(name, workstation), timeout=60, **kwargs
        )

    def enrol(
        self, who: str = "supervisor", name: str = "민원실 창구", workstation_id: str | None = None
    ) -> Workstation:
        """Enrol a workstation (a new one, or `workstation_id` again) as `who` (a supervisor or the admin)."""
        from complaints_desk.domain.ids import new_id

        workstation_id = workstation_id or new_id()
        response = httpx.post(
            self.server.api + "/stations/enrol",
            json={"name": name, "workstation_id": workstation_id},
            headers={"Authorization": f"Bearer {self.tokens[who]}"},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        return Workstation(body["station_id"], body["code"], body["secret"])


TEAM_MEMBERS: dict[str, tuple[str, str | None, str]] = {
    "agent": ("agent", None, "김상담"),
    "clerk": ("clerk", None, "이창구"),
    "officer": ("officer", DEPARTMENT, "박도로"),
    "other_officer": ("officer", OTHER_DEPARTMENT, "최공원"),
    "supervisor": ("supervisor", None, "정팀장"),
}


def create_admin(database_url: str, username: str = "admin", password: str = PASSWORD) -> None:
    """The first administrator, as `complaints-desk admin create-admin` makes it (in-process here)."""
    from complaints_desk.store.central import admin
    from complaints_desk.store.db import make_engine, make_sessionmaker, transaction

    engine = make_engine(database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            admin.create_staff(session, username, "홍관리", "admin", password=password)
    finally:
        engine.dispose()


def login(server: LiveServer, username: str, password: str = PASSWORD) -> dict[str, Any]:
    response = httpx.post(
        server.api + "/auth/token", json={"username": username, "password": password}, timeout=30
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def make_team(server: LiveServer) -> Team:
    create_admin(server.database_url)
    team = Team(server)
    answer = login(server, "admin")
    team.tokens["admin"], team.staff["admin"] = answer["access_token"], answer["staff"]
    with team.client("admin") as admin:
        for code, name in ((DEPARTMENT, "도로과"), (OTHER_DEPARTMENT, "공원녹지과")):
            r = admin.post("/admin/departments", json={"code": code, "name": name, "phone": "02-123-4567"})
            assert r.status_code in (200, 201), r.text
        for username, (role, department, name) in TEAM_MEMBERS.items():
            r = admin.post(
                "/admin/staff",
                json={
                    "username": username,
                    "name": name,
                    "role": role,
                    "department_code": department,
                    "password": PASSWORD,
                },
            )
            assert r.status_code in (200, 201), r.text
    for username in TEAM_MEMBERS:
        answer = login(server, username)
        team.tokens[username], team.staff[username] = answer["access_token"], answer["staff"]
    team.workstation = team.enrol("admin", "민원실 시험 단말")
    return team


@pytest.fixture
def team(live_server: LiveServer) -> Team:
    return make_team(live_server)


# --- one server for the whole session per database (cheaper: tests on it use their own cases) -----------


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def shared_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """A real server shared by every test that asks for it, on SQLite and on PostgreSQL. Tests on it use
    their own cases and cursors; one of them kills and restarts it."""
    tmp = tmp_path_factory.mktemp("server")
    schema = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'server.sqlite3'}"
    else:
        if not request.getfixturevalue("postgres_available"):
            pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
        schema, url = _create_pg_schema()
    server = LiveServer(url, tmp / "server.log").start()
    yield server
    server.kill()
    if schema is not None:
        _drop_pg_schema(schema)


def _create_pg_schema() -> tuple[str, str]:
    """Like the root conftest's pg_schema_url, for a module-scoped server."""
    import uuid

    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return schema, f"{PG_BASE_URL}?options=-csearch_path%3D{schema}"


def _drop_pg_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def shared_team(shared_server: LiveServer) -> Team:
    return make_team(shared_server)


# --- building events on the wire -------------------------------------------------------------------------

_receipts = itertools.count(1)
RECEIPT_DAY = "20261120"
# Events happen "now" (half an hour ago): the server refuses times outside a window of its clock.
T0 = datetime.now(ZoneInfo("Asia/Seoul")).replace(second=0, microsecond=0) - timedelta(minutes=30)


def legal_due_at(kind: str = "grievance", at: datetime = T0) -> str:
    """The deadline the server computes for an intake at `at` (no closures): a forecast it will not correct."""
    from complaints_desk.domain import deadlines
    from complaints_desk.domain.calendar import WorkCalendar
    from complaints_desk.domain.kinds import Kind

    return deadlines.due_at(at, deadlines.period_for(Kind(kind)), WorkCalendar()).isoformat()


def next_receipt_no(station: str) -> str:
    return f"{RECEIPT_DAY}-{station}-{next(_receipts):04d}"


def actor_fields(team: Team, who: str) -> dict[str, Any]:
    staff = team.staff[who]
    return {"actor_id": staff["id"], "actor_role": staff["role"], "actor_department": staff["department_code"]}


def wire_event(
    team: Team,
    who: str,
    event_type: str,
    case_id: str,
    payload: dict[str, Any] | None = None,
    *,
    base_version: int | None = None,
    station_code: str | None = None,
) -> dict[str, Any]:
    from complaints_desk.domain.ids import new_id

    return {
        "id": new_id(),
        "case_id": case_id,
        "type": event_type,
        "occurred_at": T0.isoformat(),
        **actor_fields(team, who),
        "station_code": station_code,
        "base_version": base_version,
        "payload": payload or {},
    }


def wire_received(
    team: Team, who: str = "agent", *, case_id: str | None = None, receipt_no: str | None = None, **overrides: Any
) -> dict[str, Any]:
    from complaints_desk.domain.ids import new_id

    receipt = receipt_no or next_receipt_no(team.station_code)
    payload: dict[str, Any] = {
        "receipt_no": receipt,
        "kind": "grievance",
        "channel": "phone",
        "title": "한빛로 123 앞 불법주차 단속 요청",
        "body": "매일 저녁 한빛로 123 앞 인도에 차량이 주차되어 보행이 어렵습니다.",
        "petitioner": {"name": "홍길동", "phone": "010-1234-5678", "address": "서울특별시 한빛구 한빛로 123"},
        "period": {"amount": 7, "unit": "days"},
        "due_at": legal_due_at(),
    }
    payload.update(overrides)
    return wire_event(team, who, "received", case_id or new_id(), payload, station_code=receipt.split("-")[1])


def push(client: httpx.Client, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = client.post("/sync/push", json={"events": events})
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def routed_case(team: Team, department: str = DEPARTMENT) -> str:
    """A case received by the agent and routed to a department; returns its id."""
    received = wire_received(team)
    routed = wire_event(
        team, "agent", "routed", received["case_id"], {"department_code": department}, base_version=1
    )
    with team.client("agent") as agent:
        results = push(agent, [received, routed])
    assert [r["status"] for r in results] == ["accepted", "accepted"], results
    return str(received["case_id"])
