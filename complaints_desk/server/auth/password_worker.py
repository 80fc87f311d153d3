"""What runs in the password-check processes (server/auth/gate.py): kept apart from the server's modules so
that a worker imports argon2 and the accounts module only, not the web framework."""

from __future__ import annotations

import contextlib
import os
import threading
import time

from ...store.central import accounts


def start(nice: int) -> None:
    """A worker's set-up: a lower CPU priority for the whole process (and so for argon2's own threads), and
    the dummy hash made now rather than during the first unknown username's login."""
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="parent-watch").start()
    if nice > 0 and hasattr(os, "nice"):
        with contextlib.suppress(OSError):  # not allowed here: the checks still run, bounded
            os.nice(nice)
    accounts.verify_password(None, "")


def _exit_with(parent: int) -> None:
    """A server killed outright (SIGKILL, a power cut of the process) runs no shutdown: its workers would
    live on, orphaned, holding their memory. They notice their parent is gone within a second, and exit."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def check(password_hash: str | None, password: str) -> tuple[bool, int]:
    """Whether the password matches (a dummy hash stands in for a missing one), and how many argon2
    verifications that took: 1, for a known, an unknown or an inactive username alike."""
    before = accounts.verifications
    matched = accounts.verify_password(password_hash, password)
    return matched, accounts.verifications - before
