"""Wake-ups for long polls. A commit on this process wakes local waiters directly; on PostgreSQL a listener
thread turns NOTIFY from any process into the same wake-up, within milliseconds. Waiters always re-check the
database after waking (and at least every second), so a lost wake-up delays an answer, never loses it."""

from __future__ import annotations

import asyncio
import threading

from ..store.central import listen


class Notifier:
    def __init__(self, database_url: str) -> None:
        self._database_url = database_url
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Call on the server's event loop (the app's lifespan)."""
        self._loop = asyncio.get_running_loop()
        self._event = asyncio.Event()
        if self._database_url.startswith("postgresql"):
            self._stop.clear()
            self._thread = threading.Thread(
                target=listen.listen,
                args=(self._database_url, self.publish, self._stop),
                name="pg-listen",
                daemon=True,
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def publish(self, seq: int = 0) -> None:
        """Thread-safe: something was committed (seq is informational only)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        loop.call_soon_threadsafe(self._fire)

    def _fire(self) -> None:
        if self._event is not None:
            self._event.set()
        self._event = asyncio.Event()

    def ticket(self) -> asyncio.Event | None:
        """Take before checking the database: a commit after the check then sets this very event."""
        return self._event

    async def wait(self, ticket: asyncio.Event | None, timeout: float) -> bool:
        """True when woken before the timeout."""
        event = ticket
        if event is None:
            await asyncio.sleep(timeout)
            return False
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            return False
        return True
