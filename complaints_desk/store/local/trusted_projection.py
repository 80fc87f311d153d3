"""Projecting events the server has already accepted, fast, on case rows in stored form (store.stored_values).

Why this exists next to `domain.lifecycle.apply`: a fresh client pulls hundreds of thousands of events, and
`apply` checks each one again (roles, statuses, phone parsing with `phonenumbers`, `dataclasses.replace` of a
48-field state): 80–200 µs an event, four times the pull budget (DESIGN.md: ≥ 20,000 events/s). The server
ran exactly those checks before giving the event a seq, so here only the *effects* are replayed, on the values
the client's SQLite stores (times as text), so loading, projecting and writing a row converts nothing but what
an event sets. The effects mirror the lifecycle handlers one for one; tests/unit/test_sync_trusted_projection.py
replays sequences through both and requires equal rows, so a change to the lifecycle that is not mirrored here
fails a test. Event types without an entry here go through `lifecycle.apply` (correct, just slower).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ...domain.case import CASE_FIELDS
from ...domain.events import Event, EventType
from ...domain.kinds import Kind, parse_kind
from ...domain.lifecycle import apply
from ...domain.masking import normalize_phone
from ...domain.receipts import parse_receipt_number
from ...domain.roles import Role
from ...domain.statuses import Status
from ..projection import row_to_state, state_values
from .incoming import IncomingEvent
from .stored_values import Row, from_stored, stored_utc, to_stored

__all__ = ["EFFECTS", "EFFECT_TYPES", "PROJECTED_COLUMNS", "Row", "project", "project_stored"]

_CANONICAL_PHONE = re.compile(r"0\d{1,2}-\d{3,4}-\d{4}|\d{4}-\d{4}")
_DEFAULTS: Row = {name: None for name in CASE_FIELDS} | {
    "extension_count": 0,
    "rereview": 0,
    "is_group": 0,
    "signers": 1,
    "households": 1,
    "receipts_printed": 0,
    "receipt_voided": 0,
    "progress_notices": 0,
    "notes": 0,
    "contacts": 0,
}
_OFFICER = Role.OFFICER.value
_PROPOSAL = Kind.PROPOSAL.value
_RECEIVED = EventType.RECEIVED.value

# Status values as plain strings (an enum attribute lookup per event adds up over 100,000 events)
RECEIVED, ROUTED, IN_PROGRESS, UNDER_REVIEW = (
    Status.RECEIVED.value,
    Status.ROUTED.value,
    Status.IN_PROGRESS.value,
    Status.UNDER_REVIEW.value,
)
RETURNED, TRANSFERRED_OUT, ANSWERED = Status.RETURNED.value, Status.TRANSFERRED_OUT.value, Status.ANSWERED.value
ADOPTED, NOT_ADOPTED, CLOSED = Status.ADOPTED.value, Status.NOT_ADOPTED.value, Status.CLOSED.value
WITHDRAWN, MERGED = Status.WITHDRAWN.value, Status.MERGED.value


@lru_cache(maxsize=4096)
def _phone(raw: str) -> str:
    return normalize_phone(raw)


_CANONICAL_RECEIPT = re.compile(r"(\d{8})-[A-Z0-9]{3}-(?:\d{4}|[1-9]\d{4,5})")


@lru_cache(maxsize=1024)
def _real_day(digits: str) -> bool:
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True


def _receipt(raw: str) -> str:
    """The receipt number as ReceiptNumber writes it; written that way already (the server's), just checked."""
    match = _CANONICAL_RECEIPT.fullmatch(raw)
    if match and _real_day(match[1]) and (len(raw) > 17 or raw[13:] != "0000"):
        return raw
    return str(parse_receipt_number(raw))


def _text(payload: Mapping[str, Any], key: str) -> str:
    value = payload.get(key)
    return "" if value is None else str(value).strip()


def _moment(payload: Mapping[str, Any], key: str) -> str | None:
    value = payload.get(key)
    if value is None or value == "":
        return None
    return stored_utc(value if isinstance(value, datetime) else str(value))


def _received(e: IncomingEvent) -> Row:
    p = e.payload
    petitioner = p.get("petitioner") or {}
    phone = _text(petitioner, "phone")
    if phone and "*" not in phone and not _CANONICAL_PHONE.fullmatch(phone):
        phone = _phone(phone)  # (a masked phone, as officers are sent, is kept as the server sent it)
    channel = _text(p, "channel").lower()
    registered_at = e.occurred
    department = p.get("department_code") or (e.actor_department if e.actor_role == _OFFICER else None)
    period = p["period"]
    row = dict(_DEFAULTS)
    row.update(
        id=e.case_id,
        receipt_no=_receipt(_text(p, "receipt_no")),
        kind=parse_kind(_text(p, "kind")).value,
        channel=channel,
        status=RECEIVED,
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
        station_code=e.station_code,
        received_by=e.actor_id,
        category_code=_text(p, "category_code") or None,
        department_code=str(department) if department else None,
        registration_due_at=_moment(p, "registration_due_at"),
        transfer_due_at=_moment(p, "transfer_due_at"),
        is_group=int(bool(p.get("is_group", False))),
        signers=p.get("signers", 1),
        households=p.get("households", 1),
        version=1,
        updated_at=registered_at,
    )
    return row


def _working_status(row: Row) -> str:
    return UNDER_REVIEW if row["kind"] == _PROPOSAL else IN_PROGRESS


def _routed(row: Row, e: IncomingEvent) -> None:
    row.update(
        status=ROUTED,
        department_code=_text(e.payload, "department_code"),
        assignee_id=None,
        transfer_due_at=_moment(e.payload, "transfer_due_at"),
    )


def _assigned(row: Row, e: IncomingEvent) -> None:
    row["assignee_id"] = _text(e.payload, "staff_id")


def _accepted(row: Row, e: IncomingEvent) -> None:
    assignee = row["assignee_id"] or (e.actor_id if e.actor_role == _OFFICER else None)
    row.update(status=_working_status(row), assignee_id=assignee, transfer_due_at=None)


def _returned(row: Row, e: IncomingEvent) -> None:
    row.update(status=RETURNED, department_code=None, assignee_id=None, transfer_due_at=None)


def _transferred(row: Row, e: IncomingEvent) -> None:
    p = e.payload
    if _text(p, "target") == "department":
        row.update(
            status=ROUTED,
            department_code=_text(p, "department_code"),
            assignee_id=None,
            transfer_due_at=_moment(p, "transfer_due_at"),
        )
    else:
        row.update(
            status=TRANSFERRED_OUT,
            transferred_to_agency=_text(p, "agency"),
            transfer_due_at=_moment(p, "transfer_due_at"),
        )


def _count(key: str) -> Callable[[Row, IncomingEvent], None]:
    def handler(row: Row, e: IncomingEvent) -> None:
        row[key] += 1

    return handler


def _extended(row: Row, e: IncomingEvent) -> None:
    row.update(due_at=_moment(e.payload, "new_due_at"), extension_count=row["extension_count"] + 1)


def _clock_stopped(row: Row, e: IncomingEvent) -> None:
    row.update(clock_stopped_at=e.occurred, clock_stop_reason=_text(e.payload, "reason"))


def _clock_resumed(row: Row, e: IncomingEvent) -> None:
    row.update(clock_stopped_at=None, clock_stop_reason=None, due_at=_moment(e.payload, "new_due_at"))


def _answered(row: Row, e: IncomingEvent) -> None:
    row.update(status=ANSWERED, answered_at=e.occurred, answer_result=_text(e.payload, "result"))


def _decided(row: Row, e: IncomingEvent) -> None:
    decision = _text(e.payload, "decision")
    adopted = decision == "adopted"
    implementation = date.fromisoformat(_text(e.payload, "implementation_date")).isoformat() if adopted else None
    row.update(
        status=ADOPTED if adopted else NOT_ADOPTED,
        decision=decision,
        decided_at=e.occurred,
        implementation_date=implementation,
    )


def _rereview(row: Row, e: IncomingEvent) -> None:
    row.update(status=UNDER_REVIEW, rereview=1, decision=None)


def _closed(row: Row, e: IncomingEvent) -> None:
    row.update(status=CLOSED, closed_at=e.occurred, close_reason=_text(e.payload, "reason"))


def _reopened(row: Row, e: IncomingEvent) -> None:
    row.update(
        status=_working_status(row), closed_at=None, close_reason=None, answered_at=None, answer_result=None
    )


def _withdrawn(row: Row, e: IncomingEvent) -> None:
    row.update(status=WITHDRAWN, closed_at=e.occurred, close_reason="withdrawn")


def _merged(row: Row, e: IncomingEvent) -> None:
    row.update(status=MERGED, merged_into=_text(e.payload, "into_case_id"), closed_at=e.occurred)


def _voided(row: Row, e: IncomingEvent) -> None:
    row["receipt_voided"] = 1


def _satisfaction(row: Row, e: IncomingEvent) -> None:
    row["satisfaction"] = e.payload.get("score")


def _unchanged(row: Row, e: IncomingEvent) -> None:
    return None


def _deadline_set(row: Row, e: IncomingEvent) -> None:
    period = e.payload["period"]
    row.update(
        due_at=_moment(e.payload, "due_at"), period_amount=int(period["amount"]), period_unit=period["unit"]
    )


# Keyed by EventType, a StrEnum: looking up the plain string an IncomingEvent carries finds the same entry.
EFFECTS: Mapping[EventType, Callable[[Row, IncomingEvent], None]] = {
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
    EventType.DEADLINE_SET: _deadline_set,
}
_EFFECTS: dict[str, Callable[[Row, IncomingEvent], None]] = {str(key): value for key, value in EFFECTS.items()}

# Every column an effect above reads or writes (and the case's id and last_seq). An existing case the pull
# changes needs only these loaded: the intake's texts (title, body, petitioner) are most of a row and never
# change after intake. Events without an effect (and a second `received`) need the whole row.
# tests/unit/test_sync_trusted_projection.py checks that projecting on these columns alone gives the same row.
PROJECTED_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "status",
    "department_code",
    "assignee_id",
    "transfer_due_at",
    "transferred_to_agency",
    "due_at",
    "period_amount",
    "period_unit",
    "extension_count",
    "clock_stopped_at",
    "clock_stop_reason",
    "answered_at",
    "answer_result",
    "closed_at",
    "close_reason",
    "merged_into",
    "decision",
    "decided_at",
    "implementation_date",
    "rereview",
    "satisfaction",
    "receipts_printed",
    "receipt_voided",
    "progress_notices",
    "notes",
    "contacts",
    "version",
    "updated_at",
    "last_seq",
)
EFFECT_TYPES = frozenset(_EFFECTS)  # event types projected by an effect (on PROJECTED_COLUMNS only)


def project_stored(row: Row | None, e: IncomingEvent) -> Row:
    """The case row (stored form) after an event the server accepted. Mutates and returns `row` (a new dict
    for a receipt)."""
    if row is None:
        if e.type == _RECEIVED:
            return _received(e)
        return to_stored(state_values(apply(None, e.to_event())))  # raises: an event for an unknown case
    effect = _EFFECTS.get(e.type)
    if effect is None:
        after = state_values(apply(row_to_state(_AsRow(from_stored(row))), e.to_event()))
        row.update(to_stored(after))
        return row
    effect(row, e)
    row["version"] += 1
    row["updated_at"] = e.occurred
    return row


def project(row: Row | None, event: Event) -> Row:
    """The same projection on domain values (as projection.state_values gives them): returns a new dict."""
    incoming = IncomingEvent.from_event(event, seq=0, case_version=0, recorded_at=event.occurred_at)
    after = project_stored(None if row is None else to_stored(row), incoming)
    return from_stored(after)


class _AsRow:
    """Lets `row_to_state` read a values dict."""

    def __init__(self, values: Row) -> None:
        self._mapping = values
