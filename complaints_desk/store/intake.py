"""Taking in a complaint: number it, compute its deadlines, record its first events. One call, one
transaction (the caller's), so a half-written intake never exists."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import deadlines, disclosure
from ..domain.attachments import PAYLOAD_KEY as ATTACHMENTS_KEY
from ..domain.attachments import AttachmentRef
from ..domain.calendar import Closure, WorkCalendar
from ..domain.case import CaseState
from ..domain.channels import Channel
from ..domain.events import Event, EventType
from ..domain.ids import new_id
from ..domain.kinds import Kind
from ..domain.receipts import (
    COUNTER_MAX_SEQUENCE,
    ClockBehind,
    ReceiptNumber,
    next_offline_receipt_number,
)
from ..domain.roles import Actor, Role
from ..domain.work_settings import DeadlineSettings
from .cases import Recording, issue_receipt_number, load_cases, write_recording
from .models import Category, ClosureRow, Station

SEOUL = ZoneInfo("Asia/Seoul")


@dataclass(frozen=True)
class Intake:
    kind: Kind
    channel: Channel
    title: str
    body: str
    petitioner_name: str
    petitioner_phone: str = ""
    petitioner_address: str = ""
    petitioner_email: str = ""
    reply_channel: str | None = None
    category_code: str | None = None
    department_code: str | None = None  # hand on at once to this department
    statutory_days: int | None = None  # 법정민원 without a category table entry
    received_at: datetime | None = None  # when an online filing arrived; defaults to now
    is_group: bool = False
    signers: int = 1
    households: int = 1
    place: str = ""  # where the matter is, when it is not the petitioner's address
    privacy_consent: bool = False
    # Files the citizen attached (the web pages): named in the received event, the bytes kept on the server
    # (store/attachments.py) and fetched by a desktop when opened.
    attachments: tuple[AttachmentRef, ...] = ()
    # A proposal's 공개 여부 (domain.disclosure); None: nobody was asked (a desk intake).
    public: bool | None = None


_calendar_cache: dict[tuple[object, ...], WorkCalendar] = {}


def calendar_for(session: Session, settings: DeadlineSettings | None = None) -> WorkCalendar:
    """The working calendar with the administrator's closures; cached until the closures change."""
    settings = settings or DeadlineSettings()
    count, newest = session.execute(select(func.count(ClosureRow.id), func.max(ClosureRow.updated_seq))).one()
    key = (str(session.get_bind().engine.url), count, newest, settings)
    cached = _calendar_cache.get(key)
    if cached is None:
        rows = session.execute(select(ClosureRow)).scalars()
        cached = WorkCalendar(settings, [Closure(r.start_date, r.end_date, r.name) for r in rows])
        _calendar_cache.clear()
        _calendar_cache[key] = cached
    return cached


@dataclass(frozen=True)
class TakenIntake:
    state: CaseState  # the case after its events
    events: list[Event]  # what was recorded: its receipt, and its routing when the intake names a department


