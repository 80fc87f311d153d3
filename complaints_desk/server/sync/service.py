"""Push: every event answered accepted / duplicate / rejected, the answer stored so a repeated push gets it
again. No SQL here (store.central.push holds it); this module owns the transactions.

"Each event answered on its own" (docs/architecture.md, "The sync contract") is kept as a property of the answers,
not of the commits: a request's events are applied in chunks of up to CHUNK, one transaction per chunk. Within a
chunk each event is decided on its own, in push order, against the case as the chunk's earlier events left it; an
event the lifecycle refuses writes nothing of itself (the refusal comes before any write, so no savepoint is
needed) and its rejection is stored in the same transaction. A chunk commits as a whole: if the process dies or the
database fails mid-chunk, nothing of that chunk is committed, and the client's retry is idempotent because every
event is answered by its id (accepted → `duplicate` with its number, rejected → the stored rejection). Committing
per chunk rather than per request bounds how long a very large push (up to 500 events) holds its cases locked and
how much work a retry repeats.

Why chunks at all: every commit that makes events pullable is serialised behind the sequence counter (see
store.central.sequence), so throughput is set by how often we commit and how long the counter is held.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ...domain.case import CaseState
from ...domain.errors import DomainError, PermissionDenied
from ...domain.events import Event
from ...store.cases import load_case
from ...store.central import outbound
from ...store.central.accounts import StaffInfo
from ...store.central.checks import Pusher, ServerChecks, TimeWindow, fingerprint, id_reused, reused_ids
from ...store.central.push import Outcome, apply_batch
from ...store.central.push_commit import commit_numbered
from ...store.reports.office import office_info
from ...sync.protocol import EventResult, echoed_id, parse_pushed_event
from .. import units
from ..deps import WorkstationClaim
from ..logs import log
from ..notify import Notifier
from ..presenters import case_dict, sees_full
from .workstation_screen import NO_CLAIM, proven_code, station_check

RETRIES = 5
CHUNK = 20  # events per transaction on PostgreSQL (a push of up to CHUNK events is one transaction)
# SQLite holds ONE write lock for the whole database for as long as a transaction runs: there a transaction
# per event (as before) keeps other writers (other pushes, the admin, audit events) from queueing behind a
# large push. The intake budget is PostgreSQL's; a SQLite server serves one office.
SQLITE_CHUNK = 1


def actor_mismatch(staff: StaffInfo, event: Event) -> DomainError | None:
    """The token decides who acts: the event's role, department and actor must be the logged-in staff's."""
    if (
        event.actor_role is not staff.role
        or (event.actor_department or None) != (staff.department_code or None)
        or (event.actor_id is not None and event.actor_id != staff.id)
    ):
        return PermissionDenied(
            "actor",
            "이벤트의 작성자·역할·부서가 로그인한 직원과 다릅니다.",
            "The event's actor, role or department is not the logged-in staff member's.",
        )
    return None


def _result(outcome: Outcome, event: Event, staff: StaffInfo, index: int | None = None) -> EventResult:
    if outcome.status in ("accepted", "duplicate"):
        return EventResult(id=outcome.event_id, status=outcome.status, seq=outcome.seq, index=index)  # type: ignore[arg-type]
    if outcome.first or outcome.status == "refused":
        log(
            "event_rejected",
            logging.WARNING,
            event_id=event.id,
            case_id=event.case_id,
            type=event.type.value,
            reason=outcome.reason,
            field=outcome.field,
            staff=staff.username,
            message=outcome.message_en,
        )
    state = outcome.case
    # The case as the role sees it in lists (masked unless the role sees everything): a refusal is not a
    # reason to show an officer the petitioner in full, which only GET /cases/{id}?details=true does, and
    # records as details_viewed.
    return EventResult(
        id=outcome.event_id,
        status="rejected",
        index=index,
        reason=outcome.reason,
        field=outcome.field,
        message_ko=outcome.message_ko,
        message_en=outcome.message_en,
        case=None if state is None else case_dict(state, full=sees_full(staff)),
    )


Screen = Callable[[Event, CaseState | None], DomainError | None]


def screens(*checks: Screen) -> Screen:
    """The push's screens composed in one place (credentials, the server's own checks, ...): the first
    refusal wins."""

    def screen(event: Event, state: CaseState | None) -> DomainError | None:
        for check in checks:
            refusal = check(event, state)
            if refusal is not None:
                return refusal
        return None

    return screen


def push_chunk(
    factory: sessionmaker[Session],
    staff: StaffInfo,
    events: Sequence[Event],
    *,
    window: TimeWindow | None = None,
    received: set[str] | None = None,
    claim: WorkstationClaim = NO_CLAIM,
) -> list[Outcome]:
    """Apply one chunk in one transaction, retried from the start when a concurrent push won a race.
    `received`: the cases this request has created so far (merge targets); grows with this chunk's. `claim`:
    the request's workstation headers, checked in the same transaction (workstation_screen)."""
    created = received if received is not None else set()

    def work(session: Session) -> list[Outcome]:
        now = datetime.now(UTC)
        proven = proven_code(session, staff, claim, events)
        checks = ServerChecks(
            session, Pusher(staff.id, staff.role, staff.department_code), now, window or TimeWindow(), set(created)
        )
        batch = apply_batch(
            session,
            events,
            pushed_by=staff.id,
            pushed_from=proven,
            now=now,
            screen=screens(
                lambda event, _state: actor_mismatch(staff, event),
                lambda event, _state: station_check(session, staff, event, proven),
                checks.screen,
            ),
            follow_up=checks.follow_up,
        )
        # Only an event answered from a stored answer can re-use an id; such an answer writes nothing, so it
        # can be replaced by the refusal. A fresh push never pays for this look-up.
        answered: dict[str, list[int]] = {}
        for position, outcome in enumerate(batch.outcomes):
            if outcome.status == "duplicate" or _replayed(outcome):
                answered.setdefault(outcome.event_id, []).append(position)
        if answered:
            by_id = {event.id: event for event in events}
            for event_id in reused_ids(session, [by_id[event_id] for event_id in answered]):
                event = by_id[event_id]
                refusal = _rejection(event, id_reused(), load_case(session, event.case_id))
                for position in answered[event_id]:
                    batch.outcomes[position] = refusal
        answers = outbound.answers_among([event for event, _ in batch.recording.accepted])
        if answers:  # the message to the citizen, in the answer's own transaction (server/channels/worker.py)
            outbound.enqueue_answers(
                session,
                answers,
                batch.recording.states,
                status_url_base=office_info(session).status_url_base,
                now=now,
            )
        outcomes = commit_numbered(session, batch)
        created.update(checks.received_in_push)
        return outcomes

    for _attempt in range(RETRIES):
        try:
            # A dropped connection is retried by units.write like every endpoint's unit (503 if the fresh one
            # fails too); a chunk is repeatable even when the COMMIT's fate is unknown: events are keyed by id.
            return units.write(factory, work, repeatable=True)
        except (IntegrityError, OperationalError) as error:
            # Another push of the same event, or of another intake on the same case or receipt number, won
            # the race (or the database gave up on a lock or a serialisation): the whole chunk rolled back;
            # run it again, and the stored answers or the lifecycle decide.
            log("push_retry", logging.INFO, event_id=events[0].id, events=len(events), error=type(error).__name__)
    raise RuntimeError(f"events from {events[0].id} could not be applied after {RETRIES} attempts")


