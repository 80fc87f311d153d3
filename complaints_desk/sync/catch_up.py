"""What a catch-up (a pull far behind the server; store.pull_apply.CatchUp) runs under, besides the deferred
index work: lighter garbage collection, and a thread reading the next page ahead."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

from .pull_codec import PulledPage
from .transport import Transport

_frozen = threading.Lock()
_frozen_depth = 0
_thresholds: tuple[int, int, int] = (700, 10, 10)
CATCH_UP_GC_THRESHOLDS = (50_000, 20, 100)  # as the demo builder's workers (store/demo/build.py)


@contextmanager
def light_garbage_collection() -> Iterator[None]:
    """For a catch-up: the objects the process already has are left out of garbage collections (gc.freeze), and
    young objects are collected every 50,000 allocations instead of 700, until it ends. A catch-up allocates
    millions of short-lived, acyclic objects (a page lives for a few milliseconds), and each collection would
    rescan them, or the whole program's heap (the GUI's included): measured, about a tenth of a catch-up's CPU
    time. Nothing is kept from being collected except cycles among the frozen objects, for the catch-up's
    length; the previous thresholds come back at its end."""
    global _frozen_depth, _thresholds
    with _frozen:
        if _frozen_depth == 0:
            _thresholds = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(*CATCH_UP_GC_THRESHOLDS)
        _frozen_depth += 1
    try:
        yield
    finally:
        with _frozen:
            _frozen_depth -= 1
            if _frozen_depth == 0:
                gc.set_threshold(*_thresholds)
                gc.unfreeze()


class PageReader:
    """During a catch-up, one thread that fetches and reads the next page while the engine writes the current
    one: the network wait and the decoding overlap with SQLite's work (which runs without the GIL)."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="sync-read-ahead")

    def __enter__(self) -> PageReader:
        return self

    def submit(self, after: int, limit: int) -> Future[PulledPage]:
        return self.pool.submit(self.transport.pull_page, after, limit)

    def __exit__(self, *exc: object) -> None:
        self.pool.submit(self.transport.close)  # that thread's HTTP session
        self.pool.shutdown(wait=True, cancel_futures=True)
