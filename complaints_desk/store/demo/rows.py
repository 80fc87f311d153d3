"""Generated cases as rows: plain tuples for SQLite's executemany (values stored exactly as SQLAlchemy
stores them, so the ORM reads them back unchanged) and dicts for SQLAlchemy Core on PostgreSQL.

Row-local numbers (rowid, seq, last_seq) count from 1 within a day; the writer adds the running base in
the SQL itself, so the rows never need rebuilding in the writing process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement

from ...domain.case import CASE_FIELDS, CaseState
from .. import search
from ..db import json_text
from ..models import CaseRow, EventRow
from ..projection import event_to_row_values, state_values
from .generate import DayCases

CASE_COLUMNS: tuple[str, ...] = tuple(c.name for c in CaseRow.__table__.columns)
# Demo events were pushed by nobody from no workstation: the server's pushed_by and pushed_from are left NULL.
_NOT_PUSHED = ("pushed_by", "pushed_from")
EVENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in EventRow.__table__.columns if c.name not in _NOT_PUSHED)
assert set(CASE_FIELDS) | {"last_seq"} == set(CASE_COLUMNS), "cases table and CaseState disagree"


@dataclass
class SqliteDay:
    day: date
    cases: list[tuple[Any, ...]]  # (local rowid, *CASE_COLUMNS with last_seq local)
    events: list[tuple[Any, ...]]  # EVENT_COLUMNS with seq local
    docs: list[tuple[int, str]]  # (local rowid, search document)
    receipts: dict[str, int]


def _sqlite_datetime(value: datetime) -> str:
    # isoformat is several times cheaper than strftime and gives the same text for these years.
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def sqlite_value(value: Any) -> Any:
    """What SQLAlchemy's SQLite dialect stores for a value (DateTime: naive UTC with microseconds)."""
    if value is None or isinstance(value, str | int):
        return int(value) if isinstance(value, bool) else value
    if isinstance(value, datetime):
        return _sqlite_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"no SQLite form for {type(value).__name__}")


def _column_converter(column: ColumnElement[Any]) -> Callable[[Any], Any] | None:
    """How one cases column's value becomes its stored SQLite form; None when it is stored as it is."""
    python_type = getattr(column.type, "impl", column.type).python_type
    if python_type is datetime:
        return lambda value: None if value is None else _sqlite_datetime(value)
    if python_type is date:
        return lambda value: None if value is None else value.isoformat()
    if python_type is bool:
        return int
    return sqlite_value if column.name in ("kind", "channel", "status") else None


_CASE_CONVERTERS: tuple[tuple[int, Callable[[Any], Any]], ...] = tuple(
    (index, converter)
    for index, column in enumerate(CaseRow.__table__.columns)
    if (converter := _column_converter(column)) is not None
)
_LAST_SEQ = CASE_COLUMNS.index("last_seq")
_FIELD_ORDER_MATCHES = CASE_COLUMNS[:_LAST_SEQ] + CASE_COLUMNS[_LAST_SEQ + 1 :] == CASE_FIELDS


def _case_row(state: CaseState, last_seq: int) -> list[Any]:
    values = state.__dict__
    if _FIELD_ORDER_MATCHES:
        row = list(values.values())
        row.insert(_LAST_SEQ, last_seq)
    else:
        row = [last_seq if name == "last_seq" else values[name] for name in CASE_COLUMNS]
    for index, converter in _CASE_CONVERTERS:
        row[index] = converter(row[index])
    return row


def to_sqlite(day: DayCases) -> SqliteDay:
    cases: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    docs: list[tuple[int, str]] = []
    dumps = json_text
    seq = 0
    for rowid, generated in enumerate(day.cases, start=1):
        for event, version in generated.events:
            seq += 1
            at = _sqlite_datetime(event.occurred_at)
            events.append(
                (
                    event.id, event.case_id, seq, event.type._value_, at, at, event.actor_id, event.actor_role._value_,
                    event.actor_department, event.station_code, event.base_version, version,
                    dumps(payload if type(payload := event.payload) is dict else dict(payload)),
                )
            )  # fmt: skip
        state = generated.state
        cases.append((rowid, *_case_row(state, seq)))
        docs.append(
            (rowid, search.document_for(state.title, state.body, state.petitioner_name, state.petitioner_phone))
        )
    return SqliteDay(day.day, cases, events, docs, day.receipts)


def to_core(day: DayCases, seq_base: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for SQLAlchemy Core inserts, with final seq numbers."""
    cases: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    seq = seq_base
    for generated in day.cases:
        for event, version in generated.events:
            seq += 1
            events.append(event_to_row_values(event, case_version=version, recorded_at=event.occurred_at, seq=seq))
        cases.append({**state_values(generated.state), "last_seq": seq})
    return cases, events
