"""What each event does to a case, written once: `project` applies an event's effects on a plain dict of the
case's fields through a payload reader (domain.readers), the checking one for a new change (after the
lifecycle's `authorize`), the trusted one for what the server has already accepted (a pull, a rebase). The
rules of who may make which change in which status are the package's (domain.lifecycle)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING
from dataclasses import fields as dataclass_fields
from datetime import timedelta
from typing import Any, Protocol

from ..case import CASE_FIELDS, CaseState
from ..channels import Channel, parse_channel
from ..errors import DomainError, LifecycleError, PermissionDenied
from ..events import EventType
from ..extensions import MAX_EXTENSIONS, parse_extension_reason
from ..kinds import Kind, parse_kind
from ..masking import contains_resident_number, refuse_resident_number
from ..periods import Period
from ..readers import Reader, read_text
from ..roles import Role
from ..statuses import Status
from ..values import flag

Fields = dict[str, Any]  # a case's fields by name: a CaseState's, or a stored row's


class Facts(Protocol):
    """What the handlers read of an event: a domain Event, or the pull's IncomingEvent."""

    @property
    def type(self) -> str: ...
    @property
    def case_id(self) -> str: ...
    @property
    def actor_id(self) -> str | None: ...
    @property
    def actor_role(self) -> str: ...
    @property
    def actor_department(self) -> str | None: ...
    @property
    def station_code(self) -> str | None: ...
    @property
    def payload(self) -> Mapping[str, Any]: ...


PROPOSAL_REREVIEW_DAYS = 15  # 국민 제안 규정: re-review may be asked within 15 days of a rejection
TITLE_MAX = 200
BODY_MAX = 20_000
PLACE_MAX = 300

FRONT_DESK = frozenset({Role.AGENT, Role.CLERK})  # who takes cases in (agents on the phone, clerks at the counter)
_RECEIVED = EventType.RECEIVED.value  # plain text: compared once an event, 100,000 times in a pull


def project(fields: Fields | None, event: Facts, at: Any, reader: Reader) -> Fields:
    """The one place an event's effects are applied: on `fields` (the case's fields, or None before its
    receipt), read through `reader`, `at` being the event's time as the reader represents times. Mutates
    and returns `fields` (a new dict for a receipt). Authorization is `apply`'s (the trusted paths skip it)."""
    if fields is None:
        if event.type != _RECEIVED:
            raise LifecycleError(
                "case_id", "존재하지 않는 민원입니다.", "There is no such case.", code="unknown_case"
            )
        return _received(event, at, reader)
    if event.type == _RECEIVED:
        raise LifecycleError(
            "case_id", "이미 접수된 민원입니다.", "This case has already been received.", code="duplicate_case"
        )
    _HANDLERS[event.type](fields, event, at, reader)
    fields["version"] += 1
    fields["updated_at"] = at
    return fields


# --- handlers: each event type's effects, written once over a reader (domain.readers) ----------------------
#
# `c` holds the case's fields (a CaseState's, or a stored row's: the reader decides what times look like),
# `e` the event, `at` its time. Statuses are written as Status members (a StrEnum: equal to their text).

# Every field, in CaseState's order (the handlers only assign existing keys, so a case's dict stays in that
# order, which the demo builder's rows rely on), with its default (None for those the receipt always sets).
_DEFAULTS: Fields = {f.name: None if f.default is MISSING else f.default for f in dataclass_fields(CaseState)}
_OFFICER = Role.OFFICER
_KINDS = {kind.value: kind for kind in Kind}
_CHANNELS = {channel.value: channel for channel in Channel}


