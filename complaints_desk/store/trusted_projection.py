"""Projecting events the server has already accepted, fast, on plain dicts (the case row's values).

Why this exists next to `domain.lifecycle.apply`: a fresh client pulls hundreds of thousands of events, and
`apply` checks each one again (roles, statuses, phone parsing with `phonenumbers`, `dataclasses.replace` of a
48-field state): 80–200 µs an event, four times the pull budget (DESIGN.md: ≥ 20,000 events/s). The server
ran exactly those checks before giving the event a seq, so here only the *effects* are replayed. The effects
mirror the lifecycle handlers one for one; tests/unit/test_sync_trusted_projection.py replays sequences
through both and requires equal rows, so a change to the lifecycle that is not mirrored here fails a test.
Event types without an entry here go through `lifecycle.apply` (correct, just slower).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from ..domain.case import CASE_FIELDS
from ..domain.events import Event, EventType
from ..domain.kinds import Kind, parse_kind
from ..domain.lifecycle import apply
from ..domain.masking import normalize_phone
from ..domain.receipts import parse_receipt_number
from ..domain.roles import Role
from ..domain.statuses import Status
from .projection import row_to_state, state_values

Row = dict[str, Any]

_CANONICAL_PHONE = re.compile(r"0\d{1,2}-\d{3,4}-\d{4}|\d{4}-\d{4}")
_DEFAULTS: Row = {name: None for name in CASE_FIELDS} | {
    "extension_count": 0,
    "rereview": False,
    "is_group": False,
    "signers": 1,
    "households": 1,
    "receipts_printed": 0,
    "receipt_voided": False,
    "progress_notices": 0,
    "notes": 0,
    "contacts": 0,
}


@lru_cache(maxsize=4096)
def _phone(raw: str) -> str:
    return normalize_phone(raw)


def _text(payload: Mapping[str, Any], key: str) -> str:
    value = payload.get(key)
    return "" if value is None else str(value).strip()


def _moment(payload: Mapping[str, Any], key: str) -> datetime | None:
    value = payload.get(key)
    if value in (None, ""):
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.astimezone(UTC)


def _received(event: Event) -> Row:
    p = event.payload
    petitioner = p.get("petitioner") or {}
    phone = _text(petitioner, "phone")
    if phone and "*" not in phone and not _CANONICAL_PHONE.fullmatch(phone):
        phone = _phone(phone)  # (a masked phone, as officers are sent, is kept as the server sent it)
    channel = _text(p, "channel").lower()
    registered_at = event.occurred_at.astimezone(UTC)
    department = p.get("department_code") or (event.actor_department if event.actor_role is Role.OFFICER else None)
    period = p["period"]
    row = dict(_DEFAULTS)
    row.update(
        id=event.case_id,
        receipt_no=str(parse_receipt_number(_text(p, "receipt_no"))),
        kind=parse_kind(_text(p, "kind")).value,
        channel=channel,
        status=Status.RECEIVED.value,
        title=_text(p, "title"),
        body=_text(p, "body"),
        petitioner_name=_text(petitioner, "name"),
        petitioner_phone=phone,
        petitioner_address=_text(petitioner, "address"),
        petitioner_email=_text(petitioner, "email"),
        reply_channel=_text(p, "reply_channel") or channel,
        received_at=_moment(p, "received_at") or registered_at,
        registered_at=registered_at,
        due_at=_moment(p, "due_at"),
        period_amount=int(str(period["amount"])),
        period_unit=str(period["unit"]),
        station_code=event.station_code,
        received_by=event.actor_id,
        category_code=_text(p, "category_code") or None,
        department_code=str(department) if department else None,
        registration_due_at=_moment(p, "registration_due_at"),
        transfer_due_at=_moment(p, "transfer_due_at"),
        is_group=bool(p.get("is_group", False)),
        signers=p.get("signers", 1),
        households=p.get("households", 1),
        version=1,
        updated_at=registered_at,
    )
    return row


def _working_status(row: Row) -> str:
    return (Status.UNDER_REVIEW if row["kind"] == Kind.PROPOSAL.value else Status.IN_PROGRESS).value


def _routed(row: Row, e: Event) -> None:
    row.update(
        status=Status.ROUTED.value,
        department_code=_text(e.payload, "department_code"),
        assignee_id=None,
        transfer_due_at=_moment(e.payload, "transfer_due_at"),
    )


def _assigned(row: Row, e: Event) -> None:
    row["assignee_id"] = _text(e.payload, "staff_id")


def _accepted(row: Row, e: Event) -> None:
    assignee = row["assignee_id"] or (e.actor_id if e.actor_role is Role.OFFICER else None)
    row.update(status=_working_status(row), assignee_id=assignee, transfer_due_at=None)


def _returned(row: Row, e: Event) -> None:
    row.update(status=Status.RETURNED.value, department_code=None, assignee_id=None, transfer_due_at=None)


def _transferred(row: Row, e: Event) -> None:
    p = e.payload
    if _text(p, "target") == "department":
        row.update(
            status=Status.ROUTED.value,
            department_code=_text(p, "department_code"),
            assignee_id=None,
            transfer_due_at=_moment(p, "transfer_due_at"),
        )
    else:
        row.update(
            status=Status.TRANSFERRED_OUT.value,
            transferred_to_agency=_text(p, "agency"),
            transfer_due_at=_moment(p, "transfer_due_at"),
        )


def _count(key: str) -> Callable[[Row, Event], None]:
    def handler(row: Row, e: Event) -> None:
        row[key] += 1

    return handler


def _extended(row: Row, e: Event) -> None:
    row.update(due_at=_moment(e.payload, "new_due_at"), extension_count=row["extension_count"] + 1)


def _clock_stopped(row: Row, e: Event) -> None:
    row.update(clock_stopped_at=e.occurred_at.astimezone(UTC), clock_stop_reason=_text(e.payload, "reason"))


def _clock_resumed(row: Row, e: Event) -> None:
    row.update(clock_stopped_at=None, clock_stop_reason=None, due_at=_moment(e.payload, "new_due_at"))


def _answered(row: Row, e: Event) -> None:
    row.update(
        status=Status.ANSWERED.value,
        answered_at=e.occurred_at.astimezone(UTC),
        answer_result=_text(e.payload, "result"),
    )


def _decided(row: Row, e: Event) -> None:
    decision = _text(e.payload, "decision")
    adopted = decision == "adopted"
    row.update(
        status=(Status.ADOPTED if adopted else Status.NOT_ADOPTED).value,
        decision=decision,
        decided_at=e.occurred_at.astimezone(UTC),
        implementation_date=date.fromisoformat(_text(e.payload, "implementation_date")) if adopted else None,
    )


def _rereview(row: Row, e: Event) -> None:
    row.update(status=Status.UNDER_REVIEW.value, rereview=True, decision=None)


def _closed(row: Row, e: Event) -> None:
    row.update(
        status=Status.CLOSED.value,
        closed_at=e.occurred_at.astimezone(UTC),
        close_reason=_text(e.payload, "reason"),
    )


def _reopened(row: Row, e: Event) -> None:
    row.update(
        status=_working_status(row), closed_at=None, close_reason=None, answered_at=None, answer_result=None
    )


def _withdrawn(row: Row, e: Event) -> None:
    row.update(status=Status.WITHDRAWN.value, closed_at=e.occurred_at.astimezone(UTC), close_reason="withdrawn")


def _merged(row: Row, e: Event) -> None:
    row.update(
        status=Status.MERGED.value,
        merged_into=_text(e.payload, "into_case_id"),
        closed_at=e.occurred_at.astimezone(UTC),
    )


def _voided(row: Row, e: Event) -> None:
    row["receipt_voided"] = True


def _satisfaction(row: Row, e: Event) -> None:
    row["satisfaction"] = e.payload.get("score")


def _unchanged(row: Row, e: Event) -> None:
    return None


EFFECTS: Mapping[EventType, Callable[[Row, Event], None]] = {
    EventType.ROUTED: _routed,
    EventType.ASSIGNED: _assigned,
    EventType.ACCEPTED: _accepted,
    EventType.RETURNED: _returned,
    EventType.TRANSFERRED: _transferred,
    EventType.NOTE_ADDED: _count("notes"),
    EventType.CONTACT_LOGGED: _count("contacts"),
    EventType.EXTENDED: _extended,
    EventType.CLOCK_STOPPED: _clock_stopped,
    EventType.CLOCK_RESUMED: _clock_resumed,
    EventType.ANSWERED: _answered,
    EventType.DECIDED: _decided,
    EventType.REREVIEW_REQUESTED: _rereview,
    EventType.CLOSED: _closed,
    EventType.REOPENED: _reopened,
    EventType.WITHDRAWN: _withdrawn,
    EventType.MERGED: _merged,
    EventType.RECEIPT_PRINTED: _count("receipts_printed"),
    EventType.RECEIPT_VOIDED: _voided,
    EventType.PROGRESS_NOTIFIED: _count("progress_notices"),
    EventType.SATISFACTION_RECORDED: _satisfaction,
    EventType.DETAILS_VIEWED: _unchanged,
}


def project(row: Row | None, event: Event) -> Row:
    """The case row after an event the server accepted. Mutates and returns `row` (a new dict for a receipt)."""
    if row is None:
        if event.type is EventType.RECEIVED:
            return _received(event)
        return state_values(apply(None, event))  # raises: the server sent an event for an unknown case
    effect = EFFECTS.get(event.type)
    if effect is None:
        after = state_values(apply(row_to_state(_AsRow(row)), event))
        row.clear()
        row.update(after)
        return row
    effect(row, event)
    row["version"] += 1
    row["updated_at"] = event.occurred_at.astimezone(UTC)
    return row


class _AsRow:
    """Lets `row_to_state` read a values dict."""

    def __init__(self, values: Row) -> None:
        self._mapping = values