def _replayed(outcome: Outcome) -> bool:
    """A rejection given from the stored answer (not decided by this push)."""
    return outcome.status == "rejected" and not outcome.first


def _rejection(event: Event, error: DomainError, state: CaseState | None) -> Outcome:
    return Outcome(event.id, "refused", None, error.code, error.field, error.ko, error.en, state)


def push_events(
    factory: sessionmaker[Session],
    notifier: Notifier,
    staff: StaffInfo,
    events: Sequence[object],
    *,
    window: TimeWindow | None = None,
    claim: WorkstationClaim = NO_CLAIM,
) -> list[EventResult]:
    """The request's events, each read on its own (an unreadable one is answered `rejected` by itself), then
    applied in chunks (CHUNK on PostgreSQL, SQLITE_CHUNK on SQLite), one transaction each; one answer per
    pushed event, in push order, each with its position (sync/protocol.py)."""
    results: list[EventResult | None] = [None] * len(events)
    readable: list[tuple[int, Event]] = []
    seen: dict[str, str] = {}  # id -> the fingerprint of its first event in this request
    for index, raw in enumerate(events):
        try:
            event = parse_pushed_event(raw)
            mark = fingerprint(event)
            if seen.setdefault(event.id, mark) != mark:
                raise id_reused()
        except DomainError as error:
            results[index] = _unreadable(index, echoed_id(raw), error, staff)
            continue
        readable.append((index, event))
    size = SQLITE_CHUNK if factory.kw["bind"].dialect.name == "sqlite" else CHUNK
    received: set[str] = set()
    for start in range(0, len(readable), size):
        chunk = readable[start : start + size]
        outcomes = _push_chunk_or_each(factory, staff, [event for _, event in chunk], window, received, claim)
        if any(o.status == "accepted" for o in outcomes):
            notifier.publish()  # local waiters; other processes get the NOTIFY sent at commit
        for (index, event), outcome in zip(chunk, outcomes, strict=True):
            results[index] = _result(outcome, event, staff, index)
    return [result for result in results if result is not None]


# What an event the rules missed can still make the database or the code raise (a value PostgreSQL refuses,
# a payload shape a handler did not expect). Never a connection problem: those stay 503 (units.write).
_INPUT_FAILURES = (DataError, ValueError, TypeError, OverflowError, KeyError, AttributeError)


def _push_chunk_or_each(
    factory: sessionmaker[Session],
    staff: StaffInfo,
    events: list[Event],
    window: TimeWindow | None,
    received: set[str],
    claim: WorkstationClaim,
) -> list[Outcome]:
    """push_chunk, and if the chunk fails on something in its input, its events one at a time, so that the
    one event at fault is refused (`unprocessable`) and the others are decided as usual: never a 500."""
    try:
        return push_chunk(factory, staff, events, window=window, received=received, claim=claim)
    except _INPUT_FAILURES as error:
        if len(events) > 1:
            return [
                outcome
                for event in events
                for outcome in _push_chunk_or_each(factory, staff, [event], window, received, claim)
            ]
        log(
            "event_unprocessable",
            logging.ERROR,
            event_id=events[0].id,
            type=events[0].type.value,
            error=f"{type(error).__name__}: {str(error)[:300]}",
        )
        return [_rejection(events[0], _UNPROCESSABLE, None)]


_UNPROCESSABLE = DomainError(
    "event",
    "서버가 이 이벤트를 처리하지 못했습니다. 내용을 확인해 주시고, 계속되면 관리자에게 알려 주세요.",
    "The server could not process this event; check its content and tell the administrator if it persists.",
    code="unprocessable",
)


def _unreadable(index: int, event_id: str, error: DomainError, staff: StaffInfo) -> EventResult:
    log(
        "event_rejected",
        logging.WARNING,
        event_id=event_id,
        index=index,
        reason=error.code,
        field=error.field,
        staff=staff.username,
        message=error.en,
    )
    return EventResult(
        id=event_id,
        status="rejected",
        index=index,
        reason=error.code,
        field=error.field,
        message_ko=error.ko,
        message_en=error.en,
    )
