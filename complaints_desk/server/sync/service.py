"""Push: each event in its own transaction, answered accepted / duplicate / rejected, the answer stored so a
repeated push gets it again. No SQL here (store.sync_service holds it); this module owns the transactions."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ...domain.errors import DomainError, PermissionDenied
from ...domain.events import Event
from ...store import sync_service
from ...store.auth_service import StaffInfo
from ...store.db import transaction
from ...sync.protocol import EventResult, WireEvent
from ..logs import log
from ..notify import Notifier
from ..presenters import case_dict, may_view_details

RETRIES = 3


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


def _result_from_answer(
    session: Session, event: Event, answer: sync_service.Answer, staff: StaffInfo, *, first: bool
) -> EventResult:
    if answer.status == "accepted":
        return EventResult(id=event.id, status="accepted" if first else "duplicate", seq=answer.seq)
    state = sync_service.current_case(session, event.case_id)
    return EventResult(
        id=event.id,
        status="rejected",
        reason=answer.reason,
        field=answer.field,
        message_ko=answer.message_ko,
        message_en=answer.message_en,
        case=None if state is None else case_dict(state, full=may_view_details(staff, state)),
    )


def _reject(factory: sessionmaker[Session], event: Event, error: DomainError, staff: StaffInfo) -> EventResult:
    now = datetime.now(UTC)
    log(
        "event_rejected",
        logging.WARNING,
        event_id=event.id,
        case_id=event.case_id,
        type=event.type.value,
        reason=error.code,
        field=error.field,
        staff=staff.username,
        message=error.en,
    )
    try:
        with transaction(factory) as session:
            sync_service.remember_rejection(session, event.id, event.case_id, error, pushed_by=staff.id, now=now)
    except IntegrityError:
        pass  # a concurrent push of the same event stored its answer first; read it below
    with factory() as session:
        answer = sync_service.previous_answer(session, event.id)
        assert answer is not None
        return _result_from_answer(session, event, answer, staff, first=True)


def _refuse_unstored(session: Session, event: Event, error: DomainError, staff: StaffInfo) -> EventResult:
    log(
        "event_rejected",
        logging.WARNING,
        event_id=event.id,
        case_id=event.case_id,
        type=event.type.value,
        reason=error.code,
        field=error.field,
        staff=staff.username,
        message=error.en,
    )
    state = sync_service.current_case(session, event.case_id)
    return EventResult(
        id=event.id,
        status="rejected",
        reason=error.code,
        field=error.field,
        message_ko=error.ko,
        message_en=error.en,
        case=None if state is None else case_dict(state, full=may_view_details(staff, state)),
    )


def push_one(factory: sessionmaker[Session], staff: StaffInfo, wire: WireEvent) -> EventResult:
    event = wire.to_domain()
    for _attempt in range(RETRIES):
        try:
            with transaction(factory) as session:
                answer = sync_service.previous_answer(session, event.id)
                if answer is not None:
                    return _result_from_answer(session, event, answer, staff, first=False)
                mismatch = actor_mismatch(staff, event)
                if mismatch is not None:
                    # Not stored: it judges this request's credentials, not the event, and the same event
                    # pushed later under its author's own login must still be decided on its merits.
                    return _refuse_unstored(session, event, mismatch, staff)
                seq = sync_service.apply_pushed_event(session, event, pushed_by=staff.id, now=datetime.now(UTC))
        except DomainError as error:
            return _reject(factory, event, error, staff)
        except (IntegrityError, OperationalError) as error:
            # Another push of the same event, or of another intake on the same case or receipt number, won
            # the race: try again, and the stored answer or the lifecycle decides.
            log("push_retry", logging.INFO, event_id=event.id, error=type(error).__name__)
            continue
        return EventResult(id=event.id, status="accepted", seq=seq)
    raise RuntimeError(f"event {event.id} could not be applied after {RETRIES} attempts")


def push_events(
    factory: sessionmaker[Session], notifier: Notifier, staff: StaffInfo, events: list[WireEvent]
) -> list[EventResult]:
    """Each event in its own transaction, all on one connection (one pool checkout per request)."""
    engine = factory.kw["bind"]
    results: list[EventResult] = []
    with engine.connect() as connection:
        on_connection = sessionmaker(bind=connection, expire_on_commit=False)
        for wire in events:
            results.append(push_one(on_connection, staff, wire))
            if connection.in_transaction():
                connection.rollback()
        newest = max((r.seq or 0 for r in results if r.status == "accepted"), default=0)
        if newest:
            with on_connection() as session:  # one wake-up per request, after the commits
                sync_service.announce(session, newest)
                session.commit()
    if newest:
        notifier.publish(newest)
    return results
