"""The inbox of citizens' messages from the messengers' webhooks (rows of channel_inbound): written by the
webhook in one small transaction before it answers 200, de-duplicated on the platform's own event id, and
taken up by the inbox worker (server/channels/inbox_worker.py), which puts each through the conversation.

A claim is a lease, as in the outbox: on PostgreSQL any number of server processes claim rows side by side
(FOR UPDATE SKIP LOCKED), and a row whose process died after claiming it is claimed again once its lease has
passed. A citizen's messages are taken in the order they came: a row is claimable only while no earlier row of
the same citizen is still pending (claimed or not), so two processes never hold two messages of one
conversation at once. The caller owns the transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, or_, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased

from ...domain.ids import new_id
from .channel_tables import ChannelInbound
from .outbound import backoff

PENDING, DONE, FAILED = "pending", "done", "failed"
LEASE = timedelta(seconds=30)  # a batch takes well under a second; a dead worker's rows wait this long
MAX_ATTEMPTS = 6  # a message that fails this often (a bug, not the database) is kept as failed for a person


@dataclass(frozen=True)
class Arrival:
    """One verified message as the webhook writes it: `message` is what the worker needs to take it (JSON)."""

    event_id: str
    user_key: str
    message: Mapping[str, Any]


@dataclass(frozen=True)
class Pending:
    platform: str
    event_id: str
    message: Mapping[str, Any]
    attempts: int  # before this one

    @property
    def key(self) -> tuple[str, str]:
        return self.platform, self.event_id


@dataclass(frozen=True)
class Claim:
    token: str
    rows: list[Pending]


def accept(session: Session, platform: str, arrivals: Sequence[Arrival], *, now: datetime | None = None) -> int:
    """Write the delivery's messages, each once: an event id taken in before (the platform delivered it
    again) is passed over. One statement; returns how many are new."""
    now = now or datetime.now(UTC)
    first = int(now.timestamp() * 1_000_000) * 100  # room for a hundred messages in one delivery
    rows: dict[str, dict[str, Any]] = {}
    for place, arrival in enumerate(arrivals[:100]):
        event_id = arrival.event_id[:200]
        rows.setdefault(
            event_id,
            {
                "platform": platform,
                "event_id": event_id,
                "received_at": now,
                "status": PENDING,
                "user_key": arrival.user_key[:200],
                "message": dict(arrival.message),
                "order_key": first + place,
                "attempts": 0,
                "last_error": "",
            },
        )
    if not rows:
        return 0
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # RETURNING, not rowcount: on PostgreSQL (psycopg) the rowcount of this INSERT reads -1 either way.
    taken = session.execute(
        insert(ChannelInbound)
        .values(list(rows.values()))
        .on_conflict_do_nothing()
        .returning(ChannelInbound.event_id)
    ).all()
    return len(taken)


def any_due(session: Session, *, now: datetime | None = None) -> bool:
    """Whether some pending message waits for a worker: a read, so that a worker with nothing to do never asks
    for SQLite's one write lock (and never holds up a webhook behind it)."""
    now = now or datetime.now(UTC)
    due = select(ChannelInbound.event_id).where(
        ChannelInbound.status == PENDING,
        or_(ChannelInbound.claimed_until.is_(None), ChannelInbound.claimed_until < now),
    )
    return session.execute(due.limit(1)).first() is not None


