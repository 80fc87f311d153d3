"""POST /calls: a desk sends one call-log record (domain.calls: a warning announced to an abusive caller, or
the call ended after one); idempotent by the record's id, so a desk may send again after a lost answer.
GET /calls: the records of a period, for supervisors.

Every value is checked with the domain's rules (domain.calls.read_call_record on domain.values); the order of
a call's records with domain.calls.check_next (409 when the order is wrong); the agent must be a staff
member the server knows; the time must be within the push window the server accepts for events."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...domain.calls import CallRecord, read_call_record
from ...domain.errors import DomainError, LifecycleError
from ...domain.masking import mask_phone
from ...domain.roles import Role
from ...domain.values import check_moment
from ...store import calls
from ...store.central.accounts import StaffInfo
from ...store.models import Staff
from ...sync.protocol import API_PREFIX
from .. import units
from ..deps import FactoryDep, SettingsDep, require
from ..errors import ApiError
from ..logs import log
from ..presenters import sees_full

router = APIRouter(prefix=API_PREFIX + "/calls", tags=["calls"])

SenderDep = Annotated[StaffInfo, require(Role.AGENT, Role.CLERK, Role.SUPERVISOR)]
SupervisorDep = Annotated[StaffInfo, require(Role.SUPERVISOR)]
MAX_LIST = 2000


def _refused(error: DomainError, staff: StaffInfo, status: int = 400) -> ApiError:
    log("call_record_refused", logging.WARNING, reason=error.code, field=error.field, staff=staff.username)
    return ApiError(status, error.code, error.ko, error.en, error.field)


def _check_time(record: CallRecord, now: datetime, future: timedelta, oldest: timedelta) -> None:
    if record.occurred_at > now + future:
        raise DomainError(
            "occurred_at",
            "통화 기록 시각이 서버 시각보다 미래입니다. 이 단말의 시계를 확인해 주세요.",
            "The record's time is in the future by the server's clock; check this workstation's clock.",
            code="time_in_future",
        )
    if record.occurred_at < now - oldest:
        raise DomainError(
            "occurred_at",
            "통화 기록 시각이 너무 오래되어 받을 수 없습니다.",
            "The record is too old for the server to accept.",
            code="time_too_old",
        )


@router.post("", summary="통화 기록 한 건 (경고 안내, 경고 후 통화 종료); 같은 id는 한 번만 저장")
def post_call_record(
    response: Response,
    staff: SenderDep,
    factory: FactoryDep,
    settings: SettingsDep,
    body: Annotated[dict[str, Any], Body(description="domain.calls.CallRecord의 전송 형식")],
) -> dict[str, Any]:
    now = datetime.now(UTC)
    try:
        record = read_call_record(body)  # read_moment has checked the time zone and the years
        _check_time(record, now, settings.future_skew, settings.max_event_age)
    except DomainError as error:
        raise _refused(error, staff) from None

    def keep(session: Session) -> calls.Kept:
        if session.get(Staff, record.agent_id) is None:
            raise DomainError(
                "agent_id",
                "통화 기록의 상담원이 서버에 등록된 직원이 아닙니다.",
                "The record's agent is not a staff member the server knows.",
                code="unknown_agent",
            )
        return calls.keep_call_record(session, record, now=now, sent_by=staff.id)

    try:
        try:
            kept = units.write(factory, keep, repeatable=True)
        except IntegrityError:  # the same id sent twice at once: the other request kept it; answer as a repeat
            kept = units.write(factory, keep, repeatable=True)
    except LifecycleError as error:
        raise _refused(error, staff, 409) from None
    except DomainError as error:
        raise _refused(error, staff, 409 if error.code == "id_reused" else 400) from None
    response.status_code = 201 if kept.new else 200
    if kept.new:
        log("call_recorded", kind=record.kind.value, call=record.call_id, staff=staff.username)
    return {"id": record.id, "status": "stored" if kept.new else "duplicate"}


@router.get("", summary="기간의 통화 기록 (감독자)")
def list_call_records(
    staff: SupervisorDep,
    factory: FactoryDep,
    since: Annotated[datetime | None, Query(description="이 시각부터 (ISO 8601, 시간대 포함)")] = None,
    until: Annotated[datetime | None, Query(description="이 시각 전까지")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = 500,
) -> dict[str, Any]:
    try:
        start = check_moment("since", since) if since is not None else None
        end = check_moment("until", until) if until is not None else None
    except DomainError as error:
        raise _refused(error, staff) from None
    entries = units.read(factory, lambda s: calls.call_log(s, since=start, until=end, limit=limit))
    full = sees_full(staff)
    records = []
    for entry in entries:
        wire = entry.record.as_wire()
        if not full:
            wire["caller_phone"] = mask_phone(wire["caller_phone"])
        records.append({**wire, "recorded_at": entry.recorded_at.isoformat(), "sent_by": entry.sent_by})
    return {"records": records}
