"""The intake form's window and its keys: F2 (phone) and F3 (counter) in the main window's Case menu open the
one intake window beside the main one (it stays open for the next call); the desk's identity is read again
whenever the main window's viewer changes, and handed to the form (who takes the intake, who logs the call)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..store.local.desk_intake import DeskIdentity, desk_identity
from .tasks import Tasks

if TYPE_CHECKING:
    from .intake import Mode


class IntakeWindow(QWidget):
    """The intake form in its own window beside the main one (it stays open for the next call)."""

    def __init__(self, tasks: Tasks, identity: Callable[[], DeskIdentity | None], parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # The form's modules (its widgets, the call log, routing) load with the first F2 or F3, not at the
        # client's start; gui.warm_up loads them on its thread soon after the first window is up.
        from .intake import IntakeForm

        self.form = IntakeForm(tasks, identity, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.form)
        self.resize(1280, 860)

    def open(self, mode: Mode) -> None:
        if not self.isVisible():
            self.form.read_choices()  # what the sync has brought since the form was last open
        self.form.set_mode(mode)
        self.setWindowTitle(self.form.windowTitle())
        self.show()
        self.raise_()
        self.activateWindow()
        self.form.ui.phoneEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)


class IntakeActions(QObject):
    """F2 and F3 in the main window's Case menu; the identity of the desk read when the viewer changes.
    `offline` is the receipt numbering the desk must use until sign-in says the counter is confirmed."""

    def __init__(self, window: QWidget, tasks: Tasks) -> None:
        super().__init__(window)
        self.main = window
        self.tasks = tasks
        self.identity: DeskIdentity | None = None
        self.offline = True
        # Who the sign-in says works here, for a desk whose store does not know them yet (its first pull is
        # still under way): the sync wiring sets it.
        self.signed_in: Callable[[], DeskIdentity | None] = lambda: None
        self.window: IntakeWindow | None = None
        self.phone = QAction(window)
        self.phone.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.phone.triggered.connect(lambda: self._open_in("PHONE"))
        self.counter = QAction(window)
        self.counter.setShortcut(QKeySequence(Qt.Key.Key_F3))
        self.counter.triggered.connect(lambda: self._open_in("COUNTER"))
        window.installEventFilter(self)
        self.retranslate()

    def read_identity(self, staff_id: str | None) -> None:
        offline = self.offline
        self.tasks.read(lambda s: desk_identity(s, staff_id, offline=offline), self._identity_arrived)

    def _identity_arrived(self, identity: DeskIdentity | None) -> None:
        self.identity = identity or self.signed_in()
        if self.window is not None:
            self.window.form.identity_changed()

    def _open_in(self, mode: str) -> None:
        from .intake import Mode

        self.open(Mode[mode])

    def open(self, mode: Mode) -> IntakeWindow:
        if self.window is None:
            self.window = IntakeWindow(self.tasks, lambda: self.identity, self.main)
        self.window.open(mode)
        return self.window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.phone.setText(self.tr("&Phone intake"))
        self.phone.setToolTip(self.tr("Take a complaint by phone (F2)"))
        self.counter.setText(self.tr("C&ounter intake"))
        self.counter.setToolTip(self.tr("Take a complaint at the counter and print its receipt (F3)"))


def install_intake(window: object, tasks: Tasks) -> IntakeActions:
    """Wire the intake into the main window: F2 and F3 in its Case menu and toolbar, the desk's identity
    following its viewer."""
    from .main_window import MainWindow

    assert isinstance(window, MainWindow)
    actions = IntakeActions(window, tasks)
    window.add_case_action(actions.phone)
    window.add_case_action(actions.counter)
    original = window.set_viewer

    def set_viewer(viewer: object) -> None:
        original(viewer)  # type: ignore[arg-type]
        actions.read_identity(window.viewer.staff_id)

    window.set_viewer = set_viewer  # type: ignore[method-assign]
    actions.read_identity(window.viewer.staff_id)
    return actions
