"""The small dialogs of the case actions, one Designer form each (ui/action_*.ui). A dialog only asks: it turns
what was typed into the event's payload, shows a refusal next to the field it names and keeps everything
typed; checking and recording are the controller's (gui/case_actions.py).

The deadlines a dialog shows (a transfer's clock, an extension's or a resumed clock's new due date) are
computed by domain.deadlines from the case's clock read beforehand (store.case_actions.ActionContext): pure
arithmetic on the GUI thread, no store."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ..domain import deadlines
from ..domain.channels import Channel
from ..domain.deadlines import StopReason, TransferKind
from ..domain.errors import DomainError
from ..domain.extensions import ExtensionReason
from ..domain.periods import Period
from ..domain.replies import ANSWER_ROUTES
from ..store.case_actions import ActionContext, FoundCase
from . import formats, labels
from .case_timeline import CLOSE_REASON, CONTACT_METHOD, EXTENSION_REASON, RESULT, STOP_REASON, tr
from .language import korean
from .ui_action_answer import Ui_ActionAnswerDialog
from .ui_action_assign import Ui_ActionAssignDialog
from .ui_action_clock_resume import Ui_ActionClockResumeDialog
from .ui_action_clock_stop import Ui_ActionClockStopDialog
from .ui_action_close import Ui_ActionCloseDialog
from .ui_action_contact import Ui_ActionContactDialog
from .ui_action_decide import Ui_ActionDecideDialog
from .ui_action_extend import Ui_ActionExtendDialog
from .ui_action_merge import Ui_ActionMergeDialog
from .ui_action_route import Ui_ActionRouteDialog
from .ui_action_satisfaction import Ui_ActionSatisfactionDialog
from .ui_action_text import Ui_ActionTextDialog
from .ui_action_transfer import Ui_ActionTransferDialog

Payload = dict[str, Any]


def _now() -> datetime:
    return datetime.now(UTC)


def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Items (code, name), keeping the chosen code across a refill (a language change)."""
    chosen = combo.currentData()
    combo.clear()
    for code, name in items:
        combo.addItem(name, code)
    if chosen is not None and (index := combo.findData(chosen)) >= 0:
        combo.setCurrentIndex(index)


def _choose(combo: QComboBox, code: object) -> None:
    if (index := combo.findData(code)) >= 0:
        combo.setCurrentIndex(index)