def _received(e: Facts, at: Any, r: Reader) -> Fields:
    p = e.payload
    receipt_no = r.receipt(r.text(p, "receipt_no", limit=20))
    kind_text, channel_text = r.text(p, "kind", limit=40), r.text(p, "channel", limit=20)
    kind = _KINDS.get(kind_text) or parse_kind(kind_text)  # (a lookup: a tenth of parse_kind's Kind(...))
    channel = _CHANNELS.get(channel_text) or parse_channel(channel_text)
    title = r.text(p, "title", limit=TITLE_MAX)
    body = r.text(p, "body", required=False, limit=BODY_MAX)
    petitioner = p.get("petitioner") or {}
    if type(petitioner) is not dict and not isinstance(petitioner, Mapping):  # (the abc check costs 0.5 µs)
        raise DomainError("petitioner", "민원인 정보 형식이 올바르지 않습니다.", "The petitioner is malformed.")
    name = r.text(petitioner, "name", limit=100)
    phone = r.phone(r.text(petitioner, "phone", required=False, limit=40))
    address = r.text(petitioner, "address", required=False, limit=300)
    email = r.text(petitioner, "email", required=False, limit=200)
    place = r.text(p, "place", required=False, limit=PLACE_MAX)
    if r.checks and contains_resident_number(f"{title}\n{body}\n{address}\n{name}\n{place}"):  # say which field
        for field_name, value in (
            ("title", title),
            ("body", body),
            ("address", address),
            ("name", name),
            ("place", place),
        ):
            refuse_resident_number(field_name, value)
    period_data = p.get("period")
    if type(period_data) is not dict and not isinstance(period_data, Mapping):
        raise DomainError(
            "period", "처리기간이 필요합니다.", "The processing period is required.", code="required"
        )
    period = Period.from_dict(dict(period_data)) if r.checks else None
    received_at = r.moment(p, "received_at", required=False) or at
    due_at = r.moment(p, "due_at")
    if r.checks and due_at < received_at:
        raise DomainError("due_at", "처리기한이 접수 시각보다 앞섭니다.", "The deadline is before the receipt.")
    department = p.get("department_code") or (e.actor_department if e.actor_role == _OFFICER else None)
    c = dict(_DEFAULTS)
    c["id"] = e.case_id
    c["receipt_no"] = receipt_no
    c["kind"] = kind
    c["channel"] = channel
    c["status"] = Status.RECEIVED
    c["title"] = title
    c["body"] = body
    c["petitioner_name"] = name
    c["petitioner_phone"] = phone
    c["petitioner_address"] = address
    c["petitioner_email"] = email
    c["reply_channel"] = r.text(p, "reply_channel", required=False, limit=20) or channel.value
    c["received_at"] = received_at
    c["registered_at"] = at
    c["due_at"] = due_at
    if period is None:
        c["period_amount"], c["period_unit"] = int(str(period_data["amount"])), str(period_data["unit"])
    else:
        c["period_amount"], c["period_unit"] = period.amount, period.unit.value
    c["station_code"] = e.station_code
    c["received_by"] = e.actor_id
    c["category_code"] = r.text(p, "category_code", required=False, limit=40) or None
    c["department_code"] = str(department) if department else None
    c["registration_due_at"] = r.moment(p, "registration_due_at", required=False)
    c["transfer_due_at"] = r.moment(p, "transfer_due_at", required=False)
    c["is_group"] = bool(p.get("is_group", False))
    c["signers"] = r.count(p, "signers", 1)
    c["households"] = r.count(p, "households", 1)
    c["place"] = place
    c["privacy_consent"] = flag(p, "privacy_consent") if r.checks else p.get("privacy_consent") is True
    c["version"] = 1
    c["updated_at"] = at
    return c


def _working(c: Fields) -> Status:
    return Status.UNDER_REVIEW if c["kind"] == Kind.PROPOSAL else Status.IN_PROGRESS


