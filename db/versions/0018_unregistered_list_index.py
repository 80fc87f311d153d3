"""an index that lists the filings to register by itself: their condition's columns, for a search inside
that queue (store.queue checks the search's matches against the queue's rowids)

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# As in complaints_desk.store.models (copied, so this revision keeps meaning what it meant when written).
UNREGISTERED_CONDITION = "status = 'received' AND registration_due_at IS NOT NULL"


def upgrade() -> None:
    where = sa.text(UNREGISTERED_CONDITION)
    op.create_index(
        "ix_cases_unregistered_list",
        "cases",
        ["status", "registration_due_at"],
        unique=False,
        sqlite_where=where,
        postgresql_where=where,
    )


def downgrade() -> None:
    op.drop_index("ix_cases_unregistered_list", table_name="cases")
