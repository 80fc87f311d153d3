"""The main window: the queues on the left, the queue's cases in the middle, the selected case on the right, a
search box over them and the local store's state in the status bar.

Seams for what comes next: `add_case_action` puts an action (intake F2/F3, a case action) into the Case menu
and the toolbar; `tasks.write` is the way to the one database writer; `show_message` is the status line;
`refresh` re-reads the queue and the selected case after a write or a sync page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QMenu, QToolBar
from sqlalchemy.orm import Session

from ..domain.channels import Channel
from ..domain.kinds import Kind
from ..domain.statuses import Status
from ..store import desk_settings
from ..store.case_view import StoreState, store_state
from ..store.queue import Queue, QueueCount, QueueQuery
from . import formats, labels
from .language import Language, Languages, current, korean
from .queue_delegate import QueueDelegate
from .queue_model import SORTABLE, Column, QueueModel
from .tasks import Tasks
from .ui_main_window import Ui_MainWindow

QUEUES = (
    Queue.MINE,
    Queue.DEPARTMENT,
    Queue.ALL,
    Queue.TO_REGISTER,
    Queue.DUE_SOON,
    Queue.OVERDUE,
    Queue.REJECTED,
)  # in the order of the list and of Ctrl+1 … Ctrl+7
SEARCH_PAUSE_MS = 300  # search once typing pauses, not on every key
# A new listing's title and count change together when its count arrives (one relayout of the header, each
# text change being one); a count slower than this shows the title and "counting…" meanwhile.
COUNTING_SHOWN_AFTER_MS = 150


@dataclass(frozen=True)
class Viewer:
    """Who works at this desk: their queues are "mine" and "my department" (sign-in will provide it)."""

    staff_id: str | None = None
    name: str | None = None
    department_code: str | None = None
    department_name: str | None = None


class MainWindow(QMainWindow):
    def __init__(self, tasks: Tasks, languages: Languages, viewer: Viewer, *, profile: str | None = None) -> None:
        super().__init__()
        self.tasks = tasks
        self.languages = languages
        self.viewer = viewer
        self.profile = profile
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.model = QueueModel(tasks, self)
        self._state: StoreState | None = None
        self._message = ""
        self._queue_actions = [
            self.ui.actionQueueMine,
            self.ui.actionQueueDepartment,
            self.ui.actionQueueAll,
            self.ui.actionQueueToRegister,
            self.ui.actionQueueDueSoon,
            self.ui.actionQueueOverdue,
            self.ui.actionQueueRejected,
        ]
        self._case_menu: QMenu | None = None
        self._toolbar = QToolBar(self)
        self._toolbar.setObjectName("mainToolbar")
        self._toolbar.setMovable(False)
        self.addToolBar(self._toolbar)
        self._toolbar.addAction(self.ui.actionRefresh)
        self._store_label = QLabel(self)
        self._count_label = self.ui.queueCount
        self.statusBar().addPermanentWidget(self._store_label)
        self._setup_table()
        self._setup_actions()
        self.ui.casePanel.attach(tasks, lambda: self.viewer.staff_id)
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setStretchFactor(2, 0)
        self._sized = False
        title = self.ui.queueTitle.font()
        title.setPointSizeF(title.pointSizeF() * 1.2)
        title.setBold(True)
        self.ui.queueTitle.setFont(title)
        self.tasks.failed.connect(self._task_failed)
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(COUNTING_SHOWN_AFTER_MS)
        self._header_timer.timeout.connect(self._show_header)
        self.model.counted.connect(self._show_header)
        self.model.loadFailed.connect(self._task_failed)
        self.retranslate()
        from .case_actions import CaseActions  # (they need the window built)
        from .reports_dialog import ReportsMenu

        self.case_actions = CaseActions(self)
        self.reports = ReportsMenu(self)
        start = Queue.MINE if viewer.staff_id else Queue.ALL
        self.choose_queue(start)
        # The status bar's figures wait for the first window of the queue: their count of every case reads a
        # whole index (tens of milliseconds at a million cases) that the first listing would otherwise share
        # the machine with.
        self.model.windowLoaded.connect(self._first_window_loaded)
        self._state_timer = QTimer(self)
        self._state_timer.setInterval(30_000)
        self._state_timer.timeout.connect(self.refresh_store_state)
        self._state_timer.start()

    # ---- building -------------------------------------------------------------------------------------

    def _setup_table(self) -> None:
        table = self.ui.queueTable
        table.setModel(self.model)
        table.setItemDelegate(QueueDelegate(self.model, table, self.tasks.screen_painting))
        # Always there: a queue switch empties the table until its count arrives, and a scroll bar that went
        # and came back each time would make the rows 14 px wider and narrower again (the last column
        # stretching), each a relayout and a repaint of the whole table.
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.replaced.connect(self._listing_replaced)

    def _size_columns(self) -> None:
        """Wide enough for the longest value each column usually shows, in the current language and font."""
        metrics = self.ui.queueTable.fontMetrics()
        bold = self.ui.queueTable.horizontalHeader().fontMetrics()
        moment = datetime(2026, 11, 22, 5, 5, tzinfo=UTC)
        samples = {
            Column.RECEIPT: ["20261122-C06-0012"],
            Column.RECEIVED: [formats.date_time(moment, korean=korean())],
            # The longest kind (질의민원(제도·절차)) is left to elide: it costs the title its room.
            Column.KIND: [labels.kind(k) for k in Kind if k is not Kind.INQUIRY_PROCEDURE],
            Column.TITLE: ["가" * 20],
            Column.CHANNEL: [labels.channel(c) for c in Channel],
            Column.DEPARTMENT: ["도시디자인과"],
            Column.ASSIGNEE: ["남궁민수"],
            Column.STATUS: [labels.status(s) for s in Status],
            Column.REMAINING: [
                self.model.overdue(formats.duration(timedelta(days=99, hours=23), korean=korean()))
            ],
            Column.PETITIONER: ["남궁*수 · 010-****-5678"],
        }
        for column, texts in samples.items():
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max([metrics.horizontalAdvance(t) for t in texts] + [bold.horizontalAdvance(header) + 18])
            self.ui.queueTable.setColumnWidth(column, width + 24)

    def _setup_actions(self) -> None:
        group = QActionGroup(self)
        for queue, action in zip(QUEUES, self._queue_actions, strict=True):
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, q=queue: self.choose_queue(q))
        self.ui.queueList.currentRowChanged.connect(self._list_row_changed)
        self.ui.actionRefresh.triggered.connect(self.refresh)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionSearch.triggered.connect(self.focus_search)
        languages = QActionGroup(self)
        for action, language in (
            (self.ui.actionKorean, Language.KOREAN),
            (self.ui.actionEnglish, Language.ENGLISH),
        ):
            languages.addAction(action)
            action.triggered.connect(lambda _checked=False, lang=language: self.set_language(lang))
        (self.ui.actionKorean if current() is Language.KOREAN else self.ui.actionEnglish).setChecked(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.ui.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        self.ui.searchEdit.returnPressed.connect(self._apply_search)
        escape = QAction(self.ui.searchEdit)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self.clear_search)
        self.ui.searchEdit.addAction(escape)

    def add_case_action(self, action: QAction, *, toolbar: bool = True) -> None:
        """The seam for intake and the case actions: their actions join the Case menu (made on first use) and
        the toolbar; the action's shortcut then works anywhere in the window."""
        if self._case_menu is None:
            self._case_menu = QMenu(self)
            self.ui.menubar.insertMenu(self.ui.menuLanguage.menuAction(), self._case_menu)
            self._retranslate_case_menu()
        self._case_menu.addAction(action)
        if toolbar:
            self._toolbar.addAction(action)

    def set_viewer(self, viewer: Viewer) -> None:
        """Who works at this desk now (sign-in will call this): their own queue comes first."""
        self.viewer = viewer
        self.retranslate()
        self.reports.viewer_changed()
        self.choose_queue(Queue.MINE if viewer.staff_id else self.model.query.queue)
        if viewer.staff_id is None:
            self._show_queue(self.model.query.queue)

    # ---- what the clerk does ---------------------------------------------------------------------------

    def choose_queue(self, queue: Queue) -> None:
        row = QUEUES.index(queue)
        self._queue_actions[row].setChecked(True)
        if self.ui.queueList.currentRow() != row:
            self.ui.queueList.setCurrentRow(row)  # calls back into _list_row_changed
            return
        self._show_queue(queue)

    def _list_row_changed(self, row: int) -> None:
        if 0 <= row < len(QUEUES):
            self._queue_actions[row].setChecked(True)
            self._show_queue(QUEUES[row])

    def _show_queue(self, queue: Queue) -> None:
        base = self.model.query
        query = QueueQuery(
            queue=queue,
            sort=base.sort,
            descending=base.descending,
            search=self.ui.searchEdit.text(),
            assignee_id=self.viewer.staff_id,
            department_code=self.viewer.department_code,
        )
        self.ui.casePanel.show_case(None)
        self.model.set_query(query)
        self._header_timer.start()
        self._show_sort()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def clear_search(self) -> None:
        """Escape in the search box: back to the whole queue at once (no pause to wait for)."""
        self.ui.searchEdit.clear()
        self._apply_search()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        text = self.ui.searchEdit.text()
        if text != self.model.query.search:
            self.ui.casePanel.show_case(None)
            self.model.set_query(replace(self.model.query, search=text))
            self._header_timer.start()
            self._show_sort()

    def refresh(self) -> None:
        """Read the queue, the selected case and the store's state again."""
        selected = self.ui.casePanel.wanted  # (one still being read too: a refresh must not drop it)
        self.model.refresh()
        self._header_timer.start()
        self.ui.casePanel.show_case(selected)
        self.refresh_store_state()

    def _header_clicked(self, section: int) -> None:
        column = Column(section)
        sort, descending = self.model.query.effective_sort
        if SORTABLE.get(column) is None or (self.model.query.searching and column is not Column.RECEIVED):
            self._show_sort()  # not orderable by an index: keep the order and say so
            self.show_message(
                self.tr("This column cannot be sorted.")
                if not self.model.query.searching
                else self.tr("Search results are listed newest first or oldest first only.")
            )
            return
        # Again on the same column turns the order round; a new column starts newest first (received) or
        # soonest / lowest first (due, receipt number).
        descending = not descending if SORTABLE[column] is sort else column is Column.RECEIVED
        self.model.sort_by(column, descending)
        self._header_timer.start()
        self._show_sort()

    def _show_sort(self) -> None:
        sort, descending = self.model.query.effective_sort
        column = next(c for c, s in SORTABLE.items() if s is sort)
        header = self.ui.queueTable.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(False)

    def _listing_replaced(self) -> None:
        """Another listing in the table (the model keeps its rows for it, see gui.queue_model): no row of it
        selected yet, and its top in view."""
        table = self.ui.queueTable
        table.selectionModel().reset()  # (as a model reset would: no signal, the case panel is told apart)
        table.scrollToTop()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        case_id = self.model.data(indexes[0], Qt.ItemDataRole.UserRole) if indexes else None
        self.ui.casePanel.show_case(case_id)

    def set_language(self, language: Language) -> None:
        self.languages.use(language)  # every widget gets LanguageChange and retranslates itself
        (self.ui.actionKorean if language is Language.KOREAN else self.ui.actionEnglish).setChecked(True)
        self.tasks.write(lambda s: _remember_language(s, language))

    # ---- the status bar ----------------------------------------------------------------------------------

    def _first_window_loaded(self, _number: int) -> None:
        self.model.windowLoaded.disconnect(self._first_window_loaded)
        self.refresh_store_state()

    def refresh_store_state(self) -> None:
        self.tasks.read(store_state, self._show_store_state)

    def _show_store_state(self, state: StoreState) -> None:
        self._state = state
        self._retranslate_status()

    def show_message(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    def _show_header(self, _count: QueueCount | None = None) -> None:
        self._header_timer.stop()
        self._retranslate_queue_title()
        self._show_count(self.model.count)

    def _show_count(self, count: QueueCount) -> None:
        if self.model.counting:
            self._count_label.setText(self.tr("counting…"))
            return
        number = formats.number(count.value)
        self._count_label.setText(
            self.tr("%1 cases").replace("%1", number)
            if count.exact
            else self.tr("%1+ cases").replace("%1", number)
        )

    def _task_failed(self, error: BaseException) -> None:
        self.show_message(self.tr("Could not read the local store: %1").replace("%1", str(error)), 15_000)

    # ---- language ----------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        title = self.tr("Complaints Desk")
        if self.viewer.name:
            title += f" — {self.viewer.name}"
        if self.profile:
            title += f" [{self.profile}]"
        self.setWindowTitle(title)
        self._toolbar.setWindowTitle(self.tr("Toolbar"))
        for row, action in enumerate(self._queue_actions):
            item = self.ui.queueList.item(row)
            item.setToolTip(
                f"{action.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        self.model.retranslate()
        self._size_columns()
        self._retranslate_queue_title()
        self._retranslate_status()
        self._retranslate_case_menu()
        self._show_count(self.model.count)

    def _retranslate_case_menu(self) -> None:
        if self._case_menu is not None:
            self._case_menu.setTitle(self.tr("&Case"))

    def _retranslate_queue_title(self) -> None:
        row = QUEUES.index(self.model.query.queue)
        text = self.ui.queueList.item(row).text()
        if self.model.query.queue is Queue.DEPARTMENT and self.viewer.department_name:
            text += f" · {self.viewer.department_name}"
        if self.model.query.queue in (Queue.MINE, Queue.DEPARTMENT) and not self.viewer.staff_id:
            text += " " + self.tr("(no one is signed in at this desk)")
        self.ui.queueTitle.setText(text)

    def _retranslate_status(self) -> None:
        state = self._state
        if state is None:
            self._store_label.setText(self.tr("Local store: opening…"))
            return
        text = self.tr("Local store: %1 cases").replace("%1", formats.number(state.cases))
        if state.last_change:
            text += " · " + self.tr("last change %1").replace(
                "%1", formats.date_time(state.last_change, korean=korean())
            )
        self._store_label.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # share the width once, by proportion, whatever the screen and its scaling
            self._sized = True
            width = self.ui.splitter.width() or self.width()
            left, right = min(180, round(width * 0.12)), min(420, round(width * 0.22))
            self.ui.splitter.setSizes([left, width - left - right, right])
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._state_timer.stop()
        super().closeEvent(event)


LANGUAGE_KEY = "ui.language"


def _remember_language(session: Session, language: Language) -> None:
    desk_settings.remember(session, LANGUAGE_KEY, language.value)
