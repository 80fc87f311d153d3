"""A small, fully known office and its cases, made through the real intake and lifecycle: for document
previews, the documents' tests and the documents bench. (The big demo store is store.demo.)"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.channels import Channel
from ...domain.events import Event, EventType
from ...domain.ids import new_id
from ...domain.kinds import Kind
from ...domain.roles import Actor, Role
from .. import reference
from ..cases import record_event
from ..intake import Intake, take_intake
from .office import OFFICE_ADDRESS, OFFICE_HEAD_TITLE, OFFICE_NAME, OFFICE_PHONE, OFFICE_STATUS_URL

SEOUL = ZoneInfo("Asia/Seoul")
STATION = "C03"


@dataclass(frozen=True)
class SampleOffice:
    clerk: Actor
    officers: dict[str, Actor]  # by department code
    supervisor: Actor


_DEPARTMENTS = (
    ("TRAFFIC", "교통행정과", "02-2150-3110"),
    ("ROAD", "도로관리과", "02-2150-3120"),
    ("CLEAN", "청소행정과", "02-2150-3130"),
    ("PARK", "공원녹지과", "02-2150-3180"),
)
_CATEGORIES = (
    ("parking", "불법주차", "TRAFFIC", None),
    ("road-damage", "도로 파손", "ROAD", None),
    ("waste", "쓰레기 무단투기", "CLEAN", None),
    ("trees", "공원·가로수", "PARK", None),
    ("occupancy", "도로점용허가", "ROAD", 20),
)
_OFFICERS = {
    "TRAFFIC": ("이담당", "02-2150-3114"),
    "ROAD": ("박도로", ""),
    "CLEAN": ("최청소", "02-2150-3133"),
    "PARK": ("정공원", ""),
}


def seed_office(session: Session) -> SampleOffice:
    for code, name, phone in _DEPARTMENTS:
        reference.upsert_department(session, code, name, phone)
    for code, name, department, days in _CATEGORIES:
        reference.add_category(session, code, name, default_department_code=department, statutory_days=days)
    reference.ensure_station(session, STATION, "민원실 3번 창구")
    reference.put_office(
        session,
        name=OFFICE_NAME,
        address=OFFICE_ADDRESS,
        phone=OFFICE_PHONE,
        head_title=OFFICE_HEAD_TITLE,
        status_url_base=OFFICE_STATUS_URL,
    )
    clerk = reference.add_staff(session, "clerk1", "김창구", Role.CLERK, phone="02-2150-3001")
    boss = reference.add_staff(session, "boss", "한팀장", Role.SUPERVISOR, phone="02-2150-3002")
    officers = {}
    for department, (name, phone) in _OFFICERS.items():
        row = reference.add_staff(
            session, f"officer-{department.lower()}", name, Role.OFFICER, department_code=department, phone=phone
        )
        officers[department] = Actor(row.id, Role.OFFICER, department, name)
    return SampleOffice(
        clerk=Actor(clerk.id, Role.CLERK, None, clerk.name),
        officers=officers,
        supervisor=Actor(boss.id, Role.SUPERVISOR, None, boss.name),
    )


def add(
    session: Session, state: CaseState, kind: EventType, actor: Actor, at: datetime, **payload: Any
) -> CaseState:
    """Record one event on ``state``'s case as ``actor`` at ``at``."""
    return record_event(
        session,
        Event(
            id=new_id(),
            case_id=state.id,
            type=kind,
            occurred_at=at,
            actor_id=actor.id,
            actor_role=actor.role,
            actor_department=actor.department_code,
            station_code=STATION,
            base_version=state.version,
            payload=payload,
        ),
    )