def _routed(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    p = e.payload
    c["status"] = Status.ROUTED
    c["department_code"] = r.text(p, "department_code", limit=40)
    c["assignee_id"] = None
    c["transfer_due_at"] = r.moment(p, "transfer_due_at", required=False)


def _assigned(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    c["assignee_id"] = r.text(e.payload, "staff_id", limit=40)


def _accepted(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    c["assignee_id"] = c["assignee_id"] or (e.actor_id if e.actor_role == _OFFICER else None)
    c["status"] = _working(c)
    c["transfer_due_at"] = None


def _returned(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks:
        r.text(e.payload, "reason", limit=1000)
    c["status"] = Status.RETURNED
    c["department_code"] = c["assignee_id"] = c["transfer_due_at"] = None


def _transferred(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    p = e.payload
    if r.checks:
        r.text(p, "reason", limit=1000)
    target = r.text(p, "target", limit=20)
    transfer_due = r.moment(p, "transfer_due_at", required=False)
    if target == "department":
        department = r.text(p, "department_code", limit=40)
        if r.checks and department == c["department_code"]:
            raise DomainError("department_code", "같은 부서로 이송할 수 없습니다.", "Already in that department.")
        c["status"] = Status.ROUTED
        c["department_code"] = department
        c["assignee_id"] = None
    elif target == "agency" or not r.checks:
        c["status"] = Status.TRANSFERRED_OUT
        c["transferred_to_agency"] = r.text(p, "agency", limit=200)
    else:
        raise DomainError(
            "target", "이송 대상은 'department' 또는 'agency'입니다.", "target must be 'department' or 'agency'."
        )
    c["transfer_due_at"] = transfer_due


def _note_added(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks:
        refuse_resident_number("text", r.text(e.payload, "text", limit=BODY_MAX))
    c["notes"] += 1


def _contact_logged(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks:
        r.text(e.payload, "method", limit=20)
        refuse_resident_number("summary", r.text(e.payload, "summary", limit=BODY_MAX))
    c["contacts"] += 1


def _extended(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    p = e.payload
    if r.checks:
        parse_extension_reason(r.text(p, "reason_code", limit=40))
        if c["extension_count"] >= MAX_EXTENSIONS:
            raise DomainError(
                "extend",
                "처리기간은 두 번까지만 연장할 수 있습니다.",
                "A deadline may be extended twice at most.",
                code="too_many_extensions",
            )
        if c["extension_count"] == 1 and p.get("consent") is not True:
            raise DomainError(
                "consent",
                "두 번째 연장에는 민원인의 동의가 필요합니다.",
                "The second extension needs consent.",
                code="consent_required",
            )
    new_due = r.moment(p, "new_due_at")
    if r.checks and new_due <= c["due_at"]:
        raise DomainError(
            "new_due_at", "연장한 처리기한이 기존 기한보다 늦어야 합니다.", "The new deadline must be later."
        )
    c["due_at"] = new_due
    c["extension_count"] += 1


def _clock_stopped(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks and c["clock_stopped_at"] is not None:
        raise LifecycleError("status", "처리기간이 이미 정지되어 있습니다.", "The clock is already stopped.")
    c["clock_stop_reason"] = r.text(e.payload, "reason", limit=40)
    c["clock_stopped_at"] = at


def _clock_resumed(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks and c["clock_stopped_at"] is None:
        raise LifecycleError("status", "처리기간이 정지되어 있지 않습니다.", "The clock is not stopped.")
    c["due_at"] = r.moment(e.payload, "new_due_at")
    c["clock_stopped_at"] = c["clock_stop_reason"] = None


_RESULTS = ("accepted", "partially_accepted", "rejected", "informed")


def _answered(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks:
        _check_answer(c, e)
    c["status"] = Status.ANSWERED
    c["answered_at"] = at
    c["answered_by"] = e.actor_id
    c["answer_result"] = r.text(e.payload, "result", limit=30)


def _check_answer(c: Fields, e: Facts) -> None:
    if c["kind"] == Kind.PROPOSAL:
        raise LifecycleError(
            "type", "국민제안은 답변이 아니라 채택 여부를 결정합니다.", "A proposal is decided, not answered."
        )
    if c["status"] == Status.RECEIVED and (e.actor_role not in FRONT_DESK or c["kind"] != Kind.OTHER):
        raise LifecycleError(
            "status",
            "접수 단계에서 바로 답변할 수 있는 것은 상담원·창구의 기타민원뿐입니다.",
            "Only an agent or clerk may answer at once, and only a simple (other) complaint.",
        )
    if c["status"] == Status.IN_PROGRESS and e.actor_role in FRONT_DESK:
        raise PermissionDenied(
            "type", "처리중인 민원은 담당 부서가 답변합니다.", "The department answers cases in progress."
        )
    p = e.payload
    result = read_text(p, "result", limit=30)
    if result not in _RESULTS:
        raise DomainError(
            "result", f"처리결과는 {', '.join(_RESULTS)} 중 하나입니다.", f"result must be one of {_RESULTS}."
        )
    refuse_resident_number("answer", read_text(p, "answer", limit=BODY_MAX))
    if result == "rejected":
        read_text(p, "reasons", limit=BODY_MAX)
        read_text(p, "remedies", limit=BODY_MAX)


def _decided(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    p = e.payload
    decision = r.text(p, "decision", limit=20)
    if r.checks:
        r.text(p, "reasons", limit=BODY_MAX)
    if decision == "adopted":
        c["implementation_date"] = r.day(r.text(p, "implementation_date", limit=10), "implementation_date")
        c["status"] = Status.ADOPTED
    elif decision == "not_adopted" or not r.checks:
        c["implementation_date"], c["status"] = None, Status.NOT_ADOPTED
    else:
        raise DomainError(
            "decision", "결정은 adopted 또는 not_adopted입니다.", "decision: adopted or not_adopted."
        )
    c["decision"] = decision
    c["decided_at"] = at


def _rereview_requested(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks:
        r.text(e.payload, "reason", limit=BODY_MAX)
        if c["decided_at"] and at > c["decided_at"] + timedelta(days=PROPOSAL_REREVIEW_DAYS):
            raise LifecycleError(
                "occurred_at",
                f"재심사는 불채택 통지 후 {PROPOSAL_REREVIEW_DAYS}일 이내에만 요청할 수 있습니다.",
                f"A re-review may be asked within {PROPOSAL_REREVIEW_DAYS} days of the rejection only.",
            )
    c["status"] = Status.UNDER_REVIEW
    c["rereview"] = True
    c["decision"] = None


_CLOSE_REASONS = ("answered", "repeated", "decided", "no_response")


def _closed(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    reason = r.text(e.payload, "reason", limit=30)
    if r.checks:
        if reason not in _CLOSE_REASONS:
            raise DomainError(
                "reason", f"종결 사유는 {', '.join(_CLOSE_REASONS)} 중 하나입니다.", f"reason: {_CLOSE_REASONS}."
            )
        if e.actor_role in FRONT_DESK and reason != "answered":
            raise LifecycleError(
                "reason",
                "상담원·창구는 바로 답변한 기타민원만 '답변 완료'로 종결할 수 있습니다.",
                "The front desk closes only a simple complaint it has answered, as 'answered'.",
            )
        if c["status"] == Status.IN_PROGRESS and reason != "repeated":
            raise LifecycleError(
                "status",
                "답변 전에 종결할 수 있는 것은 반복민원(법 §23)뿐입니다.",
                "Before an answer, only a repeated complaint (§23) may be closed.",
            )
    c["status"] = Status.CLOSED
    c["closed_at"] = at
    c["close_reason"] = reason


def _reopened(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks:
        r.text(e.payload, "reason", limit=1000)
    c["status"] = _working(c)
    c["closed_at"] = c["close_reason"] = c["answered_at"] = c["answer_result"] = c["answered_by"] = None


def _withdrawn(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks:
        r.text(e.payload, "reason", required=False, limit=1000)
    c["status"] = Status.WITHDRAWN
    c["closed_at"] = at
    c["close_reason"] = "withdrawn"


def _merged(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    into = r.text(e.payload, "into_case_id", limit=40)
    if r.checks and into == c["id"]:
        raise DomainError(
            "into_case_id", "민원을 자기 자신에 병합할 수 없습니다.", "A case cannot be merged into itself."
        )
    c["status"] = Status.MERGED
    c["merged_into"] = into
    c["closed_at"] = at


def _receipt_printed(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    c["receipts_printed"] += 1


def _receipt_voided(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    if r.checks:
        r.text(e.payload, "reason", limit=1000)
        if c["receipt_voided"]:
            raise LifecycleError("receipt_no", "이미 무효 처리된 접수증입니다.", "The receipt is already void.")
    c["receipt_voided"] = True


def _progress_notified(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    c["progress_notices"] += 1


def _satisfaction(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    score = e.payload.get("score")
    if r.checks and (isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5):
        raise DomainError("score", "만족도는 1부터 5까지입니다.", "Satisfaction is scored 1 to 5.")
    c["satisfaction"] = score


def _deadline_set(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    """The server's own legal deadline, replacing the workstation's forecast (docs/operations.md, "Not a
    refusal: the deadline")."""
    p = e.payload
    period_data = p.get("period")
    if type(period_data) is not dict and not isinstance(period_data, Mapping):
        raise DomainError(
            "period", "처리기간이 필요합니다.", "The processing period is required.", code="required"
        )
    c["due_at"] = r.moment(p, "due_at")
    if r.checks:
        period = Period.from_dict(dict(period_data))
        c["period_amount"], c["period_unit"] = period.amount, period.unit.value
    else:
        c["period_amount"], c["period_unit"] = int(str(period_data["amount"])), str(period_data["unit"])


def _unchanged(c: Fields, e: Facts, at: Any, r: Reader) -> None:
    return None


Handler = Callable[[Fields, Facts, Any, Reader], None]

# Each type's handler and the case fields it reads or writes (the trusted path reads no others: a pulled
# case row needs only these columns loaded, with id, version and updated_at; tests/unit/test_lifecycle_paths.py
# projects every step of random histories on those columns alone and requires the same row).
_EFFECTS: Mapping[EventType, tuple[Handler, tuple[str, ...]]] = {
    EventType.ROUTED: (_routed, ("status", "department_code", "assignee_id", "transfer_due_at")),
    EventType.ASSIGNED: (_assigned, ("assignee_id",)),
    EventType.ACCEPTED: (_accepted, ("kind", "status", "assignee_id", "transfer_due_at")),
    EventType.RETURNED: (_returned, ("status", "department_code", "assignee_id", "transfer_due_at")),
    EventType.TRANSFERRED: (
        _transferred,
        ("status", "department_code", "assignee_id", "transfer_due_at", "transferred_to_agency"),
    ),
    EventType.NOTE_ADDED: (_note_added, ("notes",)),
    EventType.CONTACT_LOGGED: (_contact_logged, ("contacts",)),
    EventType.EXTENDED: (_extended, ("due_at", "extension_count")),
    EventType.CLOCK_STOPPED: (_clock_stopped, ("clock_stopped_at", "clock_stop_reason")),
    EventType.CLOCK_RESUMED: (_clock_resumed, ("clock_stopped_at", "clock_stop_reason", "due_at")),
    EventType.ANSWERED: (_answered, ("kind", "status", "answered_at", "answered_by", "answer_result")),
    EventType.DECIDED: (_decided, ("status", "decision", "decided_at", "implementation_date")),
    EventType.REREVIEW_REQUESTED: (_rereview_requested, ("status", "rereview", "decision", "decided_at")),
    EventType.CLOSED: (_closed, ("status", "closed_at", "close_reason")),
    EventType.REOPENED: (
        _reopened,
        ("kind", "status", "closed_at", "close_reason", "answered_at", "answered_by", "answer_result"),
    ),
    EventType.WITHDRAWN: (_withdrawn, ("status", "closed_at", "close_reason")),
    EventType.MERGED: (_merged, ("id", "status", "merged_into", "closed_at")),
    EventType.RECEIPT_PRINTED: (_receipt_printed, ("receipts_printed",)),
    EventType.RECEIPT_VOIDED: (_receipt_voided, ("receipt_voided",)),
    EventType.PROGRESS_NOTIFIED: (_progress_notified, ("progress_notices",)),
    EventType.SATISFACTION_RECORDED: (_satisfaction, ("satisfaction",)),
    EventType.DETAILS_VIEWED: (_unchanged, ()),
    EventType.DEADLINE_SET: (_deadline_set, ("due_at", "period_amount", "period_unit")),
    # A delivery report changes nothing on the case: the timeline shows it, the case view reads the newest.
    EventType.REPLY_SENT: (_unchanged, ()),
    EventType.REPLY_FAILED: (_unchanged, ()),
}
# Keyed by the types' text: an EventType (a StrEnum) finds the same entry as an IncomingEvent's plain string.
_HANDLERS: dict[str, Handler] = {str(t): handler for t, (handler, _) in _EFFECTS.items()}
FIELDS_TOUCHED: Mapping[str, tuple[str, ...]] = {str(t): touched for t, (_, touched) in _EFFECTS.items()}
ALWAYS_TOUCHED = ("id", "version", "updated_at")  # project() sets the last two after every handler


def fields_touched(event_types: Iterable[str]) -> tuple[str, ...]:
    """The case fields that events of these types (not `received`) read or write, in CASE_FIELDS order."""
    wanted = set(ALWAYS_TOUCHED)
    for event_type in event_types:
        wanted.update(FIELDS_TOUCHED[event_type])
    return tuple(name for name in CASE_FIELDS if name in wanted)
