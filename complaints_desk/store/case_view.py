"""One case as the desktop's case panel shows it: its fields with names resolved, and its timeline of events
with who did each (plain data: it crosses from a reader thread to the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..domain.attachments import AttachmentRef, attachment_refs
from ..domain.channels import Channel
from ..domain.errors import DomainError
from ..domain.events import EventType
from ..domain.kinds import Kind
from ..domain.roles import Role
from ..domain.statuses import Status
from .models import CaseRow, Category, Department, EventRow, Staff
from .queue_filter import aware


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    type: EventType
    occurred_at: datetime
    actor_name: str | None
    actor_role: Role
    target: str | None  # whom the event hands the case to: a department, an officer or another agency
    note: str  # the event's own words (a note, an answer's summary), or ""
    pending: bool  # made here and not yet accepted by the server (no server sequence number)
    payload: dict[str, Any] = field(default_factory=dict)  # what the event says (a copy: plain JSON values)


@dataclass(frozen=True)
class Delivery:
    """Where the answer's message to the citizen stands (the server's reply_sent / reply_failed events)."""

    platform: str  # telegram, line, meta, sms, alimtalk, email
    failed: bool
    attempts: int
    error: str
    at: datetime


@dataclass(frozen=True)
class CaseView:
    id: str
    receipt_no: str
    kind: Kind
    channel: Channel
    reply_channel: Channel | None
    status: Status
    title: str
    body: str
    petitioner_name: str
    petitioner_phone: str
    petitioner_address: str
    category_name: str | None
    department_name: str | None
    assignee_name: str | None
    received_at: datetime
    due_at: datetime
    answered_at: datetime | None
    closed_at: datetime | None
    extension_count: int
    clock_stopped: bool
    timeline: tuple[TimelineEntry, ...]
    place: str = ""
    privacy_consent: bool = False
    department_code: str | None = None
    assignee_id: str | None = None
    version: int = 0
    reply_code: str = ""  # how the citizen asked to be answered, as stored (sms, alimtalk, none are not channels)
    delivery: Delivery | None = None  # the newest report on the answer's delivery
    attachments: tuple[AttachmentRef, ...] = ()  # the files the citizen attached (bytes on the server)


_NOTE_FIELDS = ("text", "summary", "answer", "reason")


def _note(payload: dict[str, Any]) -> str:
    for name in _NOTE_FIELDS:
        value = payload.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _channel(value: str | None) -> Channel | None:
    try:
        return Channel(value) if value else None
    except ValueError:
        return None


_REPORTS = (EventType.REPLY_SENT, EventType.REPLY_FAILED)


def _attachments(timeline: list[TimelineEntry]) -> tuple[AttachmentRef, ...]:
    received = next((entry for entry in timeline if entry.type is EventType.RECEIVED), None)
    if received is None:
        return ()
    try:
        return tuple(attachment_refs(received.payload))
    except DomainError:  # a payload this version cannot read: the files are on the server all the same
        return ()


def is_answer_report(entry: TimelineEntry) -> bool:
    """A report on the answer's delivery (reply_sent / reply_failed without another purpose: the receipt
    number texted to a web filer is reported too)."""
    return entry.type in _REPORTS and entry.payload.get("purpose", "answer") == "answer"


def _delivery(timeline: list[TimelineEntry]) -> Delivery | None:
    report = next((entry for entry in reversed(timeline) if is_answer_report(entry)), None)
    if report is None:
        return None
    attempts = report.payload.get("attempts")
    return Delivery(
        platform=str(report.payload.get("platform") or ""),
        failed=report.type is EventType.REPLY_FAILED,
        attempts=attempts if isinstance(attempts, int) else 0,
        error=str(report.payload.get("error") or ""),
        at=report.occurred_at,
    )


def case_view(session: Session, case_id: str) -> CaseView | None:
    row = session.get(CaseRow, case_id)
    if row is None:
        return None
    departments = {code: name for code, name in session.execute(select(Department.code, Department.name))}
    staff = {staff_id: name for staff_id, name in session.execute(select(Staff.id, Staff.name))}
    category = (
        session.execute(select(Category.name).where(Category.code == row.category_code)).scalar_one_or_none()
        if row.category_code
        else None
    )
    events = session.execute(
        select(EventRow).where(EventRow.case_id == case_id).order_by(EventRow.case_version)
    ).scalars()
    timeline = []
    for event in events:
        payload = dict(event.payload or {})
        department, officer, agency = (payload.get(k) for k in ("department_code", "staff_id", "agency"))
        target = (
            (departments.get(department) if isinstance(department, str) else None)
            or (staff.get(officer) if isinstance(officer, str) else None)
            or (agency if isinstance(agency, str) else None)
        )
        timeline.append(
            TimelineEntry(
                id=event.id,
                type=EventType(event.type),
                occurred_at=aware(event.occurred_at),
                actor_name=staff.get(event.actor_id or ""),
                actor_role=Role(event.actor_role),
                target=target,
                note=_note(payload),
                pending=event.seq is None,
                payload=payload,
            )
        )
    return CaseView(
        attachments=_attachments(timeline),
        delivery=_delivery(timeline),
        reply_code=row.reply_channel or "",
        id=row.id,
        receipt_no=row.receipt_no,
        kind=Kind(row.kind),
        channel=Channel(row.channel),
        reply_channel=_channel(row.reply_channel),
        status=Status(row.status),
        title=row.title,
        body=row.body,
        petitioner_name=row.petitioner_name,
        petitioner_phone=row.petitioner_phone,
        petitioner_address=row.petitioner_address,
        category_name=category,
        department_name=departments.get(row.department_code or ""),
        assignee_name=staff.get(row.assignee_id or ""),
        received_at=aware(row.received_at),
        due_at=aware(row.due_at),
        answered_at=aware(row.answered_at) if row.answered_at else None,
        closed_at=aware(row.closed_at) if row.closed_at else None,
        extension_count=row.extension_count,
        clock_stopped=row.clock_stopped_at is not None,
        timeline=tuple(timeline),
        place=row.place,
        privacy_consent=row.privacy_consent,
        department_code=row.department_code,
        assignee_id=row.assignee_id,
        version=row.version,
    )


@dataclass(frozen=True)
class StoreState:
    """What the status bar tells about the local store."""

    cases: int
    last_change: datetime | None  # the newest local change to any case


def store_state(session: Session) -> StoreState:
    # The count reads the smallest index (some 10 ms at a million cases, on a reader thread); the last change is
    # the newest events row, found at the table's end rather than by scanning recorded_at.
    cases = session.execute(text("SELECT count(*) FROM cases")).scalar_one()
    last = session.execute(text("SELECT recorded_at FROM events WHERE rowid = (SELECT max(rowid) FROM events)"))
    newest = last.scalar_one_or_none()
    return StoreState(int(cases), aware(newest) if newest else None)
