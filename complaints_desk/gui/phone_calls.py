"""The phone calls panel (a dock, F9): the calls the telephone system reports for this desk (sync.cti.CallWatcher:
the ones this agent answered, and every ringing or missed call), newest first, each with the caller's earlier
cases from the local store (store.intake_support.caller_history, on the reader pool). Double-click or Enter
opens the phone intake with the caller's number filled in, so the caller's history is on screen at once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from ..domain.cti import CallState
from ..store.intake_support import CallerHistory, caller_history
from ..sync.cti import PhoneCall
from . import formats
from .language import korean
from .tasks import Tasks
from .ui_phone_calls import Ui_PhoneCallsPanel

SHORTCUT = QKeySequence("F9")
MAX_ROWS = 200
_MISSED = QColor("#b00020")


_STATES = {
    CallState.RINGING: QT_TRANSLATE_NOOP("PhoneCallsPanel", "Ringing"),
    CallState.ANSWERED: QT_TRANSLATE_NOOP("PhoneCallsPanel", "On the line"),
    CallState.MISSED: QT_TRANSLATE_NOOP("PhoneCallsPanel", "Missed"),
    CallState.ENDED: QT_TRANSLATE_NOOP("PhoneCallsPanel", "Ended"),
}


def _state_text(state: CallState) -> str:
    return QCoreApplication.translate("PhoneCallsPanel", str(_STATES[state]))


def _history(session: Session, *, phone: str) -> CallerHistory | None:
    return caller_history(session, phone)


class PhoneCallsPanel(QWidget):
    takeCall = Signal(str)  # the caller's number: open the phone intake with it

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PhoneCallsPanel()
        self.ui.setupUi(self)
        self._tasks = tasks
        self.calls: dict[str, PhoneCall] = {}
        self.histories: dict[str, CallerHistory | None] = {}
        header = self.ui.callsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.callsTable.cellActivated.connect(self._activated)
        self.ui.callsTable.cellDoubleClicked.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_calls(self, calls: list[PhoneCall]) -> None:
        """The watcher's news (on the GUI thread): each call's newest state, and its caller's history read."""
        for call in calls:
            self.calls[call.call_id] = call
            if call.caller not in self.histories and call.caller != "anonymous":
                self.histories[call.caller] = None
                self._tasks.read(partial(_history, phone=call.caller), self._history_read(call.caller))
        if len(self.calls) > MAX_ROWS:
            for old in sorted(self.calls.values(), key=lambda c: c.started_at)[: len(self.calls) - MAX_ROWS]:
                del self.calls[old.call_id]
        self._fill()

    def _history_read(self, phone: str) -> Callable[[CallerHistory | None], None]:
        def arrived(history: CallerHistory | None) -> None:
            self.histories[phone] = history
            self._fill()

        return arrived

    def ordered(self) -> list[PhoneCall]:
        return sorted(self.calls.values(), key=lambda c: c.started_at, reverse=True)

    def _history_text(self, caller: str) -> str:
        if caller == "anonymous":
            return "—"  # nothing to look up
        history = self.histories.get(caller)
        if history is None or history.total == 0:
            return self.tr("None")
        newest = history.cases[0]
        return (
            self.tr("%n case(s), newest %1 %2", "", history.total)
            .replace("%1", newest.receipt_no)
            .replace("%2", newest.title)
        )

    def _fill(self) -> None:
        table = self.ui.callsTable
        calls = self.ordered()
        table.setRowCount(len(calls))
        for row, call in enumerate(calls):
            caller = self.tr("Number withheld") if call.caller == "anonymous" else formats.phone(call.caller)
            cells = (
                formats.date_time(call.started_at, korean=korean()),
                caller,
                _state_text(call.state),
                self._history_text(call.caller),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, call.caller)
                if call.state is CallState.MISSED:
                    item.setForeground(QBrush(_MISSED))
                table.setItem(row, column, item)

    def _activated(self, row: int, _column: int) -> None:
        item = self.ui.callsTable.item(row, 1)
        caller = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        if caller and caller != "anonymous":
            self.takeCall.emit(str(caller))


class PhoneCallsDock(QDockWidget):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneCallsDock")
        self.panel = PhoneCallsPanel(tasks, self)
        self.setWidget(self.panel)
        self.toggle = QAction(self)
        self.toggle.setShortcut(SHORTCUT)
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.setVisible)
        self.visibilityChanged.connect(self.toggle.setChecked)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phone calls"))
        self.toggle.setText(self.tr("&Phone calls"))
        self.toggle.setToolTip(self.tr("The calls the telephone system reports (F9)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
