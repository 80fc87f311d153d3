"""Korean formats on screen: dates as offices write them, thousands separators, masked names and phones,
the time left in its two largest units, and urgency by how soon a case is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from complaints_desk.gui import formats
from complaints_desk.gui.formats import Urgency

NOW = datetime(2026, 11, 22, 5, 5, tzinfo=UTC)  # Sun 14:05 in Seoul


def test_dates_read_as_korean_offices_write_them_in_seoul_time() -> None:
    assert formats.date_time(NOW, korean=True) == "2026. 11. 22.(일) 14:05"
    assert formats.date_time(NOW, korean=False) == "2026-11-22 (Sun) 14:05"
    assert formats.date_time(datetime(2026, 3, 1, 15, 30, tzinfo=UTC), korean=True) == "2026. 3. 2.(월) 00:30"


def test_numbers_names_and_phones() -> None:
    assert formats.number(1234) == "1,234" and formats.number(1_000_000) == "1,000,000"
    assert formats.phone("01012345678") == "010-1234-5678"
    assert formats.masked_phone("010-1234-5678") == "010-****-5678"
    assert formats.masked_phone("0221501234") == "02-****-1234"
    assert formats.masked_name("홍길동") == "홍*동"


def test_time_left_in_two_units_and_its_urgency() -> None:
    assert formats.duration(timedelta(days=3, hours=4, minutes=5), korean=True) == "3일 4시간"
    assert formats.duration(timedelta(hours=2, minutes=10), korean=True) == "2시간 10분"
    assert formats.duration(timedelta(minutes=-5), korean=True) == "5분"
    assert formats.duration(timedelta(days=400), korean=False) == "400d"

    def urgency(left: timedelta, **kw: bool) -> Urgency:
        args = {"open_": True, "clock_stopped": False, **kw}
        return formats.remaining(NOW + left, NOW, **args).urgency

    assert urgency(timedelta(days=5)) is Urgency.CALM
    assert urgency(timedelta(days=2)) is Urgency.SOON
    assert urgency(timedelta(hours=3)) is Urgency.TODAY
    assert urgency(timedelta(minutes=-1)) is Urgency.OVERDUE
    assert urgency(timedelta(days=-1), clock_stopped=True) is Urgency.STOPPED
    assert urgency(timedelta(days=-1), open_=False) is Urgency.DONE
