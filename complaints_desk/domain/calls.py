"""The call log (staff protection, 시행령 §4; docs/rules.md): an agent may end an abusive call, or one far
past the recommended length, only after announcing the reason; the program records that announcement, and
the end of the call, as call-log records. A call-log record belongs to a call, never to a case: the caller
may not have filed anything.

A record is made on the desktop (its id a UUIDv7 made there) and synced to the server, which checks every
value with the same rules (`read_call_record`) and the order of a call's records (`check_next`).

The rule of a call (one call id):
- the first warning comes first; a second warning needs the first; neither is announced twice;
- `call_ended_after_warning` needs at least one warning announced earlier in the same call;
- nothing follows the end of a call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from .errors import DomainError, LifecycleError
from .masking import normalize_phone
from .values import check_chars, check_id, check_moment, read_moment


class CallRecordKind(StrEnum):
    WARNING_ANNOUNCED = "warning_announced"
    CALL_ENDED = "call_ended_after_warning"

    @property
    def korean(self) -> str:
        return {"warning_announced": "경고 안내", "call_ended_after_warning": "경고 후 통화 종료"}[self.value]


class WarningLevel(StrEnum):
    FIRST = "first"
    SECOND = "second"

    @property
    def korean(self) -> str:
        return {"first": "1차 경고", "second": "2차 경고"}[self.value]


class WarningReason(StrEnum):
    ABUSE = "abuse"  # 폭언·욕설
    THREATS = "threats"  # 협박
    TOO_LONG = "too_long"  # 권장 통화 시간을 크게 넘김

    @property
    def korean(self) -> str:
        return {"abuse": "폭언·욕설", "threats": "협박", "too_long": "권장 통화 시간 크게 초과"}[self.value]


@dataclass(frozen=True)
class CallRecord:
    id: str
    call_id: str
    kind: CallRecordKind
    occurred_at: datetime  # aware, UTC
    agent_id: str
    caller_phone: str = ""  # normalized (010-1234-5678), or '' when the caller's number is not known
    warning: WarningLevel | None = None  # warnings only
    reason: WarningReason | None = None  # warnings only

    def as_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "call_id": self.call_id,
            "kind": self.kind.value,
            "occurred_at": self.occurred_at.isoformat(),
            "agent_id": self.agent_id,
            "caller_phone": self.caller_phone,
            "warning": self.warning.value if self.warning else None,
            "reason": self.reason.value if self.reason else None,
        }


def _choice(data: Mapping[str, Any], key: str, choices: type[StrEnum], *, required: bool) -> Any:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise DomainError(key, f"'{key}' 항목이 필요합니다.", f"'{key}' is required.", code="required")
        return None
    allowed = [c.value for c in choices]
    if not isinstance(value, str) or value not in allowed:
        raise DomainError(
            key,
            f"'{key}' 값은 {', '.join(allowed)} 중 하나여야 합니다.",
            f"'{key}' must be one of {', '.join(allowed)}.",
            code="invalid_choice",
        )
    return choices(value)


def read_call_record(data: object) -> CallRecord:
    """A call-log record from its wire form (a JSON object), every value checked; DomainError otherwise."""
    if not isinstance(data, Mapping):
        raise DomainError("record", "통화 기록은 객체여야 합니다.", "A call-log record must be an object.")
    record_id = check_id("id", data.get("id"))
    call_id = check_id("call_id", data.get("call_id"))
    agent_id = check_id("agent_id", data.get("agent_id"))
    kind = _choice(data, "kind", CallRecordKind, required=True)
    occurred_at = read_moment(data, "occurred_at")
    phone = data.get("caller_phone") or ""
    if not isinstance(phone, str) or len(phone) > 40:
        raise DomainError(
            "caller_phone",
            "'caller_phone' 값은 40자 이하의 문자열이어야 합니다.",
            "'caller_phone' must be text of at most 40 characters.",
        )
    check_chars("caller_phone", phone)
    try:
        phone = normalize_phone(phone)
    except DomainError as error:
        raise DomainError("caller_phone", error.ko, error.en, code=error.code) from None
    if len(phone) > 40:  # the column's width; a written number longer than its input is not one
        raise DomainError("caller_phone", "전화번호가 너무 깁니다.", "The phone number is too long.", code="phone")
    warning = _choice(data, "warning", WarningLevel, required=kind is CallRecordKind.WARNING_ANNOUNCED)
    reason = _choice(data, "reason", WarningReason, required=kind is CallRecordKind.WARNING_ANNOUNCED)
    if kind is CallRecordKind.CALL_ENDED and (warning or reason):
        raise DomainError(
            "warning" if warning else "reason",
            "통화 종료 기록에는 경고 차수나 사유를 적지 않습니다 (경고 안내 기록에 적습니다).",
            "A call-ended record carries no warning or reason (the warning records do).",
        )
    assert record_id and call_id and agent_id and occurred_at
    return CallRecord(record_id, call_id, kind, occurred_at, agent_id, phone, warning, reason)


def new_call_record(
    record_id: str,
    call_id: str,
    kind: CallRecordKind,
    occurred_at: datetime,
    agent_id: str,
    *,
    caller_phone: str = "",
    warning: WarningLevel | None = None,
    reason: WarningReason | None = None,
) -> CallRecord:
    """A record made on the desktop, through the same checks as one read from the wire."""
    check_moment("occurred_at", occurred_at)
    return read_call_record(
        CallRecord(record_id, call_id, kind, occurred_at, agent_id, caller_phone, warning, reason).as_wire()
    )


def _refused(field: str, ko: str, en: str, code: str) -> LifecycleError:
    return LifecycleError(field, ko, en, code=code)


def next_warning(earlier: Sequence[CallRecord]) -> WarningLevel | None:
    """The warning to announce next in a call with these records; None when no more warnings are possible
    (both announced, or the call has ended)."""
    if any(r.kind is CallRecordKind.CALL_ENDED for r in earlier):
        return None
    announced = {r.warning for r in earlier if r.kind is CallRecordKind.WARNING_ANNOUNCED}
    if WarningLevel.FIRST not in announced:
        return WarningLevel.FIRST
    if WarningLevel.SECOND not in announced:
        return WarningLevel.SECOND
    return None


def may_end(earlier: Sequence[CallRecord]) -> bool:
    """Whether a call with these records may be ended now: a warning announced and not ended yet."""
    return not any(r.kind is CallRecordKind.CALL_ENDED for r in earlier) and any(
        r.kind is CallRecordKind.WARNING_ANNOUNCED for r in earlier
    )


def check_next(earlier: Sequence[CallRecord], record: CallRecord) -> None:
    """Refuse `record` (LifecycleError, code call_order) unless it may follow `earlier`, the records of the
    same call already kept (any order: they are sorted by time here)."""
    same_call = sorted((r for r in earlier if r.call_id == record.call_id), key=lambda r: r.occurred_at)
    before = [r for r in same_call if r.occurred_at <= record.occurred_at]
    if any(r.kind is CallRecordKind.CALL_ENDED for r in same_call):
        raise _refused(
            "kind",
            "이미 종료된 통화입니다. 종료 뒤에는 기록을 더할 수 없습니다.",
            "This call has already ended; nothing can be recorded after its end.",
            "call_ended",
        )
    if record.kind is CallRecordKind.CALL_ENDED:
        if not any(r.kind is CallRecordKind.WARNING_ANNOUNCED for r in before):
            raise _refused(
                "kind",
                "통화를 끝내기 전에 먼저 경고(종료 사유)를 안내하고 기록해야 합니다.",
                "A call may be ended only after a warning (the reason) has been announced and recorded.",
                "warning_first",
            )
        return
    announced = {r.warning for r in same_call if r.kind is CallRecordKind.WARNING_ANNOUNCED}
    if record.warning in announced:
        assert record.warning is not None
        raise _refused(
            "warning",
            f"이 통화에서 {record.warning.korean}는 이미 기록했습니다.",
            f"The {record.warning.value} warning of this call is already recorded.",
            "warning_repeated",
        )
    if record.warning is WarningLevel.SECOND and WarningLevel.FIRST not in {r.warning for r in before}:
        raise _refused(
            "warning",
            "2차 경고는 1차 경고를 안내한 뒤에만 기록할 수 있습니다.",
            "A second warning may be recorded only after the first.",
            "warning_first",
        )
