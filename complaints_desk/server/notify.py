"""Long polls (GET /sync/wait) and their wake-ups. A commit on this process wakes the watcher directly; on
PostgreSQL a listener thread turns NOTIFY from any process into the same wake-up, within milliseconds.

One watcher task per process answers every waiter: on a wake-up (and at least every second while anyone
waits) it reads the newest sequence number ONCE and answers each waiter whose cursor is below it. With
hundreds of idle long polls a commit costs one query, not one per waiter on the request thread pool, which
the intake shares. A lost wake-up delays an answer by at most the one-second re-check, never loses it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool

from ..store.central import listen
from .logs import log

RECHECK_SECONDS = 1.0  # while anyone waits, the watcher looks at the database at least this often
FAILED_CHECK_PAUSE = 0.5  # after a failed look (the database is away), before the next


class _Waiter:
    __slots__ = ("after", "future")

    def __init__(self, after: int, future: asyncio.Future[int]) -> None:
        self.after = after
        self.future = future


class Notifier:
    def __init__(self, database_url: str, read_latest: Callable[[], int] | None = None) -> None:
        """`read_latest` is the blocking read of the newest committed sequence number (run on the thread
        pool); without it (a notifier only published to) nobody can wait."""
        self._database_url = database_url
        self._read_latest = read_latest
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._waiters: set[_Waiter] = set()
        self._task: asyncio.Task[None] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.checks = 0  # the watcher's reads of the newest number so far (each answers every waiter)

    def start(self) -> None:
        """Call on the server's event loop (the app's lifespan)."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        if self._read_latest is not None:
            self._task = self._loop.create_task(self._watch(), name="sync-wait-watcher")
        if self._database_url.startswith("postgresql"):
            self._stop.clear()
            self._thread = threading.Thread(
                target=listen.listen,
                args=(self._database_url, self.publish, self._stop),
                name="pg-listen",
                daemon=True,
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def publish(self, seq: int = 0) -> None:
        """Thread-safe: something was committed (seq is informational only)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        loop.call_soon_threadsafe(self._fire)

    def _fire(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def wait_for(self, after: int, timeout: float) -> tuple[bool, int]:
        """(changed, latest): whether something above `after` is committed, within `timeout` seconds. The
        waiter's own reads are one at its start and one at its timeout (per request, not per commit)."""
        assert self._read_latest is not None and self._loop is not None
        deadline = time.monotonic() + timeout
        waiter = _Waiter(after, self._loop.create_future())
        # Registered before the first read: a commit after that read wakes the watcher, which sees this waiter.
        self._waiters.add(waiter)
        try:
            newest = await run_in_threadpool(self._read_latest)
            if newest > after or timeout <= 0:
                return newest > after, newest
            try:
                newest = await asyncio.wait_for(waiter.future, max(0.0, deadline - time.monotonic()))
                return True, newest
            except TimeoutError:
                pass
        finally:
            self._waiters.discard(waiter)
        newest = await run_in_threadpool(self._read_latest)  # the answer at the deadline is exact
        return newest > after, newest

    async def _watch(self) -> None:
        assert self._wake is not None and self._read_latest is not None
        wake = self._wake
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), RECHECK_SECONDS)
            # Cleared before the read: a commit during it sets the event again, and the loop looks again.
            wake.clear()
            if not self._waiters:
                continue
            try:
                newest = await run_in_threadpool(self._read_latest)
            except Exception as error:  # the database is away: waiters time out and their own read says so
                log("wait_check_failed", logging.WARNING, error=type(error).__name__)
                await asyncio.sleep(FAILED_CHECK_PAUSE)
                continue
            self.checks += 1
            answered = 0
            for waiter in [w for w in self._waiters if w.after < newest]:
                self._waiters.discard(waiter)
                if not waiter.future.done():
                    waiter.future.set_result(newest)
                    answered += 1
            if answered:
                log(
                    "wait_answered",
                    answered=answered,
                    waiting=len(self._waiters),
                    latest=newest,
                    checks=self.checks,
                )
