"""How this office reads the deadline rules (처리기한): the points that docs/rules.md marks "(our reading)".

The law fixes the periods; it does not fix office hours, what "the end of the day" is, or how a clock stop
that covers part of a day shortens a period counted in whole days. Those are readings, so they live here as
settings with the defaults we chose, and the administrator can change them without a code change.

What the law does settle is not a setting: a period of six days or more counts the day of receipt as day 1
when it is a working day, whatever the hour (법 §19②, 첫날 산입), and an extension is counted like the period
it extends, from its due moment (영 §21).

Month periods (국민 제안 규정 §10: a proposal is decided "within one month") follow the Civil Act, which
governs periods in public law unless a law says otherwise (민법 §155):

- §157: the initial day is not counted, so a month runs from the day after receipt (기산일) — except when the
  period begins at exactly 00:00, then that day counts.
- §160②③: the period ends on the day before the day that corresponds to the 기산일 in the last month, or on
  that month's last day when it has no such day. Received 2026-04-30 → 기산일 05-01 → ends 05-31;
  received 2026-01-30 → 기산일 01-31 → February has no 31st → ends 02-28.
- §161: an end falling on a Saturday or public holiday moves to the next day; we move it to the next working
  day (Sundays and administrator closures included), since the office cannot decide on a day it is shut.
- The case is due at ``day_end`` of that day.

Clock stops (영 §20: supplement, site inspection, outage, outside opinion) on periods counted in **days**:
a stop is measured in whole days, because the period is. With ``stop_excludes_touched_days`` (default) a
working day is left out of the count when the clock stood still during *any* of its working hours, so the
office is never short-changed by a stop that began in the afternoon. Set it to False to leave out only the
working days whose working hours were stopped *entirely*. A stop that covers no working time changes
nothing either way. Month periods apply the same rule to calendar days (any part of the day / the whole day).
Periods counted in hours skip the stopped working time exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from .errors import DomainError

WorkingPeriods = tuple[tuple[time, time], ...]

DEFAULT_WORKING_PERIODS: WorkingPeriods = ((time(9, 0), time(12, 0)), (time(13, 0), time(18, 0)))


@dataclass(frozen=True)
class DeadlineSettings:
    timezone: str = "Asia/Seoul"
    # Office hours in which hour-counted periods run; lunch is the gap between the two periods.
    working_periods: WorkingPeriods = DEFAULT_WORKING_PERIODS
    # 법 §19①: one day of a short period is 8 working hours.
    hours_per_day: int = 8
    # 법 §19①: periods of this many days or fewer run in working hours from the moment of receipt, and one
    # received outside working hours starts at the next working hour; longer ones count days (법 §19②).
    max_days_counted_in_hours: int = 5
    # What "the end of the last day" is shown as.
    day_end: time = time(23, 59, 59)
    # See the module docstring: how a clock stop shortens a period counted in days or months.
    stop_excludes_touched_days: bool = True
    # 영 §13 transfer clocks, in working hours.
    transfer_counter_to_department_hours: int = 1
    transfer_counter_to_department_far_hours: int = 3
    transfer_misrouted_internal_hours: int = 3
    transfer_other_agency_hours: int = 8
    # 영 §6⑧: online filings are registered within 8 working hours of arrival.
    online_registration_hours: int = 8
    # 영 §23: a progress notice every 30 calendar days while the case is open.
    progress_notice_interval_days: int = 30
    # 국민 제안 규정 §10, counted by the Civil Act as described above.
    proposal_decision_months: int = 1
    # 제안 re-review: the proposer may ask within 15 days of the rejection, counted like a month period
    # (initial day not counted, an end on a non-working day moves to the next working day).
    rereview_window_days: int = 15
    # 민법 §161: move an end that falls on a day off to the next working day.
    period_end_moves_to_working_day: bool = True

    def __post_init__(self) -> None:
        if not self.working_periods:
            _bad(
                "working_periods", "근무시간이 하나 이상 있어야 합니다.", "At least one working period is needed."
            )
        previous_end: time | None = None
        for start, end in self.working_periods:
            if start >= end or (previous_end is not None and start < previous_end):
                _bad(
                    "working_periods",
                    "근무시간은 시작이 끝보다 앞서고, 시간순으로 겹치지 않아야 합니다.",
                    "Working periods must start before they end, in order, without overlapping.",
                )
            previous_end = end
        for name in (
            "hours_per_day",
            "transfer_counter_to_department_hours",
            "transfer_counter_to_department_far_hours",
            "transfer_misrouted_internal_hours",
            "transfer_other_agency_hours",
            "online_registration_hours",
            "progress_notice_interval_days",
            "proposal_decision_months",
            "rereview_window_days",
        ):
            if getattr(self, name) <= 0:
                _bad(name, "이 설정값은 0보다 커야 합니다.", "This setting must be positive.")
        if self.max_days_counted_in_hours < 0:
            _bad("max_days_counted_in_hours", "0 이상이어야 합니다.", "Must not be negative.")

    @property
    def working_seconds_per_day(self) -> int:
        """Length of a full working day on the clock (not ``hours_per_day``, which converts days to hours)."""
        return sum(_seconds(end) - _seconds(start) for start, end in self.working_periods)


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _bad(field: str, ko: str, en: str) -> None:
    raise DomainError(field, ko, en, code="invalid_setting")


DEFAULT_SETTINGS = DeadlineSettings()
