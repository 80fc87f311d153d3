"""The desk's ear on the telephone: while someone is signed in, a thread asks the server for the agent's calls
(GET /api/v1/cti/calls, a waiting read) and hands each change to the desk. Offline or refused, it waits and
asks again; a role the server gives no calls to (an officer) stops it until the next sign-in."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ..domain.cti import CallState
from .transport import AuthRequired, Offline, ServerRefused, Transport

log = logging.getLogger(__name__)
WAIT_SECONDS = 20.0


@dataclass(frozen=True)
class PhoneCall:
    call_id: str
    direction: str
    caller: str
    state: CallState
    started_at: datetime
    answered_by: str | None
    changed_at: datetime

    @classmethod
    def from_wire(cls, wire: dict[str, object]) -> PhoneCall:
        return cls(
            call_id=str(wire["call_id"]),
            direction=str(wire.get("direction", "in")),
            caller=str(wire.get("caller", "")),
            state=CallState(str(wire["state"])),
            started_at=datetime.fromisoformat(str(wire["started_at"])),
            answered_by=str(wire["answered_by"]) if wire.get("answered_by") else None,
            changed_at=datetime.fromisoformat(str(wire["changed_at"])),
        )


class CallWatcher:
    def __init__(
        self,
        transport: Transport,
        on_calls: Callable[[list[PhoneCall]], None],
        *,
        signed_in: Callable[[], bool],
        wait_seconds: float = WAIT_SECONDS,
        pause_seconds: float = 5.0,
    ) -> None:
        self._transport = transport
        self._on_calls = on_calls
        self._signed_in = signed_in
        self._wait, self._pause = wait_seconds, pause_seconds
        self._since: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="desk-phone-calls", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self._signed_in():
                self._stop.wait(self._pause)
                continue
            try:
                wires = self._transport.cti_calls(self._since, self._wait)
            except ServerRefused as refused:
                if refused.status == 403:  # this role gets no calls: nothing to listen for
                    log.info("phone calls: not for this role")
                    return
                self._stop.wait(self._pause)
                continue
            except (Offline, AuthRequired):
                self._stop.wait(self._pause)
                continue
            calls = [PhoneCall.from_wire(wire) for wire in wires]
            if calls:
                self._since = max(call.changed_at for call in calls).isoformat()
                self._on_calls(calls)
