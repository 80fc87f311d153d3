"""Korean first, English at run time: switching changes every visible text at once, without a restart, and
the desk remembers the choice in its local store (written by the one writer thread)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from complaints_desk.gui.app import Client
from complaints_desk.gui.language import Language
from complaints_desk.gui.queue_model import Column
from complaints_desk.store import desk_settings
from complaints_desk.store.db import make_engine, make_sessionmaker
from complaints_desk.store.queue import Queue

from .conftest import GuiThreadGuard, open_client, settle


def header(client: Client, column: Column) -> str:
    return str(client.window.model.headerData(column, Qt.Orientation.Horizontal))


def test_the_client_starts_in_korean_whatever_the_desktop_locale(client: Client) -> None:
    window = client.window
    assert window.windowTitle().startswith("민원데스크")
    assert [window.ui.queueList.item(r).text() for r in range(7)] == [
        "내 민원", "우리 부서", "전체", "등록 대기", "1일 내 기한", "기한 경과", "동기화 거부",
    ]  # fmt: skip
    assert header(client, Column.RECEIPT) == "접수번호" and header(client, Column.REMAINING) == "남은 시간"
    assert window.ui.menuFile.title() == "파일(&F)"
    assert window.ui.searchEdit.placeholderText().startswith("제목, 내용")


def test_english_at_run_time_and_back(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.DEPARTMENT)
    settle(client, qtbot)
    window.ui.queueTable.selectRow(0)
    settle(client, qtbot)
    status_ko = window.model.data(window.model.index(0, Column.STATUS))
    window.ui.actionEnglish.trigger()
    settle(client, qtbot)
    assert window.windowTitle().startswith("Complaints Desk")
    assert window.ui.queueList.item(0).text() == "My cases"
    assert window.ui.queueTitle.text().startswith("My department")
    assert header(client, Column.RECEIPT) == "Receipt no."
    assert window.ui.casePanel.ui.receiptNoLabel.text() == "Receipt no."
    assert window.ui.casePanel.ui.timelineGroup.title() == "History"
    status_en = window.model.data(window.model.index(0, Column.STATUS))
    assert status_en != status_ko and status_en.isascii()
    received = window.model.data(window.model.index(0, Column.RECEIVED))
    assert "(" in received and received[:4].isdigit() and "-" in received  # 2026-11-22 (Sun) 14:05
    assert "cases" in window.ui.queueCount.text()
    assert window.ui.actionEnglish.isChecked() and not window.ui.actionKorean.isChecked()
    window.ui.actionKorean.trigger()
    settle(client, qtbot)
    assert window.ui.queueList.item(0).text() == "내 민원"
    assert window.model.data(window.model.index(0, Column.STATUS)) == status_ko
    assert window.ui.casePanel.ui.receiptNoLabel.text() == "접수번호"


def test_the_choice_of_language_is_kept_in_the_local_store(
    fresh_store: Path, guard: GuiThreadGuard, qtbot: Any
) -> None:
    client = open_client(fresh_store, guard, qtbot)
    client.window.set_language(Language.ENGLISH)
    settle(client, qtbot)
    client.close()
    engine = make_engine(f"sqlite:///{fresh_store}", read_only=True)
    with make_sessionmaker(engine)() as session:
        assert desk_settings.recall(session, "ui.language") == "en"
    engine.dispose()
    again = open_client(fresh_store, guard, qtbot)
    try:
        assert again.window.ui.queueList.item(0).text() == "My cases"
    finally:
        again.window.set_language(Language.KOREAN)
        settle(again, qtbot)
        again.close()
    assert guard.offences == []
