"""Builders for tests: events and intakes with sensible Korean defaults."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.roles import Role

SEOUL = ZoneInfo("Asia/Seoul")
T0 = datetime(2026, 11, 20, 10, 0, tzinfo=SEOUL)  # a Friday, in working hours


def received_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "receipt_no": "20261120-C03-0042",
        "kind": "grievance",
        "channel": "phone",
        "title": "한빛로 123 앞 불법주차 단속 요청",
        "body": "매일 저녁 한빛로 123 앞 인도에 차량이 주차되어 보행이 어렵습니다.",
        "petitioner": {"name": "홍길동", "phone": "010-1234-5678", "address": "서울특별시 한빛구 한빛로 123"},
        "period": {"amount": 7, "unit": "days"},
        "due_at": "2026-12-01T23:59:59+09:00",
    }
    payload.update(overrides)
    return payload


def event(
    event_type: EventType,
    case_id: str,
    *,
    role: Role = Role.AGENT,
    department: str | None = None,
    at: datetime = T0,
    payload: Mapping[str, Any] | None = None,
    actor_id: str | None = None,
    base_version: int | None = None,
) -> Event:
    return Event(
        id=new_id(),
        case_id=case_id,
        type=event_type,
        occurred_at=at,
        actor_id=actor_id or new_id(),
        actor_role=role,
        actor_department=department,
        station_code="C03",
        base_version=base_version,
        payload=dict(payload or {}),
    )


def later(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def enrol_workstation(session: Any, code: str) -> Any:
    """A workstation with station `code`, as if enrolled: returns the claim (id and secret) its pushes prove
    themselves with (the push checks a received event's station against it)."""
    from datetime import UTC

    from complaints_desk.server.deps import WorkstationClaim
    from complaints_desk.store.central.stations import hash_secret
    from complaints_desk.store.central.tables import WorkstationKey
    from complaints_desk.store.models import Station

    workstation, secret, now = new_id(), f"시험-단말-{code}-비밀", datetime.now(UTC)
    session.add(
        Station(id=workstation, code=code, name=f"시험 단말 {code}", kind="workstation", last_receipt_seq=0)
    )
    session.flush()
    session.add(
        WorkstationKey(station_id=workstation, proof_hash=hash_secret(secret), created_at=now, rotated_at=now)
    )
    return WorkstationClaim(workstation, secret)


@contextmanager
def write_lock_held(path: Path | str, *, for_seconds: float) -> Iterator[threading.Event]:
    """Another connection holds the SQLite file's write lock (BEGIN IMMEDIATE) and lets go after `for_seconds`
    on a timer; the event is set once it has. The block's work can tell whether it ended while the lock was
    still held (`not released.is_set()`): an ordering, not a timed assertion."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    released = threading.Event()

    def let_go() -> None:
        holder.execute("ROLLBACK")
        released.set()

    timer = threading.Timer(for_seconds, let_go)
    timer.start()
    try:
        yield released
    finally:
        timer.join()
        holder.close()
