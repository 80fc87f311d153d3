"""처리 상황 조회 (the receipt number and the last four digits of the phone: receipt numbers are sequential,
so a number alone proves nothing), the public list of proposals, the home page and the pages' own CSS and
script. A number that does not exist and digits that are wrong get the same answer; lookups are limited
per client address and wrong digits per receipt number (store.central.rate_limits)."""

from __future__ import annotations

from functools import partial
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse

from ...domain.errors import DomainError
from ...domain.kinds import Kind
from ...domain.receipts import parse_receipt_number
from ...domain.statuses import Status
from ...domain.web_form import COMPLAINT_KINDS
from ...store.central import rate_limits
from ...store.central.citizen import public_proposals
from ...store.central.online import CitizenView, lookup_for_citizen
from .. import units
from ..deps import FactoryDep, SettingsDep
from ..logs import log
from . import security
from .limits import WebSettings, web_settings
from .pages import DECISION_WORDS, STATUS_WORDS, office_of, render, steps

router = APIRouter(tags=["citizens"], include_in_schema=False)
PROPOSALS_PER_PAGE = 20
NOT_FOUND = (
    "접수번호와 전화번호 끝 네 자리가 함께 맞는 민원을 찾지 못했습니다. 접수증의 접수번호와 신청할 때 적은 "
    "전화번호를 확인해 주세요."
)


async def _office(factory: sessionmaker[Session]) -> Any:
    return await office_of(factory)


@router.get("/minwon", include_in_schema=False)
async def minwon_root() -> RedirectResponse:
    return RedirectResponse("/minwon/", status_code=308)


@router.get("/minwon/", response_class=HTMLResponse)
async def home(request: Request, factory: FactoryDep) -> HTMLResponse:
    return render(request, "minwon_home.html", {}, office=await _office(factory))


