"""online channels: how to reach a case's citizen, platform event ids taken in, messenger conversations, and
the outbox of messages to citizens

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import complaints_desk.store.types

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    moment = complaints_desk.store.types.UTCDateTime(timezone=True)
    json = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
    op.create_table(
        "channel_contacts",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("last_inbound_at", moment, nullable=True),
        sa.Column("created_at", moment, nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_channel_contacts")),
    )
    op.create_table(
        "channel_conversations",
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("user_key", sa.String(length=200), nullable=False),
        sa.Column("state", json, nullable=False),
        sa.Column("last_inbound_at", moment, nullable=False),
        sa.Column("updated_at", moment, nullable=False),
        sa.PrimaryKeyConstraint("platform", "user_key", name=op.f("pk_channel_conversations")),
    )
    op.create_table(
        "channel_inbound",
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("received_at", moment, nullable=False),
        sa.PrimaryKeyConstraint("platform", "event_id", name=op.f("pk_channel_inbound")),
    )
    op.create_table(
        "outbound_messages",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("body", json, nullable=False),
        sa.Column("source_event_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", moment, nullable=False),
        sa.Column("claimed_until", moment, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", moment, nullable=False),
        sa.Column("sent_at", moment, nullable=True),
        sa.Column("replaces_id", sa.String(length=36), nullable=True),
        sa.Column("order_key", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_messages")),
    )
    op.create_index("ix_outbound_due", "outbound_messages", ["status", "next_attempt_at"], unique=False)
    op.create_index(op.f("ix_outbound_messages_case_id"), "outbound_messages", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_outbound_messages_case_id"), table_name="outbound_messages")
    op.drop_index("ix_outbound_due", table_name="outbound_messages")
    op.drop_table("outbound_messages")
    op.drop_table("channel_inbound")
    op.drop_table("channel_conversations")
    op.drop_table("channel_contacts")
