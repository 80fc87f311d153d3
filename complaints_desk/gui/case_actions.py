"""The case actions: one QAction each in the Case menu (the frequent ones on the toolbar, with shortcuts) and a
button on the case panel, shown only when `domain.lifecycle.allowed_events` allows this desk's role the change
in the case's status. Each opens its dialog (gui/case_actions_dialogs.py); the event it makes is checked with
`domain.lifecycle.apply` on the case as the store has it now (reader pool), shown next to its field when
refused, and recorded through the outbox (`store.local.outbox.record_local`) on the writer thread; the queue
and the panel are then read again.

A change the server refused is redone as a NEW event (new id) against the case as the server has it now,
from the same dialog filled in with what was typed; the refused one is then acknowledged (kept in the
desk's history). Discarding only acknowledges it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.events import Event, EventType
from ..domain.ids import new_id
from ..domain.lifecycle import allowed_events, apply
from ..domain.roles import Actor
from ..store.case_actions import ActionContext, action_context, case_by_receipt
from ..store.cases import load_case
from ..store.local.desk_case import PanelData
from ..store.local.outbox import RejectedEvent, acknowledge_rejection, record_local
from ..store.local.sync_state import sync_state

if TYPE_CHECKING:
    from . import case_actions_dialogs as dialogs
    from .case_notices import CaseNotices
    from .main_window import MainWindow

CONTEXT = "CaseActions"
Make = Callable[[ActionContext, QWidget], "dialogs.ActionDialog"]


def _dialog(name: str) -> Make:
    """The dialog class `name` of gui.case_actions_dialogs, whose thirteen forms load when the first dialog
    opens, not at the client's start."""

    def make(context: ActionContext, parent: QWidget) -> dialogs.ActionDialog:
        from . import case_actions_dialogs

        made: dialogs.ActionDialog = getattr(case_actions_dialogs, name)(context, parent)
        return made

    return make


def _text_dialog(key: str, title: object, label: object) -> Make:
    def make(context: ActionContext, parent: QWidget) -> dialogs.ActionDialog:
        from . import case_actions_dialogs as dialogs

        return dialogs.TextDialog(
            context,
            key,
            QCoreApplication.translate(CONTEXT, str(title)),
            QCoreApplication.translate(CONTEXT, str(label)),
            parent,
        )

    return make


@dataclass(frozen=True)
class ActionSpec:
    """How one change looks on screen: its name, its shortcut, its dialog (None: made at once). Whether it is
    offered is the lifecycle's (allowed_events), never this table's."""

    text: object  # (QT_TRANSLATE_NOOP's)
    shortcut: str | None
    make: Make | None
    toolbar: bool = False


