"""The desktop client under pytest-qt: one QApplication for the session (the client's own, with its fonts and
style), offscreen; a demo store built once and copied fresh for each test; and a guard that fails a test in
which any database statement ran on the GUI thread (the GUI thread only shows and asks).

Workers are real threads; tests wait for their results with qtbot (waitSignal, waitUntil on the task
helper's busy flag), so they are deterministic without running tasks on the GUI thread, which the guard
would refuse.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from complaints_desk.gui.app import Client, application, start
from complaints_desk.store.db import make_engine, migrate
from complaints_desk.store.demo import build_demo
from tests.integration.conftest import REPO, LiveServer

DEMO_CASES = 2500  # 25 windows of the table: enough to prove it never holds them all
# The demo as of a fixed moment: which of its cases are in which status depends on the day it is built for, and a
# demo this small built on 2026-12-06 had no routed case of the road department (the tests that act on one failed
# that day). As of this moment it has each case the tests look for.
DEMO_NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # Tue 11:00 in Seoul
USER = "road1"


@pytest.fixture(scope="session")
def qapp() -> Any:
    return application()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gui-demo") / "client.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    build_demo(engine, cases=DEMO_CASES, seed=5, workers=1, now=DEMO_NOW)
    engine.dispose()  # the last connection to close folds the WAL into the file: one file to copy
    return path


class GuiThreadGuard:
    """Records every statement an engine runs on the GUI thread."""

    def __init__(self) -> None:
        self.offences: list[str] = []
        self._engines: list[Engine] = []

    def watch(self, engine: Engine) -> None:
        event.listen(engine, "before_cursor_execute", self._check)
        self._engines.append(engine)

    def _check(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            self.offences.append(statement)

    def stop(self) -> None:
        for engine in self._engines:
            event.remove(engine, "before_cursor_execute", self._check)
        self._engines = []


@pytest.fixture
def fresh_store(demo_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "client.sqlite3"
    shutil.copyfile(demo_store, path)
    return path


@pytest.fixture
def guard() -> Iterator[GuiThreadGuard]:
    watching = GuiThreadGuard()
    yield watching
    watching.stop()


def open_client(path: Path, guard: GuiThreadGuard, qtbot: Any, *, user: str | None = USER) -> Client:
    client = start(path, username=user)
    guard.watch(client.store.reader_engine)
    guard.watch(client.store.writer_engine)
    qtbot.addWidget(client.window)
    client.window.resize(1600, 900)
    client.window.show()
    settle(client, qtbot)
    return client


def settle(client: Client, qtbot: Any, timeout: int = 20_000) -> None:
    """Wait until the reader pool and the writer have nothing left to do (each result may start another)."""
    for _ in range(3):
        qtbot.waitUntil(lambda: not client.tasks.busy, timeout=timeout)
        qtbot.wait(5)


@pytest.fixture
def client(fresh_store: Path, guard: GuiThreadGuard, qtbot: Any) -> Iterator[Client]:
    opened = open_client(fresh_store, guard, qtbot)
    yield opened
    opened.close()
    assert guard.offences == [], f"database statements on the GUI thread: {guard.offences[:3]}"


# --- a desk that signs in and syncs against a real server process (tests/gui/desk_support.py) --------------


DEMO_START = (sys.executable, "-m", "complaints_desk.cli")


@pytest.fixture(scope="session")
def demo_office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The demo server's store and one username per role (admin, agent, clerk, officer, supervisor)."""
    folder = tmp_path_factory.mktemp("demo-office")
    done = subprocess.run(
        [*DEMO_START, "--data-dir", str(folder), "start", "--no-serve", "--demo-cases", "40"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    accounts = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if line.startswith("  ") and len(parts) == 2:
            accounts[parts[0]] = parts[1]
    return folder / "server.sqlite3", accounts


@pytest.fixture
def accounts(demo_office: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return demo_office[1]


@pytest.fixture
def demo_server(demo_office: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[LiveServer]:
    database = tmp_path / "server.sqlite3"
    shutil.copyfile(demo_office[0], database)
    server = LiveServer(f"sqlite:///{database}", tmp_path / "server.log")
    server.start()
    yield server
    server.kill()


@pytest.fixture
def open_desk(
    demo_server: LiveServer, tmp_path: Path, guard: GuiThreadGuard, qtbot: Any
) -> Iterator[Callable[..., Client]]:
    """open_desk(name="desk") → a client over tmp_path/name/client.sqlite3 against the demo server."""
    opened: list[Client] = []

    def open_(name: str = "desk") -> Client:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        client = start(folder / "client.sqlite3", server_url=demo_server.base_url, backoff_cap=0.5)
        guard.watch(client.store.reader_engine)
        guard.watch(client.store.writer_engine)
        qtbot.addWidget(client.window)
        client.window.resize(1400, 860)
        client.window.show()
        settle(client, qtbot)
        opened.append(client)
        return client

    yield open_
    for client in opened:
        client.close()
    assert guard.offences == [], f"database statements on the GUI thread: {guard.offences[:3]}"
