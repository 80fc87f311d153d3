"""The lifecycle: which event may follow which, in which status, by which role, and what it does to the
case. `apply` is the only way a case changes, on the client and on the server alike; replaying a case's
events through it rebuilds the case row exactly.

Each event type's effects are written once (the handlers of lifecycle/effects.py), over a plain dict of the
case's fields and a payload reader (domain.readers). `apply` runs them with the checking reader after `authorize`; events the
server has already accepted (a pull, a rebase) run through the same handlers with a trusted reader, which
only converts, and the checks that compare the case's state are skipped (`project`, `apply_trusted`).

Why the pull's reader gives times in the client store's text form rather than the store converting each row
to domain values and back once a page (measured with a micro-benchmark beside bench.sync_pull_bench): the
round trip costs ~10 µs a whole case row (~3 µs for the few columns a page's events touch), more than the
whole per-event gap between the pull and its plain-sqlite3 baseline; with the stored-form reader a pulled
row converts only what an event sets (its time, a deadline), and loading only `fields_touched` columns keeps
the rows small. The handlers never compare times on the trusted path, so what a time looks like is the
reader's business alone. Written once, the handlers cost ~0.5 µs an event more than the pull's former
hand-specialised copy of them, which the narrower loads and writes of the pull more than pay back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from ..case import CASE_FIELDS, CaseState
from ..errors import LifecycleError, PermissionDenied
from ..events import Event, EventType
from ..extensions import MAX_EXTENSIONS
from ..kinds import Kind
from ..readers import CHECKING, TRUSTED
from ..roles import Role
from ..statuses import OPEN_STATUSES, Status
from .effects import (
    ALWAYS_TOUCHED,
    BODY_MAX,
    FIELDS_TOUCHED,
    FRONT_DESK,
    PLACE_MAX,
    PROPOSAL_REREVIEW_DAYS,
    TITLE_MAX,
    Facts,
    Fields,
    fields_touched,
    project,
)

__all__ = [
    "ALWAYS_TOUCHED",
    "BODY_MAX",
    "FIELDS_TOUCHED",
    "PLACE_MAX",
    "PROPOSAL_REREVIEW_DAYS",
    "RULES",
    "TITLE_MAX",
    "Facts",
    "Fields",
    "Rule",
    "allowed_events",
    "apply",
    "apply_trusted",
    "authorize",
    "fields_touched",
    "front_desk_may_close",
    "may",
    "project",
    "replay",
]

_ANY = None
_DEPT = frozenset({Role.OFFICER, Role.SUPERVISOR})
_STAFF = frozenset({Role.AGENT, Role.CLERK, Role.OFFICER, Role.SUPERVISOR})
_EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    from_statuses: frozenset[Status] | None  # None: any status of an existing case


S = Status
RULES: Mapping[EventType, Rule] = {
    EventType.RECEIVED: Rule(_STAFF | {Role.SYSTEM}, frozenset()),
    EventType.ROUTED: Rule(
        FRONT_DESK | {Role.SUPERVISOR, Role.SYSTEM}, frozenset({S.RECEIVED, S.RETURNED, S.ROUTED})
    ),
    EventType.ASSIGNED: Rule(_DEPT, frozenset({S.ROUTED, S.IN_PROGRESS, S.UNDER_REVIEW})),
    EventType.ACCEPTED: Rule(_DEPT, frozenset({S.ROUTED})),
    EventType.RETURNED: Rule(_DEPT, frozenset({S.ROUTED, S.IN_PROGRESS, S.UNDER_REVIEW})),
    EventType.TRANSFERRED: Rule(
        _STAFF, frozenset({S.RECEIVED, S.ROUTED, S.IN_PROGRESS, S.RETURNED, S.UNDER_REVIEW})
    ),
    EventType.NOTE_ADDED: Rule(_STAFF | {Role.SYSTEM}, _ANY),
    EventType.CONTACT_LOGGED: Rule(_STAFF, _ANY),
    EventType.EXTENDED: Rule(_DEPT, frozenset({S.IN_PROGRESS, S.UNDER_REVIEW})),
    EventType.CLOCK_STOPPED: Rule(_DEPT | {Role.SYSTEM}, frozenset({S.ROUTED, S.IN_PROGRESS, S.UNDER_REVIEW})),
    EventType.CLOCK_RESUMED: Rule(_DEPT | {Role.SYSTEM}, frozenset({S.ROUTED, S.IN_PROGRESS, S.UNDER_REVIEW})),
    EventType.ANSWERED: Rule(_STAFF, frozenset({S.RECEIVED, S.IN_PROGRESS})),
    EventType.DECIDED: Rule(_DEPT, frozenset({S.UNDER_REVIEW})),
    EventType.REREVIEW_REQUESTED: Rule(_STAFF | {Role.SYSTEM}, frozenset({S.NOT_ADOPTED})),
    EventType.CLOSED: Rule(_DEPT, frozenset({S.ANSWERED, S.ADOPTED, S.NOT_ADOPTED, S.IN_PROGRESS})),
    EventType.REOPENED: Rule(frozenset({Role.SUPERVISOR}), frozenset({S.ANSWERED, S.CLOSED})),
    EventType.WITHDRAWN: Rule(_STAFF | {Role.SYSTEM}, OPEN_STATUSES),
    EventType.MERGED: Rule(_STAFF, OPEN_STATUSES),
    EventType.RECEIPT_PRINTED: Rule(_STAFF, _ANY),
    EventType.RECEIPT_VOIDED: Rule(FRONT_DESK | {Role.SUPERVISOR}, _ANY),
    EventType.PROGRESS_NOTIFIED: Rule(_DEPT | {Role.SYSTEM}, OPEN_STATUSES),
    EventType.SATISFACTION_RECORDED: Rule(
        FRONT_DESK | {Role.SUPERVISOR, Role.SYSTEM}, frozenset({S.ANSWERED, S.CLOSED, S.ADOPTED, S.NOT_ADOPTED})
    ),
    EventType.DETAILS_VIEWED: Rule(_EVERYONE, _ANY),
    EventType.DEADLINE_SET: Rule(frozenset({Role.SYSTEM}), _ANY),
    EventType.REPLY_SENT: Rule(frozenset({Role.SYSTEM}), _ANY),
    EventType.REPLY_FAILED: Rule(frozenset({Role.SYSTEM}), _ANY),
}


def may(role: Role, event_type: EventType) -> bool:
    """Whether a role may ever make this kind of change (the role matrix the server enforces)."""
    return role in RULES[event_type].roles or (event_type is EventType.CLOSED and role in FRONT_DESK)


def front_desk_may_close(state: CaseState, event: Event) -> bool:
    """The one exception to "a department closes": the agent or clerk who took a 기타민원 and answered it at
    once, at intake (영 §16), closes it in the same form, since no department has anything left to do. Only
    that person, only a kind `other` case, only one answered and never handed to a department."""
    return (
        event.type is EventType.CLOSED
        and event.actor_role in FRONT_DESK
        and event.actor_id is not None
        and state.kind is Kind.OTHER
        and state.status is Status.ANSWERED
        and state.department_code is None
        and state.received_by == event.actor_id
        and state.answered_by == event.actor_id
    )


def allowed_events(role: Role, state: CaseState, department_code: str | None = None) -> list[EventType]:
    """The changes this role may make to this case now, in RULES' order: the role, the status and (for an
    officer, whose `department_code` is given) the department, as `authorize` checks them. What each change
    needs of its payload is `apply`'s to say."""
    if role is Role.OFFICER and state.department_code != department_code:
        return []
    # The checks that need no payload follow the status's: a clock stops once and resumes once, an extension
    # is not offered a third time (each handler below refuses them in its own words all the same).
    ruled_out = {
        EventType.RECEIVED,
        EventType.CLOCK_RESUMED if state.clock_stopped_at is None else EventType.CLOCK_STOPPED,
        *([EventType.EXTENDED] if state.extension_count >= MAX_EXTENSIONS else []),
    }
    return [
        event_type
        for event_type, rule in RULES.items()
        if role in rule.roles
        and event_type not in ruled_out
        and (rule.from_statuses is None or state.status in rule.from_statuses)
    ]


