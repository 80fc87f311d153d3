"""The outbox of messages to citizens: written in the transaction of what caused them (a conversation's reply,
a receipt number, an answer), claimed by the delivery worker (server/channels/worker.py), settled after each
attempt. On PostgreSQL any number of server processes claim rows side by side (FOR UPDATE SKIP LOCKED); a
claim is a lease (`claimed_until`), so a row whose process died is taken up again when the lease ends."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.events import Event, EventType
from ...domain.ids import new_id
from ...domain.replies import answer_message, route_for_answer
from ...domain.roles import Role
from ..cases import load_case
from .channel_tables import ChannelContact, OutboundMessage
from .online import record_server_event

LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 6
BACKOFF_FIRST = timedelta(seconds=2)
BACKOFF_MAX = timedelta(minutes=15)
# The longest wait a platform's "retry after" is taken for: beyond it the outbox's own backoff decides (a wrong
# or hostile value must not park an answer for days).
RETRY_AFTER_MAX = timedelta(hours=1)


@dataclass(frozen=True)
class Outgoing:
    """A claimed message, as the worker hands it to a channel's sender."""

    id: str
    case_id: str | None
    platform: str
    address: str
    purpose: str
    body: Mapping[str, Any]
    attempts: int  # before this one
    created_at: datetime
    last_inbound_at: datetime | None  # the citizen's last message on the platform (Meta's window)
    phone: str  # for a fallback by SMS
    pieces_sent: int = 0  # of a text cut in several messages, those the platform took on an earlier try


def enqueue(
    session: Session,
    *,
    platform: str,
    address: str,
    purpose: str,
    body: Mapping[str, Any],
    case_id: str | None = None,
    source_event_id: str | None = None,
    now: datetime | None = None,
    replaces_id: str | None = None,
    order_key: int = 0,
) -> str:
    now = now or datetime.now(UTC)
    message_id = new_id()
    session.add(
        OutboundMessage(
            id=message_id,
            case_id=case_id,
            platform=platform,
            address=address,
            purpose=purpose,
            body=dict(body),
            source_event_id=source_event_id,
            status="pending",
            attempts=0,
            next_attempt_at=now,
            last_error="",
            created_at=now,
            replaces_id=replaces_id,
            order_key=order_key,
        )
    )
    return message_id


_ANSWERING = (EventType.ANSWERED, EventType.DECIDED)


def answers_among(events: Sequence[Event]) -> list[Event]:
    return [event for event in events if event.type in _ANSWERING]


def enqueue_answers(
    session: Session,
    events: Sequence[Event],
    states: Mapping[str, CaseState],
    *,
    status_url_base: str = "",
    now: datetime | None = None,
) -> int:
    """For each accepted answer or proposal decision, the message that takes it to the citizen the way they
    asked (domain.replies.route_for_answer), in the transaction that records it. `states`: the cases as the
    events leave them (a push's batch knows them before PostgreSQL has its rows). Returns how many."""
    written = 0
    for event in answers_among(events):
        state = states.get(event.case_id)
        if state is None:
            continue
        contact = session.get(ChannelContact, event.case_id)
        route = route_for_answer(
            notify_channel=str(event.payload.get("notify_channel") or ""),
            reply_channel=state.reply_channel,
            contact_platform=contact.platform if contact else None,
            contact_address=contact.address if contact else "",
            phone=(contact.phone if contact and contact.phone else state.petitioner_phone),
            email=state.petitioner_email,
        )
        if route is None:
            continue
        body = answer_message(state, event.payload, status_url_base=status_url_base)
        enqueue(
            session,
            platform=route.platform,
            address=route.address,
            purpose="answer",
            body=body,
            case_id=state.id,
            source_event_id=event.id,
            now=now,
        )
        written += 1
    return written


