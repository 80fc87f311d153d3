"""A catch-up's second process (sync.projector) projects the next page while the writer writes this one. What
it prepares is written only where it fits the store as it is: the store a catch-up leaves must be the one a
page-by-page pull leaves, also when a clerk's change comes between two pages and when the process dies."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.lifecycle import fields_touched, project
from complaints_desk.domain.roles import Role
from complaints_desk.store import search
from complaints_desk.store.db import make_sessionmaker, transaction
from complaints_desk.store.local import bulk, outbox
from complaints_desk.store.local.prepared_pull import PreparedSlice, Projector, store_reader, write_prepared_slice
from complaints_desk.store.local.pull import apply_incoming_page
from complaints_desk.store.local.rebase import ServerHistoryError
from complaints_desk.store.local.stored_values import STORED
from complaints_desk.sync import projector, projector_child
from complaints_desk.sync.engine import SyncEngine
from complaints_desk.sync.projector import ProjectorProcess
from complaints_desk.sync.pull_codec import parse_pull_page
from tests.unit.test_sync_pull_catch_up import PAGE, CannedPulls, _engine, _snapshot, _store

pytest_plugins = ["tests.unit.test_sync_pull_catch_up"]  # its `history` fixture: pages and the expected store


class Started:
    """A second process started and ready before the pull begins (a real catch-up starts its own with its
    first page; the tests' catch-ups are too short to wait for it)."""

    def __init__(self, path: Path, fork: bool = False) -> None:
        self.process = ProjectorProcess(store_reader(str(path)), fork=fork)
        assert self.process.wait_ready(60), "the second process starts"
        self.handed = 0

    def hand(self) -> ProjectorProcess | None:
        self.handed += 1
        return self.process if self.handed == 1 else None


def _projected_engine(
    engine: Any, adapter: CannedPulls, path: Path, fork: bool = False
) -> tuple[SyncEngine, Started]:
    sync = _engine(engine, adapter)
    started = Started(path, fork)
    sync._start_projector = started.hand  # type: ignore[method-assign]
    return sync, started


# the second process as a fork of this one and as a fresh interpreter (sync.projector)
BOTH_STARTS = pytest.mark.parametrize(
    "fork",
    [
        pytest.param(True, id="forked", marks=pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")),
        pytest.param(False, id="a fresh interpreter"),
    ],
)


@BOTH_STARTS
def test_a_catch_up_projected_in_a_second_process_leaves_the_store_a_page_by_page_pull_leaves(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]], fork: bool
) -> None:
    pages, expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    sync, started = _projected_engine(engine, CannedPulls(pages), path, fork)
    report = sync.pull_once()
    engine.dispose()
    assert report.pages == len(pages)
    # every page but the first (fetched before the catch-up is known) came prepared from the second process,
    # each projected once: the first page, written here, does not make it start afresh and project again the
    # pages it was given meanwhile
    assert started.process.projected == len(pages) - 1
    assert started.process.generation == 0
    assert _snapshot(path) == expected


def _a_pulled_case(path: Path) -> tuple[str, int] | None:
    """The first case the pull has committed, if any (pages are fetched ahead of the writes)."""
    db = sqlite3.connect(path)
    try:
        row = db.execute("SELECT id, version FROM cases ORDER BY rowid LIMIT 1").fetchone()
        return None if row is None else (str(row[0]), int(row[1]))
    finally:
        db.close()


def test_a_clerks_note_between_two_pages_is_kept_and_the_pulled_events_still_apply(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    """The note makes the case dirty (a local event above the cursor) while the second process already holds its
    row as it was: its prepared slices for that case must not be written, and the pull rebases it."""
    pages, expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    factory = make_sessionmaker(engine)
    noted: list[str] = []

    def note_between_pages(after: int) -> None:
        pulled = _a_pulled_case(path) if after >= 2 * PAGE and not noted else None
        if pulled is not None:
            case_id, version = pulled
            with transaction(factory) as session:
                outbox.record_local(
                    session,
                    Event(
                        new_id(),
                        case_id,
                        EventType.NOTE_ADDED,
                        datetime.now(UTC),
                        new_id(),
                        Role.SUPERVISOR,
                        base_version=version,
                        payload={"text": "민원인 재통화 요청"},
                    ),
                )
            noted.append(case_id)

    sync, started = _projected_engine(engine, CannedPulls(pages, before_page=note_between_pages), path)
    report = sync.pull_once()
    engine.dispose()
    assert noted and report.pages == len(pages)
    assert noted[0] in report.rebased_cases
    assert started.process.projected > len(pages) // 2, "the second process was used for most pages"
    got = _snapshot(path)
    assert got["schema"] == expected["schema"] and got["meta"] == []
    assert len(got["events"]) == len(expected["events"]) + 1  # every pulled event, and the clerk's note
    untouched = [row for row in got["cases"] if row[0] != noted[0]]
    assert untouched == [row for row in expected["cases"] if row[0] != noted[0]]
    db = sqlite3.connect(path)
    try:
        notes = db.execute(
            "SELECT count(*) FROM events WHERE case_id = ? AND type = 'note_added' AND seq IS NULL", (noted[0],)
        ).fetchone()[0]
    finally:
        db.close()
    assert notes == 1, "the clerk's note is still there, waiting to be sent"


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGKILL and SIGSTOP")
@pytest.mark.parametrize("fate", ["dies", "stops answering"])
def test_a_catch_up_goes_on_without_its_second_process_when_that_fails(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]], fate: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages, expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    holder: list[Started] = []
    monkeypatch.setattr(projector, "ANSWER_SECONDS", 1.0)

    def fail_at_the_third_page(after: int) -> None:
        if after == 3 * PAGE:
            os.kill(holder[0].process.pid, signal.SIGKILL if fate == "dies" else signal.SIGSTOP)

    sync, started = _projected_engine(engine, CannedPulls(pages, before_page=fail_at_the_third_page), path)
    holder.append(started)
    report = sync.pull_once()
    engine.dispose()
    assert report.pages == len(pages)
    assert 0 < started.process.projected < len(pages) - 1
    assert _snapshot(path) == expected