def take_intake(
    session: Session,
    intake: Intake,
    *,
    actor: Actor,
    station_code: str,
    now: datetime | None = None,
    calendar: WorkCalendar | None = None,
    case_id: str | None = None,
    offline: bool = False,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> TakenIntake:
    """Receive an intake: its receipt (and routing, when it names a department) recorded as one write of the case;
    the case as it then stands and the events recorded (the desk's outbox queues those).

    `offline=True`: the station's counter is not known to be the server's (an offline unlock, no check-in
    this session), so the number comes from the clock range (domain.receipts.next_offline_receipt_number,
    on `clock`, the real wall clock: never the `now` a caller may pass)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = calendar or calendar_for(session)
    received_at = (intake.received_at or now).astimezone(UTC)
    statutory_days = intake.statutory_days
    if intake.kind is Kind.STATUTORY and statutory_days is None and intake.category_code:
        category = session.execute(
            select(Category).where(Category.code == intake.category_code)
        ).scalar_one_or_none()
        statutory_days = category.statutory_days if category else None
    period = deadlines.period_for(intake.kind, statutory_days)
    due = deadlines.due_at(received_at.astimezone(SEOUL), period, calendar)
    receipt = _receipt_number(session, station_code, received_at.astimezone(SEOUL).date(), offline, clock)
    payload: dict[str, object] = {
        "receipt_no": str(receipt),
        "kind": intake.kind.value,
        "channel": intake.channel.value,
        "title": intake.title,
        "body": intake.body,
        "petitioner": {
            "name": intake.petitioner_name,
            "phone": intake.petitioner_phone,
            "address": intake.petitioner_address,
            "email": intake.petitioner_email,
        },
        "reply_channel": intake.reply_channel or intake.channel.value,
        "category_code": intake.category_code,
        "period": period.as_dict(),
        "received_at": received_at.isoformat(),
        "due_at": due.isoformat(),
        "is_group": intake.is_group,
        "signers": intake.signers,
        "households": intake.households,
        "place": intake.place,
        "privacy_consent": intake.privacy_consent,
    }
    if intake.attachments:
        payload[ATTACHMENTS_KEY] = [ref.as_dict() for ref in intake.attachments]
    if intake.public is not None:
        payload[disclosure.PAYLOAD_KEY] = intake.public
    if intake.channel.is_online:
        payload["registration_due_at"] = deadlines.registration_due_at(
            received_at.astimezone(SEOUL), calendar
        ).isoformat()
    # A new case's id is ours: nothing to read. One the caller gives may be a case already here, which the
    # lifecycle refuses to receive again.
    recording = Recording(load_cases(session, [case_id], for_update=True) if case_id else {})
    case_id = case_id or new_id()
    state = recording.accept(
        Event(
            id=new_id(),
            case_id=case_id,
            type=EventType.RECEIVED,
            occurred_at=now,
            actor_id=actor.id,
            actor_role=actor.role,
            actor_department=actor.department_code,
            station_code=station_code,
            payload=payload,
        )
    )
    if intake.department_code and actor.role is not Role.OFFICER:
        far = False
        transfer_due = deadlines.transfer_due_at(now.astimezone(SEOUL), "counter_to_department", calendar, far=far)
        state = recording.accept(
            Event(
                id=new_id(),
                case_id=case_id,
                type=EventType.ROUTED,
                occurred_at=now,
                actor_id=actor.id,
                actor_role=actor.role,
                actor_department=actor.department_code,
                station_code=station_code,
                base_version=state.version,
                payload={"department_code": intake.department_code, "transfer_due_at": transfer_due.isoformat()},
            )
        )
    # the receipt and its routing in one write: the case row once, both events in one statement
    write_recording(session, recording, recorded_at=datetime.now(UTC))
    return TakenIntake(state, [event for event, _version in recording.accepted])


CLOCK_WAIT_SECONDS = 1.0  # longer than this behind its last number, the clock is wrong: refuse, never reuse


def _receipt_number(
    session: Session, station_code: str, day: date, offline: bool, clock: Callable[[], datetime]
) -> ReceiptNumber:
    """The counter range while it can be trusted and has room; the clock range otherwise (domain.receipts)."""
    row = session.execute(select(Station).where(Station.code == station_code)).scalar_one_or_none()
    if row is None:
        return issue_receipt_number(session, station_code, day)  # refuses the unknown station, in its words
    full = row.last_receipt_day == day and row.last_receipt_seq >= COUNTER_MAX_SEQUENCE
    if not offline and not full:
        return issue_receipt_number(session, station_code, day)
    last = (
        ReceiptNumber(row.last_receipt_day, station_code, row.last_receipt_seq)
        if row.last_receipt_day is not None and row.last_receipt_seq >= 1
        else None
    )
    waited = 0.0
    while True:
        try:
            number = next_offline_receipt_number(clock(), station_code, last)
            break
        except ClockBehind as behind:
            if waited + behind.retry_after > CLOCK_WAIT_SECONDS:
                raise
            time.sleep(behind.retry_after)
            waited += behind.retry_after
    row.last_receipt_day, row.last_receipt_seq = number.day, number.sequence
    session.flush()
    return number
