"""A catch-up writes each page in slices and, when another write waits for the writer, ends its transaction
after a slice (store.local.pull.CatchUp.pause): the clerk's intake is saved with the page half in, and the
store the catch-up leaves is still the one a page-by-page pull leaves."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy.orm import Session

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.kinds import Kind
from complaints_desk.store import reference
from complaints_desk.store.db import make_sessionmaker, transaction
from complaints_desk.store.indexes import DEFERRED_INDEXES
from complaints_desk.store.intake import Intake
from complaints_desk.store.local import outbox, pull, sync_state
from complaints_desk.store.local.deferred import DEFERRED_SEARCH, finish_deferred
from complaints_desk.store.local.pull import CatchUp, apply_incoming_page
from complaints_desk.sync.engine import SyncEngine
from complaints_desk.sync.pull_codec import parse_pull_page
from complaints_desk.sync.transport import Transport
from tests.unit.test_sync_outbox import CLERK
from tests.unit.test_sync_pull_catch_up import CannedPulls, _deferred, _history, _page_by_page, _snapshot, _store

T = TypeVar("T")
BIG = 350  # events a page here: several slices each


def _pages(wire: list[dict[str, Any]], size: int) -> dict[int, bytes]:
    pages = {}
    for first in range(0, len(wire), size):
        chunk = wire[first : first + size]
        more = first + size < len(wire)
        body = {"events": chunk, "reference": [], "next_after": chunk[-1]["seq"], "has_more": more}
        pages[chunk[0]["seq"] - 1] = json.dumps(body, ensure_ascii=False).encode()
    return pages


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    wire = _history(copies=20)
    assert len(wire) >= 2 * BIG
    path = tmp_path_factory.mktemp("reference") / "page-by-page.sqlite3"
    _page_by_page(path, _pages(wire, 25))
    return wire, _snapshot(path)


class Writer:
    """The desk's one writer, in miniature: each call one transaction; a waiting clerk's write (`queued`) runs
    before the next sync write, as gui.tasks.Tasks takes foreground writes first."""

    def __init__(self, factory: Any) -> None:
        self.factory = factory
        self.queued: list[Callable[[Session], None]] = []
        self.transactions: list[tuple[str, bool]] = []  # (whose, refetchable)
        self.cursors: list[tuple[int, bool]] = []  # the cursor each sync transaction committed, refetchable

    def __call__(self, fn: Callable[[Session], T], /, *, background: bool = False, refetchable: bool = False) -> T:
        while self.queued:
            with transaction(self.factory) as session:
                self.queued.pop(0)(session)
            self.transactions.append(("clerk", False))
        with transaction(self.factory, refetchable=refetchable) as session:
            result = fn(session)
            self.cursors.append((sync_state.cursor(session), refetchable))
        self.transactions.append(("sync", refetchable))
        return result

    def waiting(self) -> bool:
        return bool(self.queued)


def test_a_catch_up_that_lets_a_writer_in_after_every_slice_leaves_what_a_page_by_page_pull_leaves(
    tmp_path: Path, history: tuple[list[dict[str, Any]], dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    wire, expected = history
    monkeypatch.setattr(pull, "SLICE_SECONDS", 0.0)  # the smallest slices, whatever this machine's speed
    pages = _pages(wire, BIG)
    engine = _store(tmp_path / "client.sqlite3")
    writer = Writer(make_sessionmaker(engine))
    sync = SyncEngine(
        None,
        Transport("http://test.invalid", adapter=CannedPulls(pages)),
        writer=writer,
        others_waiting=lambda: True,  # someone always waits: every slice is a transaction of its own
        page_size=BIG,
    )
    report = sync.pull_once()
    engine.dispose()
    assert (report.events, report.pages) == (len(wire), len(pages))
    moved = [
        (now, refetchable)
        for (then, _), (now, refetchable) in pairwise([(0, False), *writer.cursors])
        if now != then
    ]
    advances = [cursor for cursor, _ in moved]
    assert advances == sorted(advances) and advances[-1] == len(wire)
    boundaries = sorted(json.loads(body)["next_after"] for body in pages.values())
    assert len(advances) > 2 * len(boundaries), "each page in several transactions, each with its cursor"
    assert set(boundaries) <= set(advances)
    assert all(refetchable for _, refetchable in moved), "a catch-up's pages never wait for the disk"
    assert _snapshot(tmp_path / "client.sqlite3") == expected


def test_an_intake_waiting_for_the_writer_is_saved_between_two_slices_of_a_page(
    tmp_path: Path, history: tuple[list[dict[str, Any]], dict[str, Any]]
) -> None:
    wire, expected = history
    pages = _pages(wire, BIG)
    first_page_end = json.loads(pages[0])["next_after"]
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        reference.ensure_station(session, "C03", "창구 3번")
    writer = Writer(factory)
    seen: list[int] = []

    def intake(session: Session) -> None:
        seen.append(sync_state.cursor(session))  # how far the catch-up had come when the intake was saved
        outbox.record_local_intake(
            session,
            Intake(Kind.GRIEVANCE, Channel.COUNTER, "가로등 고장 신고", "", "김민원", "010-9999-0000"),
            actor=CLERK,
            station_code="C03",
        )

    pressed: list[bool] = []

    def arrives_during_the_first_page() -> bool:
        # the clerk presses save while the first page is being written (asked on the writer's thread: this
        # miniature writer runs a queued write only when the sync calls it)
        if not pressed and threading.current_thread() is threading.main_thread():
            pressed.append(True)
            writer.queued.append(intake)
        return writer.waiting()

    sync = SyncEngine(
        None,
        Transport("http://test.invalid", adapter=CannedPulls(pages)),
        writer=writer,
        others_waiting=arrives_during_the_first_page,
        page_size=BIG,
    )
    report = sync.pull_once()
    engine.dispose()
    assert report.events == len(wire)
    assert len(seen) == 1 and 0 < seen[0] < first_page_end, "saved with the first page half in"
    got = _snapshot(path)
    intakes = [row for row in got["cases"] if row not in expected["cases"]]
    assert len(intakes) == 1 and "가로등 고장 신고" in intakes[0]
    assert [row for row in got["cases"] if row not in intakes] == expected["cases"]
    assert got["schema"] == expected["schema"] and got["meta"] == [] and got["cursor"] == expected["cursor"]


def test_deferred_index_work_stops_after_each_index_and_each_chunk_when_a_writer_waits(
    tmp_path: Path, history: tuple[list[dict[str, Any]], dict[str, Any]]
) -> None:
    wire, expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    factory = make_sessionmaker(engine)
    catch_up = CatchUp()
    for body in _pages(wire, BIG).values():  # a catch-up's pages, its index work left deferred
        page = parse_pull_page(body)
        with transaction(factory, refetchable=True) as session:
            apply_incoming_page(session, page.events, next_after=page.next_after, catch_up=catch_up)
    left = _deferred(path)
    assert left[DEFERRED_INDEXES] and left[DEFERRED_SEARCH]
    steps = 0
    while True:
        with transaction(factory, refetchable=True) as session:
            done = finish_deferred(session, pause=lambda: True)
        steps += 1
        if done:
            break
    engine.dispose()
    assert steps > len(left[DEFERRED_INDEXES]), "one index a step while someone waits"
    got = _snapshot(path)
    assert got["schema"] == expected["schema"] and got["meta"] == [] and got["search"] == expected["search"]


def test_a_catch_up_that_gives_way_to_the_screens_reads_between_slices_leaves_what_a_page_by_page_pull_leaves(
    tmp_path: Path, history: tuple[list[dict[str, Any]], dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the screen reads (gui.tasks.Tasks.reads_running), the catch-up sleeps between slices, never longer
    than GIVE_WAY_MOST, and a clerk's write waiting for the writer ends the sleep and the transaction."""
    wire, expected = history
    monkeypatch.setattr(pull, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(pull, "GIVE_WAY_MOST", 0.002)
    slept: list[float] = []
    monkeypatch.setattr(pull, "sleep", slept.append)
    pages = _pages(wire, BIG)
    engine = _store(tmp_path / "client.sqlite3")
    writer = Writer(make_sessionmaker(engine))
    asked: list[bool] = []

    def reading() -> bool:  # the screen reads all the time; now and then a clerk's write comes in as well
        asked.append(True)
        if len(asked) % 7 == 0:
            writer.queued.append(lambda session: None)
        return True

    sync = SyncEngine(
        None,
        Transport("http://test.invalid", adapter=CannedPulls(pages)),
        writer=writer,
        others_waiting=writer.waiting,
        screen_reading=reading,
        page_size=BIG,
    )
    report = sync.pull_once()
    engine.dispose()
    assert (report.events, report.pages) == (len(wire), len(pages))
    assert slept and all(nap == pull.GIVE_WAY_NAP for nap in slept)
    assert ("clerk", False) in writer.transactions
    assert _snapshot(tmp_path / "client.sqlite3") == expected