def _written(factory: sessionmaker[Session], piece: PreparedSlice, before: int) -> bool:
    """Whether the prepared slice is written, in a transaction of its own."""
    with transaction(factory) as session:
        return write_prepared_slice(bulk.dbapi(session), piece, before)


def test_a_prepared_slice_is_not_written_over_a_case_that_changed_since_it_was_read(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, _expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    factory = make_sessionmaker(engine)
    bodies = list(pages.values())
    for body in bodies[:2]:
        page = parse_pull_page(body)
        with transaction(factory) as session:
            apply_incoming_page(session, page.events, page.reference, next_after=page.next_after)
    reader = sqlite3.connect(path)
    projector = Projector(lambda case_ids: bulk.load_cases(reader, case_ids), slice_events=5)
    third = parse_pull_page(bodies[2])
    slices = projector.prepare(third.events)
    stale = next(piece for piece in slices if piece.updated)  # a slice that changes cases already here
    changed_id = stale.updates[0][1][0][-2]
    with transaction(factory) as session:  # the case moves on after the second process read it
        bulk.dbapi(session).execute("UPDATE cases SET version = version + 1 WHERE id = ?", (changed_id,))
    assert not _written(factory, stale, before=third.events[0].seq - 1)
    events = reader.execute("SELECT count(*) FROM events WHERE seq > ?", (third.events[0].seq - 1,))
    assert events.fetchone()[0] == 0, "nothing of the slice was written"
    reader.close()
    engine.dispose()


def test_a_prepared_new_case_is_not_written_when_another_case_here_holds_its_receipt_number(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, _expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    factory = make_sessionmaker(engine)
    first_page = pages[0]
    projector = Projector(lambda case_ids: {}, slice_events=5)
    slices = projector.prepare(parse_pull_page(first_page).events)
    fresh = slices[0]
    assert fresh.new_count
    # another case here holds the number of the slice's first new case (as an offline receipt would)
    body = json.loads(first_page)
    receipt = next(e for e in body["events"] if e["type"] == "received")
    other = {**receipt, "id": str(uuid.UUID(int=3)), "case_id": str(uuid.UUID(int=4)), "seq": 10**9}
    held = parse_pull_page(json.dumps({"events": [other], "next_after": 10**9, "has_more": False}).encode())
    with transaction(factory) as session:
        apply_incoming_page(session, held.events, [], next_after=0)
    assert not _written(factory, fresh, before=0)
    reader = sqlite3.connect(path)
    assert reader.execute("SELECT id FROM cases").fetchall() == [(str(uuid.UUID(int=4)),)]
    assert reader.execute("SELECT count(*) FROM events").fetchone()[0] == 1, "nothing of the slice was written"
    reader.close()
    engine.dispose()


@pytest.mark.parametrize("wrong", ["an event of a case never received", "a second receipt of a case"])
def test_a_projected_page_that_does_not_apply_fails_the_pull_as_any_page_does(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]], wrong: str
) -> None:
    pages, expected = history
    broken = dict(pages)
    body = json.loads(broken[3 * PAGE])
    if wrong == "a second receipt of a case":
        # a case of the first page received again: the second process takes it for a new case
        first = json.loads(broken[0])["events"][0]
        place = next(i for i, e in enumerate(body["events"]) if e["case_id"] != first["case_id"])
        replaced = body["events"][place]
        body["events"][place] = {
            **first,
            "id": str(uuid.UUID(int=2)),
            "seq": replaced["seq"],
            "case_version": 50,
        }
    else:
        stray = next(e for e in body["events"] if e["type"] != "received")
        stray["case_id"] = str(uuid.UUID(int=1))
    broken[3 * PAGE] = json.dumps(body, ensure_ascii=False).encode()
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    sync, started = _projected_engine(engine, CannedPulls(broken), path)
    with pytest.raises(ServerHistoryError):
        sync.pull_once()
    engine.dispose()
    assert started.process.projected >= 2
    got = _snapshot(path)
    assert got["cursor"] == [(3 * PAGE,)] and got["schema"] == expected["schema"] and got["meta"] == []


