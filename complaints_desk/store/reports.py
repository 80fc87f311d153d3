"""Queries that feed the printed documents: a receipt, the notices to the petitioner, and the case-list export.
The supervisor's summary (store.summary_report) is re-exported here. Each returns the plain dataclasses of
store.report_data; layouts live in complaints_desk.documents."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import String, and_, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from ..domain.case import CaseState
from ..domain.errors import DomainError
from ..domain.events import Event, EventType
from ..domain.extensions import ExtensionReason
from ..domain.lifecycle import apply
from ..domain.report_data import (
    DEFAULT_OFFICE_NAME,
    DEFAULT_STATUS_URL_BASE,
    CaseExportRow,
    ExtensionNoticeFacts,
    NoticeCase,
    OfficeInfo,
    Officer,
    ProgressNoticeFacts,
    ProposalDecisionFacts,
    ReceiptFacts,
    ResultNoticeFacts,
)
from ..domain.statuses import Status
from .cases import case_events, load_case
from .models import CaseRow, Category, Department, EventRow, Meta, Staff
from .projection import row_to_state
from .summary_report import SEOUL, period_bounds, summary_figures

__all__ = [
    "ExportFilter",
    "ReceiptContext",
    "count_export_rows",
    "extension_notice",
    "iter_export_rows",
    "office_info",
    "period_bounds",
    "progress_notice",
    "proposal_decision_notice",
    "receipt_context",
    "receipt_facts",
    "receipt_facts_from_state",
    "result_notice",
    "summary_figures",
]

PROGRESS_INTERVAL_DAYS = 30


def office_info(session: Session, **overrides: str) -> OfficeInfo:
    """The issuing office from the meta table (office_name, office_phone, status_url_base); keyword
    arguments that are not empty win (a command-line option, a setting in the GUI)."""
    rows = session.execute(
        select(Meta.key, Meta.value).where(Meta.key.in_(("office_name", "office_phone", "status_url_base")))
    ).all()
    values = {key: value for key, value in rows if value}
    values.update({key: value for key, value in overrides.items() if value})
    return OfficeInfo(
        name=values.get("office_name", DEFAULT_OFFICE_NAME),
        phone=values.get("office_phone", ""),
        status_url_base=values.get("status_url_base", DEFAULT_STATUS_URL_BASE),
    )


def _unknown_receipt(receipt_no: str) -> DomainError:
    return DomainError(
        "receipt_no",
        f"접수번호 {receipt_no}인 민원이 없습니다.",
        f"There is no case with receipt number {receipt_no}.",
        code="unknown_receipt",
    )


def _department(session: Session, code: str | None) -> Department | None:
    if not code:
        return None
    return session.execute(select(Department).where(Department.code == code)).scalar_one_or_none()


def _staff(session: Session, staff_id: str | None) -> Staff | None:
    return session.get(Staff, staff_id) if staff_id else None


# --- receipts --------------------------------------------------------------------------------------------


def receipt_facts(session: Session, receipt_no: str, *, pending_sync: bool | None = None) -> ReceiptFacts:
    """What a receipt prints, in one query (a receipt is printed while the citizen waits at the counter).
    ``pending_sync`` defaults to whether the server has yet to confirm the intake (its first event has no
    server sequence number); the GUI may pass what it knows about the connection."""
    received = aliased(EventRow)
    row = session.execute(
        select(CaseRow, Department.name, Department.phone, Staff.name, received.seq)
        .outerjoin(Department, Department.code == CaseRow.department_code)
        .outerjoin(Staff, Staff.id == CaseRow.received_by)
        .outerjoin(received, and_(received.case_id == CaseRow.id, received.type == EventType.RECEIVED.value))
        .where(CaseRow.receipt_no == receipt_no.strip())
    ).first()
    if row is None:
        raise _unknown_receipt(receipt_no)
    case_row, department_name, department_phone, clerk_name, seq = row
    state = row_to_state(case_row)
    void_reason = ""
    if state.receipt_voided:
        payload = session.execute(
            select(EventRow.payload)
            .where(EventRow.case_id == state.id, EventRow.type == EventType.RECEIPT_VOIDED.value)
            .order_by(EventRow.case_version.desc())
            .limit(1)
        ).scalar_one_or_none()
        void_reason = str((payload or {}).get("reason", ""))
    return ReceiptFacts(
        receipt_no=state.receipt_no,
        kind=state.kind,
        channel=state.channel,
        title=state.title,
        petitioner_name=state.petitioner_name,
        petitioner_phone=state.petitioner_phone,
        received_at=state.received_at,
        due_at=state.due_at,
        period_unit=state.period_unit,
        period_amount=state.period_amount,
        department_name=department_name,
        department_phone=department_phone,
        clerk_name=clerk_name,
        pending_sync=(seq is None) if pending_sync is None else pending_sync,
        voided=state.receipt_voided,
        void_reason=void_reason,
        times_printed=state.receipts_printed,
        is_group=state.is_group,
        signers=state.signers,
    )


@dataclass(frozen=True)
class ReceiptContext:
    """What a receipt prints besides the case itself: department names and phones, staff names. Read once
    (``receipt_context``) and kept by the intake screen, so the receipt for an intake just saved needs no
    query at all; read it again when reference data changes (a pull that brings departments or staff)."""

    departments: Mapping[str, tuple[str, str]]  # code -> (name, phone)
    staff_names: Mapping[str, str]  # staff id -> name


def receipt_context(session: Session) -> ReceiptContext:
    return ReceiptContext(
        departments={
            code: (name, phone)
            for code, name, phone in session.execute(select(Department.code, Department.name, Department.phone))
        },
        staff_names={staff_id: name for staff_id, name in session.execute(select(Staff.id, Staff.name))},
    )


def receipt_facts_from_state(
    state: CaseState, context: ReceiptContext, *, pending_sync: bool = True
) -> ReceiptFacts:
    """The receipt of a case from the state ``take_intake`` just returned, without reading it back: the
    same facts as :func:`receipt_facts`. ``pending_sync`` is True for an intake the server has not
    confirmed yet (every intake right after it is saved locally); the GUI may pass what it knows."""
    department = context.departments.get(state.department_code or "")
    return ReceiptFacts(
        receipt_no=state.receipt_no,
        kind=state.kind,
        channel=state.channel,
        title=state.title,
        petitioner_name=state.petitioner_name,
        petitioner_phone=state.petitioner_phone,
        received_at=state.received_at,
        due_at=state.due_at,
        period_unit=state.period_unit,
        period_amount=state.period_amount,
        department_name=department[0] if department else None,
        department_phone=department[1] if department else None,
        clerk_name=context.staff_names.get(state.received_by or ""),
        pending_sync=pending_sync,
        voided=state.receipt_voided,
        void_reason="",  # a receipt voided later is printed through receipt_facts, which reads the reason
        times_printed=state.receipts_printed,
        is_group=state.is_group,
        signers=state.signers,
    )


# --- notices to the petitioner ---------------------------------------------------------------------------


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
    )
    return notice_case, case_events(session, case_id), state.department_code, state.assignee_id


def _officer(session: Session, staff_id: str | None, department_code: str | None) -> Officer:
    """The officer a petitioner can call: the named staff member, with the department's phone when the
    officer has none of their own."""
    staff = _staff(session, staff_id)
    department = _department(session, (staff.department_code if staff else None) or department_code)
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
        before = apply(before, earlier)
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
        status_url=office.status_url(case.receipt_no),
    )


def proposal_decision_notice(session: Session, case_id: str) -> ProposalDecisionFacts:
    from ..domain.deadlines import rereview_window_end
    from .intake import calendar_for

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


# --- case-list export ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportFilter:
    first_day: date
    last_day: date
    department_code: str | None = None


_EXPORT_COLUMNS = (
    CaseRow.receipt_no,
    CaseRow.received_at,
    CaseRow.kind,
    CaseRow.channel,
    CaseRow.status,
    CaseRow.title,
    CaseRow.petitioner_name,
    CaseRow.petitioner_phone,
    CaseRow.petitioner_address,
    CaseRow.petitioner_email,
    CaseRow.department_code,
    CaseRow.category_code,
    CaseRow.due_at,
    CaseRow.answered_at,
    CaseRow.extension_count,
)


def _export_where(filters: ExportFilter) -> list[Any]:
    start, end = period_bounds(filters.first_day, filters.last_day)
    where = [CaseRow.received_at >= start, CaseRow.received_at < end]
    if filters.department_code:
        where.append(CaseRow.department_code == filters.department_code)
    return where


def count_export_rows(session: Session, filters: ExportFilter) -> int:
    """How many rows the export will hold (for its progress bar); DomainError for an unknown department."""
    if filters.department_code and _department(session, filters.department_code) is None:
        raise DomainError(
            "department",
            f"부서 코드 '{filters.department_code}'가 없습니다.",
            f"There is no department with code '{filters.department_code}'.",
            code="unknown_department",
        )
    return int(
        session.execute(select(func.count()).select_from(CaseRow).where(*_export_where(filters))).scalar_one()
    )


def _names(session: Session, model: type[Department] | type[Category]) -> Mapping[str, str]:
    return {code: name for code, name in session.execute(select(model.code, model.name))}


_EXPORT_TIMES = ("received_at", "due_at", "answered_at")


def iter_export_rows(session: Session, filters: ExportFilter, *, batch: int = 5000) -> Iterator[CaseExportRow]:
    """The cases received in the period, oldest first, streamed in batches so a 100,000-row export never holds
    every row in memory at once. One Core query on the session's connection (no ORM entities, no identity
    map): at 100,000 rows the per-row ORM bookkeeping used to cost more than reading the database."""
    from ..domain.channels import Channel
    from ..domain.kinds import Kind

    departments = _names(session, Department)
    categories = _names(session, Category)
    kinds = {k.value: k for k in Kind}
    channels = {c.value: c for c in Channel}
    statuses = {s.value: s for s in Status}
    connection = session.connection()
    columns: list[Any] = list(_EXPORT_COLUMNS)
    if connection.dialect.name == "sqlite":
        # SQLite keeps these as 'YYYY-MM-DD HH:MM:SS.ffffff' text in UTC: reading the text and parsing it here
        # is a third of the cost of the generic date processing plus the UTC column type, per value.
        columns = [type_coerce(c, String).label(c.key) if c.key in _EXPORT_TIMES else c for c in columns]
    result = connection.execute(
        select(*columns).where(*_export_where(filters)).order_by(CaseRow.received_at, CaseRow.receipt_no),
        execution_options={"yield_per": batch},
    )
    department_name, category_name = departments.get, categories.get
    deadlines: dict[object, datetime] = {}  # most cases share a few deadline moments

    def utc(value: datetime | str) -> datetime:
        if isinstance(value, str):
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        return value.astimezone(UTC)

    for chunk in result.partitions():
        for (
            receipt_no,
            received_at,
            kind,
            channel,
            status,
            title,
            name,
            phone,
            address,
            email,
            department_code,
            category_code,
            due_at,
            answered_at,
            extension_count,
        ) in chunk:
            due = deadlines.get(due_at)
            if due is None:
                due = deadlines[due_at] = utc(due_at)
            yield CaseExportRow(
                receipt_no,
                utc(received_at),
                kinds[kind],
                channels[channel],
                statuses[status],
                title,
                name,
                phone,
                address,
                email,
                department_name(department_code or "", department_code or ""),
                category_name(category_code or "", category_code or ""),
                due,
                None if answered_at is None else utc(answered_at),
                extension_count,
            )
