"""office settings: the issuing office (name, address, main phone, head's title, public status address)
as reference data that every desktop pulls

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_settings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("head_title", sa.String(length=100), nullable=False),
        sa.Column("status_url_base", sa.String(length=300), nullable=False),
        sa.Column("updated_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_settings")),
    )
    op.create_index(op.f("ix_office_settings_updated_seq"), "office_settings", ["updated_seq"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_office_settings_updated_seq"), table_name="office_settings")
    op.drop_table("office_settings")
