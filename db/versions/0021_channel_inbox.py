"""the inbox: a messenger's verified message is written to channel_inbound before the webhook answers 200,
and the inbox worker takes it up (status, the message, its order, a lease, attempts); rows already there were
taken in synchronously and are done

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import complaints_desk.store.types

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

PENDING = "status = 'pending'"


def upgrade() -> None:
    moment = complaints_desk.store.types.UTCDateTime(timezone=True)
    json = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
    with op.batch_alter_table("channel_inbound") as batch:
        batch.add_column(sa.Column("status", sa.String(length=10), server_default="done", nullable=False))
        batch.add_column(sa.Column("user_key", sa.String(length=200), server_default="", nullable=False))
        batch.add_column(sa.Column("message", json, nullable=True))
        batch.add_column(sa.Column("order_key", sa.BigInteger(), server_default="0", nullable=False))
        batch.add_column(sa.Column("claim", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("claimed_until", moment, nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("last_error", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("processed_at", moment, nullable=True))
    op.create_index(
        "ix_channel_inbound_pending",
        "channel_inbound",
        ["platform", "user_key", "order_key"],
        unique=False,
        sqlite_where=sa.text(PENDING),
        postgresql_where=sa.text(PENDING),
    )


def downgrade() -> None:
    op.drop_index("ix_channel_inbound_pending", table_name="channel_inbound")
    with op.batch_alter_table("channel_inbound") as batch:
        for column in (
            "processed_at",
            "last_error",
            "attempts",
            "claimed_until",
            "claim",
            "order_key",
            "message",
            "user_key",
            "status",
        ):
            batch.drop_column(column)
