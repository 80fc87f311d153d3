"""call log: warning announcements and calls ended after them (staff protection), and the desktop's queue of
records not yet sent

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaints_desk.store.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    moment = complaints_desk.store.types.UTCDateTime(timezone=True)
    op.create_table(
        "call_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("occurred_at", moment, nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("caller_phone", sa.String(length=40), nullable=False),
        sa.Column("warning", sa.String(length=12), nullable=True),
        sa.Column("reason", sa.String(length=16), nullable=True),
        sa.Column("recorded_at", moment, nullable=False),
        sa.Column("sent_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_log")),
    )
    op.create_index("ix_call_log_call", "call_log", ["call_id", "occurred_at"], unique=False)
    op.create_index("ix_call_log_occurred", "call_log", ["occurred_at"], unique=False)
    op.create_table(
        "call_log_unsent",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("queued_at", moment, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("refused_code", sa.String(length=40), nullable=True),
        sa.Column("refused_ko", sa.Text(), nullable=True),
        sa.Column("refused_en", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_call_log_unsent")),
    )


def downgrade() -> None:
    op.drop_table("call_log_unsent")
    op.drop_index("ix_call_log_occurred", table_name="call_log")
    op.drop_index("ix_call_log_call", table_name="call_log")
    op.drop_table("call_log")
