"""The PBX's generic CTI webhook and what desktops read of it.

POST /webhooks/cti/{token}: `newCall`, `answer`, `hangup` (form-encoded or JSON, in the style of Zammad's
generic CTI API; the token is settings.channels["cti"]["token"]: a wrong one gets 401 and a log line).
GET /api/v1/cti/calls?since=…&wait=…: the signed-in agent's calls (the ones they answered, and every ringing or
missed call) changed after `since`; with `wait` the answer is held until there is one (at most 25 s), so a
desktop hears of an answered call at once. GET /api/v1/cti/log: a period's calls, for supervisors."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from ...domain.cti import read_notice
from ...domain.errors import DomainError
from ...domain.masking import mask_phone
from ...domain.roles import Role
from ...domain.values import check_moment
from ...store.central import cti
from ...store.central.accounts import StaffInfo
from ...sync.protocol import API_PREFIX
from .. import units
from ..deps import FactoryDep, SettingsDep, require
from ..errors import ApiError
from ..logs import log
from ..presenters import sees_full

webhook_router = APIRouter(prefix="/webhooks/cti", tags=["cti"])
router = APIRouter(prefix=API_PREFIX + "/cti", tags=["cti"])

AgentDep = Annotated[StaffInfo, require(Role.AGENT, Role.CLERK, Role.SUPERVISOR)]
SupervisorDep = Annotated[StaffInfo, require(Role.SUPERVISOR)]
WAIT_MAX = 25.0


def _changed(request: Request) -> asyncio.Event:
    """Set on every stored notice: the waiting desktops of this process look again (one per app)."""
    event: asyncio.Event | None = getattr(request.app.state, "cti_changed", None)
    if event is None:
        event = request.app.state.cti_changed = asyncio.Event()
    return event


def _fields(request_body: bytes, content_type: str) -> dict[str, Any]:
    if "json" in content_type:
        try:
            loaded = json.loads(request_body or b"{}")
        except ValueError:
            raise DomainError("body", "JSON 형식이 아닙니다.", "The body is not JSON.", code="malformed") from None
        if not isinstance(loaded, dict):
            raise DomainError("body", "JSON 객체가 아닙니다.", "The body is not a JSON object.", code="malformed")
        return loaded
    try:
        parsed = parse_qs(request_body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        raise DomainError("body", "UTF-8이 아닙니다.", "The body is not UTF-8.", code="malformed") from None
    return {key: values if key.endswith("[]") else values[-1] for key, values in parsed.items()}


@webhook_router.post("/{token}", summary="PBX의 통화 알림 (newCall, answer, hangup)")
async def cti_webhook(token: str, request: Request, factory: FactoryDep, settings: SettingsDep) -> JSONResponse:
    expected = settings.channels.get("cti", {}).get("token", "")
    client = request.client.host if request.client else ""
    if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        log("webhook_refused", logging.WARNING, channel="cti", status=401, reason="bad_token", client=client)
        return JSONResponse(
            {"code": "bad_token", "message_ko": "CTI 토큰이 맞지 않습니다.", "message_en": "Wrong CTI token."}, 401
        )
    try:
        notice = read_notice(_fields(await request.body(), request.headers.get("content-type", "")))
    except DomainError as error:
        log(
            "webhook_refused",
            logging.WARNING,
            channel="cti",
            status=400,
            reason=error.code,
            field=error.field,
            client=client,
        )
        return JSONResponse(
            {"code": error.code, "field": error.field, "message_ko": error.ko, "message_en": error.en}, 400
        )
    view = await run_in_threadpool(units.write, factory, lambda s: cti.record_notice(s, notice))
    changed = _changed(request)
    changed.set()  # wakes every waiter now; the next ones wait for the next notice
    changed.clear()
    log(
        "cti_call",
        cti_event=notice.event.value,
        call=notice.call_id[:60],
        state=view.state.value,
        agent=view.answered_by,
    )
    return JSONResponse({})


@router.get("/calls", summary="이 상담원의 통화 (받은 통화, 수신 중·부재중 통화)")
async def agent_calls(
    request: Request,
    staff: AgentDep,
    factory: FactoryDep,
    since: Annotated[
        datetime | None, Query(description="이 시각 이후에 바뀐 통화 (ISO 8601, 시간대 포함)")
    ] = None,
    wait: Annotated[float, Query(ge=0, le=WAIT_MAX, description="새 통화가 없으면 이만큼 기다림 (초)")] = 0.0,
) -> dict[str, Any]:
    try:
        after = check_moment("since", since) if since is not None else None
    except DomainError as error:
        raise ApiError(400, error.code, error.ko, error.en, error.field) from None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        calls = await run_in_threadpool(units.read, factory, lambda s: cti.calls_for(s, staff.id, since=after))
        left = deadline - loop.time()
        if calls or left <= 0:
            break
        # Woken by a notice stored on this process; another process's notice is seen within a second.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(_changed(request).wait(), timeout=min(1.0, left))
    return {"calls": [call.as_wire() for call in calls]}


@router.get("/log", summary="기간의 통화 기록 (감독자)")
def cti_log(
    staff: SupervisorDep,
    factory: FactoryDep,
    since: Annotated[datetime | None, Query()] = None,
    until: Annotated[datetime | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> dict[str, Any]:
    try:
        start = check_moment("since", since) if since is not None else None
        end = check_moment("until", until) if until is not None else None
    except DomainError as error:
        raise ApiError(400, error.code, error.ko, error.en, error.field) from None
    calls = units.read(factory, lambda s: cti.call_log(s, since=start, until=end, limit=limit))
    full = sees_full(staff)
    wires = []
    for call in calls:
        wire = call.as_wire()
        if not full and wire["caller"] != "anonymous":
            wire["caller"] = mask_phone(str(wire["caller"]))
        wires.append(wire)
    return {"calls": wires}
