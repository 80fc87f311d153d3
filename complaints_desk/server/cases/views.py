"""GET /cases/{id}: one case, masked unless the viewer may see the petitioner in full. A full view by
department staff (`?details=true` by an officer) is recorded as a `details_viewed` event first, through the
same path as a pushed event, so the audit trail syncs to every client."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.errors import DomainError
from ...domain.events import Event, EventType
from ...domain.ids import new_id
from ...domain.roles import Role
from ...store.attachments import attachment_of_case, read_attachment_bytes
from ...store.central import answers, sequence
from ...store.central.accounts import StaffInfo
from ...sync.protocol import API_PREFIX
from .. import units
from ..citizen.limits import web_settings
from ..deps import FactoryDep, NotifierDep, SettingsDep, StaffDep
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
    record = _view_recorder(staff, state, {"fields": ["petitioner"]})

    def record_view(session: Session) -> tuple[int, CaseState | None]:
        return record(session), answers.current_case(session, case_id)

    seq, state = units.write(factory, record_view)
    notifier.publish(seq)
    assert state is not None
    return {"case": case_dict(state, full=True), "details": True, "viewed_event_seq": seq}


@router.get(
    "/{case_id}/attachments/{attachment_id}",
    summary="첨부파일 내려받기 (민원인이 인터넷으로 올린 사진·PDF)",
    response_class=Response,
)
async def read_attachment(
    case_id: str,
    attachment_id: str,
    staff: StaffDep,
    factory: FactoryDep,
    settings: SettingsDep,
    notifier: NotifierDep,
) -> Response:
    """The bytes, with the content type they were checked to be (server/citizen/files.py). Like the
    petitioner's details: an officer only for their own department's cases, and an officer's look is
    recorded as a `details_viewed` event (fields ["attachment"], the attachment's id) first."""
    folder = web_settings(settings.channels).attachments_dir

    def load(session: Session) -> tuple[CaseState | None, Any, bytes | None]:
        state = answers.current_case(session, case_id)
        if state is None or not may_view_details(staff, state):
            return state, None, None
        row = attachment_of_case(session, case_id, attachment_id)
        if row is None:
            return state, None, None
        return state, (row.filename, row.content_type, row.sha256), read_attachment_bytes(session, folder, row)

    try:
        state, meta, data = await run_in_threadpool(units.read, factory, load)
    except DomainError as error:  # damaged or missing bytes: never served
        raise ApiError(
            409 if error.code == "damaged" else 404, error.code, error.ko, error.en, "attachment_id"
        ) from error
    if state is None:
        raise _unknown_case(case_id)
    if not may_view_details(staff, state):
        raise forbidden(
            "다른 부서 민원의 첨부파일은 볼 수 없습니다.",
            "Attachments of another department's case are not yours to see.",
        )
    if meta is None or data is None:
        raise ApiError(
            404,
            "unknown_attachment",
            "이 민원에 그런 첨부파일이 없습니다.",
            "The case has no such attachment.",
            "attachment_id",
        )
    filename, content_type, sha256 = meta
    if not sees_full(staff):  # an officer's look at a citizen's file is recorded, like a full view of details
        record = _view_recorder(staff, state, {"fields": ["attachment"], "attachment_id": attachment_id})
        notifier.publish(await run_in_threadpool(units.write, factory, record))
    return Response(
        data,
        media_type=content_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, no-store",
            "ETag": f'"{sha256}"',
        },
    )


def _view_recorder(staff: StaffInfo, state: CaseState, payload: dict[str, Any]) -> Callable[[Session], int]:
    """The unit that records an officer's look at a case's personal data (its details, a citizen's file) as
    a `details_viewed` event, numbered and announced; returns its sequence number."""
    assert staff.role is Role.OFFICER
    now = datetime.now(UTC)
    viewed = Event(
        id=new_id(),
        case_id=state.id,
        type=EventType.DETAILS_VIEWED,
        occurred_at=now,
        actor_id=staff.id,
        actor_role=staff.role,
        actor_department=staff.department_code,
        base_version=state.version,
        payload=payload,
    )

    def record(session: Session) -> int:
        seq = answers.apply_pushed_event(session, viewed, pushed_by=staff.id, now=now)
        sequence.announce(session, seq)
        return seq

    return record
