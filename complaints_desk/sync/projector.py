"""A catch-up's second process: it decodes and projects the next pages while the writer writes this one
(store.local.prepared_pull says why, and how the writer checks what it is given); this module is the engine's
side of it, sync.projector_child the process itself and the frames on their pipes.

The process never opens the store: SQLite is not safe to use in a fork of a process whose other threads use it.
It asks for the rows of the cases it does not keep, which the engine's side reads from the store. Pickle is safe
on these pipes: both ends are this program, over pipes of its own.

Pages are queued to it (`send`) before the answer to the one before is read (`receive`), so it goes from one page
to the next without waiting for the engine's side; a thread of its own writes the requests, so that writing a
page never waits on the process writing an answer nobody reads yet.

On Linux it is a fork of this process, ready within milliseconds; elsewhere (and with fork=False; the tests run
both) a fresh `python -m complaints_desk.sync.projector_child`, whose imports take most of a second, during which
the reader decodes pages itself. A fork of a process with other threads is safe only if the child touches nothing
those threads may hold at the moment of the fork: the child runs only projector_child's loop over its own pipes,
never opens SQLite, never logs, leaves with os._exit, and **imports nothing**: every module its loop uses is
imported by the forking thread before the fork (a module another thread was importing then, or a C extension
loaded for the first time, takes a lock that thread may hold, which the child would wait on forever), and the
child refuses any import (`_refuse_imports`): a page whose projection would import something fails there and is
read on the writer instead. Either way, a process that does not answer in time is killed and the catch-up goes on
without it.

`ProjectorProcess` is what sync.catch_up.PageReader uses: until the process is ready, or after it has died, it
answers None and the reader decodes pages itself, as without it.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import IO, Any

from ..store.local.incoming import IncomingEvent
from ..store.local.prepared_pull import PreparedSlice, RowReader
from ..store.local.reference_pull import ReferenceRecord
from . import projector_child
from .projector_child import (
    ANSWER,
    ANSWER_LENGTHS,
    DOCUMENTS,
    PAGE,
    QUIT,
    READY,
    REQUEST,
    RESET,
    ROWS,
    child_priority,
    frame,
    unmarshal_slices,
)
from .pull_codec import parse_pull_page

log = logging.getLogger(__name__)

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
    slices_marshalled: bytes  # (projector_child.marshal_slices)
    reference: list[ReferenceRecord]
    next_after: int
    has_more: bool
    count: int
    # search documents (case id, document) of new cases of this page or earlier ones (Projector.document)
    documents: list[tuple[str, str]] = field(default_factory=list, repr=False)
    _decoded: list[IncomingEvent] | None = field(default=None, repr=False)
    _slices: list[PreparedSlice] | None = field(default=None, repr=False)
    _case_ids: list[str] | None = field(default=None, repr=False)

    def unpack(self) -> None:
        """Read the slices and the page's cases now (sync.catch_up.PageReader does, on its thread, while the
        writer commits the page before: the writer then finds them read)."""
        if self._slices is None:
            self._slices = unmarshal_slices(self.slices_marshalled)
            self._case_ids = list(dict.fromkeys(c for piece in self._slices for c in piece.case_ids))

    def slices(self) -> list[PreparedSlice]:
        self.unpack()
        assert self._slices is not None
        return self._slices

    def case_ids(self) -> list[str]:
        """The cases the page's events touch, each once, in first-seen order."""
        self.unpack()
        assert self._case_ids is not None
        return self._case_ids

    def events(self) -> list[IncomingEvent]:
        """The page decoded here (for the slices that do not fit the store), once."""
        if self._decoded is None:
            self._decoded = parse_pull_page(self.raw).events
        return self._decoded


@dataclass(eq=False)
class Sent:
    """A page sent to the second process, its answer not read yet (ProjectorProcess.receive)."""

    raw: bytes
    generation: int
    answered: bool = False
    answer: ProjectedPage | None = None