def authorize(state: CaseState | None, event: Event) -> None:
    """Raise PermissionDenied or LifecycleError unless this actor may make this change now."""
    rule = RULES[event.type]
    if event.actor_role not in rule.roles and not (state is not None and front_desk_may_close(state, event)):
        raise PermissionDenied(
            "type",
            f"'{event.actor_role.korean}' 권한으로는 '{event.type.korean}' 처리를 할 수 없습니다.",
            f"The {event.actor_role.value} role may not make a '{event.type.value}' change.",
        )
    if state is None:
        if event.type is not EventType.RECEIVED:
            raise LifecycleError(
                "case_id", "존재하지 않는 민원입니다.", "There is no such case.", code="unknown_case"
            )
        return
    if event.type is EventType.RECEIVED:
        raise LifecycleError(
            "case_id", "이미 접수된 민원입니다.", "This case has already been received.", code="duplicate_case"
        )
    if rule.from_statuses is not None and state.status not in rule.from_statuses:
        raise LifecycleError(
            "status",
            f"'{state.status.korean}' 상태에서는 '{event.type.korean}' 처리를 할 수 없습니다.",
            f"A '{event.type.value}' change is not allowed while the case is '{state.status.value}'.",
        )
    if event.actor_role is Role.OFFICER and state.department_code != event.actor_department:
        raise PermissionDenied(
            "department_code",
            "다른 부서의 민원은 처리할 수 없습니다.",
            "Officers may only act on their own department's cases.",
        )


def apply(state: CaseState | None, event: Event) -> CaseState:
    """Check the event against the case and return the case after it. Never mutates; raises DomainError."""
    authorize(state, event)
    fields = None if state is None else dict(state.__dict__)
    return _state(project(fields, event, _utc(event.occurred_at), CHECKING))


def apply_trusted(state: CaseState | None, event: Event) -> CaseState:
    """The case after an event the server has already accepted: the same effects as `apply`, without its
    checks (officers are sent petitioners masked, which the intake's checks would refuse). Raises
    LifecycleError only for an event that cannot apply at all (no such case; a second receipt)."""
    fields = None if state is None else dict(state.__dict__)
    return _state(project(fields, event, _utc(event.occurred_at), TRUSTED))


_CASE_FIELDS = frozenset(CASE_FIELDS)


def _state(fields: Fields) -> CaseState:
    """dataclasses.replace() rebuilds all 49 fields through __init__, which made it the largest single cost
    of replaying histories; CaseState has no __post_init__, so filling its dict is the same result."""
    if fields.keys() != _CASE_FIELDS:
        raise TypeError(f"not the fields of CaseState: {sorted(fields.keys() ^ _CASE_FIELDS)}")
    state = object.__new__(CaseState)
    state.__dict__.update(fields)
    return state


def replay(events: Iterable[Event]) -> CaseState | None:
    state: CaseState | None = None
    for event in events:
        state = apply(state, event)
    return state


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
