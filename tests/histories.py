"""Random walks through the lifecycle: every step is a real event that `apply` accepted."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from support import SEOUL, received_payload

from complaints_desk.domain.case import CaseState
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.lifecycle import apply
from complaints_desk.domain.roles import Role

DEPARTMENTS = ("TRAFFIC", "ROADS", "CLEANING")
KINDS = (
    ("grievance", {"amount": 7, "unit": "days"}),
    ("other", {"amount": 3, "unit": "hours"}),
    ("proposal", {"amount": 1, "unit": "months"}),
    ("statutory", {"amount": 3, "unit": "days"}),
    ("inquiry-law", {"amount": 14, "unit": "days"}),
)
CHANNELS = ("phone", "counter", "web", "kakao", "open311", "mail")


def _payload(kind: EventType, rng: random.Random, state: CaseState, at: datetime) -> dict[str, Any]:
    due = state.due_at + timedelta(days=rng.randint(1, 7))
    makers: dict[EventType, Callable[[], dict[str, Any]]] = {
        EventType.ROUTED: lambda: {"department_code": rng.choice(DEPARTMENTS)},
        EventType.ASSIGNED: lambda: {"staff_id": new_id()},
        EventType.ACCEPTED: dict,
        EventType.RETURNED: lambda: {"reason": "소관 아님"},
        EventType.TRANSFERRED: lambda: rng.choice(
            [
                {"target": "department", "department_code": rng.choice(DEPARTMENTS), "reason": "소관 부서"},
                {"target": "agency", "agency": "서울특별시청", "reason": "시 소관"},
            ]
        ),
        EventType.NOTE_ADDED: lambda: {"text": rng.choice(["현장 확인 예정", "민원인 재통화", "사진 첨부"])},
        EventType.CONTACT_LOGGED: lambda: {"method": "phone", "summary": "처리 일정 안내"},
        EventType.EXTENDED: lambda: {
            "reason_code": rng.choice(["cooperation", "fact_check"]),
            "new_due_at": due.isoformat(),
            "consent": rng.random() < 0.7,
        },
        EventType.CLOCK_STOPPED: lambda: {"reason": rng.choice(["supplement", "site_inspection"])},
        EventType.CLOCK_RESUMED: lambda: {"new_due_at": due.isoformat()},
        EventType.ANSWERED: lambda: rng.choice(
            [
                {"result": "accepted", "answer": "조치했습니다."},
                {"result": "informed", "answer": "안내드립니다."},
                {"result": "rejected", "answer": "불가합니다.", "reasons": "법령상 불가", "remedies": "행정심판"},
            ]
        ),
        EventType.DECIDED: lambda: rng.choice(
            [
                {"decision": "adopted", "reasons": "효과 기대", "implementation_date": "2027-06-01"},
                {"decision": "not_adopted", "reasons": "예산 부족"},
            ]
        ),
        EventType.REREVIEW_REQUESTED: lambda: {"reason": "추가 자료 제출"},
        EventType.CLOSED: lambda: {"reason": rng.choice(["answered", "decided", "repeated"])},
        EventType.REOPENED: lambda: {"reason": "재검토"},
        EventType.WITHDRAWN: lambda: {"reason": "민원인 요청"},
        EventType.MERGED: lambda: {"into_case_id": new_id()},
        EventType.RECEIPT_PRINTED: lambda: {"copy": "original", "format": "a4"},
        EventType.RECEIPT_VOIDED: lambda: {"reason": "오기재"},
        EventType.PROGRESS_NOTIFIED: lambda: {"notice_no": state.progress_notices + 1},
        EventType.SATISFACTION_RECORDED: lambda: {"score": rng.randint(1, 5)},
        EventType.DETAILS_VIEWED: lambda: {},
        EventType.DEADLINE_SET: lambda: {"due_at": due.isoformat(), "period": {"amount": 7, "unit": "days"}},
        EventType.REPLY_SENT: lambda: {"platform": "telegram", "attempts": 1, "message_id": new_id()},
        EventType.REPLY_FAILED: lambda: {"platform": "sms", "attempts": 6, "message_id": new_id(), "error": "503"},
    }
    return makers[kind]()


def random_history(rng: random.Random, number: int, steps: int = 12) -> list[Event]:
    """A case's events: intake, then up to `steps` attempts of random changes by random actors."""
    case_id = new_id()
    kind, period = rng.choice(KINDS)
    at = datetime(2026, 3, 2, 9, 0, tzinfo=SEOUL) + timedelta(minutes=rng.randint(0, 60 * 24 * 200))
    first = Event(
        id=new_id(),
        case_id=case_id,
        type=EventType.RECEIVED,
        occurred_at=at,
        actor_id=new_id(),
        actor_role=rng.choice([Role.AGENT, Role.CLERK, Role.SYSTEM]),
        station_code="C01",
        payload=received_payload(
            receipt_no=f"{at:%Y%m%d}-C{rng.randint(1, 40):02d}-{number:04d}",
            kind=kind,
            period=period,
            channel=rng.choice(CHANNELS),
            due_at=(at + timedelta(days=10)).isoformat(),
        ),
    )
    events = [first]
    state = apply(None, first)
    choices = [t for t in EventType if t is not EventType.RECEIVED]
    for _ in range(steps):
        at += timedelta(minutes=rng.randint(1, 60 * 24 * 3))
        kind_of_change = rng.choice(choices)
        role = rng.choice([Role.AGENT, Role.CLERK, Role.OFFICER, Role.SUPERVISOR, Role.SYSTEM])
        department = state.department_code if role is Role.OFFICER else None
        try:
            candidate = Event(
                id=new_id(),
                case_id=case_id,
                type=kind_of_change,
                occurred_at=at,
                actor_id=new_id(),
                actor_role=role,
                actor_department=department,
                station_code="C01",
                base_version=state.version,
                payload=_payload(kind_of_change, rng, state, at),
            )
            state = apply(state, candidate)
        except DomainError:
            continue
        events.append(candidate)
    return events
