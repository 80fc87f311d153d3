"""Write a new Alembic revision by comparing the models with an empty database migrated to head.

.venv/bin/python scripts/make_migration.py "add something" [--rev-id 0002]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

# The checkout this script is in, before any installed copy of the package: run from a second worktree it
# must write the revision into that worktree's db/, not into the checkout the virtualenv was installed from.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alembic import command
from alembic.config import Config

from complaints_desk.store.db import MIGRATIONS_DIR, make_engine, migrate, sqlite_url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("message")
    parser.add_argument("--rev-id")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(sqlite_url(Path(tmp) / "scratch.sqlite3"))
        migrate(engine)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message=args.message, autogenerate=True, rev_id=args.rev_id)


if __name__ == "__main__":
    main()
