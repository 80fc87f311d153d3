"""What the desktop's case actions read before they ask: who works at the desk, the case as the lifecycle sees
it, its clock (receipt, period, stops and extensions, for the deadlines the law computes), and the choices a
dialog offers (departments, a department's officers, a case found by its receipt number). Plain data: it
crosses from a reader thread to the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import deadlines
from ..domain.calendar import WorkCalendar
from ..domain.case import CaseState
from ..domain.deadlines import ClockStop, StopReason
from ..domain.errors import DomainError
from ..domain.events import Event, EventType
from ..domain.periods import Period, PeriodUnit
from ..domain.roles import Actor, Role
from .cases import case_events, load_case, load_case_by_receipt
from .intake import calendar_for
from .models import Department, Staff


def desk_actor(session: Session, staff_id: str | None) -> Actor | None:
    """The staff member working at the desk as the lifecycle names them (role, department)."""
    if not staff_id:
        return None
    staff = session.get(Staff, staff_id)
    if staff is None:
        return None
    return Actor(staff.id, Role(staff.role), staff.department_code, staff.name)


@dataclass(frozen=True)
class Choice:
    code: str
    name: str


@dataclass(frozen=True)
class CaseClock:
    """What the case's deadline is counted from: `deadlines.due_at(received_at, period, calendar, stops,
    extensions)` gives its due moment; a new stop or extension is added to these."""

    received_at: datetime
    period: Period
    stops: tuple[ClockStop, ...]
    extensions: tuple[Period, ...]
    stopped: tuple[datetime, StopReason] | None  # a stop still running: since when, why

    def due_with(
        self, calendar: WorkCalendar, *, extension: Period | None = None, resumed_at: datetime | None = None
    ) -> datetime:
        stops = list(self.stops)
        if resumed_at is not None and self.stopped is not None:
            stops.append(ClockStop(self.stopped[0], max(resumed_at, self.stopped[0]), self.stopped[1]))
        extensions = [*self.extensions, *([extension] if extension else [])]
        return deadlines.due_at(self.received_at, self.period, calendar, stops, extensions)


@dataclass(frozen=True)
class ActionContext:
    state: CaseState
    clock: CaseClock
    calendar: WorkCalendar
    departments: tuple[Choice, ...]
    officers: tuple[Choice, ...]  # of the case's department


def _stop_reason(value: object) -> StopReason:
    try:
        return StopReason(str(value))
    except ValueError:
        return StopReason.SUPPLEMENT


def _extension(event: Event, clock: CaseClock, calendar: WorkCalendar) -> Period:
    """The period an extension added: written in its payload by this desk; for an older event without it, the
    amount (in the original's unit) whose deadline is the one the event recorded, else the longest allowed."""
    written = event.payload.get("extension")
    if isinstance(written, dict):
        try:
            return Period.from_dict(dict(written))
        except (DomainError, KeyError, TypeError, ValueError):  # an odd payload: infer it as below
            pass
    recorded = event.payload.get("new_due_at")
    if isinstance(recorded, str):
        try:
            wanted = datetime.fromisoformat(recorded)
        except ValueError:
            wanted = None
        if wanted is not None:
            for amount in range(1, clock.period.amount + 1):
                candidate = Period(amount, clock.period.unit)
                if abs((clock.due_with(calendar, extension=candidate) - wanted).total_seconds()) < 60:
                    return candidate
    return clock.period


def case_clock(events: list[Event], state: CaseState, calendar: WorkCalendar) -> CaseClock:
    period = Period(state.period_amount, PeriodUnit(state.period_unit))
    clock = CaseClock(state.received_at, period, (), (), None)
    for event in events:
        if event.type is EventType.CLOCK_STOPPED:
            clock = CaseClock(
                clock.received_at,
                period,
                clock.stops,
                clock.extensions,
                (event.occurred_at, _stop_reason(event.payload.get("reason"))),
            )
        elif event.type is EventType.CLOCK_RESUMED and clock.stopped is not None:
            stop = ClockStop(clock.stopped[0], max(event.occurred_at, clock.stopped[0]), clock.stopped[1])
            clock = CaseClock(clock.received_at, period, (*clock.stops, stop), clock.extensions, None)
        elif event.type is EventType.EXTENDED:
            added = _extension(event, clock, calendar)
            clock = CaseClock(clock.received_at, period, clock.stops, (*clock.extensions, added), clock.stopped)
    return clock


def action_context(session: Session, case_id: str) -> ActionContext | None:
    state = load_case(session, case_id)
    if state is None:
        return None
    calendar = calendar_for(session)
    departments = tuple(
        Choice(code, name)
        for code, name in session.execute(
            select(Department.code, Department.name).where(Department.active.is_(True)).order_by(Department.name)
        )
    )
    officers: tuple[Choice, ...] = ()
    if state.department_code:
        officers = tuple(
            Choice(staff_id, name)
            for staff_id, name in session.execute(
                select(Staff.id, Staff.name)
                .where(
                    Staff.department_code == state.department_code,
                    Staff.role.in_((Role.OFFICER.value, Role.SUPERVISOR.value)),
                    Staff.active.is_(True),
                )
                .order_by(Staff.name)
            )
        )
    return ActionContext(
        state, case_clock(case_events(session, case_id), state, calendar), calendar, departments, officers
    )


def current_state(session: Session, case_id: str) -> CaseState | None:
    return load_case(session, case_id)


@dataclass(frozen=True)
class FoundCase:
    id: str
    receipt_no: str
    title: str


def case_by_receipt(session: Session, receipt_no: str) -> FoundCase | None:
    state = load_case_by_receipt(session, receipt_no.strip())
    return FoundCase(state.id, state.receipt_no, state.title) if state else None
