"""A filing from an online channel (the citizens' web pages, Open311, a messenger): the server itself takes
the intake, numbers the case's events like any pushed event (so every desktop pulls it at once), and keeps
how to reach the citizen for the answer. Also what a citizen may see of their own case.

The caller owns the transaction, and publishes the wake-up after committing (server/notify.py): on
PostgreSQL the NOTIFY sent with the sequence number already reaches the other processes at commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ...domain import routing
from ...domain.attachments import AttachmentRef
from ...domain.case import CaseState
from ...domain.channels import Channel
from ...domain.events import Event, EventType
from ...domain.ids import new_id
from ...domain.kinds import Kind
from ...domain.receipts import parse_receipt_number
from ...domain.roles import Actor, Role
from ..attachments import record_attachment
from ..cases import load_case_by_receipt, note_receipt_seen, record_event
from ..intake import Intake, take_intake
from ..models import CaseRow, Category, EventRow, Station
from ..projection import row_to_state
from ..reference import department_names, routing_rules
from .channel_tables import ChannelContact
from .sequence import next_seq

SEOUL = ZoneInfo("Asia/Seoul")
SYSTEM_ACTOR = Actor(None, Role.SYSTEM, name="온라인 접수")
_CHANNEL_STATION_NAMES = {
    Channel.WEB: "인터넷 민원 (홈페이지)",
    Channel.OPEN311: "Open311 API",
    Channel.TELEGRAM: "텔레그램",
    Channel.LINE: "라인",
    Channel.KAKAO: "카카오톡",
    Channel.SNS: "SNS (페이스북·인스타그램)",
}


@dataclass(frozen=True)
class Contact:
    """How to reach the citizen on their platform: `platform` is the sender's name (telegram, line, meta,
    kakao, web, open311), `address` its id for them (empty where there is none)."""

    platform: str
    address: str = ""
    last_inbound_at: datetime | None = None


@dataclass(frozen=True)
class OnlineFiling:
    channel: Channel
    kind: Kind
    title: str
    body: str
    name: str
    phone: str = ""
    email: str = ""
    address: str = ""
    place: str = ""
    reply_channel: str = ""  # how to answer: the channel's own value, "sms", "alimtalk", "email" or "none"
    privacy_consent: bool = False
    category_code: str | None = None
    contact: Contact | None = None
    received_at: datetime | None = None
    attachments: tuple[AttachmentRef, ...] = ()  # bytes already kept (store.attachments.store_bytes)
    public: bool | None = None  # a proposal's 공개 여부 (domain.disclosure)


@dataclass(frozen=True)
class Filed:
    case_id: str
    receipt_no: str
    due_at: datetime
    registration_due_at: datetime | None
    department_code: str | None  # routed at once by a confident rule; None: waits in "to register"
    seq: int  # the newest sequence number taken (what a waiting desktop's pull reaches)


def file_online(session: Session, filing: OnlineFiling, *, now: datetime | None = None) -> Filed:
    """Take the filing in as the channel's own station (its receipts are numbered under the channel's code),
    route it at once when a routing rule is confident (domain.routing.confident_department), and number its
    events. Raises DomainError (nothing written) for a value the lifecycle refuses."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    station_code, new_station = _channel_station(session, filing.channel)
    category_department = None
    if filing.category_code:
        category = session.execute(
            select(Category).where(Category.code == filing.category_code)
        ).scalar_one_or_none()
        category_department = category.default_department_code if category else None
    suggestions = routing.suggest_departments(
        routing_rules(session),
        filing.title,
        filing.body,
        filing.category_code,
        category_department=category_department,
    )
    department = routing.confident_department(suggestions)
    intake = Intake(
        kind=filing.kind,
        channel=filing.channel,
        title=filing.title,
        body=filing.body,
        petitioner_name=filing.name,
        petitioner_phone=filing.phone,
        petitioner_address=filing.address,
        petitioner_email=filing.email,
        reply_channel=filing.reply_channel or filing.channel.value,
        category_code=filing.category_code,
        department_code=department,
        received_at=filing.received_at or now,
        place=filing.place,
        privacy_consent=filing.privacy_consent,
        attachments=filing.attachments,
        public=filing.public,
    )
    state = take_intake(session, intake, actor=SYSTEM_ACTOR, station_code=station_code, now=now).state
    if filing.attachments:
        _record_attachments(session, state.id, filing.attachments)
    if new_station:  # numbered with the case, last (the counter's lock is the transaction's last)
        session.execute(update(Station).where(Station.code == station_code).values(updated_seq=next_seq(session)))
    seq = number_case_events(session, state.id)
    if filing.contact is not None:
        session.add(
            ChannelContact(
                case_id=state.id,
                platform=filing.contact.platform,
                address=filing.contact.address,
                phone=filing.phone,
                email=filing.email,
                last_inbound_at=filing.contact.last_inbound_at,
                created_at=now,
            )
        )
    return Filed(
        case_id=state.id,
        receipt_no=state.receipt_no,
        due_at=state.due_at,
        registration_due_at=state.registration_due_at,
        department_code=state.department_code,
        seq=seq,
    )


