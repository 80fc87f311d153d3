"""Server settings: one frozen value built once by the command line or the embedding program."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta


def _default_hash_limit() -> int:
    # One argon2 verification already runs up to 4 threads (its parallelism): half the cores at most, so
    # the intake always has a core to itself.
    return max(1, (os.cpu_count() or 2) // 2)


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    token_ttl: timedelta = timedelta(hours=12)
    # Every request body, whether its length is declared or it arrives chunked (server/middleware.py).
    max_body_bytes: int = 2 * 1024 * 1024
    # A pull page stops adding changes once its encoded size would pass this (it always holds at least one,
    # so a single bigger event still gets through), and says there is more.
    pull_page_bytes: int = 4 * 1024 * 1024
    wait_max_seconds: float = 60.0
    # Wrong passwords: after `lockout_after` failures for one username (from any address), the username is
    # locked out for lockout_base × 2^(failures - lockout_after), capped at lockout_max (an exponential
    # window); after `address_lockout_after` failures from one client address (for any usernames), that
    # address is, the same way. Failures older than `failure_window` are forgotten.
    lockout_after: int = 5
    address_lockout_after: int = 30
    lockout_base: timedelta = timedelta(seconds=30)
    lockout_max: timedelta = timedelta(minutes=15)
    failure_window: timedelta = timedelta(hours=1)
    # Addresses (or networks, "10.0.0.0/8") of reverse proxies whose X-Forwarded-For is believed: the client
    # is then the right-most entry that is not itself a trusted proxy. None by default: the socket's peer.
    trusted_proxies: tuple[str, ...] = ()
    # Password checks (argon2) running at once, and logins allowed to wait for one; past that a login is
    # answered 503 with Retry-After. Checks never use the request threads below (server/auth/gate.py).
    password_hash_limit: int = _default_hash_limit()
    password_hash_queue: int = 32
    # The nice value of the password-check processes: a push that needs a core gets it first.
    password_hash_nice: int = 10
    # Expired tokens and forgotten login failures are deleted at most this often, by a login.
    cleanup_interval: timedelta = timedelta(minutes=1)
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
    # The online channels' settings, by channel (server/channels/): tokens, secrets and the platforms' API
    # base URLs (a test points them at a local fake), e.g. {"telegram": {"token": …, "secret_token": …}}.
    channels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # A webhook's body (a citizen's message; the platforms send small JSON) and the web form's, which carries
    # attachments (each up to 10 MB); the sync routes keep max_body_bytes.
    webhook_body_bytes: int = 256 * 1024
    form_body_bytes: int = 45 * 1024 * 1024
    # The outbox worker: how often it looks when nobody woke it, and how many messages it takes at once.
    outbox_poll_seconds: float = 1.0
    outbox_batch: int = 20
    run_outbox_worker: bool = True
    # How often the outbox worker does the housekeeping (store.central.housekeeping): orphan attachment
    # files of failed web filings, idle rate-limit buckets.
    housekeeping_interval: timedelta = timedelta(minutes=10)
    # The inbox worker (the messengers' messages the webhooks took in): how often it looks for messages another
    # process took in (its own process wakes it at once), and how many it takes in one transaction.
    inbox_poll_seconds: float = 0.5
    inbox_batch: int = 20
    run_inbox_worker: bool = True
