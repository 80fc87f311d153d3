"""The push half of the client's sync: the outbox's waiting events go to the server, each person's run with that
person's token, in batches whose answers are settled one transaction a batch (docs/architecture.md, "The sync
contract", "Whose token pushes whose events"). The engine (sync.engine) holds one `Pusher` and decides when it
runs: "sync now", a local change, every push_interval seconds while anything waits.

Apart from the engine because the push shares nothing with the pull but the writer, the transport and the
observer: it has its own lock (one push at a time, so creation order holds on the wire), its own batch size
(halved on a slow link, grown back after), the per-person tokens, and the workstation proof under which
refused intakes are queued again. What a failure does to the loops (the back-off, waiting for a sign-in) stays
the engine's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.orm import Session

from ..store.local import outbox, sync_state
from ..store.local.resend import resend_unproven
from .calls import send_unsent_calls
from .protocol import MAX_PUSH_EVENTS, EventResult
from .reports import PushReport, PushTally, SyncObserver, SyncStatus
from .store_writer import StoreWriter
from .transport import AuthRequired, Offline, Transport

log = logging.getLogger(__name__)

__all__ = ["MIN_PUSH_BATCH", "PushTokens", "Pusher"]

MIN_PUSH_BATCH = 20


class PushTokens(Protocol):
    """Whose token pushes whose events (sync.credentials.Credentials)."""

    def token_for(self, staff_id: str | None) -> str | None:
        """The token to push `staff_id`'s events with, or None: theirs wait (staff_id None: events of no one
        in particular, pushed with the signed-in person's token)."""
        ...

    def current_staff_id(self) -> str | None: ...

    def after_push(self, transport: Transport) -> None:
        """After a push: the kept token of anyone signed out with nothing left waiting can be revoked. Called
        on the engine's push thread."""
        ...

    def token_refused(self, staff_id: str | None) -> None:
        """The server refused `staff_id`'s kept token (expired, revoked): theirs wait for their sign-in."""
        ...


class Pusher:
    """The push state of one engine: its writer, transport and observer (the engine's own), the tokens (None:
    every event goes with the transport's token), and `set_status`, through which the signed-in person's
    refused token makes the engine's status AUTH_REQUIRED."""

    def __init__(
        self,
        write: StoreWriter,
        transport: Transport,
        observer: SyncObserver,
        set_status: Callable[[SyncStatus, str], None],
        *,
        tokens: PushTokens | None = None,
        push_batch: int = MAX_PUSH_EVENTS,
    ) -> None:
        self._write = write
        self.transport = transport
        self.observer = observer
        self._set_status = set_status
        self.tokens = tokens
        self.push_batch = min(push_batch, MAX_PUSH_EVENTS)
        self._batch = self.push_batch
        self._lock = threading.Lock()  # one push at a time: creation order must hold on the wire
        self._resent_for: tuple[str, str] | None = None  # the workstation proof unproven intakes were resent for

    def push_once(self) -> PushReport:
        """Send every pending event, each person's run with that person's token, oldest first within a run,
        in batches; settle each batch's answers in one transaction. A run with no token (its person signed
        out, their kept token refused, the signed-in person's own token refused) waits, labelled as theirs in
        the report, and holds up nobody else's; an offline server stops them all. The signed-in person's
        refused token makes the status AUTH_REQUIRED (they must sign in again) without stopping the others'.
        First, when the workstation proves itself with a new proof (a re-enrolment), the intakes refused as
        `workstation_unproven` are queued again (store.local.resend)."""
        with self._lock:
            self._resend_if_proven()
            tally = PushTally()
            refused: AuthRequired | None = None  # without per-person tokens: nothing goes until a sign-in
            own: AuthRequired | None = None  # the signed-in person's token: theirs wait, the others' go
            for run in self._write(outbox.pending_runs, background=True):
                token = self.tokens.token_for(run.staff_id) if self.tokens is not None else None
                if self.tokens is not None and token is None:
                    tally.waiting.append((run.staff_id, run.count))
                    continue
                try:
                    self._push_run(run.staff_id, token, tally)
                except AuthRequired as error:
                    if self.tokens is None:
                        refused = error
                    else:
                        if run.staff_id in (None, self.tokens.current_staff_id()):
                            own = error
                        self.tokens.token_refused(run.staff_id)
                    tally.waiting.append((run.staff_id, run.count))
                    continue
            if self.tokens is not None:
                self.tokens.after_push(self.transport)
            report = tally.report()
        if report.sent:
            self.observer.pushed(report)
        if report.rejected_cases:
            self.observer.conflicts(report.rejected_cases)
        if refused is not None:
            raise refused
        if own is not None:
            self._set_status(SyncStatus.AUTH_REQUIRED, str(own))
        return report

    def _resend_if_proven(self) -> None:
        proof = self.transport.workstation_proof()
        if proof is None or proof == self._resent_for:
            return
        self._resent_for = proof  # once per proof: a refusal under this one stays until the next
        resent = self._write(resend_unproven, background=True)
        if resent:
            log.info("re-sending %d intake(s) refused before this workstation proved itself", len(resent))

    def _push_run(self, staff_id: str | None, token: str | None, tally: PushTally) -> None:
        position = 0
        anyone = self.tokens is None  # without per-person tokens, every run is the signed-in person's

        def next_batch(session: Session) -> list[outbox.OutboxEntry]:
            batch = outbox.pending_batch(
                session, self._batch, after_position=position, staff_id=staff_id, anyone=anyone
            )
            if batch:
                outbox.note_attempt(session, [entry.event.id for entry in batch])
            return batch

        while True:
            batch = self._write(next_batch, background=True)
            if not batch:
                return
            position = batch[-1].position
            try:
                response = self.transport.push([entry.event for entry in batch], token=token)
            except Offline:
                # a slow server or a bad link: smaller batches next time (a repeat is a harmless duplicate)
                self._batch = max(MIN_PUSH_BATCH, self._batch // 2)
                raise
            self._batch = min(self.push_batch, self._batch * 2)

            def settle(session: Session, results: list[EventResult] = response.results) -> outbox.SettleSummary:
                summary = outbox.settle_push(session, results)
                sync_state.note_pushed(session, datetime.now(UTC))
                return summary

            tally.add(len(batch), self._write(settle, background=True))

    def send_calls(self) -> None:
        """The call log rides on the push, with the signed-in person's token; refused, the records wait for
        their sign-in (the status says so already) and the pushes of others go on."""
        try:
            send_unsent_calls(self._write, self.transport)
        except AuthRequired:
            if self.tokens is None:
                raise
