"""A pushed batch of events applied in ONE transaction with a handful of statements (the server's intake path).

Each event is still decided on its own, in push order, against the case as the earlier events of the batch
left it: the lifecycle (domain.lifecycle.apply, as in cases.record_event) refuses before anything of that
event is written, so a refused event needs no savepoint: it contributes nothing but its stored answer.
The accepted events are decided and recorded by cases.Recording, as cases.record_events does, and SQLite
stores them with the same cases.write_recording; PostgreSQL sends the same rows (cases.case_row,
cases.search_row) as JSON. On PostgreSQL a batch is two round trips, whatever its size:

    apply_batch:  previous answers · lock the batch's cases (and receipt holders)      (one pipeline)
    seq_commit:   rejections · stations · counter (+ NOTIFY) · new cases · search rows
                  · changed cases · events · COMMIT                                    (one pipeline)

each many-row write being ONE statement over a JSON document of its rows (push_pg.py: write_unnumbered_pg,
write_numbered_pg), every case and event row written once, already numbered. SQLite runs the same steps
through SQLAlchemy (write_batch, then seq_commit numbers the rows), a statement at a time.

The sequence numbers are taken once for the batch, from the `server_counters` row (see store.central.sequence: the
row lock is held to commit, so numbers become visible in order); the rows that carry them and the commit
run while it is locked.

Concurrency (PostgreSQL; SQLite's BEGIN IMMEDIATE simply runs batches one at a time):
- The batch's existing cases are locked FOR UPDATE in id order (no deadlock between batches) and stay locked
  to commit, so a later event on the same case is decided on the committed result and gets a larger number:
  per case, seq order = case_version order.
- Two batches creating the same case or using the same receipt number: the second one's INSERT (under the
  counter lock on PostgreSQL, so after the first has committed) fails with IntegrityError; the caller rolls
  the batch back and runs it again, when the stored answers and the lifecycle decide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any
from typing import cast as typed

from sqlalchemy import (
    BindParameter,
    String,
    Table,
    bindparam,
    cast,
    insert,
    literal,
    null,
    or_,
    select,
)
from sqlalchemy.orm import Session

from ...domain.case import CASE_FIELDS, CaseState
from ...domain.errors import DomainError
from ...domain.events import Event, EventType
from ..cases import Recording, parse_receipt, write_recording
from ..db import psycopg_connection
from ..models import CaseRow, EventRow, Station
from ..projection import row_to_state
from .answers import Answer
from .tables import PushOutcome

# screen(event, case as the batch's earlier events left it) -> a refusal (not stored) or None.
Screen = Callable[[Event, CaseState | None], DomainError | None]
# follow_up(accepted event, case after it) -> server-made events, decided and numbered right after it.
FollowUp = Callable[[Event, CaseState], list[Event]]

# Core tables for the many-row statements: the ORM's bulk paths add work per row and refuse extra criteria.
CASES = typed(Table, CaseRow.__table__)
EVENTS = typed(Table, EventRow.__table__)
STATIONS = typed(Table, Station.__table__)
OUTCOMES = typed(Table, PushOutcome.__table__)


@dataclass(frozen=True)
class Outcome:
    """One event's answer. status: accepted | duplicate | rejected (stored) | refused (not stored: judged
    on this request's credentials). `case` is the case as it stands at the event's turn (for refusals);
    `first` is True when this push decided a rejection (it was not a stored answer)."""

    event_id: str
    status: str
    seq: int | None = None
    reason: str | None = None
    field: str | None = None
    message_ko: str | None = None
    message_en: str | None = None
    case: CaseState | None = None
    first: bool = False


# Built once: constructing statements costs more CPU per request than running them.
_IDS: BindParameter[str] = bindparam("ids", expanding=True)
_ANSWERS = (
    select(
        EVENTS.c.id.label("id"),
        EVENTS.c.seq.label("seq"),
        literal("accepted", String).label("status"),
        cast(null(), String).label("reason"),
        cast(null(), String).label("field"),
        cast(null(), String).label("message_ko"),
        cast(null(), String).label("message_en"),
    )
    .where(EVENTS.c.id.in_(_IDS), EVENTS.c.seq.is_not(None))
    .union_all(
        select(
            OUTCOMES.c.event_id,
            OUTCOMES.c.seq,
            OUTCOMES.c.status,
            OUTCOMES.c.reason,
            OUTCOMES.c.field,
            OUTCOMES.c.message_ko,
            OUTCOMES.c.message_en,
        ).where(OUTCOMES.c.event_id.in_(_IDS))
    )
)
_CASES_AND_HOLDERS = (
    select(CASES)
    .where(or_(CASES.c.id.in_(_IDS), CASES.c.receipt_no.in_(bindparam("receipts", expanding=True))))
    .order_by(CASES.c.id)
)
_CASES_AND_HOLDERS_LOCKED = _CASES_AND_HOLDERS.with_for_update()
_INSERT_CASES, _INSERT_EVENTS, _INSERT_OUTCOMES = insert(CASES), insert(EVENTS), insert(OUTCOMES)


def previous_answers(session: Session, event_ids: Sequence[str]) -> dict[str, Answer]:
    """The stored first answers to these events, in one query: accepted (the event row's seq) or rejected."""
    if not event_ids:
        return {}
    return _first_answers(session.connection().execute(_ANSWERS, {"ids": list(dict.fromkeys(event_ids))}))


def _first_answers(rows: Iterable[Sequence[Any]]) -> dict[str, Answer]:
    """Answers from rows of (event id, seq, status, reason, field, message_ko, message_en): the events' own
    rows (accepted) first, then the stored rejections."""
    answers: dict[str, Answer] = {}
    for event_id, seq, status, reason, field, message_ko, message_en in rows:
        if event_id in answers and answers[event_id].status == "accepted":
            continue  # the event row wins, as in answers.previous_answer
        answers[event_id] = Answer(
            status, None if seq is None else int(seq), reason, field, message_ko, message_en
        )
    return answers


def _lock_cases(
    session: Session, case_ids: Iterable[str], receipts: Iterable[str]
) -> tuple[dict[str, CaseState], dict[str, str]]:
    """The batch's cases (locked to commit on PostgreSQL, in id order) and which case holds each receipt."""
    ids, numbers = sorted(set(case_ids)), sorted(set(receipts))
    if not ids and not numbers:
        return {}, {}
    connection = session.connection()
    locked = connection.dialect.name == "postgresql"
    statement = _CASES_AND_HOLDERS_LOCKED if locked else _CASES_AND_HOLDERS
    return _states_and_holders(connection.execute(statement, {"ids": ids, "receipts": numbers}))


def _states_and_holders(rows: Iterable[Any]) -> tuple[dict[str, CaseState], dict[str, str]]:
    """The cases of these rows by id, and which case holds each of their receipt numbers."""
    states: dict[str, CaseState] = {}
    holders: dict[str, str] = {}
    for row in rows:
        state = row_to_state(row)
        states[state.id] = state
        holders[state.receipt_no] = state.id
    return states, holders


# PostgreSQL: previous_answers and _lock_cases as two plain statements sent together (one round trip).
_PG_ANSWERS = (
    "SELECT id, seq, 'accepted', NULL, NULL, NULL, NULL FROM events "
    "WHERE id = ANY(%(ids)s::varchar[]) AND seq IS NOT NULL "
    "UNION ALL SELECT event_id, seq, status, reason, field, message_ko, message_en FROM push_outcomes "
    "WHERE event_id = ANY(%(ids)s::varchar[])"
)
_PG_LOCK_CASES = (
    f"SELECT {', '.join(CASE_FIELDS)} FROM cases "
    "WHERE id = ANY(%(cases)s::varchar[]) OR receipt_no = ANY(%(receipts)s::varchar[]) ORDER BY id FOR UPDATE"
)


def _read_pg(
    session: Session, events: Sequence[Event]
) -> tuple[dict[str, Answer], dict[str, CaseState], dict[str, str]]:
    """previous_answers and _lock_cases in one round trip. The batch's cases are all locked, those of events
    already answered too (which only matters to a repeated push racing new events on the same case)."""
    from psycopg.rows import dict_row

    ids = list(dict.fromkeys(e.id for e in events))
    cases = sorted({e.case_id for e in events})
    receipts = sorted({_receipt_key(text) for e in events if (text := _receipt_text(e))})
    with psycopg_connection(session, _PG_LOCK_CASES) as raw:
        with raw.pipeline():
            found, locked = raw.cursor(), raw.cursor(row_factory=dict_row)
            found.execute(_PG_ANSWERS, {"ids": ids})
            locked.execute(_PG_LOCK_CASES, {"cases": cases, "receipts": receipts})
        answer_rows, case_rows = found.fetchall(), locked.fetchall()
    return (_first_answers(answer_rows), *_states_and_holders(case_rows))


def _receipt_text(event: Event) -> str | None:
    text = event.payload.get("receipt_no") if event.type is EventType.RECEIVED else None
    return text.strip() if isinstance(text, str) else None


@lru_cache(maxsize=4096)
def _receipt_key(text: str) -> str:
    """The number as the cases table stores it (the lifecycle normalises it: 000300 → 0300), so a number
    already held is found however the workstation wrote it; an unreadable one is left to the lifecycle."""
    try:
        return str(parse_receipt(text))
    except DomainError:
        return text


def _receipt_reused(text: str) -> DomainError:
    # Same words as answers.check_receipt_unused (the single-event path).
    return DomainError(
        "receipt_no",
        f"이미 사용된 접수번호입니다: {text}. 단말을 서버에 다시 등록하면 이어서 쓸 번호를 알려 드립니다.",
        f"Receipt number {text} is already used. Enrol the workstation again to learn where to continue.",
        code="receipt_reused",
    )


def _rejection(event: Event, error: DomainError, state: CaseState | None, *, status: str) -> Outcome:
    return Outcome(
        event.id, status, None, error.code, error.field, error.ko, error.en, state, first=status == "rejected"
    )


def _replayed(event_id: str, answer: Answer, state: CaseState | None) -> Outcome:
    if answer.status == "accepted":
        return Outcome(event_id, "duplicate", answer.seq)
    return Outcome(
        event_id, "rejected", None, answer.reason, answer.field, answer.message_ko, answer.message_en, state
    )


@dataclass
class Batch:
    """A decided batch, not yet written: `write_batch` stores it, and seq_commit.commit_numbered gives its
    accepted events (event id, case id, in push order) consecutive numbers, filling in `outcomes`."""

    outcomes: list[Outcome]
    numbered: list[tuple[int, int]]  # (position in outcomes, position in accepted)
    accepted: list[tuple[str, str]]
    recording: Recording  # the accepted events and the cases as they leave them (what cases.record_events keeps)
    rejections: list[dict[str, Any]]  # push_outcomes rows of the events refused for the first time
    now: datetime
    pushed_by: str | None = None  # stored on every event row of the batch
    pushed_from: str | None = None  # the proven workstation's station code, on every event row too

    @property
    def states(self) -> dict[str, CaseState]:
        """Every case of the batch as it stands after it."""
        return self.recording.states

    def newest_positions(self) -> dict[str, int]:
        """Case id -> the 1-based position in `accepted` of its newest event (what its last_seq numbers)."""
        return {case_id: position for position, (_event_id, case_id) in enumerate(self.accepted, start=1)}


def apply_batch(
    session: Session,
    events: Sequence[Event],
    *,
    pushed_by: str | None,
    now: datetime,
    screen: Screen,
    follow_up: FollowUp | None = None,
    pushed_from: str | None = None,
) -> Batch:
    """Decide a batch of pushed events in the caller's transaction (reading and locking what it needs,
    writing nothing); one Outcome per event, in order. `screen(event)` may refuse an event without storing the
    refusal (the caller's credentials check); it runs after the stored answer is looked up, so a repeated
    event always gets its first answer."""
    if session.get_bind().dialect.name == "postgresql":
        answers, states, holders = _read_pg(session, events)
    else:
        answers = previous_answers(session, [e.id for e in events])
        fresh = [e for e in events if e.id not in answers]
        wanted = {e.case_id for e in events if e.id not in answers or answers[e.id].status != "accepted"}
        texts = [_receipt_key(text) for e in fresh if (text := _receipt_text(e))]
        states, holders = _lock_cases(session, wanted, texts)
    recording = Recording(states)
    batch = Batch([], [], [], recording, [], now, pushed_by, pushed_from)
    decided: dict[str, Answer | int] = {}  # event id -> its answer in this batch (int: index in accepted)
    for event in events:
        state = recording.states.get(event.case_id)
        earlier = decided.get(event.id, answers.get(event.id))
        if isinstance(earlier, int):
            batch.numbered.append((len(batch.outcomes), earlier))
            batch.outcomes.append(Outcome(event.id, "duplicate"))
            continue
        if earlier is not None:
            batch.outcomes.append(_replayed(event.id, earlier, state))
            continue
        refusal = screen(event, state)
        if refusal is not None:
            batch.outcomes.append(_rejection(event, refusal, state, status="refused"))
            continue
        try:
            text = _receipt_text(event)
            if text is not None and holders.get(_receipt_key(text), event.case_id) != event.case_id:
                raise _receipt_reused(text)
            after = recording.accept(event)
        except DomainError as error:
            decided[event.id] = Answer("rejected", None, error.code, error.field, error.ko, error.en)
            batch.rejections.append(_outcome_row(event, error, pushed_by, now))
            batch.outcomes.append(_rejection(event, error, state, status="rejected"))
            continue
        position = len(recording.accepted) - 1
        decided[event.id] = position
        batch.numbered.append((len(batch.outcomes), position))
        batch.outcomes.append(Outcome(event.id, "accepted"))
        for extra in follow_up(event, after) if follow_up else ():
            # The server's own event (deadline_set): decided by the same lifecycle; a refusal here is a
            # server bug, not input, and fails the chunk.
            after = recording.accept(extra)
        if event.type is EventType.RECEIVED:
            holders[after.receipt_no] = event.case_id
    batch.accepted = [(event.id, event.case_id) for event, _ in recording.accepted]
    return batch


def _outcome_row(event: Event, error: DomainError, pushed_by: str | None, now: datetime) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "case_id": event.case_id,
        "status": "rejected",
        "seq": None,
        "reason": error.code,
        "field": error.field,
        "message_ko": error.ko,
        "message_en": error.en,
        "pushed_by": pushed_by,
        "recorded_at": now,
    }


def write_batch(session: Session, batch: Batch) -> None:
    """Store a decided batch, its events without their sequence numbers (given at commit, under the counter
    lock): its stored rejections, then what cases.write_recording writes for cases.record_events. Reads no
    results back, so it can run inside a pipeline."""
    if batch.rejections:
        session.connection().execute(_INSERT_OUTCOMES, batch.rejections)
    write_recording(
        session,
        batch.recording,
        recorded_at=batch.now,
        note_receipts=True,
        pushed_by=batch.pushed_by,
        pushed_from=batch.pushed_from,
    )


__all__ = [
    "Batch",
    "Outcome",
    "apply_batch",
    "previous_answers",
    "write_batch",
]
