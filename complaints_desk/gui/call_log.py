"""The call-log box (staff protection, domain.calls): two buttons for the agent on a phone call, 경고 안내 기록
(F8: the warning announced, first then second, with its reason) and 통화 종료 기록 (Ctrl+F8: the call ended
after a warning), enabled in the order the rule allows. Each press is a call-log record saved on the writer
thread (store.local.call_queue.record_call: kept and queued for the server in one transaction); the sync
engine sends it (sync.calls).

The phone intake form carries one (ui/intake.ui, `callLog`; gui/intake.py): it calls `attach(tasks)`,
`set_agent(staff_id)` once the desk knows who works there, `start_call()` when a call begins (the form opened
or cleared for the next call: a new call id), `caller_typed(text)` as the number is typed, and
`intake_saved()` when the call's intake is saved: the caller may still be on the line while the receipt
number is read out, so the call goes on until a number is typed into the emptied form. Every record is one
`Tasks.write`, after which the desk's sync pushes at once (sync.calls rides on the push).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGroupBox, QWidget
from sqlalchemy.orm import Session

from ..domain.calls import (
    CallRecord,
    CallRecordKind,
    WarningLevel,
    WarningReason,
    may_end,
    new_call_record,
    next_warning,
)
from ..domain.errors import DomainError
from ..domain.ids import new_id
from ..domain.masking import normalize_phone
from ..store.local.call_queue import record_call
from . import formats
from .language import korean
from .tasks import Tasks
from .ui_call_log import Ui_CallLog

WARN_SHORTCUT = QKeySequence("F8")
END_SHORTCUT = QKeySequence("Ctrl+F8")
REASONS = (WarningReason.ABUSE, WarningReason.THREATS, WarningReason.TOO_LONG)


def _save(record: CallRecord) -> Callable[[Session], CallRecord]:
    def save(session: Session) -> CallRecord:
        record_call(session, record, now=datetime.now(UTC))
        return record

    return save


class CallLogBox(QGroupBox):
    recorded = Signal(object)  # the CallRecord, once it is saved locally

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CallLog()
        self.ui.setupUi(self)
        self._tasks: Tasks | None = None
        self._agent_id: str | None = None
        self._call_id: str | None = None
        self._phone = ""
        self._records: list[CallRecord] = []
        self._saving = False
        self._message = ""
        self._next_on_typing = False  # the call's intake is saved: the next number typed is the next call
        self.ui.warnButton.clicked.connect(self.record_warning)
        self.ui.endButton.clicked.connect(self.record_end)
        self.retranslate()
        self._update()

    # ---- the host form's seams ----------------------------------------------------------------------------

    def attach(self, tasks: Tasks) -> None:
        self._tasks = tasks
        self._update()

    def set_agent(self, staff_id: str | None) -> None:
        self._agent_id = staff_id
        self._update()

    def start_call(self, caller_phone: str = "") -> None:
        """A new call: a fresh call id, no warning yet."""
        self._call_id = new_id()
        self._records = []
        self._message = ""
        self._next_on_typing = False
        self.set_caller_phone(caller_phone)
        self._update()

    def caller_typed(self, phone: str) -> None:
        """The caller's number as the form has it now; after `intake_saved`, a number typed starts the next
        call (the form emptying itself after the save does not)."""
        if self._next_on_typing:
            if phone.strip():
                self.start_call(phone)
            return
        self.set_caller_phone(phone)

    def intake_saved(self) -> None:
        """The intake of this call is saved: the call goes on (its warnings stay) until the next number."""
        self._next_on_typing = True

    def set_caller_phone(self, phone: str) -> None:
        # The record is kept whatever was typed: a number that is not one yet is left out, never refused.
        try:
            self._phone = normalize_phone(phone)
        except DomainError:
            self._phone = ""

    @property
    def records(self) -> tuple[CallRecord, ...]:
        return tuple(self._records)

    # ---- the two buttons --------------------------------------------------------------------------------

    def record_warning(self) -> None:
        level = next_warning(self._records)
        if level is None or not self._ready():
            return
        reason = REASONS[max(0, self.ui.reasonBox.currentIndex())]
        self._write(CallRecordKind.WARNING_ANNOUNCED, level, reason)

    def record_end(self) -> None:
        if not may_end(self._records) or not self._ready():
            return
        self._write(CallRecordKind.CALL_ENDED, None, None)

    def _ready(self) -> bool:
        return self._tasks is not None and self._agent_id is not None and self._call_id is not None

    def _write(self, kind: CallRecordKind, level: WarningLevel | None, reason: WarningReason | None) -> None:
        assert self._tasks is not None and self._agent_id is not None and self._call_id is not None
        record = new_call_record(
            new_id(),
            self._call_id,
            kind,
            datetime.now(UTC),
            self._agent_id,
            caller_phone=self._phone,
            warning=level,
            reason=reason,
        )
        self._saving = True
        self._update()
        self._tasks.write(_save(record), self._saved, self._failed)

    def _saved(self, record: CallRecord) -> None:
        self._saving = False
        if record.call_id == self._call_id:
            self._records.append(record)
        self._message = ""
        self._update()
        self.recorded.emit(record)

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, DomainError):
            self._message = error.ko if korean() else error.en
        else:
            self._message = self.tr("The record could not be saved: %1").replace("%1", type(error).__name__)
        self._update()

    # ---- what the agent sees ----------------------------------------------------------------------------

    def _update(self) -> None:
        ready = self._ready() and not self._saving
        level = next_warning(self._records)
        self.ui.warnButton.setEnabled(ready and level is not None)
        self.ui.reasonBox.setEnabled(ready and level is not None)
        self.ui.endButton.setEnabled(ready and may_end(self._records))
        self._retranslate_buttons()
        self.ui.stateLabel.setText(self._state_text())

    def _state_text(self) -> str:
        if self._message:
            return self._message
        if self._call_id is None:
            return self.tr("No call in progress.")
        if self._agent_id is None:
            return self.tr("Sign in to record warnings.")
        if not self._records:
            return self.tr("Before ending a call, announce the reason and record it here.")
        last = self._records[-1]
        at = formats.date_time(last.occurred_at, korean=korean())
        if last.kind is CallRecordKind.CALL_ENDED:
            return self.tr("Call ended after the warning (%1).").replace("%1", at)
        if last.warning is WarningLevel.FIRST:
            return self.tr("First warning recorded (%1). The call may now be ended.").replace("%1", at)
        return self.tr("Second warning recorded (%1). The call may now be ended.").replace("%1", at)

    def _retranslate_buttons(self) -> None:
        level = next_warning(self._records)
        if level is WarningLevel.SECOND:
            warn = self.tr("Record second warning (F8)")
        else:
            warn = self.tr("Record warning announced (F8)")
        self.ui.warnButton.setText(warn)
        self.ui.endButton.setText(self.tr("Record call ended (Ctrl+F8)"))
        # A button's setText replaces its shortcut with the text's mnemonic: set ours after every change.
        self.ui.warnButton.setShortcut(WARN_SHORTCUT)
        self.ui.endButton.setShortcut(END_SHORTCUT)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        current = max(0, self.ui.reasonBox.currentIndex())
        self.ui.reasonBox.clear()
        self.ui.reasonBox.addItems(
            [self.tr("Abuse or insults"), self.tr("Threats"), self.tr("Far past the recommended length")]
        )
        self.ui.reasonBox.setCurrentIndex(current)
        self._retranslate_buttons()
        self.ui.stateLabel.setText(self._state_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
