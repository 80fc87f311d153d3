"""The GUI thread only shows and asks: the guard the other tests rely on does catch a statement run on it,
reads run on the pool, and writes run on the one writer thread, in order, with errors handed back."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from complaints_desk.gui.app import Client
from complaints_desk.store.models import Meta

from .conftest import GuiThreadGuard, settle


def test_the_guard_catches_a_query_on_the_gui_thread(client: Client, guard: GuiThreadGuard) -> None:
    with client.store.readers() as session:
        session.execute(text("SELECT 1"))
    assert "SELECT 1" in guard.offences
    guard.offences.clear()  # the client fixture's own check must not fail for this deliberate one


def test_reads_run_on_the_pool_and_writes_on_one_writer_thread_in_order(client: Client, qtbot: Any) -> None:
    threads: list[str] = []
    results: list[object] = []

    def write(n: int) -> Any:
        def op(session: Session) -> int:
            threads.append(threading.current_thread().name)
            session.merge(Meta(key="test.order", value=str(n)))
            return n

        return op

    for n in range(5):
        client.tasks.write(write(n), results.append)
    settle(client, qtbot)
    assert results == [0, 1, 2, 3, 4] and set(threads) == {"database-writer"}
    client.tasks.read(lambda s: s.get(Meta, "test.order").value, results.append)
    settle(client, qtbot)
    assert results[5] == "4"  # committed, in the order given


def test_a_failed_write_is_rolled_back_and_reported(client: Client, qtbot: Any) -> None:
    failures: list[BaseException] = []

    def bad(session: Session) -> None:
        session.merge(Meta(key="test.rolled-back", value="x"))
        session.flush()
        raise ValueError("refused")

    client.tasks.write(bad, failed=failures.append)
    settle(client, qtbot)
    assert [str(f) for f in failures] == ["refused"]
    seen: list[object] = []
    client.tasks.read(lambda s: s.get(Meta, "test.rolled-back"), seen.append)
    settle(client, qtbot)
    assert seen == [None]


def test_readers_cannot_write(client: Client, qtbot: Any) -> None:
    failures: list[BaseException] = []
    client.tasks.read(lambda s: s.execute(text("DELETE FROM meta")), lambda _r: None, failures.append)
    settle(client, qtbot)
    assert len(failures) == 1 and "readonly" in str(failures[0]).replace(" ", "").lower()


def test_an_unhandled_failure_reaches_the_status_bar(client: Client, qtbot: Any) -> None:
    def broken(_session: Session) -> None:
        raise RuntimeError("disk gone")

    client.tasks.read(broken, lambda _r: None)
    settle(client, qtbot)
    assert "disk gone" in client.window.statusBar().currentMessage()


@pytest.fixture(autouse=True)
def _quiet_task_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("CRITICAL", logger="complaints_desk.gui.tasks")


def test_results_that_arrive_after_the_desk_closed_reach_nothing(client: Client, qtbot: Any) -> None:
    # A reader's or the writer's result is delivered through the GUI thread's event loop: one that finishes
    # while the desk closes would arrive after its screens (and their Qt objects) are gone, and is dropped.
    delivered: list[object] = []
    client.tasks.read(lambda _s: "read", delivered.append)
    client.tasks.write(lambda _s: "written", delivered.append)
    client.tasks.close()  # (as the desk closes) waits for both: their results are queued, not yet delivered
    qtbot.wait(100)
    assert delivered == []
