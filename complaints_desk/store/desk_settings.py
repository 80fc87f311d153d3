"""This workstation's own preferences (the language of its screens, …), kept in the local store's `meta` table
so they move with the store (a profile) and are written by the desktop's one writer like everything else."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .models import Meta

PREFIX = "desk."


def remember(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, PREFIX + key)
    if row is None:
        session.add(Meta(key=PREFIX + key, value=value))
    else:
        row.value = value


def recall(session: Session, key: str) -> str | None:
    row = session.get(Meta, PREFIX + key)
    return None if row is None else row.value
