"""A catch-up's deferred index work on the client's SQLite (store.local.pull.CatchUp), as the demo builder does
for a new store (store/demo/build.py): new cases go into the search index after the catch-up, a batch at a
time, rather than page by page; and once a catch-up has pulled at least twice as many events as the store had
cases, the secondary indexes of cases and events are dropped and later created again from their saved SQL, so
the schema ends identical. What is deferred is written down in `meta` in the same transaction as the page (the
dropped indexes' SQL, the rowid ranges of cases not yet in the search index), so a catch-up cut short (a crash,
a kill, the network gone) is finished by finish_deferred the next time the engine runs, before it pulls again.
Until then the queue and search of those cases are slow or incomplete; the engine does not report the pull
before finish_deferred has run."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import compress
from operator import is_, itemgetter
from typing import Any

from sqlalchemy.orm import Session

from .. import indexes, search
from . import bulk
from .stored_values import CASE_COLUMNS, Row

DEFERRED_SEARCH = "pull.deferred_search"  # meta: [[first, last], ...] rowid ranges of cases not yet indexed
FINISH_STEP = 100_000  # cases a finish_deferred step puts in the search index, in one transaction
FINISH_CHUNK = 250  # … a few milliseconds' worth at a time, between which it can pause for another writer
INDEX_STEP = 1_000_000  # rows of index a finish_deferred step builds (at least one index; ten times cheaper a row)

_ROWID_AND_CASE_COLUMNS = ("rowid", *CASE_COLUMNS)
_NONES = (None,) * len(CASE_COLUMNS)
_POSITIONS = range(len(_ROWID_AND_CASE_COLUMNS))
_CASE_POSITIONS = range(1, len(_ROWID_AND_CASE_COLUMNS))  # (the rowid is never empty)


@lru_cache(maxsize=256)
def _insert_case_sql(nulls: tuple[int, ...]) -> str:
    """INSERT of a case row with NULL written into the statement at `nulls` (positions in rowid + columns)."""
    values = ", ".join("NULL" if i in nulls else "?" for i in _POSITIONS)
    return f"INSERT INTO cases ({', '.join(_ROWID_AND_CASE_COLUMNS)}) VALUES ({values})"


def case_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM cases").fetchone()[0])


def drop_secondary_indexes(connection: sqlite3.Connection) -> None:
    """Drop the non-unique indexes of cases and events, keeping their SQL in meta (added to any kept before)."""
    saved = indexes.read_meta_list(connection, indexes.DEFERRED_INDEXES)
    saved.extend([name, sql] for name, sql in indexes.drop_indexes(connection, unique=False))
    indexes.write_meta_list(connection, indexes.DEFERRED_INDEXES, saved)


def insert_cases_deferring_search(connection: sqlite3.Connection, rows: Sequence[Row]) -> None:
    """New cases with rowids of our choosing (the next free ones), noted in meta as not yet in the search index.
    A new case has a score of empty columns: they are written as NULL in the statement rather than bound as
    None parameters (the sqlite3 module binds a None through its adapter lookup: ~0.5 us each, ~8 us a case),
    one executemany for each set of empty columns."""
    values = bulk.case_values
    insert_grouped_cases(connection, group_by_empty_columns(values(row) for row in rows), len(rows))


NewCases = dict[tuple[int, ...], list[tuple[int, tuple[Any, ...]]]]  # empty positions -> (number, the others)


def group_by_empty_columns(cases: Iterable[tuple[Any, ...]]) -> NewCases:
    """New cases (values in CASE_COLUMNS order) grouped by which columns are empty, each numbered by its place
    in the batch (from 0) and without its empty values: what insert_grouped_cases writes. The catch-up's second
    process (sync.projector) makes these groups, so the writer does not."""
    groups: NewCases = {}
    for number, values in enumerate(cases):
        nulls = tuple(compress(_CASE_POSITIONS, map(is_, values, _NONES)))
        group = groups.get(nulls)
        if group is None:
            group = groups[nulls] = []
        group.append((number, _non_empty(nulls)(values)))
    return groups


@lru_cache(maxsize=256)
def _non_empty(nulls: tuple[int, ...]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """The values of a case at the positions not in `nulls` (positions in rowid + columns), as a tuple."""
    kept = [i - 1 for i in _CASE_POSITIONS if i not in nulls]
    if len(kept) == 1:
        only = kept[0]
        return lambda values: (values[only],)
    return itemgetter(*kept)


def insert_grouped_cases(connection: sqlite3.Connection, groups: NewCases, count: int) -> None:
    """A batch of `count` new cases (group_by_empty_columns) with the next free rowids, in their batch order,
    noted in meta as not yet in the search index."""
    first = int(connection.execute("SELECT coalesce(max(rowid), 0) + 1 FROM cases").fetchone()[0])
    for nulls, params in groups.items():
        connection.executemany(_insert_case_sql(nulls), [(first + number, *kept) for number, kept in params])
    last = first + count - 1
    ranges = indexes.read_meta_list(connection, DEFERRED_SEARCH)
    if ranges and ranges[-1][1] == first - 1:
        ranges[-1][1] = last
    else:
        ranges.append([first, last])
    indexes.write_meta_list(connection, DEFERRED_SEARCH, ranges)


def _documents_made(
    connection: sqlite3.Connection, first: int, last: int, documents: Mapping[str, str]
) -> list[tuple[int, str]] | None:
    """The search rows of the cases with rowids first..last from documents already made, or None when one of
    them has none (the chunk is then made here whole)."""
    made = []
    for rowid, case_id in connection.execute(
        "SELECT rowid, id FROM cases WHERE rowid BETWEEN ? AND ?", (first, last)
    ):
        document = documents.get(case_id)
        if document is None:
            return None
        made.append((rowid, document))
    return made


def has_deferred(session: Session) -> bool:
    """Whether a catch-up left index work to do (finish_deferred)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    connection = bulk.dbapi(session)
    found = connection.execute(
        "SELECT count(*) FROM meta WHERE key IN (?, ?)", (indexes.DEFERRED_INDEXES, DEFERRED_SEARCH)
    ).fetchone()[0]
    return bool(found)


