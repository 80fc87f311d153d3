"""The sign-in screen: server address, username, password (ui/signin.ui).

Signing in runs on a worker (gui/sync_status.DeskSync.sign_in): online against the server, or offline with the
verifier of an earlier online sign-in here when the server cannot be reached. A wrong field keeps everything
typed and gets its message beside it. The first sign-in of a supervisor or an administrator enrols the
workstation; the screen then shows its station code. With the embedded demo server (`complaints-desk start`)
it lists the demo accounts: a click fills them in.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidgetItem, QWidget

from ..domain.errors import DomainError
from ..domain.roles import Role
from ..sync.transport import ServerRefused
from . import labels
from .sync_desk import DeskSync, SignInResult
from .ui_signin import Ui_SignInDialog

DEMO_ACCOUNTS_ENV = "COMPLAINTS_DESK_DEMO_ACCOUNTS"
ERROR_COLOUR = "#b42318"


@dataclass(frozen=True)
class DemoAccounts:
    """The embedded demo server's accounts (the start command hands them over; never a real server's)."""

    password: str
    accounts: tuple[tuple[str, str], ...]  # (role, username)

    def to_environment(self) -> str:
        return json.dumps({"password": self.password, "accounts": [list(a) for a in self.accounts]})

    @classmethod
    def from_environment(cls) -> DemoAccounts | None:
        raw = os.environ.get(DEMO_ACCOUNTS_ENV)
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return cls(str(data["password"]), tuple((str(r), str(u)) for r, u in data["accounts"]))
        except (ValueError, KeyError, TypeError):
            return None


class SignInDialog(QDialog):
    signedIn = Signal(object)  # SignInResult

    def __init__(
        self,
        desk: DeskSync,
        *,
        demo: DemoAccounts | None = None,
        station_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.demo = demo
        self.station_code = station_code
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self.result_: SignInResult | None = None
        self.busy = False
        heading = self.ui.heading.font()
        heading.setPointSizeF(heading.pointSizeF() * 1.4)
        heading.setBold(True)
        self.ui.heading.setFont(heading)
        self.sign_in_button = self.ui.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.serverEdit.setText(desk.server_url)
        for label in (*self._errors(), self.ui.messageLabel):
            label.setStyleSheet(f"color: {ERROR_COLOUR};")
            label.hide()
        self.ui.demoBox.setVisible(demo is not None)
        self.ui.demoList.itemActivated.connect(self._use_demo)
        self.ui.demoList.itemClicked.connect(self._use_demo)
        self.ui.keyringNote.setVisible(desk.demo_keyring)
        self.retranslate()
        self.resize(max(self.width(), 560), self.sizeHint().height())
        (self.ui.usernameEdit if desk.server_url else self.ui.serverEdit).setFocus()

    def _fit(self) -> None:
        """Room for the texts of the language now shown (English captions are longer than Korean)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def _errors(self) -> tuple[QLabel, QLabel, QLabel]:
        return (self.ui.serverError, self.ui.usernameError, self.ui.passwordError)

    def _use_demo(self, item: QListWidgetItem) -> None:
        if self.demo is None:
            return
        self.ui.usernameEdit.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.ui.passwordEdit.setText(self.demo.password)
        self.sign_in_button.setFocus()

    # ---- signing in -------------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        self._clear_errors()
        server = self.ui.serverEdit.text().strip()
        username = self.ui.usernameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        wrong = False
        if not server.startswith(("http://", "https://")):
            self._mark(
                self.ui.serverEdit,
                self.ui.serverError,
                self.tr("Type the server's address, e.g. http://127.0.0.1:8470"),
            )
            wrong = True
        if not username:
            self._mark(self.ui.usernameEdit, self.ui.usernameError, self.tr("Type your username."))
            wrong = True
        if not password:
            self._mark(self.ui.passwordEdit, self.ui.passwordError, self.tr("Type your password."))
            wrong = True
        if wrong:
            return
        self._set_busy(True)
        self._message(self.tr("Signing in…"), error=False)
        self.desk.sign_in(server, username, password, self._signed_in, self._failed)

    def _signed_in(self, result: SignInResult) -> None:
        self._set_busy(False)
        self.result_ = result
        self.ui.passwordEdit.clear()
        self.signedIn.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError):
            message = error.ko if self._korean() else error.en
            target = {
                "username": (self.ui.usernameEdit, self.ui.usernameError),
                "password": (self.ui.passwordEdit, self.ui.passwordError),
            }.get(error.field)
            if target is not None:
                self._message("")
                self._mark(*target, message)
                return
            self._message(message)
            return
        if isinstance(error, ServerRefused):
            problem = error.problem
            self._message(problem.message_ko if self._korean() else problem.message_en)
            return
        self._message(self.tr("Could not sign in: %1").replace("%1", str(error)))

    def _message(self, text: str, *, error: bool = True) -> None:
        label = self.ui.messageLabel
        label.setText(text)
        label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        label.setVisible(bool(text))

    def _korean(self) -> bool:
        from .language import korean

        return korean()

    def _mark(self, edit: QLineEdit, label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()
        edit.setProperty("invalid", True)
        edit.setStyleSheet(f"border: 1px solid {ERROR_COLOUR}; padding: 2px;")
        if not any(e.property("invalid") for e in self._edits_before(edit)):
            edit.setFocus()

    def _edits_before(self, edit: QLineEdit) -> list[QLineEdit]:
        edits = [self.ui.serverEdit, self.ui.usernameEdit, self.ui.passwordEdit]
        return edits[: edits.index(edit)]

    def _clear_errors(self) -> None:
        for label in self._errors():
            label.clear()
            label.hide()
        for edit in (self.ui.serverEdit, self.ui.usernameEdit, self.ui.passwordEdit):
            edit.setProperty("invalid", False)
            edit.setStyleSheet("")
        self._message("")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.ui.serverEdit, self.ui.usernameEdit, self.ui.passwordEdit, self.sign_in_button):
            widget.setEnabled(not busy)

    # ---- language ------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.sign_in_button.setText(self.tr("Sign &in"))
        self.ui.stationLabel.setText(self._station_text())
        if self.demo is not None:
            self.ui.demoHint.setText(
                self.tr(
                    "The embedded demo server's accounts share one password: %1. Click one to fill it in."
                ).replace("%1", self.demo.password)
            )
            self.ui.demoList.clear()
            for role, username in self.demo.accounts:
                try:
                    role_name = labels.role(Role(role))
                except ValueError:
                    role_name = role
                item = QListWidgetItem(f"{role_name} — {username}")
                item.setData(Qt.ItemDataRole.UserRole, username)
                self.ui.demoList.addItem(item)
            rows = max(1, self.ui.demoList.count())
            frame = 2 * self.ui.demoList.frameWidth() + 6
            self.ui.demoList.setFixedHeight(rows * (self.ui.demoList.sizeHintForRow(0) + 2) + frame)
        self.ui.keyringNote.setText(
            self.tr(
                "Demo keyring: this machine has no keyring of its own, so the sign-in tokens are kept in a keyring "
                "started for this client (its password is in your data folder, readable only by you)."
            )
        )

        self._fit()

    def _station_text(self) -> str:
        if self.station_code:
            return self.tr("This workstation is counter %1.").replace("%1", self.station_code)
        return self.tr(
            "A new workstation is enrolled by a supervisor or an administrator signing in on it once; after "
            "that anyone can sign in, also offline once they have signed in here before."
        )
