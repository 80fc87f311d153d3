"""Tables of the server's online channels (server/channels/): how to reach the citizen behind a case, the
platform events already taken in (a platform that delivers twice makes one case), the short conversations
a messenger filing goes through, and the outbox of messages going back to citizens.
(The client's database has them too, empty: one migration history for both.)"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..models import ID, Base
from ..types import JSONType, UTCDateTime


class ChannelContact(Base):
    """Where the answer to a case goes back: the platform the citizen used and their address on it (a chat id,
    a user id, a page-scoped id), with a phone number for the fallback by SMS or 알림톡."""

    __tablename__ = "channel_contacts"
    case_id: Mapped[str] = mapped_column(ID, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    # Meta lets a page answer only within 24 hours of the citizen's last message (server/channels/meta.py).
    last_inbound_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChannelInbound(Base):
    """A platform's own event id, once taken in: the same delivery again changes nothing. A messenger's
    message is also the inbox row the webhook wrote before answering 200 (store/central/inbox.py): `pending`
    with the verified message until the inbox worker (server/channels/inbox_worker.py) has put it through the
    conversation, then `done` (the message itself dropped: the case holds what was kept). Rows taken in
    synchronously (a web form, a Kakao skill request) are `done` from the start."""

    __tablename__ = "channel_inbound"
    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(10), default="done", server_default="done")  # pending|done|failed
    user_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    message: Mapped[dict[str, object] | None] = mapped_column(JSONType, nullable=True)
    # The order a citizen's messages are taken in (microseconds at the webhook, and the place in its delivery).
    order_key: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # A claim is a lease: another process takes the row again once `claimed_until` has passed (its worker
    # died); after a failed attempt it is the time of the next one.
    claim: Mapped[str | None] = mapped_column(String(36), nullable=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str] = mapped_column(Text, default="", server_default="")
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        # Only the pending rows: the inbox worker's claim reads these, and the done ones only grow.
        Index(
            "ix_channel_inbound_pending",
            "platform",
            "user_key",
            "order_key",
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
        # The messages the worker gave up on, for a person (`complaints-desk admin inbox`, /healthz's count):
        # few, and found without reading the done ones.
        Index(
            "ix_channel_inbound_failed",
            "received_at",
            sqlite_where=text("status = 'failed'"),
            postgresql_where=text("status = 'failed'"),
        ),
    )


class ChannelConversation(Base):
    """One citizen's conversation with a messenger channel: what has been collected so far
    (domain.conversation.Conversation as JSON), so that any server process can take the next message."""

    __tablename__ = "channel_conversations"
    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    user_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[dict[str, object]] = mapped_column(JSONType)
    last_inbound_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutboundMessage(Base):
    """A message to a citizen (a conversation's reply, a receipt number, an answer), written in the same
    transaction as what caused it and delivered by the outbox worker (server/channels/worker.py) with
    retries and backoff. On PostgreSQL several server processes share the work (rows claimed with
    FOR UPDATE SKIP LOCKED); `claimed_until` lets another process take a row whose worker died."""

    __tablename__ = "outbound_messages"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    case_id: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)
    platform: Mapped[str] = mapped_column(String(20))  # the sender: telegram, line, meta, sms, alimtalk, email
    address: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(20))  # conversation | receipt | answer | status
    body: Mapped[dict[str, object]] = mapped_column(JSONType)  # {"text": …, "buttons": […], …}
    source_event_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # A fallback (an SMS after Meta's window closed) points at the message it replaces.
    replaces_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    order_key: Mapped[int] = mapped_column(BigInteger, default=0)  # replies of one conversation in order
    # A text cut in several platform messages: how many of them the platform took (a retry sends the rest).
    pieces_sent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (Index("ix_outbound_due", "status", "next_attempt_at"),)


class CtiCall(Base):
    """One telephone call as the PBX reported it through the generic CTI webhook (server/channels/cti.py):
    ringing, answered (by whom), missed or ended. `changed_at` orders what a desktop has not seen yet."""

    __tablename__ = "cti_calls"
    call_id: Mapped[str] = mapped_column(String(250), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    caller: Mapped[str] = mapped_column(String(40))  # the citizen's number ("anonymous" when withheld)
    called: Mapped[str] = mapped_column(String(40))
    queue: Mapped[str] = mapped_column(String(100), default="")
    users: Mapped[list[str]] = mapped_column(JSONType, default=list)  # the PBX's names of the people rung
    state: Mapped[str] = mapped_column(String(10))  # ringing | answered | missed | ended
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answered_by: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)  # staff id
    answering_number: Mapped[str] = mapped_column(String(100), default="")
    cause: Mapped[str] = mapped_column(String(40), default="")
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class RateBucket(Base):
    """A token bucket of the citizens' web pages (store/central/rate_limits.py), one per purpose and client
    address ("lookup:203.0.113.7"): in the database, so that every server process behind the load balancer
    draws on the same bucket."""

    __tablename__ = "rate_buckets"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
