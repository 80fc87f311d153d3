"""The rules for single values, written once: the lifecycle's payload readers, the server's wire parsing and
the desktop's forms all call these, so a form refuses what the server would refuse (docs/operations.md,
"What the server checks").

Why these rules exist at all: a value the database cannot store (a NUL character, half of a surrogate
pair, NaN, an integer wider than its column, a year-1 date that overflows a time-zone conversion) used to
fail the whole push with a 500. Each is refused here with a bilingual DomainError naming the field.

Payload keys the lifecycle does not read are KEPT (a newer desktop may send fields an older server does not
know yet), but the payload as a whole is bounded: its encoded size, its nesting depth, the number of keys
and items, and every string in it follow the text rules below. See `check_payload`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from .errors import DomainError
from .ids import is_valid_id

# The years a moment or date may fall in. Wide enough for any real complaint (and a backlog after a long
# outage), narrow enough that converting between time zones never overflows.
MIN_YEAR = 2000
MAX_YEAR = 2099
# The INTEGER columns (signers, households, period amount, counters): PostgreSQL's 32-bit signed range.
INT_MAX = 2**31 - 1
# The payload as a whole (see the module docstring). An answered event carries three texts of up to
# 20,000 characters each; 256 KiB of UTF-8 holds them with room to spare.
PAYLOAD_MAX_BYTES = 256 * 1024
PAYLOAD_MAX_DEPTH = 4  # payload → petitioner → its fields is 2; lists of keywords 3
PAYLOAD_MAX_KEYS = 64  # per object
PAYLOAD_MAX_ITEMS = 200  # per list
KEY_MAX_CHARS = 64
VALUE_MAX_CHARS = 20_000  # any one string anywhere in a payload (= the longest text the lifecycle reads)


def text_problem(value: str) -> str | None:
    """Why a string cannot be stored, or None. NUL ends a C string (PostgreSQL refuses it in text and in
    JSON); a lone surrogate cannot be encoded as UTF-8 at all."""
    if "\x00" in value:
        return "nul"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "surrogate"
    return None


def check_chars(field: str, value: str) -> None:
    problem = text_problem(value)
    if problem == "nul":
        raise DomainError(
            field,
            f"'{field}' 항목에 널(NUL) 문자가 들어 있습니다. 다른 프로그램에서 붙여 넣은 글이면 다시 입력해 주세요.",
            f"'{field}' contains a NUL character (often pasted from another program); please retype it.",
            code="invalid_text",
        )
    if problem == "surrogate":
        raise DomainError(
            field,
            f"'{field}' 항목에 깨진 문자(짝이 없는 서로게이트)가 들어 있습니다.",
            f"'{field}' contains a broken character (a lone surrogate).",
            code="invalid_text",
        )


def read_text(payload: Mapping[str, Any], key: str, *, required: bool = True, limit: int = 2000) -> str:
    """A text field: a string (absent or null is ''), stripped, storable, at most `limit` characters."""
    value = payload.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError(key, f"'{key}' 값은 문자열이어야 합니다.", f"'{key}' must be text.")
    check_chars(key, value)
    value = value.strip()
    if required and not value:
        raise DomainError(key, f"'{key}' 항목을 입력해 주세요.", f"'{key}' is required.", code="required")
    if len(value) > limit:
        raise DomainError(
            key,
            f"'{key}' 항목은 {limit}자 이하여야 합니다.",
            f"'{key}' may be at most {limit} characters.",
            code="too_long",
        )
    return value


def _year_problem(field: str, year: int) -> DomainError | None:
    if MIN_YEAR <= year <= MAX_YEAR:
        return None
    return DomainError(
        field,
        f"'{field}' 날짜는 {MIN_YEAR}년부터 {MAX_YEAR}년 사이여야 합니다.",
        f"'{field}' must be a date between {MIN_YEAR} and {MAX_YEAR}.",
        code="out_of_range",
    )


def check_moment(field: str, moment: datetime) -> datetime:
    """An aware moment within the sane years, in UTC. The year is checked before any conversion: converting
    a year-1 moment east of UTC overflows."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise DomainError(
            field, f"'{field}' 시각에 시간대가 없습니다.", f"'{field}' has no time zone.", code="naive_time"
        )
    error = _year_problem(field, moment.year)
    if error is not None:
        raise error
    return moment.astimezone(UTC)


def read_moment(payload: Mapping[str, Any], key: str, *, required: bool = True) -> datetime | None:
    """A date-time field: ISO 8601 text with a time zone, within the sane years; returned in UTC."""
    value = payload.get(key)
    if value is None or value == "":
        if required:
            raise DomainError(key, f"'{key}' 시각이 필요합니다.", f"'{key}' is required.", code="required")
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and len(value) <= 40 and text_problem(value) is None:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
    else:
        parsed = None
    if parsed is None:
        raise DomainError(key, f"'{key}' 시각 형식이 올바르지 않습니다.", f"'{key}' is not a date-time.")
    return check_moment(key, parsed)


