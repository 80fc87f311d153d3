"""Deadlines (처리기한) of cases, transfers, registration, progress notices and proposals (법 §19, 영 §6⑧,
§13, §20, §21, §23, 국민 제안 규정 §10).

Pure functions over a WorkCalendar; each costs microseconds, since every intake computes one. The readings
that the law leaves open (office hours, the end of a day, clock stops on day periods, the month rule) are in
work_settings.DeadlineSettings and explained there.
"""

from __future__ import annotations

import calendar as _gregorian
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from .calendar import Span, WorkCalendar, zone_for
from .errors import DomainError
from .extensions import check_extension_periods
from .kinds import Kind
from .periods import Period, PeriodUnit
from .work_settings import DEFAULT_SETTINGS, DeadlineSettings


class StopReason(StrEnum):
    """Why the clock stood still (영 §20, 국민 제안 규정)."""

    SUPPLEMENT = "supplement"  # 보완
    SITE_INSPECTION = "site_inspection"  # 현장조사
    OUTAGE = "outage"  # 시스템장애
    OUTSIDE_OPINION = "outside_opinion"  # 외부의견

    @property
    def korean(self) -> str:
        return _STOP_KOREAN[self]


_STOP_KOREAN = {
    StopReason.SUPPLEMENT: "보완",
    StopReason.SITE_INSPECTION: "현장조사",
    StopReason.OUTAGE: "시스템장애",
    StopReason.OUTSIDE_OPINION: "외부의견",
}


@dataclass(frozen=True)
class ClockStop:
    """A span during which the processing clock does not run. For a stop still in progress, pass the
    current moment as ``end`` to get the deadline as it stands now."""

    start: datetime
    end: datetime
    reason: StopReason

    def __post_init__(self) -> None:
        for moment in (self.start, self.end):
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise DomainError(
                    "closed",
                    f"시간대가 없는 시각은 쓸 수 없습니다: {moment.isoformat()}",
                    f"A time without a time zone is ambiguous: {moment.isoformat()}",
                    code="naive_datetime",
                )
        if self.end < self.start:
            raise DomainError(
                "closed",
                f"정지 종료({self.end.isoformat()})가 시작({self.start.isoformat()})보다 앞섭니다.",
                f"The stop ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()}).",
                code="stop_order",
            )
        if not isinstance(self.reason, StopReason):
            try:
                object.__setattr__(self, "reason", StopReason(str(self.reason)))
            except ValueError:
                codes = ", ".join(r.value for r in StopReason)
                raise DomainError(
                    "reason",
                    f"알 수 없는 정지 사유입니다: '{self.reason}'. 가능한 값: {codes}",
                    f"Unknown reason for a clock stop: '{self.reason}'. Expected one of: {codes}",
                ) from None


class TransferKind(StrEnum):
    """The transfer clocks of 영 §13, each a deadline of its own."""

    COUNTER_TO_DEPARTMENT = "counter_to_department"  # 민원실 → 처리부서
    MISROUTED_INTERNAL = "misrouted_internal"  # 기관 내 잘못 배정된 민원의 재배정
    OTHER_AGENCY = "other_agency"  # 다른 기관으로 이송

    @property
    def korean(self) -> str:
        return _TRANSFER_KOREAN[self]


_TRANSFER_KOREAN = {
    TransferKind.COUNTER_TO_DEPARTMENT: "처리부서 이송",
    TransferKind.MISROUTED_INTERNAL: "기관 내 재배정",
    TransferKind.OTHER_AGENCY: "타 기관 이송",
}


# ---- periods ----------------------------------------------------------------------------------------------


def period_for(kind: Kind, statutory_days: int | None = None, settings: DeadlineSettings | None = None) -> Period:
    """The processing period of a kind; 법정민원 takes its own period (``statutory_days``) from the table."""
    if kind is Kind.STATUTORY:
        if statutory_days is None:
            raise DomainError(
                "days",
                "법정민원은 처리기간(일수)을 함께 주어야 합니다.",
                "A statutory application needs its own processing period in days.",
                code="days_required",
            )
        if statutory_days < 1:
            raise DomainError("days", "처리기간은 1일 이상이어야 합니다.", "The period must be at least 1 day.")
        return Period.days(statutory_days)
    if statutory_days is not None:
        raise DomainError(
            "days",
            f"처리기간(일수)은 법정민원에만 줄 수 있습니다. {kind.korean}의 처리기간은 법령으로 정해져 있습니다.",
            f"Only a statutory application takes its own period; the period of '{kind.value}' is fixed by law.",
            code="days_not_allowed",
        )
    if kind is Kind.PROPOSAL:
        return Period.months((settings or DEFAULT_SETTINGS).proposal_decision_months)
    period = kind.default_period
    assert period is not None  # only STATUTORY has none, handled above
    return period


