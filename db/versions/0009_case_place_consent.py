"""case place, privacy consent and who answered: what the phone and counter intake take in

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Server defaults: existing rows (a million on a busy desk) get the value their replay gives, without a
    # rewrite of the table on SQLite (ADD COLUMN with a constant default is a change of the schema only).
    op.add_column("cases", sa.Column("answered_by", sa.String(length=36), nullable=True))
    op.add_column("cases", sa.Column("place", sa.String(length=300), nullable=False, server_default=""))
    op.add_column(
        "cases", sa.Column("privacy_consent", sa.Boolean(), nullable=False, server_default=sa.text("false"))
    )


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("privacy_consent")
        batch.drop_column("place")
        batch.drop_column("answered_by")
