"""A catch-up's second process: it decodes and projects the next page while the writer writes this one
(store.local.prepared_pull says why, and how the writer checks what it is given).

    python -m complaints_desk.sync.projector

reads requests on stdin and answers on stdout, in frames: a request is one byte (PAGE, RESET, ROWS or QUIT)
and a 4-byte length, then that many bytes (a PAGE's body: the GET /sync/pull answer as fetched; ROWS: the
case rows it asked for). A PAGE's answer is ANSWER and two 4-byte lengths, then a pickled head (whether it
could project the page; the page's cursor, whether more follow, its event count, reference data, and the
search documents of new cases it made since its last answer) and the pickled slices; before it, the process may ask for the rows of cases it does not keep (NEED, a length, the
pickled case ids), which the engine's side reads from the store and sends back (ROWS). The process itself
never opens the store: SQLite is not safe to use in a fork of a process whose other threads use it. It first
writes one READY byte, once its imports are done. Pickle is safe here: both ends are this program, over a pipe
of its own.

On Linux it is a fork of this process, ready within milliseconds; elsewhere (and with fork=False; the tests run
both) a fresh `python -m complaints_desk.sync.projector`, whose imports take most of a second, during which the
reader decodes pages itself. A fork of a process with other threads is safe only if the child touches nothing
those threads may hold at the moment of the fork: the child runs only this module's loop over its own pipes,
never opens SQLite, never logs, leaves with os._exit, and **imports nothing**: every module its loop uses is
imported by the forking thread before the fork (a module another thread was importing then, or a C extension
loaded for the first time, takes a lock that thread may hold, which the child would wait on forever), and the
child refuses any import (`_refuse_imports`): a page whose projection would import something fails there and is
read on the writer instead. Either way, a process that does not answer in time is killed and the catch-up goes on
without it.

`ProjectorProcess` is the engine's side (sync.catch_up.PageReader uses it): until the process is ready, or
after it has died, it answers None and the reader decodes pages itself, as without it.
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from ..store.bulk_gc import freeze_for_bulk_work
from ..store.local.incoming import IncomingEvent
from ..store.local.prepared_pull import PreparedSlice, Projector, RowReader
from ..store.local.reference_pull import ReferenceRecord
from .pull_codec import parse_pull_page

log = logging.getLogger(__name__)

PAGE, RESET, ROWS, QUIT = b"P", b"R", b"W", b"Q"
READY, ANSWER, NEED = b"!", b"A", b"N"
_REQUEST = struct.Struct("<cI")  # (also ANSWER's and NEED's frame)
_ANSWER = struct.Struct("<II")
# The second process's priority. Measured on 2 cores: at 5 it fell behind the writer on pages of new cases, and
# the writer waited for it (a tenth of the catch-up); the screen's thread, which wakes for a few milliseconds at
# a time, is served first by the scheduler at equal priority anyway.
NICE = 0
READY_SECONDS = 30.0  # for its start (a fresh interpreter's imports on a crowded machine) …
ANSWER_SECONDS = 20.0  # … and for each answer (a page takes it tens of milliseconds); past them it is killed
# Forked where a fork is cheap and safe to run Python in: not on macOS (its system frameworks refuse to run in a
# fork of a process that has used them) nor in a frozen build, whose interpreter may not run `-m` anyway.
FORK = sys.platform.startswith("linux") and not getattr(sys, "frozen", False)


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
    # search documents (case id, document) of new cases of this page or earlier ones (Projector.document)
    documents: list[tuple[str, str]] = field(default_factory=list, repr=False)
    _decoded: list[IncomingEvent] | None = field(default=None, repr=False)

    def slices(self) -> list[PreparedSlice]:
        slices: list[PreparedSlice] = pickle.loads(self.slices_pickled)
        return slices

    def events(self) -> list[IncomingEvent]:
        """The page decoded here (for the slices that do not fit the store), once."""
        if self._decoded is None:
            self._decoded = parse_pull_page(self.raw).events
        return self._decoded


class ProjectorProcess:
    """The engine's handle on the second process (thread-safe: one request and its answer at a time)."""

    def __init__(self, read_rows: RowReader, *, fork: bool = FORK) -> None:
        self.read_rows = read_rows  # case rows from the store, for the cases the process does not keep
        self.generation = 0
        self.projected = 0  # pages it has projected (the tests' and the bench's proof that it was used)
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._dead = False
        self._child: _Child = _Forked() if fork else _Spawned()
        self._requests, self._answers = self._child.requests, self._child.answers
        threading.Thread(target=self._await_ready, name="projector-start", daemon=True).start()

    @property
    def pid(self) -> int:
        return self._child.pid

    def _await_ready(self) -> None:
        try:
            first = _read_within(self._answers, 1, READY_SECONDS)
        except (OSError, EOFError, ValueError):
            first = b""
        if first == READY:
            self._ready.set()
        else:
            self._give_up("did not start")

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
                _send(self._requests, PAGE, raw)
                while True:
                    kind, length = _REQUEST.unpack(_read_within(self._answers, _REQUEST.size, ANSWER_SECONDS))
                    if kind == ANSWER:
                        break
                    wanted = pickle.loads(_read_within(self._answers, length, ANSWER_SECONDS))
                    _send(self._requests, ROWS, pickle.dumps(self.read_rows(wanted), pickle.HIGHEST_PROTOCOL))
                head_length, slices_length = _ANSWER.unpack(
                    _read_within(self._answers, _ANSWER.size, ANSWER_SECONDS)
                )
                head = _read_within(self._answers, head_length, ANSWER_SECONDS)
                slices = _read_within(self._answers, slices_length, ANSWER_SECONDS)
            except (OSError, EOFError, ValueError):  # (TimeoutError is an OSError)
                self._give_up("stopped answering")
                return None
        done, info = pickle.loads(head)
        if not done:
            log.info("the catch-up's second process could not project a page (%s): it is read on the writer", info)
            return None
        self.projected += 1
        next_after, has_more, count, reference, documents = info
        return ProjectedPage(raw, generation, slices, reference, next_after, has_more, count, documents)

    def _give_up(self, why: str) -> None:
        """The process is no help any more (gone, or silent past its time): pages are read on the writer."""
        self._dead = True
        self._child.kill()
        log.warning("the catch-up's second process %s: pages are projected on the writer", why)

    def reset(self) -> None:
        """The writer applied something other than what the second process prepared: it forgets its rows and
        reads them from the store again (call after that transaction commits)."""
        with self._lock:
            self.generation += 1
            if self.usable:
                try:
                    _send(self._requests, RESET, b"")
                except (OSError, ValueError):
                    self._dead = True

    def close(self) -> None:
        with self._lock:
            self._dead = True
            try:
                _send(self._requests, QUIT, b"")
                self._requests.close()
            except (OSError, ValueError):
                pass
        self._child.end()
        self._answers.close()


