"""The selected case, on the right of the main window: its fields, the actions this desk may take on it, the
changes the server refused (with redo and discard), and its history, each event with who, when and what it
says; read from the local store on the reader pool. The petitioner is masked; "show in full" asks the server
(gui/case_details.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QMenu, QSizePolicy, QToolButton, QTreeWidgetItem, QWidget

from ..domain.masking import mask_address
from ..domain.roles import may_view_details
from ..store.case_view import CaseView
from ..store.local.desk_case import PanelData, panel_data
from ..sync.errors import TransportError
from . import formats, labels
from .case_attachments import CaseAttachments
from .case_details import DetailsSource, Network, Petitioner
from .case_rejections import rejection_box
from .case_timeline import describe, words, wrap
from .case_timeline import head as timeline_head
from .formats import Urgency
from .language import korean
from .queue_model import URGENCY_COLOURS
from .tasks import Tasks
from .ui_case_panel import Ui_CasePanel

ACTION_COLUMNS = 3
BESIDE_GAP, UNDER_GAP = 12, 4  # between the petitioner's name and 원문 보기, on one line or under it


class CasePanel(QWidget):
    shown = Signal(object)  # the PanelData now on screen, or None
    redo = Signal(object)  # a RejectedEvent to make again, against the server's case
    discard = Signal(object)  # a RejectedEvent to set aside (acknowledged, kept in the history)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CasePanel()
        self.ui.setupUi(self)
        for row in range(self.ui.fields.rowCount()):
            item = self.ui.fields.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and (label := item.widget()) is not None:
                label.setProperty("fieldLabel", True)  # (style.qss: quieter than the value)
                label.style().unpolish(label)  # (the form's set-up has polished it already)
                label.style().polish(label)
        self._tasks: Tasks | None = None
        self._case: CaseView | None = None
        self._data: PanelData | None = None
        self._wanted: str | None = None
        self._who: Callable[[], str | None] = lambda: None
        self._details: DetailsSource | None = None
        self._network = Network()
        self.attachments = CaseAttachments(self._network, self.ui.bodyGroup)
        self.ui.bodyLayout.addWidget(self.attachments)
        self._full: Petitioner | None = None  # the server's answer, for the case on screen only
        self._details_error = ""
        self._min_width = 0
        self._widths: tuple[int, int] | None = None  # _field_widths until the event loop's next turn
        self._buttons: list[QToolButton] = []
        self._more_actions: list[QAction] = []
        self._more = QToolButton(self.ui.actionsBar)
        self._more.setObjectName("moreActionsButton")
        self._more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._more.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._more.setVisible(False)
        self.ui.detailsButton.clicked.connect(self.show_details)
        self.ui.petitionerLayout.setSpacing(BESIDE_GAP)
        title = QFont(self.ui.titleValue.font())
        title.setPointSizeF(title.pointSizeF() * 1.25)
        title.setBold(True)
        self.ui.titleValue.setFont(title)
        self.ui.timeline.header().setStretchLastSection(False)
        self.ui.timeline.header().setSectionResizeMode(1, self.ui.timeline.header().ResizeMode.Stretch)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._place_action_buttons()
        self._fill()  # the history's notes wrap to the new width (and the fields find their places)

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the widest field with its label above it (the texts and the history wrap to any
        width), so a splitter never cuts a field's end off: the details scroll only up and down."""
        hint = super().minimumSizeHint()
        label, field = self._field_widths()
        margins = self.ui.caseLayout.contentsMargins() + self.ui.panelLayout.contentsMargins()
        margins += self.ui.detailsLayout.contentsMargins()
        scroll = self.ui.detailsScroll.verticalScrollBar().sizeHint().width()
        return QSize(
            max(hint.width(), max(label, field) + scroll + margins.left() + margins.right()), hint.height()
        )

    def attach(self, tasks: Tasks, who: Callable[[], str | None] = lambda: None) -> None:
        """`who`: the staff id of whoever works at the desk now (the main window's viewer)."""
        self._tasks = tasks
        self._who = who

    def attach_details(self, source: DetailsSource | None) -> None:
        """Where "show in full" asks (the sync wiring's transport); None: not connected to a server."""
        self._details = source
        self.attachments.attach_source(source)
        self._fill_details_button()

    def recheck_details_source(self, _status: object = None, _detail: object = None) -> None:
        """The connection changed: whether "show in full" and the attachments can ask the server now."""
        self.attach_details(self._details)

    @property
    def case(self) -> CaseView | None:
        return self._case

    @property
    def wanted(self) -> str | None:
        """The case asked for last (on screen, or still being read)."""
        return self._wanted

    @property
    def data(self) -> PanelData | None:
        return self._data

    @property
    def details_source(self) -> DetailsSource | None:
        """Where 원문 보기 asks (None: no server attached)."""
        return self._details

    @property
    def network(self) -> Network:
        return self._network

    def set_actions(self, frequent: Sequence[QAction], others: Sequence[QAction]) -> None:
        """The case actions: the frequent ones as buttons, the others in the "more" button's menu (each shown
        while its action is visible: allowed here and now; all of them are in the Case menu too)."""
        for action in frequent:
            button = QToolButton(self.ui.actionsBar)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setObjectName(f"action_{action.objectName()}")
            self._buttons.append(button)
        self._more_actions = list(others)
        menu = QMenu(self._more)
        menu.addActions(self._more_actions)
        self._more.setMenu(menu)
        self._place_action_buttons()

    def _place_action_buttons(self) -> None:
        """Visible buttons packed in reading order (a hidden action leaves no hole), "more" last."""
        layout = self.ui.actionsLayout
        for button in [*self._buttons, self._more]:
            layout.removeWidget(button)
        visible = [b for b in self._buttons if (a := b.defaultAction()) is not None and a.isVisible()]
        if any(action.isVisible() for action in self._more_actions):
            visible.append(self._more)
        # As many columns as the widest label allows in the panel's width (a narrow panel at 200 % gets one).
        widest = max((b.sizeHint().width() for b in visible), default=1) + layout.horizontalSpacing()
        columns = max(1, min(ACTION_COLUMNS, self.width() // max(1, widest)))
        for shown, button in enumerate(visible):
            layout.addWidget(button, shown // columns, shown % columns)
        for button in [*self._buttons, self._more]:
            button.setVisible(button in visible)
        self.ui.actionsBar.setVisible(bool(visible))

    def actions_changed(self) -> None:
        self._place_action_buttons()

    def show_case(self, case_id: str | None) -> None:
        self._wanted = case_id
        if case_id is None or self._tasks is None:
            self._show(None)
            return
        staff_id = self._who()
        self._tasks.read(lambda s: panel_data(s, case_id, staff_id), lambda data: self._arrived(case_id, data))

    def _arrived(self, case_id: str, data: PanelData | None) -> None:
        if case_id == self._wanted:  # the clerk may have moved on while it loaded
            self._show(data)

    def _show(self, data: PanelData | None) -> None:
        if data is None or self._data is None or data.view.id != self._data.view.id:
            self._full, self._details_error = None, ""  # the full details belong to the case they were asked for
        self._data = data
        self._case = data.view if data else None
        self.ui.pages.setCurrentWidget(self.ui.casePage if data else self.ui.emptyPage)
        self._fill_rejections()  # (not on every resize: their buttons keep the focus)
        self._fill()
        self.shown.emit(data)

    # ---- the petitioner in full ------------------------------------------------------------------------------

    def may_show_details(self) -> bool:
        data = self._data
        if data is None or data.actor is None:
            return False
        return may_view_details(data.actor.role, data.actor.department_code, data.state.department_code)

    def _reply_text(self, view: CaseView) -> str:
        """How the citizen asked to be answered, and where the answer's message stands."""
        text = labels.reply(view.reply_code) if view.reply_code else "—"
        delivery = view.delivery
        if delivery is None:
            return text
        when = formats.date_time(delivery.at, korean=korean())
        if delivery.failed:
            note = self.tr(
                "answer NOT delivered by %1 after %n attempt(s) (%2): contact the citizen", "", delivery.attempts
            )
            return f"{text} — " + note.replace("%1", labels.reply(delivery.platform)).replace("%2", when)
        note = self.tr("answer delivered by %1 (%2)")
        return f"{text} — " + note.replace("%1", labels.reply(delivery.platform)).replace("%2", when)

    def _fill_details_button(self) -> None:
        self._forget_field_widths()
        button = self.ui.detailsButton
        allowed = self.may_show_details()
        button.setVisible(allowed and self._full is None)
        online = self._details is not None and self._details.is_online()
        button.setEnabled(online and self._network.busy == 0)
        button.setToolTip(
            self.tr("Asks the server for the petitioner's details; the server records that you viewed them.")
            if online
            else self.tr("Needs the connection to the server, which records every view of personal details.")
        )

    def _field_widths(self) -> tuple[int, int]:
        """The widest label, and the least width of the widest field (원문 보기 counted under the name).

        Kept until the event loop's next turn, or until the panel fills its fields again: a relayout of the
        window (each new count of a queue switch) asks the panel's minimum size some seven times, and each
        answer walks the form's rows in Python (some 0.35 ms)."""
        if self._widths is None:
            self._widths = self._measure_fields()
            QTimer.singleShot(0, self._forget_field_widths)
        return self._widths

    def _forget_field_widths(self) -> None:
        self._widths = None

    def _measure_fields(self) -> tuple[int, int]:
        fields = self.ui.fields
        label = field = 0
        for row in range(fields.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = fields.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is None or widget.isHidden():
                    continue
                if role is QFormLayout.ItemRole.LabelRole:
                    label = max(label, widget.sizeHint().width())
                else:
                    field = max(field, widget.minimumSizeHint().width())
        button = self.ui.detailsButton
        if not button.isHidden():
            field = max(field, button.sizeHint().width())
        return label, field

    def _fit_fields(self) -> None:
        """The fields beside their labels while the widest fits so, else each under its label (a narrow
        panel: 200 % scaling); 원문 보기 beside the petitioner's name when both fit on the line, else under
        it: never squeezed against the name or cut off."""
        ui = self.ui
        margins = ui.detailsLayout.contentsMargins()
        room = ui.detailsScroll.viewport().width() - margins.left() - margins.right()
        self._forget_field_widths()  # (filled again just now)
        label, field = self._field_widths()
        beside_labels = label + ui.fields.horizontalSpacing() + field <= room
        policy = QFormLayout.RowWrapPolicy.DontWrapRows if beside_labels else QFormLayout.RowWrapPolicy.WrapAllRows
        if ui.fields.rowWrapPolicy() != policy:
            ui.fields.setRowWrapPolicy(policy)
        column = room - (label + ui.fields.horizontalSpacing() if beside_labels else 0)
        layout = ui.petitionerLayout
        name = ui.petitionerValue.fontMetrics().horizontalAdvance(ui.petitionerValue.text())
        beside = name + BESIDE_GAP + ui.detailsButton.sizeHint().width() <= column
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if layout.direction() != direction:
            layout.setDirection(direction)
            layout.setSpacing(BESIDE_GAP if beside else UNDER_GAP)
        wanted = self.minimumSizeHint().width()
        if wanted != self._min_width:  # this case's fields need another width: tell the splitter
            self._min_width = wanted
            self.updateGeometry()

    def show_details(self) -> None:
        data, source = self._data, self._details
        if data is None or source is None or not source.is_online() or not self.may_show_details():
            return
        case_id = data.view.id
        self._details_error = ""
        self._network.run(
            lambda: source.fetch(case_id),
            lambda full: self._details_arrived(case_id, full),
            lambda error: self._details_failed(case_id, error),
        )
        self._fill_details_button()

    def _details_arrived(self, case_id: str, full: Petitioner) -> None:
        if self._data is not None and self._data.view.id == case_id:
            self._full = full
            self._fill()

    def _details_failed(self, case_id: str, error: Exception) -> None:
        if self._data is None or self._data.view.id != case_id:
            return
        problem = getattr(error, "problem", None)
        if problem is not None:
            self._details_error = problem.message_ko if korean() else problem.message_en
        elif isinstance(error, TransportError):
            self._details_error = self.tr("The server cannot be reached; try again when connected.")
        else:
            self._details_error = str(error)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        self._forget_field_widths()  # (another font, style or language)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._more.setText(self.tr("More actions"))
        self._more.setToolTip(self.tr("The other changes this case allows (also in the Case menu)"))
        self._fill_rejections()
        self._fill()

    def _fill(self) -> None:
        self._forget_field_widths()
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
        full = self._full
        if full is not None:
            ui.petitionerValue.setText(full.name)
            ui.phoneValue.setText(formats.phone(full.phone) or "—")
            ui.addressValue.setText(full.address or "—")
        else:
            ui.petitionerValue.setText(formats.masked_name(view.petitioner_name))
            ui.phoneValue.setText(formats.masked_phone(view.petitioner_phone) or "—")
            ui.addressValue.setText(mask_address(view.petitioner_address) or "—")
        if self._details_error:
            ui.petitionerValue.setText(f"{ui.petitionerValue.text()}  ({self._details_error})")
        self._fill_details_button()
        self._fit_fields()
        ui.replyChannelValue.setText(self._reply_text(view))
        failed = view.delivery is not None and view.delivery.failed
        ui.replyChannelValue.setStyleSheet("color: #b00020; font-weight: bold;" if failed else "")
        ui.placeValue.setText(view.place or "—")
        ui.consentValue.setText(
            self.tr("Agreed to the use of personal data") if view.privacy_consent else self.tr("Not given")
        )
        ui.bodyValue.setText(view.body)
        self.attachments.show_case(view)
        ui.timeline.clear()
        metrics = ui.timeline.fontMetrics()
        rows = []
        for entry in view.timeline:
            head = timeline_head(entry)
            if particulars := describe(entry):
                head += f" {particulars}" if particulars.startswith("→") else f" · {particulars}"
            if entry.pending:
                head += "  " + self.tr("(not yet sent)")
            actor = entry.actor_name or labels.role(entry.actor_role)
            rows.append((formats.date_time(entry.occurred_at, korean=ko), head, words(entry), actor))
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

    # ---- what the server refused -------------------------------------------------------------------------------

    def _fill_rejections(self) -> None:
        layout = self.ui.rejectionsLayout
        while (item := layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        rejections = self._data.rejections if self._data else ()
        self.ui.rejectionsGroup.setVisible(bool(rejections))
        for rejection in rejections:
            layout.addWidget(rejection_box(rejection, self.ui.rejectionsGroup, self.redo.emit, self.discard.emit))
