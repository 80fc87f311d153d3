"""The pull's reads and bulk writes on the client's SQLite, straight to the sqlite3 driver.

Why not SQLAlchemy Core/ORM here: its per-parameter bind processing and per-row statement bookkeeping cost
more than the database does. Rows are in stored form (store.local.stored_values: exactly what the column types write
on SQLite), so nothing is converted on the way in or out and rows written here read back through the ORM like
any other. The statements run on the session's own DBAPI connection, inside the transaction the session has
begun (BEGIN IMMEDIATE), so they commit or roll back with everything else the caller does. SQLite only;
PostgreSQL goes through Core (store.local.pull).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from itertools import compress
from operator import itemgetter, ne
from typing import Any

from sqlalchemy.orm import Session

from .. import search
from .incoming import IncomingEvent
from .stored_values import CASE_COLUMNS, Row
from .tables import OutboxState

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
assert IncomingEvent._fields[:13] == (
    "id",
    "case_id",
    "seq",
    "type",
    "occurred",
    "recorded",
    *EVENT_COLUMNS[6:12],
    "payload_text",
)  # a row is e[:13]

CHUNK = 900  # values per IN (...) list, under every SQLite build's variable limit

INSERT_EVENTS = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
_INSERT_CASES = f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({', '.join('?' * len(CASE_COLUMNS))})"
_INDEX_CASES = f"INSERT INTO {search.FTS_TABLE} (rowid, doc) SELECT rowid, ? FROM cases WHERE id = ?"
case_values = itemgetter(*CASE_COLUMNS)  # a row's values in column order


def dbapi(session: Session) -> sqlite3.Connection:
    """The session's sqlite3 connection, with its transaction begun."""
    connection: Any = session.connection().connection.dbapi_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


def chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def read_cursor(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT cursor FROM sync_state WHERE id = 1").fetchone()
    return int(row[0] or 0) if row else 0


def write_cursor(connection: sqlite3.Connection, value: int, pulled_at: str) -> bool:
    """The same as sync_state.set_cursor, without the ORM's per-call cost; False when the row is missing."""
    done = connection.execute(
        "UPDATE sync_state SET cursor = ?, last_pull_at = ? WHERE id = 1", (value, pulled_at)
    ).rowcount
    return done == 1


def dirty_cases(connection: sqlite3.Connection, case_ids: Sequence[str], cursor: int) -> set[str]:
    """Cases with local events above the cursor: pending ones, or accepted ones the pull has not brought back."""
    # An outbox smaller than the page is read whole: looking up a page's thousand ids in the outbox's index
    # cost ~2 ms a page (a tenth of a catch-up's time), reading an empty or small outbox nothing.
    outbox = connection.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
    if outbox == 0:
        return set()
    if outbox <= len(case_ids):
        wanted = set(case_ids)
        return {
            row[0]
            for row in connection.execute(
                "SELECT DISTINCT case_id FROM sync_outbox WHERE state = ? OR (state = ? AND seq > ?)",
                (OutboxState.PENDING, OutboxState.DONE, cursor),
            )
            if row[0] in wanted
        }
    found: set[str] = set()
    for chunk in chunks(case_ids):
        found.update(
            row[0]
            for row in connection.execute(
                f"SELECT DISTINCT case_id FROM sync_outbox WHERE case_id IN ({_marks(len(chunk))})"
                " AND (state = ? OR (state = ? AND seq > ?))",
                (*chunk, OutboxState.PENDING, OutboxState.DONE, cursor),
            )
        )
    return found


def receipts_held_elsewhere(connection: sqlite3.Connection, receipts: Sequence[tuple[str, str]]) -> bool:
    """Whether a case other than these (case id, receipt number) holds one of their numbers."""
    wanted = {receipt: case_id for case_id, receipt in receipts if receipt}
    numbers = list(wanted)
    for chunk in chunks(numbers):
        sql = f"SELECT id, receipt_no FROM cases WHERE receipt_no IN ({_marks(len(chunk))})"
        if any(wanted[receipt] != case_id for case_id, receipt in connection.execute(sql, chunk)):
            return True
    return False


def known_event_cases(connection: sqlite3.Connection, event_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(event_ids):
        found.update(
            row[0]
            for row in connection.execute(f"SELECT case_id FROM events WHERE id IN ({_marks(len(chunk))})", chunk)
        )
    return found


def load_cases(
    connection: sqlite3.Connection, case_ids: Sequence[str], columns: tuple[str, ...] = CASE_COLUMNS
) -> dict[str, tuple[Any, ...]]:
    """The rows of these cases that exist, as tuples of `columns` (the first is id), stored form."""
    found: dict[str, tuple[Any, ...]] = {}
    names = ", ".join(columns)
    for chunk in chunks(case_ids):
        sql = f"SELECT {names} FROM cases WHERE id IN ({_marks(len(chunk))})"
        found.update((values[0], values) for values in connection.execute(sql, chunk))
    return found


def insert_events(connection: sqlite3.Connection, events: Sequence[IncomingEvent]) -> None:
    if events:
        connection.executemany(INSERT_EVENTS, [e[:13] for e in events])


def insert_cases(connection: sqlite3.Connection, rows: Sequence[Row]) -> None:
    if rows:
        connection.executemany(_INSERT_CASES, [case_values(r) for r in rows])


def index_cases(connection: sqlite3.Connection, rows: Sequence[Row]) -> None:
    """Search documents of new cases (the same as search.index_case writes), in one executemany."""
    if rows:
        connection.executemany(
            _INDEX_CASES,
            [
                (search.document_for(r["title"], r["body"], r["petitioner_name"], r["petitioner_phone"]), r["id"])
                for r in rows
            ],
        )


def update_cases(
    connection: sqlite3.Connection,
    rows: Sequence[Row],
    before: dict[str, tuple[Any, ...]],
    columns: tuple[str, ...] = CASE_COLUMNS,
) -> None:
    """Write only the columns that changed (`before`: the rows as loaded, as tuples of `columns`, which are the
    rows' keys), grouped by which columns changed: the cases table has eight indexes, and SQLite rewrites an
    index entry for every indexed column SET."""
    values = itemgetter(*columns)
    positions = range(len(columns))
    groups: dict[tuple[int, ...], list[tuple[Any, ...]]] = {}
    getters: dict[tuple[int, ...], Callable[[tuple[Any, ...]], tuple[Any, ...]]] = {}
    for row in rows:
        if len(row) != len(columns):
            raise RuntimeError(f"case {row['id']}: the projection set columns other than {columns}")
        new = values(row)
        changed = tuple(compress(positions, map(ne, new, before[new[0]])))
        if changed:
            group = groups.get(changed)
            if group is None:
                group = groups[changed] = []
                getters[changed] = itemgetter(*changed, 0)  # the changed values, then the id
            group.append(getters[changed](new))
    for changed, params in groups.items():
        assignments = ", ".join(f"{columns[i]} = ?" for i in changed)
        connection.executemany(f"UPDATE cases SET {assignments} WHERE id = ?", params)
