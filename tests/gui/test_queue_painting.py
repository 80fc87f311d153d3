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
from complaints_desk.gui.queue_model import QueueModel
from complaints_desk.store.queue import Queue

from .conftest import settle


def visible_rows(table: QTableView) -> range:
    return range(table.rowAt(0), table.rowAt(table.viewport().height() - 1) + 1)


def whole_queue(client: Client, qtbot: Any) -> tuple[QueueModel, QTableView, QueueDelegate]:
    """The whole queue shown and settled: its model, its table and the table's painter."""
    window = client.window
    window.choose_queue(Queue.ALL)
    settle(client, qtbot)
    painter = window.ui.queueTable.itemDelegate()
    assert isinstance(painter, QueueDelegate)
    return window.model, window.ui.queueTable, painter


def on_screen(table: QTableView) -> QImage:
    return table.viewport().grab().toImage()  # a paint event of the whole viewport, as the screen gets one


def test_rows_scrolled_onto_show_their_own_text_once_the_event_loop_has_run(
    client: Client, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    model, table, painter = whole_queue(client, qtbot)
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


def test_cells_left_blank_too_long_are_still_laid_out_a_bounded_number_at_a_time(
    client: Client, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cells blank past FILL_WITHIN_S (turns coming slowly: a catch-up on another thread) get a larger budget,
    not an unlimited one: one paint laying out a whole screen was the GUI thread's longest stall."""
    model, table, painter = whole_queue(client, qtbot)
    # Late from the first paint on, and the late budget spent at once: one fresh text a paint.
    monkeypatch.setattr(queue_delegate, "FILL_WITHIN_S", 0.0)
    monkeypatch.setattr(queue_delegate, "LATE_LAYOUT_BUDGET_S", 0.0)
    monkeypatch.setattr(queue_delegate, "LAYOUTS_AT_LEAST", 1)
    layouts_by_paint: list[int] = []
    lay_out, paint_rows = queue_delegate._lay_out, painter._paint_rows

    def counted_lay_out(*args: Any) -> Any:
        layouts_by_paint[-1] += 1
        return lay_out(*args)

    def counted_paint(event: Any) -> bool:
        layouts_by_paint.append(0)
        return paint_rows(event)

    monkeypatch.setattr(queue_delegate, "_lay_out", counted_lay_out)
    monkeypatch.setattr(painter, "_paint_rows", counted_paint)
    table.scrollTo(model.index(1500, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    rows = visible_rows(table)
    qtbot.waitUntil(lambda: all(painter.shows_text(row) for row in rows), timeout=10_000)
    # The screen filled over many paints, none laying out more than its bounded share.
    assert sum(layouts_by_paint) > 10
    assert max(layouts_by_paint) == 1


def test_the_table_painted_in_one_go_looks_as_the_views_own_painting(client: Client, qtbot: Any) -> None:
    _model, table, painter = whole_queue(client, qtbot)
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


def test_a_catch_up_gives_way_while_the_queue_repaints(
    client: Client, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen counts as busy for a catch-up (Tasks.reads_running, which its slices and its reader give way
    to) while the table repaints, and only then: a catch-up's Python beside a repaint took turns on the
    interpreter with it, and the repaint took twice as long."""
    model, table, _painter = whole_queue(client, qtbot)
    qtbot.waitUntil(lambda: not client.tasks.reads_running(), timeout=5000)
    seen: list[bool] = []
    painted_row = model.painted_row

    def watched(row: int) -> Any:
        seen.append(client.tasks.reads_running())
        return painted_row(row)

    monkeypatch.setattr(model, "painted_row", watched)
    on_screen(table)
    assert seen and all(seen)
    assert not client.tasks.reads_running()
