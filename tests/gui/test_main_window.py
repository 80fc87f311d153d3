"""The main window as a clerk uses it: the queues by keyboard, the Korean search, sorting by the headers, the
selected case, refreshing; always the rows the store has for that queue, read off the GUI thread."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from sqlalchemy import text

from complaints_desk.gui import formats
from complaints_desk.gui.app import Client
from complaints_desk.gui.formats import Urgency
from complaints_desk.gui.main_window import QUEUES
from complaints_desk.gui.queue_model import Column
from complaints_desk.store.db import make_engine, make_sessionmaker
from complaints_desk.store.queue import Queue, QueueQuery, SortColumn, queue_count, queue_window

from .conftest import GuiThreadGuard, open_client, settle


def expected(client: Client, query: QueueQuery, limit: int = 30) -> tuple[list[str], int]:
    """What the store says the queue holds (read here, on the test's own engine, not the client's)."""
    engine = make_engine(f"sqlite:///{client.store.path}", read_only=True)
    try:
        with make_sessionmaker(engine)() as session:
            rows = queue_window(session, query, limit=limit)
            return [r.receipt_no for r in rows], queue_count(session, query, cap=None).value
    finally:
        engine.dispose()


def shown(client: Client, limit: int = 30) -> list[str]:
    model = client.window.model
    return [model.data(model.index(row, Column.RECEIPT)) for row in range(min(limit, model.rowCount()))]


def test_each_queue_by_its_shortcut_shows_the_stores_rows_for_it(client: Client, qtbot: Any) -> None:
    window = client.window
    assert window.model.query.queue is Queue.MINE  # the officer signed in at this desk starts with their own
    for number, queue in enumerate(QUEUES, start=1):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        settle(client, qtbot)
        assert window.model.query.queue is queue
        assert window.ui.queueList.currentRow() == number - 1
        rows, count = expected(client, window.model.query)
        assert window.model.rowCount() == count, queue
        assert shown(client) == rows, queue
        assert window.ui.queueTitle.text().startswith(window.ui.queueList.item(number - 1).text())
    # the queues that name the viewer hold something in the demo, so the comparison above proved something
    for queue in (Queue.MINE, Queue.DEPARTMENT, Queue.ALL, Queue.OVERDUE):
        assert expected(client, QueueQuery(queue=queue, assignee_id=window.viewer.staff_id,
                                           department_code=window.viewer.department_code))[1] > 0  # fmt: skip


def test_the_korean_search_box_finds_what_the_store_finds(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.ALL)
    settle(client, qtbot)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.searchEdit.hasFocus()
    window.ui.searchEdit.insert("주차")  # as the Hangul input method commits it (QTest types ASCII only)
    QTest.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    settle(client, qtbot)
    rows, count = expected(client, window.model.query)
    assert window.model.query.search == "주차"
    assert 0 < count < expected(client, QueueQuery())[1]
    assert window.model.rowCount() == count and shown(client) == rows
    titles = [window.model.data(window.model.index(r, Column.TITLE)) for r in range(min(20, count))]
    assert any("주차" in t for t in titles)
    QTest.keyClick(window.ui.searchEdit, Qt.Key.Key_Escape)  # clears the search
    settle(client, qtbot)
    assert window.model.query.search == "" and window.model.rowCount() == expected(client, QueueQuery())[1]


def test_clicking_a_sortable_header_orders_the_queue_and_others_do_not(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.ALL)
    settle(client, qtbot)
    header = window.ui.queueTable.horizontalHeader()
    inside = QPoint(header.sectionViewportPosition(Column.RECEIPT) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    settle(client, qtbot)
    assert window.model.query.sort is SortColumn.RECEIPT and not window.model.query.descending
    receipts = shown(client)
    assert receipts == sorted(receipts) and receipts == expected(client, window.model.query)[0]
    assert header.sortIndicatorSection() == Column.RECEIPT
    window._header_clicked(Column.RECEIPT)  # again: the other way round
    settle(client, qtbot)
    assert window.model.query.descending and shown(client) == sorted(shown(client), reverse=True)
    window._header_clicked(Column.TITLE)  # no index orders by title: nothing changes
    settle(client, qtbot)
    assert window.model.query.sort is SortColumn.RECEIPT and header.sortIndicatorSection() == Column.RECEIPT
    window._header_clicked(Column.REMAINING)  # the deadline: soonest first
    settle(client, qtbot)
    assert window.model.query.sort is SortColumn.DUE and shown(client) == expected(client, window.model.query)[0]


def test_selecting_a_row_shows_the_case_and_its_history(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.DEPARTMENT)
    settle(client, qtbot)
    window.ui.queueTable.selectRow(1)
    settle(client, qtbot)
    panel = window.ui.casePanel
    receipt = window.model.data(window.model.index(1, Column.RECEIPT))
    assert panel.case is not None and panel.case.receipt_no == receipt
    assert panel.ui.receiptNoValue.text() == receipt
    assert panel.ui.departmentValue.text() == window.viewer.department_name == "도로관리과"
    engine = make_engine(f"sqlite:///{client.store.path}", read_only=True)
    with engine.connect() as conn:
        events = conn.execute(
            text("SELECT count(*) FROM events WHERE case_id = :c"), {"c": panel.case.id}
        ).scalar_one()
    engine.dispose()
    assert panel.ui.timeline.topLevelItemCount() == events > 0
    first = panel.ui.timeline.topLevelItem(0)
    assert first is not None and first.text(1).startswith("접수")
    # masked: the name's middle, and the phone's middle group whatever its length (010-****-5678, 02-***-0864)
    assert "*" in panel.ui.petitionerValue.text()
    assert re.fullmatch(r"0\d{1,2}-\*{3,4}-\d{4}", panel.ui.phoneValue.text()), panel.ui.phoneValue.text()


def test_f5_reads_the_queue_again(client: Client, qtbot: Any) -> None:
    window = client.window
    with qtbot.waitSignal(window.model.counted, timeout=10_000):
        QTest.keyClick(window, Qt.Key.Key_F5)
    settle(client, qtbot)
    assert shown(client) == expected(client, window.model.query)[0]


def test_without_a_signed_in_viewer_the_desk_opens_on_all_cases(
    fresh_store: Path, guard: GuiThreadGuard, qtbot: Any
) -> None:
    client = open_client(fresh_store, guard, qtbot, user=None)
    try:
        window = client.window
        assert window.model.query.queue is Queue.ALL and window.model.rowCount() > 0
        window.choose_queue(Queue.MINE)
        settle(client, qtbot)
        assert window.model.rowCount() == 0
        assert "로그인" in window.ui.queueTitle.text()
    finally:
        client.close()
    assert guard.offences == []


def test_the_status_bar_tells_the_local_stores_state(client: Client) -> None:
    window = client.window
    assert "민원 2,500건" in window._store_label.text()
    assert "마지막 변경" in window._store_label.text()


def test_switching_queues_keeps_the_tables_width(client: Client, qtbot: Any) -> None:
    window = client.window
    viewport = window.ui.queueTable.viewport()
    width = viewport.width()
    resized: list[int] = []
    for queue in (*QUEUES, Queue.ALL):
        window.choose_queue(queue)
        resized.append(viewport.width())  # emptied until the count arrives …
        settle(client, qtbot)
        resized.append(viewport.width())  # … and filled again
    assert resized == [width] * len(resized)


def test_switching_from_a_big_queue_to_a_small_one_and_back_shows_the_new_rows_from_the_top(
    client: Client, qtbot: Any
) -> None:
    window, table = client.window, client.window.ui.queueTable
    bar = table.verticalScrollBar()

    def counted(queue: Queue) -> int:
        viewer = window.viewer
        return expected(client, QueueQuery(queue=queue, assignee_id=viewer.staff_id,
                                           department_code=viewer.department_code))[1]  # fmt: skip

    assert counted(Queue.ALL) > 10 * counted(Queue.MINE) > 0
    for first, then in ((Queue.ALL, Queue.MINE), (Queue.MINE, Queue.ALL)):
        window.choose_queue(first)
        settle(client, qtbot)
        bar.setValue(bar.maximum() * 3 // 4)  # down the first queue (if it scrolls), a row of it selected
        settle(client, qtbot)
        table.selectRow(table.rowAt(table.viewport().height() // 2))
        settle(client, qtbot)
        assert window.ui.casePanel.case is not None
        window.choose_queue(then)
        settle(client, qtbot)
        rows, count = expected(client, window.model.query)
        assert window.model.rowCount() == count and shown(client) == rows, then
        assert window.ui.queueCount.text() == f"{count:,}건"
        assert not table.selectionModel().hasSelection() and not table.currentIndex().isValid()
        assert window.ui.casePanel.case is None
        assert bar.value() == 0 and table.rowAt(0) == 0
        painter: Any = table.itemDelegate()
        last = table.rowAt(table.viewport().height() - 1)
        visible = range(0, count if last < 0 else last + 1)
        assert all(painter.shows_text(row) for row in visible), then  # their own text on screen, no "…"


def _time_left(deadline: datetime, now: datetime) -> str:
    left = formats.remaining(deadline, now, open_=True, clock_stopped=False)
    span = formats.duration(left.left, korean=True)
    return f"{span} 경과" if left.urgency is Urgency.OVERDUE else span


def test_the_filings_to_register_count_down_to_their_registration_deadline(client: Client, qtbot: Any) -> None:
    """There the clock a clerk works against is the 8 working hours to register an online filing; in every
    other queue a case's time left is to its answer's deadline."""
    window, model = client.window, client.window.model
    window.choose_queue(Queue.TO_REGISTER)
    settle(client, qtbot)
    listing = model.query
    assert listing.now is not None
    engine = make_engine(f"sqlite:///{client.store.path}", read_only=True)
    try:
        with make_sessionmaker(engine)() as session:
            filings = queue_window(session, listing, limit=10)
    finally:
        engine.dispose()
    assert filings and all(item.registration_due_at is not None for item in filings)
    shown_left = [model.data(model.index(row, Column.REMAINING)) for row in range(len(filings))]
    assert shown_left == [
        _time_left(item.registration_due_at, listing.now) for item in filings if item.registration_due_at
    ]
    assert shown_left != [
        _time_left(item.due_at, listing.now) for item in filings
    ]  # (so the above tells them apart)
    window.choose_queue(Queue.ALL)
    filing = filings[0]
    window.ui.searchEdit.insert(filing.petitioner_phone)  # the same case, found in all cases
    QTest.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    settle(client, qtbot)
    now = model.query.now
    assert now is not None
    found = [
        row for row in range(model.rowCount()) if model.data(model.index(row, Column.RECEIPT)) == filing.receipt_no
    ]
    assert found, "the filing is in all cases"
    assert model.data(model.index(found[0], Column.REMAINING)) == _time_left(filing.due_at, now)
