"""The last step of a pushed batch: take its sequence numbers, stamp them on its events and cases, commit.

This is the one service function that commits, because the commit is part of what it must get right: the
counter row (store.central.sequence) is locked from the moment the numbers are taken until the commit, and every
other intake waits for it. On PostgreSQL the whole write goes to the server in ONE pipeline (psycopg
pipeline mode): the unnumbered writes, the counter, the numbered writes (new cases with their search rows,
changed cases, events: each table's rows in one statement, each row written once with its number) and the
COMMIT. The lock is then held only for the server's own work on the numbered writes, never while this
Python process waits for its turn on the GIL between statements, which under load took longer than the
statements themselves and serialised every intake behind it. The statements do not depend on each other's
results on the client: the numbered rows read the new counter value inside the transaction. No row written
under the lock can be waiting for another transaction's uncommitted row: every new case and event row is
written under this same lock, and the changed cases were locked by apply_batch.

Call it as the last thing in the caller's transaction; the caller's own commit then has nothing left to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import String, bindparam, cast, func, update
from sqlalchemy.orm import Session

from ..db import psycopg_connection
from .listen import CHANNEL
from .push import CASES, EVENTS, Batch, Outcome, write_batch
from .push_pg import write_numbered_pg, write_unnumbered_pg
from .sequence import SEQ
from .tables import ServerCounter

_PG_COUNTER = "UPDATE server_counters SET value = value + %(n)s WHERE name = %(name)s RETURNING value, pg_notify(%(channel)s, value::text)"


def take_seqs(session: Session, count: int) -> int:
    """Take `count` sequence numbers at once and return the last; holds the counter's lock until the
    transaction ends (sequence.next_seq for many)."""
    statement = (
        update(ServerCounter)
        .where(ServerCounter.name == SEQ)
        .values(value=ServerCounter.value + count)
        .returning(ServerCounter.value)
    )
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.returning(func.pg_notify(CHANNEL, cast(ServerCounter.value, String)))
    return int(session.execute(statement).scalars().first() or 0)


def commit_numbered(session: Session, batch: Batch) -> list[Outcome]:
    """Write the batch, number its accepted events in push order, commit, and return its outcomes with their
    numbers. Each case's last_seq becomes the number of its newest event in the batch."""
    count = len(batch.accepted)
    if session.get_bind().dialect.name == "postgresql":
        last = _pipelined(session, batch, count)
    else:
        write_batch(session, batch)
        event_ids = [event_id for event_id, _ in batch.accepted]
        last = _plain(session, count, event_ids, batch.newest_positions()) if count else 0
    session.commit()  # after the pipeline's COMMIT there is nothing left: psycopg skips an idle commit
    first = last - count + 1
    outcomes = list(batch.outcomes)
    for position, index in batch.numbered:
        outcomes[position] = replace(outcomes[position], seq=first + index)
    return outcomes


def _pipelined(session: Session, batch: Batch, count: int) -> int:
    """PostgreSQL, one pipeline: the unnumbered writes, then the counter, then the numbered writes (under the
    counter's lock: new cases and their search rows, changed cases, events), then COMMIT."""
    with psycopg_connection(session, _PG_COUNTER) as raw:
        counter = raw.cursor()
        with raw.pipeline():
            write_unnumbered_pg(raw.cursor(), batch)
            if count:
                counter.execute(_PG_COUNTER, {"n": count, "name": SEQ, "channel": CHANNEL})
                write_numbered_pg(raw.cursor(), batch, SEQ)
            raw.commit()
        row = counter.fetchone() if count else (0,)
    assert row is not None
    return int(row[0])


def _plain(session: Session, count: int, event_ids: Sequence[str], newest: dict[str, int]) -> int:
    """SQLite: the database write lock is held for the whole transaction anyway."""
    last = take_seqs(session, count)
    first = last - count + 1
    session.execute(
        update(EVENTS).where(EVENTS.c.id == bindparam("b_id")).values(seq=bindparam("b_seq")),
        [{"b_id": event_id, "b_seq": first + k} for k, event_id in enumerate(event_ids)],
    )
    session.execute(
        update(CASES).where(CASES.c.id == bindparam("b_id")).values(last_seq=bindparam("b_seq")),
        [{"b_id": case_id, "b_seq": first + k - 1} for case_id, k in newest.items()],
    )
    return last