class ProjectorProcess:
    """The engine's handle on the second process (thread-safe). Answers come in the order of the requests:
    `receive` reads those of earlier pages first and keeps them for their own `receive`."""

    def __init__(self, read_rows: RowReader, *, fork: bool = FORK) -> None:
        self.read_rows = read_rows  # case rows from the store, for the cases the process does not keep
        self.generation = 0
        self.projected = 0  # pages it has projected (the tests' and the bench's proof that it was used)
        self._send_lock = threading.Lock()  # a request and its place in `_due` together
        self._read_lock = threading.Lock()  # one reader of the answers at a time
        self._due: deque[Sent] = deque()  # pages sent whose answers are not read yet, in order
        self._ready = threading.Event()
        self._dead = False
        self._child: _Child = _Forked() if fork else _Spawned()
        self._requests, self._answers = self._child.requests, self._child.answers
        self._outgoing: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        threading.Thread(target=self._await_ready, name="projector-start", daemon=True).start()
        threading.Thread(target=self._write_requests, name="projector-requests", daemon=True).start()

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

    def _write_requests(self) -> None:
        while (request := self._outgoing.get()) is not None:
            try:
                self._requests.write(request)
                self._requests.flush()
            except (OSError, ValueError):
                self._dead = True  # (its answers' reader finds out and gives up on it)
                return

    @property
    def usable(self) -> bool:
        return self._ready.is_set() and not self._dead

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout) and not self._dead

    def send(self, raw: bytes) -> Sent | None:
        """Queue a page to the process (None when it is not ready or gone: the caller decodes it itself)."""
        with self._send_lock:
            if not self.usable:
                return None
            sent = Sent(raw, self.generation)
            self._due.append(sent)
            self._outgoing.put(frame(PAGE, raw))
        return sent

    def receive(self, sent: Sent) -> ProjectedPage | None:
        """The page projected, or None (the process is gone, or the page did not project: the caller decodes it
        itself, and meets the same error there)."""
        with self._read_lock:
            while not sent.answered:
                earliest = self._due[0]
                earliest.answer = self._read_page(earliest) if self.usable else None
                earliest.answered = True
                self._due.popleft()
        return sent.answer

    def project(self, raw: bytes) -> ProjectedPage | None:
        """The page projected (send, then receive)."""
        sent = self.send(raw)
        return self.receive(sent) if sent is not None else None

    def _read_page(self, sent: Sent) -> ProjectedPage | None:
        reply = self._read_answer()
        if reply is None:
            return None
        (done, info), slices = reply
        if not done:
            log.info("the catch-up's second process could not project a page (%s): it is read on the writer", info)
            return None
        self.projected += 1
        next_after, has_more, count, reference, documents = info
        return ProjectedPage(sent.raw, sent.generation, slices, reference, next_after, has_more, count, documents)

    def _read_answer(self) -> tuple[tuple[bool, Any], bytes] | None:
        """The next answer's head, unpickled, and its slices as read; the case rows it asks for on the way are
        read from the store and sent to it. None when it stops answering."""
        try:
            while True:
                kind, length = REQUEST.unpack(_read_within(self._answers, REQUEST.size, ANSWER_SECONDS))
                if kind == ANSWER:
                    break
                wanted = pickle.loads(_read_within(self._answers, length, ANSWER_SECONDS))
                rows = pickle.dumps(self.read_rows(wanted), pickle.HIGHEST_PROTOCOL)
                self._outgoing.put(frame(ROWS, rows))
            head_length, slices_length = ANSWER_LENGTHS.unpack(
                _read_within(self._answers, ANSWER_LENGTHS.size, ANSWER_SECONDS)
            )
            head = _read_within(self._answers, head_length, ANSWER_SECONDS)
            slices = _read_within(self._answers, slices_length, ANSWER_SECONDS)
        except (OSError, EOFError, ValueError):  # (TimeoutError is an OSError)
            self._give_up("stopped answering")
            return None
        return pickle.loads(head), slices

    def remaining_documents(self) -> list[tuple[str, str]]:
        """The search documents of the new cases it projected that no answer has brought yet (made now: at the
        catch-up's end it has nothing else to do). Empty when it is gone; the writer then makes them."""
        with self._send_lock, self._read_lock:
            if not self.usable or self._due:  # (an answer of a page sent before would come first: not worth it)
                return []
            self._outgoing.put(frame(DOCUMENTS, b""))
            reply = self._read_answer()
        if reply is None:
            return []
        (_done, documents), _slices = reply
        made: list[tuple[str, str]] = documents
        return made

    def _give_up(self, why: str) -> None:
        """The process is no help any more (gone, or silent past its time): pages are read on the writer."""
        self._dead = True
        self._child.kill()
        log.warning("the catch-up's second process %s: pages are projected on the writer", why)

    def reset(self) -> None:
        """The writer applied something other than what the second process prepared: it forgets its rows and
        reads them from the store again (call after that transaction commits). Pages sent before are answered as
        they were projected, under the generation before (PageReader.take projects them again)."""
        with self._send_lock:
            self.generation += 1
            if self.usable:
                self._outgoing.put(frame(RESET, b""))

    def close(self) -> None:
        with self._send_lock:
            unread = bool(self._due)
            self._dead = True
            self._outgoing.put(frame(QUIT, b""))
            self._outgoing.put(None)
        if unread:  # it would wait to write answers nobody reads: it holds nothing worth a clean exit
            self._child.kill()
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
            [sys.executable, "-m", projector_child.__name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE
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
        if pid == 0:  # the child: only its loop, then out without any of the parent's cleanup
            status = 1
            try:
                os.close(from_parent)
                os.close(to_parent)
                _refuse_imports()
                child_priority()
                projector_child.serve(to_child, os.fdopen(from_child, "wb"))
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
