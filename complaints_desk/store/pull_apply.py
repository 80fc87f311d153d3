"""Applying one pulled page: events, reference-data changes and the new cursor, in the caller's ONE transaction.

Cases the page touches fall in two groups. *Clean* cases (no local event of ours above the cursor) take the
fast path: the new events are appended with the server's seq and case_version, the case rows are projected in
Python (store.trusted_projection) and everything is written with executemany. *Dirty* cases (we have pending
events, or accepted ones the pull has not brought back yet) are rebased one by one (store.rebase).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, insert, or_, select, text, update
from sqlalchemy.orm import Session

from ..domain.case import CASE_FIELDS
from ..domain.errors import DomainError
from . import bulk_sqlite, search
from .client_tables import OutboxRow, OutboxState
from .models import Base, CaseRow, Category, ClosureRow, Department, EventRow, RoutingRuleRow, Staff, Station
from .rebase import ServerEvent, ServerHistoryError, rebase_case
from .sync_state import cursor as current_cursor
from .sync_state import set_cursor
from .trusted_projection import Row, project
from .types import UTCDateTime

_CHUNK = 900  # ids per IN (...) list, under every SQLite build's variable limit

_REFERENCE_MODELS: Mapping[str, type[Base]] = {
    "departments": Department,
    "staff": Staff,
    "stations": Station,
    "categories": Category,
    "routing_rules": RoutingRuleRow,
    "closures": ClosureRow,
}
_NEVER_FROM_WIRE = {"password_hash"}  # a client never keeps other people's password hashes


@dataclass(frozen=True)
class ReferenceRecord:
    seq: int
    table: str
    record: Mapping[str, Any]


@dataclass(frozen=True)
class PageSummary:
    events: int
    new_cases: int
    rebased_cases: tuple[str, ...]
    reference: int
    cursor: int


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _dirty_cases(session: Session, case_ids: Sequence[str], before: int) -> set[str]:
    dirty: set[str] = set()
    for chunk in _chunks(case_ids):
        dirty.update(
            session.execute(
                select(OutboxRow.case_id)
                .where(
                    OutboxRow.case_id.in_(chunk),
                    or_(
                        OutboxRow.state == OutboxState.PENDING,
                        (OutboxRow.state == OutboxState.DONE) & (OutboxRow.seq > before),
                    ),
                )
                .distinct()
            ).scalars()
        )
    return dirty


def _known_event_cases(session: Session, event_ids: Sequence[str]) -> set[str]:
    """Cases of page events we already hold (our own, even without an outbox row): they need a rebase."""
    found: set[str] = set()
    for chunk in _chunks(event_ids):
        found.update(session.execute(select(EventRow.case_id).where(EventRow.id.in_(chunk))).scalars())
    return found


def _load_rows(session: Session, case_ids: Sequence[str], *, sqlite: bool) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    if sqlite:
        for chunk in _chunks(case_ids):
            rows.update(bulk_sqlite.load_cases(session, chunk))
        return rows
    columns = [getattr(CaseRow, name) for name in CASE_FIELDS]
    for chunk in _chunks(case_ids):
        for values in session.execute(select(*columns).where(CaseRow.id.in_(chunk))):
            rows[values.id] = dict(zip(CASE_FIELDS, values, strict=True))
    return rows


def apply_pull_page(
    session: Session,
    events: Sequence[ServerEvent],
    reference: Sequence[ReferenceRecord] = (),
    *,
    next_after: int,
    now: datetime | None = None,
) -> PageSummary:
    before = current_cursor(session)
    upsert_reference(session, reference)
    by_case: dict[str, list[ServerEvent]] = {}
    for item in events:
        by_case.setdefault(item.event.case_id, []).append(item)
    case_ids = list(by_case)
    dirty = _dirty_cases(session, case_ids, before) | _known_event_cases(session, [e.event.id for e in events])
    clean = [case_id for case_id in case_ids if case_id not in dirty]
    sqlite = session.get_bind().dialect.name == "sqlite"
    rows = _load_rows(session, clean, sqlite=sqlite)
    existing = set(rows)
    loaded = {case_id: dict(row) for case_id, row in rows.items()} if sqlite else {}
    event_rows: list[dict[str, Any]] = []
    last_seq: dict[str, int] = {}
    for case_id in clean:
        row: Row | None = rows.get(case_id)
        for item in by_case[case_id]:
            try:
                row = project(row, item.event)
            except DomainError as error:
                raise ServerHistoryError(f"server event {item.event.id} does not apply: {error.en}") from error
            event_rows.append(_event_values(item))
        assert row is not None
        rows[case_id] = row
        last_seq[case_id] = by_case[case_id][-1].seq
    new_rows = [rows[c] | {"last_seq": last_seq[c]} for c in clean if c not in existing]
    changed = [rows[c] | {"last_seq": last_seq[c]} for c in clean if c in existing]
    if sqlite:
        bulk_sqlite.insert_events(session, event_rows)
        bulk_sqlite.insert_cases(session, new_rows)
        bulk_sqlite.update_cases(session, changed, loaded)
    else:
        if event_rows:
            session.execute(insert(EventRow), event_rows)
        if new_rows:
            session.execute(insert(CaseRow), new_rows)
        if changed:
            session.execute(update(CaseRow), changed)  # ORM bulk UPDATE by primary key (executemany)
    if new_rows:
        _index_new_cases(session, new_rows)
    rebased = tuple(case_id for case_id in case_ids if case_id in dirty)
    for case_id in rebased:
        rebase_case(session, case_id, cursor=before, incoming=by_case[case_id])
    set_cursor(session, next_after, now=now or datetime.now(UTC))
    return PageSummary(len(events), len(new_rows), rebased, len(reference), next_after)


def _event_values(item: ServerEvent) -> dict[str, Any]:
    e = item.event
    return {
        "id": e.id,
        "case_id": e.case_id,
        "seq": item.seq,
        "type": e.type.value,
        "occurred_at": e.occurred_at,
        "recorded_at": item.recorded_at,
        "actor_id": e.actor_id,
        "actor_role": e.actor_role.value,
        "actor_department": e.actor_department,
        "station_code": e.station_code,
        "base_version": e.base_version,
        "case_version": item.case_version,
        "payload": e.payload if isinstance(e.payload, dict) else dict(e.payload),
    }


def _index_new_cases(session: Session, rows: Sequence[Row]) -> None:
    # The same documents as search.index_case, written as one executemany instead of a statement per case.
    params = [
        {
            "id": r["id"],
            "doc": search.document_for(r["title"], r["body"], r["petitioner_name"], r["petitioner_phone"]),
        }
        for r in rows
    ]
    if session.get_bind().dialect.name == "postgresql":
        statement = (
            "INSERT INTO case_search (case_id, doc) VALUES (:id, to_tsvector('simple', :doc)) "
            "ON CONFLICT (case_id) DO UPDATE SET doc = excluded.doc"
        )
    else:
        statement = "INSERT INTO case_fts (rowid, doc) SELECT rowid, :doc FROM cases WHERE id = :id"
    session.execute(text(statement), params)


# --- reference data ----------------------------------------------------------------------------------------


def _coerce(model: type[Base], record: Mapping[str, Any]) -> dict[str, Any]:
    columns = model.__table__.columns
    values: dict[str, Any] = {}
    for key, value in record.items():
        if key not in columns or key in _NEVER_FROM_WIRE:
            continue
        column_type = columns[key].type
        if isinstance(value, str) and isinstance(column_type, UTCDateTime | DateTime):
            value = datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column_type, Date):
            value = date.fromisoformat(value[:10])
        values[key] = value
    return values


def upsert_reference(session: Session, changes: Sequence[ReferenceRecord]) -> None:
    """Departments, staff, stations, categories, routing rules and closures as the server has them now.
    Our own station's receipt counter never goes back: numbers issued offline are ahead of the server."""
    for change in sorted(changes, key=lambda c: c.seq):
        model = _REFERENCE_MODELS.get(change.table)
        if model is None:
            continue
        values = _coerce(model, change.record) | {"updated_seq": change.seq}
        if "id" not in values:
            continue
        table: Table = model.__table__  # type: ignore[assignment]
        existing = session.execute(select(table).where(table.c.id == values["id"])).first()
        if existing is None and "code" in values:
            # made locally before the server's copy arrived (our own station at enrolment): take the server's id
            existing = session.execute(select(table).where(table.c.code == values["code"])).first()
        if existing is None:
            session.execute(insert(table).values(**values))
            continue
        if model is Station:
            values = _keep_counter_ahead(values, existing)
        session.execute(update(table).where(table.c.id == existing.id).values(**values))


def _keep_counter_ahead(values: dict[str, Any], local: Any) -> dict[str, Any]:
    server = (values.get("last_receipt_day"), values.get("last_receipt_seq", 0))
    mine = (local.last_receipt_day, local.last_receipt_seq)
    if mine[0] is not None and (server[0] is None or mine > server):
        values = values | {"last_receipt_day": mine[0], "last_receipt_seq": mine[1]}
    return values
