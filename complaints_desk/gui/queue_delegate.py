"""The queue table's painter. Qt's own delegate asks the model for seven roles of every cell (seven calls from Qt
into Python) and then lays the text out twice (once to see whether it must be elided, once to draw it), on every
repaint: some 300 cells, 20 ms or more of the GUI thread after each queue switch or search. This one reads the
row the model formatted on the reader thread, lays each cell's text out once into a QStaticText kept with the
row (a later repaint, a scroll by a line, only draws it) and draws it: one call into Python per cell.

The selected row and the focused cell keep Qt's own painting (the selection colours of the style sheet, the
focus frame); a few cells, so their cost does not matter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from .queue_model import PLACEHOLDER, QueueModel
from .queue_rows import Column, Painted

SHARED_TEXTS = 5000  # laid-out texts kept for the whole table (a few screens' worth of distinct ones)
_REMAINING, _TITLE = int(Column.REMAINING), int(Column.TITLE)


def static_text(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # a title such as "<b>…" is text, never markup
    return static


class QueueDelegate(QStyledItemDelegate):
    def __init__(self, model: QueueModel, view: QTableView) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._placeholder = _lay_out(PLACEHOLDER, QFont(), 1 << 20)
        self._alternate = QBrush()
        self._alternating = False
        self._text = QColor()
        self._font = QFont()
        self._bold = QFont()
        self._shared: dict[tuple[str, bool, int], Painted] = {}
        self._own_look: set[int] = set()  # the rows (and the focused cell's) Qt paints itself
        self._focused = (-1, -1)
        # The margin Qt's item painting leaves either side of a cell's text, so the columns read as before.
        self._margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._read_view()
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Once a repaint, not once a cell (a cell's option costs Python an enum per flag it reads): what the
        # view looks like now, which row is selected and which cell has the focus.
        if event.type() == QEvent.Type.Paint:
            self._read_view()
        return False

    def _read_view(self) -> None:
        view = self._view
        palette = view.palette()
        self._alternate = palette.brush(QPalette.ColorGroup.Active, QPalette.ColorRole.AlternateBase)
        self._alternating = view.alternatingRowColors()
        self._text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        font = view.font()
        if font != self._font or not self._bold.bold():
            self._font = font
            self._bold = QFont(font)
            self._bold.setBold(True)
            self._placeholder = _lay_out(PLACEHOLDER, font, 1 << 20)
            self._shared.clear()
        selection = view.selectionModel()
        self._own_look = {index.row() for index in selection.selectedIndexes()} if selection else set()
        current = view.currentIndex()
        self._focused = (current.row(), current.column()) if current.isValid() and view.hasFocus() else (-1, -1)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        number, column = index.row(), index.column()
        if number in self._own_look or (number, column) == self._focused:
            super().paint(painter, option, index)
            return
        rect = option.rect
        if self._alternating and number & 1:
            painter.fillRect(rect, self._alternate)
        row = self._model.painted_row(number)
        if row is None:
            if column == _TITLE:  # the row's window is on its way
                painter.setPen(self._text)
                placeholder = self._placeholder
                painter.drawStaticText(
                    QPointF(rect.x() + self._margin, rect.y() + (rect.height() - placeholder.height) / 2),
                    placeholder.text,
                )
            return
        painted = row.painted[column]
        width = rect.width() - 2 * self._margin
        if column == _REMAINING:
            bold = row.bold is not None
            font = self._bold if bold else self._font
            if painted is None or painted.width != width:
                painted = row.painted[column] = self._laid_out(row.cells[column], bold, width)
            painter.setPen(row.colour)
            painter.setFont(font)
            painter.drawStaticText(
                QPointF(
                    rect.x() + rect.width() - self._margin - painted.text_width,
                    rect.y() + (rect.height() - painted.height) / 2,
                ),
                painted.text,
            )
            painter.setFont(self._font)
            return
        if painted is None or painted.width != width:
            painted = row.painted[column] = self._laid_out(row.cells[column], False, width)
        painter.setPen(self._text)
        painter.drawStaticText(
            QPointF(rect.x() + self._margin, rect.y() + (rect.height() - painted.height) / 2), painted.text
        )

    def _laid_out(self, text: str, bold: bool, width: int) -> Painted:
        # Most cells repeat what other rows say (kinds, channels, departments, officers, statuses, the time
        # left): those are laid out once for the table, not once a row.
        key = (text, bold, width)
        painted = self._shared.get(key)
        if painted is None:
            if len(self._shared) >= SHARED_TEXTS:
                self._shared.clear()
            painted = self._shared[key] = _lay_out(text, self._bold if bold else self._font, width)
        return painted


def _lay_out(text: str, font: QFont, width: int) -> Painted:
    """A cell's text laid out once for this column width, elided at the right as Qt's own painting does (the
    layout that tells whether it fits is the one that draws: no second one when it does)."""
    static = static_text(text)
    static.prepare(font=font)
    size = static.size()
    if size.width() > width:
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))
        static = static_text(elided)
        static.prepare(font=font)
        size = static.size()
    return Painted(width, static, size.width(), size.height())
