"""client sync tables (outbox, cursor, credentials)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import complaints_desk.store.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UTC_DATETIME = complaints_desk.store.types.UTCDateTime(timezone=True)


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "offline_credentials",
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("verifier", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("department_code", sa.String(length=40), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("server_url", sa.String(length=300), nullable=False),
        sa.Column("online_login_at", UTC_DATETIME, nullable=False),
        sa.Column("failed_unlocks", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("staff_id", name=op.f("pk_offline_credentials")),
        sa.UniqueConstraint("username", name=op.f("uq_offline_credentials_username")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("position", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("event", _json(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("settled_at", UTC_DATETIME, nullable=True),
        sa.Column("applied_locally", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("message_ko", sa.Text(), nullable=True),
        sa.Column("message_en", sa.Text(), nullable=True),
        sa.Column("server_case", _json(), nullable=True),
        sa.Column("after_rejection_of", sa.String(length=36), nullable=True),
        sa.Column("acknowledged_at", UTC_DATETIME, nullable=True),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("event_id", name=op.f("uq_sync_outbox_event_id")),
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_sync_outbox_case_state", ["case_id", "state"], unique=False)
        batch_op.create_index("ix_sync_outbox_state_position", ["state", "position"], unique=False)
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.String(length=300), nullable=True),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.Column("workstation_id", sa.String(length=36), nullable=True),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("station_code", sa.String(length=3), nullable=True),
        sa.Column("station_name", sa.String(length=100), nullable=True),
        sa.Column("enrolled_at", UTC_DATETIME, nullable=True),
        sa.Column("last_push_at", UTC_DATETIME, nullable=True),
        sa.Column("last_pull_at", UTC_DATETIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    op.drop_table("sync_state")
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_outbox_state_position")
        batch_op.drop_index("ix_sync_outbox_case_state")
    op.drop_table("sync_outbox")
    op.drop_table("offline_credentials")
