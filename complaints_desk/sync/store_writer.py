"""How the sync side writes to the local store: through a plain callable it is given, so that on the desktop
every write goes to the ONE writer thread (gui/tasks.py), with the clerk's own writes first, and sync/ needs no
Qt. `background=True` marks the sync's own writes (pull pages, push settlements): a waiting intake goes first.
`refetchable=True` marks a transaction that holds only what the server can give again (a catch-up's pages with
their cursor): it commits without waiting for the disk (store.db.transaction).

Without a GUI (tests, scripts) `direct_writer` runs each function in its own transaction on the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from ..store.db import transaction

T = TypeVar("T")


class StoreWriter(Protocol):
    def __call__(self, fn: Callable[[Session], T], /, *, background: bool = False, refetchable: bool = False) -> T:
        """Run `fn(session)` in one transaction (committed when it returns) and give back its result."""
        ...


def direct_writer(factory: sessionmaker[Session]) -> StoreWriter:
    def write(fn: Callable[[Session], T], /, *, background: bool = False, refetchable: bool = False) -> T:
        with transaction(factory, refetchable=refetchable) as session:
            return fn(session)

    return write
