"""The outbox worker: one thread per server process that claims due messages (store.central.outbound), hands
each to its channel's sender, and settles it: sent; due again after a backoff; failed for good (an answer's
failure is recorded on its case, where the desktop shows it); or, when the platform will not take it any
more (Meta's window), sent another way: an SMS to the phone the citizen gave. Several processes on
PostgreSQL share the work without sending a message twice (row claims with FOR UPDATE SKIP LOCKED); on
SQLite the embedded server's one worker does it. Every `housekeeping_seconds` it also does the server's
housekeeping (store.central.housekeeping)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import partial

from sqlalchemy.orm import Session, sessionmaker

from ...domain.replies import SMS
from ...store.central import housekeeping, outbound
from ...store.central.outbound import Outgoing
from .. import units
from ..citizen.limits import web_settings
from ..logs import log
from . import registry
from .base import DeliveryError, WindowClosed


class OutboxWorker:
    def __init__(
        self,
        factory: sessionmaker[Session],
        channels: Mapping[str, Mapping[str, str]],
        *,
        poll_seconds: float = 1.0,
        batch: int = 20,
        published: Callable[[], None] = lambda: None,
        housekeeping_seconds: float = 600.0,
    ) -> None:
        self._factory = factory
        self._channels = channels
        self._poll = poll_seconds
        self._batch = batch
        self._published = published  # wakes the desktops' long polls after a delivery report
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.delivered = 0
        self.failed = 0
        self._housekeeping_seconds = housekeeping_seconds
        self._next_housekeeping = time.monotonic() + min(60.0, housekeeping_seconds)  # not in the start's rush

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def wake(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                worked = self.run_once()
            except Exception as error:  # the database away, a bug in a sender: log, pause, go on
                log("outbox_error", logging.ERROR, error=f"{type(error).__name__}: {str(error)[:300]}")
                worked = 0
            if time.monotonic() >= self._next_housekeeping:
                self._next_housekeeping = time.monotonic() + self._housekeeping_seconds
                try:
                    self.housekeep()
                except Exception as error:  # housekeeping must never stop the deliveries
                    log(
                        "housekeeping_failed", logging.WARNING, error=f"{type(error).__name__}: {str(error)[:300]}"
                    )
            if not worked:
                self._wake.wait(self._poll)
                self._wake.clear()

    def housekeep(self, now: datetime | None = None) -> housekeeping.Swept | None:
        """One round of the server's housekeeping (None: another process was doing it)."""
        web = web_settings(self._channels)
        idle = max(bucket.full_after for bucket in (web.filing, web.lookup, web.wrong_lookup))
        swept = units.write(
            self._factory,
            partial(
                housekeeping.sweep,
                attachments_dir=web.attachments_dir,
                bucket_idle=idle,
                now=now or datetime.now(UTC),
            ),
        )
        if swept is not None and (swept.blobs or swept.buckets):
            log("housekeeping", orphan_blobs=swept.blobs, rate_buckets=swept.buckets)
        return swept

    def run_once(self) -> int:
        """Claim and send one batch; returns how many messages were tried."""
        claimed = units.write(self._factory, lambda s: outbound.claim_due(s, limit=self._batch))
        reported = False
        for message in claimed:
            reported |= self._send(message)
        if reported:
            self._published()
        return len(claimed)

    def _send(self, message: Outgoing) -> bool:
        """Returns whether a report was recorded on a case (the desktops should pull)."""
        sender = registry.sender(message.platform)
        now = datetime.now(UTC)
        if sender is None:
            return self._failed(message, f"no sender for {message.platform}", retryable=False, now=now)
        try:
            sender.deliver(message, self._channels.get(message.platform, {}))
        except WindowClosed as closed:
            reason = str(closed)
            if message.phone and message.platform != SMS:
                units.write(self._factory, partial(_fall_back, message=message, reason=reason, now=now))
                log("outbox_fallback", message=message.id, platform=message.platform, to=SMS)
                self._wake.set()
                return False
            return self._failed(message, reason, retryable=False, now=now)
        except DeliveryError as error:
            return self._failed(
                message,
                str(error),
                retryable=error.retryable,
                now=datetime.now(UTC),  # a platform's retry_after counts from its answer, not from the claim
                retry_after=error.retry_after,
                pieces_sent=error.pieces_sent,
            )
        except Exception as error:  # a sender's bug must not lose the message: retried like a platform error
            log(
                "outbox_sender_error",
                logging.ERROR,
                message=message.id,
                platform=message.platform,
                error=str(error)[:200],
            )
            return self._failed(message, f"{type(error).__name__}: {error}", retryable=True, now=now)
        units.write(self._factory, partial(outbound.mark_sent, message_id=message.id, now=now))
        self.delivered += 1
        return message.purpose == "answer"

    def _failed(
        self,
        message: Outgoing,
        reason: str,
        *,
        retryable: bool,
        now: datetime,
        retry_after: float | None = None,
        pieces_sent: int = 0,
    ) -> bool:
        final = units.write(
            self._factory,
            partial(
                outbound.mark_failed,
                message_id=message.id,
                error=reason,
                retryable=retryable,
                now=now,
                retry_after=retry_after,
                pieces_sent=pieces_sent,
            ),
        )
        log(
            "outbox_attempt_failed",
            logging.WARNING,
            message=message.id,
            platform=message.platform,
            attempts=message.attempts + 1,
            final=final,
            retry_after=retry_after,
            error=reason[:200],
        )
        if final:
            self.failed += 1
        return final and message.purpose == "answer"


def _fall_back(session: Session, *, message: Outgoing, reason: str, now: datetime) -> str:
    return outbound.replace_with(session, message.id, platform=SMS, address=message.phone, reason=reason, now=now)