def day(payload: Mapping[str, Any], key: str, *, required: bool = True) -> date | None:
    """A date field (YYYY-MM-DD) within the sane years."""
    raw = read_text(payload, key, required=required, limit=10)
    if not raw:
        return None
    try:
        parsed = date.fromisoformat(raw)
    except ValueError:
        raise DomainError(key, f"'{key}' 날짜 형식이 올바르지 않습니다.", f"'{key}' is not a date.") from None
    error = _year_problem(key, parsed.year)
    if error is not None:
        raise error
    return parsed


def count(payload: Mapping[str, Any], key: str, default: int, *, low: int = 0, high: int = INT_MAX) -> int:
    """A whole number in [low, high] (by default what an INTEGER column holds); booleans are not numbers."""
    value = payload.get(key, default)
    return whole_number(key, value, low=low, high=high)


def whole_number(field: str, value: object, *, low: int = 0, high: int = INT_MAX) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and not math.isfinite(value):
            raise DomainError(
                field,
                f"'{field}' 값이 숫자가 아닙니다(NaN·무한대).",
                f"'{field}' is not a finite number.",
                code="not_finite",
            )
        raise DomainError(
            field, f"'{field}' 값은 {low} 이상의 정수여야 합니다.", f"'{field}' must be a whole number ≥ {low}."
        )
    if not low <= value <= high:
        raise DomainError(
            field,
            f"'{field}' 값은 {low}부터 {high}까지입니다.",
            f"'{field}' must be between {low} and {high}.",
            code="out_of_range",
        )
    return value