def finish_deferred(
    session: Session,
    *,
    step: int = FINISH_STEP,
    index_step: int = INDEX_STEP,
    pause: Callable[[], bool] | None = None,
    documents: Mapping[str, str] | None = None,
) -> bool:
    """Do one bounded step of the index work catch-ups deferred, in the caller's transaction: first the dropped
    indexes (all at once on a small store, one at a time on a big one), then the search documents of up to
    `step` cases. Returns True when nothing is left; call it in fresh transactions until then, so other
    writers (an intake at the counter) wait for one step at most, never for the whole build. `pause` (as
    CatchUp.pause) is asked after each index and each FINISH_CHUNK cases: True ends the step there.
    `documents`: search documents already made, by case id (CatchUp.documents); the others are made here."""
    if session.get_bind().dialect.name != "sqlite":
        return True
    session.flush()
    connection = bulk.dbapi(session)
    pending = indexes.read_meta_list(connection, indexes.DEFERRED_INDEXES)
    if pending:
        rows, done = case_count(connection), 0
        while pending and (done == 0 or (done + rows <= index_step and not (pause is not None and pause()))):
            name, sql = pending.pop(0)
            indexes.create_missing_index(connection, name, sql)
            done += rows
        indexes.write_meta_list(connection, indexes.DEFERRED_INDEXES, pending)
        return False
    ranges = indexes.read_meta_list(connection, DEFERRED_SEARCH)
    if not ranges:
        return True
    budget = step
    while ranges and budget > 0:
        first, last = ranges[0]
        upto = min(last, first + min(budget, FINISH_CHUNK) - 1)
        documented = _documents_made(connection, first, upto, documents) if documents else None
        if documented is None:
            documented = [
                (rowid, search.document_for(title, body, name, phone))
                for rowid, title, body, name, phone in connection.execute(
                    "SELECT rowid, title, body, petitioner_name, petitioner_phone FROM cases"
                    " WHERE rowid BETWEEN ? AND ?",
                    (first, upto),
                )
            ]
        connection.executemany(f"INSERT INTO {search.FTS_TABLE} (rowid, doc) VALUES (?, ?)", documented)
        budget -= upto - first + 1
        if upto == last:
            ranges.pop(0)
        else:
            ranges[0][0] = upto + 1
        if pause is not None and pause():
            break
    indexes.write_meta_list(connection, DEFERRED_SEARCH, ranges)
    return not ranges
