"""The lifecycle: which event may follow which, in which status, by which role, and what it does to the
case. `apply` is the only way a case changes, on the client and on the server alike; replaying a case's
events through it rebuilds the case row exactly."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from . import values
from .case import CASE_FIELDS, CaseState
from .channels import parse_channel
from .errors import DomainError, LifecycleError, PermissionDenied
from .events import Event, EventType
from .extensions import MAX_EXTENSIONS, parse_extension_reason
from .kinds import Kind, parse_kind
from .masking import contains_resident_number, normalize_phone, refuse_resident_number
from .periods import Period
from .receipts import parse_receipt_number
from .roles import Role
from .statuses import OPEN_STATUSES, Status

Changes = dict[str, Any]  # the fields an event changes

PROPOSAL_REREVIEW_DAYS = 15  # 국민 제안 규정: re-review may be asked within 15 days of a rejection
TITLE_MAX = 200
BODY_MAX = 20_000

_ANY = None
_FRONT = frozenset({Role.AGENT, Role.CLERK})
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
    EventType.ROUTED: Rule(_FRONT | {Role.SUPERVISOR, Role.SYSTEM}, frozenset({S.RECEIVED, S.RETURNED, S.ROUTED})),
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
    EventType.RECEIPT_VOIDED: Rule(_FRONT | {Role.SUPERVISOR}, _ANY),
    EventType.PROGRESS_NOTIFIED: Rule(_DEPT | {Role.SYSTEM}, OPEN_STATUSES),
    EventType.SATISFACTION_RECORDED: Rule(
        _FRONT | {Role.SUPERVISOR, Role.SYSTEM}, frozenset({S.ANSWERED, S.CLOSED, S.ADOPTED, S.NOT_ADOPTED})
    ),
    EventType.DETAILS_VIEWED: Rule(_EVERYONE, _ANY),
    EventType.DEADLINE_SET: Rule(frozenset({Role.SYSTEM}), _ANY),
}


def may(role: Role, event_type: EventType) -> bool:
    """Whether a role may ever make this kind of change (the role matrix the server enforces)."""
    return role in RULES[event_type].roles


def authorize(state: CaseState | None, event: Event) -> None:
    """Raise PermissionDenied or LifecycleError unless this actor may make this change now."""
    rule = RULES[event.type]
    if event.actor_role not in rule.roles:
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
    if state is None:
        return _received(event)
    changes = _HANDLERS[event.type](state, event)
    changes["version"] = state.version + 1
    changes["updated_at"] = _utc(event.occurred_at)
    return _evolve(state, changes)


_CASE_FIELDS = frozenset(CASE_FIELDS)


def _evolve(state: CaseState, changes: Changes) -> CaseState:
    """dataclasses.replace() rebuilds all 49 fields through __init__, which made it the largest single cost
    of replaying histories; CaseState has no __post_init__, so copying its dict is the same result."""
    unknown = changes.keys() - _CASE_FIELDS
    if unknown:
        raise TypeError(f"not fields of CaseState: {sorted(unknown)}")
    evolved = object.__new__(CaseState)
    evolved.__dict__.update(state.__dict__)
    evolved.__dict__.update(changes)
    return evolved


def replay(events: Iterable[Event]) -> CaseState | None:
    state: CaseState | None = None
    for event in events:
        state = apply(state, event)
    return state


# --- payload reading -------------------------------------------------------------------------------------


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _text(payload: Mapping[str, Any], key: str, *, required: bool = True, limit: int = 2000) -> str:
    return values.read_text(payload, key, required=required, limit=limit)


def _moment(payload: Mapping[str, Any], key: str, *, required: bool = True) -> datetime | None:
    return values.read_moment(payload, key, required=required)


def _count(payload: Mapping[str, Any], key: str, default: int) -> int:
    return values.count(payload, key, default)


# --- handlers --------------------------------------------------------------------------------------------


def _received(event: Event) -> CaseState:
    p = event.payload
    receipt_no = str(parse_receipt_number(_text(p, "receipt_no", limit=20)))
    kind = parse_kind(_text(p, "kind", limit=40))
    channel = parse_channel(_text(p, "channel", limit=20))
    title = _text(p, "title", limit=TITLE_MAX)
    body = _text(p, "body", required=False, limit=BODY_MAX)
    petitioner = p.get("petitioner") or {}
    if not isinstance(petitioner, Mapping):
        raise DomainError("petitioner", "민원인 정보 형식이 올바르지 않습니다.", "The petitioner is malformed.")
    name = _text(petitioner, "name", limit=100)
    phone = normalize_phone(_text(petitioner, "phone", required=False, limit=40))
    address = _text(petitioner, "address", required=False, limit=300)
    email = _text(petitioner, "email", required=False, limit=200)
    if contains_resident_number(f"{title}\n{body}\n{address}\n{name}"):  # one search; then say which field
        for field_name, value in (("title", title), ("body", body), ("address", address), ("name", name)):
            refuse_resident_number(field_name, value)
    period_data = p.get("period")
    if not isinstance(period_data, Mapping):
        raise DomainError(
            "period", "처리기간이 필요합니다.", "The processing period is required.", code="required"
        )
    period = Period.from_dict(dict(period_data))
    registered_at = _utc(event.occurred_at)
    received_at = _moment(p, "received_at", required=False) or registered_at
    due_at = _moment(p, "due_at")
    assert due_at is not None
    if due_at < received_at:
        raise DomainError("due_at", "처리기한이 접수 시각보다 앞섭니다.", "The deadline is before the receipt.")
    signers, households = _count(p, "signers", 1), _count(p, "households", 1)
    department = p.get("department_code") or (event.actor_department if event.actor_role is Role.OFFICER else None)
    return CaseState(
        id=event.case_id,
        receipt_no=receipt_no,
        kind=kind,
        channel=channel,
        status=Status.RECEIVED,
        title=title,
        body=body,
        petitioner_name=name,
        petitioner_phone=phone,
        petitioner_address=address,
        petitioner_email=email,
        reply_channel=_text(p, "reply_channel", required=False, limit=20) or channel.value,
        received_at=received_at,
        registered_at=registered_at,
        due_at=due_at,
        period_amount=period.amount,
        period_unit=period.unit.value,
        station_code=event.station_code,
        received_by=event.actor_id,
        category_code=_text(p, "category_code", required=False, limit=40) or None,
        department_code=str(department) if department else None,
        registration_due_at=_moment(p, "registration_due_at", required=False),
        transfer_due_at=_moment(p, "transfer_due_at", required=False),
        is_group=bool(p.get("is_group", False)),
        signers=signers,
        households=households,
        version=1,
        updated_at=registered_at,
    )


def _routed(state: CaseState, event: Event) -> Changes:
    p = event.payload
    return dict(
        status=Status.ROUTED,
        department_code=_text(p, "department_code", limit=40),
        assignee_id=None,
        transfer_due_at=_moment(p, "transfer_due_at", required=False),
    )


def _assigned(state: CaseState, event: Event) -> Changes:
    return dict(assignee_id=_text(event.payload, "staff_id", limit=40))


def _accepted(state: CaseState, event: Event) -> Changes:
    status = Status.UNDER_REVIEW if state.kind is Kind.PROPOSAL else Status.IN_PROGRESS
    assignee = state.assignee_id or (event.actor_id if event.actor_role is Role.OFFICER else None)
    return dict(status=status, assignee_id=assignee, transfer_due_at=None)


def _returned(state: CaseState, event: Event) -> Changes:
    _text(event.payload, "reason", limit=1000)
    return dict(status=Status.RETURNED, department_code=None, assignee_id=None, transfer_due_at=None)


def _transferred(state: CaseState, event: Event) -> Changes:
    p = event.payload
    _text(p, "reason", limit=1000)
    target = _text(p, "target", limit=20)
    transfer_due = _moment(p, "transfer_due_at", required=False)
    if target == "department":
        department = _text(p, "department_code", limit=40)
        if department == state.department_code:
            raise DomainError("department_code", "같은 부서로 이송할 수 없습니다.", "Already in that department.")
        return dict(
            status=Status.ROUTED, department_code=department, assignee_id=None, transfer_due_at=transfer_due
        )
    if target == "agency":
        agency = _text(p, "agency", limit=200)
        return dict(status=Status.TRANSFERRED_OUT, transferred_to_agency=agency, transfer_due_at=transfer_due)
    raise DomainError(
        "target", "이송 대상은 'department' 또는 'agency'입니다.", "target must be 'department' or 'agency'."
    )


def _note_added(state: CaseState, event: Event) -> Changes:
    refuse_resident_number("text", _text(event.payload, "text", limit=BODY_MAX))
    return dict(notes=state.notes + 1)


def _contact_logged(state: CaseState, event: Event) -> Changes:
    _text(event.payload, "method", limit=20)
    refuse_resident_number("summary", _text(event.payload, "summary", limit=BODY_MAX))
    return dict(contacts=state.contacts + 1)


def _extended(state: CaseState, event: Event) -> Changes:
    p = event.payload
    parse_extension_reason(_text(p, "reason_code", limit=40))
    if state.extension_count >= MAX_EXTENSIONS:
        raise DomainError(
            "extend",
            "처리기간은 두 번까지만 연장할 수 있습니다.",
            "A deadline may be extended twice at most.",
            code="too_many_extensions",
        )
    if state.extension_count == 1 and p.get("consent") is not True:
        raise DomainError(
            "consent",
            "두 번째 연장에는 민원인의 동의가 필요합니다.",
            "The second extension needs consent.",
            code="consent_required",
        )
    new_due = _moment(p, "new_due_at")
    assert new_due is not None
    if new_due <= state.due_at:
        raise DomainError(
            "new_due_at", "연장한 처리기한이 기존 기한보다 늦어야 합니다.", "The new deadline must be later."
        )
    return dict(due_at=new_due, extension_count=state.extension_count + 1)


def _clock_stopped(state: CaseState, event: Event) -> Changes:
    if state.clock_stopped_at is not None:
        raise LifecycleError("status", "처리기간이 이미 정지되어 있습니다.", "The clock is already stopped.")
    reason = _text(event.payload, "reason", limit=40)
    return dict(clock_stopped_at=_utc(event.occurred_at), clock_stop_reason=reason)


def _clock_resumed(state: CaseState, event: Event) -> Changes:
    if state.clock_stopped_at is None:
        raise LifecycleError("status", "처리기간이 정지되어 있지 않습니다.", "The clock is not stopped.")
    new_due = _moment(event.payload, "new_due_at")
    assert new_due is not None
    return dict(clock_stopped_at=None, clock_stop_reason=None, due_at=new_due)


_RESULTS = ("accepted", "partially_accepted", "rejected", "informed")


def _answered(state: CaseState, event: Event) -> Changes:
    if state.kind is Kind.PROPOSAL:
        raise LifecycleError(
            "type", "국민제안은 답변이 아니라 채택 여부를 결정합니다.", "A proposal is decided, not answered."
        )
    if state.status is Status.RECEIVED and (event.actor_role not in _FRONT or state.kind is not Kind.OTHER):
        raise LifecycleError(
            "status",
            "접수 단계에서 바로 답변할 수 있는 것은 상담원·창구의 기타민원뿐입니다.",
            "Only an agent or clerk may answer at once, and only a simple (other) complaint.",
        )
    if state.status is Status.IN_PROGRESS and event.actor_role in _FRONT:
        raise PermissionDenied(
            "type", "처리중인 민원은 담당 부서가 답변합니다.", "The department answers cases in progress."
        )
    p = event.payload
    result = _text(p, "result", limit=30)
    if result not in _RESULTS:
        raise DomainError(
            "result", f"처리결과는 {', '.join(_RESULTS)} 중 하나입니다.", f"result must be one of {_RESULTS}."
        )
    refuse_resident_number("answer", _text(p, "answer", limit=BODY_MAX))
    if result == "rejected":
        _text(p, "reasons", limit=BODY_MAX)
        _text(p, "remedies", limit=BODY_MAX)
    return dict(status=Status.ANSWERED, answered_at=_utc(event.occurred_at), answer_result=result)


def _decided(state: CaseState, event: Event) -> Changes:
    p = event.payload
    decision = _text(p, "decision", limit=20)
    _text(p, "reasons", limit=BODY_MAX)
    if decision == "adopted":
        planned = _text(p, "implementation_date", limit=10)
        try:
            implementation = date.fromisoformat(planned)
        except ValueError:
            raise DomainError(
                "implementation_date", "실시 예정일 형식이 올바르지 않습니다.", "Not a date."
            ) from None
        status = Status.ADOPTED
    elif decision == "not_adopted":
        implementation, status = None, Status.NOT_ADOPTED
    else:
        raise DomainError(
            "decision", "결정은 adopted 또는 not_adopted입니다.", "decision: adopted or not_adopted."
        )
    return dict(
        status=status,
        decision=decision,
        decided_at=_utc(event.occurred_at),
        implementation_date=implementation,
    )


def _rereview_requested(state: CaseState, event: Event) -> Changes:
    _text(event.payload, "reason", limit=BODY_MAX)
    if state.decided_at and _utc(event.occurred_at) > state.decided_at + timedelta(days=PROPOSAL_REREVIEW_DAYS):
        raise LifecycleError(
            "occurred_at",
            f"재심사는 불채택 통지 후 {PROPOSAL_REREVIEW_DAYS}일 이내에만 요청할 수 있습니다.",
            f"A re-review may be asked within {PROPOSAL_REREVIEW_DAYS} days of the rejection only.",
        )
    return dict(status=Status.UNDER_REVIEW, rereview=True, decision=None)


_CLOSE_REASONS = ("answered", "repeated", "decided", "no_response")


def _closed(state: CaseState, event: Event) -> Changes:
    reason = _text(event.payload, "reason", limit=30)
    if reason not in _CLOSE_REASONS:
        raise DomainError(
            "reason", f"종결 사유는 {', '.join(_CLOSE_REASONS)} 중 하나입니다.", f"reason: {_CLOSE_REASONS}."
        )
    if state.status is Status.IN_PROGRESS and reason != "repeated":
        raise LifecycleError(
            "status",
            "답변 전에 종결할 수 있는 것은 반복민원(법 §23)뿐입니다.",
            "Before an answer, only a repeated complaint (§23) may be closed.",
        )
    return dict(status=Status.CLOSED, closed_at=_utc(event.occurred_at), close_reason=reason)


def _reopened(state: CaseState, event: Event) -> Changes:
    _text(event.payload, "reason", limit=1000)
    status = Status.UNDER_REVIEW if state.kind is Kind.PROPOSAL else Status.IN_PROGRESS
    return dict(status=status, closed_at=None, close_reason=None, answered_at=None, answer_result=None)


def _withdrawn(state: CaseState, event: Event) -> Changes:
    _text(event.payload, "reason", required=False, limit=1000)
    return dict(status=Status.WITHDRAWN, closed_at=_utc(event.occurred_at), close_reason="withdrawn")


def _merged(state: CaseState, event: Event) -> Changes:
    into = _text(event.payload, "into_case_id", limit=40)
    if into == state.id:
        raise DomainError(
            "into_case_id", "민원을 자기 자신에 병합할 수 없습니다.", "A case cannot be merged into itself."
        )
    return dict(status=Status.MERGED, merged_into=into, closed_at=_utc(event.occurred_at))


def _receipt_printed(state: CaseState, event: Event) -> Changes:
    return dict(receipts_printed=state.receipts_printed + 1)


def _receipt_voided(state: CaseState, event: Event) -> Changes:
    _text(event.payload, "reason", limit=1000)
    if state.receipt_voided:
        raise LifecycleError("receipt_no", "이미 무효 처리된 접수증입니다.", "The receipt is already void.")
    return dict(receipt_voided=True)


def _progress_notified(state: CaseState, event: Event) -> Changes:
    return dict(progress_notices=state.progress_notices + 1)


def _satisfaction(state: CaseState, event: Event) -> Changes:
    score = event.payload.get("score")
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise DomainError("score", "만족도는 1부터 5까지입니다.", "Satisfaction is scored 1 to 5.")
    return dict(satisfaction=score)


def _deadline_set(state: CaseState, event: Event) -> Changes:
    """The server's own legal deadline, replacing the workstation's forecast (docs/operations.md)."""
    due = _moment(event.payload, "due_at")
    assert due is not None
    period_data = event.payload.get("period")
    if not isinstance(period_data, Mapping):
        raise DomainError(
            "period", "처리기간이 필요합니다.", "The processing period is required.", code="required"
        )
    period = Period.from_dict(dict(period_data))
    return dict(due_at=due, period_amount=period.amount, period_unit=period.unit.value)


def _unchanged(state: CaseState, event: Event) -> Changes:
    return {}


_HANDLERS: Mapping[EventType, Callable[[CaseState, Event], Changes]] = {
    EventType.ROUTED: _routed,
    EventType.ASSIGNED: _assigned,
    EventType.ACCEPTED: _accepted,
    EventType.RETURNED: _returned,
    EventType.TRANSFERRED: _transferred,
    EventType.NOTE_ADDED: _note_added,
    EventType.CONTACT_LOGGED: _contact_logged,
    EventType.EXTENDED: _extended,
    EventType.CLOCK_STOPPED: _clock_stopped,
    EventType.CLOCK_RESUMED: _clock_resumed,
    EventType.ANSWERED: _answered,
    EventType.DECIDED: _decided,
    EventType.REREVIEW_REQUESTED: _rereview_requested,
    EventType.CLOSED: _closed,
    EventType.REOPENED: _reopened,
    EventType.WITHDRAWN: _withdrawn,
    EventType.MERGED: _merged,
    EventType.RECEIPT_PRINTED: _receipt_printed,
    EventType.RECEIPT_VOIDED: _receipt_voided,
    EventType.PROGRESS_NOTIFIED: _progress_notified,
    EventType.SATISFACTION_RECORDED: _satisfaction,
    EventType.DETAILS_VIEWED: _unchanged,
    EventType.DEADLINE_SET: _deadline_set,
}
