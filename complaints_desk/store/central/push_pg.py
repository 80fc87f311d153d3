"""store.central.push's writes on PostgreSQL, each table's rows as ONE statement whatever the batch size
(seq_commit queues them in its pipeline: write_unnumbered_pg before it takes the counter, write_numbered_pg
right after).

Each statement takes its rows as one JSON document (json_populate_recordset turns it into rows of the
table's own type, with the columns' own input conversions). Against an executemany that is one statement
for PostgreSQL to run instead of one per row, and one json.dumps here instead of converting every value
of every row into a query parameter (about 50 columns per case). The statement texts never change, so
psycopg prepares them once per connection."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import Table

from ..cases import case_row, search_row
from ..projection import event_to_row_values
from .push import CASES, EVENTS, OUTCOMES, Batch


def _json_value(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a column value")


def _rows_json(rows: Sequence[dict[str, Any]]) -> str:
    """Rows the server built itself (cases, search documents, rejections) with orjson: datetimes, dates and
    StrEnums as the columns' input conversions read them."""
    return orjson.dumps(rows).decode()


def _payload_rows_json(rows: Sequence[dict[str, Any]]) -> str:
    """Rows carrying a client's payload, with the standard library as before (SQLAlchemy's JSONB): orjson
    would write NaN as null, changing what was pushed, and refuses integers beyond 64 bits. A NaN is written
    as NaN, which PostgreSQL refuses, as it did."""
    return json.dumps(rows, ensure_ascii=False, default=_json_value)


def _columns(table: Table, *, leave_out: tuple[str, ...] = ()) -> list[str]:
    names = [column.name for column in table.columns if column.name not in leave_out]
    assert all(table.c[name].key == name for name in names)  # the JSON keys are the column keys
    return names


def _pg_insert(table: Table) -> str:
    names = ", ".join(_columns(table))
    return (
        f"INSERT INTO {table.name} ({names}) "
        f"SELECT {names} FROM json_populate_recordset(NULL::{table.name}, %s::json)"
    )


_PG_INSERT_OUTCOMES = _pg_insert(OUTCOMES)
# One station per statement, in code order (one lock order for every batch: no deadlock between batches).
_PG_STATION = (
    "UPDATE stations SET last_receipt_day = %(day)s, last_receipt_seq = %(seq)s WHERE code = %(code)s "
    "AND (last_receipt_day IS NULL OR last_receipt_day < %(day)s "
    "OR (last_receipt_day = %(day)s AND last_receipt_seq < %(seq)s))"
)


# The statements that run under the counter lock, after seq_commit has taken the batch's n numbers: the k-th
# accepted event of the batch (k = 1..n) gets last - n + k, `last` being the counter value this transaction
# just wrote (visible to its own later statements). Their JSON rows carry k in the numbered column (events.seq,
# cases.last_seq: the position of the case's newest event). Every row is written once, already numbered:
# writing the rows first and numbering them after wrote each row twice, and a case row twice with all its
# ten index entries (the numbering update found no room on the freshly filled page for a HOT update).
def _numbered(column: str, name: str) -> str:
    return f"c.value - %(n)s + x.{name}" if name == column else f"x.{name}"


def _pg_numbered_insert(table: Table, column: str) -> str:
    names = _columns(table)
    return (
        f"INSERT INTO {table.name} ({', '.join(names)}) "
        f"SELECT {', '.join(_numbered(column, name) for name in names)} "
        f"FROM server_counters c, json_populate_recordset(NULL::{table.name}, %(rows)s::json) AS x "
        "WHERE c.name = %(name)s"
    )


_PG_INSERT_CASES = _pg_numbered_insert(CASES, "last_seq")
_PG_INSERT_EVENTS = _pg_numbered_insert(EVENTS, "seq")
# search.index_cases's statement, for many rows at once (the document is search.document_for's); after the
# cases (its rows reference them).
_PG_INDEX_CASES = (
    "INSERT INTO case_search (case_id, doc) SELECT x.id, to_tsvector('simple', x.doc) "
    "FROM json_to_recordset(%(rows)s::json) AS x(id text, doc text)"
)
# The whole row but its id: these rows are locked FOR UPDATE by this transaction since apply_batch, so
# writing every column is the same as writing the changed ones.
_UPDATED = _columns(CASES, leave_out=("id",))
_PG_UPDATE_CASES = (
    f"UPDATE cases SET ({', '.join(_UPDATED)}) = ({', '.join(_numbered('last_seq', n) for n in _UPDATED)}) "
    "FROM server_counters c, json_populate_recordset(NULL::cases, %(rows)s::json) AS x "
    "WHERE c.name = %(name)s AND cases.id = x.id"
)


def write_unnumbered_pg(cursor: Any, batch: Batch) -> None:
    """The part of write_batch that needs no sequence number (stored rejections, stations' receipt numbers),
    on PostgreSQL through a psycopg cursor: seq_commit queues it in its pipeline before taking the counter."""
    if batch.rejections:
        cursor.execute(_PG_INSERT_OUTCOMES, (_rows_json(batch.rejections),))
    for number in sorted(batch.recording.receipts_seen.values(), key=lambda n: n.station_code):
        cursor.execute(_PG_STATION, {"code": number.station_code, "day": number.day, "seq": number.sequence})


def write_numbered_pg(cursor: Any, batch: Batch, counter: str) -> None:
    """The rest of write_batch, each table's rows in one statement, numbered from the `counter` row that this
    transaction has just advanced by len(batch.accepted) (seq_commit queues it right after taking it): new
    cases (and their search rows), changed cases, events."""
    recording = batch.recording
    if not recording.accepted:
        return
    common = {"n": len(recording.accepted), "name": counter}
    newest = batch.newest_positions()
    # The rows cases.write_recording writes, as JSON (a StrEnum is written as its value).
    states, new_cases = recording.states, recording.new_cases
    created = [case_row(states[case_id], newest[case_id]) for case_id in new_cases]
    changed = [
        case_row(states[case_id], position) for case_id, position in newest.items() if case_id not in new_cases
    ]
    if created:
        cursor.execute(_PG_INSERT_CASES, {**common, "rows": _rows_json(created)})
        documents = [search_row(states[case_id]) for case_id in new_cases]
        cursor.execute(_PG_INDEX_CASES, {"rows": _rows_json(documents)})
    if changed:
        cursor.execute(_PG_UPDATE_CASES, {**common, "rows": _rows_json(changed)})
    events = [
        {
            **event_to_row_values(event, case_version=version, recorded_at=batch.now, seq=position),
            "pushed_by": batch.pushed_by,
            "pushed_from": batch.pushed_from,
        }
        for position, (event, version) in enumerate(recording.accepted, start=1)
    ]
    cursor.execute(_PG_INSERT_EVENTS, {**common, "rows": _payload_rows_json(events)})