def intake(
    session: Session,
    office: SampleOffice,
    at: datetime,
    *,
    kind: Kind = Kind.GRIEVANCE,
    channel: Channel = Channel.COUNTER,
    title: str = "새싹초등학교 앞 도로 파손",
    name: str = "홍길동",
    phone: str = "010-1234-5678",
    department: str | None = "ROAD",
    category: str | None = "road-damage",
    **extra: Any,
) -> CaseState:
    return take_intake(
        session,
        Intake(
            kind=kind,
            channel=channel,
            title=title,
            body="정문 앞 도로가 파여 아이들이 넘어질 위험이 있습니다.",
            petitioner_name=name,
            petitioner_phone=phone,
            petitioner_address="서울특별시 한빛구 한빛로 123 (한빛동)",
            category_code=category,
            department_code=department,
            **extra,
        ),
        actor=office.clerk,
        station_code=STATION,
        now=at,
    ).state


def sample_cases(session: Session, office: SampleOffice, now: datetime) -> dict[str, CaseState]:
    """One case per document: a fresh counter intake, a rejection, an extension, an adopted and a rejected
    proposal, a voided receipt, and a case open for 35 days (progress notice). Taken in time order, as a
    station's running number requires."""
    at = now.astimezone(SEOUL)
    road, traffic, clean, park = (office.officers[d] for d in ("ROAD", "TRAFFIC", "CLEAN", "PARK"))
    cases: dict[str, CaseState] = {}

    progress = intake(
        session,
        office,
        at - timedelta(days=35),
        kind=Kind.SUGGESTION,
        department="CLEAN",
        category="waste",
        title="재활용 분리배출 안내 표지판 추가 설치 건의",
        name="정하늘",
        phone="010-3333-4444",
    )
    progress = add(session, progress, EventType.ACCEPTED, clean, at - timedelta(days=34))
    cases["progress"] = add(
        session, progress, EventType.CLOCK_STOPPED, clean, at - timedelta(days=30), reason="site_inspection"
    )

    for key, decision in (("adopted", "adopted"), ("not_adopted", "not_adopted")):
        proposal = intake(
            session,
            office,
            at - timedelta(days=20),
            kind=Kind.PROPOSAL,
            department="PARK",
            category="trees",
            title="공원 산책로에 야간 조명 설치 제안",
            name="윤서연",
            phone="010-5555-7777",
        )
        proposal = add(session, proposal, EventType.ACCEPTED, park, at - timedelta(days=19))
        payload: dict[str, Any] = {"decision": decision}
        if decision == "adopted":
            planned = (at.date() + timedelta(days=90)).isoformat()
            payload |= {
                "reasons": "야간 이용자 안전에 효과가 크다고 판단했습니다.",
                "implementation_date": planned,
            }
        else:
            payload |= {"reasons": "같은 구간에 조명 설치 사업이 이미 예산에 반영되어 추진 중입니다."}
        cases[key] = add(session, proposal, EventType.DECIDED, park, at - timedelta(days=1), **payload)

    rejected = intake(
        session,
        office,
        at - timedelta(days=12),
        kind=Kind.STATUTORY,
        category="occupancy",
        title="한빛로 123 앞 도로점용허가 신청",
        name="김영수",
        phone="010-2222-3333",
    )
    rejected = add(session, rejected, EventType.ACCEPTED, road, at - timedelta(days=11))
    cases["rejected"] = add(
        session,
        rejected,
        EventType.ANSWERED,
        road,
        at - timedelta(days=2),
        result="rejected",
        answer="신청하신 도로점용허가는 아래 사유로 허가하지 않습니다.",
        reasons="신청 구간이 어린이보호구역에 포함되어 도로법 시행령 제55조의 점용 기준에 맞지 않습니다.",
        remedies="보호구역 밖의 구간으로 다시 신청하실 수 있습니다.",
    )

    extended = intake(
        session,
        office,
        at - timedelta(days=8),
        department="TRAFFIC",
        category="parking",
        title="한빛로 불법주차 상습 구간 단속 요청",
        name="남궁민수",
        phone="010-9876-5432",
    )
    extended = add(session, extended, EventType.ACCEPTED, traffic, at - timedelta(days=7))
    cases["extended"] = add(
        session,
        extended,
        EventType.EXTENDED,
        traffic,
        at - timedelta(days=1),
        reason_code="cooperation",
        reason_text="관할 경찰서와 합동 단속 일정 협의가 필요합니다.",
        new_due_at=(extended.due_at + timedelta(days=7)).isoformat(),
    )

    voided = intake(
        session, office, at - timedelta(hours=2), title="잘못 접수한 민원", name="이철", phone="02-123-4567"
    )
    cases["voided"] = add(
        session,
        voided,
        EventType.RECEIPT_VOIDED,
        office.clerk,
        at - timedelta(hours=1),
        reason="민원인 정보 오기재로 재접수",
    )
    cases["counter"] = intake(session, office, at)
    return cases


