"""The stored text of a pulled event's times (store.local.stored_values): every form a server may write gives the
text converting the moment would give, and a time that is not one is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaints_desk.store.local.stored_values import parse_stored_utc, stored_aware_utc, stored_utc

moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC))


def _spellings(moment: datetime) -> list[str]:
    """How a server may write one UTC moment: +00:00 or Z, T or a space, with or without microseconds."""
    plain = moment.isoformat()
    micro = moment.isoformat(timespec="microseconds")
    forms = [plain, micro, plain.replace("+00:00", "Z"), micro.replace("+00:00", "Z")]
    return forms + [form.replace("T", " ") for form in forms]


@given(moments)
def test_every_utc_spelling_of_a_moment_is_stored_as_that_moment(moment: datetime) -> None:
    expected = moment.replace(tzinfo=None).isoformat(" ", "microseconds")
    for spelling in _spellings(moment):
        assert stored_utc(spelling) == expected, spelling
        assert stored_aware_utc(spelling) == expected, spelling
        assert parse_stored_utc(stored_aware_utc(spelling)) == moment


@given(moments, st.integers(min_value=-12 * 60, max_value=14 * 60))
def test_a_time_in_another_zone_is_stored_as_its_utc_moment(moment: datetime, minutes: int) -> None:
    local = moment.astimezone(timezone(timedelta(minutes=minutes)))
    assert parse_stored_utc(stored_aware_utc(local.isoformat())) == moment


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30T00:01:40+00:00",  # no such day
        "2026-11-02T24:01:40+00:00",  # no such hour
        "2026-11-02T00:61:40.123456+00:00",
        "2026-13-02T00:01:40Z",
        "2026-11-02T00:01:4x+00:00",
        "not a time at all, +00:00",
    ],
)
def test_a_time_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        stored_aware_utc(text)
    with pytest.raises(ValueError):
        stored_utc(text)


def test_an_event_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="without a zone"):
        stored_aware_utc("2026-11-02T00:01:40")
    with pytest.raises(ValueError, match="without a zone"):
        stored_aware_utc("2026-11-02T00:01:40.123456")
