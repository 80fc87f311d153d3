"""The shape both channel workers share (the inbox's and the outbox's): one daemon thread per server process
that runs a round, and when the round found nothing waits for a wake-up or its poll interval. A round that
raises (the database away, a bug in a sender) is logged and the loop goes on: the rows it would have taken
stay where they are."""

from __future__ import annotations

import logging
import threading

from ..logs import log


class PollingWorker:
    name = "worker"  # the thread's name and the log's prefix: "<name>_error"

    def __init__(self, poll_seconds: float) -> None:
        self._poll = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"{self.name}-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def wake(self) -> None:
        self._wake.set()

    def run_once(self) -> int:
        """One round; returns how much it did (0: nothing was waiting)."""
        raise NotImplementedError

    def between_rounds(self) -> None:
        """Work that runs after every round, whatever the round did (the outbox's housekeeping)."""

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()  # before the round: work that arrives during it wakes the next look
            try:
                worked = self.run_once()
            except Exception as error:
                log(f"{self.name}_error", logging.ERROR, error=f"{type(error).__name__}: {str(error)[:300]}")
                worked = 0
            self.between_rounds()
            if not worked:
                self._wake.wait(self._poll)
