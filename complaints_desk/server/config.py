"""Server settings: one frozen value built once by the command line or the embedding program."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    token_ttl: timedelta = timedelta(hours=12)
    max_body_bytes: int = 2 * 1024 * 1024
    wait_max_seconds: float = 60.0
    # Wrong passwords: after `lockout_after` failures for one username from one address, that pair is locked
    # out for lockout_base × 2^(failures - lockout_after), capped at lockout_max (an exponential window).
    lockout_after: int = 5
    lockout_base: timedelta = timedelta(seconds=30)
    lockout_max: timedelta = timedelta(minutes=15)
    migrate_on_start: bool = True
    # Pushed times (occurred_at, received_at) later than the server's clock plus `future_skew`, or older
    # than `max_event_age`, are refused: 60 days lets a month-long outage's backlog still get in.
    future_skew: timedelta = timedelta(minutes=5)
    max_event_age: timedelta = timedelta(days=60)
    # Threads for the blocking database work of requests (push, pull, admin; anyio's default is 40): each
    # holds at most one pooled connection at a time. Under 50 pushing clients 8, 16 and 40 threads gave the
    # same throughput within the noise of a shared machine, fewer with a shorter closed-loop tail (requests
    # wait their turn in order instead of all waiting for the GIL and the sequence counter at once).
    worker_threads: int = 16