def test_between_pages_the_second_process_makes_the_search_documents_of_the_new_cases_it_projected(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    """They come with its next answer, the very documents the store's search index takes for those cases."""
    pages, _expected = history
    path = tmp_path / "client.sqlite3"
    _store(path).dispose()
    first = parse_pull_page(pages[min(pages)])
    receipts = {e.case_id: e for e in first.events if e.type == EventType.RECEIVED.value}
    assert receipts, "the first page has new cases"
    started = Started(path)
    try:
        assert started.process.project(pages[min(pages)]) is not None
        nothing = json.dumps({"events": [], "next_after": first.next_after, "has_more": False}).encode()
        documents: dict[str, str] = {}
        for _ in range(300):  # (it makes them while no request waits: ask again until they are all there)
            answer = started.process.project(nothing)
            assert answer is not None
            documents.update(answer.documents)
            if len(documents) >= len(receipts):
                break
            time.sleep(0.1)
    finally:
        started.process.close()
    assert documents.keys() == receipts.keys()
    for case_id, receipt in receipts.items():
        row = project(None, receipt, receipt.occurred, STORED)
        assert documents[case_id] == search.document_for(
            row["title"], row["body"], row["petitioner_name"], row["petitioner_phone"]
        )


def test_only_a_receipt_sets_what_the_search_index_holds() -> None:
    """Why a search document made from a case's receipt event (above) is that case's for good."""
    searched = {"title", "body", "petitioner_name", "petitioner_phone"}
    for event_type in EventType:
        if event_type is not EventType.RECEIVED:
            assert not searched & set(fields_touched({event_type.value})), event_type


@BOTH_STARTS
def test_pages_queued_to_the_second_process_come_back_in_order_as_if_sent_one_by_one(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]], fork: bool
) -> None:
    """The reader sends the next page before the answer to this one is read; the process asks for case rows
    while a page waits behind its request, and each answer is still the projection of its own page."""
    pages, _expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    factory = make_sessionmaker(engine)
    bodies = [pages[after] for after in sorted(pages)]
    for body in bodies[:2]:  # on the store already: the next pages' cases are read from it (NEED, ROWS)
        page = parse_pull_page(body)
        with transaction(factory) as session:
            apply_incoming_page(session, page.events, page.reference, next_after=page.next_after)
    reader = sqlite3.connect(path)
    expected = Projector(lambda case_ids: bulk.load_cases(reader, case_ids))
    wanted = [expected.prepare(parse_pull_page(body).events) for body in bodies[2:5]]
    started = Started(path, fork)
    try:
        sent = [started.process.send(body) for body in bodies[2:5]]
        assert all(item is not None for item in sent)
        answers = [started.process.receive(item) for item in reversed(sent) if item is not None][::-1]
    finally:
        started.process.close()
        reader.close()
        engine.dispose()
    assert all(answer is not None for answer in answers), "every page projected"
    assert [answer.slices() for answer in answers if answer is not None] == wanted
    assert [answer.raw for answer in answers if answer is not None] == bodies[2:5]
    assert any(piece.updated for slices in wanted for piece in slices), (
        "the pages change cases read from the store"
    )


def test_at_a_catch_ups_end_the_second_process_hands_over_the_search_documents_it_still_owes(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, _expected = history
    path = tmp_path / "client.sqlite3"
    _store(path).dispose()
    first = parse_pull_page(pages[min(pages)])
    receipts = {e.case_id for e in first.events if e.type == EventType.RECEIVED.value}
    started = Started(path)
    try:
        answer = started.process.project(pages[min(pages)])
        assert answer is not None
        documents = dict(answer.documents)
        documents.update(started.process.remaining_documents())
        assert started.process.remaining_documents() == [], "each document is handed over once"
    finally:
        started.process.close()
    assert documents.keys() == receipts


def test_the_slices_the_second_process_sends_hold_plain_text_and_numbers_and_arrive_as_prepared(
    history: tuple[dict[int, bytes], dict[str, Any]],
) -> None:
    """The lifecycle sets enum members (status, kind, channel) and booleans; a prepared slice holds their stored
    text and 0/1 (the driver binds those without its adapter lookup), and crosses the pipe unchanged."""
    pages, _expected = history
    prepared = Projector(lambda case_ids: {}, keep=10**6)
    slices = [piece for body in pages.values() for piece in prepared.prepare(parse_pull_page(body).events)]
    assert any(piece.new_count for piece in slices) and any(piece.updates for piece in slices)
    kinds: set[type] = set()

    def walk(value: Any) -> None:
        if isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        else:
            kinds.add(type(value))

    for piece in slices:
        walk([piece.events, piece.new_cases, piece.updates])
    assert kinds <= {str, int, type(None)}, kinds
    assert projector_child.unmarshal_slices(projector_child.marshal_slices(slices)) == slices
