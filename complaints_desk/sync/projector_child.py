"""The catch-up's second process itself: its loop over its pipes, and the frames both ends write
(sync.projector is the engine's side, and says why the process exists and how it is started).

    python -m complaints_desk.sync.projector_child

A request is one byte (PAGE, RESET, ROWS, DOCUMENTS or QUIT) and a 4-byte length, then that many bytes (a PAGE's
body: the GET /sync/pull answer as fetched; ROWS: the case rows it asked for). A PAGE's answer is ANSWER and two
4-byte lengths, then a pickled head (whether it could project the page; the page's cursor, whether more follow,
its event count, reference data, and the search documents of new cases made since the last answer) and the
slices in marshal's format (`marshal_slices`); before it, the process may ask for the rows of cases it does not
keep (NEED, a length, the pickled case ids), answered with ROWS. A DOCUMENTS request is answered the same way,
its head (True, every document not yet handed over) and no slices. The process writes one READY byte first, once
it is ready.

Requests may be queued: the engine's side sends the next page while this one is projected, so the process never
waits for it. Its requests are therefore read as they come, and a page (or a reset) that arrives while the process
waits for case rows is kept for later, in order. Between requests, when none waits, the process makes the new
cases' search documents (prepared_pull.Projector.document); what is left of them at the end is asked for with
DOCUMENTS while the writer builds the indexes.

Everything this module uses is imported at its top: in a fork the loop must import nothing (sync.projector).
"""

from __future__ import annotations

import marshal
import os
import pickle
import select
import struct
import sys
from collections import deque
from collections.abc import Sequence
from typing import IO, Any

from ..store.bulk_gc import collect_nothing_for_bulk_work
from ..store.local.prepared_pull import PreparedSlice, Projector
from .pull_codec import parse_pull_page

PAGE, RESET, ROWS, DOCUMENTS, QUIT = b"P", b"R", b"W", b"D", b"Q"
READY, ANSWER, NEED = b"!", b"A", b"N"
REQUEST = struct.Struct("<cI")  # (also ANSWER's and NEED's frame)
ANSWER_LENGTHS = struct.Struct("<II")
NICE = 0  # see sync.projector
DOCUMENTS_AT_ONCE = 50  # search documents made between two looks at the pipe (half a millisecond)

Request = tuple[bytes, bytes]  # (op, body)


def frame(op: bytes, body: bytes) -> bytes:
    return REQUEST.pack(op, len(body)) + body


def read_exact(fd: int, size: int) -> bytes:
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


def child_priority() -> None:
    if hasattr(os, "nice"):
        os.nice(NICE)


def _read_request(fd: int) -> Request:
    op, length = REQUEST.unpack(read_exact(fd, REQUEST.size))
    return op, read_exact(fd, length) if length else b""


def _answer(answers: IO[bytes], head: Any, slices: bytes = b"") -> None:
    head_bytes = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL)
    answers.write(REQUEST.pack(ANSWER, 0))
    answers.write(ANSWER_LENGTHS.pack(len(head_bytes), len(slices)))
    answers.write(head_bytes)
    answers.write(slices)
    answers.flush()


def marshal_slices(prepared: Sequence[PreparedSlice]) -> bytes:
    """The slices as marshal writes plain tuples, lists and dicts of text and numbers (what a prepared slice
    holds once its codes are plain: stored_values.plain_codes): written in 40 % and read in 60 % of pickle's
    time, and the writer reads them on its own thread before it writes them. Both ends are this program's
    interpreter."""
    return marshal.dumps([tuple(piece) for piece in prepared])


def unmarshal_slices(data: bytes) -> list[PreparedSlice]:
    return [PreparedSlice._make(fields) for fields in marshal.loads(data)]


def serve(requests: int, answers: IO[bytes]) -> None:
    """The loop of the second process over its pipes (`requests`: a file descriptor, read unbuffered, so that
    polling it says whether a request waits)."""
    waiting: deque[Request] = deque()  # requests read while it waited for case rows

    def ask(case_ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        wanted = pickle.dumps(list(case_ids), pickle.HIGHEST_PROTOCOL)
        answers.write(REQUEST.pack(NEED, len(wanted)))
        answers.write(wanted)
        answers.flush()
        while True:
            op, body = _read_request(requests)
            if op == ROWS:
                rows: dict[str, tuple[Any, ...]] = pickle.loads(body)
                return rows
            waiting.append((op, body))

    projector = Projector(ask)
    documents: list[tuple[str, str]] = []
    collect_nothing_for_bulk_work()  # (in a fork, the parent's heap too)
    answers.write(READY)
    answers.flush()
    while True:
        while projector.undocumented and not waiting and _nothing_asked(requests):
            documents.extend(projector.document(DOCUMENTS_AT_ONCE))
        try:
            op, body = waiting.popleft() if waiting else _read_request(requests)
        except EOFError:
            return
        if op == QUIT:
            return
        if op == RESET:
            projector.reset()
            continue
        if op == DOCUMENTS:
            documents.extend(projector.document(len(projector.undocumented)))
            _answer(answers, (True, documents))
            documents = []
            continue
        slices = b""
        try:
            page = parse_pull_page(body)
            prepared = projector.prepare(page.events)
            head: Any = (True, (page.next_after, page.has_more, len(page.events), page.reference, documents))
            slices = marshal_slices(prepared)
            documents = []
        except EOFError:  # the engine's side is gone
            return
        except Exception as error:  # a page it cannot project is the writer's to read (and to refuse)
            projector.reset()
            head = (False, repr(error))
        _answer(answers, head, slices)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m complaints_desk.sync.projector_child", file=sys.stderr)
        return 2
    child_priority()
    serve(sys.stdin.fileno(), sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
