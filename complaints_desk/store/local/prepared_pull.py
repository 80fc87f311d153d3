"""A catch-up's pages projected ahead in a second process (sync.projector), and written here as prepared.

Why: the pull's Python work (decoding, projecting each event on its case, comparing the rows) and SQLite's work
take turns on the writer thread, and a thread beside it cannot take the Python half: it holds the GIL, and each of
the writer's returns from SQLite (one a row) then waits for it. A second process has its own interpreter. It
keeps the rows of the cases it has projected (`Projector`, the latest few tens of thousands, in stored form),
reads the others from the store, and projects page N+1 with the lifecycle's own handlers (domain.lifecycle
.project with the trusted reader, as store.local.pull does) while the writer writes page N; it hands over the
finished rows: event rows, new cases grouped by their empty columns, and the changed columns of the others
(`PreparedSlice`). The writer's part of a page is then the SQLite work alone.

The second process may be wrong about the store: a clerk's write came between two pages, or it read a case the
writer had not committed yet. So each slice is written under checks, in a savepoint (`write_prepared_slice`):
no case of the slice has local events above the cursor (the dirty cases, which store.local.pull rebases), no
event or new case is already here, no receipt number is held by another case, and every changed case still has
the version the projection started from (every change of a case row is an event, which moves its version). A
slice that fails a check leaves nothing behind, and it and the rest of its page are applied here as
store.local.pull applies any page (`PageSummary.fell_back`); the engine then tells the second process to start
afresh from what is committed.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from itertools import compress
from operator import itemgetter, ne
from typing import Any, NamedTuple
from urllib.parse import quote

from sqlalchemy.orm import Session

from ...domain.events import EventType
from ...domain.lifecycle import fields_touched, project
from .. import search
from . import bulk
from .deferred import NewCases, group_by_empty_columns, insert_grouped_cases
from .incoming import IncomingEvent
from .pull import CatchUp, PageSummary, SQLiteWriter, apply_events, events_by_case
from .reference_pull import ReferenceRecord, upsert_reference
from .stored_values import CASE_COLUMNS, STORED, Row, plain_codes

SLICE_EVENTS = 250  # events a prepared slice: a few milliseconds of the writer's work (see CatchUp.pause)
KEEP_ROWS = 50_000  # case rows the second process keeps (~40 MB); older ones are read again from the store
KEEP_DOCUMENTS = 200_000  # search documents a catch-up keeps for its end (~30 MB); past it the end makes them

_POSITION = {name: position for position, name in enumerate(CASE_COLUMNS)}
_RECEIPT = {EventType.RECEIVED.value}
_ID, _VERSION = CASE_COLUMNS.index("id"), CASE_COLUMNS.index("version")
_case_values = itemgetter(*CASE_COLUMNS)


class PreparedSlice(NamedTuple):
    """A run of a page's events, projected: what the writer writes for it (marshalled between the processes)."""

    end: int  # the page's events up to here (the slice starts where the one before ended)
    last_seq: int
    events: list[tuple[Any, ...]]  # rows of the events table
    case_ids: list[str]  # the cases the slice's events touch, in first-seen order
    new_cases: NewCases
    new_count: int
    updates: list[tuple[tuple[int, ...], list[tuple[Any, ...]]]]  # changed positions -> (*values, id, version)
    updated: int  # cases the updates change


RowReader = Callable[[Sequence[str]], dict[str, tuple[Any, ...]]]  # case ids -> stored rows of those here


def store_reader(store_path: str) -> RowReader:
    """A read-only connection of its own to the store: case rows as committed, in stored form, for the second
    process (sync.projector asks for them; one call at a time)."""
    connection = sqlite3.connect(f"file:{quote(store_path)}?mode=ro", uri=True, check_same_thread=False)
    connection.execute("PRAGMA busy_timeout=10000")
    connection.execute("PRAGMA mmap_size=1073741824")
    return lambda case_ids: bulk.load_cases(connection, case_ids)


