"""Read-only checks of a database's event log, used to compare a client with the server after sync."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import CaseRow, EventRow


def event_positions(session: Session) -> dict[str, tuple[int | None, int, str]]:
    """Every event: id → (server seq or None, case_version, case_id)."""
    rows = session.execute(select(EventRow.id, EventRow.seq, EventRow.case_version, EventRow.case_id))
    return {row.id: (row.seq, row.case_version, row.case_id) for row in rows}


def event_ids_in_seq_order(session: Session) -> list[str]:
    return list(
        session.execute(select(EventRow.id).where(EventRow.seq.is_not(None)).order_by(EventRow.seq)).scalars()
    )


def case_ids(session: Session) -> list[str]:
    return list(session.execute(select(CaseRow.id).order_by(CaseRow.id)).scalars())


def event_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(EventRow)).scalar_one())
