"""Statuses of a case. Proposals have their own path (심사중 → 채택/불채택 → 재심사)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    RECEIVED = "received"
    ROUTED = "routed"
    IN_PROGRESS = "in_progress"
    RETURNED = "returned"
    ANSWERED = "answered"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"
    TRANSFERRED_OUT = "transferred_out"
    UNDER_REVIEW = "under_review"
    ADOPTED = "adopted"
    NOT_ADOPTED = "not_adopted"

    @property
    def korean(self) -> str:
        return _KOREAN[self]

    @property
    def is_open(self) -> bool:
        """Still running against its deadline."""
        return self in OPEN_STATUSES

    @property
    def is_final(self) -> bool:
        return self in (Status.CLOSED, Status.WITHDRAWN, Status.MERGED, Status.TRANSFERRED_OUT)


_KOREAN = {
    Status.RECEIVED: "접수",
    Status.ROUTED: "부서배정",
    Status.IN_PROGRESS: "처리중",
    Status.RETURNED: "반송",
    Status.ANSWERED: "답변완료",
    Status.CLOSED: "종결",
    Status.WITHDRAWN: "취하",
    Status.MERGED: "병합",
    Status.TRANSFERRED_OUT: "타기관이송",
    Status.UNDER_REVIEW: "심사중",
    Status.ADOPTED: "채택",
    Status.NOT_ADOPTED: "불채택",
}

OPEN_STATUSES = frozenset(
    {Status.RECEIVED, Status.ROUTED, Status.IN_PROGRESS, Status.RETURNED, Status.UNDER_REVIEW}
)
