"""Sending again what the server refused only because this workstation could not prove itself
(`workstation_unproven`: its enrolment proof missing, lost or rotated), once it can (sync.push calls this
when the workstation's proof changes: a re-enrolment)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.ids import new_id
from .event_codec import event_from_json
from .outbox import _enqueue
from .rebase import rebase_case
from .sync_state import cursor as current_cursor
from .tables import OutboxRow, OutboxState

UNPROVEN = "workstation_unproven"  # the server could not verify this workstation's enrolment proof
# What the server says of an event whose case it does not have (its intake was refused): not a judgement on
# the event itself, which goes again once the intake is in.
CASE_MISSING = ("version_ahead", "unknown_case")


def resend_unproven(session: Session, *, now: datetime | None = None) -> list[str]:
    """After the workstation proves itself again (a re-enrolment gives it a new proof): the intakes the server
    refused as `workstation_unproven` go back to pending with their own ids (a refusal of the workstation
    screen is not kept by the server, so the same event is decided afresh), and the later changes of those
    cases that it refused because it had no such case are queued again as new events (new ids: such a refusal
    may be kept), the refused rows acknowledged and kept in the history, as a redo does. Each such case is
    rebuilt with its changes on top. Returns the case ids."""
    now = now or datetime.now(UTC)
    unproven = list(
        session.execute(
            select(OutboxRow)
            .where(
                OutboxRow.state == OutboxState.REJECTED,
                OutboxRow.reason == UNPROVEN,
                OutboxRow.acknowledged_at.is_(None),
            )
            .order_by(OutboxRow.position)
        ).scalars()
    )
    cases: dict[str, int] = {}
    for row in unproven:
        cases.setdefault(row.case_id, row.position)
        row.state = OutboxState.PENDING
        row.settled_at = row.reason = row.field = row.message_ko = row.message_en = None
        row.server_case = row.after_rejection_of = None
    if not cases:
        return []
    followers = session.execute(
        select(OutboxRow)
        .where(
            OutboxRow.state == OutboxState.REJECTED,
            OutboxRow.case_id.in_(list(cases)),
            OutboxRow.reason.in_(CASE_MISSING),
            OutboxRow.acknowledged_at.is_(None),
        )
        .order_by(OutboxRow.position)
    ).scalars()
    for row in list(followers):
        if row.position < cases[row.case_id]:
            continue
        _enqueue(session, [replace(event_from_json(row.event), id=new_id())], now)
        row.acknowledged_at = now
    session.flush()
    position = current_cursor(session)
    for case_id in cases:
        rebase_case(session, case_id, cursor=position)
    return list(cases)
