"""The queue table paints each row with its own text. A screen of rows never drawn before may fill over a few
turns of the event loop (gui.queue_delegate lays out fresh texts only while a paint event's budget lasts), but
once the loop has run, the clerk sees what one paint laying out every cell at once would have shown."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QTableView

from complaints_desk.gui import queue_delegate
from complaints_desk.gui.app import Client
from complaints_desk.gui.queue_delegate import QueueDelegate
from complaints_desk.store.queue import Queue

from .conftest import settle


def visible_rows(table: QTableView) -> range:
    return range(table.rowAt(0), table.rowAt(table.viewport().height() - 1) + 1)


def on_screen(table: QTableView) -> QImage:
    return table.viewport().grab().toImage()  # a paint event of the whole viewport, as the screen gets one


def test_rows_scrolled_onto_show_their_own_text_once_the_event_loop_has_run(
    client: Client, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = client.window
    window.choose_queue(Queue.ALL)
    settle(client, qtbot)
    model, table = window.model, window.ui.queueTable
    painter = table.itemDelegate()
    assert isinstance(painter, QueueDelegate)
    # A budget spent at once: each paint event lays out one fresh text and leaves the others for later.
    monkeypatch.setattr(queue_delegate, "LAYOUT_BUDGET_S", 0.0)
    monkeypatch.setattr(queue_delegate, "LAYOUTS_AT_LEAST", 1)
    table.scrollTo(model.index(1500, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    settle(client, qtbot)
    rows = visible_rows(table)
    assert len(rows) > 10
    first_paint = on_screen(table)
    assert not all(painter.shows_text(row) for row in rows)  # the first paint left cells blank …
    qtbot.waitUntil(lambda: all(painter.shows_text(row) for row in rows), timeout=10_000)
    filled = on_screen(table)  # … the next turns filled them
    assert filled != first_paint

    # The same rows painted by one paint event that lays every text out at once: the same pixels.
    monkeypatch.setattr(queue_delegate, "LAYOUT_BUDGET_S", 10.0)
    for number in rows:
        row = model.painted_row(number)
        assert row is not None
        row.painted[:] = [None] * len(row.painted)
    painter.forget_layouts()
    assert on_screen(table) == filled


def test_the_table_painted_in_one_go_looks_as_the_views_own_painting(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.ALL)
    settle(client, qtbot)
    table = window.ui.queueTable
    painter = table.itemDelegate()
    assert isinstance(painter, QueueDelegate)
    rows = visible_rows(table)
    on_screen(table)
    qtbot.waitUntil(lambda: all(painter.shows_text(row) for row in rows), timeout=10_000)
    ours = on_screen(table)
    table.viewport().removeEventFilter(painter)  # Qt's own repaint, cell by cell through the delegate
    try:
        views_own = on_screen(table)
    finally:
        table.viewport().installEventFilter(painter)
    assert ours == views_own
    # A selected row keeps the style's selection colours: the view paints those rows itself.
    table.selectRow(rows[3])
    settle(client, qtbot)
    selected = on_screen(table)
    assert selected != ours
    table.viewport().removeEventFilter(painter)
    try:
        assert on_screen(table) == selected
    finally:
        table.viewport().installEventFilter(painter)
