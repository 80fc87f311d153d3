"""The list of changes the server refused, with its reasons (opened from the status bar). Choosing one emits
`openCase(case_id)`; what to do with the case (redo, discard) is the case view's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.events import EventType
from ..store.local.outbox import RejectedLine, rejected_lines
from . import formats, labels
from .language import korean
from .tasks import Tasks

REASON_COLUMN = 2


class RejectedChangesDialog(QDialog):
    openCase = Signal(str)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectedChanges")
        self.lines: list[RejectedLine] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the server's reason takes what is left, wrapped, so the columns after it (the notice) stay in view
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open(row))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self.retranslate()
        tasks.read(rejected_lines, self.show_lines)

    def show_lines(self, lines: list[RejectedLine]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            reason = (line.message_ko if korean() else line.message_en) or line.reason
            try:
                change = labels.event(EventType(line.event_type))
            except ValueError:
                change = line.event_type
            moment = formats.date_time(line.rejected_at, korean=korean()) if line.rejected_at else ""
            notice = self._notice(line)
            for column, text in enumerate((line.receipt_no or "", change, reason, moment, notice)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, line.case_id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if lines:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(lines))

    def _notice(self, line: RejectedLine) -> str:
        """The change's notice, when the petitioner may already hold it."""
        if line.notice is None:
            return ""
        if line.notice.printed_at is not None:
            return self.tr("Printed: withdraw it")
        return self.tr("Saved: withdraw it")

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.openCase.emit(self.lines[row].case_id)
            self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rejected changes"))
        self.intro.setText(
            self.tr(
                "The server refused these changes. Open a case to see what the server has and redo or discard the change."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Receipt no."),
                self.tr("Change"),
                self.tr("Server's reason"),
                self.tr("Rejected at"),
                self.tr("Notice"),
            ]
        )
        self.open_button.setText(self.tr("&Open case"))
        if self.lines:
            self.show_lines(self.lines)
