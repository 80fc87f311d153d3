"""server tables (tokens, sequence, audit)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaints_desk.store.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UTC_TIME = complaints_desk.store.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    counters = op.create_table(
        "server_counters",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_server_counters")),
    )
    # Start after any sequence numbers already written into the tables (a client database turned server).
    op.bulk_insert(counters, [{"name": "seq", "value": 0}])
    op.execute("UPDATE server_counters SET value = (SELECT COALESCE(MAX(seq), 0) FROM events) WHERE name = 'seq'")
    op.create_table(
        "auth_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("issued_at", UTC_TIME, nullable=False),
        sa.Column("expires_at", UTC_TIME, nullable=False),
        sa.Column("revoked_at", UTC_TIME, nullable=True),
        sa.Column("client_ip", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_auth_tokens_staff_id_staff")),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_auth_tokens")),
    )
    with op.batch_alter_table("auth_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auth_tokens_staff_id"), ["staff_id"], unique=False)
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", UTC_TIME, nullable=False),
        sa.Column("locked_until", UTC_TIME, nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_failures")),
    )
    op.create_table(
        "push_outcomes",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("message_ko", sa.Text(), nullable=True),
        sa.Column("message_en", sa.Text(), nullable=True),
        sa.Column("pushed_by", sa.String(length=36), nullable=True),
        sa.Column("recorded_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_push_outcomes")),
    )
    op.create_table(
        "reference_tombstones",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("table_name", sa.String(length=30), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_reference_tombstones")),
    )


def downgrade() -> None:
    op.drop_table("reference_tombstones")
    op.drop_table("push_outcomes")
    op.drop_table("login_failures")
    with op.batch_alter_table("auth_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_tokens_staff_id"))
    op.drop_table("auth_tokens")
    op.drop_table("server_counters")
