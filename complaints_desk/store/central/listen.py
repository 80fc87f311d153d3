"""PostgreSQL LISTEN/NOTIFY for the sync wake-ups: every committed change sends NOTIFY inside its
transaction (delivered at commit, never before), and each server process listens on one connection."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

CHANNEL = "complaints_desk_changes"


def announce(session: Session, seq: int) -> None:
    """Queue a wake-up for other server processes; PostgreSQL delivers it only if this transaction commits."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": str(seq)})


def libpq_url(database_url: str) -> str:
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def listen(database_url: str, on_change: Callable[[int], None], stop: threading.Event) -> None:
    """Block until `stop` is set, calling on_change(seq) for each notification; reconnects after errors.
    After a reconnect it reports seq 0, so waiters re-check the database for anything missed meanwhile."""
    import psycopg

    url = libpq_url(database_url)
    while not stop.is_set():
        try:
            with psycopg.connect(url, autocommit=True) as connection:
                connection.execute(f"LISTEN {CHANNEL}")
                on_change(0)
                while not stop.is_set():
                    for note in connection.notifies(timeout=0.5, stop_after=64):
                        on_change(int(note.payload or 0))
        except psycopg.Error:
            stop.wait(1.0)
        time.sleep(0)
