"""The query that feeds a receipt (접수증): the facts of one case as the receipt prints them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from ...domain.case import CaseState
from ...domain.errors import DomainError
from ...domain.events import Event, EventType
from ...domain.ids import new_id
from ...domain.report_data import ReceiptChange, ReceiptFacts
from ...domain.roles import Actor, Role
from ...domain.statuses import Status
from ..cases import record_event
from ..models import CaseRow, Department, EventRow, Staff
from ..projection import row_to_state

# The events after which a reprint no longer tells the day of receipt alone.
_CHANGES = (
    EventType.EXTENDED.value,
    EventType.CLOCK_STOPPED.value,
    EventType.CLOCK_RESUMED.value,
    EventType.TRANSFERRED.value,
    EventType.WITHDRAWN.value,
)
_FIRST_DUE = (EventType.RECEIVED.value, EventType.DEADLINE_SET.value)


def _unknown_receipt(receipt_no: str) -> DomainError:
    return DomainError(
        "receipt_no",
        f"접수번호 {receipt_no}인 민원이 없습니다.",
        f"There is no case with receipt number {receipt_no}.",
        code="unknown_receipt",
    )


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
    original_due, changes = _changes(session, state.id) if _may_have_changed(state) else (None, ())
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
        original_due_at=original_due,
        changes=changes,
    )


def _may_have_changed(state: CaseState) -> bool:
    # A resumed clock leaves no trace in the case's row but a moved due date, so any case with events past
    # its receipt has them read: a few rows by the case's index.
    return state.version > 1 or state.status in (Status.WITHDRAWN, Status.TRANSFERRED_OUT)


def _changes(session: Session, case_id: str) -> tuple[datetime | None, tuple[ReceiptChange, ...]]:
    """The due date as first set (the receipt's, or the server's own legal deadline that replaced the
    workstation's forecast before anything changed) and what changed since, oldest first."""
    rows = session.execute(
        select(EventRow.type, EventRow.occurred_at, EventRow.payload)
        .where(EventRow.case_id == case_id, EventRow.type.in_((*_CHANGES, *_FIRST_DUE)))
        .order_by(EventRow.case_version)
    ).all()
    first_due: datetime | None = None
    changes: list[ReceiptChange] = []
    for kind, at, payload in rows:
        payload = payload or {}
        if kind in _FIRST_DUE:
            if not changes and payload.get("due_at"):
                first_due = _moment(payload["due_at"])
            continue
        if kind == EventType.EXTENDED.value:
            changes.append(ReceiptChange("extended", at, due_at=_moment(payload.get("new_due_at"))))
        elif kind == EventType.CLOCK_STOPPED.value:
            changes.append(ReceiptChange("stopped", at, detail=str(payload.get("reason", ""))))
        elif kind == EventType.CLOCK_RESUMED.value:
            changes.append(ReceiptChange("resumed", at, due_at=_moment(payload.get("new_due_at"))))
        elif kind == EventType.TRANSFERRED.value and payload.get("target") == "agency":
            changes.append(ReceiptChange("transferred_out", at, detail=str(payload.get("agency", ""))))
        elif kind == EventType.WITHDRAWN.value:
            changes.append(ReceiptChange("withdrawn", at))
    return (first_due if changes else None), tuple(changes)


def _moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str) and value:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def receipt_printer(session: Session, receipt_no: str, username: str | None) -> Actor:
    """Who hands a receipt out from the command line: the staff member named, else the clerk who took the
    case in; DomainError when neither is an active staff member."""
    if username:
        row = session.execute(select(Staff).where(Staff.username == username)).scalar_one_or_none()
    else:
        received_by = session.execute(
            select(CaseRow.received_by).where(CaseRow.receipt_no == receipt_no.strip())
        ).scalar()
        row = session.get(Staff, received_by) if received_by else None
    if row is None or not row.active:
        raise DomainError(
            "by",
            f"발급한 직원을 --by 로 알려 주세요 (없는 직원: '{username or '-'}').",
            f"Say who hands the receipt out with --by (no such active staff: '{username or '-'}').",
            code="unknown_staff",
        )
    return Actor(row.id, Role(row.role), row.department_code, row.name)


def record_receipt_printed(
    session: Session, receipt_no: str, actor: Actor, how: str, *, seq: int | None = None
) -> CaseState:
    """A receipt left the office through a path that is not the desk's screen (the command line): recorded
    as an event, so the next print says 재발급 and the case's history shows every copy handed out. On a
    server's store the event takes the server's sequence number (``seq``, given by the caller)."""
    case_id = session.execute(select(CaseRow.id).where(CaseRow.receipt_no == receipt_no.strip())).scalar()
    if case_id is None:
        raise _unknown_receipt(receipt_no)
    state = row_to_state(session.get_one(CaseRow, case_id))
    event = Event(
        id=new_id(),
        case_id=case_id,
        type=EventType.RECEIPT_PRINTED,
        occurred_at=datetime.now(UTC),
        actor_id=actor.id,
        actor_role=actor.role,
        actor_department=actor.department_code,
        base_version=state.version,
        payload={"how": how},
    )
    return record_event(session, event, seq=seq)


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


# --- case-list export ------------------------------------------------------------------------------------