class Counting(StrEnum):
    """How a period is counted; decided by the original period, and every extension of it is counted the same
    way (영 §21)."""

    WORKING_HOURS = "working_hours"  # 법 §19①: hours, and days up to max_days_counted_in_hours (1 day = 8 h)
    WORKING_DAYS = "working_days"  # 법 §19②: six days or more, the day of receipt counted as day 1
    CIVIL = "civil"  # months, by the Civil Act (민법 §157, §160, §161)


def counting_for(period: Period, settings: DeadlineSettings = DEFAULT_SETTINGS) -> Counting:
    """How ``period`` is counted: by its length, not its unit alone, since 5 days run in hours (법 §19①)."""
    if period.unit is PeriodUnit.HOURS:
        return Counting.WORKING_HOURS
    if period.unit is PeriodUnit.DAYS:
        if period.amount <= settings.max_days_counted_in_hours:
            return Counting.WORKING_HOURS
        return Counting.WORKING_DAYS
    return Counting.CIVIL


@dataclass(frozen=True)
class Stretch:
    """One stretch of a deadline count: the original period, or one extension, which continues from the due
    moment of the stretch before it (영 §21)."""

    period: Period
    counting: Counting
    # The receipt, or the due moment this extension extends.
    start: datetime
    # When the count begins: the first working moment (working hours), 00:00 of day 1 (working days) or of
    # the 기산일 (months).
    begins: datetime
    due: datetime
    # Days a clock stop (영 §20) took out of this stretch: working days for a day count, calendar days for
    # months; 0 for working hours, where the stopped time itself is skipped.
    stopped_days: int = 0
    # 0 for the original period, 1 and 2 for the extensions.
    number: int = 0


# ---- the case deadline ------------------------------------------------------------------------------------


def due_at(
    received_at: datetime,
    period: Period,
    calendar: WorkCalendar,
    stops: Sequence[ClockStop] = (),
    extensions: Sequence[Period] = (),
) -> datetime:
    """When a case received at ``received_at`` is due (법 §19, 영 §20–§21); see ``deadline_stretches``."""
    return deadline_stretches(received_at, period, calendar, stops, extensions)[-1].due


def deadline_stretches(
    received_at: datetime,
    period: Period,
    calendar: WorkCalendar,
    stops: Sequence[ClockStop] = (),
    extensions: Sequence[Period] = (),
) -> tuple[Stretch, ...]:
    """The count behind a deadline, stretch by stretch; the last stretch's ``due`` is the deadline.

    The original period decides how everything is counted (``counting_for``): hours, and days up to
    ``max_days_counted_in_hours``, run in working hours from the moment of receipt (법 §19①); longer day
    periods count working days, the day of receipt being day 1 whatever the hour when it is a working day
    (법 §19②, 첫날 산입); months follow the Civil Act. Each extension is counted the same way from the due
    moment it extends (영 §21): in working hours it runs on from that moment, in working days its day 1 is
    the next working day after the due day. Time inside ``stops`` is not counted, in any stretch, so the
    due moment an extension extends is the one with the stopped time already added back.
    """
    received = calendar.localize(received_at, "received_at")
    check_extension_periods(period, extensions)
    counting = counting_for(period, calendar.settings)
    spans = calendar.merge_stops(stops) if counting is not Counting.WORKING_HOURS else []
    stretches: list[Stretch] = []
    start = received
    for number, part in enumerate((period, *extensions)):
        stretch = _stretch(start, part, counting, calendar, stops, spans, number)
        stretches.append(stretch)
        start = stretch.due
    return tuple(stretches)


def _stretch(
    start: datetime,
    part: Period,
    counting: Counting,
    calendar: WorkCalendar,
    stops: Sequence[ClockStop],
    spans: list[Span],
    number: int,
) -> Stretch:
    settings = calendar.settings
    if counting is Counting.WORKING_HOURS:
        hours = part.amount if part.unit is PeriodUnit.HOURS else part.amount * settings.hours_per_day
        due = calendar.add_working_time(start, timedelta(hours=hours), stops)
        return Stretch(part, counting, start, calendar.next_working_moment(start), due, 0, number)
    if counting is Counting.WORKING_DAYS:
        # 법 §19②: day 1 is the day of receipt when the office works that day, at whatever hour the complaint
        # came in; an extension's day 1 is the next working day after the due day it extends (영 §21).
        day = start.date() if number == 0 else start.date() + timedelta(days=1)
        first = calendar.next_working_day(day)
        last, stopped = _last_working_day(start, first, part.amount, calendar, spans)
        begins = datetime.combine(first, time(0), tzinfo=calendar.tz)
        return Stretch(part, counting, start, begins, calendar.end_of_day(last), stopped, number)
    # 민법 §157: the due moment is not midnight, so the 기산일 is the day after it (for an extension, the day
    # after the due day it extends).
    end, stopped, first = _civil_end(start, _month_end, part.amount, calendar, spans)
    begins = datetime.combine(first, time(0), tzinfo=calendar.tz)
    return Stretch(part, counting, start, begins, calendar.end_of_day(end), stopped, number)


