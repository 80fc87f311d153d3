"""The engine reports a first catch-up to its observer (syncing, progress after each page, then the index
work, then done) and does every store write through the writer it is given, never a session of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from complaints_desk.store.db import make_sessionmaker, transaction
from complaints_desk.sync.engine import CatchUpProgress, SyncEngine, SyncObserver, SyncStatus
from complaints_desk.sync.transport import Transport
from tests.unit.test_sync_pull_catch_up import PAGE, CannedPulls, _history, _pages, _store

T = TypeVar("T")


class Watcher(SyncObserver):
    def __init__(self) -> None:
        self.statuses: list[SyncStatus] = []
        self.progress: list[CatchUpProgress] = []

    def status_changed(self, status: SyncStatus, detail: str) -> None:
        self.statuses.append(status)

    def catching_up(self, progress: CatchUpProgress) -> None:
        self.progress.append(progress)


def test_a_first_catch_up_says_it_is_syncing_and_how_far_it_is(tmp_path: Path) -> None:
    wire = _history(copies=4)
    pages = _pages(wire)
    assert len(pages) > 2
    engine = _store(tmp_path / "client.sqlite3")
    factory = make_sessionmaker(engine)
    writes: list[str] = []

    def writer(fn: Callable[[Session], T], /, *, background: bool = False, refetchable: bool = False) -> T:
        writes.append("background" if background else "foreground")
        with transaction(factory, refetchable=refetchable) as session:
            return fn(session)

    watcher = Watcher()
    sync = SyncEngine(
        None,
        Transport("http://test.invalid", adapter=CannedPulls(pages)),
        observer=watcher,
        writer=writer,
        page_size=PAGE,
    )
    report = sync.pull_once()  # as the loop pulls: only the catch-up itself says "syncing"
    engine.dispose()
    assert report.events == len(wire)
    assert watcher.statuses == [SyncStatus.SYNCING]
    paged = [p for p in watcher.progress if not p.building_indexes]
    assert [p.pages for p in paged] == list(range(1, len(pages) + 1))
    assert paged[-1].events == len(wire)
    assert [p.building_indexes for p in watcher.progress[-2:]] == [True, True]
    assert watcher.progress[-1].done and not any(p.done for p in watcher.progress[:-1])
    # every page, the index work and the bookkeeping went through the writer, as the sync's (background) work
    assert len(writes) > len(pages) and set(writes) == {"background"}


def test_a_pull_that_is_not_a_catch_up_reports_no_progress(tmp_path: Path) -> None:
    wire = _history(copies=1)[: PAGE - 1]
    pages = _pages(wire)
    assert len(pages) == 1
    engine = _store(tmp_path / "client.sqlite3")
    watcher = Watcher()
    sync = SyncEngine(
        make_sessionmaker(engine),
        Transport("http://test.invalid", adapter=CannedPulls(pages)),
        observer=watcher,
        page_size=PAGE,
    )
    sync.pull_once()
    engine.dispose()
    assert watcher.progress == [] and watcher.statuses == []