def flag(payload: Mapping[str, Any], key: str, default: bool = False) -> bool:
    value = payload.get(key, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise DomainError(key, f"'{key}' 값은 true 또는 false여야 합니다.", f"'{key}' must be true or false.")
    return value


def check_id(field: str, value: object, *, required: bool = True) -> str | None:
    """A record id: a UUID in its canonical 36-character text form."""
    if value is None and not required:
        return None
    if not isinstance(value, str) or len(value) != 36 or not is_valid_id(value):
        raise DomainError(
            field,
            f"'{field}' 값이 올바른 식별자(UUID)가 아닙니다.",
            f"'{field}' is not a valid id (a UUID).",
            code="invalid_id",
        )
    return value


def check_payload(payload: object, field: str = "payload") -> None:
    """Bound a payload: an object, at most PAYLOAD_MAX_BYTES encoded, nested at most PAYLOAD_MAX_DEPTH,
    every key and string storable and bounded, every number finite."""
    if not isinstance(payload, Mapping):
        raise DomainError(field, "이벤트 내용(payload)은 객체여야 합니다.", "The payload must be an object.")
    _check_value(payload, field, 1)
    try:
        size = len(json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8"))
    except (ValueError, TypeError):  # unreachable after _check_value; kept so a surprise is a refusal
        size = PAYLOAD_MAX_BYTES + 1
    if size > PAYLOAD_MAX_BYTES:
        raise DomainError(
            field,
            f"이벤트 내용이 너무 큽니다({size:,}바이트, 최대 {PAYLOAD_MAX_BYTES:,}바이트).",
            f"The payload is too large ({size:,} bytes; at most {PAYLOAD_MAX_BYTES:,}).",
            code="payload_too_large",
        )


def _too_deep(field: str) -> DomainError:
    return DomainError(
        field,
        f"이벤트 내용이 너무 깊게 중첩되어 있습니다(최대 {PAYLOAD_MAX_DEPTH}단계).",
        f"The payload is nested too deeply (at most {PAYLOAD_MAX_DEPTH} levels).",
        code="payload_too_deep",
    )


def _check_value(value: object, field: str, depth: int) -> None:
    if isinstance(value, str):
        check_chars(field, value)
        if len(value) > VALUE_MAX_CHARS:
            raise DomainError(
                field,
                f"'{field}' 값은 {VALUE_MAX_CHARS:,}자 이하여야 합니다.",
                f"'{field}' may be at most {VALUE_MAX_CHARS:,} characters.",
                code="too_long",
            )
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise DomainError(
                field,
                f"'{field}' 값이 숫자가 아닙니다(NaN·무한대).",
                f"'{field}' is not a finite number.",
                code="not_finite",
            )
    elif isinstance(value, Mapping):
        if depth > PAYLOAD_MAX_DEPTH:
            raise _too_deep(field)
        if len(value) > PAYLOAD_MAX_KEYS:
            raise DomainError(
                field,
                f"'{field}' 항목 수가 너무 많습니다(최대 {PAYLOAD_MAX_KEYS}개).",
                f"'{field}' has too many keys (at most {PAYLOAD_MAX_KEYS}).",
                code="payload_too_large",
            )
        for key, item in value.items():
            if not isinstance(key, str) or len(key) > KEY_MAX_CHARS or text_problem(key) is not None:
                raise DomainError(
                    field,
                    f"'{field}' 안의 항목 이름이 올바르지 않거나 {KEY_MAX_CHARS}자를 넘습니다.",
                    f"A key inside '{field}' is malformed or longer than {KEY_MAX_CHARS} characters.",
                    code="invalid_key",
                )
            _check_value(item, key, depth + 1)
    elif isinstance(value, list | tuple):
        if depth > PAYLOAD_MAX_DEPTH:
            raise _too_deep(field)
        if len(value) > PAYLOAD_MAX_ITEMS:
            raise DomainError(
                field,
                f"'{field}' 목록이 너무 깁니다(최대 {PAYLOAD_MAX_ITEMS}개).",
                f"'{field}' has too many items (at most {PAYLOAD_MAX_ITEMS}).",
                code="payload_too_large",
            )
        for item in value:
            _check_value(item, field, depth + 1)
    elif value is None or isinstance(value, bool | int):
        return
    else:
        raise DomainError(field, f"'{field}' 값의 형식을 알 수 없습니다.", f"'{field}' is not a JSON value.")


def _period(payload: Mapping[str, Any], key: str) -> None:
    data = payload.get(key)
    if data is None:
        return  # the lifecycle says it is required, in its own words
    if not isinstance(data, Mapping):
        raise DomainError(key, "처리기간 형식이 올바르지 않습니다.", "The processing period is malformed.")
    whole_number(f"{key}.amount", data.get("amount"), low=1, high=10_000)
    read_text(data, "unit", limit=10)


def _petitioner(payload: Mapping[str, Any], key: str) -> None:
    if not isinstance(payload.get(key), Mapping | None):
        raise DomainError(key, "민원인 정보 형식이 올바르지 않습니다.", "The petitioner is malformed.")


ATTACHMENTS_MAX = 10  # named by one event (the web form takes fewer: domain.attachments.MAX_FILES)
_HEX = frozenset("0123456789abcdef")


def check_attachments(payload: Mapping[str, Any], key: str) -> None:
    """A `received` event's attachments: a list of {id, name, content_type, size, sha256} (domain.attachments),
    each id a UUID, the hash 64 lower-case hex digits, the size a whole number of bytes."""
    items = payload.get(key)
    if items is None:
        return
    if not isinstance(items, list | tuple) or len(items) > ATTACHMENTS_MAX:
        raise DomainError(
            key,
            f"첨부파일 목록 형식이 올바르지 않습니다(최대 {ATTACHMENTS_MAX}개).",
            f"The attachments are malformed (a list of at most {ATTACHMENTS_MAX}).",
            code="invalid_attachments",
        )
    for item in items:
        if not isinstance(item, Mapping) or set(item) != {"id", "name", "content_type", "size", "sha256"}:
            raise DomainError(
                key,
                "첨부파일마다 id, name, content_type, size, sha256이 있어야 합니다.",
                "Each attachment has exactly id, name, content_type, size and sha256.",
                code="invalid_attachments",
            )
        check_id(f"{key}.id", item["id"])
        read_text(item, "name", limit=255)
        read_text(item, "content_type", limit=100)
        whole_number(f"{key}.size", item["size"])
        digest = item["sha256"]
        if not isinstance(digest, str) or len(digest) != 64 or not set(digest) <= _HEX:
            raise DomainError(
                f"{key}.sha256",
                "첨부파일의 sha256은 16진수 64자리여야 합니다.",
                "An attachment's sha256 is 64 lower-case hex digits.",
                code="invalid_attachments",
            )


def _optional_text(limit: int) -> Any:
    return lambda payload, key: read_text(payload, key, required=False, limit=limit)


# The payload fields that the lifecycle reads WITHOUT one of the readers above (it takes them as they come,
# e.g. `bool(p.get("is_group"))`): the wire parsing holds them to the same rules, so what is stored is what
# the case shows. Everything the lifecycle reads through text/moment/count is checked there already.
_FIELD_RULES: dict[str, dict[str, Any]] = {
    "received": {
        "department_code": _optional_text(40),
        "category_code": _optional_text(40),
        "is_group": lambda payload, key: flag(payload, key),
        "privacy_consent": lambda payload, key: flag(payload, key),
        "period": _period,
        "petitioner": lambda payload, key: _petitioner(payload, key),
        "attachments": check_attachments,
        "public": lambda payload, key: flag(payload, key),
    },
    "decided": {"implementation_date": lambda payload, key: day(payload, key, required=False)},
    "extended": {"consent": lambda payload, key: flag(payload, key)},
    "deadline_set": {"period": _period},
}


def check_payload_fields(event_type: str, payload: Mapping[str, Any]) -> None:
    """The per-type rules of `_FIELD_RULES` for one event's payload."""
    for key, rule in _FIELD_RULES.get(str(event_type), {}).items():
        if key in payload:
            rule(payload, key)
