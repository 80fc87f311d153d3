"""The desk's sync engine adapter: `DeskSync` owns one server's `Credentials`, `Transport` and `SyncEngine`
(sync/, no Qt) and runs the engine on plain threads; the engine writes through the one writer
(`Tasks.store_writer`, the clerk's writes first) and reports through `SyncObserver` callbacks, which this
adapter turns into Qt signals delivered on the GUI thread. Sign-in and sign-out make network calls: they run on
a worker thread too, never on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ..sync.credentials import Credentials, LoggedIn
from ..sync.engine import CatchUpProgress, PullReport, PushReport, SyncEngine, SyncObserver, SyncStatus
from ..sync.transport import WAIT_SECONDS, Transport
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
            others_waiting=self.tasks.foreground_waiting,  # a catch-up lets the clerk's writes in between
            screen_reading=self.tasks.reads_running,  # … and gives way to the screen's reads
            # No second process for a catch-up here (sync.projector): on two cores it took the core the screen's
            # reads use; measured, one run each: the longest stall during a catch-up 60 ms with it, 38 without,
            # a scroll's rows filled in 148 ms against 81. The screen goes first.
            project_ahead=False,
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
