"""The client's sync state: the server it talks to, its pull cursor and the station it is enrolled as."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ...domain.ids import new_id
from ...domain.receipts import ReceiptNumber
from ..models import Station
from ..reference import ensure_station
from .tables import OfflineCredential, OutboxRow, OutboxState, SyncStateRow

_ROW_ID = 1


@dataclass(frozen=True)
class SyncStateInfo:
    server_url: str | None
    cursor: int
    station_id: str | None
    station_code: str | None
    station_name: str | None
    enrolled_at: datetime | None
    last_push_at: datetime | None
    last_pull_at: datetime | None


def _row(session: Session) -> SyncStateRow:
    row = session.get(SyncStateRow, _ROW_ID)
    if row is None:
        row = SyncStateRow(id=_ROW_ID, cursor=0)
        session.add(row)
        session.flush()
    return row


def sync_state(session: Session) -> SyncStateInfo:
    row = _row(session)
    return SyncStateInfo(
        row.server_url,
        row.cursor,
        row.station_id,
        row.station_code,
        row.station_name,
        row.enrolled_at,
        row.last_push_at,
        row.last_pull_at,
    )


def cursor(session: Session) -> int:
    value = session.execute(select(SyncStateRow.cursor).where(SyncStateRow.id == _ROW_ID)).scalar_one_or_none()
    return int(value or 0)


def workstation_id(session: Session) -> str:
    """A stable id of this installation (the server gives the same id the same station code)."""
    row = _row(session)
    if row.workstation_id is None:
        row.workstation_id = new_id()
        session.flush()
    return row.workstation_id


def last_receipt_no(session: Session, code: str) -> str | None:
    day, sequence = station_counter(session, code)
    return None if day is None or sequence < 1 else str(ReceiptNumber(day, code, sequence))


def set_cursor(session: Session, value: int, *, now: datetime | None = None) -> None:
    _row(session)
    values: dict[str, object] = {"cursor": value}
    if now is not None:
        values["last_pull_at"] = now
    session.execute(update(SyncStateRow).where(SyncStateRow.id == _ROW_ID).values(**values))


def set_server_url(session: Session, url: str) -> None:
    _row(session).server_url = url


def note_pushed(session: Session, now: datetime) -> None:
    _row(session).last_push_at = now


def record_enrolment(
    session: Session,
    *,
    station_id: str,
    code: str,
    name: str,
    last_receipt_day: date | None,
    last_receipt_seq: int,
    now: datetime,
) -> None:
    """Remember which station this workstation is, and continue its receipt numbering after the last number
    the server has seen (never going back below what this workstation already issued itself)."""
    row = _row(session)
    row.station_id, row.station_code, row.station_name, row.enrolled_at = station_id, code, name, now
    station = ensure_station(session, code, name)
    if last_receipt_day is not None and (
        station.last_receipt_day is None
        or (station.last_receipt_day, station.last_receipt_seq) < (last_receipt_day, last_receipt_seq)
    ):
        station.last_receipt_day, station.last_receipt_seq = last_receipt_day, last_receipt_seq
    session.flush()


def station_counter(session: Session, code: str) -> tuple[date | None, int]:
    row = session.execute(select(Station).where(Station.code == code)).scalar_one_or_none()
    return (None, 0) if row is None else (row.last_receipt_day, row.last_receipt_seq)


# --- what the desktop's status bar shows -----------------------------------------------------------------


@dataclass(frozen=True)
class WaitingPerson:
    """Someone's changes that wait for that person (their token is gone: they must sign in again)."""

    staff_id: str | None
    name: str | None
    count: int


@dataclass(frozen=True)
class SyncSummary:
    pending: int  # changes not yet accepted by the server, everyone's
    by_person: tuple[WaitingPerson, ...]  # the same, per person, oldest first
    rejected: int  # refused changes nobody has acknowledged yet
    last_sync_at: datetime | None  # the newer of the last push and the last pulled page
    station_code: str | None


def sync_summary(session: Session) -> SyncSummary:
    rows = session.execute(
        select(OutboxRow.staff_id, func.count(), func.min(OutboxRow.position))
        .where(OutboxRow.state == OutboxState.PENDING)
        .group_by(OutboxRow.staff_id)
        .order_by(func.min(OutboxRow.position))
    ).all()
    names = dict(
        session.execute(
            select(OfflineCredential.staff_id, OfflineCredential.name).where(
                OfflineCredential.staff_id.in_([r[0] for r in rows if r[0] is not None])
            )
        ).all()
    )
    rejected = session.execute(
        select(func.count())
        .select_from(OutboxRow)
        .where(OutboxRow.state == OutboxState.REJECTED, OutboxRow.acknowledged_at.is_(None))
    ).scalar_one()
    state = session.get(SyncStateRow, _ROW_ID)  # read-only: a store never synced has no row yet
    moments = [m for m in (state.last_push_at, state.last_pull_at) if m is not None] if state else []
    return SyncSummary(
        sum(int(r[1]) for r in rows),
        tuple(WaitingPerson(staff, names.get(staff) if staff else None, int(count)) for staff, count, _ in rows),
        int(rejected),
        max(moments) if moments else None,
        state.station_code if state else None,
    )