class ActionDialog(QDialog):
    """One action's form. `submitted` carries the payload when OK is pressed; the dialog stays open until the
    controller calls `finish()` (recorded) or `show_error()` (refused, everything typed kept)."""

    submitted = Signal(object)
    FORM: ClassVar[type[Any]]
    # DomainError fields that belong next to another field's box.
    ALIASES: ClassVar[Mapping[str, str]] = {}

    def __init__(self, context: ActionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = self.FORM()
        self.ui.setupUi(self)
        self.setObjectName(type(self).__name__)
        self._errors: dict[str, QLabel] = {
            label.objectName().removesuffix("Error"): label
            for label in self.findChildren(QLabel)
            if label.objectName().endswith("Error")
        }
        for label in self._errors.values():
            label.setStyleSheet("color: #b3261e;")
        self.ui.buttons.accepted.connect(self._submit)
        self.ui.buttons.rejected.connect(self.reject)
        self.setup()
        self.retranslate()

    # ---- for each dialog -----------------------------------------------------------------------------------

    def setup(self) -> None:
        """Connect the form's widgets (once)."""

    def fill(self) -> None:
        """Set the strings that are not the form's own (choices, computed dates), in the current language."""

    def payload(self) -> Payload:
        raise NotImplementedError

    def prefill(self, payload: Mapping[str, Any]) -> None:
        """Put an earlier event's payload back into the form (redoing a change the server refused)."""

    # ---- shared ----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        state = self.context.state
        self.ui.caseLabel.setText(  # (rich text: the petitioner's title is escaped)
            f"<b>{html.escape(state.receipt_no)}</b> · {html.escape(state.title)} ({labels.status(state.status)})"
        )
        self.fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _submit(self) -> None:
        self.clear_errors()
        try:
            payload = self.payload()
        except DomainError as error:  # the form's own check (nothing found for a receipt number …)
            self.show_error(error)
            return
        self.submitted.emit(payload)

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.setVisible(False)

    def show_error(self, error: DomainError) -> None:
        name = self.ALIASES.get(error.field, error.field)
        label = self._errors.get(name) or self._errors["form"]
        if error.code == "required" and label.objectName() != "formError":
            label.setText(
                QCoreApplication.translate("ActionDialog", "Please fill this in.")
            )  # (the domain's message names the wire field)
        else:
            label.setText(error.ko if korean() else error.en)
        label.setVisible(True)
        if label.objectName() != "formError":
            buddy = self.findChild(QLabel, f"{name}Label")
            widget = buddy.buddy() if buddy is not None else None
            if widget is not None:
                widget.setFocus()

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and label.isVisible() else ""

    def finish(self) -> None:
        self.accept()


def _text(edit: QPlainTextEdit | QLineEdit) -> str:
    return (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()).strip()


class TextDialog(ActionDialog):
    """One text: a note (`text`), or the reason of a return, reopening, withdrawal or re-review (`reason`)."""

    FORM = Ui_ActionTextDialog
    ALIASES: ClassVar[Mapping[str, str]] = {"reason": "text"}

    def __init__(self, context: ActionContext, key: str, title: str, label: str, parent: QWidget | None = None):
        self.key, self._title, self._label = key, title, label
        super().__init__(context, parent)

    def fill(self) -> None:
        self.setWindowTitle(self._title)
        self.ui.textLabel.setText(self._label)

    def payload(self) -> Payload:
        value = _text(self.ui.textEdit)
        return {self.key: value} if value or self.key == "text" else {}

    def prefill(self, payload: Mapping[str, Any]) -> None:
        self.ui.textEdit.setPlainText(str(payload.get(self.key, "")))


class RouteDialog(ActionDialog):
    FORM = Ui_ActionRouteDialog

    def fill(self) -> None:
        _fill(self.ui.departmentCombo, [(c.code, c.name) for c in self.context.departments])
        self.ui.transferDueValue.setText(formats.date_time(self._due(), korean=korean()))

    def _due(self) -> datetime:
        return deadlines.transfer_due_at(_now(), TransferKind.COUNTER_TO_DEPARTMENT, self.context.calendar)

    def payload(self) -> Payload:
        return {
            "department_code": self.ui.departmentCombo.currentData() or "",
            "transfer_due_at": self._due().isoformat(),
        }

    def prefill(self, payload: Mapping[str, Any]) -> None:
        _choose(self.ui.departmentCombo, payload.get("department_code"))


class AssignDialog(ActionDialog):
    FORM = Ui_ActionAssignDialog

    def fill(self) -> None:
        _fill(self.ui.officerCombo, [(c.code, c.name) for c in self.context.officers])

    def payload(self) -> Payload:
        return {"staff_id": self.ui.officerCombo.currentData() or ""}

    def prefill(self, payload: Mapping[str, Any]) -> None:
        _choose(self.ui.officerCombo, payload.get("staff_id"))


class TransferDialog(ActionDialog):
    FORM = Ui_ActionTransferDialog

    def setup(self) -> None:
        self.ui.toDepartmentRadio.setChecked(True)
        for radio in (self.ui.toDepartmentRadio, self.ui.toAgencyRadio):
            radio.toggled.connect(lambda _on: self._target_changed())
        self._target_changed()

    def _to_agency(self) -> bool:
        return bool(self.ui.toAgencyRadio.isChecked())

    def _target_changed(self) -> None:
        self.ui.departmentCombo.setEnabled(not self._to_agency())
        self.ui.agencyEdit.setEnabled(self._to_agency())
        self.fill()

    def _due(self) -> datetime:
        kind = TransferKind.OTHER_AGENCY if self._to_agency() else TransferKind.MISROUTED_INTERNAL
        return deadlines.transfer_due_at(_now(), kind, self.context.calendar)

    def fill(self) -> None:
        here = self.context.state.department_code
        _fill(self.ui.departmentCombo, [(c.code, c.name) for c in self.context.departments if c.code != here])
        self.ui.transferDueValue.setText(formats.date_time(self._due(), korean=korean()))

    def payload(self) -> Payload:
        payload: Payload = {"reason": _text(self.ui.reasonEdit), "transfer_due_at": self._due().isoformat()}
        if self._to_agency():
            payload |= {"target": "agency", "agency": _text(self.ui.agencyEdit)}
        else:
            payload |= {"target": "department", "department_code": self.ui.departmentCombo.currentData() or ""}
        return payload

    def prefill(self, payload: Mapping[str, Any]) -> None:
        (self.ui.toAgencyRadio if payload.get("target") == "agency" else self.ui.toDepartmentRadio).setChecked(
            True
        )
        _choose(self.ui.departmentCombo, payload.get("department_code"))
        self.ui.agencyEdit.setText(str(payload.get("agency", "")))
        self.ui.reasonEdit.setPlainText(str(payload.get("reason", "")))


class ContactDialog(ActionDialog):
    FORM = Ui_ActionContactDialog

    def fill(self) -> None:
        _fill(self.ui.methodCombo, [(code, tr(name)) for code, name in CONTACT_METHOD.items()])

    def payload(self) -> Payload:
        return {"method": self.ui.methodCombo.currentData() or "", "summary": _text(self.ui.summaryEdit)}

    def prefill(self, payload: Mapping[str, Any]) -> None:
        _choose(self.ui.methodCombo, payload.get("method"))
        self.ui.summaryEdit.setPlainText(str(payload.get("summary", "")))


class ClockStopDialog(ActionDialog):
    """Stopping the clock: a supplement request (보완 요청) and the other stops the decree counts out."""

    FORM = Ui_ActionClockStopDialog

    def fill(self) -> None:
        _fill(self.ui.reasonCombo, [(str(r), tr(STOP_REASON[str(r)])) for r in StopReason])

    def payload(self) -> Payload:
        payload: Payload = {"reason": self.ui.reasonCombo.currentData() or ""}
        if note := _text(self.ui.noteEdit):
            payload["text"] = note
        return payload

    def prefill(self, payload: Mapping[str, Any]) -> None:
        _choose(self.ui.reasonCombo, payload.get("reason"))
        self.ui.noteEdit.setPlainText(str(payload.get("text", "")))


class ClockResumeDialog(ActionDialog):
    FORM = Ui_ActionClockResumeDialog

    def _due(self) -> datetime:
        return self.context.clock.due_with(self.context.calendar, resumed_at=_now())

    def fill(self) -> None:
        stopped = self.context.clock.stopped
        ko = korean()
        self.ui.stoppedValue.setText(
            f"{formats.date_time(stopped[0], korean=ko)} ({tr(STOP_REASON[str(stopped[1])])})" if stopped else "—"
        )
        self.ui.newDueValue.setText(formats.date_time(self._due(), korean=ko))

    def payload(self) -> Payload:
        return {"new_due_at": self._due().isoformat()}


class ExtendDialog(ActionDialog):
    """An extension (영 §21): an allowed reason, at most the original period in its unit, the second with the
    petitioner's consent; the new due date as domain.deadlines counts it."""

    FORM = Ui_ActionExtendDialog
    ALIASES: ClassVar[Mapping[str, str]] = {"reason": "reason_code"}

    def setup(self) -> None:
        period = self.context.clock.period
        self.ui.amountSpin.setRange(1, period.amount)
        self.ui.amountSpin.setValue(period.amount)
        self.ui.amountSpin.valueChanged.connect(lambda _v: self.fill())
        self.ui.reasonCombo.currentIndexChanged.connect(lambda _i: self._reason_changed())
        second = self.context.state.extension_count == 1
        self.ui.consentCheck.setEnabled(second)
        self.ui.noticeCheck.setChecked(True)

    def _reason_changed(self) -> None:
        self.ui.reasonTextEdit.setEnabled(self.ui.reasonCombo.currentData() == ExtensionReason.EQUIVALENT.value)

    def extension(self) -> Period:
        return Period(self.ui.amountSpin.value(), self.context.clock.period.unit)

    def _due(self) -> datetime:
        return self.context.clock.due_with(self.context.calendar, extension=self.extension())

    def fill(self) -> None:
        _fill(self.ui.reasonCombo, [(str(r), tr(EXTENSION_REASON[r])) for r in ExtensionReason])
        self._reason_changed()
        unit = self.context.clock.period.unit.value
        self.ui.amountSpin.setSuffix(
            {"hours": self.tr(" hour(s)"), "days": self.tr(" day(s)"), "months": self.tr(" month(s)")}.get(
                unit, f" {unit}"
            )
        )
        number = self.context.state.extension_count + 1
        self.ui.new_due_atLabel.setText(self.tr("New due date (extension %1 of 2):").replace("%1", str(number)))
        self.ui.newDueValue.setText(formats.date_time(self._due(), korean=korean()))

    def payload(self) -> Payload:
        extension = self.extension()
        payload: Payload = {
            "reason_code": self.ui.reasonCombo.currentData() or "",
            "new_due_at": self._due().isoformat(),
            "extension": extension.as_dict(),
        }
        if self.ui.consentCheck.isChecked():
            payload["consent"] = True
        if self.ui.reasonTextEdit.isEnabled() and (text := _text(self.ui.reasonTextEdit)):
            payload["reason_text"] = text
        if payload["reason_code"] == ExtensionReason.EQUIVALENT.value and "reason_text" not in payload:
            raise DomainError(
                "reason_text",
                "'이에 준하는 사유'를 선택하면 구체적인 사유를 적어야 합니다.",
                "An 'equivalent reason' needs a written explanation.",
            )
        return payload

    def prefill(self, payload: Mapping[str, Any]) -> None:
        _choose(self.ui.reasonCombo, payload.get("reason_code"))
        self.ui.reasonTextEdit.setText(str(payload.get("reason_text", "")))
        self.ui.consentCheck.setChecked(payload.get("consent") is True)
        written = payload.get("extension")
        if isinstance(written, Mapping) and isinstance(written.get("amount"), int):
            self.ui.amountSpin.setValue(int(written["amount"]))

    @property
    def wants_notice(self) -> bool:
        return bool(self.ui.noticeCheck.isChecked())


class AnswerDialog(ActionDialog):
    """The answer: its result, how the petitioner is told, the answer; a rejection's reasons and remedies."""

    FORM = Ui_ActionAnswerDialog

    def setup(self) -> None:
        self.ui.resultCombo.currentIndexChanged.connect(lambda _i: self._result_changed())
        self.ui.noticeCheck.setChecked(True)

    def _result_changed(self) -> None:
        rejected = self.ui.resultCombo.currentData() == "rejected"
        self.ui.reasonsEdit.setEnabled(rejected)
        self.ui.remediesEdit.setEnabled(rejected)

    def fill(self) -> None:
        _fill(self.ui.resultCombo, [(code, tr(name)) for code, name in RESULT.items()])
        # How the citizen asked to be answered comes first and is chosen: the server sends the answer that way
        # (domain.replies.route_for_answer: the messenger the case came from, 알림톡, SMS, e-mail).
        reply = self.context.state.reply_channel
        codes = [reply] if reply else []
        codes += [code for code in (*(str(c) for c in Channel), *ANSWER_ROUTES) if code not in codes]
        _fill(self.ui.channelCombo, [(code, labels.reply(code)) for code in codes])
        if reply:
            _choose(self.ui.channelCombo, reply)
        self._result_changed()

    def payload(self) -> Payload:
        payload: Payload = {
            "result": self.ui.resultCombo.currentData() or "",
            "answer": _text(self.ui.answerEdit),
            "notify_channel": self.ui.channelCombo.currentData() or "",
        }
        if payload["result"] == "rejected":
            payload |= {"reasons": _text(self.ui.reasonsEdit), "remedies": _text(self.ui.remediesEdit)}
        return payload

    def prefill(self, payload: Mapping[str, Any]) -> None:
        _choose(self.ui.resultCombo, payload.get("result"))
        _choose(self.ui.channelCombo, payload.get("notify_channel"))
        self.ui.answerEdit.setPlainText(str(payload.get("answer", "")))
        self.ui.reasonsEdit.setPlainText(str(payload.get("reasons", "")))
        self.ui.remediesEdit.setPlainText(str(payload.get("remedies", "")))

    @property
    def wants_notice(self) -> bool:
        return bool(self.ui.noticeCheck.isChecked())


class CloseDialog(ActionDialog):
    FORM = Ui_ActionCloseDialog

    def fill(self) -> None:
        _fill(self.ui.reasonCombo, [(code, tr(name)) for code, name in CLOSE_REASON.items()])

    def payload(self) -> Payload:
        return {"reason": self.ui.reasonCombo.currentData() or ""}

    def prefill(self, payload: Mapping[str, Any]) -> None:
        _choose(self.ui.reasonCombo, payload.get("reason"))


class MergeDialog(ActionDialog):
    """Merging into the case to keep, picked by its receipt number (looked up by the controller)."""

    FORM = Ui_ActionMergeDialog
    ALIASES: ClassVar[Mapping[str, str]] = {"receipt_no": "into_case_id"}
    lookup = Signal(str)  # a receipt number to find

    def setup(self) -> None:
        self.found: FoundCase | None = None
        self.ui.receiptEdit.editingFinished.connect(lambda: self.lookup.emit(self.ui.receiptEdit.text().strip()))
        self.ui.receiptEdit.textEdited.connect(lambda _t: self.show_found(None))

    def show_found(self, found: FoundCase | None) -> None:
        self.found = found
        self.ui.foundValue.setText(f"{found.receipt_no} · {found.title}" if found else "—")

    def payload(self) -> Payload:
        if self.found is None or self.found.receipt_no != self.ui.receiptEdit.text().strip():
            raise DomainError(
                "into_case_id",
                "이 접수번호의 민원을 찾지 못했습니다. 번호를 확인해 주세요.",
                "No case has this receipt number; check it.",
            )
        return {"into_case_id": self.found.id, "into_receipt_no": self.found.receipt_no}

    def prefill(self, payload: Mapping[str, Any]) -> None:
        self.ui.receiptEdit.setText(str(payload.get("into_receipt_no", "")))


class DecideDialog(ActionDialog):
    FORM = Ui_ActionDecideDialog

    def setup(self) -> None:
        self.ui.adoptedRadio.setChecked(True)
        self.ui.implementationDateEdit.setDate(QDate.currentDate().addMonths(1))
        self.ui.adoptedRadio.toggled.connect(self.ui.implementationDateEdit.setEnabled)

    def payload(self) -> Payload:
        adopted = self.ui.adoptedRadio.isChecked()
        payload: Payload = {
            "decision": "adopted" if adopted else "not_adopted",
            "reasons": _text(self.ui.reasonsEdit),
        }
        if adopted:
            payload["implementation_date"] = self.ui.implementationDateEdit.date().toString("yyyy-MM-dd")
        return payload

    def prefill(self, payload: Mapping[str, Any]) -> None:
        (self.ui.adoptedRadio if payload.get("decision") == "adopted" else self.ui.notAdoptedRadio).setChecked(
            True
        )
        planned = payload.get("implementation_date")
        if isinstance(planned, str):
            try:
                day = date.fromisoformat(planned)
                self.ui.implementationDateEdit.setDate(QDate(day.year, day.month, day.day))
            except ValueError:
                pass
        self.ui.reasonsEdit.setPlainText(str(payload.get("reasons", "")))


class SatisfactionDialog(ActionDialog):
    FORM = Ui_ActionSatisfactionDialog

    def setup(self) -> None:
        self.ui.scoreSpin.setValue(5)

    def payload(self) -> Payload:
        return {"score": self.ui.scoreSpin.value()}

    def prefill(self, payload: Mapping[str, Any]) -> None:
        if isinstance(payload.get("score"), int):
            self.ui.scoreSpin.setValue(int(payload["score"]))


__all__ = [
    "ActionDialog",
    "AnswerDialog",
    "AssignDialog",
    "ClockResumeDialog",
    "ClockStopDialog",
    "CloseDialog",
    "ContactDialog",
    "DecideDialog",
    "ExtendDialog",
    "MergeDialog",
    "RouteDialog",
    "SatisfactionDialog",
    "TextDialog",
    "TransferDialog",
]
