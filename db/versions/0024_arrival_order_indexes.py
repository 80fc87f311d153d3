"""two indexes that list cases in arrival (rowid) order: the filings to register, for a search of a common word
inside that queue (store.queue_plan.Merge walks it beside the word's matches), and each department's cases, for
a search inside a department (each match is looked up in it instead of reading the match's row)

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
    op.create_index("ix_cases_dept_list", "cases", ["department_code"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cases_dept_list", table_name="cases")
    op.drop_index("ix_cases_unregistered_arrival", table_name="cases")
