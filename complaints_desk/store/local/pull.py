"""Applying one pulled page: events, reference-data changes and the new cursor, in the caller's ONE transaction.

Cases the page touches fall in two groups. *Clean* cases (no local event of ours above the cursor) take the
fast path: each case row is loaded once (only the columns the page's kinds of event touch), every event of the
page for it is projected on the row in stored form by the lifecycle's own handlers with its trusted reader
(domain.lifecycle.project with stored_values.STORED: the server checked these events), and the page is
written with one executemany per table: the events, the new cases, the changed columns of the cases already here, and the search documents of the new cases.
*Dirty* cases (we have pending events, or accepted ones the pull has not brought back yet, or the page
brings back an event we already hold) are rebased one by one (store.rebase).

A *catch-up* (a pull far behind the server: a fresh client, or one back from a long time offline; the engine
starts one when the first page is full and more follow) defers index work to its end (store.local.deferred).
It writes each page in slices of a few milliseconds, each applied as a page of its own would be; when another
write waits for the writer (CatchUp.pause), the transaction ends after a slice with the cursor at its last
event. Every transaction still commits with its cursor. Reference data (departments, staff, …) comes with the
page and is written by store.local.reference_pull.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from time import perf_counter, sleep
from typing import Any

from sqlalchemy import insert, or_, select, text, update
from sqlalchemy.orm import Session

from ...domain.errors import DomainError
from ...domain.events import EventType
from ...domain.lifecycle import fields_touched, project
from .. import search
from ..models import CaseRow, EventRow
from . import bulk
from .deferred import case_count, drop_secondary_indexes, insert_cases_deferring_search
from .incoming import IncomingEvent, ServerEvent
from .outbox import set_aside_receipts
from .rebase import ServerHistoryError, rebase_case
from .reference_pull import ReferenceRecord, upsert_reference
from .stored_values import STORED, Row, from_stored, parse_stored_utc, plain_codes, stored_utc, to_stored
from .sync_state import cursor as current_cursor
from .sync_state import set_cursor
from .tables import OutboxRow, OutboxState, SyncStateRow

_RECEIPT = {EventType.RECEIVED.value}


SLICE_SECONDS = 0.005  # a catch-up writes a page in slices of about this much work (see CatchUp.pause) …
# … and of this much while the screen reads or repaints (CatchUp.give_way): a slice is Python, and the GUI thread
# takes turns on the interpreter with it until the slice ends and the catch-up gives way
BUSY_SLICE_SECONDS = 0.001
_SLICE_MIN, _SLICE_MAX = 50, 5000  # events a slice
GIVE_WAY_NAP = 0.0005  # seconds a catch-up that gives way to the screen's reads sleeps before it looks again …
GIVE_WAY_MOST = 0.02  # … and at most this long between two slices: the catch-up goes on under a busy screen


@dataclass
class CatchUp:
    """One catch-up's progress across its pages (the engine makes one and passes it with every page)."""

    cases_before: int | None = None  # the store's cases when the catch-up began (read with its first page)
    pulled: int = 0  # events applied so far
    indexes_dropped: bool = False
    # called when a page is written and only its commit is left (sync.catch_up.PageReader decodes the next then)
    on_written: Callable[[], None] | None = None
    # Asked after each slice of a page (a few milliseconds of work, SLICE_SECONDS): True when someone else
    # waits for the writer (gui.tasks.Tasks.foreground_waiting: an intake at the counter). The page's
    # transaction then ends with the slices written so far and the cursor at their last event, and the engine
    # gives the rest of the page in the next transaction, after the intake.
    pause: Callable[[], bool] | None = None
    # Asked after each slice too: True while the screen's reads run (gui.tasks.Tasks.reads_running). The slices
    # are Python and hold the GIL, and each return of a read from SQLite (one per row fetched) then waits for
    # it again; so the catch-up sleeps, its transaction open, until the reads are done (GIVE_WAY_MOST at most).
    give_way: Callable[[], bool] | None = None
    slice_events: int = 200  # the next slice's size, adapted to SLICE_SECONDS as the slices go
    # search documents of new cases by case id, made by the catch-up's second process (store.local
    # .prepared_pull.Projector.document) for finish_deferred, which makes the others itself
    documents: dict[str, str] = field(default_factory=dict)

    def between_slices(self) -> bool:
        """After a slice of a page: give way to the screen's reads (give_way), then whether the transaction ends
        here because someone waits for the writer (pause)."""
        if self.give_way is not None:
            give_way(self)
        return self.pause is not None and self.pause()


