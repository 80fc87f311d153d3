"""The working calendar: which days and hours count toward a deadline.

Days off are Saturdays, Sundays, the public holidays of the `holidays` package (KR, substitute holidays
included) and the closures the administrator enters. Everything is counted with arithmetic over date
ordinals plus a sorted list of weekday days off, so a deadline months away costs a few bisects instead of a
walk over every day. Moments inside a day are integer microseconds after midnight, so a complaint received
at 10:06:58.5 keeps its half second.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import DomainError
from .work_settings import DEFAULT_SETTINGS, DeadlineSettings

_US = 1_000_000
_DAY_US = 86_400 * _US
# The years for which holidays.KR knows anything; outside them only weekends and closures are days off.
_FIRST_HOLIDAY_YEAR = 1948
_LAST_HOLIDAY_YEAR = 2100

# Shared by every calendar in the process: building one year of KR holidays costs about a millisecond
# (the first one ~100 ms while the package loads its tables), and intake must not pay that per case.
_HOLIDAYS_BY_YEAR: dict[int, dict[date, str]] = {}

Span = tuple[datetime, datetime]


def kr_holidays(year: int) -> dict[date, str]:
    """Korean public holidays of one year with their Korean names, substitute holidays included."""
    found = _HOLIDAYS_BY_YEAR.get(year)
    if found is None:
        found = {}
        if _FIRST_HOLIDAY_YEAR <= year <= _LAST_HOLIDAY_YEAR:
            # Imported on first use: the package (some tens of milliseconds) is not part of a start whose
            # first screen counts no deadline; the desktop loads it on its warm-up thread (gui.warm_up).
            import holidays

            for day, name in holidays.country_holidays("KR", years=year, language="ko").items():
                found[day] = str(name)
        _HOLIDAYS_BY_YEAR[year] = found
    return found


def zone_for(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        # Windows has no system time-zone database unless the tzdata package is installed. Korea has kept
        # +09:00 without daylight saving since 1988, so a fixed offset gives the same wall clock.
        if name == "Asia/Seoul":
            return timezone(timedelta(hours=9), "KST")
        raise DomainError(
            "timezone", f"알 수 없는 시간대입니다: {name}", f"Unknown time zone: {name}", code="invalid_setting"
        ) from None


class TimeSpan(Protocol):
    """Anything with a start and an end moment, such as a clock stop."""

    @property
    def start(self) -> datetime: ...

    @property
    def end(self) -> datetime: ...


@dataclass(frozen=True)
class Closure:
    """Whole days the office is shut (entered by the administrator), ``end`` included."""

    start: date
    end: date
    name: str = "임시 휴무"

    def __post_init__(self) -> None:
        if isinstance(self.start, datetime) or isinstance(self.end, datetime):
            raise DomainError("closure", "휴무는 날짜 단위로 정합니다.", "A closure is given in whole days.")
        if self.end < self.start:
            raise DomainError(
                "closure",
                f"휴무 종료일({self.end})이 시작일({self.start})보다 앞섭니다.",
                f"The closure ends ({self.end}) before it starts ({self.start}).",
                code="closure_order",
            )


def _weekdays_through(ordinal: int) -> int:
    """Monday-to-Friday days in ordinals 1..ordinal (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def _nth_weekday(first: int, n: int) -> int:
    """Ordinal of the n-th Monday-to-Friday day on or after ``first`` (n >= 1)."""
    weeks, rest = divmod(_weekdays_through(first - 1) + n, 5)
    return 7 * weeks - 2 if rest == 0 else 7 * weeks + rest


def _us_of(t: datetime | time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * _US + t.microsecond


class WorkCalendar:
    def __init__(self, settings: DeadlineSettings = DEFAULT_SETTINGS, closures: Iterable[Closure] = ()) -> None:
        self.settings = settings
        self.tz = zone_for(settings.timezone)
        self.closures = tuple(sorted(closures, key=lambda c: (c.start, c.end)))
        self._periods = tuple((_us_of(a), _us_of(b)) for a, b in settings.working_periods)
        self._day_us = sum(b - a for a, b in self._periods)
        self._names: dict[int, str] = {}
        for closure in self.closures:
            for ordinal in range(closure.start.toordinal(), closure.end.toordinal() + 1):
                self._names.setdefault(ordinal, closure.name)
        # Weekdays that are off, sorted: closures always, holidays for the loaded years [_lo_year, _hi_year].
        self._off_set = {o for o in self._names if (o - 1) % 7 < 5}
        self._off = sorted(self._off_set)
        self._lo_year = 0
        self._hi_year = -1
        self._lo_ordinal = 1  # the loaded years as ordinals: the hot paths compare integers, not years
        self._hi_ordinal = 0
        self._midnights: dict[int, datetime] = {}

    # ---- days ---------------------------------------------------------------------------------------------

    def _load(self, first: int, last: int) -> None:
        if self._lo_ordinal <= first and last <= self._hi_ordinal:
            return
        lo, hi = date.fromordinal(first).year, date.fromordinal(last).year
        if self._hi_year >= self._lo_year:
            # Keep the loaded years contiguous so one comparison above answers "is this range known?".
            lo, hi = min(lo, self._lo_year), max(hi, self._hi_year)
        names, off_set = dict(self._names), set(self._off_set)
        for year in range(lo, hi + 1):
            for day, name in kr_holidays(year).items():
                ordinal = day.toordinal()
                names.setdefault(ordinal, name)
                if day.weekday() < 5:
                    off_set.add(ordinal)
        # One calendar may serve several server threads: build aside, then publish the data before the years,
        # so a reader that sees the new years also sees their holidays.
        self._names, self._off_set, self._off = names, off_set, sorted(off_set)
        self._lo_year, self._hi_year = lo, hi
        self._lo_ordinal, self._hi_ordinal = date(lo, 1, 1).toordinal(), date(hi, 12, 31).toordinal()

    def _count(self, first: int, last: int) -> int:
        if last < first:
            return 0
        self._load(first, last)
        weekdays = _weekdays_through(last) - _weekdays_through(first - 1)
        return weekdays - (bisect_right(self._off, last) - bisect_left(self._off, first))

    def _working(self, ordinal: int) -> bool:
        if (ordinal - 1) % 7 >= 5:
            return False
        if not self._lo_ordinal <= ordinal <= self._hi_ordinal:
            self._load(ordinal, ordinal)
        return ordinal not in self._off_set

    def _add_days(self, first: int, n: int) -> int:
        """Ordinal of the n-th working day on or after ``first``, counting ``first`` when it is one."""
        last = _nth_weekday(first, n)
        while True:
            counted = self._count(first, last)
            if counted == n:
                return last
            # Every weekday added here is at most one working day, so this never overshoots.
            last = _nth_weekday(last + 1, n - counted)

    def is_working_day(self, day: date) -> bool:
        return self._working(day.toordinal())

    def day_off_name(self, day: date) -> str | None:
        """Why ``day`` is not a working day ("설날", a closure's name, "토요일"), or None when it is one."""
        ordinal = day.toordinal()
        self._load(ordinal, ordinal)
        if ordinal in self._names:
            return self._names[ordinal]
        if day.weekday() >= 5:
            return "토요일" if day.weekday() == 5 else "일요일"
        return None

    def days_off_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Holidays and closures that fall on weekdays in [first, last], with their names."""
        a, b = first.toordinal(), last.toordinal()
        if b < a:
            return []
        self._load(a, b)
        found = self._off[bisect_left(self._off, a) : bisect_right(self._off, b)]
        return [(date.fromordinal(o), self._names[o]) for o in found]

    def count_working_days(self, first: date, last: date) -> int:
        """Working days in [first, last], both included."""
        return self._count(first.toordinal(), last.toordinal())

    def add_working_days(self, first: date, n: int) -> date:
        """The n-th working day on or after ``first`` (n >= 1), counting ``first`` when it is a working day."""
        if n < 1:
            raise DomainError("days", "일수는 1 이상이어야 합니다.", "The number of days must be at least 1.")
        return date.fromordinal(self._add_days(first.toordinal(), n))

    def next_working_day(self, day: date) -> date:
        """``day`` itself when it is a working day, else the first working day after it."""
        return date.fromordinal(self._add_days(day.toordinal(), 1))

    # ---- moments ------------------------------------------------------------------------------------------

    def localize(self, moment: datetime, field: str = "time") -> datetime:
        """The same instant in the office's time zone; a moment without a time zone is refused."""
        if moment.__class__ is datetime and moment.tzinfo is self.tz:
            return moment  # already local: every step inside a deadline computation passes here
        if not isinstance(moment, datetime):
            raise DomainError(
                field, "날짜와 시각이 필요합니다.", "A date and time is needed.", code="not_datetime"
            )
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise DomainError(
                field,
                f"시간대가 없는 시각은 쓸 수 없습니다: {moment.isoformat()} (예: +09:00을 붙이세요)",
                f"A time without a time zone is ambiguous: {moment.isoformat()} (add e.g. +09:00)",
                code="naive_datetime",
            )
        return moment.astimezone(self.tz)

    def _at(self, ordinal: int, us: int) -> datetime:
        midnight = self._midnights.get(ordinal)
        if midnight is None:
            midnight = datetime.combine(date.fromordinal(ordinal), time(0), tzinfo=self.tz)
            if len(self._midnights) < 100_000:  # bounded: a few centuries of days
                self._midnights[ordinal] = midnight
        return midnight + timedelta(microseconds=us)

    def end_of_day(self, day: date) -> datetime:
        return datetime.combine(day, self.settings.day_end, tzinfo=self.tz)

    def working_intervals(self, day: date) -> tuple[Span, ...]:
        """The working periods of ``day`` as aware moments; empty on a day off."""
        ordinal = day.toordinal()
        if not self._working(ordinal):
            return ()
        return tuple((self._at(ordinal, a), self._at(ordinal, b)) for a, b in self._periods)

    def _worked_before(self, ordinal: int, us: int) -> int:
        """Working microseconds of the day ``ordinal`` before ``us`` after midnight."""
        if not self._working(ordinal):
            return 0
        worked = 0
        for a, b in self._periods:  # a plain loop: this runs for nearly every step of a deadline
            if us <= a:
                break
            worked += (us if us < b else b) - a
        return worked

    def _at_worked(self, ordinal: int, worked: int) -> datetime:
        """The moment of a working day at which ``worked`` (0 < worked <= a full day) has been worked; a
        total that fills a period exactly ends at that period's end (12:00), not at the next start."""
        for a, b in self._periods:
            if worked <= b - a:
                return self._at(ordinal, a + worked)
            worked -= b - a
        return self._at(ordinal, self._periods[-1][1])

    def is_working_moment(self, moment: datetime) -> bool:
        t = self.localize(moment, "time")
        us = _us_of(t)
        return self._working(t.toordinal()) and any(a <= us < b for a, b in self._periods)

    def next_working_moment(self, moment: datetime) -> datetime:
        """``moment`` itself when the office is working then, else the start of the next working period.
        Periods are half-open: at 12:00 sharp the morning is over and the answer is 13:00."""
        t = self.localize(moment, "time")
        ordinal, us = t.toordinal(), _us_of(t)
        if self._working(ordinal):
            for a, b in self._periods:
                if us < b:
                    return t if us >= a else self._at(ordinal, a)
        return self._at(self._add_days(ordinal + 1, 1), self._periods[0][0])

    def merge_stops(self, stops: Iterable[TimeSpan]) -> list[Span]:
        """Stops in the office's time zone, sorted, overlapping or touching ones joined, empty ones dropped."""
        if isinstance(stops, tuple | list) and not stops:
            return []  # the usual case: no clock stops at all
        spans = sorted(
            (self.localize(s.start, "closed"), self.localize(s.end, "closed")) for s in stops if s.end > s.start
        )
        merged: list[Span] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                if end > merged[-1][1]:
                    merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return merged

    def _between_us(self, a: datetime, b: datetime) -> int:
        if b <= a:
            return 0
        da, db = a.toordinal(), b.toordinal()
        if da == db:
            return self._worked_before(db, _us_of(b)) - self._worked_before(da, _us_of(a))
        head = self._day_us - self._worked_before(da, _us_of(a)) if self._working(da) else 0
        return head + self._count(da + 1, db - 1) * self._day_us + self._worked_before(db, _us_of(b))

    def working_time_between(self, start: datetime, end: datetime, stops: Iterable[TimeSpan] = ()) -> timedelta:
        """Working time in [start, end) that the clock was running; zero when ``end`` is not after ``start``."""
        a, b = self.localize(start, "start"), self.localize(end, "end")
        total = self._between_us(a, b)
        for s, e in self.merge_stops(stops):
            total -= self._between_us(max(s, a), min(e, b))
        return timedelta(microseconds=total)

    def _add_plain(self, start: datetime, amount: int) -> datetime:
        t = self.next_working_moment(start)
        ordinal = t.toordinal()
        worked = self._worked_before(ordinal, _us_of(t))
        if worked + amount <= self._day_us:
            return self._at_worked(ordinal, worked + amount)
        rest = amount - (self._day_us - worked)
        whole_days = -(-rest // self._day_us)  # the working day on which the rest runs out, counted from 1
        target = self._add_days(ordinal + 1, whole_days)
        return self._at_worked(target, rest - (whole_days - 1) * self._day_us)

    def add_working_time(self, start: datetime, amount: timedelta, stops: Iterable[TimeSpan] = ()) -> datetime:
        """The moment at which ``amount`` of working time has run from ``start``, skipping the time inside
        ``stops`` exactly. A result that falls on the end of a working period stays there (18:00 Friday)
        rather than moving to the next start."""
        t = self.localize(start, "start")
        remaining = amount // timedelta(microseconds=1)
        if remaining <= 0:
            return t
        for s, e in self.merge_stops(stops):
            if e <= t:
                continue
            if s <= t:
                t = e
                continue
            candidate = self._add_plain(t, remaining)
            if candidate <= s:
                return candidate
            remaining -= self._between_us(t, s)
            t = e
        return self._add_plain(t, remaining)

    def add_working_hours(self, start: datetime, hours: float, stops: Iterable[TimeSpan] = ()) -> datetime:
        return self.add_working_time(start, timedelta(hours=hours), stops)
