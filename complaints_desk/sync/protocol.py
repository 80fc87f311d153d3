"""The wire protocol between desktop clients and the central server (docs/architecture.md, "The sync contract").

Push: the client sends its pending events in creation order; the server answers each one with
`accepted` (and its sequence number), `duplicate` (already applied: the same answer as the first time) or
`rejected` (with a reason code, a message for people and the case as the server has it now, masked as the
role sees it in lists).

Each pushed event is parsed and answered ON ITS OWN: the request as a whole is refused (4xx) only when the
envelope is malformed (not JSON, not an object, `events` missing or not a list, more than MAX_PUSH_EVENTS
events). An event that cannot be read (not an object, a missing or mistyped field, an unknown type or role,
a time without a time zone, an id that is not a UUID, a value the rules of domain/values.py refuse) gets
its own `rejected` answer and the other events of the push are decided as usual.

How an answer says which event it is: `results` has exactly one answer per pushed event, in push order, and
every answer carries `index`, the event's 0-based position in the push. `id` is the event's id as sent
when that was a string of at most 64 characters, else "" (an event without a usable id); a client matches
answers by `id`, and by `index` when `id` is "".
Pull: events and reference-data changes with larger sequence numbers, in order, in pages.
Wait: returns as soon as anything after the client's cursor exists (long poll).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..domain import values
from ..domain.errors import DomainError
from ..domain.events import Event, EventType
from ..domain.roles import Role

API_PREFIX = "/api/v1"
MAX_PUSH_EVENTS = 500
MAX_PULL_PAGE = 5000
DEFAULT_PULL_PAGE = 1000


class WireEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=36, max_length=36)
    case_id: str = Field(min_length=36, max_length=36)
    type: EventType
    occurred_at: datetime
    actor_id: str | None = Field(default=None, max_length=36)
    actor_role: Role
    actor_department: str | None = Field(default=None, max_length=40)
    station_code: str | None = Field(default=None, max_length=3)
    base_version: int | None = Field(default=None, ge=0)
    payload: dict[str, Any] = Field(default_factory=dict)

    @field_validator("occurred_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("occurred_at needs a time zone")
        return value

    def to_domain(self) -> Event:
        return Event(
            id=self.id,
            case_id=self.case_id,
            type=self.type,
            occurred_at=self.occurred_at,
            actor_id=self.actor_id,
            actor_role=self.actor_role,
            actor_department=self.actor_department,
            station_code=self.station_code,
            base_version=self.base_version,
            payload=self.payload,
        )

    @classmethod
    def from_domain(cls, event: Event) -> WireEvent:
        return cls(
            id=event.id,
            case_id=event.case_id,
            type=event.type,
            occurred_at=event.occurred_at,
            actor_id=event.actor_id,
            actor_role=event.actor_role,
            actor_department=event.actor_department,
            station_code=event.station_code,
            base_version=event.base_version,
            payload=dict(event.payload),
        )


class PushRequest(BaseModel):
    """The envelope only: its events are read one by one (`parse_pushed_event`), so that one unreadable
    event is one rejection, not a 422 for the whole push. A client builds it from WireEvents."""

    model_config = ConfigDict(extra="forbid")

    events: list[Any] = Field(max_length=MAX_PUSH_EVENTS)


ID_ECHO_MAX = 64  # the longest id a rejection echoes back (a longer one is answered with id "")


def echoed_id(raw: object) -> str:
    """The id a pushed event's answer carries (see the module docstring)."""
    value = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(value, str) and len(value) <= ID_ECHO_MAX and values.text_problem(value) is None:
        return value
    return ""


_FIELD_CODES = {"type": "unknown_type", "actor_role": "unknown_role", "id": "invalid_id", "case_id": "invalid_id"}


def parse_pushed_event(raw: object) -> Event:
    """One pushed event, read and checked against the value rules; DomainError names what is wrong."""
    if isinstance(raw, WireEvent):
        raw = raw.model_dump(mode="json")
    if not isinstance(raw, dict):
        raise DomainError("event", "이벤트는 JSON 객체여야 합니다.", "An event must be a JSON object.")
    values.check_id("id", raw.get("id"))
    values.check_id("case_id", raw.get("case_id"))
    try:
        wire = WireEvent.model_validate(raw)
    except ValidationError as error:
        raise _validation_problem(error) from None
    except (ValueError, TypeError, OverflowError):
        raise DomainError("event", "이벤트를 읽을 수 없습니다.", "The event cannot be read.") from None
    values.check_id("actor_id", wire.actor_id, required=False)
    for field_name in ("actor_department", "station_code"):
        value = getattr(wire, field_name)
        if value is not None:
            values.check_chars(field_name, value)
    occurred_at = values.check_moment("occurred_at", wire.occurred_at)
    values.check_payload(wire.payload)
    values.check_payload_fields(wire.type, wire.payload)
    return replace(wire.to_domain(), occurred_at=occurred_at)


