"""The desk's sync in the status bar (the engine adapter it listens to is gui/sync_desk.py).

`SyncStatusBar` always says: online or offline (or "동기화 중" while a first catch-up builds its indexes), the
changes waiting to be sent (and whose wait for their owner's sign-in), the time of the last sync, and the
rejected changes (a click opens their list: gui/sync_rejected.py). A network failure or a 503 is a state here,
retried by the engine with backoff, never a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ..store.local.sync_state import SyncSummary, sync_summary
from ..sync.engine import SyncStatus
from . import formats, labels
from .language import korean
from .sync_desk import DeskSync


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
        # Bound methods, not lambdas: Qt drops a signal queued for this bar once the bar is gone (a lambda would
        # still run, into deleted widgets, when the desk's threads report after the window has closed).
        desk.statusChanged.connect(self._status_changed)
        desk.catchingUp.connect(self._catching_up)
        desk.changed.connect(self.refresh)
        desk.rejected.connect(self._refresh_after)
        desk.signedIn.connect(self._refresh_after)
        desk.signedOut.connect(self._refresh_after)
        desk.tasks.written.connect(self._local_change)
        self.retranslate()
        self.refresh()

    def _status_changed(self, _status: object, _detail: object) -> None:
        self.retranslate()  # (whose changes wait may follow it)

    def _catching_up(self, _progress: object) -> None:
        self._retranslate_connection()

    def _refresh_after(self, _what: object) -> None:
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
        parts = [
            self.tr("%1's %2").replace("%1", p.name or "?").replace("%2", formats.number(p.count)) for p in others
        ]
        mine = next((p for p in summary.by_person if person is not None and p.staff_id == person.staff_id), None)
        if mine is not None and self.desk.status is SyncStatus.AUTH_REQUIRED:  # the server refused their token
            parts.insert(
                0,
                self.tr("%1's %2 after signing in again")
                .replace("%1", mine.name or (person.name if person is not None else "?"))
                .replace("%2", formats.number(mine.count)),
            )
        if parts:
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
