"""The server's side of sync, as plain functions over a session (the caller owns the transaction).

Never skip a change: every write that makes something pullable takes its sequence number from the one row
`server_counters.seq` with `UPDATE … RETURNING`, as the LAST step before commit. The row lock is held until the
transaction ends, so the next writer gets its number only after this one has committed (or rolled back, in
which case the number is reused): numbers become visible strictly in order and without gaps, on PostgreSQL
(row lock) and SQLite (the database write lock) alike, across any number of server processes. The cost is
that commits are serialised; the locked window is kept to a few small statements plus the commit itself.
Pushed events go through store.push_batch (a request's events decided together) and store.seq_commit (their
numbers taken once per batch, with the commit, in one round trip on PostgreSQL); `apply_pushed_event` below
remains the single-event path (GET /cases/{id}?details=true records its audit event with it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ..domain.case import CaseState
from ..domain.errors import DomainError
from ..domain.events import Event, EventType
from ..domain.receipts import parse_receipt_number
from . import pg_listen
from .cases import load_case, load_case_by_receipt, note_receipt_seen, record_event
from .models import CaseRow, Category, ClosureRow, Department, EventRow, RoutingRuleRow, Staff, Station
from .projection import row_to_event
from .server_tables import PushOutcome, ReferenceTombstone, ServerCounter

SEQ = "seq"


def next_seq(session: Session, *, announce: bool = True) -> int:
    """Take the next sequence number; holds the counter's lock until the caller's transaction ends.
    With announce=False the caller sends the wake-up itself after committing (see `announce`)."""
    value = session.execute(
        update(ServerCounter)
        .where(ServerCounter.name == SEQ)
        .values(value=ServerCounter.value + 1)
        .returning(ServerCounter.value)
    ).scalar_one()
    if announce:
        pg_listen.announce(session, int(value))
    return int(value)


def announce(session: Session, seq: int) -> None:
    """Wake waiters on every server process (PostgreSQL NOTIFY); outside the counter lock, after commits."""
    pg_listen.announce(session, seq)


def latest_seq(session: Session) -> int:
    """The newest committed sequence number (every number at or below it is committed)."""
    value = session.execute(select(ServerCounter.value).where(ServerCounter.name == SEQ)).scalar_one_or_none()
    return int(value or 0)


# --- push ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """The stored first answer to a pushed event."""

    status: str  # accepted | rejected
    seq: int | None = None
    reason: str | None = None
    field: str | None = None
    message_ko: str | None = None
    message_en: str | None = None


def previous_answer(session: Session, event_id: str) -> Answer | None:
    seq = session.execute(select(EventRow.seq).where(EventRow.id == event_id)).scalar_one_or_none()
    if seq is not None:
        return Answer("accepted", int(seq))
    row = session.get(PushOutcome, event_id)
    if row is not None:
        return Answer(row.status, row.seq, row.reason, row.field, row.message_ko, row.message_en)
    return None


def check_receipt_unused(session: Session, event: Event) -> None:
    """A workstation restored from an old backup must not hand out a number another case already has."""
    if event.type is not EventType.RECEIVED:
        return
    text = event.payload.get("receipt_no")
    if not isinstance(text, str):
        return  # the lifecycle reports the missing number
    holder = load_case_by_receipt(session, text.strip())
    if holder is not None and holder.id != event.case_id:
        raise DomainError(
            "receipt_no",
            f"이미 사용된 접수번호입니다: {text}. 단말을 서버에 다시 등록하면 이어서 쓸 번호를 알려 드립니다.",
            f"Receipt number {text} is already used. Enrol the workstation again to learn where to continue.",
            code="receipt_reused",
        )


def apply_pushed_event(session: Session, event: Event, *, pushed_by: str | None, now: datetime) -> int:
    """Apply one event (lifecycle first; DomainError and nothing written if refused) and give it the next
    sequence number. Returns the sequence number. An accepted event's answer is the event row itself (its
    seq), so only rejections need a push_outcomes row."""
    check_receipt_unused(session, event)
    state = record_event(session, event, recorded_at=now)
    if event.type is EventType.RECEIVED:
        note_receipt_seen(session, parse_receipt_number(state.receipt_no))
    # From here to the commit the counter is locked: keep it to these three small statements.
    seq = next_seq(session, announce=False)
    session.execute(update(EventRow).where(EventRow.id == event.id).values(seq=seq))
    session.execute(update(CaseRow).where(CaseRow.id == event.case_id).values(last_seq=seq))
    return seq


def remember_rejection(
    session: Session, event_id: str, case_id: str, error: DomainError, *, pushed_by: str | None, now: datetime
) -> None:
    session.execute(
        insert(PushOutcome).values(
            event_id=event_id,
            case_id=case_id,
            status="rejected",
            seq=None,
            reason=error.code,
            field=error.field,
            message_ko=error.ko,
            message_en=error.en,
            pushed_by=pushed_by,
            recorded_at=now,
        )
    )


def current_case(session: Session, case_id: str) -> CaseState | None:
    return load_case(session, case_id)


# --- pull ------------------------------------------------------------------------------------------------


REFERENCE_MODELS: dict[str, Any] = {
    "departments": Department,
    "staff": Staff,
    "stations": Station,
    "categories": Category,
    "routing_rules": RoutingRuleRow,
    "closures": ClosureRow,
}
_HIDDEN_COLUMNS = {"password_hash"}


def _record(row: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in row.__table__.columns:
        if column.key in _HIDDEN_COLUMNS:
            continue
        value = getattr(row, column.key)
        values[column.key] = value.isoformat() if isinstance(value, date | datetime) else value
    return values


@dataclass(frozen=True)
class PulledRow:
    seq: int
    event: Event | None = None
    case_version: int = 0
    recorded_at: datetime | None = None
    table: str | None = None
    record: dict[str, Any] | None = None


def pull_page(session: Session, after: int, limit: int) -> tuple[list[PulledRow], bool]:
    """Everything committed with a sequence number above `after`, oldest first, at most `limit` items, and
    whether more remain. Reference rows appear at the number of their newest change."""
    ceiling = latest_seq(session)  # read first: every number up to it is committed and will be seen
    items: list[PulledRow] = []
    event_rows = session.execute(
        select(EventRow)
        .where(EventRow.seq > after, EventRow.seq <= ceiling)
        .order_by(EventRow.seq)
        .limit(limit + 1)
    ).scalars()
    for row in event_rows:
        assert row.seq is not None
        items.append(PulledRow(row.seq, row_to_event(row), row.case_version, row.recorded_at))
    for table, model in REFERENCE_MODELS.items():
        rows = session.execute(
            select(model)
            .where(model.updated_seq > after, model.updated_seq <= ceiling)
            .order_by(model.updated_seq)
            .limit(limit + 1)
        ).scalars()
        items.extend(PulledRow(row.updated_seq, table=table, record=_record(row)) for row in rows)
    tombstones = session.execute(
        select(ReferenceTombstone)
        .where(ReferenceTombstone.seq > after, ReferenceTombstone.seq <= ceiling)
        .order_by(ReferenceTombstone.seq)
        .limit(limit + 1)
    ).scalars()
    items.extend(
        PulledRow(t.seq, table=t.table_name, record={"id": t.record_id, "deleted": True}) for t in tombstones
    )
    items.sort(key=lambda item: item.seq)
    return items[:limit], len(items) > limit


def align_counter(session: Session) -> int:
    """Move the counter past every number already in the store. A store filled outside the server (the demo
    builder numbers its events itself; a restored backup) would otherwise have numbers handed out twice,
    and pulls would stop at the counter. Returns the counter's value."""
    columns: list[Any] = [
        EventRow.seq,
        ReferenceTombstone.seq,
        *(m.updated_seq for m in REFERENCE_MODELS.values()),
    ]
    highest = 0
    for column in columns:
        found = session.execute(select(func.max(column))).scalar_one_or_none()
        highest = max(highest, int(found or 0))
    session.execute(
        update(ServerCounter).where(ServerCounter.name == SEQ, ServerCounter.value < highest).values(value=highest)
    )
    return latest_seq(session)


def stamp_unsequenced_reference(session: Session) -> int:
    """Give reference rows written without a sequence number (seeded before the server ran) one, so they
    sync. Returns how many rows were stamped."""
    stamped = 0
    for model in REFERENCE_MODELS.values():
        ids: Sequence[str] = session.execute(select(model.id).where(model.updated_seq == 0)).scalars().all()
        for row_id in ids:
            session.execute(update(model).where(model.id == row_id).values(updated_seq=next_seq(session)))
            stamped += 1
    return stamped


def count_events(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(EventRow)).scalar_one())