def _validation_problem(error: ValidationError) -> DomainError:
    first = error.errors(include_url=False)[0]
    location = first.get("loc") or ("event",)
    field_name = str(location[0])
    code = _FIELD_CODES.get(field_name, "invalid")
    if first.get("type") == "missing":
        code = "required"
        return DomainError(
            field_name, f"'{field_name}' 항목이 없습니다.", f"'{field_name}' is missing.", code=code
        )
    if field_name == "occurred_at" and "time zone" in str(first.get("msg", "")):
        code = "naive_time"
        return DomainError(
            field_name, "이벤트 시각에 시간대가 없습니다.", "The event time has no time zone.", code=code
        )
    if code == "unknown_type":
        return DomainError(field_name, "알 수 없는 이벤트 종류입니다.", "Unknown event type.", code=code)
    if code == "unknown_role":
        return DomainError(field_name, "알 수 없는 역할입니다.", "Unknown role.", code=code)
    return DomainError(
        field_name,
        f"'{field_name}' 값이 올바르지 않습니다.",
        f"'{field_name}' is invalid: {str(first.get('msg', ''))[:200]}",
        code=code,
    )


EventOutcome = Literal["accepted", "duplicate", "rejected"]


class EventResult(BaseModel):
    id: str  # the event's id as sent, or "" when it had no usable one (then `index` says which it is)
    status: EventOutcome
    index: int | None = None  # the event's 0-based position in the push (always set by the server)
    seq: int | None = None
    reason: str | None = None  # a stable code (docs/operations.md, "What the server checks")
    field: str | None = None
    message_ko: str | None = None
    message_en: str | None = None
    case: dict[str, Any] | None = None  # the case as the server has it now (rejections)


class PushResponse(BaseModel):
    results: list[EventResult]


class PulledEvent(WireEvent):
    seq: int
    case_version: int
    recorded_at: datetime


ReferenceTable = Literal[
    "departments", "staff", "stations", "categories", "routing_rules", "closures", "office_settings"
]


class ReferenceChange(BaseModel):
    seq: int
    table: ReferenceTable
    record: dict[str, Any]


class PullResponse(BaseModel):
    events: list[PulledEvent]
    reference: list[ReferenceChange] = Field(default_factory=list)
    next_after: int  # the cursor to store with this page
    has_more: bool


class WaitResponse(BaseModel):
    changed: bool
    latest: int


class ProblemDetail(BaseModel):
    """Every 4xx/5xx body: a stable code and a sentence in Korean and English."""

    code: str
    field: str | None = None
    message_ko: str
    message_en: str


# --- auth and enrolment (added by the sync-client engineer; additive) --------------------------------------


class StaffInfo(BaseModel):
    """The logged-in staff member as the server knows them (the client keeps it for offline unlock)."""

    id: str
    username: str
    name: str
    role: Role
    department_code: str | None = None
    phone: str = ""


class TokenRequest(BaseModel):
    """POST /auth/token, JSON body."""

    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=60)
    password: str = Field(min_length=1, max_length=200)


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime | None = None
    staff: StaffInfo


# (stations engineer) Every push, check-in and re-enrolment carries the workstation's proof in two headers:
# its id and the secret it was given at enrolment (docs/operations.md). Received events need it; a push
# without these headers may carry other events only.
WORKSTATION_HEADER = "X-Workstation"
WORKSTATION_PROOF_HEADER = "X-Workstation-Proof"


class EnrolRequest(BaseModel):
    """POST /stations/enrol (bearer token of a supervisor or an administrator): enrol this workstation, or
    re-enrol it (same code and name, a new secret)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    code: str | None = Field(default=None, min_length=3, max_length=3)  # re-enrolment keeps its code
    # (server engineer, additive) a stable id of this installation: the same id always gets the same code;
    # and the newest receipt number this workstation believes it issued, so a restored backup is detected.
    workstation_id: str | None = Field(default=None, min_length=36, max_length=36)
    last_receipt_no: str | None = Field(default=None, max_length=20)


class EnrolResponse(BaseModel):
    station_id: str
    code: str
    name: str
    last_receipt_day: str | None = None  # ISO date of the newest receipt the server has seen from it
    last_receipt_seq: int = 0
    # (server engineer, additive) True when the workstation reported an older number than the server has
    # seen (restored from a backup): it must continue after last_receipt_day/seq, never from its own.
    restored_from_backup: bool = False
    # (stations engineer, additive) the new secret, in the answer to an enrolment only (never to a check-in):
    # the workstation keeps it in the OS keyring and sends it on every push; the server keeps only its hash.
    secret: str | None = None


class CheckInRequest(BaseModel):
    """POST /stations/check-in (any signed-in staff member, with the workstation's proof headers): where this
    workstation's receipt numbers continue, without enrolling it again."""

    model_config = ConfigDict(extra="forbid")

    last_receipt_no: str | None = Field(default=None, max_length=20)