def _last_working_day(
    start: datetime, first: date, days: int, calendar: WorkCalendar, spans: list[Span]
) -> tuple[date, int]:
    """The ``days``-th working day counted from ``first``, and how many working days the stops took out;
    stops before ``start`` are before the clock ran and take out nothing."""
    skipped_ranges = _merge_ranges([_stopped_working_days(s, e, start, calendar) for s, e in spans])
    last = calendar.add_working_days(first, days)
    # Stopped days inside [first, last] push the end out, which may take in more stopped days; the count only
    # grows and is bounded by the true answer, so this settles in a step or two.
    while True:
        skipped = sum(calendar.count_working_days(max(lo, first), min(hi, last)) for lo, hi in skipped_ranges)
        pushed = calendar.add_working_days(first, days + skipped)
        if pushed == last:
            return last, skipped
        last = pushed


def _stopped_working_days(s: datetime, e: datetime, start: datetime, calendar: WorkCalendar) -> tuple[date, date]:
    """The dates [lo, hi] that a stop takes out of a day count (only the working days among them matter)."""
    s = max(s, start)
    if e <= s:
        return (date.max, date.min)
    touched = calendar.settings.stop_excludes_touched_days

    def counts(day: date) -> bool:
        midnight = datetime.combine(day, time(0), tzinfo=calendar.tz)
        next_midnight = midnight + timedelta(days=1)
        stopped = calendar.working_time_between(max(s, midnight), min(e, next_midnight))
        if touched:
            return stopped > timedelta(0)
        return stopped == calendar.working_time_between(midnight, next_midnight)

    lo, hi = s.date(), e.date()
    # Days strictly between the first and the last are stopped through and through; only the ends are partial.
    if not counts(lo):
        lo += timedelta(days=1)
    if hi >= lo and not counts(hi):
        hi -= timedelta(days=1)
    return (lo, hi)


