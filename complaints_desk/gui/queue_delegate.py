"""The queue table's painter. Qt's own delegate asks the model for seven roles of every cell (seven calls from Qt
into Python) and then lays the text out twice (once to see whether it must be elided, once to draw it), on every
repaint: some 300 cells, 20 ms or more of the GUI thread after each queue switch or search. This one reads the
row the model formatted on the reader thread, lays each cell's text out once into a QStaticText kept with the
row (a later repaint, a scroll by a line, only draws it) and draws it. It paints the viewport itself, from its
paint event (one call into Python a repaint): the view's own repaint, cell by cell through the delegate, spent
4 to 6 ms a screen on the style's panel, the option and the call for each cell, the drawing itself well under
one, and each such pass counts twice when a queue switch paints the placeholders and then the rows within one
turn of the event loop.

Laying out a cell's text the first time is the costly part (shaping Hangul, some 0.15 ms a cell): a screen of
rows never drawn before took 45 ms of one paint event. So a paint event lays out fresh texts only while its
budget (LAYOUT_BUDGET_S) lasts; the cells past it are left blank for now and repainted on the next turn of the
event loop, which lays out the next budget's worth: the rows fill over a few frames, and no frame is long. When
the turns come slowly (a busy machine, a catch-up on another thread), cells still blank after FILL_WITHIN_S get
a larger budget a paint (LATE_LAYOUT_BUDGET_S), still bounded: laying out a whole screen at once, as this did
before, took 23 to 29 ms of one paint event while a clerk dragged the scroll bar during a catch-up (there are
always blank cells while the rows keep changing), the longest stalls of the GUI thread in bench.gui_bench.

A repaint that takes in a selected row or the focused cell is left to the view, so they keep Qt's own look
(the selection colours of the style sheet, the focus frame); the tests compare the two paintings pixel for
pixel.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QStaticText,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from .queue_model import PLACEHOLDER, QueueModel
from .queue_rows import Column, Painted

SHARED_TEXTS = 5000  # laid-out texts kept for the whole table (a few screens' worth of distinct ones)
# Fresh layouts a paint event makes: as many as fit in this, and at least a few, so that the rows fill even
# when the drawing alone took the budget. A paint event is the GUI thread's longest turn while a clerk drags the
# scroll bar: the drawing and Qt's own work take 5 to 10 ms of it, nearly twice that with a catch-up running
# beside it (bench.gui_bench, 5 interleaved runs: the longest stall during a catch-up, median 34.5 ms with 4 ms
# here and 8 below, 26.7 ms with 2 and 4; the rows still filled within 40 ms of the scroll stopping).
LAYOUT_BUDGET_S = 0.002
LAYOUTS_AT_LEAST = 8
# Cells left blank this long get twice the budget a paint: on a busy machine, or with a catch-up on another
# thread taking its turns on the interpreter, the turns of the event loop come slower, and the rows must still
# fill within the 100 ms a clerk reads as at once (a screen of fresh rows is some 20 to 45 ms of layouts).
FILL_WITHIN_S = 0.06
LATE_LAYOUT_BUDGET_S = 0.004
_REMAINING, _TITLE = int(Column.REMAINING), int(Column.TITLE)


def static_text(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # a title such as "<b>…" is text, never markup
    return static


class QueueDelegate(QStyledItemDelegate):
    def __init__(
        self,
        model: QueueModel,
        view: QTableView,
        painting: Callable[[], AbstractContextManager[None]] = nullcontext,
    ) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._painting = painting  # around each repaint (gui.tasks.Tasks.screen_painting)
        self._placeholder = _lay_out(PLACEHOLDER, QFont(), 1 << 20)
        self._alternate = QBrush()
        self._alternating = False
        self._text = QColor()
        self._font = QFont()
        self._bold = QFont()
        self._shared: dict[tuple[str, bool, int], Painted] = {}
        self._own_look: set[int] = set()  # the rows (and the focused cell's) Qt paints itself
        self._focused = (-1, -1)
        self._grid: QPen | None = None  # the view's grid lines, when it shows them
        self._budget_ends = 0.0  # (time.perf_counter) when this paint event stops laying out fresh texts
        self._fresh = 0  # layouts made in this paint event
        self._waiting_since: float | None = None  # (time.perf_counter) since when cells have been left blank
        self._deferred = False  # whether the last paint event left any
        self._late: dict[int, set[int]] = {}  # the cells left blank: their columns, by row
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(0)  # the next turn of the event loop, after what is waiting (a scroll, a key)
        self._again.timeout.connect(self._paint_late)
        # The margin Qt's item painting leaves either side of a cell's text, so the columns read as before.
        self._margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._read_view()
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Once a repaint, not once a cell (a cell's option costs Python an enum per flag it reads): what the
        # view looks like now, which row is selected and which cell has the focus.
        if event.type() == QEvent.Type.Paint:
            self._read_view()
            now = time.perf_counter()
            if not self._late and not self._deferred:
                self._waiting_since = None  # every cell painted has its text
            self._deferred = False
            waited = 0.0 if self._waiting_since is None else now - self._waiting_since
            self._budget_ends = now + (LAYOUT_BUDGET_S if waited < FILL_WITHIN_S else LATE_LAYOUT_BUDGET_S)
            self._fresh = 0
            with self._painting():
                return self._paint_rows(cast(QPaintEvent, event))
        return False

    def _paint_rows(self, event: QPaintEvent) -> bool:
        """Paint the dirty cells here, in one call from Qt (True); or leave the repaint to the view (False) when
        a selected row or the focused cell is among them, which look as Qt paints them. The view's own
        repaint costs 4 to 6 ms of the GUI thread for a screen (the style's panel, the option and a call into
        Python, for each cell): more than the drawing itself, which is well under one."""
        view, model = self._view, self._model
        area, region = event.rect(), event.region()
        top, bottom = view.rowAt(area.top()), view.rowAt(area.bottom())
        left, right = view.columnAt(area.left()), view.columnAt(area.right())
        if top < 0 or left < 0:
            return True  # below the last row or right of the last column: nothing but the background
        bottom = model.rowCount() - 1 if bottom < 0 else bottom
        right = model.columnCount() - 1 if right < 0 else right
        if self._focused[0] >= 0 and top <= self._focused[0] <= bottom:
            return False
        if any(top <= row <= bottom for row in self._own_look):
            return False
        grid = 1 if self._grid is not None else 0
        columns = [
            (column, view.columnViewportPosition(column), view.columnWidth(column) - grid)
            for column in range(left, right + 1)
            if not view.isColumnHidden(column)
        ]
        painter = QPainter(view.viewport())
        painter.setPen(self._text)
        rows = []
        # A paint event's region is most often one rectangle, the cells found from it: only a region of several
        # (a part of the viewport scrolled in at two edges) needs each cell asked whether it is inside.
        every_cell = region.rectCount() <= 1
        for number in range(top, bottom + 1):
            y, height = view.rowViewportPosition(number), view.rowHeight(number) - grid
            rows.append(y + height)
            if every_cell:
                self._paint_row(painter, number, y, height, columns)
                continue
            for column, x, width in columns:
                rect = QRect(x, y, width, height)
                if region.intersects(rect):
                    self._paint_cell(painter, rect, number, column)
        if self._grid is not None and columns:
            # As the view draws its grid: a line under each row and right of each column, within the rows
            # and columns there are.
            edge_right = min(area.right(), columns[-1][1] + columns[-1][2])
            edge_bottom = min(area.bottom(), rows[-1])
            painter.setPen(self._grid)
            for y in rows:
                painter.drawLine(area.left(), y, edge_right, y)
            for _column, x, width in columns:
                painter.drawLine(x + width, area.top(), x + width, edge_bottom)
        painter.end()
        return True

    def forget_layouts(self) -> None:
        """Drop the texts laid out for the whole table (another font: they would draw in the old one)."""
        self._shared.clear()

    def shows_text(self, row: int) -> bool:
        """Whether every cell of the row the view shows was last painted with its own text (not a blank left
        for the next turn, nor the placeholder of a row still loading)."""
        if row in self._own_look:
            return True
        painted = self._model.painted_row(row)
        if painted is None:
            return False
        view = self._view
        first, last = view.columnAt(0), view.columnAt(view.viewport().width() - 1)
        columns = range(max(0, first), (len(painted.painted) if last < 0 else last + 1))
        return all(
            painted.painted[column] is not None or (row, column) == self._focused or view.isColumnHidden(column)
            for column in columns
        )

    def _paint_later(self, row: int, column: int) -> None:
        self._deferred = True
        if self._waiting_since is None:
            self._waiting_since = time.perf_counter()
        self._late.setdefault(row, set()).add(column)
        if not self._again.isActive():
            self._again.start()

    def _paint_late(self) -> None:
        """Repaint the cells left blank, where they are now (the view may have scrolled since), and those alone:
        the rectangle around them also holds the cells painted with their text, most of a screen when the
        fresh texts are a few columns of every row."""
        late, self._late = self._late, {}
        if not late:
            return
        view = self._view
        shown = view.viewport().rect()
        spans: list[tuple[int, int, int, int]] = []  # (first row, last row, first column, last column)
        for row in sorted(late):
            columns = sorted(late[row])
            runs, start = [], columns[0]
            for before, column in itertools.pairwise([*columns, -2]):
                if column != before + 1:
                    runs.append((start, before))
                    start = column
            for left, right in runs:
                # Rows below one another with the same blank columns make one rectangle.
                same = next((i for i, s in enumerate(spans) if s[1] == row - 1 and s[2:] == (left, right)), -1)
                if same >= 0:
                    spans[same] = (spans[same][0], row, left, right)
                else:
                    spans.append((row, row, left, right))
        region = QRegion()
        for first, last, left, right in spans:
            top, bottom = view.rowViewportPosition(first), view.rowViewportPosition(last) + view.rowHeight(last)
            x, end = (
                view.columnViewportPosition(left),
                view.columnViewportPosition(right) + view.columnWidth(right),
            )
            region += QRect(x, top, end - x, bottom - top).intersected(shown)
        if not region.isEmpty():
            view.viewport().update(region)

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
            self.forget_layouts()
        selection = view.selectionModel()
        self._own_look = {index.row() for index in selection.selectedIndexes()} if selection else set()
        current = view.currentIndex()
        self._focused = (current.row(), current.column()) if current.isValid() and view.hasFocus() else (-1, -1)
        if view.showGrid():
            option = QStyleOptionViewItem()
            option.initFrom(view)
            rgba = view.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
            self._grid = QPen(QColor.fromRgba(rgba & 0xFFFFFFFF), 1, view.gridStyle())
        else:
            self._grid = None

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        number, column = index.row(), index.column()
        if number in self._own_look or (number, column) == self._focused:
            super().paint(painter, option, index)
            return
        self._paint_cell(painter, option.rect, number, column)

    def _paint_row(
        self, painter: QPainter, number: int, y: int, height: int, columns: list[tuple[int, int, int]]
    ) -> None:
        """The row's cells in these columns (x, width), with the row's work done once (its background, its
        formatted row, the pen; the painter holds our text pen and font): a screen is some 350 cells, and each call from Python into Qt
        costs about a microsecond, so a repaint of texts already laid out is mostly this loop."""
        first, last = columns[0], columns[-1]
        if self._alternating and number & 1:
            # One rectangle for the row: the grid lines between its cells are drawn over it afterwards.
            painter.fillRect(QRect(first[1], y, last[1] + last[2] - first[1], height), self._alternate)
        row = self._model.painted_row(number)
        margin = self._margin
        if row is None:
            for column, x, _width in columns:
                if column == _TITLE:  # the row's window is on its way
                    placeholder = self._placeholder
                    painter.drawStaticText(
                        QPointF(x + margin, y + (height - placeholder.height) / 2), placeholder.text
                    )
            return
        painted_cells, cells = row.painted, row.cells
        for column, x, width in columns:
            room = width - 2 * margin
            painted = painted_cells[column]
            bold = column == _REMAINING and row.bold is not None
            if painted is None or painted.width != room:
                painted = self._laid_out(cells[column], bold, room)
                if painted is None:
                    self._paint_later(number, column)
                    continue
                painted_cells[column] = painted
            if column == _REMAINING:
                painter.setPen(row.colour)
                if bold:
                    painter.setFont(self._bold)
                painter.drawStaticText(
                    QPointF(x + width - margin - painted.text_width, y + (height - painted.height) / 2),
                    painted.text,
                )
                if bold:
                    painter.setFont(self._font)
                painter.setPen(self._text)
                continue
            painter.drawStaticText(QPointF(x + margin, y + (height - painted.height) / 2), painted.text)

    def _paint_cell(self, painter: QPainter, rect: QRect, number: int, column: int) -> None:
        """One cell, as `_paint_row` paints the cells of a row (a painter of Qt's own view: our pen and font)."""
        painter.setPen(self._text)
        painter.setFont(self._font)
        self._paint_row(painter, number, rect.y(), rect.height(), [(column, rect.x(), rect.width())])

    def _laid_out(self, text: str, bold: bool, width: int) -> Painted | None:
        """The text laid out (None when it is not yet and this paint event's budget is spent)."""
        # Most cells repeat what other rows say (kinds, channels, departments, officers, statuses, the time
        # left): those are laid out once for the table, not once a row.
        key = (text, bold, width)
        painted = self._shared.get(key)
        if painted is None:
            if self._fresh >= LAYOUTS_AT_LEAST and time.perf_counter() > self._budget_ends:
                return None
            self._fresh += 1
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
