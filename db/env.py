"""Alembic environment: one migration history for the client's SQLite and the server's SQLite/PostgreSQL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from complaints_desk.store.schema import metadata

config = context.config


def _ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """What autogenerate compares: the tables the models declare. The search index is an FTS5 virtual table
    (case_fts and its shadow tables, made by a migration in raw SQL): a draft must not propose dropping it."""
    return not (type_ == "table" and reflected and compare_to is None and (name or "").startswith("case_fts"))


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=metadata, render_as_batch=True, include_object=_ours
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///:memory:"
    with create_engine(url).connect() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True, include_object=_ours)
        with context.begin_transaction():
            context.run_migrations()


run()
