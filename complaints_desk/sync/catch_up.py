"""What a catch-up (a pull far behind the server; store.local.pull.CatchUp) runs under, besides the deferred
index work: lighter garbage collection (store.bulk_gc), and a thread reading the next page ahead."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from ..store.local.pull import CatchUp
from . import pull_codec
from .pull_codec import PulledPage
from .transport import Transport


class PageReader:
    """During a catch-up, one thread that fetches and reads the next page while the engine writes the current
    one: the network wait and the decoding overlap with SQLite's work (which runs without the GIL).

    With the catch-up given, the thread fetches at once but decodes only once the current page is written (its
    commit is all that is left): decoding is Python and holds the GIL, and while it ran beside the writes, each
    of the writer's thousands of returns from SQLite waited for the GIL (up to the 5 ms switch interval), so
    the two ran one after the other anyway. During the commit the writer waits on the disk without the GIL.
    Measured: a tenth of a catch-up's wall-clock time. For the same reason it holds off while the clerk's write
    waits for or runs on the writer (CatchUp.pause), and while the screen's reads run (CatchUp.give_way)."""

    def __init__(self, transport: Transport, catch_up: CatchUp | None = None) -> None:
        self.transport = transport
        # the clerk's write goes first here too, and the screen's reads (CatchUp.give_way)
        self.hold = _holding(catch_up) if catch_up is not None else None
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="sync-read-ahead")
        self.written = threading.Event()  # the page being written is (decoding may start)
        self.written.set()
        if catch_up is not None:
            catch_up.on_written = self.written.set

    def __enter__(self) -> PageReader:
        return self

    def submit(self, after: int, limit: int) -> Future[PulledPage]:
        self.written.clear()
        return self.pool.submit(self._read, after, limit)

    def _read(self, after: int, limit: int) -> PulledPage:
        with pull_codec.decoding_after(self.written, self.hold):
            return self.transport.pull_page(after, limit)

    def __exit__(self, *exc: object) -> None:
        self.written.set()  # a page that failed never says it is written: the thread must not wait for it
        self.pool.submit(self.transport.close)  # that thread's HTTP session
        self.pool.shutdown(wait=True, cancel_futures=True)


def _holding(catch_up: CatchUp) -> Callable[[], bool] | None:
    pause, give_way = catch_up.pause, catch_up.give_way
    if pause is None or give_way is None:
        return pause or give_way
    return lambda: pause() or give_way()
