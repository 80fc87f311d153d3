"""The one writer takes the clerk's writes before the sync's: an intake queued while a pull page waits goes
first; the sync's blocking writer refuses the GUI thread (which never waits)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from complaints_desk.gui.app import open_store
from complaints_desk.gui.tasks import Tasks


def test_a_waiting_intake_goes_before_the_next_pull_page(tmp_path: Path, qtbot: Any) -> None:
    store = open_store(tmp_path / "client.sqlite3")
    tasks = Tasks(store.readers, store.writer)
    order: list[str] = []
    release = threading.Event()
    started = threading.Event()

    def page_being_written(_session: Any) -> None:
        started.set()
        release.wait(10)
        order.append("page 1")

    def next_page(_session: Any) -> None:
        order.append("page 2")

    first = threading.Thread(target=lambda: tasks.store_writer(page_being_written, background=True))
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=lambda: tasks.store_writer(next_page, background=True))
    second.start()
    qtbot.waitUntil(lambda: tasks._writes.qsize() == 1, timeout=5000)
    tasks.write(lambda _s: order.append("intake"))
    release.set()
    for worker in (first, second):
        worker.join(10)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert order == ["page 1", "intake", "page 2"]
    tasks.close()
    store.close()


def test_the_blocking_writer_is_for_worker_threads_only(tmp_path: Path) -> None:
    store = open_store(tmp_path / "client.sqlite3")
    tasks = Tasks(store.readers, store.writer)
    with pytest.raises(RuntimeError):
        tasks.store_writer(lambda _s: None)
    tasks.close()
    store.close()


def test_a_write_queued_during_a_catch_up_page_is_saved_before_the_page_ends(tmp_path: Path, qtbot: Any) -> None:
    """The catch-up asks the writer between slices of a page whether a clerk's write waits, and lets it in."""
    from complaints_desk.store.local import sync_state
    from complaints_desk.sync.engine import SyncEngine
    from complaints_desk.sync.transport import Transport
    from tests.unit.test_sync_pull_catch_up import CannedPulls, _history
    from tests.unit.test_sync_pull_slices import BIG, _pages

    store = open_store(tmp_path / "client.sqlite3")
    tasks = Tasks(store.readers, store.writer)
    wire = _history(copies=20)
    pages = _pages(wire, BIG)
    saved_at: list[int] = []
    pressed = threading.Lock()

    def clerk_saves(session: Any) -> None:
        saved_at.append(sync_state.cursor(session))

    def others_waiting() -> bool:
        if pressed.acquire(blocking=False):  # once, while the first page is being written
            tasks.write(clerk_saves)
        return tasks.foreground_waiting()

    sync = SyncEngine(
        None,
        Transport("http://test.invalid", adapter=CannedPulls(pages)),
        writer=tasks.store_writer,
        others_waiting=others_waiting,
        page_size=BIG,
    )
    reports: list[Any] = []
    worker = threading.Thread(target=lambda: reports.append(sync.pull_once()))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=60_000)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert reports[0].events == len(wire)
    assert len(saved_at) == 1 and 0 < saved_at[0] < BIG, "saved while the first page was half in"
    tasks.close()
    store.close()


def test_the_screens_reads_are_seen_by_a_catch_up_from_their_start_to_their_end(
    tmp_path: Path, qtbot: Any
) -> None:
    """Tasks.reads_running, which a catch-up gives way to between its slices: true from the moment a read is
    asked for, queued or running, until it has run and what it brought has had a frame to be painted."""
    store = open_store(tmp_path / "client.sqlite3")
    tasks = Tasks(store.readers, store.writer, threads=1)
    release = threading.Event()
    seen_inside: list[bool] = []
    done: list[str] = []
    assert not tasks.reads_running()
    tasks.read(lambda _s: release.wait(10), lambda _r: done.append("first"))
    tasks.read(lambda _s: seen_inside.append(tasks.reads_running()), lambda _r: done.append("second"))
    assert tasks.reads_running()
    release.set()
    qtbot.waitUntil(lambda: done == ["first", "second"], timeout=5000)
    assert seen_inside == [True]
    qtbot.waitUntil(lambda: not tasks.reads_running(), timeout=5000)
    tasks.close()
    store.close()
