"""The petitioner in full (원문 보기): asked of the server, never read from the local copy, because the server
is where a view of personal data is recorded (an officer's `GET /cases/{id}?details=true` is stored as a
`details_viewed` event; the desktop records no view of its own). Offline there is nothing to ask, and the
button says so.

The request runs on a network thread of its own (a QThreadPool), not on the reader pool: a slow server must
not hold up the queue's reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..domain.attachments import AttachmentRef

if TYPE_CHECKING:
    from ..sync.transport import Transport  # (only with a server: the desk alone never loads `requests`)


@dataclass(frozen=True)
class Petitioner:
    name: str
    phone: str
    address: str
    email: str


class DetailsSource(Protocol):
    """Where the full details come from: the sync wiring provides one (its transport and its online state)."""

    def is_online(self) -> bool: ...

    def fetch(self, case_id: str) -> Petitioner: ...  # called on a network thread; raises TransportError

    def fetch_attachment(self, case_id: str, attachment: AttachmentRef) -> bytes: ...  # likewise


class TransportDetails:
    """The server through the sync transport (its authenticated session)."""

    def __init__(self, transport: Transport, online: Callable[[], bool] = lambda: True) -> None:
        self.transport = transport
        self._online = online

    def is_online(self) -> bool:
        return self._online()

    def fetch(self, case_id: str) -> Petitioner:
        case: dict[str, Any] = self.transport.case(case_id, details=True)["case"]
        return Petitioner(
            str(case.get("petitioner_name") or ""),
            str(case.get("petitioner_phone") or ""),
            str(case.get("petitioner_address") or ""),
            str(case.get("petitioner_email") or ""),
        )

    def fetch_attachment(self, case_id: str, attachment: AttachmentRef) -> bytes:
        """A citizen's file, from the server (never through pull), checked against the hash filed with it."""
        return self.transport.attachment(case_id, attachment.id, sha256=attachment.sha256)


class _Relay(QObject):
    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._run)

    @Slot(object)
    def _run(self, call: Callable[[], None]) -> None:
        call()


class _Job(QRunnable):
    def __init__(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
        relay: _Relay,
    ) -> None:
        super().__init__()
        self._fn, self._done, self._failed, self._relay = fn, done, failed, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # handed to the GUI thread, which shows it
            failure = error
            self._relay.delivered.emit(lambda: self._failed(failure))
        else:
            self._relay.delivered.emit(lambda: self._done(result))


class Network(QObject):
    """One thread for calls to the server, results back on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self.busy = 0

    def run(self, fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]) -> None:
        self.busy += 1

        def finished(call: Callable[[Any], None]) -> Callable[[Any], None]:
            def wrapped(value: Any) -> None:
                self.busy -= 1
                call(value)

            return wrapped

        self._pool.start(_Job(fn, finished(done), finished(failed), self._relay))

    def close(self) -> None:
        self._pool.waitForDone(10_000)
