"""citizens' web pages: attachment bytes in the database (every server process serves what any took in),
and the rate-limit buckets of filings and status lookups per client address

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaints_desk.store.types

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    moment = complaints_desk.store.types.UTCDateTime(timezone=True)
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", moment, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blobs")),
    )
    op.create_table(
        "rate_buckets",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("updated_at", moment, nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_buckets")),
    )
    op.create_index(op.f("ix_rate_buckets_updated_at"), "rate_buckets", ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_rate_buckets_updated_at"), table_name="rate_buckets")
    op.drop_table("rate_buckets")
    op.drop_table("attachment_blobs")