class _Child:
    pid: int
    requests: IO[bytes]  # its stdin
    answers: IO[bytes]  # its stdout

    def end(self) -> None:
        """Wait a little for it to leave (its requests are closed), then kill it."""
        raise NotImplementedError

    def kill(self) -> None:
        raise NotImplementedError


class _Spawned(_Child):
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.pid, self.requests, self.answers = self.process.pid, self.process.stdin, self.process.stdout

    def kill(self) -> None:
        self.process.kill()

    def end(self) -> None:
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class _Forked(_Child):
    def __init__(self) -> None:
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: only this loop, then out without any of the parent's cleanup
            status = 1
            try:
                os.close(from_parent)
                os.close(to_parent)
                _refuse_imports()
                _child_priority()
                _serve(to_child, os.fdopen(from_child, "wb"))
                status = 0
            finally:
                os._exit(status)
        os.close(to_child)
        os.close(from_child)
        self.pid = pid
        self.requests = os.fdopen(from_parent, "wb")
        self.answers = os.fdopen(to_parent, "rb")

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            return

    def end(self) -> None:
        try:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                done, _status = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    return
                time.sleep(0.01)
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except ChildProcessError:  # already waited for (a second close)
            return


class _NoImports:
    """First on a forked child's import path: any import there fails at once instead of waiting on a lock a
    thread of the parent held when it forked (the module docstring)."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> None:
        raise ImportError(f"the catch-up's forked process imports nothing (asked for {name})")


def _refuse_imports() -> None:
    sys.meta_path.insert(0, _NoImports())


def _child_priority() -> None:
    if hasattr(os, "nice"):
        os.nice(NICE)


def _send(stream: IO[bytes] | None, op: bytes, body: bytes) -> None:
    assert stream is not None
    stream.write(_REQUEST.pack(op, len(body)))
    stream.write(body)
    stream.flush()


def _read_within(stream: IO[bytes], size: int, seconds: float) -> bytes:
    """`size` bytes of the process's answers, straight from the pipe (the engine's side never reads it through
    the buffered stream), or TimeoutError when they do not come in `seconds`: a process that hangs must not hang
    the pull. (Windows cannot wait on a pipe with a timeout: there it waits.)"""
    fd = stream.fileno()
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    got = 0
    while got < size:
        if os.name == "posix":
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError(f"no answer from the catch-up's second process in {seconds:.0f} s")
        chunk = os.read(fd, size - got)
        if not chunk:
            raise EOFError("the other end closed the pipe")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _read_exact(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            raise EOFError("the other end closed the pipe")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _nothing_asked(fd: int) -> bool:
    """Whether no request waits on the pipe (never, where a pipe cannot be polled: nothing is done idle)."""
    return os.name == "posix" and not select.select([fd], [], [], 0)[0]


# --- the second process -----------------------------------------------------------------------------------

DOCUMENTS_AT_ONCE = 50  # search documents made between two looks at the pipe (half a millisecond)


def _serve(requests: int, answers: IO[bytes]) -> None:
    """The loop of the second process over its pipes (`requests`: a file descriptor, read unbuffered, so that
    polling it says whether a request waits). Between requests it makes the new cases' search documents
    (Projector.document), handed over with the next answer."""

    def ask(case_ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        wanted = pickle.dumps(list(case_ids), pickle.HIGHEST_PROTOCOL)
        answers.write(_REQUEST.pack(NEED, len(wanted)))
        answers.write(wanted)
        answers.flush()
        op, length = _REQUEST.unpack(_read_exact(requests, _REQUEST.size))
        if op != ROWS:
            raise EOFError(f"expected case rows, got {op!r}")
        rows: dict[str, tuple[Any, ...]] = pickle.loads(_read_exact(requests, length))
        return rows

    projector = Projector(ask)
    documents: list[tuple[str, str]] = []
    freeze_for_bulk_work()  # (in a fork: the parent's heap, never collected here)
    answers.write(READY)
    answers.flush()
    while True:
        while projector.undocumented and _nothing_asked(requests):
            documents.extend(projector.document(DOCUMENTS_AT_ONCE))
        try:
            op, length = _REQUEST.unpack(_read_exact(requests, _REQUEST.size))
            body = _read_exact(requests, length) if length else b""
        except EOFError:
            return
        if op == QUIT:
            return
        if op == RESET:
            projector.reset()
            continue
        slices: Any = b""
        try:
            page = parse_pull_page(body)
            prepared = projector.prepare(page.events)
            info = (page.next_after, page.has_more, len(page.events), page.reference, documents)
            head: Any = (True, info)
            slices = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
            documents = []
        except EOFError:  # the engine's side is gone
            return
        except Exception as error:  # a page it cannot project is the writer's to read (and to refuse)
            projector.reset()
            head = (False, repr(error))
        head_bytes = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL)
        answers.write(_REQUEST.pack(ANSWER, 0))
        answers.write(_ANSWER.pack(len(head_bytes), len(slices)))
        answers.write(head_bytes)
        answers.write(slices)
        answers.flush()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m complaints_desk.sync.projector", file=sys.stderr)
        return 2
    _child_priority()
    _serve(sys.stdin.fileno(), sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
