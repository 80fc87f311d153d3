"""A pushed event's answer: the first answer given is the one given again (a push is idempotent by event id),
and the single-event path that records one event and numbers it (GET /cases/{id}?details=true records its
audit event with it). Batched pushes go through central.push and central.push_commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.errors import DomainError
from ...domain.events import Event, EventType
from ...domain.receipts import parse_receipt_number
from ..cases import load_case, load_case_by_receipt, note_receipt_seen, record_event
from ..models import CaseRow, EventRow
from .sequence import next_seq
from .tables import PushOutcome


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
