"""What a catch-up (a pull far behind the server; store.local.pull.CatchUp) runs under, besides the deferred
index work: lighter garbage collection (store.bulk_gc), and a thread reading the next page ahead."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor

from ..store.local.prepared_pull import apply_prepared_page, store_reader
from ..store.local.pull import CatchUp
from . import pull_codec
from .projector import ProjectedPage, ProjectorProcess, Sent
from .pull_codec import PulledPage
from .reports import PullTally
from .store_writer import StoreWriter
from .transport import Transport

log = logging.getLogger(__name__)

AheadPage = PulledPage | ProjectedPage  # a page read ahead: decoded here, or projected by the second process


class PageReader:
    """During a catch-up, one thread that fetches and reads the next page while the engine writes the current
    one: the network wait and the decoding overlap with SQLite's work (which runs without the GIL).

    With the catch-up given, the thread fetches at once but decodes only once the current page is written (its
    commit is all that is left): decoding is Python and holds the GIL, and while it ran beside the writes, each
    of the writer's thousands of returns from SQLite waited for the GIL (up to the 5 ms switch interval), so
    the two ran one after the other anyway. During the commit the writer waits on the disk without the GIL.
    Measured: a tenth of a catch-up's wall-clock time. For the same reason it holds off while the clerk's write
    waits for or runs on the writer (CatchUp.pause), and while the screen's reads run (CatchUp.give_way).

    With a `projector` (the catch-up's second process, sync.projector), the thread only fetches: the page goes to
    that process, which decodes and projects it with its own interpreter while the writer writes the page
    before (store.local.prepared_pull); until it is ready, or if it is gone, pages are decoded here as above.
    Each page sent to it is followed at once by the next one, fetched before the first's answer is read: the
    process then goes from one page to the next without waiting for this side (which has the GIL to get, an
    answer to read and a fetch to make in between), and the writer finds each page projected two ahead."""

    def __init__(
        self, transport: Transport, catch_up: CatchUp | None = None, projector: ProjectorProcess | None = None
    ) -> None:
        self.transport = transport
        self.projector = projector
        # the clerk's write goes first here too, and the screen's reads (CatchUp.give_way)
        self.hold = _holding(catch_up) if catch_up is not None else None
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="sync-read-ahead")
        self.written = threading.Event()  # the page being written is (decoding may start)
        self.written.set()
        if catch_up is not None:
            catch_up.on_written = self.written.set
        self._sent: dict[int, Sent] = {}  # the page after the last one read, sent to the second process already
        # the cursor the first page sent to the second process since its last fresh start follows (`applied`)
        self._first_sent_after: int | None = None

    def __enter__(self) -> PageReader:
        return self

    def submit(self, after: int, limit: int) -> Future[AheadPage]:
        self.written.clear()
        return self.pool.submit(self._read, after, limit)

    def _read(self, after: int, limit: int) -> AheadPage:
        projector = self.projector
        sent = self._sent.pop(after, None)
        if sent is None:
            if projector is None or not projector.usable:
                with pull_codec.decoding_after(self.written, self.hold):
                    return self.transport.pull_page(after, limit)
            raw = self.transport.pull_raw(after, limit)
            sent = self._send(projector, after, raw)
            if sent is None:
                with pull_codec.decoding_after(self.written, self.hold):
                    return self.transport.read_page(raw)
        assert projector is not None
        self._send_following(projector, sent.raw, limit)
        projected = projector.receive(sent)
        if projected is not None:
            # Read here in the writer's commit of the page before (its only stretch without the GIL), as a
            # page decoded here would be, so that the writer starts on the SQL at once.
            pull_codec.wait_turn(self.written, self.hold)
            projected.unpack()
            return projected
        with pull_codec.decoding_after(self.written, self.hold):
            return self.transport.read_page(sent.raw)

    def _send_following(self, projector: ProjectorProcess, raw: bytes, limit: int) -> None:
        head = pull_codec.page_head(raw)
        if head is None or not head.has_more or self._sent:
            return
        try:
            following = self.transport.pull_raw(head.next_after, limit)
        except Exception:  # (it is fetched again in its turn, where its failure belongs)
            log.debug("could not fetch the page after %d ahead", head.next_after, exc_info=True)
            return
        sent = self._send(projector, head.next_after, following)
        if sent is not None:
            self._sent[head.next_after] = sent

    def _send(self, projector: ProjectorProcess, after: int, raw: bytes) -> Sent | None:
        if self._first_sent_after is None:
            self._first_sent_after = after
        return projector.send(raw)

    def take(self, ahead: Future[AheadPage]) -> AheadPage:
        """The page read ahead, projected again if the second process has started afresh since (reset)."""
        page = ahead.result()
        projector = self.projector
        if isinstance(page, ProjectedPage) and projector is not None and page.generation != projector.generation:
            return projector.project(page.raw) or self.transport.read_page(page.raw)
        return page

    def applied(self, page: AheadPage, *, as_prepared: bool) -> None:
        """A page is committed: unless it was written as the second process prepared it, that process starts
        afresh from the store (its rows may not be the store's any more) — except for a page read here that comes
        before every page sent to it since its last start (a catch-up's first page): the rows it keeps are then
        of later pages only, read from the store as it was, and what it prepares from them is still checked
        against the store when it is written (prepared_pull.write_prepared_slice). Starting it afresh there would
        throw away the two pages it is projecting."""
        projector = self.projector
        if projector is None or (isinstance(page, ProjectedPage) and as_prepared):
            return
        first = self._first_sent_after
        if isinstance(page, PulledPage) and (first is None or page.next_after <= first):
            return
        self._first_sent_after = None
        projector.reset()

    def remaining_documents(self) -> Future[list[tuple[str, str]]] | None:
        """The search documents the second process has made no answer bring yet, made while the writer goes on
        (at a catch-up's end: it builds the indexes first), or None without a second process."""
        if self.projector is None or not self.projector.usable:
            return None
        return self.pool.submit(self.projector.remaining_documents)

    def __exit__(self, *exc: object) -> None:
        self.written.set()  # a page that failed never says it is written: the thread must not wait for it
        self.pool.submit(self.transport.close)  # that thread's HTTP session
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.projector is not None:
            self.projector.close()


class LateDocuments(Mapping[str, str]):
    """A catch-up's search documents by case id: those its pages brought, and those the second process still
    owes (`late`), taken when first looked at: the catch-up's end builds the indexes first and asks for documents
    only after them, so the process makes them meanwhile. If it fails, the cases it owed are made by the writer
    (store.local.deferred.finish_deferred makes any document it is not given)."""

    LATE_SECONDS = 30.0

    def __init__(self, made: dict[str, str], late: Future[list[tuple[str, str]]] | None) -> None:
        self._made, self._late = made, late

    def _taken(self) -> dict[str, str]:
        late, self._late = self._late, None
        if late is not None:
            try:
                self._made.update(late.result(self.LATE_SECONDS))
            except Exception:
                log.warning("the catch-up's second process did not hand over its search documents", exc_info=True)
        return self._made

    def __getitem__(self, case_id: str) -> str:
        return self._taken()[case_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._taken())

    def __len__(self) -> int:
        return len(self._taken())


def _holding(catch_up: CatchUp) -> Callable[[], bool] | None:
    pause, give_way = catch_up.pause, catch_up.give_way
    if pause is None or give_way is None:
        return pause or give_way
    return lambda: pause() or give_way()


def start_projector(store_path: str) -> ProjectorProcess | None:
    """The catch-up's second process (sync.projector) over the client store in this SQLite file."""
    try:
        return ProjectorProcess(store_reader(store_path))
    except OSError:
        log.warning("could not start the catch-up's second process", exc_info=True)
        return None


def apply_projected(write: StoreWriter, page: ProjectedPage, tally: PullTally) -> bool:
    """A page the second process prepared, through the writer, in as many transactions as the clerk's writes
    in between take (CatchUp.pause); True when all of it was written as prepared (no slice fell back)."""
    catch_up = tally.catch_up
    assert catch_up is not None
    slices, reference = page.slices(), page.reference
    catch_up.documents.update(page.documents)  # (the second process makes at most prepared_pull.KEEP_DOCUMENTS)
    done, as_prepared = 0, True
    while True:
        summary = write(
            lambda s, reference=reference, done=done: apply_prepared_page(  # type: ignore[misc]
                s, slices, reference, next_after=page.next_after, catch_up=catch_up, decode=page.events, done=done
            ),
            background=True,
            refetchable=True,
        )
        upto = done + summary.events
        if done == 0 and upto >= page.count:  # (the whole page in one transaction, as nearly always)
            tally.add(page.case_ids(), summary)
        else:
            tally.add((c for piece in slices if done < piece.end <= upto for c in piece.case_ids), summary)
        as_prepared = as_prepared and not summary.fell_back
        done = upto
        if done >= page.count:
            tally.pages += 1
            return as_prepared
        reference = []
