"""Dropping and remaking the indexes of cases and events around bulk work on SQLite: the demo build and the
desktop's catch-up pull drop them, load, and make them again. Indexes a cut-short catch-up left dropped are
recorded in `meta`, so that `db.migrate` can put them back before a schema change."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sqlalchemy import Connection

DEFERRED_INDEXES = "pull.deferred_indexes"  # meta: [[name, sql], ...] of indexes dropped for a catch-up


def drop_indexes(connection: sqlite3.Connection, *, unique: bool) -> list[tuple[str, str]]:
    """Drop the indexes of cases and events for a bulk load (the unique ones too if `unique`) and return each
    one's (name, SQL), so that create_missing_index makes it again and the schema ends identical."""
    query = (
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('cases', 'events')"
    )
    if not unique:
        query += " AND upper(sql) NOT LIKE 'CREATE UNIQUE%'"
    indexes = [(str(name), str(sql)) for name, sql in connection.execute(query + " ORDER BY name")]
    for name, _sql in indexes:
        connection.execute(f'DROP INDEX "{name}"')
    return indexes


def create_missing_index(connection: sqlite3.Connection, name: str, sql: str) -> None:
    """Make again an index drop_indexes dropped, unless it exists again meanwhile (a migration made it: keep
    that one)."""
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,))
    if exists.fetchone() is None:
        connection.execute(sql)


def read_meta_list(connection: sqlite3.Connection, key: str) -> list[list[Any]]:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return [] if row is None else list(json.loads(row[0]))


def write_meta_list(connection: sqlite3.Connection, key: str, value: list[list[Any]]) -> None:
    if value:
        connection.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )
    else:
        connection.execute("DELETE FROM meta WHERE key = ?", (key,))


def restore_deferred_indexes(connection: Connection) -> None:
    """Build at once every index a catch-up dropped and has not rebuilt yet (db.migrate calls this before a
    schema change). The search documents stay deferred: a migration does not depend on them."""
    if connection.dialect.name != "sqlite":
        return
    raw: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    if raw.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
        return  # a new store: nothing was ever deferred
    for name, sql in read_meta_list(raw, DEFERRED_INDEXES):
        create_missing_index(raw, name, sql)
    write_meta_list(raw, DEFERRED_INDEXES, [])
