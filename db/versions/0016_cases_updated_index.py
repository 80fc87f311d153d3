"""cases updated index: the cases changed since an instant, which the summary's backlog at its period's end
reads (store.reports.backlog); without it that is a scan of every case received before the instant

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_updated", "cases", ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cases_updated", table_name="cases")
