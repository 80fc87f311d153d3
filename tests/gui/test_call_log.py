"""The call-log box the phone intake form carries: 경고 안내 기록 (F8) and 통화 종료 기록 (Ctrl+F8), enabled in
the order the rule allows; each press is saved on the writer thread into the desk's call log and queued for
the server; a new call starts over; the box speaks Korean and follows a switch to English."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

from complaints_desk.domain.calls import CallRecordKind, WarningLevel, WarningReason
from complaints_desk.domain.ids import new_id
from complaints_desk.gui.app import LocalStore, open_store
from complaints_desk.gui.call_log import CallLogBox
from complaints_desk.gui.language import Language, Languages
from complaints_desk.gui.tasks import Tasks
from tests.gui.conftest import GuiThreadGuard


@pytest.fixture
def desk(tmp_path: Path, guard: GuiThreadGuard, qapp: Any) -> Iterator[tuple[LocalStore, Tasks]]:
    store = open_store(tmp_path / "client.sqlite3")
    guard.watch(store.reader_engine)
    guard.watch(store.writer_engine)
    tasks = Tasks(store.readers, store.writer)
    Languages().use(Language.KOREAN)  # as the client starts
    yield store, tasks
    tasks.close()
    store.close()
    assert guard.offences == [], f"database statements on the GUI thread: {guard.offences[:3]}"


def _box(tasks: Tasks, qtbot: Any) -> tuple[QMainWindow, CallLogBox]:
    window = QMainWindow()
    box = CallLogBox()
    window.setCentralWidget(box)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)  # shortcuts need it
    box.attach(tasks)
    return window, box


def _rows(store: LocalStore) -> list[tuple[Any, ...]]:
    with sqlite3.connect(store.path) as db:
        return db.execute(
            "SELECT c.kind, c.warning, c.reason, c.caller_phone, u.record_id IS NOT NULL FROM call_log c"
            " LEFT JOIN call_log_unsent u ON u.record_id = c.id ORDER BY c.occurred_at"
        ).fetchall()


def test_the_buttons_follow_the_rule_and_each_press_is_kept_and_queued(
    desk: tuple[LocalStore, Tasks], qtbot: Any
) -> None:
    store, tasks = desk
    window, box = _box(tasks, qtbot)
    warn, end = box.ui.warnButton, box.ui.endButton
    assert not warn.isEnabled() and not end.isEnabled()  # no call yet
    assert box.ui.stateLabel.text() == "진행 중인 통화가 없습니다."
    box.start_call("01022223333")
    assert not warn.isEnabled()  # nobody signed in: nobody to record it for
    box.set_agent(new_id())
    assert warn.isEnabled() and not end.isEnabled()
    assert warn.text() == "경고 안내 기록 (F8)" and end.text() == "통화 종료 기록 (Ctrl+F8)"
    box.ui.reasonBox.setCurrentIndex(1)  # 협박

    QTest.keyClick(window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: len(box.records) == 1, timeout=10_000)
    assert box.records[0].warning is WarningLevel.FIRST and box.records[0].reason is WarningReason.THREATS
    assert end.isEnabled() and warn.text() == "2차 경고 안내 기록 (F8)"
    assert "1차 경고 안내를 기록했습니다" in box.ui.stateLabel.text()

    with qtbot.waitSignal(box.recorded, timeout=10_000) as ended:
        QTest.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert ended.args[0].kind is CallRecordKind.CALL_ENDED
    assert not warn.isEnabled() and not end.isEnabled()
    assert "경고 후 통화 종료" in box.ui.stateLabel.text()
    assert _rows(store) == [
        ("warning_announced", "first", "threats", "010-2222-3333", 1),
        ("call_ended_after_warning", None, None, "010-2222-3333", 1),
    ]

    box.start_call("")  # the next call starts over
    assert warn.isEnabled() and not end.isEnabled() and warn.text() == "경고 안내 기록 (F8)"
    QTest.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)  # end first: nothing happens
    qtbot.wait(100)
    assert len(_rows(store)) == 2


def test_a_refusal_is_shown_beside_the_buttons_and_nothing_is_kept(
    desk: tuple[LocalStore, Tasks], qtbot: Any
) -> None:
    store, tasks = desk
    _window, box = _box(tasks, qtbot)
    box.set_agent(new_id())
    box.start_call()
    box.record_warning()
    qtbot.waitUntil(lambda: len(box.records) == 1, timeout=10_000)
    box._records.clear()  # as if a second box on the same call had lost track: the store still refuses
    box.record_warning()
    qtbot.waitUntil(lambda: "이미 기록했습니다" in box.ui.stateLabel.text(), timeout=10_000)
    assert len(_rows(store)) == 1


def test_the_box_follows_the_language(desk: tuple[LocalStore, Tasks], qtbot: Any) -> None:
    _store, tasks = desk
    _window, box = _box(tasks, qtbot)
    languages = Languages()
    try:
        languages.use(Language.ENGLISH)
        qtbot.waitUntil(lambda: box.ui.warnButton.text() == "Record warning announced (F8)", timeout=5000)
        assert box.title() == "Ending an abusive call" and box.ui.reasonBox.itemText(2).startswith("Far past")
    finally:
        languages.use(Language.KOREAN)
    qtbot.waitUntil(lambda: box.title() == "폭언 통화 종료", timeout=5000)
    assert box.ui.reasonBox.itemText(0) == "폭언·욕설"
