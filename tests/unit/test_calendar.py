"""The working calendar: which days and hours count (법 §19, 관공서의 공휴일에 관한 규정)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaints_desk.domain.calendar import Closure, WorkCalendar
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.work_settings import DeadlineSettings

SEOUL = ZoneInfo("Asia/Seoul")
CAL = WorkCalendar()


def kst(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("day", "name_part"),
    [
        (date(2026, 3, 2), "삼일절 대체"),
        (date(2026, 5, 25), "부처님오신날 대체"),
        (date(2026, 8, 17), "광복절 대체"),
        (date(2026, 10, 5), "개천절 대체"),
        (date(2026, 5, 1), "노동절"),
        (date(2026, 7, 17), "제헌절"),
        (date(2026, 6, 3), "지방선거"),
        (date(2026, 2, 16), "설날"),
        (date(2026, 2, 17), "설날"),
        (date(2026, 2, 18), "설날"),
        (date(2024, 12, 25), "기독탄신일"),
    ],
)
def test_public_and_substitute_holidays_are_not_working_days(day: date, name_part: str) -> None:
    assert day.weekday() < 5, "the interesting case is a holiday on a weekday"
    assert not CAL.is_working_day(day)
    assert name_part in (CAL.day_off_name(day) or "")


@pytest.mark.parametrize(
    "day", [date(2026, 3, 3), date(2026, 5, 26), date(2026, 7, 16), date(2026, 2, 19), date(2024, 12, 6)]
)
def test_ordinary_weekdays_next_to_holidays_are_working_days(day: date) -> None:
    assert CAL.is_working_day(day)
    assert CAL.day_off_name(day) is None


def test_weekends_are_days_off() -> None:
    assert not CAL.is_working_day(date(2026, 7, 11))
    assert not CAL.is_working_day(date(2026, 7, 12))
    assert CAL.day_off_name(date(2026, 7, 11)) == "토요일"
    assert CAL.day_off_name(date(2026, 7, 12)) == "일요일"


def test_closures_are_whole_days_off_including_their_last_day() -> None:
    moving = WorkCalendar(closures=[Closure(date(2026, 5, 4), date(2026, 5, 6), "청사 이전")])
    assert CAL.is_working_day(date(2026, 5, 4)), "without the closure the Monday is a working day"
    assert not moving.is_working_day(date(2026, 5, 4))
    assert not moving.is_working_day(date(2026, 5, 6))
    assert moving.is_working_day(date(2026, 5, 7))
    assert moving.day_off_name(date(2026, 5, 6)) == "청사 이전"
    assert moving.days_off_between(date(2026, 5, 1), date(2026, 5, 8)) == [
        (date(2026, 5, 1), "노동절"),
        (date(2026, 5, 4), "청사 이전"),
        (date(2026, 5, 5), "청사 이전"),
        (date(2026, 5, 6), "청사 이전"),
    ]


def test_a_closure_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        Closure(date(2026, 5, 6), date(2026, 5, 4))
    assert err.value.field == "closure"


def test_counting_working_days() -> None:
    assert CAL.count_working_days(date(2026, 2, 1), date(2026, 2, 28)) == 17  # 20 weekdays less 설 (3)
    assert CAL.count_working_days(date(2026, 1, 1), date(2026, 12, 31)) == 245  # 261 weekdays less 16
    assert CAL.count_working_days(date(2025, 12, 29), date(2026, 1, 2)) == 4  # across New Year's Day
    assert CAL.count_working_days(date(2026, 3, 1), date(2026, 2, 1)) == 0


def test_adding_working_days_counts_the_first_day_only_when_it_is_a_working_day() -> None:
    assert CAL.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 13)
    assert CAL.add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 19)
    assert CAL.add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 19)
    assert CAL.next_working_day(date(2026, 9, 24)) == date(2026, 9, 28)  # 추석 then a weekend


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (kst(2026, 5, 12, 11, 59, 59), kst(2026, 5, 12, 11, 59, 59)),
        (kst(2026, 5, 12, 12, 0), kst(2026, 5, 12, 13, 0)),  # lunch starts at 12:00 sharp
        (kst(2026, 5, 12, 7, 15), kst(2026, 5, 12, 9, 0)),
        (kst(2026, 7, 10, 18, 0), kst(2026, 7, 13, 9, 0)),  # Friday evening → Monday
        (kst(2026, 7, 11, 10, 0), kst(2026, 7, 13, 9, 0)),
        (kst(2026, 2, 13, 19, 0), kst(2026, 2, 19, 9, 0)),  # across 설
        (kst(2026, 7, 16, 23, 0), kst(2026, 7, 20, 9, 0)),  # 제헌절 Friday
    ],
)
def test_next_working_moment(moment: datetime, expected: datetime) -> None:
    assert CAL.next_working_moment(moment) == expected
    assert CAL.is_working_moment(CAL.next_working_moment(moment))


def test_working_intervals_of_a_day() -> None:
    assert CAL.working_intervals(date(2026, 5, 12)) == (
        (kst(2026, 5, 12, 9), kst(2026, 5, 12, 12)),
        (kst(2026, 5, 12, 13), kst(2026, 5, 12, 18)),
    )
    assert CAL.working_intervals(date(2026, 5, 25)) == ()


def test_working_time_that_fills_a_period_ends_at_its_end_not_at_the_next_start() -> None:
    assert CAL.add_working_hours(kst(2026, 7, 10, 15), 3) == kst(2026, 7, 10, 18)
    assert CAL.add_working_hours(kst(2026, 7, 10, 9), 8) == kst(2026, 7, 10, 18)
    assert CAL.add_working_hours(kst(2026, 7, 10, 9), 3) == kst(2026, 7, 10, 12)
    assert CAL.add_working_hours(kst(2026, 7, 10, 9), 8.5) == kst(2026, 7, 13, 9, 30)


def test_working_time_between_skips_nights_weekends_and_lunch() -> None:
    assert CAL.working_time_between(kst(2026, 7, 10, 16, 30), kst(2026, 7, 13, 10, 30)) == timedelta(hours=3)
    assert CAL.working_time_between(kst(2026, 5, 12, 11), kst(2026, 5, 12, 14)) == timedelta(hours=2)
    assert CAL.working_time_between(kst(2026, 5, 12, 14), kst(2026, 5, 12, 11)) == timedelta(0)


def test_a_moment_without_a_time_zone_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        CAL.next_working_moment(datetime(2026, 5, 12, 10))
    assert err.value.code == "naive_datetime"


def test_moments_in_other_time_zones_are_read_in_seoul() -> None:
    # 00:30 UTC is 09:30 in Seoul: inside working hours, so it is its own next working moment.
    assert CAL.next_working_moment(datetime(2026, 5, 12, 0, 30, tzinfo=UTC)) == kst(2026, 5, 12, 9, 30)


def test_other_office_hours_are_a_setting() -> None:
    long_day = WorkCalendar(DeadlineSettings(working_periods=((time(8), time(17)),)))
    assert long_day.add_working_hours(kst(2026, 7, 10, 16), 3) == kst(2026, 7, 13, 10)
    assert long_day.next_working_moment(kst(2026, 7, 13, 12, 30)) == kst(2026, 7, 13, 12, 30)


def test_overlapping_office_hours_are_refused() -> None:
    with pytest.raises(DomainError) as err:
        DeadlineSettings(working_periods=((time(9), time(13)), (time(12), time(18))))
    assert err.value.field == "working_periods"


# ---- properties against an independent oracle: the holidays package and a plain day-by-day walk --------

_KR = holidays.country_holidays("KR", years=range(2019, 2033))


def _oracle_working(day: date) -> bool:
    return day.weekday() < 5 and day not in _KR


days_2020s = st.dates(min_value=date(2020, 1, 1), max_value=date(2031, 12, 31))


@settings(deadline=None, max_examples=200)
@given(first=days_2020s, span=st.integers(min_value=0, max_value=400))
def test_count_of_working_days_matches_a_day_by_day_walk(first: date, span: int) -> None:
    last = first + timedelta(days=span)
    walk = sum(_oracle_working(first + timedelta(days=i)) for i in range(span + 1))
    assert CAL.count_working_days(first, last) == walk


@settings(deadline=None, max_examples=200)
@given(first=days_2020s, n=st.integers(min_value=1, max_value=60))
def test_adding_n_working_days_lands_on_the_nth_working_day(first: date, n: int) -> None:
    day, seen = first, 0
    while True:
        seen += _oracle_working(day)
        if seen == n:
            break
        day += timedelta(days=1)
    assert CAL.add_working_days(first, n) == day
