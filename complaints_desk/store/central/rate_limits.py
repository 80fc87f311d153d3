"""Token buckets for the citizens' web pages: filings and status lookups per client address, and wrong
lookups per receipt number. Kept in the database (rate_buckets) rather than in each process: behind a load
balancer with N processes, a per-process bucket would give every address N times its allowance, and a
restart would refill it. A bucket costs one row write per request, which these pages can afford (a lookup
or a filing, not a sync request).

A bucket holds at most `burst` tokens and gains one every `refill_seconds`; a request takes one. The row is
locked (PostgreSQL: inserted if missing, then SELECT … FOR UPDATE; SQLite: the writer lock that BEGIN
IMMEDIATE takes), so two processes never both take the last token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .channel_tables import RateBucket


@dataclass(frozen=True)
class Bucket:
    burst: int
    refill_seconds: float

    @property
    def full_after(self) -> timedelta:
        return timedelta(seconds=self.burst * self.refill_seconds)


def take(session: Session, key: str, bucket: Bucket, *, now: datetime | None = None, cost: float = 1.0) -> float:
    """Take `cost` tokens from the bucket `key`: 0.0 when they were there (taken), else the seconds until
    they will be (nothing taken)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    key = key[:120]
    row = _locked_bucket(session, key, bucket, now)
    if row is None:  # the housekeeping deleted it (idle and full) between the insert and the lock: again
        row = _locked_bucket(session, key, bucket, now)
    if row is None:
        raise RuntimeError(f"rate bucket {key!r} vanished twice")
    elapsed = max(0.0, (now - row.updated_at).total_seconds())
    tokens = min(float(bucket.burst), row.tokens + elapsed / bucket.refill_seconds)
    if tokens + 1e-9 < cost:
        row.tokens, row.updated_at = tokens, now
        session.flush()
        return (cost - tokens) * bucket.refill_seconds
    row.tokens, row.updated_at = tokens - cost, now
    session.flush()
    return 0.0


def _locked_bucket(session: Session, key: str, bucket: Bucket, now: datetime) -> RateBucket | None:
    """The bucket's row, inserted full when missing, locked (PostgreSQL) for the rest of the transaction."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(RateBucket)
        .values(key=key, tokens=float(bucket.burst), updated_at=now)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    statement = select(RateBucket).where(RateBucket.key == key).execution_options(populate_existing=True)
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    return session.execute(statement).scalar_one_or_none()


def peek(session: Session, key: str, bucket: Bucket, *, now: datetime | None = None) -> float:
    """The seconds until one token will be in the bucket (0.0: one is there now); takes nothing."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    row = session.get(RateBucket, key[:120])
    if row is None:
        return 0.0
    tokens = min(
        float(bucket.burst), row.tokens + max(0.0, (now - row.updated_at).total_seconds()) / bucket.refill_seconds
    )
    return 0.0 if tokens >= 1.0 - 1e-9 else (1.0 - tokens) * bucket.refill_seconds


def forget_full(session: Session, older_than: datetime) -> int:
    """Delete buckets untouched since `older_than` (full again by then, for any bucket whose refill time
    that covers): the table holds only the addresses seen lately. Called by the server's housekeeping
    (store.central.housekeeping)."""
    result = session.execute(delete(RateBucket).where(RateBucket.updated_at < older_than))
    return int(getattr(result, "rowcount", 0) or 0)
