"""The Alembic history builds exactly the tables the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from complaints_desk.store.db import make_engine, migrate
from complaints_desk.store.schema import metadata


def test_migrations_and_models_agree(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    # The search index is not a model (FTS5 / tsvector), so only differences touching models count.
    assert [d for d in differences if "case_fts" not in str(d) and "case_search" not in str(d)] == []


def test_migrating_twice_changes_nothing(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    migrate(engine)
    engine.dispose()
