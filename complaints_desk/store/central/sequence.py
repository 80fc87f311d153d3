"""The sequence counter that orders every change the server makes pullable (the caller owns the transaction).

Never skip a change: every write that makes something pullable takes its sequence number from the one row
`server_counters.seq` with `UPDATE … RETURNING`, as the LAST step before commit. The row lock is held until the
transaction ends, so the next writer gets its number only after this one has committed (or rolled back, in
which case the number is reused): numbers become visible strictly in order and without gaps, on PostgreSQL
(row lock) and SQLite (the database write lock) alike, across any number of server processes. The cost is
that commits are serialised; the locked window is kept to a few small statements plus the commit itself.
Pushed events go through central.push (a request's events decided together) and central.push_commit (their
numbers taken once per batch, with the commit, in one round trip on PostgreSQL); central.answers keeps the
single-event path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..models import (
    SYNCED_REFERENCE,
    EventRow,
)
from . import listen
from .tables import ReferenceTombstone, ServerCounter

SEQ = "seq"


def next_seq(session: Session, *, announce: bool = True) -> int:
    """Take the next sequence number; holds the counter's lock until the caller's transaction ends.
    With announce=False the caller sends the wake-up itself after committing (see `announce`)."""
    value = session.execute(
        update(ServerCounter)
        .where(ServerCounter.name == SEQ)
        .values(value=ServerCounter.value + 1)
        .returning(ServerCounter.value)
    ).scalar_one()
    if announce:
        listen.announce(session, int(value))
    return int(value)


def announce(session: Session, seq: int) -> None:
    """Wake waiters on every server process (PostgreSQL NOTIFY); outside the counter lock, after commits."""
    listen.announce(session, seq)


def latest_seq(session: Session) -> int:
    """The newest committed sequence number (every number at or below it is committed)."""
    value = session.execute(select(ServerCounter.value).where(ServerCounter.name == SEQ)).scalar_one_or_none()
    return int(value or 0)


def align_counter(session: Session) -> int:
    """Move the counter past every number already in the store. A store filled outside the server (the demo
    builder numbers its events itself; a restored backup) would otherwise have numbers handed out twice,
    and pulls would stop at the counter. Returns the counter's value."""
    columns: list[Any] = [
        EventRow.seq,
        ReferenceTombstone.seq,
        *(m.updated_seq for m in REFERENCE_MODELS.values()),
    ]
    highest = 0
    for column in columns:
        found = session.execute(select(func.max(column))).scalar_one_or_none()
        highest = max(highest, int(found or 0))
    session.execute(
        update(ServerCounter).where(ServerCounter.name == SEQ, ServerCounter.value < highest).values(value=highest)
    )
    return latest_seq(session)


def stamp_unsequenced_reference(session: Session) -> int:
    """Give reference rows written without a sequence number (seeded before the server ran) one, so they
    sync. Returns how many rows were stamped."""
    stamped = 0
    for model in REFERENCE_MODELS.values():
        ids: Sequence[str] = session.execute(select(model.id).where(model.updated_seq == 0)).scalars().all()
        for row_id in ids:
            session.execute(update(model).where(model.id == row_id).values(updated_seq=next_seq(session)))
            stamped += 1
    return stamped


REFERENCE_MODELS = SYNCED_REFERENCE  # (store.models: one list for the server and the desktop)
