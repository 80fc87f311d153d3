"""The outbox worker: one thread per server process that claims a batch of due messages in one transaction
(store.central.outbound), hands them to their channels' senders (different citizens' side by side on a small
pool of threads, one citizen's in order), and settles the whole batch in one transaction: each message sent;
due again after a backoff; failed for good (an answer's failure is recorded on its case, where the desktop
shows it); or, when the platform will not take it any more (Meta's window), sent another way: an SMS to the
phone the citizen gave. Several processes on PostgreSQL share the work without sending a message twice (row
claims with FOR UPDATE SKIP LOCKED and a lease); on SQLite the embedded server's one worker does it. A crash
between the send and the settling loses nothing: the rows stay claimed until their lease passes and are sent
again (docs/channels.md: which platforms then see a repeat). Every `housekeeping_seconds` it also does the
server's housekeeping (store.central.housekeeping)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Literal

from sqlalchemy.orm import Session, sessionmaker

from ...domain.replies import SMS
from ...store.central import housekeeping, outbound
from ...store.central.outbound import Outgoing
from .. import units
from ..citizen.limits import web_settings
from ..logs import log
from . import registry
from .base import DeliveryError, WindowClosed
from .polling import PollingWorker


class OutboxWorker(PollingWorker):
    name = "outbox"

    def __init__(
        self,
        factory: sessionmaker[Session],
        channels: Mapping[str, Mapping[str, str]],
        *,
        poll_seconds: float = 1.0,
        batch: int = 20,
        senders: int = 4,
        published: Callable[[], None] = lambda: None,
        housekeeping_seconds: float = 600.0,
    ) -> None:
        super().__init__(poll_seconds)
        self._factory = factory
        self._channels = channels
        self._batch = batch
        self._senders = senders  # a batch's deliveries at once: HTTP calls that mostly wait on the platform
        self._pool: ThreadPoolExecutor | None = None
        self._published = published  # wakes the desktops' long polls after a delivery report
        self.delivered = 0
        self.failed = 0
        self._housekeeping_seconds = housekeeping_seconds
        self._next_housekeeping = time.monotonic() + min(60.0, housekeeping_seconds)  # not in the start's rush

    def stop(self) -> None:
        super().stop()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def between_rounds(self) -> None:
        if time.monotonic() < self._next_housekeeping:
            return
        self._next_housekeeping = time.monotonic() + self._housekeeping_seconds
        try:
            self.housekeep()
        except Exception as error:  # housekeeping must never stop the deliveries
            log("housekeeping_failed", logging.WARNING, error=f"{type(error).__name__}: {str(error)[:300]}")

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
        """Claim one batch, send it, settle it; returns how many messages were tried."""
        # units.write, not channels.writes: on SQLite the webhooks queue on that Python lock, and a worker
        # waiting there on a locked file would add its busy timeout to every webhook's wait
        claimed = units.write(self._factory, partial(outbound.claim_due, limit=self._batch))
        if not claimed:
            return 0
        results = self._deliver_all(claimed)
        settled = self._settle(results)
        self._announce(settled)
        return len(claimed)

    def _deliver_all(self, claimed: list[Outgoing]) -> list[_Result]:
        """Every claimed message to its platform: one citizen's messages one after another in the claim's
        order (a conversation's replies arrive in order), different citizens' side by side on the pool."""
        conversations: dict[tuple[str, str], list[Outgoing]] = {}
        for message in claimed:
            conversations.setdefault((message.platform, message.address), []).append(message)
        if len(conversations) == 1:
            return self._deliver_in_turn(claimed)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self._senders, thread_name_prefix="outbox-send")
        results: list[_Result] = []
        for delivered in self._pool.map(self._deliver_in_turn, conversations.values()):
            results += delivered
        return results

    def _deliver_in_turn(self, messages: list[Outgoing]) -> list[_Result]:
        return [self._attempt(message) for message in messages]

    def _attempt(self, message: Outgoing) -> _Result:
        """One try at one message; nothing written (the batch is settled together)."""
        sender = registry.sender(message.platform)
        if sender is None:
            return _Result(message, _FAILED, datetime.now(UTC), f"no sender for {message.platform}")
        try:
            sender.deliver(message, self._channels.get(message.platform, {}))
        except WindowClosed as closed:
            if message.phone and message.platform != SMS:
                return _Result(message, _FALL_BACK, datetime.now(UTC), str(closed))
            return _Result(message, _FAILED, datetime.now(UTC), str(closed))
        except DeliveryError as error:
            # datetime.now() after the answer: a platform's retry_after counts from it, not from the claim
            return _Result(
                message,
                _FAILED,
                datetime.now(UTC),
                str(error),
                retryable=error.retryable,
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
            return _Result(message, _FAILED, datetime.now(UTC), f"{type(error).__name__}: {error}", retryable=True)
        return _Result(message, _SENT, datetime.now(UTC))

    def _settle(self, results: list[_Result]) -> list[tuple[_Result, bool]]:
        """The batch's outcomes in one transaction; when that raises, each in its own, so one bad row does
        not hold the others. A result that cannot be written at all leaves its row claimed: it is sent again
        when the lease has passed (a repeat the citizen may see; never a loss)."""
        try:
            return units.write(self._factory, partial(_settle_batch, results=results))
        except Exception as error:
            log("outbox_batch_settle_failed", logging.WARNING, rows=len(results), error=type(error).__name__)
        settled: list[tuple[_Result, bool]] = []
        for result in results:
            try:
                settled += units.write(self._factory, partial(_settle_batch, results=[result]))
            except Exception as error:
                log(
                    "outbox_settle_failed",
                    logging.ERROR,
                    message=result.message.id,
                    platform=result.message.platform,
                    error=f"{type(error).__name__}: {str(error)[:300]}",
                )
        return settled

    def _announce(self, settled: list[tuple[_Result, bool]]) -> None:
        """After the settling commit: the log lines, the counts, the desktops told of delivery reports, and
        the worker woken again for the SMS that replaced a message."""
        reported = fell_back = False
        for result, final in settled:
            message = result.message
            if result.outcome == _SENT:
                self.delivered += 1
                reported |= message.purpose == "answer"
            elif result.outcome == _FALL_BACK:
                log("outbox_fallback", message=message.id, platform=message.platform, to=SMS)
                fell_back = True
            else:
                log(
                    "outbox_attempt_failed",
                    logging.WARNING,
                    message=message.id,
                    platform=message.platform,
                    attempts=message.attempts + 1,
                    final=final,
                    retry_after=result.retry_after,
                    error=result.reason[:200],
                )
                if final:
                    self.failed += 1
                    reported |= message.purpose == "answer"
        if reported:
            self._published()
        if fell_back:
            self._wake.set()


_Outcome = Literal["sent", "failed", "fall back"]
_SENT: _Outcome = "sent"
_FAILED: _Outcome = "failed"
_FALL_BACK: _Outcome = "fall back"  # the platform will not take it (Meta's window): an SMS instead


@dataclass(frozen=True)
class _Result:
    """What one try at one message came to, before it is written."""

    message: Outgoing
    outcome: _Outcome
    at: datetime
    reason: str = ""
    retryable: bool = False
    retry_after: float | None = None
    pieces_sent: int = 0


def _settle_batch(session: Session, *, results: list[_Result]) -> list[tuple[_Result, bool]]:
    """Write each result (sent; due again; failed for good, an answer's report on its case; replaced by an
    SMS); with each, whether it failed for good."""
    rows = outbound.load_rows(session, [result.message.id for result in results])  # one read, not one a message
    settled: list[tuple[_Result, bool]] = []
    for result in results:
        message = result.message
        final = False
        if result.outcome == _SENT:
            outbound.mark_sent(session, message.id, now=result.at)
        elif result.outcome == _FALL_BACK:
            outbound.replace_with(
                session, message.id, platform=SMS, address=message.phone, reason=result.reason, now=result.at
            )
        else:
            final = outbound.mark_failed(
                session,
                message.id,
                result.reason,
                retryable=result.retryable,
                now=result.at,
                retry_after=result.retry_after,
                pieces_sent=result.pieces_sent,
            )
        settled.append((result, final))
    del rows  # held until here on purpose (outbound.load_rows)
    return settled
