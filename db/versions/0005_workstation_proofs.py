"""workstation proofs: the hash of each workstation's enrolment secret, and who enrolled it when

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 08:24:00.086972
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql  # noqa: F401  (used by rendered JSONB variants)

import complaints_desk.store.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workstation_keys",
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("proof_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("created_at", complaints_desk.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("rotated_by", sa.String(length=36), nullable=True),
        sa.Column("rotated_at", complaints_desk.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_workstation_keys_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("station_id", name=op.f("pk_workstation_keys")),
    )
    with op.batch_alter_table("workstation_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workstation_keys_created_by"), ["created_by"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("workstation_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workstation_keys_created_by"))
    op.drop_table("workstation_keys")
