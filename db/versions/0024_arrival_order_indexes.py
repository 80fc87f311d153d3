"""an index that lists the filings to register in arrival (rowid) order, for a search of a common word inside
that queue (store.queue_plan.Merge walks it beside the word's matches)

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

# As in complaints_desk.store.models (copied, so this revision keeps meaning what it meant when written).
UNREGISTERED_CONDITION = "status = 'received' AND registration_due_at IS NOT NULL"


def upgrade() -> None:
    where = sa.text(UNREGISTERED_CONDITION)
    op.create_index(
        "ix_cases_unregistered_arrival",
        "cases",
        ["status"],
        unique=False,
        sqlite_where=where,
        postgresql_where=where,
    )


def downgrade() -> None:
    op.drop_index("ix_cases_unregistered_arrival", table_name="cases")
