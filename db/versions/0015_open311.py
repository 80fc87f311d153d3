"""open311: the API keys the administrator issues (only their hashes) and what an Open311 client sent with
each request it filed

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import complaints_desk.store.types

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    moment = complaints_desk.store.types.UTCDateTime(timezone=True)
    json = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
    op.create_table(
        "open311_keys",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("key_prefix", sa.String(length=16), nullable=False),
        sa.Column("created_at", moment, nullable=False),
        sa.Column("revoked_at", moment, nullable=True),
        sa.Column("last_used_at", moment, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open311_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_open311_keys_key_hash")),
        sa.UniqueConstraint("name", name=op.f("uq_open311_keys_name")),
    )
    op.create_table(
        "open311_requests",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("token", sa.String(length=40), nullable=False),
        sa.Column("received_at", moment, nullable=False),
        sa.Column("service_code", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("address_string", sa.String(length=300), nullable=False),
        sa.Column("address_id", sa.String(length=100), nullable=False),
        sa.Column("zipcode", sa.String(length=10), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("long", sa.Float(), nullable=True),
        sa.Column("media_url", sa.String(length=500), nullable=False),
        sa.Column("disclosure", sa.String(length=20), nullable=False),
        sa.Column("attributes", json, nullable=False),
        sa.Column("api_key_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=100), nullable=False),
        sa.Column("account_id", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_open311_requests")),
        sa.UniqueConstraint("token", name=op.f("uq_open311_requests_token")),
    )
    op.create_index(op.f("ix_open311_requests_received_at"), "open311_requests", ["received_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_open311_requests_received_at"), table_name="open311_requests")
    op.drop_table("open311_requests")
    op.drop_table("open311_keys")