@dataclass(frozen=True)
class PageSummary:
    events: int  # applied in this transaction: fewer than given when a catch-up paused (CatchUp.pause)
    new_cases: int
    rebased_cases: tuple[str, ...]
    reference: int
    cursor: int
    # A page prepared by the catch-up's second process (store.local.prepared_pull) that did not fit the store
    # as it is, in part or whole, and was applied here instead: that process must start afresh.
    fell_back: bool = False


def apply_pull_page(
    session: Session,
    events: Sequence[ServerEvent],
    reference: Sequence[ReferenceRecord] = (),
    *,
    next_after: int,
    now: datetime | None = None,
) -> PageSummary:
    """A page of domain events (tests, callers holding `Event`s); the sync engine uses apply_incoming_page."""
    incoming = [IncomingEvent.from_server_event(item) for item in events]
    return apply_incoming_page(session, incoming, reference, next_after=next_after, now=now)


def apply_incoming_page(
    session: Session,
    events: Sequence[IncomingEvent],
    reference: Sequence[ReferenceRecord] = (),
    *,
    next_after: int,
    now: datetime | None = None,
    catch_up: CatchUp | None = None,
) -> PageSummary:
    """Apply a page read by sync.pull_codec (events in stored form) and store its cursor, in the caller's
    transaction. Raises ServerHistoryError when a server event does not apply to the local copy of its case.
    With `catch_up` (SQLite only; ignored elsewhere) index work is deferred, see the module's docstring, and the
    page is written in slices, each applied as a page of its own would be (its own `before` cursor), so that
    the transaction can end after any of them (CatchUp.pause): the summary then counts the events applied, the
    cursor is the last one's seq, and the caller applies the rest in another transaction."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    store: _Writer = SQLiteWriter(session, catch_up) if sqlite else _CoreWriter(session)
    before = store.cursor()
    upsert_reference(session, reference)
    slicing = catch_up if sqlite else None
    done, new_cases, rebased = 0, 0, []
    cursor = next_after
    while True:
        size = len(events) - done if slicing is None else slicing.slice_events
        part = events[done : done + size]
        started = perf_counter()
        created, dirty = apply_events(session, store, part, before)
        new_cases += created
        rebased.extend(dirty)
        done += len(part)
        if done >= len(events):
            break
        before = part[-1].seq
        if slicing is not None:
            elapsed = perf_counter() - started
            seconds = BUSY_SLICE_SECONDS if slicing.give_way is not None and slicing.give_way() else SLICE_SECONDS
            wanted = len(part) * seconds / elapsed if elapsed > 0 else _SLICE_MAX
            slicing.slice_events = max(_SLICE_MIN, min(_SLICE_MAX, int(wanted)))
            if slicing.between_slices():
                cursor = before
                break
    store.set_cursor(cursor, now or datetime.now(UTC))
    if done >= len(events) and catch_up is not None and catch_up.on_written is not None:
        catch_up.on_written()
    return PageSummary(done, new_cases, tuple(rebased), len(reference), cursor)


def give_way(catch_up: CatchUp) -> None:
    """Sleep while the screen's reads run (CatchUp.give_way), until someone waits for the writer or at most
    GIVE_WAY_MOST: a sleep lets go of the GIL, a read lets it go and takes it back once per row."""
    assert catch_up.give_way is not None
    until = perf_counter() + GIVE_WAY_MOST
    while catch_up.give_way() and perf_counter() < until:
        if catch_up.pause is not None and catch_up.pause():
            return
        sleep(GIVE_WAY_NAP)


def apply_events(
    session: Session, store: _Writer, events: Sequence[IncomingEvent], before: int
) -> tuple[int, list[str]]:
    """Events of a page (or of a slice of one) above cursor `before`: (new cases, rebased cases)."""
    store.begin_page(len(events))
    by_case = events_by_case(events)
    case_ids = list(by_case)
    dirty = store.dirty_cases(case_ids, before)
    while True:  # (twice at most: a held event's case joins the dirty ones)
        clean = [case_id for case_id in case_ids if case_id not in dirty] if dirty else case_ids
        clean_events = [item for case_id in clean for item in by_case[case_id]]
        held = store.insert_events(clean_events)
        if not held:
            break
        dirty |= held
    # Existing cases are loaded with only the columns this page's kinds of event touch (a `received` for an
    # existing case is refused by the lifecycle before it reads anything).
    columns = (*fields_touched({item.type for item in events} - _RECEIPT), "last_seq")
    loaded = store.load_cases(clean, columns)
    new_rows: list[Row] = []
    changed: list[Row] = []
    for case_id in clean:
        page_events = by_case[case_id]
        values = loaded.get(case_id)
        row: Row | None = None if values is None else dict(zip(columns, values, strict=True))
        target = new_rows if row is None else changed
        for item in page_events:
            try:
                row = project(row, item, item.occurred, STORED)
            except DomainError as error:
                raise ServerHistoryError(f"server event {item.id} does not apply: {error.en}") from error
        assert row is not None
        row["last_seq"] = page_events[-1].seq
        target.append(plain_codes(row))
    # a refused local intake holding one of these numbers never blocks the pull (outbox.set_aside_receipts)
    receipts = [(row["id"], row["receipt_no"]) for row in new_rows]
    if store.receipts_held_elsewhere(receipts):
        set_aside_receipts(session, receipts)
    store.write_cases(new_rows)
    store.update(changed, loaded, columns)
    rebased = [case_id for case_id in case_ids if case_id in dirty]
    for case_id in rebased:
        incoming = [item.to_server_event() for item in by_case[case_id]]
        rebase_case(session, case_id, cursor=before, incoming=incoming)
    return len(new_rows), rebased


def events_by_case(events: Sequence[IncomingEvent]) -> dict[str, list[IncomingEvent]]:
    """The events of each case, the cases in first-seen order."""
    by_case: dict[str, list[IncomingEvent]] = {}
    for item in events:
        group = by_case.get(item.case_id)
        if group is None:
            by_case[item.case_id] = [item]
        else:
            group.append(item)
    return by_case


class _Writer:
    def cursor(self) -> int:
        raise NotImplementedError

    def begin_page(self, events: int) -> None:
        """Called once a page (or a slice of one), before its events are written."""
        return None

    def set_cursor(self, value: int, now: datetime) -> None:
        raise NotImplementedError

    def dirty_cases(self, case_ids: Sequence[str], before: int) -> set[str]:
        raise NotImplementedError

    def insert_events(self, events: Sequence[IncomingEvent]) -> set[str]:
        """Store the clean cases' events, unless the store already holds one of them (our own, even without an
        outbox row): then store none and return the cases of those it holds (they need a rebase)."""
        raise NotImplementedError

    def load_cases(self, case_ids: Sequence[str], columns: tuple[str, ...]) -> dict[str, tuple[Any, ...]]:
        """The existing rows as tuples of `columns` (id first), stored form."""
        raise NotImplementedError

    def receipts_held_elsewhere(self, receipts: Sequence[tuple[str, str]]) -> bool:
        """Whether a case other than these (case id, receipt number) holds one of the numbers (then the pull
        calls outbox.set_aside_receipts); True when unsure."""
        return bool(receipts)

    def write_cases(self, new: Sequence[Row]) -> None:
        """The page's new cases (with their search documents)."""
        raise NotImplementedError

    def update(self, rows: Sequence[Row], loaded: dict[str, tuple[Any, ...]], columns: tuple[str, ...]) -> None:
        """Changed cases: rows with exactly `columns` as keys; `loaded`: the same cases before."""
        raise NotImplementedError