SPECS: Mapping[EventType, ActionSpec] = {
    EventType.ROUTED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "&Route…"), "Ctrl+Shift+R", _dialog("RouteDialog"), True
    ),
    EventType.ASSIGNED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Assi&gn…"), "Ctrl+Shift+G", _dialog("AssignDialog")
    ),
    EventType.ACCEPTED: ActionSpec(QT_TRANSLATE_NOOP("CaseActions", "&Accept"), "Ctrl+Shift+A", None, True),
    EventType.RETURNED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Send &back…"),
        None,
        _text_dialog(
            "reason", QT_TRANSLATE_NOOP("CaseActions", "Send back"), QT_TRANSLATE_NOOP("CaseActions", "&Why:")
        ),
    ),
    EventType.TRANSFERRED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "&Transfer…"), "Ctrl+Shift+T", _dialog("TransferDialog")
    ),
    EventType.NOTE_ADDED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "&Note…"),
        "Ctrl+Shift+N",
        _text_dialog("text", QT_TRANSLATE_NOOP("CaseActions", "Note"), QT_TRANSLATE_NOOP("CaseActions", "&Note:")),
        True,
    ),
    EventType.CONTACT_LOGGED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "&Contact logged…"), "Ctrl+Shift+C", _dialog("ContactDialog")
    ),
    EventType.EXTENDED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "&Extend the deadline…"), "Ctrl+Shift+E", _dialog("ExtendDialog"), True
    ),
    EventType.CLOCK_STOPPED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Ask for a &supplement / stop the clock…"),
        "Ctrl+Shift+S",
        _dialog("ClockStopDialog"),
    ),
    EventType.CLOCK_RESUMED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Res&ume the clock…"), "Ctrl+Shift+U", _dialog("ClockResumeDialog")
    ),
    EventType.ANSWERED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Ans&wer…"), "Ctrl+Shift+W", _dialog("AnswerDialog"), True
    ),
    EventType.DECIDED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "&Decide the proposal…"), None, _dialog("DecideDialog")
    ),
    EventType.REREVIEW_REQUESTED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Re-re&view…"),
        None,
        _text_dialog(
            "reason", QT_TRANSLATE_NOOP("CaseActions", "Re-review"), QT_TRANSLATE_NOOP("CaseActions", "&Why:")
        ),
    ),
    EventType.CLOSED: ActionSpec(QT_TRANSLATE_NOOP("CaseActions", "C&lose…"), None, _dialog("CloseDialog")),
    EventType.REOPENED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Re&open…"),
        None,
        _text_dialog(
            "reason", QT_TRANSLATE_NOOP("CaseActions", "Reopen"), QT_TRANSLATE_NOOP("CaseActions", "&Why:")
        ),
    ),
    EventType.WITHDRAWN: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Wit&hdrawn…"),
        None,
        _text_dialog(
            "reason",
            QT_TRANSLATE_NOOP("CaseActions", "Withdrawn by the petitioner"),
            QT_TRANSLATE_NOOP("CaseActions", "&Why (optional):"),
        ),
    ),
    EventType.MERGED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "&Merge as a duplicate…"), None, _dialog("MergeDialog")
    ),
    EventType.SATISFACTION_RECORDED: ActionSpec(
        QT_TRANSLATE_NOOP("CaseActions", "Satis&faction…"), None, _dialog("SatisfactionDialog")
    ),
}


def _event(
    session: Session, case_id: str, event_type: EventType, actor: Actor, payload: dict[str, Any]
) -> Event | DomainError:
    """The change, made against the case as the store has it now (after a refusal: the server's case)."""
    state = load_case(session, case_id)
    event = Event(
        id=new_id(),
        case_id=case_id,
        type=event_type,
        occurred_at=datetime.now(UTC),
        actor_id=actor.id,
        actor_role=actor.role,
        actor_department=actor.department_code,
        base_version=state.version if state else None,
        payload=payload,
    )
    try:
        apply(state, event)
    except DomainError as error:  # an answer, not a failure: shown next to its field, nothing recorded
        return error
    return event


def _record(session: Session, event: Event, redo_of: str | None) -> Event:
    event = replace(event, station_code=sync_state(session).station_code)  # (the writer may make its row)
    record_local(session, event)
    if redo_of is not None:
        acknowledge_rejection(session, redo_of)
    return event


class CaseActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = window.tasks
        self.panel = window.ui.casePanel
        self.actions: dict[EventType, QAction] = {}
        self.dialog: dialogs.ActionDialog | None = None  # the one open (tests reach it here)
        self._notices: CaseNotices | None = None
        for event_type, spec in SPECS.items():
            action = QAction(window)
            action.setObjectName(str(event_type))
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setVisible(False)
            action.triggered.connect(lambda _checked=False, t=event_type: self.open(t))
            window.add_case_action(action, toolbar=spec.toolbar)
            self.actions[event_type] = action
        self.panel.set_actions(
            [a for t, a in self.actions.items() if SPECS[t].toolbar],
            [a for t, a in self.actions.items() if not SPECS[t].toolbar],
        )
        self.panel.shown.connect(self._case_shown)
        self.panel.redo.connect(self.redo)
        self.panel.discard.connect(self.discard)
        window.installEventFilter(self)
        self.retranslate()

    @property
    def notices(self) -> CaseNotices:
        """The notice after an extension or an answer, made on first use: its printing and PDF modules (QtPdf,
        the print support) are no part of the client's start."""
        if self._notices is None:
            from .case_notices import CaseNotices

            self._notices = CaseNotices(self.window)
        return self._notices

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        for event_type, action in self.actions.items():
            action.setText(QCoreApplication.translate(CONTEXT, str(SPECS[event_type].text)))
            if action.shortcut():
                action.setToolTip(
                    f"{action.text().replace('&', '').rstrip('…')} "
                    f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                )

    # ---- what is offered ---------------------------------------------------------------------------------

    def allowed(self, data: PanelData | None) -> list[EventType]:
        if data is None or data.actor is None:
            return []
        return [t for t in allowed_events(data.actor.role, data.state, data.actor.department_code) if t in SPECS]

    def _case_shown(self, data: PanelData | None) -> None:
        allowed = set(self.allowed(data))
        for event_type, action in self.actions.items():
            action.setVisible(event_type in allowed)
            action.setEnabled(event_type in allowed)
        self.panel.actions_changed()

    # ---- taking an action ----------------------------------------------------------------------------------

    def open(
        self, event_type: EventType, prefill: Mapping[str, Any] | None = None, redo_of: str | None = None
    ) -> None:
        data = self.panel.data
        if data is None or data.actor is None:
            return
        if event_type not in self.allowed(data):
            if redo_of is not None:  # the server's case has moved on: this change is no longer one to make
                self.window.show_message(
                    QCoreApplication.translate(
                        "CaseActions",
                        "This change can no longer be made on the case as the server has it: discard it.",
                    ),
                    15_000,
                )
            return
        spec = SPECS[event_type]
        case_id, actor = data.view.id, data.actor
        if spec.make is None:
            self._check(case_id, event_type, actor, {}, None, redo_of)
            return
        make = spec.make

        def arrived(context: ActionContext | None) -> None:
            from . import case_actions_dialogs as dialogs

            if context is None:
                return
            dialog = make(context, self.window)
            dialog.setWindowTitle(dialog.windowTitle())
            if prefill:
                dialog.prefill(prefill)
            dialog.submitted.connect(
                lambda payload: self._check(case_id, event_type, actor, dict(payload), dialog, redo_of)
            )
            if isinstance(dialog, dialogs.MergeDialog):
                merge = dialog
                merge.lookup.connect(lambda number: self._find_case(merge, number))
                if prefill and prefill.get("into_receipt_no"):
                    self._find_case(merge, str(prefill["into_receipt_no"]))
            dialog.finished.connect(lambda _result: self._closed(dialog))
            self.dialog = dialog
            dialog.open()

        self.tasks.read(lambda s: action_context(s, case_id), arrived)

    def _closed(self, dialog: dialogs.ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _find_case(self, dialog: dialogs.MergeDialog, number: str) -> None:
        if number:
            self.tasks.read(lambda s: case_by_receipt(s, number), dialog.show_found)

    def _check(
        self,
        case_id: str,
        event_type: EventType,
        actor: Actor,
        payload: dict[str, Any],
        dialog: dialogs.ActionDialog | None,
        redo_of: str | None,
    ) -> None:
        def refused(error: BaseException) -> None:
            if not isinstance(error, DomainError):
                self.window.show_message(str(error), 15_000)
            elif dialog is not None:
                dialog.show_error(error)
            else:
                self.window.show_message(error.ko, 15_000)

        def checked(event: Event | DomainError) -> None:
            if isinstance(event, DomainError):
                refused(event)
                return
            self.tasks.write(
                lambda s: _record(s, event, redo_of), lambda done: self._recorded(done, dialog), refused
            )

        self.tasks.read(lambda s: _event(s, case_id, event_type, actor, payload), checked, refused)

    def _recorded(self, event: Event, dialog: dialogs.ActionDialog | None) -> None:
        wants_notice = bool(getattr(dialog, "wants_notice", False))
        if dialog is not None:
            dialog.finish()
        self.window.show_message(
            QCoreApplication.translate("CaseActions", "Recorded: %1").replace(
                "%1", self.actions[event.type].text().replace("&", "").rstrip("…")
            )
        )
        self.window.refresh()
        if wants_notice:
            self.notices.make(event)

    # ---- refused by the server -------------------------------------------------------------------------------

    def redo(self, rejection: RejectedEvent) -> None:
        self.open(rejection.event.type, prefill=rejection.event.payload, redo_of=rejection.event.id)

    def discard(self, rejection: RejectedEvent) -> None:
        event_id = rejection.event.id
        self.tasks.write(lambda s: acknowledge_rejection(s, event_id), lambda _done: self.window.refresh())
