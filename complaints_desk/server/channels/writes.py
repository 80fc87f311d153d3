"""The channels' database writes (the webhooks' and the inbox worker's): on SQLite they queue for the file's
one write lock on a Python lock, and a transaction that did not get its locks in time is tried once more."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ...store.db import is_contention
from .. import units
from ..errors import DatabaseUnavailable
from ..logs import log

T = TypeVar("T")
_SQLITE_WRITERS = threading.Lock()
_QUEUE_WAIT_SECONDS = 10.0  # as long as SQLite's own busy timeout (store.db)


def write(
    factory: sessionmaker[Session], work: Callable[[Session], T], *, what: str, repeatable: bool = False
) -> T:
    """`work` in one transaction (server.units.write). When it did not get its locks in time (SQLite's busy
    timeout under many writers at once, a PostgreSQL deadlock) it rolled back with nothing saved: tried once
    more, then DatabaseUnavailable (503 with Retry-After on a request: the platform delivers it again)."""
    for attempt in (1, 2):
        try:
            if factory.kw["bind"].dialect.name == "sqlite":
                # One write lock for the whole file: the writers queue here and each goes the moment the one
                # before commits, instead of polling SQLite's lock (its busy handler sleeps up to 100 ms a
                # try, and an unlucky thread waits seconds while others pass it).
                # Bounded: a writer stuck behind another process's lock must not hold a webhook (Kakao answers
                # within 5 s) past its own busy timeout; it is answered 503 and the platform sends again.
                if not _SQLITE_WRITERS.acquire(timeout=_QUEUE_WAIT_SECONDS):
                    raise DatabaseUnavailable(TimeoutError("the channels' write queue"), busy=True)
                try:
                    return units.write(factory, work, repeatable=repeatable)
                finally:
                    _SQLITE_WRITERS.release()
            return units.write(factory, work, repeatable=repeatable)
        except DBAPIError as error:
            if not is_contention(error):
                raise
            if attempt == 2:
                raise DatabaseUnavailable(error, busy=True) from error
            log("channel_write_retry", logging.INFO, what=what, error=type(error).__name__)
    raise AssertionError("unreachable")  # pragma: no cover
