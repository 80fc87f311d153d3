"""GET /cases/{id}: one case, masked unless the viewer may see the petitioner in full. A full view by
department staff (`?details=true` by an officer) is recorded as a `details_viewed` event first, through the
same path as a pushed event, so the audit trail syncs to every client."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.events import Event, EventType
from ...domain.ids import new_id
from ...domain.roles import Role
from ...store.central import answers, sequence
from ...sync.protocol import API_PREFIX
from .. import units
from ..deps import FactoryDep, NotifierDep, StaffDep
from ..errors import ApiError, forbidden
from ..presenters import case_dict, may_view_details, sees_full

router = APIRouter(prefix=API_PREFIX + "/cases", tags=["cases"])


def _unknown_case(case_id: str) -> ApiError:
    return ApiError(
        404, "unknown_case", f"존재하지 않는 민원입니다: {case_id}", f"There is no such case: {case_id}", "case_id"
    )


@router.get("/{case_id}", summary="민원 한 건 (개인정보는 권한에 따라 가림)")
def read_case(
    case_id: str,
    staff: StaffDep,
    factory: FactoryDep,
    notifier: NotifierDep,
    details: Annotated[bool, Query(description="민원인 정보 전체 보기 (열람 기록이 남습니다)")] = False,
) -> dict[str, Any]:
    state = units.read(factory, lambda s: answers.current_case(s, case_id))
    if state is None:
        raise _unknown_case(case_id)
    if not details or sees_full(staff):
        return {"case": case_dict(state, full=sees_full(staff)), "details": sees_full(staff)}
    if not may_view_details(staff, state):
        raise forbidden(
            "다른 부서 민원의 민원인 정보는 볼 수 없습니다.",
            "Petitioner details of another department's case are not yours to see.",
        )
    assert staff.role is Role.OFFICER
    now = datetime.now(UTC)
    viewed = Event(
        id=new_id(),
        case_id=case_id,
        type=EventType.DETAILS_VIEWED,
        occurred_at=now,
        actor_id=staff.id,
        actor_role=staff.role,
        actor_department=staff.department_code,
        base_version=state.version,
        payload={"fields": ["petitioner"]},
    )

    def record_view(session: Session) -> tuple[int, CaseState | None]:
        seq = answers.apply_pushed_event(session, viewed, pushed_by=staff.id, now=now)
        sequence.announce(session, seq)
        return seq, answers.current_case(session, case_id)

    seq, state = units.write(factory, record_view)
    notifier.publish(seq)
    assert state is not None
    return {"case": case_dict(state, full=True), "details": True, "viewed_event_seq": seq}
