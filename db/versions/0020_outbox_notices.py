"""sync_outbox.notice_path, notice_saved_at, notice_printed_at: the notice a local change made (saved as a
file, printed), so that a change the server refuses says its notice must be withdrawn

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaints_desk.store.types

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_outbox") as batch:
        batch.add_column(sa.Column("notice_path", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("notice_saved_at", complaints_desk.store.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(
            sa.Column("notice_printed_at", complaints_desk.store.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_column("notice_printed_at")
        batch.drop_column("notice_saved_at")
        batch.drop_column("notice_path")