class Projector:
    """The second process's side: projects pages in order over the rows it keeps, reading the rest through
    `read_rows`. Raises DomainError when an event does not apply to its case as it sees it (then `reset`).

    The new cases' search documents are made apart (`document`), when the process has nothing else to do: on
    pages of new cases it is the slower of the two processes, and the writer would wait for documents it needs
    only at the catch-up's end. A document is made from the receipt alone (only `received` sets the searched
    fields; a test holds the lifecycle to that), so it is the case's whatever the writer does with its slice."""

    def __init__(self, read_rows: RowReader, *, keep: int = KEEP_ROWS, slice_events: int = SLICE_EVENTS) -> None:
        self.read_rows, self.keep, self.slice_events = read_rows, keep, slice_events
        self.rows: OrderedDict[str, tuple[Any, ...]] = OrderedDict()
        self.undocumented: deque[tuple[str, str, str, str, str]] = deque()  # (case id, the searched fields)
        self.documented = 0
        self._getters: dict[tuple[int, ...], Callable[[tuple[Any, ...]], tuple[Any, ...]]] = {}

    def reset(self) -> None:
        """Forget every row kept: the next pages read their cases from the store as committed."""
        self.rows.clear()

    def document(self, most: int) -> list[tuple[str, str]]:
        """Search documents, by case id, of up to `most` of the new cases projected so far."""
        pending, made = self.undocumented, []
        for _ in range(min(most, len(pending))):
            case_id, title, body, name, phone = pending.popleft()
            made.append((case_id, search.document_for(title, body, name, phone)))
        return made

    def prepare(self, events: Sequence[IncomingEvent]) -> list[PreparedSlice]:
        size = self.slice_events
        try:
            return [self._slice(events[start : start + size], start) for start in range(0, len(events), size)]
        except BaseException:
            self.reset()  # rows of a page half projected would be ahead of the store
            raise

    def _slice(self, events: Sequence[IncomingEvent], start: int) -> PreparedSlice:
        by_case = events_by_case(events)
        kept = self.rows
        # A case whose first event here is its receipt is new (were it here already, its row's insert is
        # refused, and the slice is applied on the writer, where the lifecycle refuses the receipt): not looked up.
        missing = [
            case_id for case_id, group in by_case.items() if case_id not in kept and group[0].type not in _RECEIPT
        ]
        loaded = self.read_rows(missing) if missing else {}
        # Existing cases are projected over the columns this slice's kinds of event touch, as
        # store.local.pull does, and the changes merged into the full row kept.
        columns = (*fields_touched({item.type for item in events} - _RECEIPT), "last_seq")
        positions = tuple(_POSITION[name] for name in columns)
        touched = itemgetter(*positions)
        values_of = itemgetter(*columns)
        new: list[tuple[Any, ...]] = []
        updates: dict[tuple[int, ...], list[tuple[Any, ...]]] = {}
        updated = 0
        for case_id, group in by_case.items():
            old = kept.get(case_id)
            if old is None:
                old = loaded.get(case_id)
            if old is None:
                row: Row | None = None
                for item in group:
                    row = project(row, item, item.occurred, STORED)
                assert row is not None
                row["last_seq"] = group[-1].seq
                values = _case_values(plain_codes(row))
                new.append(values)
                if self.documented < KEEP_DOCUMENTS:
                    self.documented += 1
                    self.undocumented.append(
                        (case_id, row["title"], row["body"], row["petitioner_name"], row["petitioner_phone"])
                    )
            else:
                before = touched(old)
                row = dict(zip(columns, before, strict=True))
                for item in group:
                    row = project(row, item, item.occurred, STORED)
                row["last_seq"] = group[-1].seq
                plain_codes(row)
                if len(row) != len(columns):
                    raise RuntimeError(f"case {case_id}: the projection set columns other than {columns}")
                after = values_of(row)
                changed = tuple(compress(positions, map(ne, after, before)))
                values = old
                if changed:
                    merged = list(old)
                    for position, value in zip(positions, after, strict=True):
                        merged[position] = value
                    values = tuple(merged)
                    getter = self._getters.get(changed)
                    if getter is None:
                        getter = self._getters[changed] = itemgetter(*changed, _ID)
                    updates.setdefault(changed, []).append((*getter(values), old[_VERSION]))
                    updated += 1
            kept[case_id] = values
            kept.move_to_end(case_id)
        while len(kept) > self.keep:
            kept.popitem(last=False)
        return PreparedSlice(
            start + len(events),
            events[-1].seq,
            [item[:13] for item in events],
            list(by_case),
            group_by_empty_columns(new),
            len(new),
            list(updates.items()),
            updated,
        )


