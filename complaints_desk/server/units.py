"""Every endpoint's database work goes through `read` or `write`: one unit of work on one session, retried
once on a fresh connection when its connection turned out to be dead.

Why: the server's pool does not pre-ping (a round trip per checkout, which the intake budget cannot pay; see
app._pool_options). After PostgreSQL restarts, fails over, or has its backends terminated (an idle-connection
killer, pg_terminate_backend), the first statement on each pooled connection fails. Such a failure says
nothing about the request, so the unit runs again, once, after the pool is invalidated (store.db
.invalidate_pool). Only disconnects are retried (store.db.is_disconnect), never other errors: a constraint or
a lifecycle refusal would fail the same way again.

What is safe to repeat: a unit whose transaction rolled back, because nothing of it committed; that is every
failure before the commit, and every read. A connection lost during the COMMIT itself leaves the outcome
unknown: such a unit is retried only if running it twice does no harm (`repeatable=True`: idempotent by a
key, like a push by its event ids); otherwise, and when the retry fails as well, the answer is 503 with
Retry-After (errors.DatabaseUnavailable), never a 500.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..store.db import invalidate_pool, is_disconnect, transaction
from .errors import DatabaseUnavailable, database_reason
from .logs import log

T = TypeVar("T")
ATTEMPTS = 2  # the first, and one retry on a fresh connection


def read(factory: sessionmaker[Session], work: Callable[[Session], T]) -> T:
    """`work(session)` with nothing committed (a read): retried once after a disconnect."""
    return _run(factory, work, commit=False, repeatable=True)


def write(
    factory: sessionmaker[Session],
    work: Callable[[Session], T],
    *,
    repeatable: bool = False,
    lock_wait: float | None = None,
) -> T:
    """`work(session)` in one transaction, committed when it returns (store.db.transaction, which `lock_wait`
    is passed to): retried once after a disconnect before the commit; after one during the commit only if
    `repeatable`."""
    return _run(factory, work, commit=True, repeatable=repeatable, lock_wait=lock_wait)


def _run(
    factory: sessionmaker[Session],
    work: Callable[[Session], T],
    *,
    commit: bool,
    repeatable: bool,
    lock_wait: float | None = None,
) -> T:
    for attempt in range(1, ATTEMPTS + 1):
        committing = False
        try:
            if not commit:
                with factory() as session:
                    return work(session)
            with transaction(factory, lock_wait=lock_wait) as session:
                result = work(session)
                committing = True  # the work is done: what fails from here on is the COMMIT
            return result
        except DBAPIError as error:
            if not is_disconnect(error):
                raise
            invalidate_pool(factory.kw["bind"])
            if committing and not repeatable:
                raise DatabaseUnavailable(error, while_committing=True) from error
            if attempt == ATTEMPTS:
                raise DatabaseUnavailable(error) from error
            log(
                "database_reconnect",
                logging.WARNING,
                error=type(error).__name__,
                reason=database_reason(error),
                while_committing=committing,
            )
    raise AssertionError("unreachable")  # pragma: no cover
