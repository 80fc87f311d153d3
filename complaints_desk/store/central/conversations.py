"""A messenger conversation's state between messages, and the platform event ids already taken in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .channel_tables import ChannelConversation, ChannelInbound


def first_delivery(session: Session, platform: str, event_id: str, *, now: datetime | None = None) -> bool:
    """Note a platform's event id; False when it was taken in before (the platform delivered it again)."""
    values = {"platform": platform, "event_id": event_id[:200], "received_at": now or datetime.now(UTC)}
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # RETURNING, not rowcount: on PostgreSQL (psycopg) the rowcount of this INSERT reads -1 either way.
    taken = session.execute(
        insert(ChannelInbound).values(**values).on_conflict_do_nothing().returning(ChannelInbound.event_id)
    ).first()
    return taken is not None


def load_state(session: Session, platform: str, user_key: str) -> dict[str, Any] | None:
    """The conversation so far, locked until the transaction ends on PostgreSQL (two messages of one
    citizen taken by two processes at once follow each other)."""
    statement = select(ChannelConversation).where(
        ChannelConversation.platform == platform, ChannelConversation.user_key == user_key
    )
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    row = session.execute(statement).scalar_one_or_none()
    return None if row is None else dict(row.state)


def load_states(session: Session, platform: str, user_keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Several citizens' conversations in one statement (the inbox worker's batch), locked in the order of
    their keys on PostgreSQL; a citizen without one is missing from the answer."""
    if not user_keys:
        return {}
    statement = (
        select(ChannelConversation)
        .where(ChannelConversation.platform == platform, ChannelConversation.user_key.in_(list(user_keys)))
        .order_by(ChannelConversation.user_key)
    )
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    return {row.user_key: dict(row.state) for row in session.execute(statement).scalars()}


def save_state(
    session: Session,
    platform: str,
    user_key: str,
    state: Mapping[str, Any],
    *,
    now: datetime | None = None,
    existing: bool | None = None,
    flush: bool = True,
) -> None:
    """`existing`: whether the caller already knows the row is there (loaded in this session) or not, which
    spares a look; `flush=False` leaves the write to the session's next flush (a batch writes together)."""
    now = now or datetime.now(UTC)
    row = session.get(ChannelConversation, (platform, user_key)) if existing is not False else None
    if row is None:
        session.add(
            ChannelConversation(
                platform=platform, user_key=user_key, state=dict(state), last_inbound_at=now, updated_at=now
            )
        )
    else:
        row.state, row.last_inbound_at, row.updated_at = dict(state), now, now
    if flush:
        session.flush()
