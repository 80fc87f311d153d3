"""Korean search index (bigram FTS5 on SQLite, tsvector on PostgreSQL); see complaints_desk/store/search.py

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from complaints_desk.store.search import create_index

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_index(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS case_search")
    else:
        op.execute("DROP TABLE IF EXISTS case_fts")
