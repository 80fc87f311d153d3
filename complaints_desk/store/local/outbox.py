"""The client's outbox: every local change is recorded as an event AND queued for the server in the caller's
transaction, so a change is never on screen without being on its way. The server's answers are settled here:
accepted events get their sequence number, rejected ones stay (with the reason and the server's case) and the
case is rebuilt the server's way ("the server wins")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.events import Event
from ...domain.roles import Actor
from ..cases import record_event
from ..intake import Intake, take_intake
from ..models import CaseRow, EventRow
from .event_codec import event_from_json, event_to_json
from .notices import IssuedNotice, issued_notice
from .rebase import rebase_case
from .sync_state import cursor as current_cursor
from .tables import OutboxRow, OutboxState


def _enqueue(session: Session, events: Sequence[Event], now: datetime) -> None:
    # One statement for the events of a change (an intake's receipt and routing), not the ORM's unit of work:
    # it runs inside the clerk's save, whose time is counted in milliseconds.
    session.connection().execute(
        insert(OutboxRow),
        [
            {
                "event_id": event.id,
                "case_id": event.case_id,
                "staff_id": event.actor_id,
                "event": event_to_json(event),
                "state": OutboxState.PENDING,
                "created_at": now,
                "attempts": 0,
                "applied_locally": True,
            }
            for event in events
        ],
    )


def record_local(session: Session, event: Event, *, now: datetime | None = None) -> CaseState:
    """A change made on this workstation: applied to the local case (seq NULL) and queued for the server, in
    the caller's transaction. Raises DomainError (nothing written, nothing queued) when the lifecycle refuses."""
    state = record_event(session, event)
    _enqueue(session, [event], now or datetime.now(UTC))
    return state


def record_local_intake(
    session: Session,
    intake: Intake,
    *,
    actor: Actor,
    station_code: str,
    now: datetime | None = None,
    case_id: str | None = None,
    offline: bool = False,
) -> CaseState:
    """`store.intake.take_intake` on this workstation: the received (and routed) events it records are queued
    for the server in the same transaction. The desktop passes `offline=not logged_in.counter_confirmed`
    (sync.credentials): the counter range is safe after a restore from a backup only once this session has
    checked in with the server; otherwise the number comes from the clock range (domain.receipts)."""
    taken = take_intake(
        session, intake, actor=actor, station_code=station_code, now=now, case_id=case_id, offline=offline
    )
    _enqueue(session, taken.events, datetime.now(UTC))
    return taken.state


SET_ASIDE_PREFIX = "X"  # a refused local intake's receipt number, moved out of the way of the server's case


def set_aside_receipts(session: Session, pulled: Iterable[tuple[str, str]]) -> list[str]:
    """Before pulled cases (case id, receipt number) are written: a local case holding one of their numbers
    under another id is one of ours the server has refused or will refuse (its number was already used: a
    workstation restored from an old backup). Its number is set aside (prefixed with SET_ASIDE_PREFIX) so the
    server's case can be stored and the pull goes on; the local case stays, with its outbox entry (the
    server's reason once it answers: `rejected_events`). Returns the ids of the cases set aside."""
    wanted = {receipt: case_id for case_id, receipt in pulled if receipt}
    if not wanted:
        return []
    holders = session.execute(
        select(CaseRow.id, CaseRow.receipt_no).where(CaseRow.receipt_no.in_(list(wanted)))
    ).all()
    moved: list[str] = []
    for case_id, receipt in holders:
        if wanted[receipt] != case_id:
            aside = (SET_ASIDE_PREFIX + receipt)[:20]
            session.execute(update(CaseRow).where(CaseRow.id == case_id).values(receipt_no=aside))
            moved.append(case_id)
    return moved


# --- pushing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutboxEntry:
    position: int
    event: Event


