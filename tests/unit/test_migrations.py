"""The Alembic history builds exactly the tables the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

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


def test_the_quick_head_check_reads_the_heads_alembic_reads() -> None:
    # A desktop start skips Alembic when the store is at these heads: they must be Alembic's own.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from complaints_desk.store.db import MIGRATIONS_DIR, head_revisions

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert head_revisions() == set(ScriptDirectory.from_config(config).get_heads())


def test_only_a_store_at_the_heads_skips_alembic(tmp_path: Path) -> None:
    from complaints_desk.store.db import _up_to_date

    fresh = make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert not _up_to_date(fresh)  # no version table yet
    fresh.dispose()
    engine = make_engine(f"sqlite:///{tmp_path / 'client.sqlite3'}")
    migrate(engine)
    assert _up_to_date(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    assert not _up_to_date(engine)  # behind: migrate() runs Alembic
    engine.dispose()