def _merge_ranges(ranges: list[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for lo, hi in sorted(r for r in ranges if r[0] <= r[1]):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _month_end(first: date, months: int) -> date:
    """민법 §160②③: the day before the day corresponding to ``first`` ``months`` later, or that month's last
    day when it has none."""
    index = first.month - 1 + months
    year, month = first.year + index // 12, index % 12 + 1
    length = _gregorian.monthrange(year, month)[1]
    if first.day > length:
        return date(year, month, length)
    return date(year, month, first.day) - timedelta(days=1)


def _days_end(first: date, days: int) -> date:
    return first + timedelta(days=days - 1)


def _civil_end(
    at: datetime,
    end_of: Callable[[date, int], date],
    amount: int,
    calendar: WorkCalendar,
    spans: list[Span],
) -> tuple[date, int, date]:
    """Last day of a calendar period under the Civil Act (민법 §157, §160, §161), stops not counted; with the
    calendar days the stops took out and the 기산일."""
    starts_at_midnight = at.time() == time(0)
    first = at.date() if starts_at_midnight else at.date() + timedelta(days=1)  # §157: initial day not counted
    begin = datetime.combine(first, time(0), tzinfo=calendar.tz)
    stopped = _merge_ranges([_stopped_calendar_days(max(s, begin), e, calendar) for s, e in spans])
    plain_end = end_of(first, amount)
    end = plain_end
    while True:
        extra = sum(max(0, (min(hi, end) - max(lo, first)).days + 1) for lo, hi in stopped)
        pushed = plain_end + timedelta(days=extra)
        if pushed == end:
            break
        end = pushed
    if calendar.settings.period_end_moves_to_working_day:
        end = calendar.next_working_day(end)
    return end, extra, first


def _stopped_calendar_days(s: datetime, e: datetime, calendar: WorkCalendar) -> tuple[date, date]:
    if e <= s:
        return (date.max, date.min)
    if calendar.settings.stop_excludes_touched_days:
        return (s.date(), e.date() if e.time() != time(0) else e.date() - timedelta(days=1))
    return (s.date() if s.time() == time(0) else s.date() + timedelta(days=1), e.date() - timedelta(days=1))


# ---- the other clocks -------------------------------------------------------------------------------------


def transfer_due_at(
    start: datetime, transfer_kind: TransferKind | str, calendar: WorkCalendar, far: bool = False
) -> datetime:
    """Deadline of a transfer (영 §13). ``far`` applies only to the counter→department transfer."""
    try:
        kind = TransferKind(transfer_kind)
    except ValueError:
        codes = ", ".join(k.value for k in TransferKind)
        raise DomainError(
            "transfer_kind",
            f"알 수 없는 이송 종류입니다: '{transfer_kind}'. 가능한 값: {codes}",
            f"Unknown kind of transfer: '{transfer_kind}'. Expected one of: {codes}",
        ) from None
    s = calendar.settings
    hours = {
        TransferKind.COUNTER_TO_DEPARTMENT: (
            s.transfer_counter_to_department_far_hours if far else s.transfer_counter_to_department_hours
        ),
        TransferKind.MISROUTED_INTERNAL: s.transfer_misrouted_internal_hours,
        TransferKind.OTHER_AGENCY: s.transfer_other_agency_hours,
    }[kind]
    return calendar.add_working_time(calendar.localize(start, "start"), timedelta(hours=hours))


def registration_due_at(arrived_at: datetime, calendar: WorkCalendar) -> datetime:
    """An online filing must be registered within 8 working hours of arrival (영 §6⑧)."""
    arrived = calendar.localize(arrived_at, "arrived_at")
    return calendar.add_working_time(arrived, timedelta(hours=calendar.settings.online_registration_hours))


def progress_notice_dates(
    received_at: datetime, until: datetime, settings: DeadlineSettings = DEFAULT_SETTINGS
) -> list[date]:
    """Days on which a progress notice falls due for a case still open at ``until`` (영 §23): every
    ``progress_notice_interval_days`` calendar days after the day of receipt."""
    tz = zone_for(settings.timezone)
    for name, moment in (("received_at", received_at), ("until", until)):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise DomainError(
                name,
                "시간대가 없는 시각은 쓸 수 없습니다.",
                "A time without a time zone is ambiguous.",
                code="naive_datetime",
            )
    first, last = received_at.astimezone(tz).date(), until.astimezone(tz).date()
    step = settings.progress_notice_interval_days
    count = max(0, (last - first).days // step)
    return [first + timedelta(days=step * n) for n in range(1, count + 1)]


def proposal_decision_due(
    received_at: datetime, calendar: WorkCalendar, stops: Sequence[ClockStop] = ()
) -> datetime:
    """Decision on a proposal within one month of receipt (국민 제안 규정 §10), supplements and outside
    opinions not counted; the month is counted by the Civil Act (see work_settings)."""
    return due_at(received_at, Period.months(calendar.settings.proposal_decision_months), calendar, stops)


_DEFAULT_CALENDAR: WorkCalendar | None = None


def rereview_window_end(decided_at: datetime, calendar: WorkCalendar | None = None) -> datetime:
    """Last moment at which the proposer may ask for a re-review of a rejection: 15 days counted like the
    decision month (initial day not counted, an end on a day off moves to the next working day)."""
    global _DEFAULT_CALENDAR
    if calendar is None:
        calendar = _DEFAULT_CALENDAR = _DEFAULT_CALENDAR or WorkCalendar()
    decided = calendar.localize(decided_at, "decided_at")
    days = calendar.settings.rereview_window_days
    return calendar.end_of_day(_civil_end(decided, _days_end, days, calendar, [])[0])


# ---- queue helpers ----------------------------------------------------------------------------------------


def is_overdue(due: datetime, now: datetime) -> bool:
    return now > due


def remaining_working_hours(now: datetime, due: datetime, calendar: WorkCalendar) -> float:
    """Working hours left until ``due``; negative by the working hours past it once overdue. After 18:00 on
    the last day of a day period this is 0 while the case is not yet overdue."""
    if now > due:
        return -calendar.working_time_between(due, now) / timedelta(hours=1)
    return calendar.working_time_between(now, due) / timedelta(hours=1)


def remaining_label(now: datetime, due: datetime, calendar: WorkCalendar, language: str = "ko") -> str:
    """A short label for a queue row: "2시간 30분 남음", "기한 지남 (3시간)"; English when ``language`` is not ko."""
    hours = remaining_working_hours(now, due, calendar)
    minutes = int(abs(hours) * 60 + 1e-6)
    h, m = divmod(minutes, 60)
    korean = language.startswith("ko")
    if korean:
        amount = " ".join(p for p in (f"{h}시간" if h else "", f"{m}분" if m or not h else "") if p)
    else:
        amount = " ".join(p for p in (f"{h} h" if h else "", f"{m} min" if m or not h else "") if p)
    if is_overdue(due, now):
        if korean:
            return f"기한 지남 ({amount})" if minutes else "기한 지남"
        return f"overdue ({amount})" if minutes else "overdue"
    return f"{amount} 남음" if korean else f"{amount} left"
