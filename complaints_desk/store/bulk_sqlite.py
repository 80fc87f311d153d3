"""The pull's bulk writes on the client's SQLite, straight to the driver's executemany.

Why not SQLAlchemy Core/ORM here: its per-parameter bind processing and per-row statement bookkeeping cost
more than the database does (a 1,000-event page: ~1 s through the ORM bulk API, ~0.05 s this way). Values are
converted exactly as the column types store them (models.UTCDateTime on SQLite: naive UTC text with six
fractional digits; dates as ISO text; JSON as text; booleans as 0/1), so rows written here read back through
the ORM like any other. Used only when the dialect is SQLite; PostgreSQL goes through Core.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime
from sqlalchemy.orm import Session

from ..domain.case import CASE_FIELDS
from .models import CaseRow, EventRow
from .types import JSONType, UTCDateTime

EVENT_COLUMNS = (
    "id",
    "case_id",
    "seq",
    "type",
    "occurred_at",
    "recorded_at",
    "actor_id",
    "actor_role",
    "actor_department",
    "station_code",
    "base_version",
    "case_version",
    "payload",
)
CASE_COLUMNS = (*CASE_FIELDS, "last_seq")


def _kind(column_type: Any) -> str:
    if isinstance(column_type, UTCDateTime | DateTime):
        return "datetime"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, Boolean):
        return "bool"
    if column_type is JSONType or type(column_type).__name__ in ("JSON", "Variant"):
        return "json"
    return "plain"


_CASE_KINDS = tuple(_kind(CaseRow.__table__.columns[name].type) for name in CASE_COLUMNS)
_DATETIME_POSITIONS = tuple(i for i, kind in enumerate(_CASE_KINDS) if kind == "datetime")
_DATE_POSITIONS = tuple(i for i, kind in enumerate(_CASE_KINDS) if kind == "date")
_BOOL_POSITIONS = tuple(i for i, kind in enumerate(_CASE_KINDS) if kind == "bool")
assert _kind(EventRow.__table__.columns["occurred_at"].type) == "datetime"


def _dt(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _case_tuple(row: dict[str, Any]) -> list[Any]:
    values = [row[name] for name in CASE_COLUMNS]
    for i in _DATETIME_POSITIONS:
        values[i] = _dt(values[i])
    for i in _DATE_POSITIONS:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    for i in _BOOL_POSITIONS:
        values[i] = int(bool(values[i]))
    return values


def _driver(session: Session) -> Any:
    return session.connection().exec_driver_sql


def _many(session: Session, sql: str, params: Sequence[tuple[Any, ...]]) -> None:
    if params:  # an empty executemany would run the statement once, without parameters
        _driver(session)(sql, list(params))


def insert_events(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    sql = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
    params = [
        (
            r["id"],
            r["case_id"],
            r["seq"],
            r["type"],
            _dt(r["occurred_at"]),
            _dt(r["recorded_at"]),
            r["actor_id"],
            r["actor_role"],
            r["actor_department"],
            r["station_code"],
            r["base_version"],
            r["case_version"],
            json.dumps(r["payload"], ensure_ascii=False),
        )
        for r in rows
    ]
    _many(session, sql, params)


def insert_cases(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    sql = f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({', '.join('?' * len(CASE_COLUMNS))})"
    _many(session, sql, [tuple(_case_tuple(r)) for r in rows])


def update_cases(
    session: Session, rows: Sequence[dict[str, Any]], before: dict[str, dict[str, Any]] | None = None
) -> None:
    """Write only the columns that changed (`before`: the rows as loaded), grouped by which columns changed:
    the cases table has six indexes, and SQLite rewrites an index entry for every indexed column SET."""
    groups: dict[tuple[int, ...], list[tuple[Any, ...]]] = {}
    for r in rows:
        values = _case_tuple(r)
        old = before.get(r["id"]) if before else None
        if old is None:
            changed = tuple(range(1, len(CASE_COLUMNS)))
        else:
            changed = tuple(
                i for i, name in enumerate(CASE_COLUMNS) if i and (name == "last_seq" or old.get(name) != r[name])
            )
        groups.setdefault(changed, []).append((*(values[i] for i in changed), values[0]))
    for changed, params in groups.items():
        assignments = ", ".join(f"{CASE_COLUMNS[i]} = ?" for i in changed)
        _many(session, f"UPDATE cases SET {assignments} WHERE id = ?", params)


def load_cases(session: Session, case_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not case_ids:
        return {}
    sql = f"SELECT {', '.join(CASE_FIELDS)} FROM cases WHERE id IN ({', '.join('?' * len(case_ids))})"
    found: dict[str, dict[str, Any]] = {}
    for record in _driver(session)(sql, tuple(case_ids)):
        values = list(record)
        for i in _DATETIME_POSITIONS:
            if i < len(values) and values[i] is not None:
                values[i] = datetime.fromisoformat(values[i]).replace(tzinfo=UTC)
        for i in _DATE_POSITIONS:
            if i < len(values) and values[i] is not None:
                values[i] = date.fromisoformat(values[i])
        for i in _BOOL_POSITIONS:
            if i < len(values):
                values[i] = bool(values[i])
        found[values[0]] = dict(zip(CASE_FIELDS, values, strict=True))
    return found
