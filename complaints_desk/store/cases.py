"""Recording events and reading cases. `record_event` is the one way a case changes in the database: it
checks the event against the lifecycle first and writes nothing when the lifecycle refuses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.orm import Session

from ..domain.case import CaseState
from ..domain.errors import DomainError
from ..domain.events import Event
from ..domain.lifecycle import apply
from ..domain.receipts import ReceiptNumber, check_station_code
from . import search
from .models import CaseRow, EventRow, Station
from .projection import event_to_row_values, row_to_event, row_to_state, state_values


def load_case(session: Session, case_id: str, *, for_update: bool = False) -> CaseState | None:
    statement = select(CaseRow).where(CaseRow.id == case_id)
    if for_update and session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    row = session.execute(statement).scalar_one_or_none()
    return None if row is None else row_to_state(row)


def load_case_by_receipt(session: Session, receipt_no: str) -> CaseState | None:
    row = session.execute(select(CaseRow).where(CaseRow.receipt_no == receipt_no)).scalar_one_or_none()
    return None if row is None else row_to_state(row)


def case_events(session: Session, case_id: str) -> list[Event]:
    rows = session.execute(
        select(EventRow).where(EventRow.case_id == case_id).order_by(EventRow.case_version)
    ).scalars()
    return [row_to_event(row) for row in rows]


def record_event(
    session: Session,
    event: Event,
    *,
    seq: int | None = None,
    recorded_at: datetime | None = None,
) -> CaseState:
    """Apply one event to its case and store both. Raises DomainError (nothing written) when refused."""
    before = load_case(session, event.case_id, for_update=True)
    after = apply(before, event)
    session.execute(
        insert(EventRow).values(
            event_to_row_values(
                event, case_version=after.version, recorded_at=recorded_at or datetime.now(UTC), seq=seq
            )
        )
    )
    values = state_values(after)
    if before is None:
        session.execute(insert(CaseRow).values(**values, last_seq=seq))
        search.index_case(session, after)
    else:
        old = state_values(before)
        changed = {key: value for key, value in values.items() if old[key] != value}
        if seq is not None:
            changed["last_seq"] = seq
        session.execute(update(CaseRow).where(CaseRow.id == event.case_id).values(**changed))
    return after


def rebuild_case(session: Session, case_id: str) -> CaseState | None:
    """Replay the stored events of a case into its row (used after the client rebases on the server)."""
    state: CaseState | None = None
    for event in case_events(session, case_id):
        state = apply(state, event)
    if state is not None:
        session.execute(update(CaseRow).where(CaseRow.id == case_id).values(**state_values(state)))
    return state


def count_cases(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(CaseRow)).scalar_one())


# --- receipt numbers -------------------------------------------------------------------------------------


def issue_receipt_number(session: Session, station_code: str, day: date) -> ReceiptNumber:
    """Take the station's next running number for the day, atomically (the row lock serialises counters)."""
    check_station_code(station_code)
    result = session.execute(
        update(Station)
        .where(Station.code == station_code)
        .values(
            last_receipt_seq=case((Station.last_receipt_day == day, Station.last_receipt_seq + 1), else_=1),
            last_receipt_day=day,
        )
        .returning(Station.last_receipt_seq)
    ).scalar_one_or_none()
    if result is None:
        raise DomainError(
            "station_code",
            f"등록되지 않은 단말입니다: {station_code}. 먼저 서버에 단말을 등록해 주세요.",
            f"Unknown station {station_code}: enrol this workstation with the server first.",
            code="unknown_station",
        )
    return ReceiptNumber(day, station_code, int(result))


def note_receipt_seen(session: Session, number: ReceiptNumber) -> None:
    """Remember the highest number seen from a station (the server does this for every intake it applies,
    so a workstation restored from an old backup cannot reuse a number)."""
    station = session.execute(select(Station).where(Station.code == number.station_code)).scalar_one_or_none()
    if station is None:
        return
    if station.last_receipt_day is None or (station.last_receipt_day, station.last_receipt_seq) < (
        number.day,
        number.sequence,
    ):
        station.last_receipt_day = number.day
        station.last_receipt_seq = number.sequence


def states(session: Session, case_ids: Sequence[str]) -> list[CaseState]:
    rows = session.execute(select(CaseRow).where(CaseRow.id.in_(case_ids))).scalars()
    return [row_to_state(row) for row in rows]
