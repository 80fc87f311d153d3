"""Recording events and reading cases. `record_events` (and `record_event`, the same for one event) is the one
way a case changes in the database: it checks the events against the lifecycle first and writes nothing when
the lifecycle refuses. The server's batched push decides its events with the same `Recording` and stores them
with the same `write_recording` (or, on PostgreSQL, with the same rows, `case_row` and `search_row`, sent as
JSON in one pipeline: central.push)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    Date,
    Integer,
    Table,
    and_,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from ..domain.case import CaseState
from ..domain.errors import DomainError
from ..domain.events import Event, EventType
from ..domain.lifecycle import apply
from ..domain.receipts import ReceiptNumber, check_station_code, parse_receipt_number
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


@dataclass
class Recording:
    """Events decided in one transaction, and the cases as they leave them: what `write_recording` stores,
    every case row and event row written once. `record_events` fills one; so does the server's batched push
    (central.push), which also answers the events it refuses."""

    loaded: dict[str, CaseState]  # the cases as read before the first event (locked on PostgreSQL)
    states: dict[str, CaseState] = field(default_factory=dict)  # every case as it stands now
    accepted: list[tuple[Event, int]] = field(default_factory=list)  # (event, its case version), in order
    new_cases: dict[str, CaseState] = field(default_factory=dict)  # cases created here: right after receipt
    receipts_seen: dict[str, ReceiptNumber] = field(default_factory=dict)  # highest number per station

    def __post_init__(self) -> None:
        self.states = dict(self.loaded) | self.states

    def accept(self, event: Event) -> CaseState:
        """Decide one event against its case as the earlier ones left it (lifecycle.apply) and record it;
        raises DomainError, recording nothing, when the lifecycle refuses it."""
        before = self.states.get(event.case_id)
        after = apply(before, event)
        self.states[event.case_id] = after
        self.accepted.append((event, after.version))
        if before is None:
            self.new_cases[event.case_id] = after
        if event.type is EventType.RECEIVED:
            number = parse_receipt(after.receipt_no)
            best = self.receipts_seen.get(number.station_code)
            if best is None or (best.day, best.sequence) < (number.day, number.sequence):
                self.receipts_seen[number.station_code] = number
        return after

    def newest_positions(self) -> dict[str, int]:
        """Case id -> the 1-based position in `accepted` of its newest event (what its last_seq numbers)."""
        return {event.case_id: position for position, (event, _) in enumerate(self.accepted, start=1)}


# A batch looks at each receipt number two or three times (the lock query, the reuse check, the station's
# highest number); ReceiptNumber is frozen, so the parsed value can be shared.
parse_receipt = lru_cache(maxsize=4096)(parse_receipt_number)

_CASES = cast(Table, CaseRow.__table__)
_EVENTS = cast(Table, EventRow.__table__)
_STATIONS = cast(Table, Station.__table__)


def load_cases(session: Session, case_ids: Iterable[str], *, for_update: bool = False) -> dict[str, CaseState]:
    """The existing cases of these ids (locked in id order on PostgreSQL with `for_update`)."""
    ids = sorted(set(case_ids))
    if not ids:
        return {}
    statement = select(_CASES).where(_CASES.c.id.in_(ids)).order_by(_CASES.c.id)
    if for_update and session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    return {row.id: row_to_state(row) for row in session.connection().execute(statement)}


def record_events(
    session: Session,
    events: Sequence[Event],
    *,
    seqs: Sequence[int | None] | None = None,
    recorded_at: datetime | None = None,
    note_receipts: bool = False,
) -> list[CaseState]:
    """Apply events to their cases, in order, and store them all: each case row written once. Raises
    DomainError (nothing written) when the lifecycle refuses any of them. `seqs`: the events' numbers (the
    server's); `note_receipts`: raise the stations' highest receipt numbers seen (the server's rule)."""
    recording = Recording(load_cases(session, (e.case_id for e in events), for_update=True))
    after = [recording.accept(event) for event in events]
    write_recording(
        session, recording, recorded_at=recorded_at or datetime.now(UTC), seqs=seqs, note_receipts=note_receipts
    )
    return after


def record_event(
    session: Session,
    event: Event,
    *,
    seq: int | None = None,
    recorded_at: datetime | None = None,
) -> CaseState:
    """Apply one event to its case and store both. Raises DomainError (nothing written) when refused."""
    return record_events(session, [event], seqs=[seq], recorded_at=recorded_at)[0]


def case_row(state: CaseState, last_seq: int | None) -> dict[str, Any]:
    """A case's row: its state's values, column for column, and the number of its newest event."""
    return {**state_values(state), "last_seq": last_seq}


def search_row(state: CaseState) -> dict[str, str]:
    return {
        "id": state.id,
        "doc": search.document_for(state.title, state.body, state.petitioner_name, state.petitioner_phone),
    }


def write_recording(
    session: Session,
    recording: Recording,
    *,
    recorded_at: datetime,
    seqs: Sequence[int | None] | None = None,
    note_receipts: bool = False,
    pushed_by: str | None = None,
    pushed_from: str | None = None,
) -> None:
    """Store what a recording decided, a statement per table (an executemany for many rows): new cases and
    their search documents, the changed columns of the cases already there, the stations' receipt numbers,
    the events. Without `seqs` the events are stored unnumbered and last_seq is left as it is. `pushed_by`:
    the staff member whose push the server stores, `pushed_from` the workstation that proved itself on it (on
    the server; a desktop records neither)."""
    numbers = list(seqs) if seqs is not None else [None] * len(recording.accepted)
    newest = recording.newest_positions()
    last_seq = {case_id: numbers[position - 1] for case_id, position in newest.items()}
    connection = session.connection()
    if recording.new_cases:
        connection.execute(
            insert(_CASES),
            [case_row(state, last_seq[case_id]) for case_id, state in _created(recording).items()],
        )
        search.index_cases(session, list(recording.new_cases.values()))
    _update_changed(session, recording, last_seq)
    if note_receipts:
        note_receipts_seen(session, recording.receipts_seen.values())
    if recording.accepted:
        connection.execute(
            insert(_EVENTS),
            [
                {
                    **event_to_row_values(event, case_version=version, recorded_at=recorded_at, seq=seq),
                    "pushed_by": pushed_by,
                    "pushed_from": pushed_from,
                }
                for (event, version), seq in zip(recording.accepted, numbers, strict=True)
            ],
        )


def _created(recording: Recording) -> dict[str, CaseState]:
    """The new cases as they stand now (later events of the same recording included)."""
    return {case_id: recording.states[case_id] for case_id in recording.new_cases}


def _update_changed(session: Session, recording: Recording, last_seq: dict[str, int | None]) -> None:
    """One UPDATE per distinct set of changed columns (usually one), each run as a single executemany."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for case_id, number in last_seq.items():
        if case_id in recording.new_cases:
            continue
        old, new = state_values(recording.loaded[case_id]), state_values(recording.states[case_id])
        changed = {key: value for key, value in new.items() if old[key] != value}
        if number is not None:
            changed["last_seq"] = number
        if changed:
            groups.setdefault(tuple(sorted(changed)), []).append(
                {**{f"b_{key}": value for key, value in changed.items()}, "b_id": case_id}
            )
    for keys, params in groups.items():
        statement = (
            update(_CASES)
            .where(_CASES.c.id == bindparam("b_id"))
            .values({key: bindparam(f"b_{key}") for key in keys})
        )
        session.connection().execute(statement, params)


def note_receipts_seen(session: Session, numbers: Iterable[ReceiptNumber]) -> None:
    """note_receipt_seen for many stations at once: raise each station's highest number seen."""
    params = [
        {"b_code": n.station_code, "b_day": n.day, "b_seq": n.sequence}
        for n in sorted(numbers, key=lambda n: n.station_code)  # one lock order for every batch
    ]
    if not params:
        return
    day: BindParameter[date] = bindparam("b_day", type_=Date)
    seq: BindParameter[int] = bindparam("b_seq", type_=Integer)
    statement = (
        update(_STATIONS)
        .where(
            _STATIONS.c.code == bindparam("b_code"),
            or_(
                _STATIONS.c.last_receipt_day.is_(None),
                _STATIONS.c.last_receipt_day < day,
                and_(_STATIONS.c.last_receipt_day == day, _STATIONS.c.last_receipt_seq < seq),
            ),
        )
        .values(last_receipt_day=day, last_receipt_seq=seq)
    )
    session.connection().execute(statement, params)


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
