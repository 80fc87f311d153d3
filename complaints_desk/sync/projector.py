"""A catch-up's second process: it decodes and projects the next page while the writer writes this one
(store.local.prepared_pull says why, and how the writer checks what it is given).

    python -m complaints_desk.sync.projector STORE_PATH

reads requests on stdin and answers on stdout, in frames: a request is one byte (PAGE, RESET or QUIT) and a
4-byte length, then that many bytes (a PAGE's body: the GET /sync/pull answer as fetched); a PAGE's answer is
two 4-byte lengths, then a pickled head (whether it could project the page; the page's cursor, whether more
follow, its event count and reference data) and the pickled slices. It first writes one READY byte, once its
imports are done. It reads the store through its own read-only connection and writes nothing. Pickle is safe
here: both ends are this program, over a pipe of its own.

`ProjectorProcess` is the engine's side (sync.catch_up.PageReader uses it): until the process is ready, or
after it has died, it answers None and the reader decodes pages itself, as without it.
"""

from __future__ import annotations

import logging
import os
import pickle
import sqlite3
import struct
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from typing import IO, Any
from urllib.parse import quote

from ..store.local.incoming import IncomingEvent
from ..store.local.prepared_pull import PreparedSlice
from ..store.local.reference_pull import ReferenceRecord

log = logging.getLogger(__name__)

PAGE, RESET, QUIT = b"P", b"R", b"Q"
READY = b"!"
_REQUEST = struct.Struct("<cI")
_ANSWER = struct.Struct("<II")
NICE = 5  # the second process yields to the desk's own threads (the screen first) on a busy machine


@dataclass
class ProjectedPage:
    """A pull page as the second process prepared it; `generation` says which of its fresh starts it was
    projected in (ProjectorProcess.reset): one projected before the last start is projected again."""

    raw: bytes
    generation: int
    slices_pickled: bytes
    reference: list[ReferenceRecord]
    next_after: int
    has_more: bool
    count: int
    _decoded: list[IncomingEvent] | None = field(default=None, repr=False)

    def slices(self) -> list[PreparedSlice]:
        slices: list[PreparedSlice] = pickle.loads(self.slices_pickled)
        return slices

    def events(self) -> list[IncomingEvent]:
        """The page decoded here (for the slices that do not fit the store), once."""
        if self._decoded is None:
            from .pull_codec import parse_pull_page

            self._decoded = parse_pull_page(self.raw).events
        return self._decoded


class ProjectorProcess:
    """The engine's handle on the second process (thread-safe: one request and its answer at a time)."""

    def __init__(self, store_path: str) -> None:
        self.generation = 0
        self.projected = 0  # pages it has projected (the tests' and the bench's proof that it was used)
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._dead = False
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__, store_path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        threading.Thread(target=self._await_ready, name="projector-start", daemon=True).start()

    def _await_ready(self) -> None:
        assert self._process.stdout is not None
        try:
            first = self._process.stdout.read(1)
        except (OSError, ValueError):
            first = b""
        if first == READY:
            self._ready.set()
        else:
            self._dead = True
            log.warning("the catch-up's second process did not start: pages are projected on the writer")

    @property
    def usable(self) -> bool:
        return self._ready.is_set() and not self._dead

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout) and not self._dead

    def project(self, raw: bytes) -> ProjectedPage | None:
        """The page projected in the second process, or None (not ready, gone, or the page did not project:
        the caller decodes it itself, and meets the same error there)."""
        with self._lock:
            if not self.usable:
                return None
            generation = self.generation
            try:
                _send(self._process.stdin, PAGE, raw)
                head_length, slices_length = _ANSWER.unpack(_read(self._process.stdout, _ANSWER.size))
                head = _read(self._process.stdout, head_length)
                slices = _read(self._process.stdout, slices_length)
            except (OSError, EOFError, ValueError):
                self._dead = True
                log.warning("the catch-up's second process is gone: pages are projected on the writer")
                return None
        done, info = pickle.loads(head)
        if not done:
            return None
        self.projected += 1
        next_after, has_more, count, reference = info
        return ProjectedPage(raw, generation, slices, reference, next_after, has_more, count)

    def reset(self) -> None:
        """The writer applied something other than what the second process prepared: it forgets its rows and
        reads them from the store again (call after that transaction commits)."""
        with self._lock:
            self.generation += 1
            if self.usable:
                try:
                    _send(self._process.stdin, RESET, b"")
                except (OSError, ValueError):
                    self._dead = True

    def close(self) -> None:
        with self._lock:
            self._dead = True
            try:
                _send(self._process.stdin, QUIT, b"")
                assert self._process.stdin is not None
                self._process.stdin.close()
            except (OSError, ValueError):
                pass
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


def _send(stream: IO[bytes] | None, op: bytes, body: bytes) -> None:
    assert stream is not None
    stream.write(_REQUEST.pack(op, len(body)))
    stream.write(body)
    stream.flush()


def _read(stream: IO[bytes] | None, size: int) -> bytes:
    assert stream is not None
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the other end closed the pipe")
    return data


# --- the second process -----------------------------------------------------------------------------------


def _serve(store_path: str, requests: IO[bytes], answers: IO[bytes]) -> None:
    from ..domain.errors import DomainError
    from ..store.bulk_gc import freeze_for_bulk_work
    from ..store.local import bulk
    from ..store.local.prepared_pull import Projector
    from .pull_codec import PageError, parse_pull_page

    connection = sqlite3.connect(f"file:{quote(store_path)}?mode=ro", uri=True, check_same_thread=False)
    connection.execute("PRAGMA busy_timeout=10000")
    connection.execute("PRAGMA mmap_size=1073741824")
    projector = Projector(lambda case_ids: bulk.load_cases(connection, case_ids))
    freeze_for_bulk_work()
    answers.write(READY)
    answers.flush()
    while True:
        header = requests.read(_REQUEST.size)
        if len(header) != _REQUEST.size:
            return
        op, length = _REQUEST.unpack(header)
        body = requests.read(length) if length else b""
        if op == QUIT:
            return
        if op == RESET:
            projector.reset()
            continue
        slices: Any = b""
        try:
            page = parse_pull_page(body)
            prepared = projector.prepare(page.events)
            head: Any = (True, (page.next_after, page.has_more, len(page.events), page.reference))
            slices = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
        except (PageError, DomainError, sqlite3.Error) as error:
            projector.reset()
            head = (False, repr(error))
        head_bytes = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL)
        answers.write(_ANSWER.pack(len(head_bytes), len(slices)))
        answers.write(head_bytes)
        answers.write(slices)
        answers.flush()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m complaints_desk.sync.projector STORE_PATH", file=sys.stderr)
        return 2
    if hasattr(os, "nice"):
        os.nice(NICE)
    _serve(argv[1], sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
