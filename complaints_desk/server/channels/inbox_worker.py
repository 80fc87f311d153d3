"""The inbox worker: one thread per server process that claims the messages the webhooks took in
(store.central.inbox), puts them through the conversation (inbox.converse: the case filed, the replies written
to the outbox) several to a transaction, marks them done in that same transaction, and then wakes the outbox
for the replies and every waiting desktop for the new cases. Several processes on PostgreSQL share the work
(FOR UPDATE SKIP LOCKED, a lease); on SQLite the embedded server's one worker does it. A message is never
lost: until the transaction that took it commits, its row stays pending and is claimed again after its
lease (the process died) or after a backoff (the attempt raised)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from sqlalchemy.orm import Session, sessionmaker

from ...store.central import inbox
from .. import units
from ..logs import log
from . import registry
from .inbox import Prefetched, Taken, converse, from_inbox
from .polling import PollingWorker
from .writes import write


@dataclass(frozen=True)
class _Outcome:
    platform: str
    taken: Taken


class InboxWorker(PollingWorker):
    name = "inbox"

    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        poll_seconds: float = 1.0,
        batch: int = 20,
        published: Callable[[], None] = lambda: None,
        replies_queued: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(poll_seconds)  # a message another process took in is found within this
        self._factory = factory
        self._batch = batch
        self._published = published  # wakes the desktops' long polls after a filing
        self._replies_queued = replies_queued  # wakes the outbox worker
        self.taken = 0

    def run_once(self, *, now: datetime | None = None) -> int:
        """Claim one batch and take it; returns how many messages were claimed."""
        if not units.read(self._factory, partial(inbox.any_due, now=now)):
            return 0
        claim = write(self._factory, partial(inbox.claim_due, limit=self._batch, now=now), what="inbox_claim")
        if not claim.rows:
            return 0
        try:
            outcomes = write(self._factory, partial(_take_batch, claim=claim, rows=claim.rows), what="inbox")
        except Exception as error:
            # One message that raises must not hold the others back: each in its own transaction.
            log("inbox_batch_failed", logging.WARNING, rows=len(claim.rows), error=type(error).__name__)
            outcomes = []
            for row in claim.rows:
                outcomes += self._take_alone(claim, row)
        self._announce(outcomes)
        return len(claim.rows)

    def _take_alone(self, claim: inbox.Claim, row: inbox.Pending) -> list[_Outcome]:
        try:
            return write(self._factory, partial(_take_batch, claim=claim, rows=[row]), what="inbox")
        except Exception as error:
            reason = f"{type(error).__name__}: {str(error)[:300]}"
            final = write(
                self._factory, partial(inbox.mark_failed, claim=claim, key=row.key, error=reason), what="inbox"
            )
            log(
                "inbox_attempt_failed",
                logging.ERROR if final else logging.WARNING,
                platform=row.platform,
                event_id=row.event_id[:80],
                attempts=row.attempts + 1,
                final=final,
                error=reason,
            )
            return []

    def _announce(self, outcomes: list[_Outcome]) -> None:
        self.taken += len(outcomes)
        filed = [o for o in outcomes if o.taken.filed is not None]
        if filed:
            self._published()
            for outcome in filed:
                assert outcome.taken.filed is not None
                log(
                    "case_filed_online",
                    channel=outcome.platform,
                    receipt_no=outcome.taken.filed.receipt_no,
                    routed=outcome.taken.filed.department_code,
                )
        if any(o.taken.queued for o in outcomes):
            self._replies_queued()


def _take_batch(session: Session, *, claim: inbox.Claim, rows: list[inbox.Pending]) -> list[_Outcome]:
    now = datetime.now(UTC)
    ours = inbox.settle_claimed(session, claim, [row.key for row in rows], now=now)
    held = [(row, from_inbox(row.message)) for row in rows if row.key in ours]  # others: another worker's now
    prefetched = Prefetched.read(session, [(row.platform, message.user_key) for row, message in held])
    outcomes: list[_Outcome] = []
    for row, message in held:
        messenger = registry.messenger(row.platform)
        if messenger is None:  # a channel taken out of this server since: raising keeps the row
            raise LookupError(f"no messenger channel {row.platform!r}")
        taken = converse(session, messenger, message, now=now, prefetched=prefetched)
        outcomes.append(_Outcome(row.platform, taken))
    prefetched.note_all(session, now)
    return outcomes
