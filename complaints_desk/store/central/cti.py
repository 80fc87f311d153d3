"""The calls a PBX reports (domain.cti), kept on the server; and what a desktop asks: the calls of the agent
signed in there that changed since it last looked, and the missed calls nobody has called back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain.cti import CallState, CtiEvent, CtiNotice, next_state
from ..models import Staff
from .channel_tables import CtiCall


@dataclass(frozen=True)
class CallView:
    call_id: str
    direction: str
    caller: str
    state: CallState
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    answered_by: str | None
    cause: str
    changed_at: datetime

    def as_wire(self) -> dict[str, object]:
        return {
            "call_id": self.call_id,
            "direction": self.direction,
            "caller": self.caller,
            "state": self.state.value,
            "started_at": self.started_at.isoformat(),
            "answered_at": self.answered_at.isoformat() if self.answered_at else None,
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "answered_by": self.answered_by,
            "cause": self.cause,
            "changed_at": self.changed_at.isoformat(),
        }


def _view(row: CtiCall) -> CallView:
    return CallView(
        row.call_id,
        row.direction,
        row.caller,
        CallState(row.state),
        row.started_at,
        row.answered_at,
        row.ended_at,
        row.answered_by,
        row.cause,
        row.changed_at,
    )


def staff_for_number(session: Session, answering: str) -> str | None:
    """The staff member an answering number names: their extension (the staff phone), or their username."""
    if not answering:
        return None
    digits = "".join(ch for ch in answering if ch.isdigit())
    rows = session.execute(select(Staff.id, Staff.phone, Staff.username).where(Staff.active.is_(True))).all()
    for staff_id, _phone, username in rows:
        if username == answering:
            return str(staff_id)
    for staff_id, phone, _username in rows:
        phone_digits = "".join(ch for ch in (phone or "") if ch.isdigit())
        if (
            digits
            and phone_digits
            and (phone_digits == digits or (phone_digits.endswith(digits) and len(digits) >= 3))
        ):
            return str(staff_id)
    return None


def record_notice(session: Session, notice: CtiNotice, *, now: datetime | None = None) -> CallView:
    now = now or datetime.now(UTC)
    row = session.get(CtiCall, notice.call_id)
    if row is None:
        row = CtiCall(
            call_id=notice.call_id,
            direction=notice.direction,
            caller=notice.citizen_number,
            called=notice.to_number if notice.direction == "in" else notice.from_number,
            queue=notice.queue,
            users=list(notice.users),
            state=CallState.RINGING.value,
            started_at=now,
            answering_number="",
            cause="",
            changed_at=now,
        )
        session.add(row)
        current = None
    else:
        current = CallState(row.state)
    state = next_state(current, notice)
    row.state = state.value
    if notice.users:
        row.users = list(notice.users)
    if notice.event is CtiEvent.ANSWER and state is CallState.ANSWERED:
        row.answered_at = row.answered_at or now
        row.answering_number = notice.answering_number or (notice.users[0] if notice.users else "")
        row.answered_by = staff_for_number(session, row.answering_number)
    if notice.event is CtiEvent.HANGUP:
        row.ended_at = row.ended_at or now
        row.cause = notice.cause
        if notice.answering_number and row.answered_by is None and state is CallState.ENDED:
            row.answered_by = staff_for_number(session, notice.answering_number)
    row.changed_at = now
    session.flush()
    return _view(row)


def calls_for(session: Session, staff_id: str, *, since: datetime | None, limit: int = 100) -> list[CallView]:
    """The calls this agent answered, and every ringing or missed call (anyone may pick those up or call
    back), changed after `since`, oldest change first."""
    statement = select(CtiCall).where(
        or_(CtiCall.answered_by == staff_id, CtiCall.state.in_((CallState.RINGING.value, CallState.MISSED.value)))
    )
    if since is not None:
        statement = statement.where(CtiCall.changed_at > since)
    rows = session.execute(statement.order_by(CtiCall.changed_at).limit(limit)).scalars()
    return [_view(row) for row in rows]


def call_log(
    session: Session, *, since: datetime | None = None, until: datetime | None = None, limit: int = 500
) -> list[CallView]:
    statement = select(CtiCall)
    if since is not None:
        statement = statement.where(CtiCall.started_at >= since)
    if until is not None:
        statement = statement.where(CtiCall.started_at < until)
    rows = session.execute(statement.order_by(CtiCall.started_at.desc()).limit(limit)).scalars()
    return [_view(row) for row in rows]