def _lookup_page(
    request: Request,
    office: Any,
    *,
    receipt_no: str = "",
    error: str = "",
    field: str = "",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    return render(
        request,
        "minwon_status.html",
        {"receipt_no": receipt_no, "error": error, "field": field},
        office=office,
        status_code=status,
        headers=headers,
    )


def _receipt_or_error(text: str) -> tuple[str, str]:
    """The receipt number as written on receipts, or the reason it is not one."""
    try:
        return str(parse_receipt_number(text.strip().upper())), ""
    except DomainError:
        return "", "접수번호 형식이 아닙니다. 접수증에 적힌 번호를 그대로 적어 주세요 (예: 20261122-W01-0042)."


@router.get("/minwon/status", response_class=HTMLResponse)
async def status_form(request: Request, factory: FactoryDep, no: str = "") -> HTMLResponse:
    office = await _office(factory)
    number, error = _receipt_or_error(no) if no else ("", "")
    return _lookup_page(
        request, office, receipt_no=number or no[:40], error=error, field="receipt_no" if error else ""
    )


async def status_page_for(request: Request, factory: sessionmaker[Session], receipt_no: str) -> HTMLResponse:
    """GET /status/{receipt_no} (the receipt's QR code): the lookup with the number filled in, still asking
    for the four digits. A malformed number: 404 with the form and the reason."""
    office = await _office(factory)
    number, error = _receipt_or_error(receipt_no)
    if error:
        return _lookup_page(request, office, receipt_no="", error=error, field="receipt_no", status=404)
    return _lookup_page(request, office, receipt_no=number)


@router.post("/minwon/status", response_class=HTMLResponse)
async def look_up(request: Request, factory: FactoryDep, settings: SettingsDep) -> HTMLResponse:
    office = await _office(factory)
    try:
        fields = await request.form(max_files=0, max_fields=10, max_part_size=4096)
    except StarletteHTTPException as unreadable:  # a body that is not this form: the page, nothing looked up
        if unreadable.status_code != 400:
            raise  # 413 from the body limit (server.middleware) is answered there
        return _lookup_page(request, office, error="보내신 내용을 읽을 수 없습니다.", status=400)
    typed = fields.get("receipt_no")
    digits_typed = fields.get("last4")
    receipt_text = typed if isinstance(typed, str) else ""
    last4 = (digits_typed if isinstance(digits_typed, str) else "").strip()
    token = fields.get(security.FIELD)
    if not security.csrf_ok(request, token if isinstance(token, str) else ""):
        log("status_lookup_refused", reason="csrf", client=security.client_address(request))
        return _lookup_page(
            request,
            office,
            receipt_no=receipt_text[:40],
            error="보안 확인에 실패했습니다. 이 페이지를 새로 고친 뒤 다시 조회해 주세요.",
            status=403,
        )
    number, error = _receipt_or_error(receipt_text)
    if error:
        return _lookup_page(
            request, office, receipt_no=receipt_text[:40], error=error, field="receipt_no", status=400
        )
    if not (len(last4) == 4 and last4.isdigit()):
        return _lookup_page(
            request,
            office,
            receipt_no=number,
            error="전화번호 끝 네 자리를 숫자로 적어 주세요.",
            field="last4",
            status=400,
        )
    web = web_settings(settings.channels)
    outcome = await run_in_threadpool(
        units.write,
        factory,
        partial(_look_up, receipt_no=number, last4=last4, address=security.client_address(request), web=web),
    )
    if isinstance(outcome, float):
        minutes = max(1, round(outcome / 60))
        log("status_lookup_refused", reason="rate_limited", client=security.client_address(request))
        return _lookup_page(
            request,
            office,
            receipt_no=number,
            error=f"조회가 너무 잦아 잠시 받지 않습니다. 약 {minutes}분 뒤에 다시 조회해 주세요.",
            status=429,
            headers={"Retry-After": str(int(outcome) + 1)},
        )
    if outcome is None:
        return _lookup_page(request, office, receipt_no=number, error=NOT_FOUND, status=404)
    return render(request, "minwon_case.html", _case_context(outcome), office=office)


def _look_up(session: Session, *, receipt_no: str, last4: str, address: str, web: WebSettings) -> Any:
    """The view, None (not found: the same for a number that does not exist and wrong digits), or the
    seconds to wait (the address's lookups or this number's wrong tries ran out). One transaction: the
    buckets' rows are locked until it ends."""
    wait = rate_limits.take(session, f"lookup:{address}", web.lookup)
    if wait > 0:
        return wait
    number_key = f"wrong:{receipt_no}"
    wait = rate_limits.peek(session, number_key, web.wrong_lookup)
    if wait > 0:
        return wait
    view = lookup_for_citizen(session, receipt_no, last4)
    if view is None:
        rate_limits.take(session, number_key, web.wrong_lookup)
    return view


def _case_context(view: CitizenView) -> dict[str, Any]:
    status = Status(view.status)
    finished = status in (Status.ANSWERED, Status.CLOSED, Status.ADOPTED, Status.NOT_ADOPTED)
    return {
        "view": view,
        "proposal": view.kind is Kind.PROPOSAL,
        "kind_label": COMPLAINT_KINDS.get(view.kind, (view.kind.korean, ""))[0],
        "status_words": STATUS_WORDS.get(status, status.korean),
        "steps": steps(view.kind, status),
        "finished": finished,
        "decision": DECISION_WORDS.get(view.status, ""),
    }


@router.get("/minwon/proposals", response_class=HTMLResponse)
async def proposals(request: Request, factory: FactoryDep, page: str = "1") -> HTMLResponse:
    number = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    found, more = await run_in_threadpool(
        units.read,
        factory,
        partial(public_proposals, offset=(number - 1) * PROPOSALS_PER_PAGE, limit=PROPOSALS_PER_PAGE),
    )
    return render(
        request,
        "minwon_proposals.html",
        {
            "proposals": found,
            "page": number,
            "more": more,
            "status_words": {s.value: w for s, w in STATUS_WORDS.items()},
            "decisions": DECISION_WORDS,
        },
        office=await _office(factory),
    )


_STATIC = {
    "minwon.css": "text/css; charset=utf-8",
    "minwon.js": "text/javascript; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
_static_cache: dict[str, bytes] = {}


@router.get("/minwon/static/{name}")
async def static(name: str) -> Response:
    content_type = _STATIC.get(name)
    if content_type is None:
        return security.secure(Response("not found", status_code=404, media_type="text/plain"))
    if name not in _static_cache:
        _static_cache[name] = (
            resources.files("complaints_desk.server.citizen").joinpath("static", name).read_bytes()
        )
    return security.secure(Response(_static_cache[name], media_type=content_type), cache="public, max-age=3600")
