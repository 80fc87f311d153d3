"""Queries that feed the notices to the petitioner: the result, an extension, the 30-day progress notice and a
proposal's decision."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.errors import DomainError
from ...domain.events import Event, EventType
from ...domain.extensions import ExtensionReason
from ...domain.lifecycle import apply_trusted
from ...domain.report_data import (
    ExtensionNoticeFacts,
    NoticeCase,
    OfficeInfo,
    Officer,
    ProgressNoticeFacts,
    ProposalDecisionFacts,
    ResultNoticeFacts,
)
from ..cases import case_events, load_case
from ..models import Category
from .office import find_department, find_staff, office_info
from .summary import SEOUL

PROGRESS_INTERVAL_DAYS = 30
INFORMATION_DISCLOSURE = "information-disclosure"  # the category code of a 정보공개청구


def _case_and_events(session: Session, case_id: str) -> tuple[NoticeCase, list[Event], str | None, str | None]:
    state = load_case(session, case_id)
    if state is None:
        raise DomainError("case_id", "존재하지 않는 민원입니다.", "There is no such case.", code="unknown_case")
    notice_case = NoticeCase(
        receipt_no=state.receipt_no,
        kind=state.kind,
        title=state.title,
        petitioner_name=state.petitioner_name,
        petitioner_address=state.petitioner_address,
        received_at=state.received_at,
        due_at=state.due_at,
        status=state.status,
        information_disclosure=_is_information_disclosure(session, state.category_code),
    )
    return notice_case, case_events(session, case_id), state.department_code, state.assignee_id


def _is_information_disclosure(session: Session, category_code: str | None) -> bool:
    """A request for the disclosure of information (정보공개청구), known by its category: the code the
    demo and the stock categories use, or a name that says so (an office's own table of categories)."""
    if not category_code:
        return False
    if category_code == INFORMATION_DISCLOSURE:
        return True
    name = session.execute(select(Category.name).where(Category.code == category_code)).scalar()
    return bool(name and "정보공개" in name)


def _officer(session: Session, staff_id: str | None, department_code: str | None) -> Officer:
    """The officer a petitioner can call: the named staff member, with the department's phone when the
    officer has none of their own."""
    staff = find_staff(session, staff_id)
    department = find_department(session, (staff.department_code if staff else None) or department_code)
    phone = (staff.phone if staff else "") or (department.phone if department else "")
    return Officer(
        department_name=department.name if department else "",
        name=staff.name if staff else "",
        phone=phone,
    )


def _last(events: list[Event], kind: EventType, case_id: str) -> Event:
    for event in reversed(events):
        if event.type is kind:
            return event
    raise DomainError(
        "case_id",
        f"이 민원에는 '{kind.korean}' 기록이 없어 통지서를 만들 수 없습니다.",
        f"Case {case_id} has no '{kind.value}' event to notify.",
        code="nothing_to_notify",
    )


def _person_officer(session: Session, event: Event, department: str | None, assignee: str | None) -> Officer:
    actor = event.actor_id if event.actor_role.value in ("officer", "supervisor") else assignee
    return _officer(session, actor, event.actor_department or department)


def result_notice(session: Session, case_id: str) -> ResultNoticeFacts:
    case, events, department, assignee = _case_and_events(session, case_id)
    event = _last(events, EventType.ANSWERED, case_id)
    p = event.payload
    return ResultNoticeFacts(
        case=case,
        officer=_person_officer(session, event, department, assignee),
        answered_at=event.occurred_at,
        result=str(p.get("result", "")),
        answer=str(p.get("answer", "")),
        reasons=str(p.get("reasons", "") or ""),
        remedies=str(p.get("remedies", "") or ""),
    )


def extension_notice(session: Session, case_id: str) -> ExtensionNoticeFacts:
    """The notice of the latest extension; the deadline before it is found by replaying the history."""
    case, events, department, assignee = _case_and_events(session, case_id)
    event = _last(events, EventType.EXTENDED, case_id)
    before = None
    for earlier in events:
        if earlier.id == event.id:
            break
        before = apply_trusted(before, earlier)  # stored events: an officer's copy is masked
    assert before is not None  # an extension always follows the intake
    p = event.payload
    new_due = datetime.fromisoformat(str(p["new_due_at"])).astimezone(UTC)
    return ExtensionNoticeFacts(
        case=case,
        officer=_person_officer(session, event, department, assignee),
        extended_at=event.occurred_at,
        reason=ExtensionReason(str(p["reason_code"])),
        reason_text=str(p.get("reason_text", "") or ""),
        previous_due_at=before.due_at,
        new_due_at=new_due,
        number=before.extension_count + 1,
        consent=bool(p.get("consent", False)),
    )


def progress_notice(
    session: Session, case_id: str, *, as_of: datetime | None = None, office: OfficeInfo | None = None
) -> ProgressNoticeFacts:
    """The 30-day progress notice (영 §23) for a case still open at ``as_of``."""
    as_of = (as_of or datetime.now(UTC)).astimezone(UTC)
    case, _events, department, assignee = _case_and_events(session, case_id)
    if not case.status.is_open:
        raise DomainError(
            "status",
            f"'{case.status.korean}' 상태의 민원에는 진행상황 통지를 보내지 않습니다.",
            "Progress notices are for open cases only.",
            code="not_open",
        )
    days_open = (as_of.astimezone(SEOUL).date() - case.received_at.astimezone(SEOUL).date()).days
    office = office or office_info(session)
    return ProgressNoticeFacts(
        case=case,
        officer=_officer(session, assignee, department),
        as_of=as_of,
        days_open=days_open,
        notice_number=max(1, days_open // PROGRESS_INTERVAL_DAYS),
        status_url=office.typeable_status_url(case.receipt_no),
    )


def proposal_decision_notice(session: Session, case_id: str) -> ProposalDecisionFacts:
    from ...domain.deadlines import rereview_window_end
    from ..intake import calendar_for

    case, events, department, assignee = _case_and_events(session, case_id)
    event = _last(events, EventType.DECIDED, case_id)
    p = event.payload
    adopted = p.get("decision") == "adopted"
    planned = p.get("implementation_date")
    return ProposalDecisionFacts(
        case=case,
        officer=_person_officer(session, event, department, assignee),
        decided_at=event.occurred_at,
        adopted=adopted,
        reasons=str(p.get("reasons", "") or ""),
        implementation_date=date.fromisoformat(str(planned)) if adopted and planned else None,
        rereview_until=None if adopted else rereview_window_end(event.occurred_at, calendar_for(session)),
    )
