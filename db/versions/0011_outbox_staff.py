"""sync_outbox.staff_id (whose change each row is: pushed with that person's token) and
offline_credentials.signed_out_at (a person who signed out with changes still waiting)

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

import complaints_desk.store.types

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offline_credentials") as batch:
        batch.add_column(
            sa.Column("signed_out_at", complaints_desk.store.types.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("sync_outbox") as batch:
        batch.add_column(sa.Column("staff_id", sa.String(length=36), nullable=True))
        batch.create_index("ix_sync_outbox_state_staff_position", ["state", "staff_id", "position"], unique=False)
    # rows already waiting belong to their event's actor
    connection = op.get_bind()
    outbox = sa.table("sync_outbox", sa.column("position"), sa.column("event"), sa.column("staff_id"))
    for position, event in connection.execute(sa.select(outbox.c.position, outbox.c.event)).all():
        data = json.loads(event) if isinstance(event, str) else event
        actor = data.get("actor_id") if isinstance(data, dict) else None
        if actor:
            connection.execute(outbox.update().where(outbox.c.position == position).values(staff_id=actor))


def downgrade() -> None:
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_index("ix_sync_outbox_state_staff_position")
        batch.drop_column("staff_id")
    with op.batch_alter_table("offline_credentials") as batch:
        batch.drop_column("signed_out_at")