def pending_batch(
    session: Session, limit: int, *, after_position: int = 0, staff_id: str | None = None, anyone: bool = True
) -> list[OutboxEntry]:
    """The oldest pending events in creation order (the order the server must see them in); with
    `anyone=False`, only `staff_id`'s (each person's run is pushed with their own token)."""
    statement = select(OutboxRow.position, OutboxRow.event).where(
        OutboxRow.state == OutboxState.PENDING, OutboxRow.position > after_position
    )
    if not anyone:
        statement = statement.where(
            OutboxRow.staff_id.is_(None) if staff_id is None else OutboxRow.staff_id == staff_id
        )
    rows = session.execute(statement.order_by(OutboxRow.position).limit(limit)).all()
    return [OutboxEntry(position, event_from_json(data)) for position, data in rows]


def pending_count(session: Session, *, staff_id: str | None = None) -> int:
    statement = select(func.count()).select_from(OutboxRow).where(OutboxRow.state == OutboxState.PENDING)
    if staff_id is not None:
        statement = statement.where(OutboxRow.staff_id == staff_id)
    return int(session.execute(statement).scalar_one())


@dataclass(frozen=True)
class PendingRun:
    """One person's waiting changes: pushed with their token (staff_id None: events made by no one, e.g. the
    system, pushed with whoever is signed in)."""

    staff_id: str | None
    count: int
    first_position: int


def pending_runs(session: Session) -> list[PendingRun]:
    """Whose changes wait, the person with the oldest waiting change first."""
    rows = session.execute(
        select(OutboxRow.staff_id, func.count(), func.min(OutboxRow.position))
        .where(OutboxRow.state == OutboxState.PENDING)
        .group_by(OutboxRow.staff_id)
        .order_by(func.min(OutboxRow.position))
    ).all()
    return [PendingRun(staff_id, int(count), int(first)) for staff_id, count, first in rows]


def rejected_count(session: Session) -> int:
    return int(
        session.execute(
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.state == OutboxState.REJECTED, OutboxRow.acknowledged_at.is_(None))
        ).scalar_one()
    )


def note_attempt(session: Session, event_ids: Sequence[str]) -> None:
    session.execute(
        update(OutboxRow).where(OutboxRow.event_id.in_(event_ids)).values(attempts=OutboxRow.attempts + 1)
    )


class PushResult(Protocol):
    """What the server said about one event (sync.protocol.EventResult has this shape)."""

    @property
    def id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def seq(self) -> int | None: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def field(self) -> str | None: ...
    @property
    def message_ko(self) -> str | None: ...
    @property
    def message_en(self) -> str | None: ...
    @property
    def case(self) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class SettleSummary:
    accepted: int
    duplicates: int
    rejected: int
    rejected_cases: tuple[str, ...]


def settle_push(session: Session, results: Iterable[PushResult], *, now: datetime | None = None) -> SettleSummary:
    now = now or datetime.now(UTC)
    accepted = duplicates = 0
    rejected: list[PushResult] = []
    for result in results:
        if result.status in ("accepted", "duplicate"):
            if result.seq is None:
                raise ValueError(f"server answered {result.status} without a seq for {result.id}")
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.event_id == result.id)
                .values(state=OutboxState.DONE, seq=result.seq, settled_at=now)
            )
            session.execute(update(EventRow).where(EventRow.id == result.id).values(seq=result.seq))
            accepted += result.status == "accepted"
            duplicates += result.status == "duplicate"
        else:
            rejected.append(result)
    cases: list[str] = []
    for result in rejected:
        case_id = _mark_rejected(session, result, now)
        if case_id is not None and case_id not in cases:
            cases.append(case_id)
    if cases:
        position = current_cursor(session)
        for case_id in cases:
            rebase_case(session, case_id, cursor=position)  # the rejected event leaves the local case
    return SettleSummary(accepted, duplicates, len(rejected), tuple(cases))


