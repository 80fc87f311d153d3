"""The channels' database writes (the webhooks' and the inbox worker's): on SQLite they queue for the file's
one write lock on a Python lock, and a transaction that did not get its locks in time is tried once more."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ...store.db import is_contention, limit_lock_wait
from .. import units
from ..errors import DatabaseUnavailable
from ..logs import log

T = TypeVar("T")
_SQLITE_WRITERS = threading.Lock()
_QUEUE_WAIT_SECONDS = 10.0  # as long as SQLite's own busy timeout (store.db)


def write(
    factory: sessionmaker[Session],
    work: Callable[[Session], T],
    *,
    what: str,
    repeatable: bool = False,
    within: float | None = None,
) -> T:
    """`work` in one transaction (server.units.write). When it did not get its locks in time (SQLite's busy
    timeout under many writers at once, a PostgreSQL deadlock) it rolled back with nothing saved: tried once
    more, then DatabaseUnavailable (503 with Retry-After on a request: the platform delivers it again).

    `within`: seconds the whole of it may take to get its locks, for a caller answered within a deadline
    (KakaoTalk gives up on a skill request after 5 s and shows the citizen an error: a message taken after
    that would file a case the citizen was told failed, and sends again). Past it, DatabaseUnavailable at once,
    with nothing saved: the queue, SQLite's lock and PostgreSQL's row locks all wait at most what is left."""
    deadline = None if within is None else time.monotonic() + within
    sqlite = factory.kw["bind"].dialect.name == "sqlite"
    for attempt in (1, 2):
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            raise DatabaseUnavailable(TimeoutError(f"{what}: no lock within {within} s"), busy=True)
        try:
            if sqlite:
                # One write lock for the whole file: the writers queue here and each goes the moment the one
                # before commits, instead of polling SQLite's lock (its busy handler sleeps up to 100 ms a
                # try, and an unlucky thread waits seconds while others pass it).
                # Bounded: a writer stuck behind another process's lock must not hold a webhook (Kakao answers
                # within 5 s) past its own busy timeout; it is answered 503 and the platform sends again.
                if not _SQLITE_WRITERS.acquire(timeout=_QUEUE_WAIT_SECONDS if left is None else left):
                    raise DatabaseUnavailable(TimeoutError("the channels' write queue"), busy=True)
                try:
                    lock_wait = None if deadline is None else max(0.001, deadline - time.monotonic())
                    return units.write(factory, work, repeatable=repeatable, lock_wait=lock_wait)
                finally:
                    _SQLITE_WRITERS.release()
            if left is not None:
                return units.write(factory, _lock_timeout(work, left), repeatable=repeatable)
            return units.write(factory, work, repeatable=repeatable)
        except DBAPIError as error:
            if not is_contention(error):
                raise
            if attempt == 2:
                raise DatabaseUnavailable(error, busy=True) from error
            log("channel_write_retry", logging.INFO, what=what, error=type(error).__name__)
    raise AssertionError("unreachable")  # pragma: no cover


def _lock_timeout(work: Callable[[Session], T], seconds: float) -> Callable[[Session], T]:
    """`work` with its transaction's lock waits bounded (store.db.limit_lock_wait)."""

    def bounded(session: Session) -> T:
        limit_lock_wait(session, seconds)
        return work(session)

    return bounded
