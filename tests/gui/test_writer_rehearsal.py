"""The writer's rehearsal of the intake (gui.tasks.Tasks.rehearse with store.local.desk_intake.rehearse_intake,
run once after the desk's first window): it leaves nothing in the store, the next receipt number is the one
the desk would have given anyway, and a clerk's write that arrives while it runs stops it and is saved."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.roles import Actor, Role
from complaints_desk.gui.app import Client, open_store
from complaints_desk.gui.tasks import Tasks
from complaints_desk.store import desk_settings
from complaints_desk.store.intake import Intake
from complaints_desk.store.local.desk_intake import rehearse_intake
from complaints_desk.store.local.outbox import record_local_intake
from tests.gui.conftest import settle


def _what_the_store_holds(path: Path) -> tuple[Any, ...]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return (
            db.execute("SELECT count(*) FROM cases").fetchone(),
            db.execute("SELECT count(*) FROM events").fetchone(),
            db.execute("SELECT count(*) FROM sync_outbox").fetchone(),
            db.execute("SELECT code, last_receipt_day, last_receipt_seq FROM stations ORDER BY code").fetchall(),
        )


def test_the_rehearsal_takes_intakes_and_leaves_nothing_of_them(client: Client, qtbot: Any) -> None:
    path = client.store.path
    before = _what_the_store_holds(path)
    taken: list[int] = []
    client.tasks.rehearse(lambda session: taken.append(rehearse_intake(session)))
    qtbot.waitUntil(lambda: bool(taken), timeout=20_000)
    settle(client, qtbot)
    assert taken == [3]  # it did take them: the counter's, the one answered at once, the clock range's
    assert _what_the_store_holds(path) == before

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        code, seq = db.execute("SELECT code, last_receipt_seq FROM stations ORDER BY code LIMIT 1").fetchone()
        clerk = db.execute("SELECT id, name FROM staff WHERE role = 'clerk' LIMIT 1").fetchone()
    states: list[Any] = []
    intake = Intake(Kind.GRIEVANCE, Channel.PHONE, "가로등 고장", "한빛로 12 앞 가로등이 꺼져 있습니다.", "홍길동")
    actor = Actor(clerk[0], Role.CLERK, None, clerk[1])
    client.tasks.write(lambda s: record_local_intake(s, intake, actor=actor, station_code=code), states.append)
    qtbot.waitUntil(lambda: bool(states), timeout=20_000)
    number = states[0].receipt_no
    assert number.split("-")[1] == code
    assert int(number.split("-")[2]) in (seq + 1, 1)  # the counter goes on from where it was (or a new day)


def test_a_clerks_write_stops_a_rehearsal_and_is_saved(tmp_path: Path, qtbot: Any) -> None:
    store = open_store(tmp_path / "client.sqlite3")
    tasks = Tasks(store.readers, store.writer)
    started = threading.Event()
    rehearsed_to_the_end: list[bool] = []

    def long_rehearsal(session: Any) -> None:
        desk_settings.remember(session, "rehearsed", "yes")
        started.set()
        until = time.monotonic() + 60  # far longer than the test waits for the clerk's write
        while time.monotonic() < until:
            desk_settings.recall(session, "rehearsed")  # a statement: where it gives way
            time.sleep(0.002)
        rehearsed_to_the_end.append(True)

    tasks.rehearse(long_rehearsal)
    assert started.wait(10)
    tasks.write(lambda s: desk_settings.remember(s, "clerk", "saved"))
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    recalled: list[tuple[str | None, str | None]] = []
    tasks.read(lambda s: (desk_settings.recall(s, "clerk"), desk_settings.recall(s, "rehearsed")), recalled.append)
    qtbot.waitUntil(lambda: bool(recalled), timeout=10_000)
    assert recalled == [("saved", None)]
    assert rehearsed_to_the_end == []
    tasks.close()
    store.close()
