"""The history of one demo case after its intake: routing, acceptance, notes, extensions, clock stops,
answers, decisions, closing… Every step is a real domain Event run through lifecycle.apply, so the
stored events replay to the stored row. A step later than `now` is not taken: recent cases stay open."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ...domain import deadlines
from ...domain.calendar import WorkCalendar
from ...domain.case import CaseState
from ...domain.channels import Channel
from ...domain.deadlines import ClockStop, StopReason, TransferKind
from ...domain.events import Event, EventType
from ...domain.kinds import Kind
from ...domain.lifecycle import apply
from ...domain.periods import Period
from ...domain.roles import Actor, Role
from ...domain.statuses import OPEN_STATUSES
from . import text
from .dice import Weighted
from .ids import uuid7_at
from .office import Office

SYSTEM = Actor(None, Role.SYSTEM)
_SCORES = Weighted((1, 2, 3, 4, 5), (5, 7, 18, 35, 35))
_NOTE_COUNTS = Weighted((0, 1, 2), (55, 35, 10))
_RESULTS = Weighted(("accepted", "partially_accepted", "rejected", "informed"), (45, 15, 10, 30))
PROGRESS_EVERY = timedelta(days=30)


@dataclass
class Rates:
    """Chances of the rarer paths. Small demos boost them so that every status and event still shows."""

    boost: float = 0.0

    def rare(self, p: float) -> float:
        return max(p, self.boost)


@dataclass
class CaseBuilder:
    rng: random.Random
    now: datetime
    calendar: WorkCalendar
    state: CaseState
    events: list[tuple[Event, int]]
    period: Period
    received_local: datetime
    t: datetime
    stops: list[ClockStop] = field(default_factory=list)
    extensions: list[Period] = field(default_factory=list)
    next_notice: datetime | None = None
    force: str = ""  # a showcase case takes the path to this status whatever the dice say

    def add(self, kind: EventType, at: datetime, actor: Actor, payload: dict[str, Any] | None = None) -> bool:
        """Record the event at ``at`` (kept after the previous one); False when that is past `now`."""
        at = max(at, self.t + timedelta(seconds=1))
        if at > self.now:
            return False
        self._progress_notices(at)
        self._push(kind, at, actor, payload or {})
        return True

    def _push(self, kind: EventType, at: datetime, actor: Actor, payload: dict[str, Any]) -> None:
        event = Event(
            uuid7_at(at, self.rng),
            self.state.id,
            kind,
            at,
            actor.id,
            actor.role,
            actor.department_code,
            None,
            self.state.version,
            payload,
        )
        self.state = apply(self.state, event)
        self.events.append((event, self.state.version))
        self.t = at

    def _progress_notices(self, until: datetime) -> None:
        # 영 §23: while open, a progress notice every 30 days after receipt.
        while self.next_notice is not None and self.next_notice < until and self.state.status in OPEN_STATUSES:
            if self.next_notice > self.t:
                self._push(EventType.PROGRESS_NOTIFIED, self.next_notice, SYSTEM, {"method": "sms"})
            self.next_notice += PROGRESS_EVERY

    def chance(self, p: float, outcome: str) -> bool:
        """The dice, unless this is a showcase case: then only the path to its own outcome is taken."""
        return self.force == outcome if self.force else self.rng.random() < p

    def finish(self) -> None:
        self._progress_notices(self.now)

    def work(self, hours: float) -> datetime:
        """A moment ``hours`` working hours after the last event (departments act in office hours)."""
        return self.calendar.add_working_time(self.t.astimezone(self.calendar.tz), timedelta(hours=hours))

    def due_now(self) -> datetime:
        return deadlines.due_at(self.received_local, self.period, self.calendar, self.stops, self.extensions)


def officer(office: Office, department: str, rng: random.Random) -> Actor:
    return Actor(rng.choice(office.officers[department]), Role.OFFICER, department)


def supervisor(office: Office, rng: random.Random) -> Actor:
    return Actor(rng.choice(office.supervisors), Role.SUPERVISOR, None)


def run_script(
    b: CaseBuilder, office: Office, front: Actor, department: str | None, rates: Rates, earlier: list[str]
) -> None:
    _after_intake(b, office, front, department, rates, earlier)
    b.finish()


def _after_intake(
    b: CaseBuilder, office: Office, front: Actor, department: str | None, rates: Rates, earlier: list[str]
) -> None:
    rng, state = b.rng, b.state
    if state.channel is Channel.COUNTER and state.kind.receipt_required_at_counter:
        if not b.add(EventType.RECEIPT_PRINTED, b.t + timedelta(minutes=rng.uniform(0.5, 3)), front):
            return
        if rng.random() < rates.rare(0.02) and not b.add(
            EventType.RECEIPT_PRINTED, b.t + timedelta(minutes=rng.uniform(1, 30)), front
        ):
            return
    fronted = front.role in (Role.AGENT, Role.CLERK)
    if state.kind is Kind.OTHER and fronted and rng.random() < 0.65:
        _answer_at_once(b, office, front, rates)
        return
    if b.chance(0 if state.channel.is_online else rates.rare(0.015), "withdrawn"):
        b.add(EventType.WITHDRAWN, b.t + timedelta(minutes=rng.uniform(1, 90)), front, {"reason": "민원인 요청"})
        return
    desk = front if fronted else supervisor(office, rng)  # online filings are triaged by a supervisor
    if b.chance(rates.rare(0.015), "merged") and earlier:
        into = rng.choice(earlier)
        b.add(EventType.MERGED, b.t + timedelta(minutes=rng.uniform(1, 60)), desk, {"into_case_id": into})
        return
    if b.chance(rates.rare(0.015), "transferred_out"):
        at = b.t + timedelta(minutes=rng.uniform(3, 120))
        due = deadlines.transfer_due_at(at, TransferKind.OTHER_AGENCY, b.calendar)
        b.add(
            EventType.TRANSFERRED,
            at,
            desk,
            {
                "target": "agency",
                "agency": rng.choice(text.AGENCIES),
                "reason": "소관 기관이 아닙니다",
                "transfer_due_at": due.isoformat(),
            },
        )
        return
    if b.chance(rates.rare(0.01) if state.channel.is_online else 0, "received"):
        return  # waiting for triage
    if department is None:
        department = rng.choice(office.departments).code
    router = front if fronted else (SYSTEM if rng.random() < 0.7 else supervisor(office, rng))
    if not _route(b, router, department, rng.uniform(0.05, 0.6) if fronted else rng.uniform(0.1, 4)):
        return
    if b.chance(rates.rare(0.04), "returned"):
        who = officer(office, department, rng)
        if not b.add(EventType.RETURNED, b.work(rng.uniform(0.3, 4)), who, {"reason": "소관 부서가 아닙니다"}):
            return
        if b.chance(0.4, "returned"):
            return  # still waiting at the centre
        department = rng.choice([d.code for d in office.departments if d.code != department])
        if not _route(
            b, supervisor(office, rng), department, rng.uniform(0.5, 6), TransferKind.MISROUTED_INTERNAL
        ):
            return
    if b.chance(0.01, "routed"):
        return  # nobody took it up yet
    _in_department(b, office, department, rates)


def _route(
    b: CaseBuilder, actor: Actor, department: str, hours: float, clock: str = "counter_to_department"
) -> bool:
    at = b.work(hours) if actor.role is Role.SUPERVISOR else b.t + timedelta(hours=hours)
    due = deadlines.transfer_due_at(at, clock, b.calendar)
    return b.add(EventType.ROUTED, at, actor, {"department_code": department, "transfer_due_at": due.isoformat()})


def _answer_at_once(b: CaseBuilder, office: Office, front: Actor, rates: Rates) -> None:
    rng = b.rng
    payload = {"result": rng.choice(("informed", "accepted")), "answer": rng.choice(text.ANSWERS)}
    if not b.add(EventType.ANSWERED, b.t + timedelta(minutes=rng.uniform(1, 8)), front, payload):
        return
    if rng.random() < 0.25 and not b.add(
        EventType.SATISFACTION_RECORDED, b.t + timedelta(hours=rng.uniform(1, 30)), SYSTEM, {"score": _score(rng)}
    ):
        return
    if rng.random() < 0.1:
        b.add(EventType.CLOSED, b.work(rng.uniform(4, 40)), supervisor(office, rng), {"reason": "answered"})


def _score(rng: random.Random) -> int:
    return _SCORES(rng)


def _in_department(b: CaseBuilder, office: Office, department: str, rates: Rates) -> None:
    rng = b.rng
    who = officer(office, department, rng)
    if not b.force and rng.random() < rates.rare(0.03):
        # Sent on to the right department by the first one (misrouted inside the office).
        target = rng.choice([d.code for d in office.departments if d.code != department])
        at = b.work(rng.uniform(0.3, 3))
        due = deadlines.transfer_due_at(at, TransferKind.MISROUTED_INTERNAL, b.calendar)
        payload = {"target": "department", "department_code": target, "reason": "소관 부서 이송"}
        if not b.add(EventType.TRANSFERRED, at, who, {**payload, "transfer_due_at": due.isoformat()}):
            return
        department, who = target, officer(office, target, rng)
    if not b.add(EventType.ACCEPTED, b.work(rng.uniform(0.2, 6)), who):
        return
    if rng.random() < 0.3:
        colleague = rng.choice(office.officers[department])
        if not b.add(EventType.ASSIGNED, b.work(rng.uniform(0.1, 2)), who, {"staff_id": colleague}):
            return
        who = Actor(colleague, Role.OFFICER, department)
    if rng.random() < 0.2 and not b.add(EventType.DETAILS_VIEWED, b.work(0.1), who):
        return
    for _ in range(_NOTE_COUNTS(rng)):
        if not b.add(EventType.NOTE_ADDED, b.work(rng.uniform(0.2, 8)), who, {"text": rng.choice(text.NOTES)}):
            return
    if rng.random() < 0.5:
        payload = {"method": rng.choice(("phone", "sms", "visit")), "summary": rng.choice(text.CONTACTS)}
        if not b.add(EventType.CONTACT_LOGGED, b.work(rng.uniform(0.5, 8)), who, payload):
            return
    if rng.random() < rates.rare(0.05) and not _stop_clock(b, who):
        return
    if rng.random() < rates.rare(0.06) and not _extend(b, who, rates):
        return
    if b.state.kind is not Kind.PROPOSAL and b.chance(rates.rare(0.004), "closed"):
        b.add(EventType.CLOSED, b.work(rng.uniform(1, 16)), who, {"reason": "repeated"})
        return
    if b.chance(0.015, "in_progress"):
        return  # left open: the overdue backlog
    if b.state.kind is Kind.PROPOSAL:
        _decide(b, who, rates)
    else:
        _answer(b, office, who, rates)


def _stop_clock(b: CaseBuilder, who: Actor) -> bool:
    rng = b.rng
    reason = rng.choice((StopReason.SUPPLEMENT, StopReason.SITE_INSPECTION))
    start = b.work(rng.uniform(0.5, 8))
    if not b.add(EventType.CLOCK_STOPPED, start, who, {"reason": reason.value}):
        return False
    end = b.work(rng.uniform(4, 30))
    stop = ClockStop(b.t, end, reason)
    new_due = deadlines.due_at(b.received_local, b.period, b.calendar, [*b.stops, stop], b.extensions)
    if not b.add(EventType.CLOCK_RESUMED, end, who, {"new_due_at": new_due.isoformat()}):
        return False
    b.stops.append(ClockStop(stop.start, b.t, reason))
    return True


def _extend(b: CaseBuilder, who: Actor, rates: Rates) -> bool:
    rng = b.rng
    for number in range(1 if rng.random() > rates.rare(0.2) else 2):
        amount = max(1, rng.randint(1, b.period.amount))
        extensions = [*b.extensions, Period(amount, b.period.unit)]
        new_due = deadlines.due_at(b.received_local, b.period, b.calendar, b.stops, extensions)
        payload: dict[str, Any] = {
            "reason_code": rng.choice(("fact_check", "cooperation")),
            "new_due_at": new_due.isoformat(),
            "notice": "처리기간 연장 안내를 문자로 발송함",
        }
        if number == 1:
            payload["consent"] = True
        if not b.add(EventType.EXTENDED, b.work(rng.uniform(1, 16)), who, payload):
            return False
        b.extensions = extensions
    return True


def _answer(b: CaseBuilder, office: Office, who: Actor, rates: Rates) -> None:
    rng = b.rng
    due = b.state.due_at
    # Most answers come before the deadline; some are late.
    budget = max(0.5, b.calendar.working_time_between(b.t, due).total_seconds() / 3600)
    hours = rng.uniform(0.2, budget * 0.9) if rng.random() < 0.92 else budget + rng.uniform(1, 40)
    result = _RESULTS(rng)
    payload = {"result": result, "answer": rng.choice(text.ANSWERS)}
    if result == "rejected":
        payload |= {
            "reasons": "관련 법령상 요건을 갖추지 못했습니다.",
            "remedies": "행정심판 또는 이의신청을 할 수 있습니다.",
        }
    if not b.add(EventType.ANSWERED, b.work(min(hours, 400)), who, payload):
        return
    if rng.random() < 0.3 and not b.add(
        EventType.SATISFACTION_RECORDED, b.t + timedelta(hours=rng.uniform(2, 72)), SYSTEM, {"score": _score(rng)}
    ):
        return
    if rng.random() < 0.8:
        if not b.add(EventType.CLOSED, b.work(rng.uniform(1, 24)), who, {"reason": "answered"}):
            return
        if rng.random() < rates.rare(0.005):
            boss = supervisor(office, rng)
            if not b.add(EventType.REOPENED, b.work(rng.uniform(4, 40)), boss, {"reason": "답변 보완 필요"}):
                return
            payload = {"result": "accepted", "answer": rng.choice(text.ANSWERS)}
            if b.add(EventType.ANSWERED, b.work(rng.uniform(2, 24)), who, payload):
                b.add(EventType.CLOSED, b.work(rng.uniform(1, 24)), who, {"reason": "answered"})


def _decide(b: CaseBuilder, who: Actor, rates: Rates) -> None:
    rng = b.rng
    if b.chance(rates.rare(0.15), "under_review"):
        return  # still under review
    for round_ in range(2):
        at = b.work(rng.uniform(4, 120))
        if b.chance(0.3, "adopted"):
            planned = (at + timedelta(days=rng.randint(30, 200))).astimezone(b.calendar.tz).date()
            payload = {
                "decision": "adopted",
                "reasons": "실현 가능성과 효과가 인정됨",
                "implementation_date": planned.isoformat(),
            }
        else:
            payload = {"decision": "not_adopted", "reasons": "유사 사업이 이미 추진 중입니다."}
        if not b.add(EventType.DECIDED, at, who, payload):
            return
        rereview = rng.random() < rates.rare(0.1) and not b.force
        if payload["decision"] == "not_adopted" and round_ == 0 and rereview:
            ask = b.t + timedelta(days=rng.uniform(1, 14))
            if not b.add(EventType.REREVIEW_REQUESTED, ask, SYSTEM, {"reason": "추가 자료를 제출합니다"}):
                return
            continue
        break
    if rng.random() < 0.6 and not b.force:
        b.add(EventType.CLOSED, b.work(rng.uniform(1, 40)), who, {"reason": "decided"})
