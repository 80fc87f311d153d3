"""The selected case, on the right of the main window: its fields and its history, read from the local store
on the reader pool (read-only for now; the case actions will add their buttons here)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from ..store.case_view import CaseView, case_view
from . import formats, labels
from .formats import Urgency
from .language import korean
from .queue_model import URGENCY_COLOURS
from .tasks import Tasks
from .ui_case_panel import Ui_CasePanel


def wrap(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Lines of `text` no wider than `width` pixels, broken at spaces where it can (Korean is written with
    spaces between words) and anywhere in a word longer than a line."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if metrics.horizontalAdvance(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for char in word:
                if metrics.horizontalAdvance(line + char) > width and line:
                    lines.append(line)
                    line = ""
                line += char
        lines.append(line)
    return lines


class CasePanel(QWidget):
    shown = Signal(object)  # the CaseView now on screen, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CasePanel()
        self.ui.setupUi(self)
        self._tasks: Tasks | None = None
        self._case: CaseView | None = None
        self._wanted: str | None = None
        title = QFont(self.ui.titleValue.font())
        title.setPointSizeF(title.pointSizeF() * 1.25)
        title.setBold(True)
        self.ui.titleValue.setFont(title)
        self.ui.timeline.header().setStretchLastSection(False)
        self.ui.timeline.header().setSectionResizeMode(1, self.ui.timeline.header().ResizeMode.Stretch)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fill()  # the history's notes wrap to the new width

    def attach(self, tasks: Tasks) -> None:
        self._tasks = tasks

    @property
    def case(self) -> CaseView | None:
        return self._case

    def show_case(self, case_id: str | None) -> None:
        self._wanted = case_id
        if case_id is None or self._tasks is None:
            self._show(None)
            return
        self._tasks.read(lambda s: case_view(s, case_id), lambda view: self._arrived(case_id, view))

    def _arrived(self, case_id: str, view: CaseView | None) -> None:
        if case_id == self._wanted:  # the clerk may have moved on while it loaded
            self._show(view)

    def _show(self, view: CaseView | None) -> None:
        self._case = view
        self.ui.pages.setCurrentWidget(self.ui.casePage if view else self.ui.emptyPage)
        self._fill()
        self.shown.emit(view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._fill()

    def _fill(self) -> None:
        view = self._case
        if view is None:
            return
        ko = korean()
        ui = self.ui
        ui.titleValue.setText(view.title)
        ui.receiptNoValue.setText(view.receipt_no)
        ui.statusValue.setText(labels.status(view.status))
        ui.kindValue.setText(labels.kind(view.kind))
        ui.channelValue.setText(labels.channel(view.channel))
        ui.receivedAtValue.setText(formats.date_time(view.received_at, korean=ko))
        due = formats.date_time(view.due_at, korean=ko)
        if view.extension_count:
            due += " " + self.tr("(extended %n time(s))", "", view.extension_count)
        ui.dueAtValue.setText(due)
        left = formats.remaining(
            view.due_at, datetime.now().astimezone(), open_=view.status.is_open, clock_stopped=view.clock_stopped
        )
        span = formats.duration(left.left, korean=ko)
        text = {
            Urgency.DONE: self.tr("Finished"),
            Urgency.STOPPED: self.tr("Clock stopped"),
            Urgency.OVERDUE: self.tr("%1 overdue").replace("%1", span),
        }.get(left.urgency, span)
        ui.remainingValue.setText(text)
        ui.remainingValue.setStyleSheet(f"color: {URGENCY_COLOURS[left.urgency].name()}; font-weight: bold;")
        ui.departmentValue.setText(view.department_name or self.tr("Not routed"))
        ui.assigneeValue.setText(view.assignee_name or "—")
        ui.categoryValue.setText(view.category_name or "—")
        ui.petitionerValue.setText(formats.masked_name(view.petitioner_name))
        ui.phoneValue.setText(formats.masked_phone(view.petitioner_phone) or "—")
        from ..domain.masking import mask_address

        ui.addressValue.setText(mask_address(view.petitioner_address) or "—")
        ui.replyChannelValue.setText(labels.channel(view.reply_channel) if view.reply_channel else "—")
        ui.placeValue.setText(view.place or "—")
        ui.consentValue.setText(
            self.tr("Agreed to the use of personal data") if view.privacy_consent else self.tr("Not given")
        )
        ui.bodyValue.setText(view.body)
        ui.timeline.clear()
        metrics = ui.timeline.fontMetrics()
        rows = []
        for entry in view.timeline:
            head = labels.event(entry.type) + (f" → {entry.target}" if entry.target else "")
            if entry.pending:
                head += "  " + self.tr("(not yet sent)")
            actor = entry.actor_name or labels.role(entry.actor_role)
            rows.append((formats.date_time(entry.occurred_at, korean=ko), head, entry.note, actor))
        # The time and the person keep their width; what happened takes the rest and wraps to it (a tree view
        # elides rather than wraps, so the lines are broken here).
        when = max((metrics.horizontalAdvance(r[0]) for r in rows), default=0) + 16
        by = max((metrics.horizontalAdvance(r[3]) for r in rows), default=0) + 16
        ui.timeline.setColumnWidth(0, when)
        ui.timeline.setColumnWidth(2, by)
        width = max(120, ui.timeline.viewport().width() - when - by - 12)
        for moment, head, note, person in rows:
            lines = wrap(head, metrics, width) + (wrap(note, metrics, width) if note else [])
            row = QTreeWidgetItem([moment, "\n".join(lines), person])
            row.setToolTip(1, f"{head}\n{note}".strip())
            row.setTextAlignment(0, Qt.AlignmentFlag.AlignTop)
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignTop)
            ui.timeline.addTopLevelItem(row)
