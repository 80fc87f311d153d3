"""The case panel keeps its fields whole at any width the window gives it (200 % scaling leaves a narrow
panel): the fields sit beside their labels while the widest fits so, else each under its label, and the
splitter gives the panel no less than that; 원문 보기 sits beside the petitioner with a gap when both fit on
the line, else on a line of its own under the name, never over it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QFormLayout, QWidget

from complaints_desk.gui.app import Client

from .conftest import settle
from .test_case_actions import a_case, show


def _rect(widget: QWidget, within: QWidget) -> QRect:
    """The widget's rectangle in `within`'s coordinates."""
    return QRect(widget.mapTo(within, QPoint(0, 0)), widget.size())


def _check(client: Client) -> str:
    """The panel as drawn: nothing cut at the right, the button clear of the name. Says where the button is."""
    ui = client.window.ui.casePanel.ui
    viewport = ui.detailsScroll.viewport()
    assert ui.details.width() >= ui.details.minimumSizeHint().width()  # the fields are not squeezed
    for value in (ui.receiptNoValue, ui.phoneValue, ui.petitionerValue):
        shown = _rect(value, viewport)
        assert shown.right() <= viewport.width(), value.objectName()
        assert value.fontMetrics().horizontalAdvance(value.text()) <= value.width() or value.wordWrap()
    for label, value in ((ui.receiptNoLabel, ui.receiptNoValue), (ui.phoneLabel, ui.phoneValue)):
        named, shown = _rect(label, viewport), _rect(value, viewport)
        assert shown.top() > named.bottom() or shown.left() > named.right()  # under its label or beside it
    name, button = _rect(ui.petitionerValue, viewport), _rect(ui.detailsButton, viewport)
    assert button.right() <= viewport.width()
    text_end = name.left() + ui.petitionerValue.fontMetrics().horizontalAdvance(ui.petitionerValue.text())
    if button.top() >= name.bottom():
        assert abs(button.left() - name.left()) <= 1  # under the name, where it starts
        return "under"
    assert button.left() - text_end >= 8, (text_end, button.left())  # beside it, with room to breathe
    return "beside"


def test_show_in_full_never_crowds_the_petitioner_at_any_panel_width(client: Client, qtbot: Any) -> None:
    window = client.window
    panel = window.ui.casePanel
    show(client, qtbot, a_case(client.store.path, "in_progress", "road"))  # road1's department: may ask
    assert panel.ui.detailsButton.isVisible()
    assert _check(client) == "beside"

    total = sum(window.ui.splitter.sizes())
    window.ui.splitter.setSizes([180, total - 181, 1])  # the narrowest the window lets the panel be
    settle(client, qtbot)
    assert panel.width() >= panel.minimumSizeHint().width()
    _check(client)
    assert panel.ui.fields.rowWrapPolicy() is QFormLayout.RowWrapPolicy.WrapAllRows  # each under its label

    panel.ui.petitionerValue.setText("한빛마을 아파트 입주자 대표회의 회장 홍*동")  # longer than the line
    panel._fit_fields()  # (as after every fill and resize)
    qtbot.waitUntil(lambda: panel.ui.detailsButton.y() > panel.ui.petitionerValue.y(), timeout=5000)
    assert _check(client) == "under"