def claim_due(session: Session, *, limit: int = 20, now: datetime | None = None) -> Claim:
    """Up to `limit` pending messages not claimed by a live worker, each the oldest pending one of its
    citizen (so a claim holds at most one message of each citizen), leased to one claim token; the caller
    commits at once so the other processes see the lease."""
    now = now or datetime.now(UTC)
    earlier = aliased(ChannelInbound)
    waits_for_earlier = exists().where(
        earlier.status == PENDING,
        earlier.platform == ChannelInbound.platform,
        earlier.user_key == ChannelInbound.user_key,
        earlier.order_key < ChannelInbound.order_key,
    )
    statement = (
        select(ChannelInbound)
        .where(
            ChannelInbound.status == PENDING,
            or_(ChannelInbound.claimed_until.is_(None), ChannelInbound.claimed_until < now),
            ~waits_for_earlier,
        )
        .order_by(ChannelInbound.order_key)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update(skip_locked=True, of=ChannelInbound)
    token = new_id()
    rows = list(session.execute(statement).scalars())
    claimed: list[Pending] = []
    citizens: set[tuple[str, str]] = set()
    for row in rows:
        if (row.platform, row.user_key) in citizens:
            continue  # two messages of one citizen in the same microsecond: the second waits its turn
        citizens.add((row.platform, row.user_key))
        row.claim, row.claimed_until = token, now + LEASE
        claimed.append(Pending(row.platform, row.event_id, dict(row.message or {}), row.attempts))
    session.flush()
    return Claim(token, claimed)


def settle_claimed(
    session: Session, claim: Claim, keys: Sequence[tuple[str, str]], *, now: datetime | None = None
) -> set[tuple[str, str]]:
    """Mark these claimed rows done in the transaction that takes them (so they are done exactly when what
    they caused is committed), dropping the message itself. Returns the keys still held by this claim: a
    row whose lease ran out and that another worker claimed since is left to that one."""
    if not keys:
        return set()
    now = now or datetime.now(UTC)
    statement = (
        update(ChannelInbound)
        .where(
            tuple_(ChannelInbound.platform, ChannelInbound.event_id).in_(list(keys)),
            ChannelInbound.claim == claim.token,
            ChannelInbound.status == PENDING,
        )
        .values(status=DONE, processed_at=now, claim=None, claimed_until=None, message=None)
        .returning(ChannelInbound.platform, ChannelInbound.event_id)
        .execution_options(synchronize_session=False)
    )
    return {(platform, event_id) for platform, event_id in session.execute(statement).all()}


def mark_failed(
    session: Session, claim: Claim, key: tuple[str, str], error: str, *, now: datetime | None = None
) -> bool:
    """An attempt that raised: due again after a backoff while attempts remain (the citizen's later messages
    wait behind it), else failed for good, the message kept for a person to look at. Returns whether it
    failed for good."""
    now = now or datetime.now(UTC)
    row = session.get(ChannelInbound, key, with_for_update=session.get_bind().dialect.name == "postgresql")
    if row is None or row.claim != claim.token or row.status != PENDING:
        return False
    row.attempts += 1
    row.last_error = error[:1000]
    row.claim = None
    if row.attempts < MAX_ATTEMPTS:
        row.claimed_until = now + backoff(row.attempts)
        return False
    row.status, row.claimed_until = FAILED, None
    return True


# --- for a person: the messages the worker gave up on ----------------------------------------------------------


@dataclass(frozen=True)
class FailedMessage:
    platform: str
    event_id: str
    user_key: str  # the citizen on the platform (a chat id, a LINE user id)
    received_at: datetime
    attempts: int
    last_error: str
    text: str  # what the citizen wrote

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "event_id": self.event_id,
            "user_key": self.user_key,
            "received_at": self.received_at.isoformat(),
            "attempts": self.attempts,
            "last_error": self.last_error,
            "text": self.text,
        }


def failed_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ChannelInbound).where(_failed())) or 0)


def failed_messages(session: Session, *, limit: int = 200) -> list[FailedMessage]:
    """The messages kept as failed (MAX_ATTEMPTS tries), oldest first: each is a citizen who has had no answer."""
    rows = session.execute(
        select(ChannelInbound).where(_failed()).order_by(ChannelInbound.received_at).limit(limit)
    ).scalars()
    return [
        FailedMessage(
            row.platform,
            row.event_id,
            row.user_key,
            row.received_at,
            row.attempts,
            row.last_error,
            str((row.message or {}).get("text", "")),
        )
        for row in rows
    ]


def retry_failed(session: Session, keys: Sequence[tuple[str, str]] | None = None) -> int:
    """Put failed messages (these, or all of them with None) back in the inbox as new: the worker takes them
    again, in their citizen's order (their order key is kept). Returns how many."""
    statement = update(ChannelInbound).where(_failed())
    if keys is not None:
        if not keys:
            return 0
        statement = statement.where(tuple_(ChannelInbound.platform, ChannelInbound.event_id).in_(list(keys)))
    done = session.execute(
        statement.values(status=PENDING, attempts=0, claim=None, claimed_until=None).execution_options(
            synchronize_session=False
        )
    )
    return int(done.rowcount or 0)  # type: ignore[attr-defined]


def _failed() -> Any:
    return ChannelInbound.status == FAILED