def _record_attachments(session: Session, case_id: str, refs: tuple[AttachmentRef, ...]) -> None:

    event_id = session.execute(
        select(EventRow.id).where(EventRow.case_id == case_id, EventRow.type == EventType.RECEIVED.value)
    ).scalar_one()
    for ref in refs:
        record_attachment(
            session,
            case_id=case_id,
            filename=ref.name,
            content_type=ref.content_type,
            size=ref.size,
            sha256=ref.sha256,
            event_id=event_id,
            attachment_id=ref.id,
        )


def ensure_channel_station(session: Session, channel: Channel) -> str:
    """The channel's receipt station (W01 for the web pages …), made on first use on a server that never had
    one: stations are reference data, so a new one is numbered and pulled by every desktop."""
    code, made = _channel_station(session, channel)
    if made:
        session.execute(update(Station).where(Station.code == code).values(updated_seq=next_seq(session)))
    return code


def _channel_station(session: Session, channel: Channel) -> tuple[str, bool]:
    """The channel's station code, and whether this transaction made the station (then the caller numbers
    it, with its other changes, as the transaction's last step). Several first filings at once are safe:
    the row is inserted ON CONFLICT DO NOTHING before any lock on the sequence counter is taken, so a
    second filing waits for the first one's station (or finds it) instead of failing on the unique code or
    deadlocking against the counter."""
    code = channel.station_code
    if code is None:
        raise ValueError(f"{channel.value} is not an online channel")
    exists = session.execute(select(Station.id).where(Station.code == code)).scalar_one_or_none()
    if exists is not None:
        return code, False
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    values = {
        "id": new_id(),
        "code": code,
        "name": _CHANNEL_STATION_NAMES.get(channel, channel.korean),
        "kind": "channel",
        "last_receipt_seq": 0,
        "updated_seq": 0,
    }
    result = session.execute(insert(Station).values(**values).on_conflict_do_nothing(index_elements=["code"]))
    return code, bool(getattr(result, "rowcount", 0))


def number_case_events(session: Session, case_id: str) -> int:
    """Give the case's events that have none their sequence numbers, in the case's order, and the case its
    last_seq. Taken last in the transaction: the counter stays locked until the commit
    (central.sequence). Returns the newest number (0 when there was nothing to number)."""
    ids = session.execute(
        select(EventRow.id)
        .where(EventRow.case_id == case_id, EventRow.seq.is_(None))
        .order_by(EventRow.case_version)
    ).scalars()
    last = 0
    for event_id in list(ids):
        last = next_seq(session)
        session.execute(update(EventRow).where(EventRow.id == event_id).values(seq=last))
    if last:
        session.execute(update(CaseRow).where(CaseRow.id == case_id).values(last_seq=last))
    return last


