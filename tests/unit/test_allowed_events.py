"""What the desktop offers is what the lifecycle allows: `allowed_events` agrees with `authorize` for every
role and status; who sees a petitioner in full; an extension's period, read back from its event (or inferred
from the due date it recorded) so the next deadline is counted as the law says."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest
from support import T0, event, later, received_payload

from complaints_desk.domain import deadlines
from complaints_desk.domain.calendar import WorkCalendar
from complaints_desk.domain.case import CaseState
from complaints_desk.domain.errors import LifecycleError
from complaints_desk.domain.events import EventType
from complaints_desk.domain.lifecycle import RULES, allowed_events, apply, authorize
from complaints_desk.domain.periods import Period
from complaints_desk.domain.roles import Role, may_view_details
from complaints_desk.domain.statuses import Status
from complaints_desk.store.case_actions import case_clock

CASE = "case-1"
DEPT = "road"


def _received() -> CaseState:
    return apply(None, event(EventType.RECEIVED, CASE, payload=received_payload(department_code=DEPT)))


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("role", [Role.AGENT, Role.CLERK, Role.OFFICER, Role.SUPERVISOR, Role.ADMIN])
def test_allowed_events_are_the_ones_authorize_lets_through(role: Role, status: Status) -> None:
    state = replace(_received(), status=status)
    for department in (DEPT, "parks"):
        allowed = set(allowed_events(role, state, department))
        for event_type in RULES:
            if event_type in (EventType.RECEIVED, EventType.CLOCK_RESUMED):
                continue  # a receipt makes a case; resuming needs a stopped clock (below)
            try:
                authorize(state, event(event_type, CASE, role=role, department=department))
            except LifecycleError:
                assert event_type not in allowed, (role, status, department, event_type)
            else:
                assert event_type in allowed, (role, status, department, event_type)


def test_a_running_clock_is_not_resumed_and_a_third_extension_not_offered() -> None:
    state = replace(_received(), status=Status.IN_PROGRESS)
    offered = allowed_events(Role.OFFICER, state, DEPT)
    assert EventType.CLOCK_STOPPED in offered and EventType.CLOCK_RESUMED not in offered
    stopped = replace(state, clock_stopped_at=T0)
    offered = allowed_events(Role.OFFICER, stopped, DEPT)
    assert EventType.CLOCK_RESUMED in offered and EventType.CLOCK_STOPPED not in offered
    assert EventType.EXTENDED not in allowed_events(Role.OFFICER, replace(state, extension_count=2), DEPT)
    assert allowed_events(Role.OFFICER, state, "parks") == []


def test_who_sees_the_petitioner_in_full() -> None:
    for role in (Role.AGENT, Role.CLERK, Role.SUPERVISOR):
        assert may_view_details(role, None, DEPT)
    assert may_view_details(Role.OFFICER, DEPT, DEPT)
    assert not may_view_details(Role.OFFICER, "parks", DEPT)
    assert not may_view_details(Role.OFFICER, DEPT, None)
    assert not may_view_details(Role.ADMIN, None, DEPT)


def test_an_extensions_period_is_read_back_or_inferred_from_the_due_date_it_recorded() -> None:
    calendar = WorkCalendar()
    rng = random.Random(7)
    received = event(EventType.RECEIVED, CASE, payload=received_payload(department_code=DEPT))
    state = apply(None, received)
    period = Period.days(7)
    due = deadlines.due_at(state.received_at, period, calendar)
    stop_start, stop_end = later(60 * 24), later(60 * 24 * 3)
    stops = [deadlines.ClockStop(stop_start, stop_end, deadlines.StopReason.SUPPLEMENT)]
    amount = rng.randint(1, 7)
    first_due = deadlines.due_at(state.received_at, period, calendar, stops, [Period.days(amount)])
    events = [
        received,
        event(EventType.CLOCK_STOPPED, CASE, role=Role.OFFICER, at=stop_start, payload={"reason": "supplement"}),
        event(
            EventType.CLOCK_RESUMED, CASE, role=Role.OFFICER, at=stop_end, payload={"new_due_at": due.isoformat()}
        ),
        # an older event without its period: the amount whose deadline is the one it recorded
        event(
            EventType.EXTENDED,
            CASE,
            role=Role.OFFICER,
            at=later(60 * 24 * 4),
            payload={"reason_code": "fact_check", "new_due_at": first_due.isoformat()},
        ),
    ]
    clock = case_clock(events, state, calendar)
    assert clock.extensions == (Period.days(amount),) and clock.stops == tuple(stops) and clock.stopped is None
    second = clock.due_with(calendar, extension=Period.days(2))
    assert second == deadlines.due_at(
        state.received_at, period, calendar, stops, [Period.days(amount), Period.days(2)]
    )
    assert second > first_due
    written = [*events, event(EventType.EXTENDED, CASE, role=Role.OFFICER, payload={"extension": {"amount": 2, "unit": "days"}, "new_due_at": second.isoformat()})]  # fmt: skip
    assert case_clock(written, state, calendar).extensions == (Period.days(amount), Period.days(2))
    # a clock still stopped: resuming now counts the stop up to now
    running = case_clock([*events, event(EventType.CLOCK_STOPPED, CASE, at=later(60 * 24 * 5), payload={"reason": "site_inspection"})], state, calendar)  # fmt: skip
    assert running.stopped is not None and running.stopped[1] is deadlines.StopReason.SITE_INSPECTION
    assert running.due_with(calendar, resumed_at=later(60 * 24 * 9)) >= first_due + timedelta(days=0)