def generate_cases(
    session: Session, office: SampleOffice, first_day: date, days: int, count: int, *, seed: int = 7
) -> list[CaseState]:
    """``count`` random cases received over ``days`` days from ``first_day``: most answered (some late), some
    extended, some withdrawn, the rest open; a few petitioners file again and again."""
    rng = random.Random(seed)
    kinds = [Kind.GRIEVANCE, Kind.INQUIRY_PROCEDURE, Kind.SUGGESTION, Kind.OTHER, Kind.INQUIRY_LAW, Kind.PROPOSAL]
    channels = [Channel.COUNTER, Channel.PHONE, Channel.WEB, Channel.KAKAO, Channel.MAIL]
    departments = [d[0] for d in _DEPARTMENTS]
    categories = {department: code for code, _name, department, days_ in _CATEGORIES if days_ is None}
    frequent = [(f"반복{n}", f"010-7000-{1000 + n}") for n in range(3)]
    made = []
    moments = []
    for _ in range(count):
        day = first_day + timedelta(days=rng.randrange(days))
        moments.append(
            datetime(day.year, day.month, day.day, rng.randint(9, 17), rng.randint(0, 59), tzinfo=SEOUL)
        )
    for index, at in enumerate(sorted(moments)):  # a station numbers its receipts in time order
        department = rng.choice(departments)
        name, phone = (
            rng.choice(frequent)
            if rng.random() < 0.08
            else (f"시민{index}", f"010-{rng.randint(2000, 9999)}-{rng.randint(1000, 9999)}")
        )
        kind = rng.choice(kinds)
        state = intake(
            session,
            office,
            at,
            kind=kind,
            channel=rng.choice(channels),
            department=department,
            category=categories[department],
            title=f"생성 민원 {index}",
            name=name,
            phone=phone,
        )
        officer = office.officers[department]
        state = add(session, state, EventType.ACCEPTED, officer, at + timedelta(hours=1))
        roll = rng.random()
        if roll < 0.1 and kind is not Kind.PROPOSAL:
            reason = rng.choice(["cooperation", "fact_check", "force_majeure"])
            state = add(
                session,
                state,
                EventType.EXTENDED,
                officer,
                at + timedelta(hours=5),
                reason_code=reason,
                new_due_at=(state.due_at + timedelta(days=3)).isoformat(),
            )
        if roll < 0.7:
            done = at + timedelta(minutes=rng.randint(30, 60 * 24 * 20))
            if kind is Kind.PROPOSAL:
                state = add(
                    session,
                    state,
                    EventType.DECIDED,
                    officer,
                    done,
                    decision="not_adopted",
                    reasons="검토 결과",
                )
            else:
                state = add(
                    session,
                    state,
                    EventType.ANSWERED,
                    officer,
                    done,
                    result="accepted",
                    answer="처리했습니다.",
                )
        elif roll < 0.75:
            state = add(session, state, EventType.WITHDRAWN, office.clerk, at + timedelta(hours=2), reason="취하")
        made.append(state)
    return made
