"""Rebasing a case on the server's history ("the server wins").

On the client a case's events are of two kinds: *confirmed* ones (pulled from the server: they carry its seq
and its case_version, seq <= the pull cursor) and *local* ones (made here and not yet seen in a pull: pending
in the outbox, or accepted with a seq beyond the cursor). Local events always sit on top. When the server's
history of the case grows under them (a pull brings events of others, our own come back with the server's
numbering, or the server rejects one of ours), the case is rebuilt: local rows leave the events table, the
server's events go in with the server's case_version, the case is replayed in that order, and the still
pending local events are re-applied on top with fresh case_versions. A local event that no longer applies
stays in the outbox (it is still pushed: the server decides) but not in the local case.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.errors import DomainError
from ...domain.lifecycle import apply, apply_trusted
from .. import search
from ..cases import case_events
from ..models import CaseRow, EventRow
from ..projection import event_to_row_values, state_values
from .event_codec import event_from_json
from .incoming import ServerEvent
from .tables import OutboxRow, OutboxState

__all__ = ["ServerEvent", "ServerHistoryError", "rebase_case"]


class ServerHistoryError(RuntimeError):
    """An event the server accepted does not apply here: the local copy of the case is inconsistent."""


def _local_outbox(session: Session, case_id: str, cursor: int) -> list[OutboxRow]:
    return list(
        session.execute(
            select(OutboxRow)
            .where(
                OutboxRow.case_id == case_id,
                or_(
                    OutboxRow.state == OutboxState.PENDING,
                    (OutboxRow.state == OutboxState.DONE) & (OutboxRow.seq > cursor),
                ),
            )
            .order_by(OutboxRow.position)
        ).scalars()
    )


def rebase_case(
    session: Session, case_id: str, *, cursor: int, incoming: Sequence[ServerEvent] = ()
) -> CaseState | None:
    """Rebuild one case from the server's events (those stored with seq <= cursor plus `incoming`), then
    re-apply its local events on top. Returns the case as it now stands locally."""
    incoming_ids = {item.event.id for item in incoming}
    local = [row for row in _local_outbox(session, case_id, cursor) if row.event_id not in incoming_ids]
    session.execute(
        delete(EventRow).where(EventRow.case_id == case_id, or_(EventRow.seq.is_(None), EventRow.seq > cursor))
    )
    if incoming:
        session.execute(
            insert(EventRow),
            [
                event_to_row_values(
                    item.event, case_version=item.case_version, recorded_at=item.recorded_at, seq=item.seq
                )
                for item in incoming
            ],
        )
        for item in incoming:  # our own, coming back: settled even if the push answer was lost
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.event_id == item.event.id, OutboxRow.state != OutboxState.DONE)
                .values(state=OutboxState.DONE, seq=item.seq, settled_at=item.recorded_at)
            )
    # The server's events replay through the lifecycle's trusted path: they were checked when the server
    # took them, and officers receive petitioners masked, which the lifecycle's intake checks would refuse.
    state: CaseState | None = None
    for event in case_events(session, case_id):
        try:
            state = apply_trusted(state, event)
        except (DomainError, KeyError, ValueError) as error:
            raise ServerHistoryError(
                f"server event {event.id} does not apply to case {case_id}: {error}"
            ) from error
    last_seq: int | None = max(item.seq for item in incoming) if incoming else None
    recorded_now = datetime.now().astimezone()
    for row in local:
        event = event_from_json(row.event)
        try:
            after = apply(state, event)
        except DomainError:
            row.applied_locally = False
            continue
        row.applied_locally = True
        session.execute(
            insert(EventRow).values(
                event_to_row_values(event, case_version=after.version, recorded_at=recorded_now, seq=row.seq)
            )
        )
        state = after
    if state is not None:
        _write_case(session, state, last_seq)
    return state


def _write_case(session: Session, state: CaseState, last_seq: int | None) -> None:
    values = state_values(state)
    exists = session.execute(select(CaseRow.id).where(CaseRow.id == state.id)).first() is not None
    if last_seq is not None:
        values["last_seq"] = last_seq
    if exists:
        session.execute(update(CaseRow).where(CaseRow.id == state.id).values(**values))
    else:
        session.execute(insert(CaseRow).values(**values))
        search.index_case(session, state)
