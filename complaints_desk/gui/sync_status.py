"""The desk's sync: the engine adapter and the status bar.

`DeskSync` owns one server's `Credentials`, `Transport` and `SyncEngine` (sync/, no Qt) and runs the engine on
plain threads; the engine writes through the one writer (`Tasks.store_writer`, the clerk's writes first) and
reports through `SyncObserver` callbacks, which this adapter turns into Qt signals delivered on the GUI thread.
Sign-in and sign-out make network calls: they run on a worker thread too, never on the GUI thread.

`SyncStatusBar` always says: online or offline (or "동기화 중" while a first catch-up builds its indexes), the
changes waiting to be sent (and whose wait for their owner's sign-in), the time of the last sync, and the
rejected changes (a click opens their list: gui/sync_rejected.py). A network failure or a 503 is a state here,
retried by the engine with backoff, never a dialog.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QSizePolicy, QToolButton, QWidget

from ..store.local.sync_state import SyncSummary, sync_summary
from ..sync.credentials import Credentials, LoggedIn
from ..sync.engine import CatchUpProgress, PullReport, PushReport, SyncEngine, SyncObserver, SyncStatus
from ..sync.transport import WAIT_SECONDS, Transport
from . import formats, labels
from .language import korean
from .tasks import Tasks

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread: a callable posted from any thread runs there (a queued signal)."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run)

    @Slot(object)
    def _run(self, call: Callable[[], None]) -> None:
        call()


@dataclass(frozen=True)
class SignInResult:
    person: LoggedIn
    enrolled: bool  # this sign-in enrolled the workstation (a supervisor's or an administrator's first)


class DeskSync(QObject):
    statusChanged = Signal(object, str)  # SyncStatus, detail
    catchingUp = Signal(object)  # CatchUpProgress
    changed = Signal()  # a push, a pull or a rejection: the queue and the counts are worth reading again
    rejected = Signal(object)  # case ids whose change the server refused
    signedIn = Signal(object)  # SignInResult
    signedOut = Signal(int)  # how many of their changes still wait (sent later with their kept token)

    def __init__(
        self,
        tasks: Tasks,
        server_url: str,
        *,
        backoff_cap: float = 30.0,
        wait_seconds: float = WAIT_SECONDS,
        demo_keyring: bool = False,
    ) -> None:
        super().__init__()
        self.tasks = tasks
        self.demo_keyring = demo_keyring
        self._backoff_cap, self._wait_seconds = backoff_cap, wait_seconds
        self._relay = _Relay()
        self.status = SyncStatus.STOPPED
        self.progress: CatchUpProgress | None = None
        self._thread: threading.Thread | None = None
        self._build(server_url)

    def _build(self, server_url: str) -> None:
        self.server_url = server_url.rstrip("/")
        self.credentials = Credentials(None, self.server_url, writer=self.tasks.store_writer)
        self.transport = Transport(
            self.server_url, token=self.credentials.token, workstation=self.credentials.workstation_proof
        )
        self.engine = SyncEngine(
            None,
            self.transport,
            observer=_Observer(self),
            writer=self.tasks.store_writer,
            tokens=self.credentials,
            wait_seconds=self._wait_seconds,
            backoff_cap=self._backoff_cap,
        )

    @property
    def current(self) -> LoggedIn | None:
        return self.credentials.current

    def post(self, call: Callable[[], None]) -> None:
        self._relay.posted.emit(call)

    def _in_background(
        self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]
    ) -> None:
        def run() -> None:
            try:
                result = work()
            except Exception as error:  # shown by the caller (a field's message, the status line)
                caught = error
                self.post(lambda: failed(caught))
            else:
                self.post(lambda: done(result))

        threading.Thread(target=run, name="desk-sign-in", daemon=True).start()

    # ---- signing in and out (GUI thread starts, a worker does the work) ------------------------------------

    def sign_in(
        self,
        server_url: str,
        username: str,
        password: str,
        done: Callable[[SignInResult], None],
        failed: Callable[[Exception], None],
    ) -> None:
        if server_url.rstrip("/") != self.server_url:
            self.stop(wait=0.0)  # the old engine ends on its own thread (a long poll in flight times out)
            self._build(server_url)

        def work() -> SignInResult:
            unproven = self.credentials.workstation_proof() is None
            person = self.credentials.login(self.transport, username, password)
            return SignInResult(person, unproven and self.credentials.workstation_proof() is not None)

        def signed_in(result: SignInResult) -> None:
            self._start_engine()
            self.engine.credentials_changed()
            self.signedIn.emit(result)
            done(result)

        self._in_background(work, signed_in, failed)

    def sign_out(self, done: Callable[[int], None] | None = None) -> None:
        def signed_out(waiting: int) -> None:
            self.signedOut.emit(waiting)
            if done is not None:
                done(waiting)

        def failed(error: Exception) -> None:
            log.warning("sign-out: %s", error)
            signed_out(0)

        self._in_background(lambda: self.credentials.sign_out(self.transport), signed_out, failed)

    def notify_local_change(self) -> None:
        self.engine.notify_local_change()

    def _start_engine(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self.engine.run_forever, name="sync-pull", daemon=True)
            self._thread.start()

    def stop(self, wait: float = 2.0) -> None:
        """Stop the engine (a long poll in flight is left to time out on its daemon thread)."""
        self.engine.stop()
        if self._thread is not None:
            self._thread.join(wait)
            self._thread = None

    # ---- from the engine's threads, through the relay --------------------------------------------------------

    def _status(self, status: SyncStatus, detail: str) -> None:
        self.status = status
        if status is not SyncStatus.SYNCING:
            self.progress = None
        self.statusChanged.emit(status, detail)

    def _progress(self, progress: CatchUpProgress) -> None:
        self.progress = None if progress.done else progress
        self.catchingUp.emit(progress)
        if progress.done:
            self.changed.emit()


class _Observer(SyncObserver):
    def __init__(self, desk: DeskSync) -> None:
        self._desk = desk

    def status_changed(self, status: SyncStatus, detail: str) -> None:
        self._desk.post(lambda: self._desk._status(status, detail))

    def pushed(self, report: PushReport) -> None:
        self._desk.post(self._desk.changed.emit)

    def pulled(self, report: PullReport) -> None:
        self._desk.post(self._desk.changed.emit)

    def conflicts(self, case_ids: tuple[str, ...]) -> None:
        self._desk.post(lambda: self._desk.rejected.emit(case_ids))

    def catching_up(self, progress: CatchUpProgress) -> None:
        self._desk.post(lambda: self._desk._progress(progress))


class ElidedLabel(QLabel):
    """A status-bar label that gives way on a narrow window (200 % scaling): it shortens its text with "…"
    instead of widening the window past the screen; the whole text is its tooltip and `text()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self.setToolTip(text)
            self.updateGeometry()
        self._fit()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 6, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        wanted = self.fontMetrics().horizontalAdvance(self._full) + 6
        return QSize(
            min(wanted, self.fontMetrics().horizontalAdvance("가나다…") + 6), super().minimumSizeHint().height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width() - 2))
        super().setText(shown)


SUMMARY_EVERY_MS = 3000
_COLOURS = {
    SyncStatus.IDLE: "#1b7f3b",
    SyncStatus.SYNCING: "#1f5fa8",
    SyncStatus.OFFLINE: "#b54708",
    SyncStatus.AUTH_REQUIRED: "#b42318",
    SyncStatus.ERROR: "#b42318",
}


class SyncStatusBar(QWidget):
    """The sync's part of the status bar. `openCase(case_id)` when a case is chosen in the list of rejections."""

    openCase = Signal(str)

    def __init__(self, desk: DeskSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.summary: SyncSummary | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.person = ElidedLabel(self)
        self.connection = QLabel(self)  # the state is never shortened; the others give way first
        self.connection.setObjectName("syncConnection")
        self.pending = ElidedLabel(self)
        self.last_sync = ElidedLabel(self)
        self.rejected = QToolButton(self)
        self.rejected.setObjectName("syncRejected")
        self.rejected.setAutoRaise(True)
        self.rejected.setCursor(Qt.CursorShape.PointingHandCursor)
        self.rejected.clicked.connect(self.open_rejected)
        self.keyring = ElidedLabel(self)
        for widget in (self.person, self.connection, self.pending, self.last_sync, self.rejected, self.keyring):
            separator = QFrame(self)
            separator.setFrameShape(QFrame.Shape.VLine)
            separator.setFrameShadow(QFrame.Shadow.Sunken)
            layout.addWidget(separator)
            widget.setProperty("separator", separator)
            layout.addWidget(widget)
        self.rejected.setStyleSheet(f"color: {_COLOURS[SyncStatus.ERROR]}; font-weight: bold;")
        self.keyring.setStyleSheet("color: #6b4e00;")
        self._reading = False
        self.closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(SUMMARY_EVERY_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        desk.statusChanged.connect(lambda _s, _d: self._retranslate_connection())
        desk.catchingUp.connect(lambda _p: self._retranslate_connection())
        desk.changed.connect(self.refresh)
        desk.rejected.connect(lambda _ids: self.refresh())
        desk.signedIn.connect(lambda _r: self.refresh())
        desk.signedOut.connect(lambda _n: self.refresh())
        desk.tasks.written.connect(self._local_change)
        self.retranslate()
        self.refresh()

    def _local_change(self) -> None:
        self.desk.notify_local_change()
        self.refresh()

    def close_down(self) -> None:
        """The window is going: results still on their way are dropped."""
        self.closed = True
        self._timer.stop()

    def refresh(self) -> None:
        if not self._reading and not self.closed:
            self._reading = True
            self.desk.tasks.read(sync_summary, self._show, self._read_failed)

    def _read_failed(self, _error: BaseException) -> None:
        self._reading = False

    def _show(self, summary: SyncSummary) -> None:
        self._reading = False
        if self.closed:
            return
        self.summary = summary
        self.retranslate()

    def open_rejected(self) -> None:
        from .sync_rejected import RejectedChangesDialog

        dialog = RejectedChangesDialog(self.desk.tasks, self.window())
        dialog.openCase.connect(self.openCase)
        dialog.open()
        self._dialog = dialog

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        person = self.desk.current
        if person is None:
            self.person.setText(self.tr("Not signed in"))
        else:
            text = f"{person.name} · {labels.role(person.role)}"
            station = person.station_code or (self.summary.station_code if self.summary else None)
            text += " · " + (
                self.tr("counter %1").replace("%1", station) if station else self.tr("workstation not enrolled")
            )
            if not person.online:
                text += " · " + self.tr("unlocked offline")
            self.person.setText(text)
        self._retranslate_connection()
        summary = self.summary
        if summary is None:
            self.pending.setText("")
            self.last_sync.setText("")
            self._show_widget(self.rejected, False)
        else:
            pending = self._pending_text(summary)
            self.pending.setText(pending)
            if "(" in pending:
                self.pending.setToolTip(
                    pending
                    + "\n"
                    + self.tr(
                        "Changes of someone who signed out are sent with their own sign-in; "
                        "they hold up nobody else's."
                    )
                )
            self.last_sync.setText(
                self.tr("last sync %1").replace("%1", formats.date_time(summary.last_sync_at, korean=korean()))
                if summary.last_sync_at
                else self.tr("never synced")
            )
            self._show_widget(self.rejected, summary.rejected > 0)
            self.rejected.setText(self.tr("%1 rejected changes").replace("%1", formats.number(summary.rejected)))
            self.rejected.setToolTip(self.tr("Show the changes the server refused, with its reasons"))
        self._show_widget(self.keyring, self.desk.demo_keyring)
        self.keyring.setText(self.tr("demo keyring"))
        self.keyring.setToolTip(  # after setText: this tooltip says more than the text
            self.tr(
                "No keyring answered on this machine: tokens are kept in a demo keyring started for this client."
            )
        )

    @staticmethod
    def _show_widget(widget: QWidget, visible: bool) -> None:
        widget.setVisible(visible)
        separator = widget.property("separator")
        if isinstance(separator, QWidget):
            separator.setVisible(visible)

    def _pending_text(self, summary: SyncSummary) -> str:
        if summary.pending == 0:
            return self.tr("nothing waiting to be sent")
        text = self.tr("%1 changes waiting to be sent").replace("%1", formats.number(summary.pending))
        person = self.desk.current
        others = [
            p
            for p in summary.by_person
            if p.staff_id is not None and (person is None or p.staff_id != person.staff_id)
        ]
        if others:
            parts = [
                self.tr("%1's %2").replace("%1", p.name or "?").replace("%2", formats.number(p.count))
                for p in others
            ]
            text += " (" + ", ".join(parts) + ")"
            self.pending.setToolTip(
                self.tr(
                    "Changes of someone who signed out are sent with their own sign-in; they hold up nobody else's."
                )
            )
        else:
            self.pending.setToolTip("")
        return text

    def _retranslate_connection(self) -> None:
        status = self.desk.status
        progress = self.desk.progress
        if status is SyncStatus.SYNCING and progress is not None:
            text = (
                self.tr("Syncing") + " · " + self.tr("%1 received").replace("%1", formats.number(progress.events))
            )
            if progress.building_indexes:
                text += " · " + self.tr("building the search indexes")
        elif status is SyncStatus.SYNCING:
            text = self.tr("Syncing")
        elif status is SyncStatus.IDLE:
            text = self.tr("Online")
        elif status is SyncStatus.OFFLINE:
            text = self.tr("Offline: retrying by itself")
        elif status is SyncStatus.AUTH_REQUIRED:
            text = self.tr("Sign in again to sync")
        elif status is SyncStatus.ERROR:
            text = self.tr("Sync problem: retrying")
        else:
            text = self.tr("Not connected")
        self.connection.setText("● " + text)
        self.connection.setStyleSheet(f"color: {_COLOURS.get(status, '#555555')};")


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
