"""The events that make up a case's history. Appended, never edited; the unit of sync and the audit trail."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from .errors import DomainError
from .roles import Role


class EventType(StrEnum):
    RECEIVED = "received"
    ROUTED = "routed"
    ASSIGNED = "assigned"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    TRANSFERRED = "transferred"
    NOTE_ADDED = "note_added"
    CONTACT_LOGGED = "contact_logged"
    EXTENDED = "extended"
    CLOCK_STOPPED = "clock_stopped"
    CLOCK_RESUMED = "clock_resumed"
    ANSWERED = "answered"
    DECIDED = "decided"
    REREVIEW_REQUESTED = "rereview_requested"
    CLOSED = "closed"
    REOPENED = "reopened"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"
    RECEIPT_PRINTED = "receipt_printed"
    RECEIPT_VOIDED = "receipt_voided"
    PROGRESS_NOTIFIED = "progress_notified"
    SATISFACTION_RECORDED = "satisfaction_recorded"
    DETAILS_VIEWED = "details_viewed"
    DEADLINE_SET = "deadline_set"  # the server's own deadline where the workstation's forecast differed
    REPLY_SENT = "reply_sent"  # the answer reached the citizen on the channel they asked for (the server's)
    REPLY_FAILED = "reply_failed"  # it could not be delivered after the retries: someone must call or write

    @property
    def korean(self) -> str:
        return _KOREAN[self]

    @property
    def commutes(self) -> bool:
        """Order-independent additions: always accepted whatever the case's state (docs/architecture.md, "The sync contract")."""
        return self in COMMUTING_EVENTS


_KOREAN = {
    EventType.RECEIVED: "접수",
    EventType.ROUTED: "부서 배정",
    EventType.ASSIGNED: "담당자 지정",
    EventType.ACCEPTED: "부서 접수",
    EventType.RETURNED: "반송",
    EventType.TRANSFERRED: "이송·이첩",
    EventType.NOTE_ADDED: "메모",
    EventType.CONTACT_LOGGED: "민원인 연락",
    EventType.EXTENDED: "처리기간 연장",
    EventType.CLOCK_STOPPED: "처리기간 정지",
    EventType.CLOCK_RESUMED: "처리기간 재개",
    EventType.ANSWERED: "답변",
    EventType.DECIDED: "제안 심사 결과",
    EventType.REREVIEW_REQUESTED: "재심사 요청",
    EventType.CLOSED: "종결",
    EventType.REOPENED: "재개",
    EventType.WITHDRAWN: "취하",
    EventType.MERGED: "병합",
    EventType.RECEIPT_PRINTED: "접수증 출력",
    EventType.RECEIPT_VOIDED: "접수증 무효",
    EventType.PROGRESS_NOTIFIED: "진행상황 통지",
    EventType.SATISFACTION_RECORDED: "만족도 기록",
    EventType.DETAILS_VIEWED: "개인정보 열람",
    EventType.DEADLINE_SET: "처리기한 확정",
    EventType.REPLY_SENT: "답변 전달 완료",
    EventType.REPLY_FAILED: "답변 전달 실패",
}

COMMUTING_EVENTS = frozenset(
    {
        EventType.NOTE_ADDED,
        EventType.CONTACT_LOGGED,
        EventType.RECEIPT_PRINTED,
        EventType.DETAILS_VIEWED,
        EventType.PROGRESS_NOTIFIED,
        EventType.REPLY_SENT,
        EventType.REPLY_FAILED,
    }
)


def parse_event_type(value: str) -> EventType:
    try:
        return EventType(value)
    except ValueError:
        raise DomainError(
            "type",
            f"알 수 없는 이벤트 종류입니다: '{value}'",
            f"Unknown event type: '{value}'",
            code="unknown_type",
        ) from None


@dataclass(frozen=True)
class Event:
    """One change to one case.

    ``base_version`` is the case version the change was made against (None for the first event);
    ``occurred_at`` is the clock of the machine that made it, kept for people, never used for ordering:
    the server's sequence number orders events.
    """

    id: str
    case_id: str
    type: EventType
    occurred_at: datetime
    actor_id: str | None
    actor_role: Role
    actor_department: str | None = None
    station_code: str | None = None
    base_version: int | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.occurred_at.tzinfo is None:
            raise DomainError(
                "occurred_at", "시각에 시간대가 없습니다.", "The event time has no time zone.", code="naive_time"
            )