def _mark_rejected(session: Session, result: PushResult, now: datetime) -> str | None:
    row = session.execute(select(OutboxRow).where(OutboxRow.event_id == result.id)).scalar_one_or_none()
    if row is None or row.state == OutboxState.DONE:
        return None  # already known to be accepted (a pull saw it): a late, stale answer
    earlier = session.execute(
        select(OutboxRow.event_id)
        .where(
            OutboxRow.case_id == row.case_id,
            OutboxRow.state == OutboxState.REJECTED,
            OutboxRow.acknowledged_at.is_(None),
            OutboxRow.position < row.position,
        )
        .order_by(OutboxRow.position.desc())
        .limit(1)
    ).scalar_one_or_none()
    row.state = OutboxState.REJECTED
    row.settled_at = now
    row.reason = (result.reason or "rejected")[:40]
    row.field = result.field
    row.message_ko = result.message_ko
    row.message_en = result.message_en
    row.server_case = result.case
    row.after_rejection_of = earlier
    return row.case_id


# --- conflicts for people ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RejectedEvent:
    """A local change the server refused, kept so the officer can see what happened and what the server has."""

    event: Event
    reason: str
    field: str | None
    message_ko: str | None
    message_en: str | None
    server_case: dict[str, Any] | None
    after_rejection_of: str | None  # an earlier rejected change of the same case this one probably built on
    rejected_at: datetime | None
    acknowledged_at: datetime | None
    notice: IssuedNotice | None = None  # its notice, saved or printed before the refusal: to be withdrawn


def rejected_events(
    session: Session, *, case_id: str | None = None, include_acknowledged: bool = False
) -> list[RejectedEvent]:
    statement = select(OutboxRow).where(OutboxRow.state == OutboxState.REJECTED).order_by(OutboxRow.position)
    if case_id is not None:
        statement = statement.where(OutboxRow.case_id == case_id)
    if not include_acknowledged:
        statement = statement.where(OutboxRow.acknowledged_at.is_(None))
    return [
        RejectedEvent(
            event_from_json(row.event),
            row.reason or "rejected",
            row.field,
            row.message_ko,
            row.message_en,
            row.server_case,
            row.after_rejection_of,
            row.settled_at,
            row.acknowledged_at,
            issued_notice(row),
        )
        for row in session.execute(statement).scalars()
    ]


def case_has_conflict(session: Session, case_id: str) -> bool:
    found = session.execute(
        select(OutboxRow.position)
        .where(
            OutboxRow.case_id == case_id,
            OutboxRow.state == OutboxState.REJECTED,
            OutboxRow.acknowledged_at.is_(None),
        )
        .limit(1)
    ).first()
    return found is not None


def conflicted_case_ids(session: Session) -> list[str]:
    rows = session.execute(
        select(OutboxRow.case_id)
        .where(OutboxRow.state == OutboxState.REJECTED, OutboxRow.acknowledged_at.is_(None))
        .distinct()
    ).scalars()
    return list(rows)


def acknowledge_rejection(session: Session, event_id: str, *, now: datetime | None = None) -> None:
    """The officer has seen the rejection: the case is no longer marked (the event itself stays, for audit)."""
    session.execute(
        update(OutboxRow)
        .where(OutboxRow.event_id == event_id, OutboxRow.state == OutboxState.REJECTED)
        .values(acknowledged_at=now or datetime.now(UTC))
    )


@dataclass(frozen=True)
class RejectedLine:
    """One refused change as the list of rejections shows it."""

    event_id: str
    case_id: str
    receipt_no: str | None
    title: str | None
    event_type: str
    reason: str
    message_ko: str | None
    message_en: str | None
    rejected_at: datetime | None
    notice: IssuedNotice | None = None


def rejected_lines(session: Session) -> list[RejectedLine]:
    """The refused changes nobody has acknowledged, newest first, with their case's receipt number."""
    rows = session.execute(
        select(OutboxRow, CaseRow.receipt_no, CaseRow.title)
        .outerjoin(CaseRow, CaseRow.id == OutboxRow.case_id)
        .where(OutboxRow.state == OutboxState.REJECTED, OutboxRow.acknowledged_at.is_(None))
        .order_by(OutboxRow.position.desc())
    ).all()
    return [
        RejectedLine(
            row.event_id,
            row.case_id,
            receipt,
            title,
            str(row.event.get("type", "")),
            row.reason or "rejected",
            row.message_ko,
            row.message_en,
            row.settled_at,
            issued_notice(row),
        )
        for row, receipt, title in rows
    ]
