"""The queue table's model over a million local cases: it knows how many rows the current queue has and holds
only a few windows of them, fetched on the reader pool around what the view shows.

A window is WINDOW consecutive rows. When the view asks for a row no cached window holds, the model asks the
store for that window: after the key of the row before it, or before the key of the row after it, when it
knows one (the usual case while scrolling), else the last rows (the bottom of the scroll bar), else after the
key it looks up at the window's first position, walking the index from the nearest key it knows (a jump of
the scroll bar). At most KEEP windows stay cached; the least recently shown goes first. Until its window
arrives a row reads "…". Each listing has a generation number: results of an older query are dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from sqlalchemy.orm import Session

from ..store.queue import (
    QueueCount,
    QueueItem,
    QueueKey,
    QueueQuery,
    SortColumn,
    queue_count,
    queue_key_at,
    queue_window,
)
from . import formats, labels
from .formats import Urgency
from .language import korean
from .tasks import Tasks

WINDOW = 100
KEEP = 6
KNOWN_KEYS = 4000  # positions whose key the model remembers (two per window it has seen)
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    RECEIPT = 0
    RECEIVED = 1
    KIND = 2
    TITLE = 3
    CHANNEL = 4
    DEPARTMENT = 5
    ASSIGNEE = 6
    STATUS = 7
    REMAINING = 8
    PETITIONER = 9


SORTABLE = {
    Column.RECEIPT: SortColumn.RECEIPT,
    Column.RECEIVED: SortColumn.RECEIVED,
    Column.REMAINING: SortColumn.DUE,
}
URGENCY_COLOURS = {
    Urgency.OVERDUE: QColor("#b3261e"),
    Urgency.TODAY: QColor("#c25e00"),
    Urgency.SOON: QColor("#8a6d00"),
    Urgency.CALM: QColor("#1e6b34"),
    Urgency.STOPPED: QColor("#5b5f97"),
    Urgency.DONE: QColor("#6b6b6b"),
}


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
    windowLoaded = Signal(int)  # the window's number
    loadFailed = Signal(object)  # the exception

    def __init__(self, tasks: Tasks, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._query = QueueQuery()
        self._generation = 0
        self._count = QueueCount(0, exact=True)
        self._windows: OrderedDict[int, list[QueueItem]] = OrderedDict()
        self._pending: set[int] = set()
        self._keys: dict[int, QueueKey] = {}
        self._now = datetime.now().astimezone()
        self.peak_rows = 0  # the most rows ever held at once (the tests' proof that it never holds the table)
        self._headers: list[str] = []
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

    def set_query(self, query: QueueQuery) -> None:
        """Show another queue, search or order: a fresh listing with its own moment for deadlines."""
        self._now = datetime.now().astimezone()
        self._query = replace(query, now=self._now)
        self._generation += 1
        self.beginResetModel()
        self._count = QueueCount(0, exact=True)
        self._windows.clear()
        self._pending.clear()
        self._keys.clear()
        self.endResetModel()
        generation, listing = self._generation, self._query
        self._tasks.read(lambda s: queue_count(s, listing), lambda c: self._counted(generation, c), self._failed)
        self._request(0)

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
        number = row // WINDOW
        window = self._windows.get(number)
        if window is None:
            self._request(number)
            return None
        self._windows.move_to_end(number)
        offset = row - number * WINDOW
        return window[offset] if offset < len(window) else None

    # ---- Qt's model interface ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count.value

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index.row())
        column = Column(index.column())
        if item is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and column is Column.TITLE else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item, column)  # the tip shows what a narrow column cuts off
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if column is Column.REMAINING:
            urgency = self._remaining(item).urgency
            if role == Qt.ItemDataRole.ForegroundRole:
                return URGENCY_COLOURS[urgency]
            if role == Qt.ItemDataRole.FontRole and urgency in (Urgency.OVERDUE, Urgency.TODAY):
                bold = QFont()
                bold.setBold(True)
                return bold
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        self._repaint_all()

    # ---- the cells' text -------------------------------------------------------------------------------

    def _remaining(self, item: QueueItem) -> formats.Remaining:
        return formats.remaining(
            item.due_at, self._now, open_=item.status.is_open, clock_stopped=item.clock_stopped
        )

    def _text(self, item: QueueItem, column: Column) -> str:
        ko = korean()
        match column:
            case Column.RECEIPT:
                return item.receipt_no
            case Column.RECEIVED:
                return formats.date_time(item.received_at, korean=ko)
            case Column.KIND:
                return labels.kind(item.kind)
            case Column.TITLE:
                return item.title
            case Column.CHANNEL:
                return labels.channel(item.channel)
            case Column.DEPARTMENT:
                return item.department_name or self.tr("Not routed")
            case Column.ASSIGNEE:
                return item.assignee_name or "—"
            case Column.STATUS:
                return labels.status(item.status)
            case Column.REMAINING:
                return self._remaining_text(item)
            case Column.PETITIONER:
                name, phone = (
                    formats.masked_name(item.petitioner_name),
                    formats.masked_phone(item.petitioner_phone),
                )
                return f"{name} · {phone}" if phone else name
        raise AssertionError(column)

    def _remaining_text(self, item: QueueItem) -> str:
        left = self._remaining(item)
        span = formats.duration(left.left, korean=korean())
        match left.urgency:
            case Urgency.DONE:
                return "—"
            case Urgency.STOPPED:
                return self.tr("Stopped")
            case Urgency.OVERDUE:
                return self.overdue(span)
        return span

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
        if self._count.exact and start + WINDOW >= self._count.value:
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
        fetch, query, generation = self._plan(number), self._query, self._generation
        self._tasks.read(
            lambda s: fetch.run(s, query),
            lambda items: self._arrived(generation, number, items),
            self._failed,
        )

    def _arrived(self, generation: int, number: int, items: list[QueueItem]) -> None:
        if generation != self._generation:
            return  # an older listing's window
        self._pending.discard(number)
        self._windows[number] = items
        self._windows.move_to_end(number)
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

    def _counted(self, generation: int, count: QueueCount) -> None:
        if generation != self._generation:
            return
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
                lambda s: queue_count(s, listing, cap=None), lambda c: self._counted(generation, c), self._failed
            )

    def _failed(self, error: BaseException) -> None:
        self._pending.clear()
        self.loadFailed.emit(error)

    def _tick(self) -> None:
        self._now = datetime.now().astimezone()
        if self._count.value:
            self.dataChanged.emit(
                self.index(0, Column.REMAINING), self.index(self._count.value - 1, Column.REMAINING)
            )

    def _repaint_all(self) -> None:
        if self._count.value:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count.value - 1, len(Column) - 1))
