"""cti calls: telephone calls as the PBX reports them (ringing, answered by whom, missed, ended)

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import complaints_desk.store.types

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    moment = complaints_desk.store.types.UTCDateTime(timezone=True)
    json = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
    op.create_table(
        "cti_calls",
        sa.Column("call_id", sa.String(length=250), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("caller", sa.String(length=40), nullable=False),
        sa.Column("called", sa.String(length=40), nullable=False),
        sa.Column("queue", sa.String(length=100), nullable=False),
        sa.Column("users", json, nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("started_at", moment, nullable=False),
        sa.Column("answered_at", moment, nullable=True),
        sa.Column("ended_at", moment, nullable=True),
        sa.Column("answered_by", sa.String(length=36), nullable=True),
        sa.Column("answering_number", sa.String(length=100), nullable=False),
        sa.Column("cause", sa.String(length=40), nullable=False),
        sa.Column("changed_at", moment, nullable=False),
        sa.PrimaryKeyConstraint("call_id", name=op.f("pk_cti_calls")),
    )
    op.create_index(op.f("ix_cti_calls_answered_by"), "cti_calls", ["answered_by"], unique=False)
    op.create_index(op.f("ix_cti_calls_changed_at"), "cti_calls", ["changed_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_cti_calls_changed_at"), table_name="cti_calls")
    op.drop_index(op.f("ix_cti_calls_answered_by"), table_name="cti_calls")
    op.drop_table("cti_calls")
