"""How dates, numbers, durations, names and phones read on screen, in Korean and in English.

Korean as Korean offices write it: 2026. 11. 22.(일) 14:05, 1,234건, 3일 4시간. Times are shown in the office's
time zone (Asia/Seoul) whatever the workstation's clock says, as the deadlines are counted there. Names and
phones are masked with domain.masking, the one rule for every screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from ..domain.errors import DomainError
from ..domain.masking import mask_name, mask_phone, normalize_phone

OFFICE_ZONE = ZoneInfo("Asia/Seoul")
_KOREAN_WEEKDAYS = "월화수목금토일"
_ENGLISH_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def date_time(moment: datetime, *, korean: bool) -> str:
    local = moment.astimezone(OFFICE_ZONE)
    if korean:
        return f"{local.year}. {local.month}. {local.day}.({_KOREAN_WEEKDAYS[local.weekday()]}) {local:%H:%M}"
    return f"{local:%Y-%m-%d} ({_ENGLISH_WEEKDAYS[local.weekday()]}) {local:%H:%M}"


def number(value: int) -> str:
    return f"{value:,}"


def phone(raw: str) -> str:
    """The number as Koreans write it (010-1234-5678), or as given when it is not a Korean number."""
    try:
        return normalize_phone(raw)
    except DomainError:
        return raw.strip()


def masked_phone(raw: str) -> str:
    return mask_phone(phone(raw))


def masked_name(name: str) -> str:
    return mask_name(name)


class Urgency(Enum):
    DONE = "done"  # no longer running against a deadline
    STOPPED = "stopped"  # the clock is stopped (보완 요청 and the like)
    CALM = "calm"
    SOON = "soon"  # due within three days
    TODAY = "today"  # due within a day
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Remaining:
    urgency: Urgency
    left: timedelta  # negative when overdue


def remaining(due_at: datetime, now: datetime, *, open_: bool, clock_stopped: bool) -> Remaining:
    left = due_at - now
    if not open_:
        return Remaining(Urgency.DONE, left)
    if clock_stopped:
        return Remaining(Urgency.STOPPED, left)
    if left < timedelta(0):
        return Remaining(Urgency.OVERDUE, left)
    if left < timedelta(days=1):
        return Remaining(Urgency.TODAY, left)
    if left < timedelta(days=3):
        return Remaining(Urgency.SOON, left)
    return Remaining(Urgency.CALM, left)


def duration(left: timedelta, *, korean: bool) -> str:
    """The two largest units: 3일 4시간, 2시간 10분, 5분 (3d 4h, 2h 10m, 5m)."""
    minutes = int(abs(left).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    units = (("일", "d", days), ("시간", "h", hours), ("분", "m", mins))
    parts = [(ko, en, n) for ko, en, n in units if n]
    if days:
        parts = [p for p in parts if p[0] != "분"]
    parts = parts[:2] or [("분", "m", 0)]
    return " ".join(f"{n:,}{ko if korean else en}" for ko, en, n in parts)