class SQLiteWriter(_Writer):
    """The client's own database: straight to the driver (store.local.bulk)."""

    def __init__(self, session: Session, catch_up: CatchUp | None = None) -> None:
        self.session = session
        self.catch_up = catch_up
        session.flush()  # the driver-level reads below must see what the caller has added in this session
        self.connection = bulk.dbapi(session)

    def begin_page(self, events: int) -> None:
        catch_up = self.catch_up
        if catch_up is None:
            return
        if catch_up.cases_before is None:
            catch_up.cases_before = case_count(self.connection)
        catch_up.pulled += events
        if not catch_up.indexes_dropped and catch_up.pulled >= 2 * catch_up.cases_before:
            drop_secondary_indexes(self.connection)
            catch_up.indexes_dropped = True

    def cursor(self) -> int:
        return bulk.read_cursor(self.connection)

    def set_cursor(self, value: int, now: datetime) -> None:
        self.session.flush()  # nothing of the ORM's pending may be lost by the expiry below
        if not bulk.write_cursor(self.connection, value, stored_utc(now)):
            set_cursor(self.session, value, now=now)  # no sync_state row yet: made through the ORM
            return
        for item in list(self.session.identity_map.values()):
            if isinstance(item, SyncStateRow):  # written behind the ORM's back: read it afresh next time
                self.session.expire(item)

    def dirty_cases(self, case_ids: Sequence[str], before: int) -> set[str]:
        return bulk.dirty_cases(self.connection, case_ids, before)

    def insert_events(self, events: Sequence[IncomingEvent]) -> set[str]:
        # Inserted first and looked for only when the events' unique id refuses one: looking a page's thousand
        # ids up beforehand cost a twentieth of a catch-up. The savepoint takes back the rows inserted before
        # the refusal.
        connection = self.connection
        connection.execute("SAVEPOINT pull_events")
        try:
            bulk.insert_events(connection, events)
        except sqlite3.IntegrityError:
            connection.execute("ROLLBACK TO pull_events")
            connection.execute("RELEASE pull_events")
            held = bulk.known_event_cases(connection, [e.id for e in events])
            if not held:
                raise
            return held
        connection.execute("RELEASE pull_events")
        return set()

    def load_cases(self, case_ids: Sequence[str], columns: tuple[str, ...]) -> dict[str, tuple[Any, ...]]:
        return bulk.load_cases(self.connection, case_ids, columns)

    def receipts_held_elsewhere(self, receipts: Sequence[tuple[str, str]]) -> bool:
        # (asked through the ORM, the same question cost a compiled statement of a few hundred parameters a page)
        return bulk.receipts_held_elsewhere(self.connection, receipts)

    def write_cases(self, new: Sequence[Row]) -> None:
        if self.catch_up is None:
            bulk.insert_cases(self.connection, new)
            bulk.index_cases(self.connection, new)
        elif new:
            insert_cases_deferring_search(self.connection, new)

    def update(self, rows: Sequence[Row], loaded: dict[str, tuple[Any, ...]], columns: tuple[str, ...]) -> None:
        bulk.update_cases(self.connection, rows, loaded, columns)


