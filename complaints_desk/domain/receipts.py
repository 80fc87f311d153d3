"""Receipt numbers (접수번호) `YYYYMMDD-SSS-NNNN`: unique without asking the server, because each
workstation or channel has its own code and its own running number per day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import DomainError

_PATTERN = re.compile(r"^(\d{8})-([A-Z0-9]{3})-(\d{4,6})$")
_STATION = re.compile(r"^[A-Z0-9]{3}$")
MAX_DAILY_SEQUENCE = 999_999


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
