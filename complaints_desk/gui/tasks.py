"""Work off the GUI thread, results back on it.

Two ways in, one for each kind of work (Anki's QueryOp and CollectionOp, Picard's run_task):

- `Tasks.read(fn, done, failed)` runs `fn(session)` on a small pool of reader threads, each session from the
  read-only engine (its transactions never take the write lock), and hands the result to `done` on the GUI
  thread. Queue windows, counts, the case panel and the status bar read this way.
- `Tasks.write(fn, done, failed)` queues `fn(session)` for the one database writer thread, which runs it in a
  transaction (committed when it returns, rolled back when it raises) and hands the result back the same way.
  Every local write goes through it (an intake, a case action, an applied pull page), so writes never wait
  on each other's locks and never run on the GUI thread.
- `Tasks.store_writer(fn, background=…)` is the same writer as a plain blocking callable for the sync engine
  and the sign-in (sync.store_writer.StoreWriter), called from their own threads. The clerk's writes come
  first: the writer takes a waiting `write` before the next background item (a pull page, a settlement), and
  `Tasks.foreground_waiting` tells a catch-up that one waits, so it commits what it has written and lets the
  intake in (sync.engine): an intake waits for a few milliseconds of a page, never for the whole page.

- `Tasks.rehearse(fn)` runs `fn(session)` on the writer, after the clerk's writes already waiting but before
  the sync's next one, in a transaction that is always rolled back: the desk warms the intake's statements
  this way after its first window (store.local.desk_intake.rehearse_intake). It leaves nothing in the store
  and gives way to the clerk: a write that arrives meanwhile makes its next statement stop it, and the write
  goes at once.

`fn` must return plain data (dataclasses), never ORM objects: its session is closed before `done` runs.
An exception from `fn` goes to `failed` (or to `Tasks.failed`, the main window's error line, when none is
given). The GUI thread only ever starts tasks and receives their results.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from ..store.db import transaction

T = TypeVar("T")
# How long after its delivery a read still counts as running (Tasks.reads_running): until the next turn of the
# event loop. Counting it until its rows were painted (20 ms) filled a scroll stop fastest during a catch-up,
# but halved the catch-up's speed while the screen reads without a pause (bench.gui_bench, measured).
READ_PAINTED_MS = 0
log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


# The writer's priorities: the clerk's, a rehearsal (once, after the first window: before the next page of a
# long catch-up, which would otherwise hold it back for as long as the catch-up lasts), the sync's, the stop.
FOREGROUND, REHEARSAL, BACKGROUND, LAST = 0, 1, 2, 3


@dataclass(order=True)
class _WriteItem:
    priority: int
    order: int
    fn: Callable[[Session], Any] | None = field(compare=False)
    done: Done | None = field(compare=False, default=None)
    failed: Failed | None = field(compare=False, default=None)
    future: Future[Any] | None = field(compare=False, default=None)
    refetchable: bool = field(compare=False, default=False)
    rehearsal: bool = field(compare=False, default=False)


class _GaveWay(Exception):
    """A rehearsal stopped for a foreground write that arrived while it ran."""


@dataclass(frozen=True)
class _Delivery:
    call: Callable[[], None]


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from any thread runs its callable there (queued)."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._run)

    @Slot(object)
    def _run(self, delivery: _Delivery) -> None:
        delivery.call()


class _Read(QRunnable):
    def __init__(self, tasks: Tasks, fn: Callable[[Session], Any], done: Done, failed: Failed) -> None:
        super().__init__()
        self._tasks, self._fn, self._done, self._failed = tasks, fn, done, failed

    def run(self) -> None:
        self._tasks._run_read(self._fn, self._done, self._failed)


class Tasks(QObject):
    """The reader pool and the writer thread of one local store."""

    failed = Signal(object)  # an exception no caller handled
    idle = Signal()  # no task is running or waiting (tests wait for it)
    written = Signal()  # a `write` has committed (the sync pushes it at once)

    def __init__(self, readers: sessionmaker[Session], writer: sessionmaker[Session], *, threads: int = 2) -> None:
        super().__init__()
        self._readers = readers
        self._writer_sessions = writer
        self._relay = _Relay()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(threads)
        self._busy = 0
        self._foreground = 0  # foreground writes queued or running
        self._reading = 0  # reads queued or running on the pool
        self._painting = 0  # repaints of the GUI thread running (screen_painting; that thread only)
        self._lock = threading.Lock()
        self._writes: queue.PriorityQueue[_WriteItem] = queue.PriorityQueue()
        self._order = itertools.count()
        self._writer = threading.Thread(target=self._write_loop, name="database-writer", daemon=True)
        self._writer.start()
        self._closed = False  # (GUI thread only)

    # ---- starting work (GUI thread) ---------------------------------------------------------------------

    def read(self, fn: Callable[[Session], T], done: Callable[[T], None], failed: Failed | None = None) -> None:
        self._started()
        with self._lock:
            self._reading += 1
        self._pool.start(_Read(self, fn, done, failed or self._unhandled))

    def write(
        self, fn: Callable[[Session], T], done: Callable[[T], None] | None = None, failed: Failed | None = None
    ) -> None:
        self._started()
        self._put(
            _WriteItem(
                FOREGROUND, next(self._order), fn, done or (lambda _result: None), failed or self._unhandled
            )
        )

    def store_writer(
        self, fn: Callable[[Session], T], /, *, background: bool = False, refetchable: bool = False
    ) -> T:
        """Run `fn` on the writer and wait for its result (sync.store_writer.StoreWriter). For worker threads
        only: the GUI thread never waits."""
        if threading.current_thread() is threading.main_thread():
            raise RuntimeError("store_writer waits for the writer: call it from a worker thread")
        future: Future[T] = Future()
        priority = BACKGROUND if background else FOREGROUND
        self._put(_WriteItem(priority, next(self._order), fn, future=future, refetchable=refetchable))
        return future.result()

    def rehearse(self, fn: Callable[[Session], Any]) -> None:
        """Run `fn` on the writer in a transaction that is rolled back whatever it does (see the module's
        docstring); its result and its failures are dropped (logged). Any thread."""
        self._put(_WriteItem(REHEARSAL, next(self._order), fn, rehearsal=True))

    def foreground_waiting(self) -> bool:
        """Whether a foreground write (an intake, a case action) waits for the writer or runs on it: the
        background work the writer is running (a catch-up page) ends its transaction early for it, and the
        catch-up's reader stops decoding until it is done (sync.catch_up.PageReader). Any thread."""
        return self._foreground > 0

    def reads_running(self) -> bool:
        """Whether a read (a queue window, a case for the screen) is queued or running on the pool, or what it
        brought is still being painted (READ_PAINTED_MS), or the GUI thread is repainting (screen_painting): a
        catch-up gives way to it between its slices (store.local.pull.CatchUp.give_way), and its reader stops
        decoding (sync.catch_up.PageReader). Any thread."""
        return self._reading > 0 or self._painting > 0

    @contextmanager
    def screen_painting(self) -> Iterator[None]:
        """Around a repaint on the GUI thread (gui.queue_delegate paints the queue in one call): a catch-up's
        Python on another thread takes the interpreter turn about with it (one turn a millisecond,
        gui.app.SWITCH_INTERVAL_S), which doubled a 15 ms repaint during a catch-up; it sleeps instead, once its
        slice of a page is done (reads_running)."""
        self._painting += 1
        try:
            yield
        finally:
            self._painting -= 1

    def _read_shown(self) -> None:
        with self._lock:
            self._reading -= 1

    def _put(self, item: _WriteItem) -> None:
        if item.priority == FOREGROUND:
            with self._lock:
                self._foreground += 1
        self._writes.put(item)

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._busy > 0

    def close(self) -> None:
        """Finish the queued writes, stop the writer and wait for the readers (at exit). Their results are then
        dropped: they would reach screens that are closed, whose Qt objects may be gone already."""
        self._closed = True
        self._writes.put(_WriteItem(LAST, next(self._order), None))
        self._writer.join(timeout=30)
        self._pool.waitForDone(30_000)

    # ---- on the worker threads ---------------------------------------------------------------------------

    def _run_read(self, fn: Callable[[Session], Any], done: Done, failed: Failed) -> None:
        try:
            with self._readers() as session:
                result = fn(session)
        except Exception as error:  # handed to the GUI thread, which shows it
            log.exception("read task failed")
            failure = error
            self._deliver(lambda: failed(failure), read=True)
        else:
            self._deliver(lambda: done(result), read=True)

    def _write_loop(self) -> None:
        while True:
            item = self._writes.get()
            try:
                if not self._run_item(item):
                    return
            finally:
                if item.priority == FOREGROUND:
                    with self._lock:
                        self._foreground -= 1

    def _run_item(self, item: _WriteItem) -> bool:
        """Run one queued write; False for the stop."""
        fn = item.fn
        if fn is None:
            return False
        if item.rehearsal:
            self._rehearse(fn)
            return True
        if item.future is not None:
            self._run_for_waiter(fn, item.future, item.refetchable)
            return True
        done, failed = item.done, item.failed
        assert done is not None and failed is not None
        try:
            with transaction(self._writer_sessions) as session:
                result = fn(session)
        except Exception as error:
            log.exception("write task failed")
            self._deliver(lambda error=error, failed=failed: failed(error))  # type: ignore[misc]
        else:
            self._deliver(lambda result=result, done=done: self._written(done, result))  # type: ignore[misc]
        return True

    def _rehearse(self, fn: Callable[[Session], Any]) -> None:
        if self._foreground:  # a clerk's write came meanwhile: it goes now and pays the first use itself
            return
        session = self._writer_sessions()

        def give_way(*_args: Any) -> None:
            if self._foreground:
                raise _GaveWay

        try:
            event.listen(session.connection(), "before_cursor_execute", give_way)
            fn(session)
        except _GaveWay:
            pass
        except Exception:
            log.exception("a rehearsal on the writer failed (rolled back)")
        finally:
            session.rollback()
            session.close()

    def _written(self, done: Done, result: Any) -> None:
        done(result)
        self.written.emit()

    def _run_for_waiter(self, fn: Callable[[Session], Any], future: Future[Any], refetchable: bool) -> None:
        try:
            with transaction(self._writer_sessions, refetchable=refetchable) as session:
                result = fn(session)
        except BaseException as error:  # the waiting thread raises it
            future.set_exception(error)
        else:
            future.set_result(result)

    def _deliver(self, call: Callable[[], None], *, read: bool = False) -> None:
        def finish() -> None:
            if self._closed:  # (delivered on the GUI thread after close(): for a desk that is gone)
                if read:
                    self._read_shown()
                return
            try:
                call()
            finally:
                self._finished()
                if read:
                    # What the read brought is painted in the next frames, by Python called from Qt thousands
                    # of times, each time taking the GIL: the read counts as running until then.
                    QTimer.singleShot(READ_PAINTED_MS, self._read_shown)

        self._relay.delivered.emit(_Delivery(finish))

    # ---- bookkeeping (GUI thread) --------------------------------------------------------------------------

    def _started(self) -> None:
        with self._lock:
            self._busy += 1

    def _finished(self) -> None:
        with self._lock:
            self._busy -= 1
            now_idle = self._busy == 0
        if now_idle:
            self.idle.emit()

    def _unhandled(self, error: BaseException) -> None:
        self.failed.emit(error)
