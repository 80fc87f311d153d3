"""Generated cases as rows: plain tuples for SQLite's executemany (values stored exactly as SQLAlchemy
stores them, so the ORM reads them back unchanged) and dicts for SQLAlchemy Core on PostgreSQL.

Row-local numbers (rowid, seq, last_seq) count from 1 within a day; the writer adds the running base in
the SQL itself, so the rows never need rebuilding in the writing process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ...domain.case import CASE_FIELDS
from .. import search
from ..models import CaseRow, EventRow
from ..projection import event_to_row_values, state_values
from .generate import DayCases

CASE_COLUMNS: tuple[str, ...] = tuple(c.name for c in CaseRow.__table__.columns)
EVENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in EventRow.__table__.columns)
assert set(CASE_FIELDS) | {"last_seq"} == set(CASE_COLUMNS), "cases table and CaseState disagree"


@dataclass
class SqliteDay:
    day: date
    cases: list[tuple[Any, ...]]  # (local rowid, *CASE_COLUMNS with last_seq local)
    events: list[tuple[Any, ...]]  # EVENT_COLUMNS with seq local
    docs: list[tuple[int, str]]  # (local rowid, search document)
    receipts: dict[str, int]


def sqlite_value(value: Any) -> Any:
    """What SQLAlchemy's SQLite dialect stores for a value (DateTime: naive UTC with microseconds)."""
    if value is None or isinstance(value, str | int):
        return int(value) if isinstance(value, bool) else value
    if isinstance(value, datetime):
        return f"{value.astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}"
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"no SQLite form for {type(value).__name__}")


def to_sqlite(day: DayCases) -> SqliteDay:
    cases: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    docs: list[tuple[int, str]] = []
    seq = 0
    for rowid, generated in enumerate(day.cases, start=1):
        for event, version in generated.events:
            seq += 1
            at = sqlite_value(event.occurred_at)
            events.append(
                (
                    event.id, event.case_id, seq, event.type.value, at, at, event.actor_id, event.actor_role.value,
                    event.actor_department, event.station_code, event.base_version, version,
                    json.dumps(dict(event.payload)),
                )
            )  # fmt: skip
        values = state_values(generated.state)
        values["last_seq"] = seq
        cases.append((rowid, *(sqlite_value(values[name]) for name in CASE_COLUMNS)))
        state = generated.state
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
