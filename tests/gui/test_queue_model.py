"""The queue table's model holds a few windows of rows, never the table: scrolling to the bottom of a queue
many windows long, or jumping into its middle, shows the right cases while it keeps at most KEEP windows."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text

from complaints_desk.gui.app import Client
from complaints_desk.gui.queue_model import KEEP, WINDOW, Column
from complaints_desk.store.db import make_engine, make_sessionmaker
from complaints_desk.store.queue import Queue, QueueQuery, queue_window

from .conftest import DEMO_CASES, settle


def receipts_in_order(client: Client, query: QueueQuery) -> list[str]:
    engine = make_engine(f"sqlite:///{client.store.path}", read_only=True)
    try:
        with make_sessionmaker(engine)() as session:
            return [item.receipt_no for item in queue_window(session, query, limit=DEMO_CASES + 10)]
    finally:
        engine.dispose()


def test_scrolling_to_the_bottom_loads_windows_and_never_the_table(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.ALL)
    settle(client, qtbot)
    model, table = window.model, window.ui.queueTable
    assert model.rowCount() == DEMO_CASES and DEMO_CASES > KEEP * WINDOW * 3
    everything = receipts_in_order(client, model.query)
    scroll = table.verticalScrollBar()
    loaded: list[int] = []
    model.windowLoaded.connect(loaded.append)
    while scroll.value() < scroll.maximum():
        scroll.setValue(scroll.value() + scroll.pageStep())
        settle(client, qtbot)
        top = table.rowAt(0)
        assert model.data(model.index(top, Column.RECEIPT)) == everything[top]
    assert table.rowAt(table.viewport().height() - 2) == DEMO_CASES - 1  # the last row is on screen
    assert model.data(model.index(DEMO_CASES - 1, Column.RECEIPT)) == everything[-1]
    assert len(set(loaded)) >= DEMO_CASES // WINDOW - 1  # it went through the windows one by one …
    assert model.peak_rows <= KEEP * WINDOW  # … and never held more than a few of them


def test_jumping_into_the_middle_and_back_up_shows_the_right_rows(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.ALL)
    settle(client, qtbot)
    model, table = window.model, window.ui.queueTable
    everything = receipts_in_order(client, model.query)
    for row in (1234, 2471, 1777, 1699, 5, 2499):  # a drag of the scroll bar, the end, back, the top
        table.scrollTo(model.index(row, 0))
        settle(client, qtbot)
        assert model.data(model.index(row, Column.RECEIPT)) == everything[row], row
    assert model.peak_rows <= KEEP * WINDOW


def test_a_search_listing_keeps_to_its_windows_too(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.ALL)
    window.ui.searchEdit.setText("민원")
    window.ui.searchEdit.returnPressed.emit()
    settle(client, qtbot)
    model = window.model
    everything = receipts_in_order(client, model.query)
    assert model.rowCount() == len(everything) > 0
    last = len(everything) - 1
    window.ui.queueTable.scrollTo(model.index(last, 0))
    settle(client, qtbot)
    assert model.data(model.index(last, Column.RECEIPT)) == everything[last]


def test_rows_show_names_and_masked_petitioners(client: Client, qtbot: Any) -> None:
    window = client.window
    window.choose_queue(Queue.DEPARTMENT)
    settle(client, qtbot)
    model = window.model
    assert model.data(model.index(0, Column.DEPARTMENT)) == "도로관리과"
    engine = make_engine(f"sqlite:///{client.store.path}", read_only=True)
    with engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM staff")).scalars())
    engine.dispose()
    officers = {model.data(model.index(r, Column.ASSIGNEE)) for r in range(min(50, model.rowCount()))}
    assert officers & names
    petitioner = model.data(model.index(0, Column.PETITIONER))
    # a masked name and a phone with its middle digits hidden (010-****-5678, 02-***-5689)
    assert re.fullmatch(r"\S*\*\S* · 0\d{1,2}-\*{3,4}-\d{4}", petitioner), petitioner
