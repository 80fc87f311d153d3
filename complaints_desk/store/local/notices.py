"""The notices this desk's changes made for the petitioner (an extension's, an answer's: gui/case_notices.py),
kept on the change's outbox row. A notice is made when the change is recorded here, before the server has
answered; if the server then refuses the change, a notice already saved or printed tells the petitioner
something untrue, so the refusal says it must be withdrawn (outbox.RejectedEvent, RejectedLine). A change the
server has already refused gets no notice at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ...domain.errors import DomainError
from .tables import OutboxRow, OutboxState


class RefusedChange(DomainError):
    """The notice's change has been refused by the server: no notice is made for it."""

    def __init__(self) -> None:
        super().__init__(
            "notice",
            "서버가 이 변경을 거부했으므로 통지서를 만들지 않습니다.",
            "The server refused this change, so no notice is made for it.",
            "refused",
        )


@dataclass(frozen=True)
class IssuedNotice:
    """What became of a change's notice: saved to `path` (at `saved_at`), printed (at `printed_at`)."""

    path: str | None
    saved_at: datetime | None
    printed_at: datetime | None


def issued_notice(row: OutboxRow) -> IssuedNotice | None:
    """The change's notice, if it has left the program (then it is to be withdrawn should the change be refused)."""
    if row.notice_saved_at is None and row.notice_printed_at is None:
        return None
    return IssuedNotice(row.notice_path, row.notice_saved_at, row.notice_printed_at)


def is_refused(session: Session, event_id: str) -> bool:
    state = session.execute(select(OutboxRow.state).where(OutboxRow.event_id == event_id)).scalar_one_or_none()
    return state == OutboxState.REJECTED


def save_notice(
    session: Session, event_id: str, path: Path, write: Callable[[Path], object], *, now: datetime | None = None
) -> Path:
    """Writes the notice of the change `event_id` with `write(path)` and notes it, unless the server has refused
    the change by now (RefusedChange: no file). On the writer thread, which also settles the server's answers:
    either the refusal comes first and there is no notice, or the notice is noted and the refusal shows it."""
    if is_refused(session, event_id):
        raise RefusedChange()
    write(path)
    session.execute(
        update(OutboxRow)
        .where(OutboxRow.event_id == event_id)
        .values(notice_path=str(path), notice_saved_at=now or datetime.now(UTC))
    )
    return path


def note_printed(session: Session, event_id: str, *, now: datetime | None = None) -> None:
    session.execute(
        update(OutboxRow).where(OutboxRow.event_id == event_id).values(notice_printed_at=now or datetime.now(UTC))
    )
