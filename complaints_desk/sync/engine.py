"""The client's sync engine: push the outbox, pull the server's history, long-poll for more (docs/architecture.md,
"The sync contract"; the SecureDrop client is the model: client-made ids as idempotency keys, one loop on a worker that
reports through an observer, and "the server wins" once it has answered).

This module is the orchestrator: it runs a round (push, the call log, pull), the two loops that repeat it (pull
and long-poll on the caller's thread, push on a helper thread it owns), what a failure does to them (back off;
a refused token waits for a sign-in), the status, and the pull with its catch-up. The push is sync.push's
`Pusher`, which the engine holds and calls.

No Qt here: the GUI wraps a `SyncObserver` into signals (gui/sync_status.py). Observer methods are called on
the engine's threads. The engine writes to the local store only through the `writer` it is given
(sync.store_writer: on the desktop, the one writer thread, which takes a waiting intake first), and pushes
each person's run of waiting events with that person's token (`tokens`, sync.push.PushTokens, as
sync.credentials.Credentials): the events of someone who signed out while offline wait, and block nobody else's.

    transport = Transport(url, token=credentials.token, workstation=credentials.workstation_proof)
    engine = SyncEngine(factory, transport, observer=my_observer, writer=tasks.store_writer, tokens=credentials)
    engine.run_once()                    # push then pull, now (tests, "sync now" button)
    worker: engine.run_forever()         # until engine.stop(); pulls whenever /sync/wait returns
    after a local change: engine.notify_local_change()   # pushes at once
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from contextlib import ExitStack
from functools import partial

from sqlalchemy.orm import Session, sessionmaker

from ..store.bulk_gc import light_garbage_collection
from ..store.db import sqlite_file
from ..store.local import outbox, sync_state
from ..store.local.deferred import finish_deferred, has_deferred
from ..store.local.pull import CatchUp, apply_incoming_page
from ..store.local.rebase import ServerEvent
from .calls import send_unsent_calls
from .catch_up import AheadPage, LateDocuments, PageReader, apply_projected, start_projector
from .projector import ProjectedPage, ProjectorProcess
from .protocol import DEFAULT_PULL_PAGE, MAX_PUSH_EVENTS, PullResponse
from .push import Pusher, PushTokens
from .reports import (
    CatchUpProgress,
    PullReport,
    PullTally,
    PushReport,
    SyncObserver,
    SyncReport,
    SyncStatus,
)
from .store_writer import StoreWriter, direct_writer
from .transport import WAIT_SECONDS, AuthRequired, Offline, ServerRefused, Transport

log = logging.getLogger(__name__)

__all__ = [  # the reports are imported from here as well (sync.reports)
    "Backoff",
    "CatchUpProgress",
    "PullReport",
    "PushReport",
    "SyncEngine",
    "SyncObserver",
    "SyncReport",
    "SyncStatus",
    "server_events",
]


class Backoff:
    """Exponential with full jitter, capped: 0.5 s, 1 s, 2 s … 30 s."""

    def __init__(self, first: float = 0.5, cap: float = 30.0) -> None:
        self.first, self.cap, self.failures = first, cap, 0

    def next_delay(self) -> float:
        self.failures += 1
        return random.uniform(self.first / 2, min(self.cap, self.first * 2 ** (self.failures - 1)))

    def reset(self) -> None:
        self.failures = 0


def server_events(page: PullResponse) -> list[ServerEvent]:
    return [ServerEvent(item.to_domain(), item.seq, item.case_version, item.recorded_at) for item in page.events]


class SyncEngine:
    def __init__(
        self,
        factory: sessionmaker[Session] | None,
        transport: Transport,
        *,
        observer: SyncObserver | None = None,
        writer: StoreWriter | None = None,
        tokens: PushTokens | None = None,
        page_size: int = DEFAULT_PULL_PAGE,
        push_batch: int = MAX_PUSH_EVENTS,
        wait_seconds: float = WAIT_SECONDS,
        push_interval: float = 10.0,
        backoff_cap: float = 30.0,
        others_waiting: Callable[[], bool] | None = None,
        screen_reading: Callable[[], bool] | None = None,
        store_path: str | None = None,
        project_ahead: bool = True,
    ) -> None:
        if writer is None:
            if factory is None:
                raise ValueError("a SyncEngine needs a writer or a session factory")
            writer = direct_writer(factory)
        self._write = writer
        # whether the writer has someone else's write waiting (gui.tasks.Tasks.foreground_waiting): a catch-up
        # then commits the part of its page it has written and lets that write in first (CatchUp.pause)
        self._others_waiting = others_waiting
        # whether the desk's screen has reads running (gui.tasks.Tasks.reads_running): a catch-up sleeps
        # between its slices until they are done (CatchUp.give_way)
        self._screen_reading = screen_reading
        # the client store's SQLite file (found from `factory` when not given): a catch-up projects its pages
        # ahead in a second process over it (sync.projector); None, or project_ahead False: on the writer alone
        self.store_path = (store_path or sqlite_file(factory)) if project_ahead else None
        self.transport = transport
        self.observer = observer or SyncObserver()
        self._pusher = Pusher(
            writer, transport, self.observer, self._set_status, tokens=tokens, push_batch=push_batch
        )
        # A catch-up's pages stay this size rather than the server's largest (5,000): decoding a page's JSON is
        # one C call that holds the GIL (~3 µs an event), so a page of 5,000 would stall the GUI thread and an
        # intake on the writer for ~15 ms at once; and with its commits cheap (refetchable), a larger page saves
        # little.
        self.page_size = page_size
        self.wait_seconds = wait_seconds
        self.push_interval = push_interval
        self.backoff_cap = backoff_cap
        self.status = SyncStatus.STOPPED
        self._status_lock = threading.Lock()
        self._pull_lock = threading.Lock()
        self._stop = threading.Event()
        self._wake_push = threading.Event()
        self._credentials_changed = threading.Event()

    # --- one round ---------------------------------------------------------------------------------------

    def push_once(self) -> PushReport:
        """Send every pending event now, each person's run with that person's token (sync.push.Pusher)."""
        return self._pusher.push_once()

    def pull_once(self) -> PullReport:
        """Pull pages until the server has nothing newer; each page and its cursor in one local transaction.
        Pages are read straight into the store's form (sync.pull_codec), not through the pydantic models.

        When the first page is full and more follow, the pull is a catch-up (store.pull_apply.CatchUp): index
        work is deferred to its end and finished before this returns (or, if it is cut short, at the start of
        the next pull_once), so a report always means the store is complete and searchable; and the next page is
        fetched and read on a helper thread while the current one is written (pages are still written in order,
        each with its cursor; an error reading ahead surfaces after the page before it is committed)."""
        with self._pull_lock:
            tally, leftover = self._write(
                lambda s: (PullTally(sync_state.cursor(s)), has_deferred(s)), background=True
            )
            if leftover:  # a catch-up was cut short (a crash, a kill): finish it before anything else
                self._finish_deferred()
            with ExitStack() as catching_up:
                try:
                    # A fresh client's first pull is a catch-up (unless the server has next to nothing): its
                    # second process starts at once, while the first pages are fetched and written.
                    early = self._start_projector() if tally.cursor == 0 else None
                    if early is not None:
                        catching_up.callback(early.close)
                    reader = self._pull_pages(tally, catching_up, early)
                except BaseException:
                    if tally.catch_up is not None:  # the pages committed so far stay: make them searchable now
                        self._finish_deferred(quietly=True)
                    raise
                if tally.catch_up is not None:
                    self.observer.catching_up(CatchUpProgress(tally.events, tally.pages, tally.cursor, True))
                    # (the second process makes the documents it still owes while the writer builds the indexes)
                    late = reader.remaining_documents() if reader is not None else None
                    self._finish_deferred(documents=LateDocuments(tally.catch_up.documents, late))
                    tally.catch_up.documents.clear()
                    self.observer.catching_up(
                        CatchUpProgress(tally.events, tally.pages, tally.cursor, True, done=True)
                    )
            report = tally.report()
        if report.events:
            self.observer.pulled(report)
        return report

    def _pull_pages(
        self, tally: PullTally, catching_up: ExitStack, projector: ProjectorProcess | None = None
    ) -> PageReader | None:
        """Apply pages from the tally's cursor until the server has no more. A first page that is full, with
        more to come, starts a catch-up, whose helpers (its reader, returned) live as long as `catching_up`."""
        reader: PageReader | None = None
        ahead: Future[AheadPage] | None = None
        while True:
            page: AheadPage
            if ahead is not None and reader is not None:
                page = reader.take(ahead)
            else:
                page = self.transport.pull_page(tally.cursor, self.page_size)
            if tally.pages == 0 and page.has_more:
                tally.catch_up = CatchUp(pause=self._others_waiting, give_way=self._screen_reading)
                self._set_status(SyncStatus.SYNCING, "catch-up")
                catching_up.enter_context(light_garbage_collection())
                reader = catching_up.enter_context(
                    PageReader(self.transport, tally.catch_up, projector or self._start_projector())
                )
            # read the next page while this one is written
            ahead = (
                reader.submit(page.next_after, self.page_size) if reader is not None and page.has_more else None
            )
            as_prepared = self._apply_page(page, tally)
            if reader is not None:
                reader.applied(page, as_prepared=as_prepared)
            if tally.catch_up is not None:
                self.observer.catching_up(CatchUpProgress(tally.events, tally.pages, tally.cursor))
            if not page.has_more:
                return reader

    def _start_projector(self) -> ProjectorProcess | None:
        return start_projector(self.store_path) if self.store_path is not None else None

    def _apply_page(self, page: AheadPage, tally: PullTally) -> bool:
        """One page through the writer: in one transaction, or, in a catch-up, in as many as it takes to let
        the clerk's writes in between (CatchUp.pause). A catch-up's transactions hold only server-accepted
        events with the cursor that says how far they go, so they commit without waiting for the disk
        (`refetchable`, store.db.transaction): a power cut can lose only the newest of them, and the cursor,
        lost with them in the same transactions, makes the next pull fetch them again. True when the page was
        written as the catch-up's second process prepared it (sync.projector), all of it."""
        if isinstance(page, ProjectedPage):
            return apply_projected(self._write, page, tally)
        catch_up = tally.catch_up
        events, reference = page.events, page.reference
        while True:
            summary = self._write(
                lambda s, events=events, reference=reference: apply_incoming_page(  # type: ignore[misc]
                    s, events, reference, next_after=page.next_after, catch_up=catch_up
                ),
                background=True,
                refetchable=catch_up is not None,
            )
            tally.add((e.case_id for e in events[: summary.events]), summary)
            if summary.events >= len(events):
                tally.pages += 1
                return False
            events, reference = events[summary.events :], []

    def _finish_deferred(self, *, quietly: bool = False, documents: Mapping[str, str] | None = None) -> None:
        """Build what a catch-up deferred, one bounded transaction at a time (store.pull_apply.finish_deferred)."""
        # (refetchable: the deferred work and what says it is left are in the same transactions, so one lost to
        # a power cut is simply done again)
        step = partial(finish_deferred, pause=self._others_waiting, documents=documents)
        try:
            while not self._write(step, background=True, refetchable=True):
                pass
        except Exception:
            if not quietly:
                raise
            log.exception("could not finish the index work of an interrupted catch-up; the next pull retries")

    def run_once(self) -> SyncReport:
        """Push, then pull (the pull brings back the server's view of everything just pushed)."""
        self._set_status(SyncStatus.SYNCING, "")
        try:
            push = self.push_once()
            send_unsent_calls(self._write, self.transport)  # the call log rides on the push (sync.calls)
            pull = self.pull_once()
        except Offline as error:
            self._set_status(SyncStatus.OFFLINE, str(error))
            raise
        except AuthRequired as error:
            self._set_status(SyncStatus.AUTH_REQUIRED, str(error))
            raise
        pending = self._write(outbox.pending_count, background=True)
        self._set_status(SyncStatus.IDLE, "")
        return SyncReport(push, pull, pending)

    # --- the loop ----------------------------------------------------------------------------------------

    def notify_local_change(self) -> None:
        """Call after committing a local change (record_local…): the pusher sends it at once."""
        self._wake_push.set()

    def credentials_changed(self) -> None:
        """Call after an online login: a loop waiting for a token resumes."""
        self._credentials_changed.set()
        self._wake_push.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake_push.set()
        self._credentials_changed.set()

    def run_forever(self) -> None:
        """Block until stop(): this thread pulls and long-polls; a helper thread it owns pushes whenever
        notify_local_change() is called (and every push_interval seconds while anything is pending), so a
        new intake never waits behind a long poll."""
        self._stop.clear()
        self._wake_push.set()
        pusher = threading.Thread(target=self._push_loop, name="sync-push", daemon=True)
        pusher.start()
        try:
            self._pull_loop()
        finally:
            self._stop.set()
            self._wake_push.set()
            pusher.join()
            self.transport.close()
            self._set_status(SyncStatus.STOPPED, "")

    def _pull_loop(self) -> None:
        backoff = Backoff(cap=self.backoff_cap)
        while not self._stop.is_set():
            try:
                self.pull_once()
                self._set_status(SyncStatus.IDLE, "")
                backoff.reset()
                after = self._write(sync_state.cursor, background=True)
                self.transport.wait(after, self.wait_seconds)
            except Exception as error:
                self._pause_after(error, backoff)

    def _push_loop(self) -> None:
        backoff = Backoff(cap=self.backoff_cap)
        while not self._stop.is_set():
            self._wake_push.wait(self.push_interval)
            self._wake_push.clear()
            if self._stop.is_set():
                return
            try:
                self.push_once()
                self._pusher.send_calls()
                backoff.reset()
            except Exception as error:
                self._pause_after(error, backoff)
                self._wake_push.set()  # retry after the pause

    def _pause_after(self, error: Exception, backoff: Backoff) -> None:
        if isinstance(error, AuthRequired):
            self._set_status(SyncStatus.AUTH_REQUIRED, str(error))
            self._credentials_changed.clear()
            while not self._stop.is_set() and not self._credentials_changed.wait(1.0):
                pass
            return
        if isinstance(error, Offline):
            self._set_status(SyncStatus.OFFLINE, str(error))
        elif isinstance(error, ServerRefused):
            self._set_status(SyncStatus.ERROR, f"{error.problem.code}: {error.problem.message_ko}")
        else:
            log.exception("sync failed")
            self._set_status(SyncStatus.ERROR, repr(error))
        self._stop.wait(backoff.next_delay())

    def _set_status(self, status: SyncStatus, detail: str) -> None:
        with self._status_lock:
            if status is self.status and status is not SyncStatus.ERROR:
                return
            self.status = status
        self.observer.status_changed(status, detail)
