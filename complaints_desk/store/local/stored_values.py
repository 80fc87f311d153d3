"""Case values in the form the client's SQLite stores them ("stored form"), and the conversions to and from the
domain's values.

Why: a fresh client pulls hundreds of thousands of events, and converting every datetime of every case row
to text on each write (and back on each read) cost more than the database itself. The pull therefore loads,
projects and writes case rows in stored form, and converts only what an event sets. The forms are exactly what
the column types write on SQLite (models.UTCDateTime: naive UTC text with six fractional digits; Date: ISO
text; Boolean: 0/1), so rows written this way read back through the ORM like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime

from ...domain.case import CASE_FIELDS
from ...domain.readers import TrustedReader
from ..models import CaseRow
from ..types import UTCDateTime

Row = dict[str, Any]

CASE_COLUMNS: tuple[str, ...] = (*CASE_FIELDS, "last_seq")


def _columns_of(kind: type[Any] | tuple[type[Any], ...]) -> frozenset[str]:
    table = CaseRow.__table__
    return frozenset(name for name in CASE_COLUMNS if isinstance(table.columns[name].type, kind))


DATETIME_COLUMNS = _columns_of((UTCDateTime, DateTime))
DATE_COLUMNS = _columns_of(Date) - DATETIME_COLUMNS
BOOL_COLUMNS = _columns_of(Boolean)
# The columns whose domain values (domain.case.CaseState) are enum members or booleans: stored as text and 0/1.
CODE_COLUMNS = ("kind", "channel", "status")
_PLAIN_COLUMNS = (*CODE_COLUMNS, *sorted(BOOL_COLUMNS))


_fromisoformat = datetime.fromisoformat


def _server_utc(value: str) -> str | None:
    """The stored text of a time in the form the server writes them ("...+00:00", with or without
    microseconds), after checking that it is a valid time; None for any other form. Twice an event in a pull
    (100,000 events on a fresh client): a rearrangement of the text, 4x cheaper than converting."""
    n = len(value)
    if n == 25:
        if value[19:] == "+00:00" and value[10] == "T":
            _fromisoformat(value)
            return value[:19].replace("T", " ") + ".000000"
    elif n == 32 and value[26:] == "+00:00" and value[10] == "T" and value[19] == ".":
        _fromisoformat(value)
        return value[:26].replace("T", " ")
    return None


def stored_utc(value: str | datetime) -> str:
    """A moment as UTCDateTime stores it on SQLite. A naive value is taken as local time, as
    `datetime.astimezone` takes it (what the projection has always done with payload times)."""
    if isinstance(value, str):
        stored = _server_utc(value)
        if stored is not None:
            return stored
        # Other UTC forms ("...Z", another separator) are rearranged too; other zones converted.
        n = len(value)
        if (n == 20 and value[19] == "Z") or (n == 25 and value.endswith("+00:00")):
            _fromisoformat(value)
            return f"{value[:10]} {value[11:19]}.000000"
        if value[19:20] == "." and ((n == 27 and value[26] == "Z") or (n == 32 and value.endswith("+00:00"))):
            _fromisoformat(value)
            return f"{value[:10]} {value[11:26]}"
        return _converted(value)
    return _convert(value)


@lru_cache(maxsize=8192)
def _converted(value: str) -> str:
    # Times in payloads carry the office's zone (+09:00) and repeat a lot (deadlines are ends of days).
    return _convert(datetime.fromisoformat(value))


def _convert(moment: datetime) -> str:
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def stored_aware_utc(value: str) -> str:
    """Like stored_utc, for times that must carry a zone (an event's occurred_at)."""
    stored = _server_utc(value)
    if stored is not None:
        return stored
    if value[-1:] != "Z" and value[-6:] != "+00:00" and _fromisoformat(value).tzinfo is None:
        raise ValueError(f"time without a zone: {value!r}")
    return stored_utc(value)


def parse_stored_utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def to_stored(row: Mapping[str, Any]) -> Row:
    """Domain values (as projection.state_values gives them) to stored form."""
    stored = dict(row)
    for name in DATETIME_COLUMNS:
        value = stored.get(name)
        if value is not None:
            stored[name] = stored_utc(value)
    for name in DATE_COLUMNS:
        value = stored.get(name)
        if value is not None:
            stored[name] = value.isoformat()
    for name in BOOL_COLUMNS:
        if name in stored:
            stored[name] = int(bool(stored[name]))
    return stored


def plain_codes(row: Row) -> Row:
    """A projected row's codes and flags (the lifecycle sets enum members and booleans) as the plain text and
    0/1 they are stored as, in place. The sqlite3 module binds a subclass of str or int (an enum member, a bool)
    through its adapter lookup, ~0.4 µs a value against none for a plain one (seven a new case: ~80 ms of the
    writer's time in a 100,000-event catch-up), and pickle rebuilt every enum member with a call of its class."""
    for name in _PLAIN_COLUMNS:
        value = row.get(name)
        if value is not None and type(value) is not str and type(value) is not int:
            row[name] = value.value if isinstance(value, Enum) else int(value)
    return row


def from_stored(row: Mapping[str, Any]) -> Row:
    """Stored form to domain values (aware UTC datetimes, dates, booleans)."""
    values = dict(row)
    for name in DATETIME_COLUMNS:
        value = values.get(name)
        if isinstance(value, str):
            values[name] = parse_stored_utc(value)
    for name in DATE_COLUMNS:
        value = values.get(name)
        if isinstance(value, str):
            values[name] = date.fromisoformat(value)
    for name in BOOL_COLUMNS:
        if name in values:
            values[name] = bool(values[name])
    return values


def _stored_moment(value: Any) -> str:
    return stored_utc(value if isinstance(value, datetime) else str(value))


# The lifecycle's trusted reader for pulled events, in stored form: payload times become stored text, a
# date its ISO text (domain.readers; lifecycle.project with it gives a case row ready for the driver).
STORED = TrustedReader(moment=_stored_moment, day=date.isoformat)
