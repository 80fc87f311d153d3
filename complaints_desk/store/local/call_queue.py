"""The desktop's queue of call-log records not yet sent to the server. A record is kept in `call_log` and
queued here in the caller's transaction (`record_call`), so a record never exists only on this desk without
being on its way; `sync.calls` sends the queue when the server can be reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ...domain.calls import CallRecord
from ..calls import CallLogRow, Kept, keep_call_record, record_from_row
from ..models import ID, Base
from ..types import UTCDateTime


class CallQueueRow(Base):
    __tablename__ = "call_log_unsent"
    record_id: Mapped[str] = mapped_column(ID, primary_key=True)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Set when the server refused the record (it stays here, not sent again, for a supervisor to see).
    refused_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    refused_ko: Mapped[str | None] = mapped_column(Text, nullable=True)
    refused_en: Mapped[str | None] = mapped_column(Text, nullable=True)


def record_call(session: Session, record: CallRecord, *, now: datetime) -> Kept:
    """Keep a record made on this desk and queue it for the server (the caller's transaction)."""
    kept = keep_call_record(session, record, now=now)
    if kept.new:
        session.add(CallQueueRow(record_id=record.id, queued_at=now, attempts=0))
        session.flush()
    return kept


def unsent(session: Session, limit: int = 100) -> list[CallRecord]:
    """The records still to send, oldest first (a call's warning before its end, as the server checks)."""
    rows = session.execute(
        select(CallLogRow)
        .join(CallQueueRow, CallQueueRow.record_id == CallLogRow.id)
        .where(CallQueueRow.refused_code.is_(None))
        .order_by(CallLogRow.occurred_at, CallQueueRow.queued_at)
        .limit(limit)
    ).scalars()
    return [record_from_row(row) for row in rows]


def unsent_count(session: Session) -> int:
    return session.execute(
        select(func.count()).select_from(CallQueueRow).where(CallQueueRow.refused_code.is_(None))
    ).scalar_one()


def note_attempt(session: Session, record_id: str) -> None:
    row = session.get(CallQueueRow, record_id)
    if row is not None:
        row.attempts += 1


def mark_sent(session: Session, record_id: str) -> None:
    row = session.get(CallQueueRow, record_id)
    if row is not None:
        session.delete(row)


def mark_refused(session: Session, record_id: str, code: str, ko: str, en: str) -> None:
    row = session.get(CallQueueRow, record_id)
    if row is not None:
        row.refused_code, row.refused_ko, row.refused_en = code[:40], ko, en


@dataclass(frozen=True)
class RefusedCall:
    record: CallRecord
    code: str
    ko: str
    en: str


def refused(session: Session) -> list[RefusedCall]:
    rows = session.execute(
        select(CallLogRow, CallQueueRow)
        .join(CallQueueRow, CallQueueRow.record_id == CallLogRow.id)
        .where(CallQueueRow.refused_code.is_not(None))
        .order_by(CallLogRow.occurred_at)
    ).all()
    return [
        RefusedCall(record_from_row(r), q.refused_code or "", q.refused_ko or "", q.refused_en or "")
        for r, q in rows
    ]
