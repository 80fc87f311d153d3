"""How dates, times, durations and counts read on paper, in Korean.

People read `2026. 11. 22.(일) 14:05` (month and day without leading zeros, the weekday in brackets), the way
Korean government documents write dates. Stored times are UTC; everything printed is Asia/Seoul."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
WEEKDAYS = "월화수목금토일"
NO_BREAK_SPACE = "\u00a0"
# A number and the unit after it ("30 일", "3 / 12 쪽"), and the parts of a date ("2026. 11. 22."), are read
# as one token: a line must not end between them. The units a document or a person writes after a number.
_UNIT_AFTER_SPACE = re.compile(r"(?<=\d) (?=(?:일|개월|달|주|년|시간|분|초|쪽|면|건|차|회|명|세대|원|%|조|항|호))")
_DATE_PART_SPACE = re.compile(r"(?<=\d\.) (?=\d)")


def keep_units(text: str) -> str:
    """``text`` with a NO-BREAK SPACE wherever a line break would split a number from its unit or a date
    from itself ("30 일", "2026. 11. 22."), so that neither a PDF paragraph nor a spreadsheet's wrapped
    cell or footer ends a line there. "30일" written without a space is one word already: the documents'
    paragraphs break lines only between words (layout.styles)."""
    if " " not in text:
        return text
    return _DATE_PART_SPACE.sub(NO_BREAK_SPACE, _UNIT_AFTER_SPACE.sub(NO_BREAK_SPACE, text))


def local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("a time without a time zone cannot be printed unambiguously")
    return moment.astimezone(SEOUL)


def date_ko(day: date | datetime) -> str:
    """2026. 11. 22.(일)"""
    if isinstance(day, datetime):
        day = local(day).date()
    return f"{day.year}. {day.month}. {day.day}.({WEEKDAYS[day.weekday()]})"


def datetime_ko(moment: datetime) -> str:
    """2026. 11. 22.(일) 14:05"""
    moment = local(moment)
    return f"{date_ko(moment.date())} {moment:%H:%M}"


def due_ko(due: datetime) -> str:
    """A deadline as a person reads it: a day deadline ends at 23:59:59 and prints as its date ("… 까지");
    an hour deadline (기타민원) prints with its time."""
    moment = local(due)
    if moment.time() >= time(23, 59):
        return f"{date_ko(moment.date())}까지"
    return f"{datetime_ko(moment)}까지"


def short_moment(moment: datetime) -> str:
    """11. 9.(월) 12:00, or 11. 9.(월) for a day deadline — a tight table whose heading names the year."""
    local_moment = local(moment)
    day = local_moment.date()
    text = f"{day.month}. {day.day}.({WEEKDAYS[day.weekday()]})"
    return text if local_moment.time() >= time(23, 59) else f"{text} {local_moment:%H:%M}"


def short_date(day: date) -> str:
    """11. 22. — axis labels and tight tables."""
    return f"{day.month}. {day.day}."


def minutes_ko(minutes: int | None) -> str:
    """A handling time: 3일 4시간, 5시간 20분, 45분 (calendar time)."""
    if minutes is None:
        return "-"
    days, rest = divmod(int(minutes), 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}일 {hours}시간" if hours else f"{days}일"
    if hours:
        return f"{hours}시간 {mins}분" if mins else f"{hours}시간"
    return f"{mins}분"


def count_ko(value: int) -> str:
    return f"{value:,}"


def percent_ko(part: int, whole: int) -> str:
    if whole <= 0:
        return "-"
    return f"{100 * part / whole:.1f}%"


def iso_local(moment: datetime | None) -> str:
    """2026-11-22 14:05 — for spreadsheets and CSV, where sorting as text must follow time."""
    return "" if moment is None else f"{local(moment):%Y-%m-%d %H:%M}"
