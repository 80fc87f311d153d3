"""Receipt numbers (접수번호) `YYYYMMDD-SSS-NNNN`: unique without asking the server, because each
workstation or channel has its own code and its own running number per day.

Two ranges share a station's day (see `next_offline_receipt_number` for why):

- 0001–4999, the *counter* range: a running number continued after the newest number the server has seen
  from the station. Used while the workstation is logged in online and has checked in with the server this
  session, and by the server's own channels.
- 5000–868999, the *clock* range: derived from the wall-clock time of day, for everything else (an offline
  unlock, a workstation whose check-in failed, a counter that has reached 4999).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .errors import DomainError

_PATTERN = re.compile(r"^(\d{8})-([A-Z0-9]{3})-(\d{4,6})$")
_STATION = re.compile(r"^[A-Z0-9]{3}$")
MAX_DAILY_SEQUENCE = 999_999
COUNTER_MAX_SEQUENCE = 4999  # the counter range never goes past this
CLOCK_FIRST_SEQUENCE = 5000
TICKS_PER_SECOND = 10  # 5000 + 86_400 × 10 − 1 = 868_999: within the six digits the format allows
RECEIPT_ZONE = ZoneInfo("Asia/Seoul")  # the receipt's day and time of day are the office's


@dataclass(frozen=True, order=True)
class ReceiptNumber:
    day: date
    station_code: str
    sequence: int

    def __post_init__(self) -> None:
        check_station_code(self.station_code)
        if not 1 <= self.sequence <= MAX_DAILY_SEQUENCE:
            raise DomainError(
                "receipt_no",
                f"접수번호 일련번호는 1부터 {MAX_DAILY_SEQUENCE}까지입니다.",
                f"A receipt sequence runs from 1 to {MAX_DAILY_SEQUENCE}.",
            )

    def __str__(self) -> str:
        # Not f"{self.day:%Y%m%d}": strftime is several times slower, and every intake formats its number.
        day = self.day
        return f"{day.year:04d}{day.month:02d}{day.day:02d}-{self.station_code}-{self.sequence:04d}"


def check_station_code(code: str) -> str:
    if not _STATION.match(code):
        raise DomainError(
            "station_code",
            f"단말 코드는 영문 대문자·숫자 3자리여야 합니다: '{code}'",
            f"A station code is three capital letters or digits: '{code}'",
        )
    return code


def parse_receipt_number(text: str) -> ReceiptNumber:
    match = _PATTERN.match(text.strip())
    if not match:
        raise DomainError(
            "receipt_no",
            f"접수번호 형식이 올바르지 않습니다: '{text}' (예: 20261122-C03-0042)",
            f"Not a receipt number: '{text}' (e.g. 20261122-C03-0042)",
        )
    day_text, station, seq = match.groups()
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:]))
    except ValueError:
        raise DomainError(
            "receipt_no",
            f"접수번호의 날짜가 올바르지 않습니다: '{text}'",
            f"The receipt number's date is impossible: '{text}'",
        ) from None
    return ReceiptNumber(day, station, int(seq))


def next_receipt_number(day: date, station_code: str, last_issued: ReceiptNumber | None) -> ReceiptNumber:
    """The number after ``last_issued`` for this station: the running number restarts each day, and a
    station restored from an old backup must pass in the highest number the server has seen from it."""
    if last_issued is None or last_issued.day != day:
        return ReceiptNumber(day, station_code, 1)
    if last_issued.station_code != station_code:
        raise DomainError(
            "station_code",
            "다른 단말의 접수번호로 다음 번호를 만들 수 없습니다.",
            "Cannot continue another station's receipt numbers.",
        )
    if last_issued.sequence >= MAX_DAILY_SEQUENCE:
        raise DomainError(
            "receipt_no",
            "오늘 이 단말에서 발급할 수 있는 접수번호를 모두 사용했습니다.",
            "This station has used every receipt number for today.",
        )
    return ReceiptNumber(day, station_code, last_issued.sequence + 1)


def clock_sequence(now: datetime) -> int:
    """The clock range's number for this instant: 5000 + tenths of a second since the office's midnight."""
    local = now.astimezone(RECEIPT_ZONE)
    midnight = datetime.combine(local.date(), time(), tzinfo=RECEIPT_ZONE)
    return CLOCK_FIRST_SEQUENCE + int((local - midnight).total_seconds() * TICKS_PER_SECOND)


class ClockBehind(DomainError):
    """The clock range's next number would run ahead of the clock: wait a tick (`retry_after` seconds)."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(
            "receipt_no",
            "이 단말의 시계가 마지막으로 발급한 접수번호보다 뒤에 있습니다. 시스템 시각을 확인해 주세요.",
            "This workstation's clock is behind its last receipt number: check the system time.",
            code="clock_behind",
        )
        self.retry_after = retry_after


def next_offline_receipt_number(
    now: datetime, station_code: str, last_issued: ReceiptNumber | None
) -> ReceiptNumber:
    """The next number of the clock range, for a workstation that cannot trust its counter: the day is the
    office's day of `now`, the number max(last + 1, clock_sequence(now)), and never above clock_sequence(now).

    Why it cannot collide with any number this station issued before its data folder and keyring were
    restored from a backup (a disk image, a VM snapshot), although the restore took every stored mark back:

    - every number of the clock range was issued no later than the clock tick it stands for (a number that
      would run ahead of the clock is refused with ClockBehind, and the caller waits the tenth of a second);
    - so each number issued before the restore is at most the tick it was issued at, and each number issued
      after it is at least the current tick, which is later than any tick before the restore;
    - numbers of the counter range stay below 5000, so the two ranges never meet; and the counter range is
      used only after the server (which has seen every number that reached it) told the workstation where
      to continue, this session.

    Within one restored state, last + 1 keeps two intakes in the same tenth of a second apart. What this
    relies on is a wall clock that does not go back by more than the time since the backup (NTP keeps it
    within milliseconds); a clock set far back is refused with ClockBehind rather than reuse a number.
    """
    tick = clock_sequence(now)
    day = now.astimezone(RECEIPT_ZONE).date()
    wanted = tick
    if last_issued is not None and last_issued.day == day:
        if last_issued.station_code != station_code:
            raise DomainError(
                "station_code",
                "다른 단말의 접수번호로 다음 번호를 만들 수 없습니다.",
                "Cannot continue another station's receipt numbers.",
            )
        wanted = max(tick, last_issued.sequence + 1)
    if wanted > tick:
        raise ClockBehind((wanted - tick) / TICKS_PER_SECOND)
    return ReceiptNumber(day, station_code, wanted)
