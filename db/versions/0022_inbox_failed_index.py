"""the inbox's failed messages found by an index of their own (complaints-desk admin inbox, /healthz)

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

FAILED = "status = 'failed'"


def upgrade() -> None:
    op.create_index(
        "ix_channel_inbound_failed",
        "channel_inbound",
        ["received_at"],
        unique=False,
        sqlite_where=sa.text(FAILED),
        postgresql_where=sa.text(FAILED),
    )


def downgrade() -> None:
    op.drop_index("ix_channel_inbound_failed", table_name="channel_inbound")
