"""queue indexes: each desktop queue's filter followed by each sortable column

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# As in complaints_desk.store.models (copied, so this revision keeps meaning what it meant when written).
OPEN_CONDITION = "status IN ('received', 'routed', 'in_progress', 'returned', 'under_review')"
UNREGISTERED_CONDITION = "status = 'received' AND registration_due_at IS NOT NULL"
SORTED = (("received", "received_at"), ("due", "due_at"), ("receipt", "receipt_no"))


def _indexes() -> list[tuple[str, list[str], str | None]]:
    made: list[tuple[str, list[str], str | None]] = []
    for name, column in SORTED:
        made.append((f"ix_cases_assignee_{name}", ["assignee_id", column], None))
        made.append((f"ix_cases_dept_{name}", ["department_code", column], None))
        made.append((f"ix_cases_open_{name}", [column], OPEN_CONDITION))
        made.append((f"ix_cases_unregistered_{name}", [column], UNREGISTERED_CONDITION))
    return made


def upgrade() -> None:
    for name, columns, where in _indexes():
        partial = {} if where is None else {"sqlite_where": sa.text(where), "postgresql_where": sa.text(where)}
        op.create_index(name, "cases", columns, unique=False, **partial)


def downgrade() -> None:
    for name, _columns, _where in reversed(_indexes()):
        op.drop_index(name, table_name="cases")
