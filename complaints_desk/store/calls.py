"""The call log (domain.calls) in both stores: the same `call_log` table on the desktop (what this desk
recorded) and on the server (every desk's records). Keeping a record is idempotent by its id: the desktop
sends a record again after a lost answer, and the server keeps it once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Index, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..domain.calls import CallRecord, CallRecordKind, WarningLevel, WarningReason, check_next
from ..domain.errors import DomainError
from .models import ID, Base
from .types import UTCDateTime


class CallLogRow(Base):
    __tablename__ = "call_log"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    call_id: Mapped[str] = mapped_column(ID)
    kind: Mapped[str] = mapped_column(String(32))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    agent_id: Mapped[str] = mapped_column(ID)
    caller_phone: Mapped[str] = mapped_column(String(40), default="")
    warning: Mapped[str | None] = mapped_column(String(12), nullable=True)
    reason: Mapped[str | None] = mapped_column(String(16), nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when this store kept it
    sent_by: Mapped[str | None] = mapped_column(ID, nullable=True)  # server: who pushed it (None on a desktop)

    __table_args__ = (
        Index("ix_call_log_call", "call_id", "occurred_at"),
        Index("ix_call_log_occurred", "occurred_at"),
    )


def record_from_row(row: CallLogRow) -> CallRecord:
    return CallRecord(
        row.id,
        row.call_id,
        CallRecordKind(row.kind),
        row.occurred_at,
        row.agent_id,
        row.caller_phone,
        WarningLevel(row.warning) if row.warning else None,
        WarningReason(row.reason) if row.reason else None,
    )


def call_records(session: Session, call_id: str) -> list[CallRecord]:
    rows = session.execute(
        select(CallLogRow).where(CallLogRow.call_id == call_id).order_by(CallLogRow.occurred_at)
    ).scalars()
    return [record_from_row(row) for row in rows]


@dataclass(frozen=True)
class Kept:
    record: CallRecord
    new: bool  # False: this id was kept before, with the same content (a repeat)


def keep_call_record(session: Session, record: CallRecord, *, now: datetime, sent_by: str | None = None) -> Kept:
    """Keep `record` once. A repeat of a kept record (same id, same content) is a harmless duplicate; the same
    id with other content is refused (code id_reused), as is a record the call's order does not allow
    (domain.calls.check_next, LifecycleError). Nothing is written when it raises."""
    existing = session.get(CallLogRow, record.id)
    if existing is not None:
        if record_from_row(existing) != record:
            raise DomainError(
                "id",
                f"이 통화 기록 식별자({record.id})는 다른 내용으로 이미 쓰였습니다.",
                f"The call-log record id {record.id} was already used for other content.",
                code="id_reused",
            )
        return Kept(record, new=False)
    check_next(call_records(session, record.call_id), record)
    session.add(
        CallLogRow(
            id=record.id,
            call_id=record.call_id,
            kind=record.kind.value,
            occurred_at=record.occurred_at,
            agent_id=record.agent_id,
            caller_phone=record.caller_phone,
            warning=record.warning.value if record.warning else None,
            reason=record.reason.value if record.reason else None,
            recorded_at=now,
            sent_by=sent_by,
        )
    )
    session.flush()
    return Kept(record, new=True)


@dataclass(frozen=True)
class CallLogEntry:
    record: CallRecord
    recorded_at: datetime
    sent_by: str | None


def call_log(
    session: Session, *, since: datetime | None = None, until: datetime | None = None, limit: int = 500
) -> list[CallLogEntry]:
    """The records that occurred in [since, until), newest first, at most `limit`."""
    query = select(CallLogRow)
    if since is not None:
        query = query.where(CallLogRow.occurred_at >= since)
    if until is not None:
        query = query.where(CallLogRow.occurred_at < until)
    rows = session.execute(query.order_by(CallLogRow.occurred_at.desc(), CallLogRow.id.desc()).limit(limit))
    return [CallLogEntry(record_from_row(row), row.recorded_at, row.sent_by) for row in rows.scalars()]
