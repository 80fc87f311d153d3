"""Phone intake (F2, agents) and counter intake (F3, clerks): one form, two modes, the keyboard alone.

The caller's number comes first: after a pause in typing, their earlier cases are listed (store.intake_support
on the reader pool). Departments are suggested from the routing rules as the title and content are typed
(domain.routing, over rules read once), and Enter in the title or on the department accepts the first.
Ctrl+Enter or Ctrl+S saves (the writer thread, through the outbox), Esc clears. The phone mode carries the
call-log box (gui/call_log.py: F8 the warning announced, Ctrl+F8 the call ended after it) for the call the
form is taking. A saved intake shows its
receipt number in large type to read out, and the form is empty and focused for the next call; the counter
mode also shows the receipt to print (gui.receipt_preview). A refused form keeps what was typed and says
what is wrong next to each field (domain.intake_form; the lifecycle's field names for what only it knows).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTreeWidgetItem, QWidget

from ..domain.case import CaseState
from ..domain.channels import Channel
from ..domain.errors import DomainError
from ..domain.intake_form import IntakeFields, intake_problems, resident_number_problem
from ..domain.kinds import Kind
from ..domain.routing import Suggestion, suggest_departments
from ..store.intake import Intake
from ..store.intake_support import (
    CallerHistory,
    IntakeChoices,
    PastCase,
    caller_history,
    intake_choices,
    likely_duplicates,
)
from ..store.local.desk_intake import AtOnceAnswer, DeskIdentity, save_intake
from . import formats, labels
from .language import korean
from .tasks import Tasks
from .ui_intake import Ui_IntakeForm

PAUSE_MS = 250  # look the caller up once typing pauses
KINDS = (
    Kind.OTHER,
    Kind.GRIEVANCE,
    Kind.SUGGESTION,
    Kind.INQUIRY_PROCEDURE,
    Kind.INQUIRY_LAW,
    Kind.STATUTORY,
    Kind.PROPOSAL,
)
REPLY_CHANNELS = (Channel.PHONE, Channel.MAIL, Channel.COUNTER, Channel.KAKAO, Channel.WEB)
ERROR_STYLE = "color: #b00020;"


class Mode(Enum):
    PHONE = "phone"
    COUNTER = "counter"


class IntakeForm(QWidget):
    def __init__(
        self, tasks: Tasks, identity: Callable[[], DeskIdentity | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.identity = identity
        self.ui = Ui_IntakeForm()
        self.ui.setupUi(self)
        self.mode = Mode.PHONE
        self.choices = IntakeChoices((), (), ())
        self.suggestions: list[Suggestion] = []
        self.history: CallerHistory | None = None
        self.duplicates: list[PastCase] = []
        self.last_saved: CaseState | None = None
        self._problems: dict[str, DomainError] = {}
        self._message = ""
        ui = self.ui
        from .receipt_preview import ReceiptPreview  # QtPdf and reportlab: loaded with the form, not at start

        self.preview = ReceiptPreview(tasks, identity, ui.previewHost)
        host = ui.previewHost
        from PySide6.QtWidgets import QVBoxLayout

        host_layout = QVBoxLayout(host)
        host_layout.addWidget(self.preview)
        host_layout.setContentsMargins(0, 0, 0, 0)
        big = QFont(ui.receiptNumber.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        ui.receiptNumber.setFont(big)
        title = QFont(ui.modeTitle.font())
        title.setPointSizeF(title.pointSizeF() * 1.3)
        title.setBold(True)
        ui.modeTitle.setFont(title)
        self._fields: dict[str, QWidget] = {
            "phone": ui.phoneEdit,
            "name": ui.nameEdit,
            "kind": ui.kindCombo,
            "category_code": ui.categoryCombo,
            "title": ui.titleEdit,
            "body": ui.bodyEdit,
            "place": ui.placeEdit,
            "address": ui.addressEdit,
            "reply_channel": ui.replyCombo,
            "department_code": ui.departmentCombo,
            "privacy_consent": ui.consentCheck,
            "signers": ui.signersSpin,
            "households": ui.householdsSpin,
            "answer": ui.answerEdit,
        }
        self._errors: dict[str, QLabel] = {}
        self._make_error_labels()
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        ui.formSideLayout.insertWidget(ui.formSideLayout.count() - 1, self.general_error)
        ui.historyList.setColumnCount(4)
        ui.duplicatesList.setColumnCount(4)
        self._phone_timer = self._timer(self._look_up_caller)
        self._text_timer = self._timer(self._look_up_duplicates)
        ui.phoneEdit.textChanged.connect(lambda _t: self._phone_timer.start())
        ui.callLog.attach(tasks)  # the phone call's warnings and its end (gui/call_log.py)
        ui.phoneEdit.textChanged.connect(ui.callLog.caller_typed)
        ui.titleEdit.textChanged.connect(self._text_changed)
        ui.bodyEdit.textChanged.connect(self._text_changed)
        ui.categoryCombo.currentIndexChanged.connect(lambda _i: self._suggest())
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        ui.groupCheck.toggled.connect(self._group_toggled)
        for name in ("phone", "name", "title", "body", "place", "address", "answer"):
            widget = self._fields[name]
            signal = widget.textChanged  # type: ignore[attr-defined]
            signal.connect(lambda *_a, n=name: self._live_check(n))
        ui.titleEdit.returnPressed.connect(self._accept_and_next)
        ui.phoneEdit.returnPressed.connect(self.focusNextChild)
        ui.nameEdit.returnPressed.connect(self.focusNextChild)
        ui.placeEdit.returnPressed.connect(self.focusNextChild)
        ui.addressEdit.returnPressed.connect(self.focusNextChild)
        ui.departmentCombo.installEventFilter(self)
        ui.saveButton.clicked.connect(self.save)
        ui.clearButton.clicked.connect(self.clear)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.clear)
        print_key = QShortcut(QKeySequence("Ctrl+P"), self)
        print_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_key.activated.connect(self.preview.print_receipt)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        self.retranslate()
        self.set_mode(Mode.PHONE)
        self.clear()
        self.read_choices()

    def read_choices(self) -> None:
        """The departments, categories and routing rules as the store has them now (a desk's first pull
        brings them after the form may already exist)."""
        self.tasks.read(intake_choices, self._choices_arrived)

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(PAUSE_MS)
        timer.timeout.connect(slot)
        return timer

    def _make_error_labels(self) -> None:
        form = self.ui.formLayout
        for name, widget in self._fields.items():
            label = QLabel(self)
            label.setObjectName(f"{name}Error")
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            self._errors[name] = label
            position: tuple[int, object] = form.getWidgetPosition(widget)  # type: ignore[assignment]
            row = position[0]
            if row >= 0:
                form.insertRow(row + 1, "", label)
            elif name in ("signers", "households"):
                self.ui.groupBox.layout().addWidget(label)  # type: ignore[union-attr]
            else:
                self.ui.answerLayout.addWidget(label)

    # ---- modes ------------------------------------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        counter = mode is Mode.COUNTER
        self.ui.groupBox.setVisible(counter)
        self.ui.previewHost.setVisible(counter)
        self.ui.callLog.setVisible(not counter)  # a counter visit is no call
        self.identity_changed()
        if not self.ui.phoneEdit.text():
            self._select(self.ui.replyCombo, (Channel.COUNTER if counter else Channel.PHONE).value)
        self._retranslate_mode()

    def identity_changed(self) -> None:
        """Who works at the desk changed (a sign-in, a switch of user): their call log from now on."""
        identity = self.identity()
        self.ui.callLog.set_agent(identity.actor.id if identity is not None else None)

    @property
    def channel(self) -> Channel:
        return Channel.COUNTER if self.mode is Mode.COUNTER else Channel.PHONE

    # ---- reference data, history, duplicates, suggestions -----------------------------------------------

    def _choices_arrived(self, choices: IntakeChoices) -> None:
        self.choices = choices
        self._fill_choices()
        self._suggest()

    def _fill_choices(self) -> None:
        ui = self.ui
        category = ui.categoryCombo.currentData()
        department = ui.departmentCombo.currentData()
        ui.categoryCombo.clear()
        ui.categoryCombo.addItem(self.tr("(none)"), None)
        for choice in self.choices.categories:
            ui.categoryCombo.addItem(choice.name, choice.code)
        ui.departmentCombo.clear()
        ui.departmentCombo.addItem(self.tr("(keep at the centre)"), None)
        for code, name in self.choices.departments:
            ui.departmentCombo.addItem(name, code)
        self._select(ui.categoryCombo, category)
        self._select(ui.departmentCombo, department)

    @staticmethod
    def _select(combo: object, data: object) -> None:
        from PySide6.QtWidgets import QComboBox

        assert isinstance(combo, QComboBox)
        index = combo.findData(data)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _look_up_caller(self) -> None:
        phone = self.ui.phoneEdit.text()
        self.tasks.read(lambda s: caller_history(s, phone), lambda h: self._history_arrived(phone, h))
        self._look_up_duplicates()

    def _history_arrived(self, phone: str, history: CallerHistory | None) -> None:
        if phone != self.ui.phoneEdit.text():
            return  # typed on since
        self.history = history
        self._fill_list(self.ui.historyList, history.cases if history else ())
        self._retranslate_lists()

    def _text_changed(self) -> None:
        self._suggest()
        self._text_timer.start()

    def _look_up_duplicates(self) -> None:
        phone, title = self.ui.phoneEdit.text(), self.ui.titleEdit.text()
        if not title.strip() and not phone.strip():
            self._duplicates_arrived((phone, title), [])
            return
        now = datetime.now(UTC)
        self.tasks.read(
            lambda s: likely_duplicates(s, phone=phone, title=title, now=now),
            lambda found: self._duplicates_arrived((phone, title), found),
        )

    def _duplicates_arrived(self, asked: tuple[str, str], found: list[PastCase]) -> None:
        if asked != (self.ui.phoneEdit.text(), self.ui.titleEdit.text()):
            return
        self.duplicates = found
        self._fill_list(self.ui.duplicatesList, found)
        self._retranslate_lists()

    def _fill_list(self, tree: object, cases: tuple[PastCase, ...] | list[PastCase]) -> None:
        from PySide6.QtWidgets import QTreeWidget

        assert isinstance(tree, QTreeWidget)
        tree.clear()
        ko = korean()
        for case in cases:
            item = QTreeWidgetItem(
                [
                    case.receipt_no,
                    formats.date_time(case.received_at, korean=ko),
                    labels.status(case.status),
                    case.title,
                ]
            )
            item.setToolTip(3, case.title)
            tree.addTopLevelItem(item)
        for column in range(3):
            tree.resizeColumnToContents(column)

    def _suggest(self) -> None:
        ui = self.ui
        category = ui.categoryCombo.currentData()
        default = next((c.department_code for c in self.choices.categories if c.code == category), None)
        self.suggestions = suggest_departments(
            self.choices.rules,
            ui.titleEdit.text(),
            ui.bodyEdit.toPlainText(),
            category_code=category,
            limit=3,
            category_department=default,
        )
        self._retranslate_suggestion()

    def accept_suggestion(self) -> bool:
        """Put the first suggested department in the department box (Enter in the title or on the box)."""
        if not self.suggestions:
            return False
        self._select(self.ui.departmentCombo, self.suggestions[0].department_code)
        return True

    def _accept_and_next(self) -> None:
        self.accept_suggestion()
        self.focusNextChild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.ui.departmentCombo
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.accept_suggestion()
            return True
        return super().eventFilter(watched, event)

    def _kind_changed(self) -> None:
        self.ui.answerBox.setVisible(self.ui.kindCombo.currentData() == Kind.OTHER.value)

    def _group_toggled(self, on: bool) -> None:
        self.ui.signersSpin.setEnabled(on)
        self.ui.householdsSpin.setEnabled(on)

    # ---- checking and saving ------------------------------------------------------------------------------

    def _text(self, name: str) -> str:
        widget = self._fields[name]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def _live_check(self, name: str) -> None:
        """A resident registration number is refused as soon as it is typed, with the reason."""
        problem = resident_number_problem(name, self._text(name))
        if problem is not None:
            self._problems[name] = problem
        elif name in self._problems and self._problems[name].code == "resident_number":
            del self._problems[name]
        self._show_problems()

    def form_fields(self) -> IntakeFields:
        ui = self.ui
        kind = Kind(ui.kindCombo.currentData())
        group = self.mode is Mode.COUNTER and ui.groupCheck.isChecked()
        return IntakeFields(
            kind=kind,
            title=ui.titleEdit.text(),
            body=ui.bodyEdit.toPlainText(),
            name=ui.nameEdit.text(),
            phone=ui.phoneEdit.text(),
            address=ui.addressEdit.text(),
            place=ui.placeEdit.text(),
            answer=ui.answerEdit.toPlainText() if kind is Kind.OTHER else "",
            phone_required=self.mode is Mode.PHONE,
            is_group=group,
            signers=ui.signersSpin.value() if group else 1,
            households=ui.householdsSpin.value() if group else 1,
        )

    def save(self) -> None:
        fields = self.form_fields()
        problems = intake_problems(fields)
        self._problems = {p.field: p for p in problems}
        self._message = ""
        self._show_problems()
        if problems:
            self._focus_field(problems[0].field)
            return
        identity = self.identity()
        if identity is None:
            self._message = self.tr("Nobody is signed in at this desk: the intake cannot be saved.")
            self._show_problems()
            return
        ui = self.ui
        intake = Intake(
            kind=fields.kind,
            channel=self.channel,
            title=fields.title.strip(),
            body=fields.body.strip(),
            petitioner_name=fields.name.strip(),
            petitioner_phone=fields.phone.strip(),
            petitioner_address=fields.address.strip(),
            reply_channel=str(ui.replyCombo.currentData() or self.channel.value),
            category_code=ui.categoryCombo.currentData(),
            department_code=None if fields.answer.strip() else ui.departmentCombo.currentData(),
            is_group=fields.is_group,
            signers=fields.signers,
            households=fields.households,
            place=fields.place.strip(),
            privacy_consent=ui.consentCheck.isChecked(),
        )
        answer = (
            AtOnceAnswer(fields.answer.strip(), close=ui.closeCheck.isChecked()) if fields.answer.strip() else None
        )
        ui.saveButton.setEnabled(False)
        self.tasks.write(lambda s: save_intake(s, intake, identity, answer=answer), self._saved, self._refused)

    def _saved(self, state: CaseState) -> None:
        self.ui.saveButton.setEnabled(True)
        self.last_saved = state
        self.ui.receiptNumber.setText(state.receipt_no)
        self._retranslate_receipt()
        if self.mode is Mode.COUNTER:
            self.preview.show_receipt(state.receipt_no)
        self.clear(keep_receipt=True)
        window = self.window()
        refresh = getattr(window.parent(), "refresh", None) if window is not None else None
        if callable(refresh):
            refresh()

    def _refused(self, error: BaseException) -> None:
        self.ui.saveButton.setEnabled(True)
        if isinstance(error, DomainError):
            field = {"petitioner": "name", "case_id": "", "status": ""}.get(error.field, error.field)
            if field in self._fields:
                self._problems[field] = error
                self._focus_field(field)
            else:
                self._message = error.ko if korean() else error.en
        else:
            self._message = self.tr("The intake could not be saved: %1").replace("%1", str(error))
        self._show_problems()

    def _focus_field(self, field: str) -> None:
        widget = self._fields.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problems(self) -> None:
        ko = korean()
        for name, label in self._errors.items():
            problem = self._problems.get(name)
            label.setVisible(problem is not None)
            label.setText((problem.ko if ko else problem.en) if problem else "")
            widget = self._fields[name]
            widget.setProperty("invalid", problem is not None)
            widget.setStyleSheet("border: 1px solid #b00020;" if problem else "")
            widget.setAccessibleDescription(label.text())
        self.general_error.setVisible(bool(self._message))
        self.general_error.setText(self._message)

    def clear(self, keep_receipt: bool = False) -> None:
        """Esc: an empty form for the next call, the caller's number focused. After a save (`keep_receipt`)
        the call itself goes on until the next number is typed (its call log stays with it)."""
        ui = self.ui
        if keep_receipt:
            ui.callLog.intake_saved()
        for edit in (ui.phoneEdit, ui.nameEdit, ui.titleEdit, ui.placeEdit, ui.addressEdit):
            edit.clear()
        ui.bodyEdit.clear()
        ui.answerEdit.clear()
        ui.closeCheck.setChecked(True)
        ui.consentCheck.setChecked(False)
        ui.groupCheck.setChecked(False)
        self._group_toggled(False)
        ui.signersSpin.setValue(1)
        ui.householdsSpin.setValue(1)
        self._select(ui.kindCombo, Kind.GRIEVANCE.value)
        ui.categoryCombo.setCurrentIndex(0)
        ui.departmentCombo.setCurrentIndex(0)
        self._select(ui.replyCombo, self.channel.value)
        self._phone_timer.stop()
        self._text_timer.stop()
        self.history, self.duplicates = None, []
        ui.historyList.clear()
        ui.duplicatesList.clear()
        self._problems, self._message = {}, ""
        self._show_problems()
        if not keep_receipt:
            self.last_saved = None
            ui.receiptNumber.clear()
            self.preview.show_receipt(None)
            ui.callLog.start_call()
        self._kind_changed()
        self._suggest()
        self._retranslate_receipt()
        self._retranslate_lists()
        ui.phoneEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- language ----------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        ui = self.ui
        ui.retranslateUi(self)
        kind = ui.kindCombo.currentData()
        ui.kindCombo.clear()
        for k in KINDS:
            ui.kindCombo.addItem(labels.kind(k), k.value)
        self._select(ui.kindCombo, kind or Kind.GRIEVANCE.value)
        reply = ui.replyCombo.currentData()
        ui.replyCombo.clear()
        for channel in REPLY_CHANNELS:
            ui.replyCombo.addItem(labels.channel(channel), channel.value)
        self._select(ui.replyCombo, reply or self.channel.value)
        self._fill_choices()
        ui.saveButton.setToolTip(self.tr("Save (Ctrl+Enter or Ctrl+S)"))
        ui.clearButton.setToolTip(self.tr("Clear the form (Esc)"))
        ui.keysLabel.setText(self.tr("Enter: accept the suggested department · Ctrl+Enter: save · Esc: clear"))
        self._retranslate_mode()
        self._retranslate_suggestion()
        self._retranslate_receipt()
        self._retranslate_lists()
        self._show_problems()

    def _retranslate_mode(self) -> None:
        self.ui.modeTitle.setText(
            self.tr("Phone intake (F2)") if self.mode is Mode.PHONE else self.tr("Counter intake (F3)")
        )
        self.setWindowTitle(self.ui.modeTitle.text())

    def _retranslate_suggestion(self) -> None:
        names = dict(self.choices.departments)
        if not self.suggestions:
            self.ui.suggestionLabel.setText(self.tr("No department suggested yet: type the title and content."))
            return
        first, *others = self.suggestions
        text = self.tr("Suggested: %1 — Enter to accept").replace(
            "%1", names.get(first.department_code, first.department_code)
        )
        if others:
            text += " · " + self.tr("also %1").replace(
                "%1", ", ".join(names.get(s.department_code, s.department_code) for s in others)
            )
        self.ui.suggestionLabel.setText(text)

    def _retranslate_receipt(self) -> None:
        saved = self.last_saved
        self.ui.receiptCaption.setText(
            self.tr("Receipt number — read it out to the caller")
            if saved
            else self.tr("The receipt number appears here when the intake is saved.")
        )

    def _retranslate_lists(self) -> None:
        ui = self.ui
        history = self.history
        if history is None:
            ui.historyLabel.setText(self.tr("Earlier cases of this caller: type the number first."))
        elif history.total == 0:
            ui.historyLabel.setText(self.tr("No earlier cases from %1.").replace("%1", history.phone))
        else:
            ui.historyLabel.setText(
                self.tr("Earlier cases from %1: %2")
                .replace("%1", history.phone)
                .replace("%2", formats.number(history.total))
            )
        ui.duplicatesLabel.setText(
            self.tr("Likely duplicates (last 14 days): %1").replace("%1", formats.number(len(self.duplicates)))
        )
        for tree in (ui.historyList, ui.duplicatesList):
            tree.setHeaderLabels(
                [self.tr("Receipt no."), self.tr("Received"), self.tr("Status"), self.tr("Title")]
            )
