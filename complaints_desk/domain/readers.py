"""Reading an event's payload for the lifecycle's handlers, in one of two ways.

The *checking* reader is the lifecycle deciding an event: every value is checked (DomainError when it is
not acceptable) and times come out as aware UTC datetimes. A *trusted* reader replays an event the server
has already accepted: it only converts, never refuses, and the caller chooses how times (and dates) come
out. The client's pull takes them in its store's text form (store.local.stored_values), so a pulled case
row is projected without converting the columns no event touched; the rebase takes domain values. The
handlers are written once over either reader (domain.lifecycle); checks that compare the case's state run
only when `reader.checks` is true.

The value rules themselves (no NUL or lone surrogate, lengths, ranges, finite numbers, dates) are domain.values,
which the checking reader's `read_text`, `read_moment` and `read_count` call; the wire parsing uses the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from . import values
from .errors import DomainError
from .masking import normalize_phone
from .receipts import parse_receipt_number

# --- the value rules ---------------------------------------------------------------------------------------


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def read_text(payload: Mapping[str, Any], key: str, *, required: bool = True, limit: int = 2000) -> str:
    return values.read_text(payload, key, required=required, limit=limit)


def read_moment(payload: Mapping[str, Any], key: str, *, required: bool = True) -> datetime | None:
    return values.read_moment(payload, key, required=required)


def read_count(payload: Mapping[str, Any], key: str, default: int) -> int:
    return values.count(payload, key, default)


def read_day(text: str, key: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainError(key, "날짜 형식이 올바르지 않습니다.", "Not a date.") from None


# --- the readers -------------------------------------------------------------------------------------------


class Reader:
    """What the handlers ask of a payload. `checks`: whether the handlers also check the case's state."""

    checks: bool

    def text(self, payload: Mapping[str, Any], key: str, *, required: bool = True, limit: int = 2000) -> str:
        raise NotImplementedError

    def moment(self, payload: Mapping[str, Any], key: str, *, required: bool = True) -> Any:
        raise NotImplementedError

    def count(self, payload: Mapping[str, Any], key: str, default: int) -> int:
        raise NotImplementedError

    def day(self, text: str, key: str) -> Any:
        raise NotImplementedError

    def receipt(self, text: str) -> str:
        raise NotImplementedError

    def phone(self, text: str) -> str:
        raise NotImplementedError


class CheckingReader(Reader):
    checks = True

    def text(self, payload: Mapping[str, Any], key: str, *, required: bool = True, limit: int = 2000) -> str:
        return read_text(payload, key, required=required, limit=limit)

    def moment(self, payload: Mapping[str, Any], key: str, *, required: bool = True) -> datetime | None:
        return read_moment(payload, key, required=required)

    def count(self, payload: Mapping[str, Any], key: str, default: int) -> int:
        return read_count(payload, key, default)

    def day(self, text: str, key: str) -> date:
        return read_day(text, key)

    def receipt(self, text: str) -> str:
        return str(parse_receipt_number(text))

    def phone(self, text: str) -> str:
        return normalize_phone(text)


CHECKING = CheckingReader()

# Written as the server writes them (ReceiptNumber's and normalize_phone's forms): kept as they are after
# a regular-expression match, rather than parsed again (phonenumbers costs ~50 µs a number).
_CANONICAL_PHONE = re.compile(r"0\d{1,2}-\d{3,4}-\d{4}|\d{4}-\d{4}")
_CANONICAL_RECEIPT = re.compile(r"(\d{8})-[A-Z0-9]{3}-(?:\d{4}|[1-9]\d{4,5})")


@lru_cache(maxsize=1024)
def _real_day(digits: str) -> bool:
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def _normalized_phone(raw: str) -> str:
    return normalize_phone(raw)


def _domain_moment(value: Any) -> datetime:
    return utc(value if isinstance(value, datetime) else datetime.fromisoformat(str(value)))


class TrustedReader(Reader):
    """Converts, never checks: for events the server accepted. Times become `moment(value)` (value: the
    payload's text, or a datetime), dates `day(date)`."""

    checks = False

    def __init__(
        self,
        moment: Callable[[Any], Any] = _domain_moment,
        day: Callable[[date], Any] = lambda value: value,
    ) -> None:
        self._moment, self._day = moment, day

    def text(self, payload: Mapping[str, Any], key: str, *, required: bool = True, limit: int = 2000) -> str:
        value = payload.get(key)
        return "" if value is None else str(value).strip()

    def moment(self, payload: Mapping[str, Any], key: str, *, required: bool = True) -> Any:
        value = payload.get(key)
        if value is None or value == "":
            return None
        return self._moment(value)

    def count(self, payload: Mapping[str, Any], key: str, default: int) -> int:
        value = payload.get(key, default)
        return value if type(value) is int else int(value)

    def day(self, text: str, key: str) -> Any:
        return self._day(date.fromisoformat(text))

    def receipt(self, text: str) -> str:
        match = _CANONICAL_RECEIPT.fullmatch(text)
        if match and _real_day(match[1]) and (len(text) > 17 or text[13:] != "0000"):
            return text
        return str(parse_receipt_number(text))

    def phone(self, text: str) -> str:
        # A masked phone (officers are sent "010-****-5678") stays as the server sent it.
        if not text or "*" in text or _CANONICAL_PHONE.fullmatch(text):
            return text
        return _normalized_phone(text)


TRUSTED = TrustedReader()
