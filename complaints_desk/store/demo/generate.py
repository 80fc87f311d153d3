"""Generating demo cases one day at a time: how many arrive on each day (weekday pattern, holidays,
seasons), by which channel and at what hour, of which kind, from whom, and their intake event. A day is
the unit of work for worker processes and of receipt numbering (each station counts per day)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ...domain import deadlines
from ...domain.calendar import WorkCalendar, kr_holidays
from ...domain.case import CaseState
from ...domain.channels import Channel
from ...domain.events import Event, EventType
from ...domain.kinds import Kind
from ...domain.lifecycle import apply
from ...domain.receipts import ReceiptNumber
from ...domain.roles import Actor, Role
from . import text
from .dice import Weighted
from .ids import uuid7_at
from .office import CALL_STATIONS, COUNTER_STATIONS, Office, korean_name
from .script import PROGRESS_EVERY, SYSTEM, CaseBuilder, Rates, run_script

HISTORY_DAYS = 395  # about 13 months
_WEEKDAY_WEIGHT = (1.3, 1.15, 1.1, 1.05, 0.95, 0.18, 0.12)
_SEASON = {1: 1.1, 2: 1.0, 3: 1.0, 4: 1.0, 5: 1.05, 6: 1.1, 7: 1.25, 8: 1.2, 9: 1.0, 10: 0.95, 11: 0.95, 12: 1.1}
_FRONT_HOURS = (0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 14, 12, 4, 10, 12, 11, 9, 7, 0, 0, 0, 0, 0, 0)
_ONLINE_HOURS = (2, 1, 1, 1, 1, 1, 2, 4, 6, 9, 10, 9, 7, 8, 8, 8, 7, 7, 7, 8, 9, 9, 7, 4)
_WORKDAY_CHANNELS = {
    Channel.PHONE: 35, Channel.COUNTER: 15, Channel.WEB: 28, Channel.OPEN311: 5, Channel.KAKAO: 6,
    Channel.TELEGRAM: 2, Channel.LINE: 1, Channel.SNS: 3, Channel.MAIL: 3,
}  # fmt: skip
_DAY_OFF_CHANNELS = {
    Channel.WEB: 60,
    Channel.OPEN311: 8,
    Channel.KAKAO: 18,
    Channel.TELEGRAM: 4,
    Channel.LINE: 2,
    Channel.SNS: 8,
}
_KINDS = {
    Channel.PHONE: {Kind.OTHER: 60, Kind.GRIEVANCE: 12, Kind.INQUIRY_PROCEDURE: 12, Kind.INQUIRY_LAW: 3, Kind.SUGGESTION: 8, Kind.PROPOSAL: 1},
    Channel.COUNTER: {Kind.STATUTORY: 45, Kind.OTHER: 20, Kind.INQUIRY_PROCEDURE: 10, Kind.GRIEVANCE: 10, Kind.SUGGESTION: 10, Kind.INQUIRY_LAW: 5},
    Channel.MAIL: {Kind.STATUTORY: 30, Kind.GRIEVANCE: 30, Kind.SUGGESTION: 20, Kind.INQUIRY_LAW: 20},
    Channel.WEB: {Kind.GRIEVANCE: 25, Kind.OTHER: 25, Kind.SUGGESTION: 15, Kind.INQUIRY_PROCEDURE: 10, Kind.INQUIRY_LAW: 5, Kind.PROPOSAL: 15, Kind.STATUTORY: 5},
}  # fmt: skip
_ONLINE_KINDS = {
    Kind.GRIEVANCE: 30,
    Kind.OTHER: 40,
    Kind.SUGGESTION: 15,
    Kind.INQUIRY_PROCEDURE: 10,
    Kind.PROPOSAL: 5,
}
_HOUR_DRAWS: dict[tuple[int, ...], Weighted[int]] = {
    hours: Weighted(range(24), hours) for hours in (_FRONT_HOURS, _ONLINE_HOURS)
}
_WORKDAY_CHANNEL_DRAW = Weighted.of(_WORKDAY_CHANNELS)
_DAY_OFF_CHANNEL_DRAW = Weighted.of(_DAY_OFF_CHANNELS)
_KIND_DRAWS = {channel: Weighted.of(kinds) for channel, kinds in _KINDS.items()}
_ONLINE_KIND_DRAW = Weighted.of(_ONLINE_KINDS)
_CATEGORY_BY_CODE: dict[str, Any] = {}
_NO_SNOW = tuple(p for p in text.PROBLEMS if p.category != "snow")
SHOWCASE = (
    "merged", "received", "routed", "in_progress", "returned", "withdrawn", "transferred_out",
    "under_review", "adopted", "not_adopted",
)  # fmt: skip
_PROPOSAL_SHOWCASE = frozenset({"under_review", "adopted", "not_adopted"})


@dataclass(frozen=True)
class DayPlan:
    day: date
    count: int
    seed: int
    until: datetime  # `now`: nothing happens after it
    showcase: tuple[str, ...] = ()  # statuses its first cases must end in (see plan_days)


@dataclass
class GeneratedCase:
    state: CaseState
    events: list[tuple[Event, int]]  # (event, case version after it)


@dataclass
class DayCases:
    day: date
    cases: list[GeneratedCase]
    receipts: dict[str, int]  # station → last running number issued that day


def plan_days(cases: int, now: datetime, seed: int, calendar: WorkCalendar) -> list[DayPlan]:
    """Split ``cases`` over the last ~13 months: more on Mondays, few on weekends and holidays."""
    rng = random.Random(f"plan:{seed}")
    local_now = now.astimezone(calendar.tz)
    today = local_now.date()
    days = [today - timedelta(days=n) for n in range(HISTORY_DAYS - 1, -1, -1)]
    weights = []
    for n, day in enumerate(days):
        off = day in kr_holidays(day.year)
        weight = 0.15 if off else _WEEKDAY_WEIGHT[day.weekday()]
        weight *= _SEASON[day.month] * (0.9 + 0.2 * n / len(days)) * rng.uniform(0.85, 1.15)
        if day == today:
            weight *= max(0.02, (local_now.hour * 60 + local_now.minute) / 1440)
        weights.append(weight)
    total = sum(weights)
    exact = [cases * w / total for w in weights]
    counts = [int(x) for x in exact]
    for index in sorted(range(len(days)), key=lambda i: exact[i] - counts[i], reverse=True)[: cases - sum(counts)]:
        counts[index] += 1
    plans = [
        DayPlan(day, count, rng.getrandbits(63), now.astimezone(UTC))
        for day, count in zip(days, counts, strict=True)
    ]
    # However small the demo, the days some weeks back show every status that the dice might miss.
    wanted = list(SHOWCASE)
    for index in range(len(plans) - 50, 0, -1):
        if not wanted:
            break
        take = wanted[: plans[index].count]
        del wanted[: len(take)]
        plans[index] = replace(plans[index], showcase=tuple(take))
    return plans


@dataclass
class Context:
    office: Office
    calendar: WorkCalendar
    rates: Rates
    frequent: list[tuple[str, str, str]]  # people who file again and again: (name, phone, address)


def make_context(office: Office, total_cases: int, seed: int) -> Context:
    rng = random.Random(f"people:{seed}")
    frequent = [_person(rng) for _ in range(300)]
    boost = min(0.1, 8 / total_cases) if total_cases else 0.0
    return Context(office, WorkCalendar(), Rates(boost), frequent)


def _person(rng: random.Random) -> tuple[str, str, str]:
    phone = f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}"
    if rng.random() < 0.08:
        phone = f"02-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
    address = f"서울특별시 한빛구 {rng.choice(text.ROADS)} {rng.randint(1, 420)}"
    return korean_name(rng), phone, address


def _moment(rng: random.Random, day: date, hours: tuple[int, ...], calendar: WorkCalendar) -> datetime:
    hour = _HOUR_DRAWS[hours](rng)
    local = datetime.combine(day, time(hour), tzinfo=calendar.tz)
    return local + timedelta(seconds=rng.uniform(0, 3600))


def generate_day(plan: DayPlan, ctx: Context) -> DayCases:
    rng = random.Random(plan.seed)
    calendar = ctx.calendar
    off_day = plan.day.weekday() >= 5 or plan.day in kr_holidays(plan.day.year)
    arrivals: list[tuple[datetime, Channel]] = []
    for _ in range(plan.count):
        channel = (_DAY_OFF_CHANNEL_DRAW if off_day else _WORKDAY_CHANNEL_DRAW)(rng)
        hours = _ONLINE_HOURS if channel.is_online else _FRONT_HOURS
        at = _moment(rng, plan.day, hours, calendar)
        if at >= plan.until:  # today: only what has arrived so far
            channel = Channel.WEB
            start = datetime.combine(plan.day, time(0), tzinfo=calendar.tz)
            at = start + (plan.until - start) * rng.random()
        arrivals.append((at.astimezone(UTC), channel))
    arrivals.sort(key=lambda item: item[0])
    receipts: dict[str, int] = {}
    cases: list[GeneratedCase] = []
    # Ids first, so a duplicate can be merged into another case of its day whichever came first.
    ids = [uuid7_at(received_at, rng) for received_at, _channel in arrivals]
    for index, (received_at, channel) in enumerate(arrivals):
        others = ids[max(0, index - 100) : index] or ids[index + 1 : index + 2]
        force = plan.showcase[index] if index < len(plan.showcase) else ""
        cases.append(_one_case(rng, ctx, plan, received_at, channel, receipts, ids[index], others, force))
    return DayCases(plan.day, cases, receipts)


def _category(office: Office, code: str) -> Any:
    if not _CATEGORY_BY_CODE:
        _CATEGORY_BY_CODE.update({c.code: c for c in office.categories})
    return _CATEGORY_BY_CODE[code]


def _content(rng: random.Random, office: Office, kind: Kind, channel: Channel, month: int) -> tuple[str, str, str]:
    """(title, body, category code) for a case of this kind."""
    reply = "문자" if channel is Channel.PHONE else channel.korean
    if kind is Kind.STATUTORY:
        category, template = rng.choice(text.APPLICATIONS)
        title = text.application_text(rng, template, reply)
        return title, text.application_body(rng, title, reply), category
    if kind is Kind.PROPOSAL:
        title, body = text.proposal_text(rng)
        return title, body, "community-center"
    problems = text.PROBLEMS if month in (12, 1, 2) else _NO_SNOW
    problem = rng.choice(problems)
    if kind in (Kind.INQUIRY_LAW, Kind.INQUIRY_PROCEDURE):
        title, body = text.inquiry_text(rng, problem, kind)
    else:
        title, body = text.complaint_text(rng, problem)
    return title, body, problem.category


def _one_case(
    rng: random.Random,
    ctx: Context,
    plan: DayPlan,
    received_at: datetime,
    channel: Channel,
    receipts: dict[str, int],
    case_id: str,
    others: list[str],
    force: str = "",
) -> GeneratedCase:
    office, calendar = ctx.office, ctx.calendar
    kind = _KIND_DRAWS.get(channel, _ONLINE_KIND_DRAW)(rng)
    if force:
        kind = Kind.PROPOSAL if force in _PROPOSAL_SHOWCASE else Kind.GRIEVANCE
        channel = Channel.WEB if force in _PROPOSAL_SHOWCASE else Channel.PHONE
    if channel.is_online:
        station, front = channel.station_code or "W01", SYSTEM
        registered = received_at + timedelta(seconds=rng.uniform(2, 40))
    else:
        station = rng.choice(CALL_STATIONS if channel is Channel.PHONE else COUNTER_STATIONS)
        role = Role.AGENT if channel is Channel.PHONE else Role.CLERK
        staff_department = "civil" if role is Role.CLERK else None
        front = Actor(office.station_staff[station], role, staff_department)
        registered = received_at
    title, body, category_code = _content(rng, office, kind, channel, plan.day.month)
    category = _category(office, category_code)
    statutory_days = category.statutory_days if kind is Kind.STATUTORY else None
    period = deadlines.period_for(kind, statutory_days)
    received_local = received_at.astimezone(calendar.tz)
    due = deadlines.due_at(received_local, period, calendar)
    receipts[station] = number = receipts.get(station, 0) + 1
    receipt_no = str(ReceiptNumber(plan.day, station, number))
    if rng.random() < 0.05:
        name, phone, address = rng.choice(ctx.frequent)
    else:
        name, phone, address = _person(rng)
    email = f"user{rng.randint(1000, 99999)}@example.kr" if channel is Channel.WEB and rng.random() < 0.6 else ""
    group = rng.random() < ctx.rates.rare(0.005)
    payload: dict[str, Any] = {
        "receipt_no": receipt_no,
        "kind": kind.value,
        "channel": channel.value,
        "title": title,
        "body": body,
        "petitioner": {"name": name, "phone": phone, "address": address, "email": email},
        "reply_channel": "sms" if channel is Channel.PHONE and rng.random() < 0.5 else channel.value,
        "category_code": category_code,
        "period": period.as_dict(),
        "received_at": received_at.isoformat(),
        "due_at": due.isoformat(),
        "is_group": group,
        "signers": rng.randint(5, 120) if group else 1,
        "households": rng.randint(5, 60) if group else 1,
    }
    if channel.is_online:
        payload["registration_due_at"] = deadlines.registration_due_at(received_local, calendar).isoformat()
    event = Event(
        uuid7_at(registered, rng),
        case_id,
        EventType.RECEIVED,
        registered,
        front.id,
        front.role,
        front.department_code,
        station,
        None,
        payload,
    )
    state = apply(None, event)
    builder = CaseBuilder(
        rng, plan.until, calendar, state, [(event, 1)], period, received_local, registered,
        next_notice=received_at + PROGRESS_EVERY, force=force,
    )  # fmt: skip
    department = None if kind is Kind.OTHER and rng.random() < 0.5 else category.department_code
    run_script(builder, office, front, department, ctx.rates, others)
    return GeneratedCase(builder.state, builder.events)
