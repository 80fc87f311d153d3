"""What a catch-up (a pull far behind the server; store.local.pull.CatchUp) runs under, besides the deferred
index work: lighter garbage collection (store.bulk_gc), and a thread reading the next page ahead."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from .pull_codec import PulledPage
from .transport import Transport


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
