"""Push: every event answered accepted / duplicate / rejected, the answer stored so a repeated push gets it
again. No SQL here (store.push_batch holds it); this module owns the transactions.

"Each event in its own transaction" (DESIGN.md) is kept as a property of the answers, not of the commits:
a request's events are applied in chunks of up to CHUNK, one transaction per chunk. Within a chunk each
event is decided on its own, in push order, against the case as the chunk's earlier events left it; an
event the lifecycle refuses writes nothing of itself (the refusal comes before any write, so no savepoint
is needed) and its rejection is stored in the same transaction. A chunk commits as a whole: if the
process dies or the database fails mid-chunk, nothing of that chunk is committed, and the client's retry
is idempotent because every event is answered by its id (accepted → `duplicate` with its number, rejected
→ the stored rejection). Committing per chunk rather than per request bounds how long a very large push
(up to 500 events) holds its cases locked and how much work a retry repeats.

Why chunks at all: every commit that makes events pullable is serialised behind the sequence counter (see
store/sync_service), so throughput is set by how often we commit and how long the counter is held.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ...domain.errors import DomainError, PermissionDenied
from ...domain.events import Event, EventType
from ...domain.receipts import parse_receipt_number
from ...domain.roles import Role
from ...store.central import stations
from ...store.central.accounts import StaffInfo
from ...store.central.push import Outcome, apply_batch
from ...store.central.push_commit import commit_numbered
from ...sync.protocol import EventResult, WireEvent
from .. import units
from ..deps import WorkstationClaim
from ..logs import log
from ..notify import Notifier
from ..presenters import case_dict, may_view_details

RETRIES = 5
CHUNK = 20  # events per transaction on PostgreSQL (a push of up to CHUNK events is one transaction)
# SQLite holds ONE write lock for the whole database for as long as a transaction runs: there a transaction
# per event (as before) keeps other writers (other pushes, the admin, audit events) from queueing behind a
# large push. The intake budget is PostgreSQL's; a SQLite server serves one office.
SQLITE_CHUNK = 1
NO_CLAIM = WorkstationClaim(None, None)  # a push without workstation headers: no intakes


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


def _station_mismatch(code: str, own: str) -> DomainError:
    return DomainError(
        "receipt_no",
        f"접수번호의 단말 코드 {code}은(는) 이 단말({own})의 코드가 아닙니다. 접수번호는 접수한 단말의 코드로만 "
        "발급할 수 있습니다.",
        f"The receipt number's station {code} is not this workstation's ({own}): a receipt is numbered under "
        "the code of the workstation that takes it.",
        code="station_mismatch",
    )


def station_check(session: Session, staff: StaffInfo, event: Event, proven: str | None) -> DomainError | None:
    """A received event's receipt number must be the pushing workstation's (`proven`: the code its proof
    headers proved in this transaction, None without a valid proof), or, for the SYSTEM role's channel
    intake, a channel's. Other events pass (a push without workstation headers may carry only those)."""
    if event.type is not EventType.RECEIVED:
        return None
    text = event.payload.get("receipt_no")
    try:
        number = parse_receipt_number(text) if isinstance(text, str) else None
    except DomainError:
        number = None
    if number is None:
        return None  # not a receipt number at all: the lifecycle refuses it in its own words
    claimed = {number.station_code, event.station_code or number.station_code}
    if staff.role is Role.SYSTEM:
        kinds = {stations.station_kind(session, code) for code in claimed}
        return (
            None if kinds == {"channel"} and len(claimed) == 1 else _station_mismatch(number.station_code, "채널")
        )
    if proven is None:
        return stations.unproven()
    if claimed != {proven}:
        return _station_mismatch(sorted(claimed - {proven})[0], proven)
    return None


def _result(outcome: Outcome, event: Event, staff: StaffInfo) -> EventResult:
    if outcome.status in ("accepted", "duplicate"):
        return EventResult(id=outcome.event_id, status=outcome.status, seq=outcome.seq)  # type: ignore[arg-type]
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
    return EventResult(
        id=outcome.event_id,
        status="rejected",
        reason=outcome.reason,
        field=outcome.field,
        message_ko=outcome.message_ko,
        message_en=outcome.message_en,
        case=None if state is None else case_dict(state, full=may_view_details(staff, state)),
    )


def push_chunk(
    factory: sessionmaker[Session],
    staff: StaffInfo,
    events: Sequence[Event],
    claim: WorkstationClaim = NO_CLAIM,
) -> list[Outcome]:
    """Apply one chunk in one transaction, retried from the start when a concurrent push won a race. The
    workstation's proof is checked in the same transaction, and only when the chunk holds an intake."""
    intakes = any(event.type is EventType.RECEIVED for event in events)

    def work(session: Session) -> list[Outcome]:
        station = (
            stations.proven_station(session, claim.workstation_id, claim.secret)
            if intakes and claim.present and staff.role is not Role.SYSTEM
            else None
        )
        proven = None if station is None else station.code

        def screen(event: Event) -> DomainError | None:
            return actor_mismatch(staff, event) or station_check(session, staff, event, proven)

        batch = apply_batch(session, events, pushed_by=staff.id, now=datetime.now(UTC), screen=screen)
        return commit_numbered(session, batch)

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


def push_events(
    factory: sessionmaker[Session],
    notifier: Notifier,
    staff: StaffInfo,
    events: list[WireEvent],
    claim: WorkstationClaim = NO_CLAIM,
) -> list[EventResult]:
    """The request's events in chunks (CHUNK on PostgreSQL, SQLITE_CHUNK on SQLite), one transaction each;
    answers in push order. `claim`: the request's workstation headers (station_check)."""
    domain_events = [wire.to_domain() for wire in events]
    size = SQLITE_CHUNK if factory.kw["bind"].dialect.name == "sqlite" else CHUNK
    results: list[EventResult] = []
    for start in range(0, len(domain_events), size):
        chunk = domain_events[start : start + size]
        outcomes = push_chunk(factory, staff, chunk, claim)
        if any(o.status == "accepted" for o in outcomes):
            notifier.publish()  # local waiters; other processes get the NOTIFY sent at commit
        results.extend(_result(outcome, event, staff) for outcome, event in zip(outcomes, chunk, strict=True))
    return results
