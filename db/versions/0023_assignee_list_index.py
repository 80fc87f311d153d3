"""an index that lists an officer's cases in arrival (rowid) order, for a search of a common word inside the
officer's queue (store.queue_plan.Merge walks it beside the word's matches)

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_assignee_list", "cases", ["assignee_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cases_assignee_list", table_name="cases")