def claim_due(session: Session, *, limit: int = 20, now: datetime | None = None) -> list[Outgoing]:
    """Take up to `limit` messages that are due and not claimed by a live worker; the caller commits at once,
    so the claim (a lease of LEASE) is visible to the other processes before any message is sent."""
    now = now or datetime.now(UTC)
    statement = (
        select(OutboundMessage)
        .where(
            OutboundMessage.status == "pending",
            OutboundMessage.next_attempt_at <= now,
            or_(OutboundMessage.claimed_until.is_(None), OutboundMessage.claimed_until < now),
        )
        .order_by(OutboundMessage.next_attempt_at, OutboundMessage.order_key)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update(skip_locked=True)
    rows = list(session.execute(statement).scalars())
    claimed: list[Outgoing] = []
    for row in rows:
        row.claimed_until = now + LEASE
        contact = session.get(ChannelContact, row.case_id) if row.case_id else None
        claimed.append(
            Outgoing(
                id=row.id,
                case_id=row.case_id,
                platform=row.platform,
                address=row.address,
                purpose=row.purpose,
                body=dict(row.body),
                attempts=row.attempts,
                created_at=row.created_at,
                last_inbound_at=contact.last_inbound_at if contact else None,
                phone=contact.phone if contact else "",
                pieces_sent=row.pieces_sent or 0,
            )
        )
    session.flush()
    return claimed


def backoff(attempts: int, rng: random.Random | None = None) -> timedelta:
    """Exponential with jitter: 2 s, 4 s, 8 s … capped at 15 minutes (after `attempts` failures)."""
    seconds = min(BACKOFF_FIRST.total_seconds() * 2.0 ** max(0, attempts - 1), BACKOFF_MAX.total_seconds())
    factor = 0.75 + (rng or random.Random()).random() * 0.5
    return timedelta(seconds=seconds * factor)


def platform_wait(retry_after: float | None) -> timedelta:
    """The wait a platform asked for, within reason (none, negative or not a number: no wait)."""
    if retry_after is None or not retry_after > 0:
        return timedelta(0)
    return min(timedelta(seconds=retry_after), RETRY_AFTER_MAX)


def load_rows(session: Session, message_ids: Sequence[str]) -> list[OutboundMessage]:
    """Read the rows a batch settles in one statement: while the caller holds the list (the session's identity
    map keeps rows only while they are referenced), mark_sent, mark_failed and replace_with find them in the
    session without a query each."""
    if not message_ids:
        return []
    return list(
        session.execute(select(OutboundMessage).where(OutboundMessage.id.in_(list(message_ids)))).scalars()
    )


# A message whose failure for good is recorded on its case (reply_failed, which the desktop shows): the answer,
# and the receipt number texted to a web filer who asked for text (they saw it on the page; the officer may
# want to tell them by phone). Its success is not: the answer's is (reply_sent), a receipt's would only add noise.
_REPORTED_FAILURES = ("answer", "receipt")


def mark_sent(session: Session, message_id: str, *, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    row = session.get(OutboundMessage, message_id)
    if row is None:
        return
    row.status, row.sent_at, row.claimed_until = "sent", now, None
    row.attempts += 1
    if row.purpose == "answer" and row.case_id:
        _report(session, row, EventType.REPLY_SENT, now)


def mark_failed(
    session: Session,
    message_id: str,
    error: str,
    *,
    retryable: bool,
    now: datetime | None = None,
    retry_after: float | None = None,
    pieces_sent: int = 0,
) -> bool:
    """Settle a failed attempt: due again after a backoff while retryable and attempts remain (no sooner than
    the platform's `retry_after` seconds, when it said); otherwise failed for good, and an answer's failure
    recorded on its case (the desktop shows it). `pieces_sent`: the pieces of a long text the platform took
    on this try, added to those of earlier tries (the next try sends the rest). Returns whether it failed for
    good."""
    now = now or datetime.now(UTC)
    row = session.get(OutboundMessage, message_id)
    if row is None:
        return False
    row.attempts += 1
    row.last_error = error[:1000]
    row.claimed_until = None
    row.pieces_sent = (row.pieces_sent or 0) + max(0, pieces_sent)
    if retryable and row.attempts < MAX_ATTEMPTS:
        row.next_attempt_at = now + max(backoff(row.attempts), platform_wait(retry_after))
        return False
    row.status = "failed"
    if row.purpose in _REPORTED_FAILURES and row.case_id:
        _report(session, row, EventType.REPLY_FAILED, now)
    return True


def replace_with(
    session: Session, message_id: str, *, platform: str, address: str, reason: str, now: datetime | None = None
) -> str:
    """A message its platform will not take any more (Meta's window closed) goes another way (an SMS): the
    old one is settled as replaced, the new one is due at once."""
    now = now or datetime.now(UTC)
    row = session.get(OutboundMessage, message_id)
    assert row is not None
    row.status, row.claimed_until, row.last_error = "replaced", None, reason[:1000]
    row.attempts += 1
    return enqueue(
        session,
        platform=platform,
        address=address,
        purpose=row.purpose,
        body=row.body,
        case_id=row.case_id,
        source_event_id=row.source_event_id,
        now=now,
        replaces_id=row.id,
    )


def _report(session: Session, row: OutboundMessage, kind: EventType, now: datetime) -> None:
    state = load_case(session, row.case_id or "")
    if state is None:
        return
    payload: dict[str, Any] = {"platform": row.platform, "attempts": row.attempts, "message_id": row.id}
    if row.purpose != "answer":
        payload["purpose"] = row.purpose  # (a report without one is about the answer, as before there were others)
    if kind is EventType.REPLY_FAILED:
        payload["error"] = row.last_error[:300]
    record_server_event(
        session,
        Event(
            id=new_id(),
            case_id=state.id,
            type=kind,
            occurred_at=now,
            actor_id=None,
            actor_role=Role.SYSTEM,
            base_version=state.version,
            payload=payload,
        ),
        now=now,
    )
