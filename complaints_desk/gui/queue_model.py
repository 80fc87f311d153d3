"""The queue table's model over a million local cases: it knows how many rows the current queue has and holds
only a few windows of them, fetched on the reader pool around what the view shows.

A window is WINDOW consecutive rows. When the view asks for a row no cached window holds, the model asks the
store for that window: after the key of the row before it, or before the key of the row after it, when it
knows one (the usual case while scrolling), else the last rows (the bottom of the scroll bar), else after the
key it looks up at the window's first position, walking the index from the nearest key it knows (a jump of
the scroll bar). At most KEEP windows stay cached; the least recently shown goes first. Until its window
arrives a row reads "…". Each listing has a generation number: results of an older query are dropped.

A repaint of the table asks `data` about every visible cell for seven roles (some 2,000 calls for a screen), so
a window's rows are formatted once, on the reader thread that fetched them: `data` is then a tuple index (or
None for the roles the table does not use). The texts are formatted again only when the language changes or
the minute ticks (the time left, the one column that changes by itself), on the windows held.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from sqlalchemy.orm import Session

from ..store.queue import (
    Queue,
    QueueCount,
    QueueItem,
    QueueKey,
    QueueQuery,
    SortColumn,
    queue_count,
    queue_key_at,
    queue_window,
)
from .language import korean
from .queue_rows import URGENCY_COLOURS, Column, Row, Texts, bold_font, rows
from .tasks import Tasks

__all__ = ["KEEP", "SORTABLE", "URGENCY_COLOURS", "WINDOW", "Column", "QueueModel"]

WINDOW = 100
KEEP = 6
KNOWN_KEYS = 4000  # positions whose key the model remembers (two per window it has seen)
Index = QModelIndex | QPersistentModelIndex


SORTABLE = {
    Column.RECEIPT: SortColumn.RECEIPT,
    Column.RECEIVED: SortColumn.RECEIVED,
    Column.REMAINING: SortColumn.DUE,
}
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)  # the tip shows what a narrow column cuts off
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_USER = int(Qt.ItemDataRole.UserRole)
_TEXT_ROLES = frozenset((_DISPLAY, _TOOLTIP))
_LOOK_ROLES = frozenset((_FONT, _FOREGROUND))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_REMAINING, _TITLE = int(Column.REMAINING), int(Column.TITLE)
_COLUMN_COUNT = len(Column)
PLACEHOLDER = "…"


@dataclass(frozen=True)
class _Fetch:
    """How to fetch one window, decided on the GUI thread from what the model knows (no database)."""

    after: QueueKey | None = None
    before: QueueKey | None = None
    from_end: int = 0  # fetch the last rows: this many
    walk_from: QueueKey | None = None  # look up the key at `walk_skip` rows past this key (None: from the start)
    walk_skip: int = -1  # -1: no walk

    def run(self, session: Session, query: QueueQuery) -> list[QueueItem]:
        if self.walk_skip >= 0:
            key = queue_key_at(session, query, self.walk_skip, after=self.walk_from)
            if key is None:
                return []
            return queue_window(session, query, after=key, limit=WINDOW)
        if self.from_end:
            return queue_window(session, query, from_end=True, limit=self.from_end)
        return queue_window(session, query, after=self.after, before=self.before, limit=WINDOW)


class QueueModel(QAbstractTableModel):
    counted = Signal(object)  # QueueCount, after each count
    replaced = Signal()  # another listing's rows from now on (the view: no selection, back to the top)
    windowLoaded = Signal(int)  # the window's number
    loadFailed = Signal(object)  # the exception

    def __init__(self, tasks: Tasks, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._query = QueueQuery()
        self._generation = 0
        self._count = QueueCount(0, exact=True)
        self._counting = False  # whether `_count` is still the previous listing's (the new one not yet counted)
        self._windows: OrderedDict[int, list[Row]] = OrderedDict()
        self._shown = -1  # the window `data` last read (the most recently used one)
        self._pending: set[int] = set()
        self._keys: dict[int, QueueKey] = {}
        self._now = datetime.now().astimezone()
        self.peak_rows = 0  # the most rows ever held at once (the tests' proof that it never holds the table)
        self._headers: list[str] = []
        bold_font()  # made here, on the GUI thread, before a reader thread formats a row with it
        self._texts = self._make_texts()
        self.retranslate()
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)  # the time left changes by the minute: repaint it, no query
        self._clock.timeout.connect(self._tick)
        self._clock.start()

    # ---- the listing -----------------------------------------------------------------------------------

    @property
    def query(self) -> QueueQuery:
        return self._query

    @property
    def count(self) -> QueueCount:
        return self._count

    @property
    def counting(self) -> bool:
        """Whether the listing shown is not counted yet (the rows there are still the previous listing's number
        of placeholders)."""
        return self._counting

    def set_query(self, query: QueueQuery) -> None:
        """Show another queue, search or order: a fresh listing with its own moment for deadlines.

        The rows are not reset: the table keeps the previous listing's number of rows, shown as placeholders,
        until the new count arrives and adds or removes the difference. A reset would empty the table and the
        count's arrival fill it again, each a relayout and a repaint of the whole table (and the scroll bar's
        range collapsing and coming back); `replaced` tells the view to drop its selection and go to the top,
        as a reset would have made it."""
        self._now = datetime.now().astimezone()
        self._query = replace(query, now=self._now)
        self._generation += 1
        self._counting = True
        self._windows.clear()
        self._shown = -1
        self._pending.clear()
        self._keys.clear()
        self._texts = self._make_texts()
        self.replaced.emit()
        self._repaint_all()
        generation, listing = self._generation, self._query
        self._tasks.read(
            lambda s: queue_count(s, listing) if self._current(generation) else None,
            lambda c: self._counted(generation, c),
            self._failed,
        )
        self._request(0)

    def _current(self, generation: int) -> bool:
        """Whether a listing is still the one shown, asked by a reader thread before it runs the listing's query:
        one the clerk (or the viewer's arrival at start) has already replaced is not read at all."""
        return generation == self._generation

    def refresh(self) -> None:
        self.set_query(self._query)

    def sort_by(self, column: Column, descending: bool) -> bool:
        """Order by a column if it has an index to order by; False when it has not (the view keeps its order)."""
        sort = SORTABLE.get(column)
        if sort is None:
            return False
        self.set_query(replace(self._query, sort=sort, descending=descending))
        return True

    def item(self, row: int) -> QueueItem | None:
        """The row's case if its window is here (it is then the most recently used); None while it loads."""
        shown = self._row(row)
        return None if shown is None else shown.item

    def painted_row(self, row: int) -> Row | None:
        """The row as formatted for the table (its window fetched when not here): gui.queue_delegate paints it."""
        return self._row(row)

    def _row(self, row: int) -> Row | None:
        number, offset = divmod(row, WINDOW)
        window = self._windows.get(number)
        if window is None:
            self._request(number)
            return None
        if number != self._shown:
            self._windows.move_to_end(number)
            self._shown = number
        return window[offset] if offset < len(window) else None

    # ---- Qt's model interface ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count.value

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT  # asked for every cell painted, as is rowCount

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section in SORTABLE
        ):
            return self.tr("Click to sort by this column")
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every visible cell and role at each repaint: the roles the table uses, in the order the
        # delegate asks (font, alignment, colour, …, text), answered from the row formatted when it arrived.
        if role in _TEXT_ROLES:
            row = self._row(index.row())
            if row is None:
                return PLACEHOLDER if role == _DISPLAY and index.column() == _TITLE else None
            return row.cells[index.column()]
        if role in _LOOK_ROLES:
            if index.column() != _REMAINING:
                return None
            row = self._row(index.row())
            if row is None:
                return None
            return row.colour if role == _FOREGROUND else row.bold
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == _REMAINING else None
        if role == _USER:
            row = self._row(index.row())
            return None if row is None else row.item.id
        return None

    def retranslate(self) -> None:
        self._headers = [
            self.tr("Receipt no."),
            self.tr("Received"),
            self.tr("Kind"),
            self.tr("Title"),
            self.tr("Channel"),
            self.tr("Department"),
            self.tr("Officer"),
            self.tr("Status"),
            self.tr("Time left"),
            self.tr("Petitioner"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._windows:
            self._reformat()
        else:
            self._texts = self._make_texts()
        self._repaint_all()

    # ---- the cells' text -------------------------------------------------------------------------------

    def _make_texts(self) -> Texts:
        return Texts(
            korean(),
            self._now,
            self.tr("Not routed"),
            self.tr("Stopped"),
            self.tr("%1 overdue"),
            registration=self._query.queue is Queue.TO_REGISTER,
        )

    def _reformat(self) -> None:
        """Format the held windows again (a language change): a few hundred rows."""
        self._texts = self._make_texts()
        for window in self._windows.values():
            window[:] = [Row(row.item, self._texts) for row in window]

    def overdue(self, span: str) -> str:
        return self.tr("%1 overdue").replace("%1", span)

    # ---- fetching windows --------------------------------------------------------------------------------

    def _plan(self, number: int) -> _Fetch:
        start = number * WINDOW
        if number == 0:
            return _Fetch()
        if (start - 1) in self._keys:
            return _Fetch(after=self._keys[start - 1])
        if (start + WINDOW) in self._keys:
            return _Fetch(before=self._keys[start + WINDOW])
        if self._count.exact and not self._counting and start + WINDOW >= self._count.value:
            return _Fetch(from_end=self._count.value - start)
        below = [p for p in self._keys if p < start - 1]
        if not below:
            return _Fetch(walk_skip=start - 1)
        nearest = max(below)
        return _Fetch(walk_from=self._keys[nearest], walk_skip=start - 1 - nearest - 1)

    def _request(self, number: int) -> None:
        if number in self._pending or number in self._windows:
            return
        if number > 0 and number * WINDOW >= self._count.value:
            return
        self._pending.add(number)
        fetch, query, generation, texts = self._plan(number), self._query, self._generation, self._texts
        self._tasks.read(
            lambda s: rows(fetch.run(s, query), texts) if self._current(generation) else [],
            lambda rows: self._arrived(generation, number, texts, rows),
            self._failed,
        )

    def _arrived(self, generation: int, number: int, texts: Texts, rows: list[Row]) -> None:
        if generation != self._generation:
            return  # an older listing's window
        self._pending.discard(number)
        if texts != self._texts:  # the language or the minute changed while it was read
            rows = [Row(row.item, self._texts) for row in rows]
        items = [row.item for row in rows]
        self._windows[number] = rows
        self._windows.move_to_end(number)
        self._shown = number
        while len(self._windows) > KEEP:
            self._windows.popitem(last=False)
        self.peak_rows = max(self.peak_rows, sum(len(w) for w in self._windows.values()))
        if items:
            if len(self._keys) > KNOWN_KEYS:
                self._keys.clear()
            self._keys[number * WINDOW] = items[0].key
            self._keys[number * WINDOW + len(items) - 1] = items[-1].key
        last = min(self._count.value, number * WINDOW + WINDOW) - 1
        if last >= number * WINDOW:
            self.dataChanged.emit(self.index(number * WINDOW, 0), self.index(last, len(Column) - 1))
        self.windowLoaded.emit(number)

    def _counted(self, generation: int, count: QueueCount | None) -> None:
        if generation != self._generation or count is None:
            return
        self._counting = False
        before = self._count.value
        if count.value > before:
            self.beginInsertRows(QModelIndex(), before, count.value - 1)
            self._count = count
            self.endInsertRows()
        elif count.value < before:
            self.beginRemoveRows(QModelIndex(), count.value, before - 1)
            self._count = count
            self.endRemoveRows()
        else:
            self._count = count
        self.counted.emit(count)
        if not count.exact:
            # The quick count stopped at its cap: count them all, still off the GUI thread.
            listing = self._query
            self._tasks.read(
                lambda s: queue_count(s, listing, cap=None) if self._current(generation) else None,
                lambda c: self._counted(generation, c),
                self._failed,
            )

    def _failed(self, error: BaseException) -> None:
        self._pending.clear()
        self.loadFailed.emit(error)

    def _tick(self) -> None:
        """A minute on: count the time left of the held rows again and repaint that column alone."""
        self._now = datetime.now().astimezone()
        self._texts = replace(self._texts, now=self._now)
        for window in self._windows.values():
            for row in window:
                row.count_down(self._texts)
        if self._windows:
            first, last = (
                min(self._windows) * WINDOW,
                min(self._count.value, (max(self._windows) + 1) * WINDOW) - 1,
            )
            if last >= first:
                self.dataChanged.emit(self.index(first, Column.REMAINING), self.index(last, Column.REMAINING))

    def _repaint_all(self) -> None:
        if self._count.value:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count.value - 1, len(Column) - 1))
