"""Telephone calls as a PBX reports them through a generic CTI webhook (in the style of Zammad's generic CTI
API): `newCall`, `answer` and `hangup`, each with the call's id, its direction and both numbers; an answer
says who answered (`answeringNumber`: the agent's extension or username), a hangup why it ended (`cause`).
A call rung and hung up without an answer is a missed call: someone should call back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import DomainError


class CtiEvent(StrEnum):
    NEW_CALL = "newCall"
    ANSWER = "answer"
    HANGUP = "hangup"


class CallState(StrEnum):
    RINGING = "ringing"
    ANSWERED = "answered"
    MISSED = "missed"
    ENDED = "ended"

    @property
    def korean(self) -> str:
        return {"ringing": "수신 중", "answered": "통화 중", "missed": "부재중", "ended": "통화 종료"}[self.value]


CALL_ID_MAX = 250
NUMBER_MAX = 40
_NUMBER_CHARACTERS = frozenset("0123456789+-*# ")


@dataclass(frozen=True)
class CtiNotice:
    event: CtiEvent
    call_id: str
    direction: str  # in | out
    from_number: str
    to_number: str
    users: tuple[str, ...] = ()
    queue: str = ""
    answering_number: str = ""
    cause: str = ""

    @property
    def citizen_number(self) -> str:
        """The outside party: the caller of an incoming call, the called number of an outgoing one."""
        return self.from_number if self.direction == "in" else self.to_number


def _text(values: Mapping[str, object], name: str, limit: int, *, required: bool = True) -> str:
    value = values.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise DomainError(name, f"'{name}' 값이 없습니다.", f"'{name}' is missing.", code="missing")
        return ""
    if not isinstance(value, str | int):
        raise DomainError(name, f"'{name}' 값이 문자열이 아닙니다.", f"'{name}' is not text.", code="invalid")
    text = str(value).strip()
    if len(text) > limit:
        raise DomainError(
            name,
            f"'{name}' 값이 너무 깁니다 (최대 {limit}자).",
            f"'{name}' is too long (at most {limit}).",
            code="too_long",
        )
    return text


def _number(values: Mapping[str, object], name: str) -> str:
    text = _text(values, name, NUMBER_MAX, required=False)
    if text.lower() == "anonymous" or not text:
        return "anonymous" if text else ""
    if not set(text) <= _NUMBER_CHARACTERS:
        raise DomainError(
            name,
            f"'{name}'는 전화번호가 아닙니다: {text[:20]}",
            f"'{name}' is not a phone number.",
            code="invalid",
        )
    return text


def read_notice(values: Mapping[str, object]) -> CtiNotice:
    """A webhook's fields (form fields or JSON) as a notice; DomainError naming the field otherwise."""
    raw_event = _text(values, "event", 20)
    try:
        event = CtiEvent(raw_event)
    except ValueError:
        raise DomainError(
            "event",
            f"알 수 없는 CTI 이벤트입니다: {raw_event[:20]} (newCall, answer, hangup)",
            f"Unknown CTI event: {raw_event[:20]} (newCall, answer, hangup).",
            code="invalid",
        ) from None
    direction = _text(values, "direction", 3)
    if direction not in ("in", "out"):
        raise DomainError(
            "direction", "direction은 in 또는 out이어야 합니다.", "direction must be in or out.", code="invalid"
        )
    users_value = values.get("user[]", values.get("user", ()))
    users: Sequence[object] = users_value if isinstance(users_value, list | tuple) else (users_value,)
    return CtiNotice(
        event=event,
        call_id=_text(values, "callId", CALL_ID_MAX),
        direction=direction,
        from_number=_number(values, "from"),
        to_number=_number(values, "to"),
        users=tuple(str(u)[:100] for u in users if isinstance(u, str | int) and str(u).strip())[:20],
        queue=_text(values, "queue", 100, required=False),
        answering_number=_text(values, "answeringNumber", 100, required=False),
        cause=_text(values, "cause", 40, required=False),
    )


def next_state(current: CallState | None, notice: CtiNotice) -> CallState:
    """Where a call stands after a notice. A PBX that lost an earlier notice is believed about the later one."""
    if notice.event is CtiEvent.NEW_CALL:
        return current if current is not None and current is not CallState.RINGING else CallState.RINGING
    if notice.event is CtiEvent.ANSWER:
        return CallState.ANSWERED if current in (None, CallState.RINGING, CallState.ANSWERED) else current
    if current is CallState.ANSWERED:
        return CallState.ENDED
    if current in (CallState.ENDED, CallState.MISSED):
        return current
    return CallState.MISSED
