"""The stores and their folder are readable by the account that runs the program only (docs/operations.md)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from complaints_desk.store.db import make_engine, migrate, resolve_data_dir, sqlite_url

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The common default, under which files come out world-readable unless the program says otherwise."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def open_store(path: Path) -> None:
    engine = make_engine(sqlite_url(path))
    try:
        migrate(engine)
        with engine.connect() as connection:  # keep -wal and -shm in place while we look
            connection.execute(text("SELECT 1"))
            for suffix in ("", "-wal", "-shm"):
                side = path.with_name(path.name + suffix)
                assert side.exists(), side
                assert mode(side) == 0o600, (side, oct(mode(side)))
    finally:
        engine.dispose()


def test_a_new_data_folder_and_store_are_owner_only(tmp_path: Path) -> None:
    folder = resolve_data_dir(tmp_path / "data" / "complaints-desk")
    assert mode(folder) == 0o700
    open_store(folder / "server.sqlite3")


def test_an_existing_open_folder_and_store_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir(mode=0o755)
    store = folder / "server.sqlite3"
    open_store(store)
    for path in (folder, store):
        path.chmod(0o755 if path.is_dir() else 0o644)
    store.with_name(store.name + "-wal").touch(mode=0o644)
    assert mode(store) == 0o644
    assert mode(resolve_data_dir(folder)) == 0o700
    open_store(store)
