"""Who works at the desk: the sign-in at start, 계정 → sign out / switch user on a shared counter, the sync's
status bar and the guard on closing with unsent changes, wired into the main window with a few calls.

Signing out while changes of one's own still wait keeps one's token until they are accepted (sync.credentials);
the next person signs in at once and their changes go with their own token.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ..sync.credentials import LoggedIn
from . import formats
from .main_window import MainWindow, Viewer
from .signin import DemoAccounts, SignInDialog
from .sync_desk import DeskSync, SignInResult
from .sync_status import SyncStatusBar


class SignInDesk(QObject):
    def __init__(
        self,
        window: MainWindow,
        desk: DeskSync,
        *,
        demo: DemoAccounts | None = None,
        username: str | None = None,
        quit_on_cancel: bool = True,
    ) -> None:
        super().__init__(window)
        self.username = username
        self.window, self.desk, self.demo = window, desk, demo
        self.quit_on_cancel = quit_on_cancel
        self.dialog: SignInDialog | None = None
        self.bar = SyncStatusBar(desk, window)
        window.statusBar().addPermanentWidget(self.bar)
        self.bar.openCase.connect(window.ui.casePanel.show_case)
        self.guard = CloseGuard(window, self.bar)
        self.menu = QMenu(window)
        window.ui.menubar.insertMenu(window.ui.menuLanguage.menuAction(), self.menu)
        self.sign_out_action = QAction(window)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.switch_action = QAction(window)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_action.triggered.connect(self.switch_user)
        self.menu.addAction(self.switch_action)
        self.menu.addAction(self.sign_out_action)
        window.addAction(self.sign_out_action)
        window.addAction(self.switch_action)
        desk.signedIn.connect(self._signed_in)
        desk.changed.connect(window.refresh)  # pulled cases, settled pushes: read the queue again
        window.installEventFilter(self)
        self.retranslate()
        self._enable()

    @property
    def person(self) -> LoggedIn | None:
        return self.desk.current

    def ask(self, *, first: bool = False) -> SignInDialog:
        """Open the sign-in screen over the window (not modal to the app's event loop: workers keep going)."""
        summary = self.bar.summary
        station = summary.station_code if summary is not None else None
        dialog = SignInDialog(self.desk, demo=self.demo, station_code=station, parent=self.window)
        if self.username and first:
            dialog.ui.usernameEdit.setText(self.username)
            dialog.ui.passwordEdit.setFocus()
        if first and self.quit_on_cancel:
            dialog.rejected.connect(self._cancelled_first)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _cancelled_first(self) -> None:
        if self.person is None:
            self.guard.confirmed = True  # nobody worked here: nothing to keep
            self.window.close()

    def _signed_in(self, result: SignInResult) -> None:
        person = result.person
        self.window.set_viewer(Viewer(person.staff_id, person.name, person.department_code, None))
        from .app import find_viewer

        def found(viewer: Viewer) -> None:  # the department's name, once the store knows the staff member
            if (
                viewer.staff_id == person.staff_id
                and self.person is not None
                and self.person.staff_id == viewer.staff_id
            ):
                self.window.set_viewer(viewer)

        self.window.tasks.read(lambda s: find_viewer(s, person.username), found)
        if result.enrolled and person.station_code:
            self.window.show_message(
                self.tr("This workstation is now enrolled as counter %1.").replace("%1", person.station_code),
                20_000,
            )
        elif person.station_code is None:
            self.window.show_message(
                self.tr("This workstation is not enrolled: a supervisor must sign in on it once before intakes."),
                20_000,
            )
        elif not person.online:
            self.window.show_message(
                self.tr("Signed in offline: your changes are kept here and sent once the server answers."), 15_000
            )
        self._enable()

    def sign_out(self, *, then_ask: bool = False) -> None:
        if self.person is None:
            if then_ask:
                self.ask()
            return
        name = self.person.name

        def done(waiting: int) -> None:
            self.window.set_viewer(Viewer())
            if waiting:
                self.window.show_message(
                    self.tr("%1 signed out: their %2 waiting changes are sent with their own sign-in.")
                    .replace("%1", name)
                    .replace("%2", str(waiting)),
                    20_000,
                )
            else:
                self.window.show_message(self.tr("%1 signed out.").replace("%1", name))
            self._enable()
            if then_ask:
                self.ask()

        self.desk.sign_out(done)

    def switch_user(self) -> None:
        self.sign_out(then_ask=True)

    def _enable(self) -> None:
        signed_in = self.person is not None
        self.sign_out_action.setEnabled(signed_in)
        self.bar.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Account"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.switch_action.setText(self.tr("&Switch user…"))

    def close(self) -> None:
        self.guard.confirmed = True
        self.bar.close_down()
        self.desk.stop()


class CloseGuard(QObject):
    """Closing the window with changes not yet sent says how many and keeps them for next time."""

    def __init__(self, window: QWidget, bar: SyncStatusBar) -> None:
        super().__init__(window)
        self._window, self._bar = window, bar
        self.confirmed = False
        self.box: QMessageBox | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close and not self.confirmed:
            summary = self._bar.summary
            if summary is not None and summary.pending > 0:
                assert isinstance(event, QCloseEvent)
                event.ignore()
                self._ask(summary.pending)
                return True
        return False

    def _ask(self, pending: int) -> None:
        if self.box is not None and self.box.isVisible():
            return
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Changes not sent yet"))
        box.setText(self.tr("%1 changes have not reached the server yet.").replace("%1", formats.number(pending)))
        box.setInformativeText(
            self.tr("They stay on this workstation and are sent the next time it is connected.")
        )
        close = box.addButton(self.tr("Close and keep them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(close)

        def answered() -> None:
            if box.clickedButton() is close:
                self.confirmed = True
                self._window.close()

        box.finished.connect(lambda _result: answered())
        self.box = box
        box.open()