@lru_cache(maxsize=256)
def _update_sql(changed: tuple[int, ...]) -> str:
    assignments = ", ".join(f"{CASE_COLUMNS[i]} = ?" for i in changed)
    return f"UPDATE cases SET {assignments} WHERE id = ? AND version = ?"


class _DoesNotFit(Exception):
    pass


def write_prepared_slice(connection: sqlite3.Connection, piece: PreparedSlice, before: int) -> bool:
    """Write a prepared slice if it fits the store as it is (the module's docstring); False, with nothing
    written, when it does not."""
    if bulk.dirty_cases(connection, piece.case_ids, before):
        return False
    connection.execute("SAVEPOINT prepared_slice")
    try:
        if piece.events:
            connection.executemany(bulk.INSERT_EVENTS, piece.events)
        if piece.new_count:
            # A receipt number another case here holds (a number given offline: outbox.set_aside_receipts; the
            # pull applied here deals with it) is refused by the number's UNIQUE constraint: looking the
            # numbers up first cost a thousand index probes a page of new cases.
            insert_grouped_cases(connection, piece.new_cases, piece.new_count)
        updated = 0
        for changed, params in piece.updates:
            updated += connection.executemany(_update_sql(changed), params).rowcount
        if updated != piece.updated:
            raise _DoesNotFit
    except (sqlite3.IntegrityError, _DoesNotFit):
        connection.execute("ROLLBACK TO prepared_slice")
        connection.execute("RELEASE prepared_slice")
        return False
    connection.execute("RELEASE prepared_slice")
    return True


def apply_prepared_page(
    session: Session,
    slices: Sequence[PreparedSlice],
    reference: Sequence[ReferenceRecord],
    *,
    next_after: int,
    catch_up: CatchUp,
    decode: Callable[[], Sequence[IncomingEvent]],
    done: int = 0,
    now: datetime | None = None,
) -> PageSummary:
    """A catch-up page prepared by the second process, from its `done`-th event on (a transaction before this
    one let an intake in), in the caller's transaction, as store.local.pull.apply_incoming_page would apply
    it: slice by slice, ending the transaction after one when someone waits for the writer (CatchUp.pause).
    A slice that does not fit, and the rest of the page after it, is applied from `decode()` (the page's
    events, decoded here) by store.local.pull."""
    store = SQLiteWriter(session, catch_up)
    before = store.cursor()
    upsert_reference(session, reference)
    total = slices[-1].end if slices else 0
    applied, new_cases, rebased, fell_back = done, 0, [], False
    cursor = next_after
    for piece in slices:
        if piece.end <= done:
            continue
        start = applied
        store.begin_page(piece.end - start)
        if not fell_back and write_prepared_slice(store.connection, piece, before):
            new_cases += piece.new_count
        else:
            fell_back = True
            created, dirty = apply_events(session, store, decode()[start : piece.end], before)
            new_cases += created
            rebased.extend(dirty)
        applied, before = piece.end, piece.last_seq
        if applied >= total:
            break
        if catch_up.between_slices():
            cursor = before
            break
    store.set_cursor(cursor, now or datetime.now(UTC))
    if applied >= total and catch_up.on_written is not None:
        catch_up.on_written()
    return PageSummary(applied - done, new_cases, tuple(rebased), len(reference), cursor, fell_back=fell_back)
