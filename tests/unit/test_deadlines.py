"""Deadlines (처리기한) as a petitioner, an officer or a supervisor would see them (법 §19, 영 §6⑧ §13 §20 §21
§23, 국민 제안 규정 §10)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaints_desk.domain.calendar import Closure, WorkCalendar
from complaints_desk.domain.deadlines import (
    ClockStop,
    Counting,
    StopReason,
    TransferKind,
    deadline_stretches,
    due_at,
    is_overdue,
    period_for,
    progress_notice_dates,
    proposal_decision_due,
    registration_due_at,
    remaining_label,
    remaining_working_hours,
    rereview_window_end,
    transfer_due_at,
)
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.periods import Period, PeriodUnit
from complaints_desk.domain.work_settings import DeadlineSettings

SEOUL = ZoneInfo("Asia/Seoul")
CAL = WorkCalendar()
SEVEN_DAYS = Period.days(7)
THREE_HOURS = Period.hours(3)


def kst(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=SEOUL)


def end_of(y: int, m: int, d: int) -> datetime:
    return kst(y, m, d, 23, 59, 59)


def stop(start: datetime, end: datetime, reason: StopReason = StopReason.SUPPLEMENT) -> ClockStop:
    return ClockStop(start, end, reason)


# ---- the worked examples of docs/rules.md -------------------------------------------------------------------


def test_seven_day_complaint_matches_sinmungo() -> None:
    assert due_at(kst(2024, 12, 6, 10, 6, 58), SEVEN_DAYS, CAL) == end_of(2024, 12, 16)


def test_grievance_over_seollal() -> None:
    grievance = period_for(Kind.GRIEVANCE, None)
    assert due_at(kst(2026, 2, 13, 10), grievance, CAL) == end_of(2026, 2, 26)


def test_other_complaint_on_friday_afternoon_runs_into_monday() -> None:
    assert due_at(kst(2026, 7, 10, 16, 30), period_for(Kind.OTHER, None), CAL) == kst(2026, 7, 13, 10, 30)


def test_other_complaint_received_at_lunch_starts_at_one() -> None:
    assert due_at(kst(2026, 5, 12, 12, 30), THREE_HOURS, CAL) == kst(2026, 5, 12, 16)


# ---- receipt outside working time --------------------------------------------------------------------------


def test_a_day_period_counts_a_friday_receipt_at_2330_as_day_1() -> None:
    # 법 §19②, 첫날 산입: Fri 8/7 is day 1 whatever the hour; 8/8–8/9 weekend, 8/10–8/14 are days 2–6,
    # 8/15 광복절 (Sat), 8/16 Sun and 8/17 its substitute holiday are skipped, Tue 8/18 is day 7.
    inquiry = period_for(Kind.INQUIRY_PROCEDURE, None)
    assert due_at(kst(2026, 8, 7, 23, 30), inquiry, CAL) == end_of(2026, 8, 18)


def test_a_day_period_received_on_a_saturday_starts_on_monday() -> None:
    # Sat 8/8 is no working day, so day 1 is Mon 8/10; 8/10–8/14 are days 1–5, 8/15–8/17 are off
    # (광복절, Sunday, substitute holiday), Tue 8/18 is day 6 and Wed 8/19 day 7.
    assert due_at(kst(2026, 8, 8, 10), SEVEN_DAYS, CAL) == end_of(2026, 8, 19)
    assert due_at(kst(2026, 8, 8, 23, 30), SEVEN_DAYS, CAL) == end_of(2026, 8, 19)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (kst(2026, 3, 7, 11), end_of(2026, 3, 17)),  # Saturday: Monday 3/9 is day 1
        (kst(2026, 5, 25, 10), end_of(2026, 6, 4)),  # substitute holiday, then 6/3 election skipped
        # Friday evening: Friday is still day 1 (법 §19②); it used to start on Monday and end 7/22.
        (kst(2026, 7, 10, 19), end_of(2026, 7, 21)),
        (kst(2026, 7, 10, 8), end_of(2026, 7, 21)),  # before opening: Friday still counts
        (kst(2026, 7, 10, 12, 30), end_of(2026, 7, 21)),  # at lunch: Friday still counts
        (kst(2026, 7, 10, 0, 0), end_of(2026, 7, 21)),  # at midnight: Friday still counts
    ],
)
def test_day_periods_count_the_day_of_receipt_whatever_the_hour(received: datetime, due: datetime) -> None:
    assert due_at(received, SEVEN_DAYS, CAL) == due


def test_short_periods_still_start_at_the_next_working_hour() -> None:
    # 법 §19①: five days or less run in working hours, so a Friday 23:30 receipt starts Monday 09:00;
    # 40 working hours later is Friday 18:00 (8/10–8/14, none of them a holiday).
    assert due_at(kst(2026, 8, 7, 23, 30), Period.days(5), CAL) == kst(2026, 8, 14, 18)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (kst(2026, 7, 16, 19), kst(2026, 7, 20, 12)),  # 제헌절 Friday; 3 h from 09:00 ends at noon
        (kst(2026, 4, 30, 17), kst(2026, 5, 4, 11)),  # 노동절
        (kst(2026, 6, 2, 17), kst(2026, 6, 4, 11)),  # local election day
        (kst(2026, 2, 27, 17), kst(2026, 3, 3, 11)),  # 삼일절 substitute Monday
        (kst(2026, 5, 22, 17), kst(2026, 5, 26, 11)),  # 부처님오신날 substitute Monday
        (kst(2026, 8, 14, 17), kst(2026, 8, 18, 11)),  # 광복절 substitute Monday
        (kst(2026, 10, 2, 17), kst(2026, 10, 6, 11)),  # 개천절 substitute Monday
        (kst(2026, 9, 23, 16), kst(2026, 9, 28, 10)),  # 추석 Thursday–Saturday
    ],
)
def test_hour_periods_skip_holidays(received: datetime, due: datetime) -> None:
    assert due_at(received, THREE_HOURS, CAL) == due


def test_receipt_in_another_time_zone_is_read_in_seoul() -> None:
    assert due_at(datetime(2026, 7, 10, 7, 30, tzinfo=UTC), THREE_HOURS, CAL) == kst(2026, 7, 13, 10, 30)


def test_receipt_without_a_time_zone_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        due_at(datetime(2026, 7, 10, 16, 30), THREE_HOURS, CAL)
    assert err.value.field == "received_at"


# ---- short periods in hours, long ones in days -------------------------------------------------------------


def test_three_day_statutory_period_is_24_working_hours() -> None:
    assert due_at(kst(2026, 5, 21, 14, 30), period_for(Kind.STATUTORY, 3), CAL) == kst(2026, 5, 27, 14, 30)


def test_five_days_run_in_hours_and_six_days_in_whole_days() -> None:
    assert due_at(kst(2026, 7, 6, 10), Period.days(5), CAL) == kst(2026, 7, 13, 10)
    assert due_at(kst(2026, 7, 6, 10), Period.days(6), CAL) == end_of(2026, 7, 13)


def test_closures_push_deadlines() -> None:
    closed = WorkCalendar(closures=[Closure(date(2026, 2, 19), date(2026, 2, 20), "전산 이전")])
    assert due_at(kst(2026, 2, 13, 10), SEVEN_DAYS, closed) == end_of(2026, 3, 3)
    assert due_at(kst(2026, 2, 13, 16), THREE_HOURS, closed) == kst(2026, 2, 23, 10)


# ---- extensions (영 §21) -------------------------------------------------------------------------------------


def test_extensions_lengthen_the_period_in_its_own_unit() -> None:
    received = kst(2026, 2, 13, 10)
    assert due_at(received, SEVEN_DAYS, CAL, extensions=[Period.days(7)]) == end_of(2026, 3, 10)
    assert due_at(received, SEVEN_DAYS, CAL, extensions=[Period.days(7)] * 2) == end_of(2026, 3, 19)
    assert due_at(kst(2026, 7, 10, 16, 30), THREE_HOURS, CAL, extensions=[Period.hours(2)]) == kst(
        2026, 7, 13, 13, 30
    )


def test_a_grievance_extended_twice_continues_from_each_due_day() -> None:
    # Received Fri 2/13: 2/13 is day 1, 2/14–2/15 weekend, 2/16–2/18 설, 2/19–2/26 days 2–7 (weekend 2/21–22):
    # due Thu 2/26. First extension, 5 days: day 1 is Fri 2/27, 2/28–3/1 weekend (삼일절 on the Sunday),
    # 3/2 its substitute holiday, 3/3–3/6 days 2–5: due Fri 3/6. Second extension (with consent), 7 days:
    # day 1 is Mon 3/9, 3/9–3/13 days 1–5, 3/14–15 weekend, 3/16–3/17 days 6–7: due Tue 3/17.
    grievance = period_for(Kind.GRIEVANCE, None)
    received = kst(2026, 2, 13, 10)
    assert due_at(received, grievance, CAL) == end_of(2026, 2, 26)
    assert due_at(received, grievance, CAL, extensions=[Period.days(5)]) == end_of(2026, 3, 6)
    twice = deadline_stretches(received, grievance, CAL, extensions=[Period.days(5), Period.days(7)])
    assert [s.begins.date() for s in twice] == [date(2026, 2, 13), date(2026, 2, 27), date(2026, 3, 9)]
    assert [s.due for s in twice] == [end_of(2026, 2, 26), end_of(2026, 3, 6), end_of(2026, 3, 17)]
    assert [s.counting for s in twice] == [Counting.WORKING_DAYS] * 3


def test_a_short_extension_of_a_day_period_is_counted_in_days_not_hours() -> None:
    # 영 §21: counted like the 7-day original. Due Thu 2/26; 3 more working days are 2/27, 3/3, 3/4
    # (3/2 is the 삼일절 substitute holiday), so Wed 3/4 at the end of the day, not 24 working hours later.
    extended = due_at(kst(2026, 2, 13, 10), SEVEN_DAYS, CAL, extensions=[Period.days(3)])
    assert extended == end_of(2026, 3, 4)


def test_a_three_day_statutory_period_is_extended_by_working_hours() -> None:
    # 3 days = 24 working hours (법 §19①): Thu 5/21 14:30 → Wed 5/27 14:30 (5/23–5/25 weekend and the
    # 부처님오신날 substitute holiday). Extended by 3 days, 24 more working hours from 5/27 14:30: 5/28 14:30
    # (8 h), 5/29 14:30 (16 h), weekend, Mon 6/1 14:30 (24 h). Counting 3 + 3 = 6 days together would have
    # switched to a day count and given Fri 5/29 23:59:59.
    statutory = period_for(Kind.STATUTORY, 3)
    received = kst(2026, 5, 21, 14, 30)
    assert due_at(received, statutory, CAL, extensions=[Period.days(3)]) == kst(2026, 6, 1, 14, 30)
    # A second extension of 2 days (16 h) runs on from 6/1 14:30: 6/2 14:30, 6/3 is election day, 6/4 14:30.
    assert due_at(received, statutory, CAL, extensions=[Period.days(3), Period.days(2)]) == kst(2026, 6, 4, 14, 30)


def test_an_extension_of_an_hour_period_ending_at_six_starts_the_next_morning() -> None:
    # Fri 7/10 15:00 + 3 h = 18:00 Friday; 2 more working hours run from Mon 7/13 09:00 to 11:00.
    assert due_at(kst(2026, 7, 10, 15), THREE_HOURS, CAL, extensions=[Period.hours(2)]) == kst(2026, 7, 13, 11)


def test_an_extension_extends_the_due_moment_after_a_clock_stop() -> None:
    # Day count: the supplement from Thu 2/19 15:00 to Mon 2/23 10:00 takes out 2/19, 2/20 and 2/23, so the
    # 7 days end Wed 3/4 (3/2 is a holiday); a 7-day extension counts from Thu 3/5: 3/5, 3/6, 3/9–3/13 → 3/13.
    supplement = stop(kst(2026, 2, 19, 15), kst(2026, 2, 23, 10))
    received = kst(2026, 2, 13, 10)
    assert due_at(received, SEVEN_DAYS, CAL, [supplement]) == end_of(2026, 3, 4)
    assert due_at(received, SEVEN_DAYS, CAL, [supplement], [Period.days(7)]) == end_of(2026, 3, 13)
    # Working hours: a 3-day statutory period from Thu 5/21 14:30 with the clock stopped Fri 5/22 10:00–14:00
    # (3 working hours; lunch was never counted) is due Wed 5/27 17:30; the 3-day extension adds 24 working
    # hours from there: Mon 6/1 17:30.
    statutory = period_for(Kind.STATUTORY, 3)
    hours_stop = stop(kst(2026, 5, 22, 10), kst(2026, 5, 22, 14))
    received = kst(2026, 5, 21, 14, 30)
    assert due_at(received, statutory, CAL, [hours_stop]) == kst(2026, 5, 27, 17, 30)
    assert due_at(received, statutory, CAL, [hours_stop], [Period.days(3)]) == kst(2026, 6, 1, 17, 30)


def test_a_stop_during_the_extension_is_not_counted_either() -> None:
    # Due Thu 2/26, extended 7 days from Fri 2/27; a supplement on Tue 3/3 takes that day out, so the
    # extension's days are 2/27, 3/4, 3/5, 3/6, 3/9, 3/10, 3/11 → Wed 3/11.
    supplement = stop(kst(2026, 3, 3, 10), kst(2026, 3, 3, 11))
    assert due_at(kst(2026, 2, 13, 10), SEVEN_DAYS, CAL, [supplement], [Period.days(7)]) == end_of(2026, 3, 11)


def test_a_month_extension_starts_the_day_after_the_due_day() -> None:
    # One month from 5/1 ends Sun 5/31 → Mon 6/1; the extension's 기산일 is Tue 6/2, so it ends 7/1.
    proposal = period_for(Kind.PROPOSAL, None)
    assert due_at(kst(2026, 4, 30, 10), proposal, CAL, extensions=[Period.months(1)]) == end_of(2026, 7, 1)


def test_a_third_extension_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        due_at(kst(2026, 2, 13, 10), SEVEN_DAYS, CAL, extensions=[Period.days(7)] * 3)
    assert err.value.code == "too_many_extensions"
    assert "세 번째" in err.value.ko and "third" in err.value.en


def test_an_extension_longer_than_the_original_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        due_at(kst(2026, 2, 13, 10), SEVEN_DAYS, CAL, extensions=[Period.days(8)])
    assert err.value.code == "extension_too_long"


def test_an_extension_in_another_unit_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        due_at(kst(2026, 7, 10, 16, 30), THREE_HOURS, CAL, extensions=[Period.days(1)])
    assert err.value.code == "extension_unit"


# ---- clock stops (영 §20) ------------------------------------------------------------------------------------


def test_hour_periods_skip_stopped_working_time_exactly() -> None:
    received = kst(2026, 5, 12, 10)
    assert due_at(received, THREE_HOURS, CAL) == kst(2026, 5, 12, 14)
    # 11:00–14:00 holds two working hours (lunch was never counted): the case is due two hours later.
    assert due_at(received, THREE_HOURS, CAL, [stop(kst(2026, 5, 12, 11), kst(2026, 5, 12, 14))]) == kst(
        2026, 5, 12, 16
    )


def test_a_stop_over_the_due_moment_resumes_the_next_day() -> None:
    supplement = stop(kst(2026, 5, 12, 10, 30), kst(2026, 5, 13, 10, 30))
    assert due_at(kst(2026, 5, 12, 10), THREE_HOURS, CAL, [supplement]) == kst(2026, 5, 13, 14)


def test_stops_outside_working_time_or_before_receipt_change_nothing() -> None:
    night = stop(kst(2026, 2, 19, 19), kst(2026, 2, 20, 8))
    lunch = stop(kst(2026, 2, 19, 12, 10), kst(2026, 2, 19, 12, 50))
    before = stop(kst(2026, 2, 12, 9), kst(2026, 2, 13, 9, 30))
    received = kst(2026, 2, 13, 10)
    assert due_at(received, SEVEN_DAYS, CAL, [night, lunch, before]) == end_of(2026, 2, 26)
    assert due_at(kst(2026, 2, 19, 17), THREE_HOURS, CAL, [night]) == kst(2026, 2, 20, 11)


def test_day_periods_leave_out_every_working_day_the_clock_stood_still() -> None:
    # Stopped from Thursday 15:00 to Monday 10:00: Thursday, Friday and Monday are not counted.
    supplement = stop(kst(2026, 2, 19, 15), kst(2026, 2, 23, 10))
    assert due_at(kst(2026, 2, 13, 10), SEVEN_DAYS, CAL, [supplement]) == end_of(2026, 3, 4)


def test_leaving_out_only_wholly_stopped_days_is_a_setting() -> None:
    whole_days = WorkCalendar(DeadlineSettings(stop_excludes_touched_days=False))
    supplement = stop(kst(2026, 2, 19, 15), kst(2026, 2, 23, 10))
    assert due_at(kst(2026, 2, 13, 10), SEVEN_DAYS, whole_days, [supplement]) == end_of(2026, 2, 27)


def test_overlapping_stops_are_not_counted_twice() -> None:
    one = stop(kst(2026, 2, 19, 9), kst(2026, 2, 20, 18), StopReason.SITE_INSPECTION)
    other = stop(kst(2026, 2, 20, 10), kst(2026, 2, 20, 11), StopReason.OUTAGE)
    assert due_at(kst(2026, 2, 13, 10), SEVEN_DAYS, CAL, [one, other]) == end_of(2026, 3, 3)


def test_a_stop_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        stop(kst(2026, 2, 20, 10), kst(2026, 2, 19, 10))
    assert err.value.field == "closed"


def test_stop_reasons_are_read_from_their_codes() -> None:
    assert ClockStop(kst(2026, 2, 19), kst(2026, 2, 20), "outside_opinion").reason is StopReason.OUTSIDE_OPINION  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        ClockStop(kst(2026, 2, 19), kst(2026, 2, 20), "coffee")  # type: ignore[arg-type]


# ---- proposals: one month by the Civil Act ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (kst(2026, 3, 31, 10), end_of(2026, 4, 30)),  # initial day not counted; ends the day before 5/1
        (kst(2026, 4, 30, 10), end_of(2026, 6, 1)),  # runs from 5/1 to 5/31, a Sunday → Monday
        (kst(2026, 1, 30, 10), end_of(2026, 3, 3)),  # no 2/31: ends 2/28 (Sat), then 3/1 and 3/2 off
        (kst(2026, 1, 15, 10), end_of(2026, 2, 19)),  # 2/15 is a Sunday, then 설
        (kst(2026, 4, 1, 10), end_of(2026, 5, 4)),  # ends 5/1 노동절 → Monday 5/4
        (kst(2028, 1, 30, 10), end_of(2028, 2, 29)),  # leap year
        (kst(2026, 12, 15, 10), end_of(2027, 1, 15)),  # across the year
        (kst(2026, 4, 30, 0, 0), end_of(2026, 5, 29)),  # begins at 00:00, so the initial day counts
    ],
)
def test_proposal_decision_within_one_month(received: datetime, due: datetime) -> None:
    assert proposal_decision_due(received, CAL) == due


def test_outside_opinions_do_not_count_against_the_proposal_month() -> None:
    opinion = stop(kst(2026, 4, 10), kst(2026, 4, 17), StopReason.OUTSIDE_OPINION)  # seven calendar days
    assert proposal_decision_due(kst(2026, 4, 1, 10), CAL, [opinion]) == end_of(2026, 5, 8)


def test_rereview_window_is_fifteen_days_after_the_decision() -> None:
    assert rereview_window_end(kst(2026, 7, 1, 15)) == end_of(2026, 7, 16)
    assert rereview_window_end(kst(2026, 5, 19, 15), CAL) == end_of(2026, 6, 4)  # 6/3 is election day


# ---- transfers, registration, progress notices ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "far", "start", "due"),
    [
        (TransferKind.COUNTER_TO_DEPARTMENT, False, kst(2026, 5, 12, 17, 30), kst(2026, 5, 13, 9, 30)),
        (TransferKind.COUNTER_TO_DEPARTMENT, True, kst(2026, 5, 12, 17, 30), kst(2026, 5, 13, 11, 30)),
        (TransferKind.MISROUTED_INTERNAL, False, kst(2026, 7, 10, 16, 30), kst(2026, 7, 13, 10, 30)),
        (TransferKind.OTHER_AGENCY, False, kst(2026, 7, 16, 10), kst(2026, 7, 20, 10)),
    ],
)
def test_transfer_clocks(kind: TransferKind, far: bool, start: datetime, due: datetime) -> None:
    assert transfer_due_at(start, kind, CAL, far=far) == due
    assert transfer_due_at(start, kind.value, CAL, far=far) == due


def test_unknown_transfer_kind_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        transfer_due_at(kst(2026, 7, 16, 10), "teleport", CAL)
    assert err.value.field == "transfer_kind"


def test_online_filings_are_registered_within_eight_working_hours() -> None:
    assert registration_due_at(kst(2026, 9, 23, 14), CAL) == kst(2026, 9, 28, 14)  # over 추석
    assert registration_due_at(kst(2026, 9, 26, 3), CAL) == kst(2026, 9, 28, 18)


def test_progress_notices_every_thirty_days_while_open() -> None:
    received = kst(2026, 1, 10, 15)
    assert progress_notice_dates(received, kst(2026, 4, 15)) == [
        date(2026, 2, 9),
        date(2026, 3, 11),
        date(2026, 4, 10),
    ]
    assert progress_notice_dates(received, kst(2026, 2, 8, 23)) == []
    assert progress_notice_dates(received, kst(2026, 2, 9, 0, 1)) == [date(2026, 2, 9)]


# ---- periods of kinds ------------------------------------------------------------------------------------------


def test_periods_of_kinds() -> None:
    assert period_for(Kind.GRIEVANCE, None) == Period.days(7)
    assert period_for(Kind.INQUIRY_LAW, None) == Period.days(14)
    assert period_for(Kind.OTHER, None) == Period.hours(3)
    assert period_for(Kind.PROPOSAL, None) == Period(1, PeriodUnit.MONTHS)
    assert period_for(Kind.STATUTORY, 20) == Period.days(20)


@pytest.mark.parametrize(("kind", "days"), [(Kind.STATUTORY, None), (Kind.STATUTORY, 0), (Kind.GRIEVANCE, 3)])
def test_days_only_and_always_for_statutory_applications(kind: Kind, days: int | None) -> None:
    with pytest.raises(DomainError) as err:
        period_for(kind, days)
    assert err.value.field == "days"


# ---- queue helpers ---------------------------------------------------------------------------------------------


def test_remaining_time_for_a_queue() -> None:
    due = kst(2026, 7, 13, 10, 30)
    friday = kst(2026, 7, 10, 17)
    assert remaining_working_hours(friday, due, CAL) == 2.5
    assert remaining_label(friday, due, CAL) == "2시간 30분 남음"
    assert remaining_label(friday, due, CAL, "en") == "2 h 30 min left"
    assert remaining_label(kst(2026, 7, 13, 10), due, CAL) == "30분 남음"
    late = kst(2026, 7, 13, 13, 30)
    assert is_overdue(due, late) and not is_overdue(due, due)
    assert remaining_working_hours(late, due, CAL) == -2.0
    assert remaining_label(late, due, CAL) == "기한 지남 (2시간)"


def test_after_hours_on_the_last_day_nothing_is_left_but_it_is_not_overdue() -> None:
    due = end_of(2026, 2, 26)
    evening = kst(2026, 2, 26, 20)
    assert remaining_working_hours(evening, due, CAL) == 0
    assert not is_overdue(due, evening)
    assert is_overdue(due, kst(2026, 2, 27, 0, 0, 0))


# ---- properties -------------------------------------------------------------------------------------------------

receipts = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2031, 12, 31), timezones=st.just(SEOUL))
periods = st.one_of(
    st.builds(Period.hours, st.integers(1, 48)),
    st.builds(Period.days, st.integers(1, 40)),
    st.builds(Period.months, st.integers(1, 3)),
)


def _stops(received: datetime) -> st.SearchStrategy[list[ClockStop]]:
    offsets = st.tuples(st.integers(-3 * 24 * 60, 30 * 24 * 60), st.integers(0, 6 * 24 * 60))
    return st.lists(offsets, max_size=3).map(
        lambda pairs: [
            stop(received + timedelta(minutes=a), received + timedelta(minutes=a + length)) for a, length in pairs
        ]
    )


@settings(deadline=None, max_examples=300)
@given(received=receipts, period=periods)
def test_due_is_never_before_receipt(received: datetime, period: Period) -> None:
    assert due_at(received, period, CAL) > received


@settings(deadline=None, max_examples=300)
@given(received=receipts, period=periods)
def test_a_longer_period_is_never_due_earlier(received: datetime, period: Period) -> None:
    longer = Period(period.amount + 1, period.unit)
    assert due_at(received, period, CAL) < due_at(received, longer, CAL)


@settings(deadline=None, max_examples=300)
@given(
    received=receipts,
    period=periods,
    offset=st.integers(-10, 60),
    length=st.integers(0, 9),
)
def test_a_closure_never_makes_a_deadline_earlier(
    received: datetime, period: Period, offset: int, length: int
) -> None:
    first = received.date() + timedelta(days=offset)
    closed = WorkCalendar(closures=[Closure(first, first + timedelta(days=length))])
    assert due_at(received, period, closed) >= due_at(received, period, CAL)


@settings(deadline=None, max_examples=300)
@given(data=st.data(), received=receipts, period=periods)
def test_a_clock_stop_never_makes_a_deadline_earlier(
    data: st.DataObject, received: datetime, period: Period
) -> None:
    stops = data.draw(_stops(received))
    assert due_at(received, period, CAL, stops) >= due_at(received, period, CAL)


@settings(deadline=None, max_examples=300)
@given(data=st.data(), received=receipts, hours=st.integers(1, 40))
def test_hour_periods_end_inside_working_hours_after_exactly_that_much_work(
    data: st.DataObject, received: datetime, hours: int
) -> None:
    stops = data.draw(_stops(received))
    due = due_at(received, Period.hours(hours), CAL, stops)
    assert CAL.is_working_day(due.date())
    assert time(9) < due.time() <= time(12) or time(13) < due.time() <= time(18)
    assert CAL.working_time_between(received, due, stops) == timedelta(hours=hours)


@settings(deadline=None, max_examples=200)
@given(received=receipts, days=st.integers(6, 40))
def test_day_periods_end_at_the_end_of_a_working_day(received: datetime, days: int) -> None:
    due = due_at(received, Period.days(days), CAL)
    assert due.time() == time(23, 59, 59)
    assert CAL.is_working_day(due.date())
    first = CAL.next_working_day(received.date())  # 법 §19②: the day of receipt, whatever the hour
    assert CAL.count_working_days(first, due.date()) == days
