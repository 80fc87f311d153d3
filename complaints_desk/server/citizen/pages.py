"""Rendering the citizens' pages: Jinja2 templates (server/templates/minwon_*.html) with autoescape on, so
whatever a citizen or an officer typed, HTML or script included, is shown as text. Dates in Seoul time as
people read them (2026. 11. 22.(일) 14:05)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy.orm import Session, sessionmaker
from starlette.responses import HTMLResponse

from ...domain.kinds import Kind
from ...domain.report_data import OfficeInfo
from ...domain.statuses import Status
from ...store.reports.office import office_info
from .. import units
from . import security

SEOUL = ZoneInfo("Asia/Seoul")
_WEEKDAYS = "월화수목금토일"

_environment = Environment(
    loader=PackageLoader("complaints_desk.server", "templates"),
    autoescape=select_autoescape(["html"], default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def day_text(moment: datetime | None) -> str:
    """2026. 11. 22.(일)"""
    if moment is None:
        return ""
    local = moment.astimezone(SEOUL)
    return f"{local.year}. {local.month}. {local.day}.({_WEEKDAYS[local.weekday()]})"


def moment_text(moment: datetime | None) -> str:
    """2026. 11. 22.(일) 14:05"""
    if moment is None:
        return ""
    local = moment.astimezone(SEOUL)
    return f"{day_text(moment)} {local:%H:%M}"


def due_text(moment: datetime) -> str:
    """A deadline: the day, and its hour when it is not the day's end (a 기타민원's three working hours)."""
    local = moment.astimezone(SEOUL)
    return day_text(moment) if (local.hour, local.minute) == (23, 59) else moment_text(moment)


_environment.filters["day"] = day_text
_environment.filters["moment"] = moment_text
_environment.filters["due"] = due_text


@dataclass(frozen=True)
class Step:
    label: str
    state: str  # done | current | todo


_COMPLAINT_STEPS = ("접수", "담당 부서 배정", "처리 중", "답변 완료")
_PROPOSAL_STEPS = ("접수", "담당 부서 배정", "심사 중", "심사 결과")
_STEP_OF = {
    Status.RECEIVED: 0,
    Status.RETURNED: 0,
    Status.ROUTED: 1,
    Status.IN_PROGRESS: 2,
    Status.UNDER_REVIEW: 2,
    Status.ANSWERED: 3,
    Status.ADOPTED: 3,
    Status.NOT_ADOPTED: 3,
    Status.CLOSED: 3,
}
STATUS_WORDS = {
    Status.RECEIVED: "접수되어 담당 부서를 정하고 있습니다",
    Status.RETURNED: "담당 부서를 다시 정하고 있습니다",
    Status.ROUTED: "담당 부서로 넘겨졌습니다",
    Status.IN_PROGRESS: "담당 부서에서 처리하고 있습니다",
    Status.UNDER_REVIEW: "담당 부서에서 심사하고 있습니다",
    Status.ANSWERED: "답변을 드렸습니다",
    Status.ADOPTED: "채택되었습니다",
    Status.NOT_ADOPTED: "채택되지 않았습니다",
    Status.CLOSED: "처리가 끝났습니다",
    Status.WITHDRAWN: "신청인의 요청으로 취하되었습니다",
    Status.MERGED: "같은 내용의 다른 민원과 함께 처리합니다",
    Status.TRANSFERRED_OUT: "처리할 권한이 있는 다른 기관으로 보냈습니다",
}
DECISION_WORDS = {"adopted": "채택", "not_adopted": "불채택"}


def steps(kind: Kind, status: Status) -> list[Step]:
    """The progress bar: empty for a case that left the usual path (withdrawn, merged, sent elsewhere)."""
    at = _STEP_OF.get(status)
    if at is None:
        return []
    labels = _PROPOSAL_STEPS if kind is Kind.PROPOSAL else _COMPLAINT_STEPS
    return [
        Step(label, "done" if i < at or at == 3 else "current" if i == at else "todo")
        for i, label in enumerate(labels)
    ]


OFFICE_SECONDS = 10.0  # an administrator's change of the office's name shows on the pages within this
_office_cache: dict[int, tuple[float, OfficeInfo]] = {}


async def office_of(factory: sessionmaker[Session]) -> OfficeInfo:
    """The office every page names (header, footer, the number to call), read at most every
    OFFICE_SECONDS per process: every page shows it, and it changes once in a long while."""
    cached = _office_cache.get(id(factory))
    if cached is not None and time.monotonic() - cached[0] < OFFICE_SECONDS:
        return cached[1]
    office = await run_in_threadpool(units.read, factory, office_info)
    _office_cache[id(factory)] = (time.monotonic(), office)
    return office


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any],
    *,
    office: OfficeInfo,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """The page, with a CSRF token for its forms (the cookie set when the browser has none) and the
    security headers."""
    token = security.csrf_token(request)
    html = _environment.get_template(template).render(
        **context,
        office=office,
        csrf_field=security.FIELD,
        csrf_token=token,
        path=request.url.path,
    )
    response = HTMLResponse(html, status_code=status_code, headers=dict(headers or {}))
    security.remember(response, request, token)
    return security.secure(response)