class _CoreWriter(_Writer):
    """Any other database (PostgreSQL in the tests): SQLAlchemy Core, values converted from stored form."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def cursor(self) -> int:
        return current_cursor(self.session)

    def set_cursor(self, value: int, now: datetime) -> None:
        set_cursor(self.session, value, now=now)

    def dirty_cases(self, case_ids: Sequence[str], before: int) -> set[str]:
        dirty: set[str] = set()
        for chunk in bulk.chunks(case_ids):
            dirty.update(
                self.session.execute(
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

    def insert_events(self, events: Sequence[IncomingEvent]) -> set[str]:
        held: set[str] = set()
        for chunk in bulk.chunks([e.id for e in events]):
            held.update(self.session.execute(select(EventRow.case_id).where(EventRow.id.in_(chunk))).scalars())
        if not held and events:
            self.session.execute(insert(EventRow), [_event_values(e) for e in events])
        return held

    def load_cases(self, case_ids: Sequence[str], columns: tuple[str, ...]) -> dict[str, tuple[Any, ...]]:
        selected = [getattr(CaseRow, name) for name in columns]
        rows: dict[str, tuple[Any, ...]] = {}
        for chunk in bulk.chunks(case_ids):
            for values in self.session.execute(select(*selected).where(CaseRow.id.in_(chunk))):
                stored = to_stored(dict(zip(columns, values, strict=True)))
                rows[values.id] = tuple(stored[name] for name in columns)
        return rows

    def write_cases(self, new: Sequence[Row]) -> None:
        if new:
            self.session.execute(insert(CaseRow), [from_stored(r) for r in new])
            params = [
                {
                    "id": r["id"],
                    "doc": search.document_for(r["title"], r["body"], r["petitioner_name"], r["petitioner_phone"]),
                }
                for r in new
            ]
            self.session.execute(
                text(
                    "INSERT INTO case_search (case_id, doc) VALUES (:id, to_tsvector('simple', :doc)) "
                    "ON CONFLICT (case_id) DO UPDATE SET doc = excluded.doc"
                ),
                params,
            )

    def update(self, rows: Sequence[Row], loaded: dict[str, tuple[Any, ...]], columns: tuple[str, ...]) -> None:
        if rows:
            self.session.execute(update(CaseRow), [from_stored(r) for r in rows])  # ORM bulk UPDATE by key


def _event_values(e: IncomingEvent) -> dict[str, Any]:
    values: dict[str, Any] = dict(zip(bulk.EVENT_COLUMNS[:12], e[:12], strict=True))
    values["payload"] = e.payload
    values["occurred_at"] = parse_stored_utc(e.occurred)
    values["recorded_at"] = parse_stored_utc(e.recorded)
    return values
