"""Desktop clients for the sync integration tests: each has its own local SQLite database, its credentials
and its engine, talking to a real server process (tests/integration/conftest.py's live_server)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.statuses import Status
from complaints_desk.store.cases import load_case
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
from complaints_desk.store.intake import Intake
from complaints_desk.store.local import outbox
from complaints_desk.sync.credentials import Credentials, LoggedIn
from complaints_desk.sync.engine import SyncEngine, SyncObserver, SyncStatus
from complaints_desk.sync.transport import Transport

PASSWORD = "비밀번호-Test-1234"


class Recorder(SyncObserver):
    def __init__(self) -> None:
        self.statuses: list[SyncStatus] = []
        self.conflicted: list[str] = []

    def status_changed(self, status: SyncStatus, detail: str) -> None:
        self.statuses.append(status)

    def conflicts(self, case_ids: tuple[str, ...]) -> None:
        self.conflicted.extend(case_ids)


@dataclass
class DeskClient:
    name: str
    engine: Engine
    factory: sessionmaker[Session]
    credentials: Credentials
    transport: Transport
    sync: SyncEngine
    observer: Recorder
    user: LoggedIn | None = None

    def login(self, username: str, password: str = PASSWORD, *, enrol_as: str | None = "supervisor") -> LoggedIn:
        """Log in; a front-desk role on a workstation not enrolled yet first has `enrol_as` (a supervisor)
        log in once to enrol it, as in an office (docs/operations.md)."""
        if enrol_as and username in ("agent", "clerk") and self.credentials.workstation_proof() is None:
            self.credentials.login(self.transport, enrol_as, PASSWORD, station_name=f"{self.name} 단말")
        self.user = self.credentials.login(self.transport, username, password, station_name=f"{self.name} 단말")
        self.sync.credentials_changed()
        return self.user

    def intake(self, title: str = "가로등 고장 신고", *, department: str | None = None, **kw: Any) -> str:
        assert self.user is not None and self.user.station_code is not None
        with transaction(self.factory) as session:
            state = outbox.record_local_intake(
                session,
                Intake(
                    Kind.GRIEVANCE,
                    Channel.COUNTER,
                    title,
                    "한빛로 12 앞 가로등이 사흘째 꺼져 있습니다.",
                    "홍길동",
                    "010-1234-5678",
                    department_code=department,
                    **kw,
                ),
                actor=self.user.actor,
                station_code=self.user.station_code,
                offline=self.user.offline_numbering,
            )
        return state.id

    def change(self, case_id: str, event_type: EventType, **payload: Any) -> Event:
        assert self.user is not None
        actor = self.user.actor
        with transaction(self.factory) as session:
            before = load_case(session, case_id)
            assert before is not None
            from datetime import UTC, datetime

            event = Event(
                id=new_id(),
                case_id=case_id,
                type=event_type,
                occurred_at=datetime.now(UTC),
                actor_id=actor.id,
                actor_role=actor.role,
                actor_department=actor.department_code,
                station_code=self.user.station_code,
                base_version=before.version,
                payload=payload,
            )
            outbox.record_local(session, event)
        return event

    def status_of(self, case_id: str) -> Status:
        with transaction(self.factory) as session:
            state = load_case(session, case_id)
        assert state is not None
        return state.status

    def close(self) -> None:
        self.sync.stop()
        self.transport.close()
        self.engine.dispose()


def make_client(tmp_path: Path, name: str, base_url: str, **engine_options: Any) -> DeskClient:
    engine = make_engine(f"sqlite:///{tmp_path / f'{name}.sqlite3'}")
    migrate(engine)
    factory = make_sessionmaker(engine)
    credentials = Credentials(factory, base_url)
    transport = Transport(
        base_url, token=credentials.token, workstation=credentials.workstation_proof, retries=1, backoff=0.05
    )
    observer = Recorder()
    sync = SyncEngine(factory, transport, observer=observer, **engine_options)
    return DeskClient(name, engine, factory, credentials, transport, sync, observer)


# --- one server per test module (server start-up and the team cost seconds each) ---------------------------


def pg_schema() -> tuple[str, Any]:
    """A fresh PostgreSQL schema URL and a function that drops it."""
    import uuid

    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    dsn = "host=127.0.0.1 port=5432 user=postgres dbname=test"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}", drop


def server_session_factory(database_url: str) -> tuple[Engine, sessionmaker[Session]]:
    engine = make_engine(database_url)
    return engine, make_sessionmaker(engine)


def extended_behind_the_officers_back(
    counter: DeskClient, desk: DeskClient, boss: DeskClient, department: str
) -> str:
    """A case the clerk files, the officer accepts and the supervisor then extends by three days, which the
    officer's desk has not pulled yet: an extension the officer now makes is the case's second as the server
    sees it (which needs the petitioner's consent), so the server refuses it. Signs the three in; returns the
    case id."""
    counter.login("clerk")
    desk.login("officer")
    boss.login("supervisor")
    case_id = counter.intake(department=department)
    counter.sync.run_once()
    desk.sync.run_once()
    desk.change(case_id, EventType.ACCEPTED)
    desk.sync.run_once()
    boss.sync.run_once()
    with transaction(boss.factory) as session:
        state = load_case(session, case_id)
    assert state is not None and state.due_at is not None
    boss.change(
        case_id,
        EventType.EXTENDED,
        reason_code="cooperation",
        new_due_at=(state.due_at + timedelta(days=3)).isoformat(),
    )
    boss.sync.run_once()
    return case_id