def record_server_event(session: Session, event: Event, *, now: datetime | None = None) -> int:
    """One event the server makes itself (a delivery report, a citizen's withdrawal online), checked by the
    lifecycle like any other and numbered. Returns its sequence number."""
    state = record_event(session, event, recorded_at=(now or datetime.now(UTC)))
    if event.type is EventType.RECEIVED:
        note_receipt_seen(session, parse_receipt_number(state.receipt_no))
    return number_case_events(session, event.case_id)


def note_inbound(session: Session, case_ids: list[str], at: datetime) -> None:
    """The citizen wrote again on their platform: Meta's reply window opens anew."""
    if case_ids:
        session.execute(
            update(ChannelContact).where(ChannelContact.case_id.in_(case_ids)).values(last_inbound_at=at)
        )


def case_ids_of_contacts(session: Session, platform: str, addresses: Sequence[str]) -> dict[str, list[str]]:
    """The cases each of these platform addresses filed, in one statement (the inbox worker's batch)."""
    if not addresses:
        return {}
    rows = session.execute(
        select(ChannelContact.address, ChannelContact.case_id).where(
            ChannelContact.platform == platform, ChannelContact.address.in_(list(addresses))
        )
    ).all()
    found: dict[str, list[str]] = {}
    for address, case_id in rows:
        found.setdefault(address, []).append(case_id)
    return found


def cases_of_contact(session: Session, platform: str, address: str, *, limit: int = 5) -> list[CaseState]:
    """The newest cases a citizen filed from this platform address (a messenger's 상태 without a number)."""

    rows = session.execute(
        select(CaseRow)
        .join(ChannelContact, ChannelContact.case_id == CaseRow.id)
        .where(ChannelContact.platform == platform, ChannelContact.address == address)
        .order_by(CaseRow.received_at.desc())
        .limit(limit)
    ).scalars()
    return [row_to_state(row) for row in rows]


@dataclass(frozen=True)
class CitizenView:
    """What a citizen is shown of their own case: never another person's data, never internal notes."""

    receipt_no: str
    kind: Kind
    title: str
    status: str  # domain.statuses code
    channel: Channel
    received_at: datetime
    due_at: datetime
    department_name: str
    answered_at: datetime | None
    answer: str  # the newest answer's text, or a proposal's decision with its reasons
    closed: bool


def citizen_view(session: Session, state: CaseState) -> CitizenView:
    answer = ""
    row = session.execute(
        select(EventRow.payload)
        .where(
            EventRow.case_id == state.id, EventRow.type.in_((EventType.ANSWERED.value, EventType.DECIDED.value))
        )
        .order_by(EventRow.case_version.desc())
        .limit(1)
    ).scalar_one_or_none()
    if row:
        answer = str(row.get("answer") or row.get("reason") or row.get("reasons") or "").strip()
    names = department_names(session)
    return CitizenView(
        receipt_no=state.receipt_no,
        kind=state.kind,
        title=state.title,
        status=state.status.value,
        channel=state.channel,
        received_at=state.received_at,
        due_at=state.due_at,
        department_name=names.get(state.department_code or "", ""),
        answered_at=state.answered_at,
        answer=answer,
        closed=not state.status.is_open,
    )


def lookup_for_citizen(session: Session, receipt_no: str, phone_last4: str) -> CitizenView | None:
    """The case with this receipt number whose petitioner's phone ends in these four digits, or None (the
    same None whether the number does not exist or the digits are wrong: receipt numbers are sequential)."""
    digits = "".join(ch for ch in phone_last4 if ch.isdigit())
    if len(digits) != 4:
        return None
    state = load_case_by_receipt(session, receipt_no.strip().upper())
    if state is None:
        return None
    phone_digits = "".join(ch for ch in state.petitioner_phone if ch.isdigit())
    if len(phone_digits) < 4 or phone_digits[-4:] != digits:
        return None
    return citizen_view(session, state)


def due_text(moment: datetime) -> str:
    """A deadline as a citizen reads it: 2026. 12. 15.(화)"""
    local = moment.astimezone(SEOUL)
    weekday = "월화수목금토일"[local.weekday()]
    return f"{local.year}. {local.month}. {local.day}.({weekday})"
