"""/open311/v2/: the Open311 GeoReport v2 endpoint (http://wiki.open311.org/GeoReport_v2), in JSON and XML
by the resource's extension (.json, .xml). discovery, services, services/{service_code}, POST requests (an
API key the administrator issued), GET requests, requests/{service_request_id}, tokens/{token}.

Every refusal is the specified error answer in the format asked for (XML when the format itself is the
fault): 404 for a resource that does not exist (an unknown service, request, token or format), 403 for a
missing, unknown or revoked api_key, 400 for anything else the request gets wrong. Settings (the
`open311` table of --channels): jurisdiction_id, contact, key_service, base_url, endpoint_type
(production | test), service_type (realtime | batch: POST answers a token, tokens/{token} the id)."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ...domain.channels import Channel
from ...domain.errors import DomainError
from ...domain.open311 import (
    FORMATS,
    SPECIFICATION,
    filed_notice,
    service_definition,
    service_record,
    statuses_for,
)
from ...domain.open311_input import Params, case_body, case_place, read_list_query, read_submission
from ...domain.open311_view import PublicCase, public_record
from ...domain.values import check_chars, text_problem
from ...store.central import admin as central_admin
from ...store.central import online
from ...store.central import open311 as store
from ...store.central.online import Contact, OnlineFiling
from ...store.reference import department_names
from .. import units
from ..config import ServerSettings
from ..errors import RETRY_AFTER_SECONDS, DatabaseUnavailable
from ..logs import log
from .render import error_response, respond

PREFIX = "/open311/v2"
router = APIRouter(prefix=PREFIX, tags=["open311"])
MAX_FIELDS = 300  # form fields in one POST
_REPLY_CHANNELS = {
    "open311": Channel.OPEN311.value,
    "sms": "sms",
    "mail": "email",
}  # the attribute value "mail" is e-mail
# The case's fields the lifecycle may refuse, by the Open311 argument they came from.
_ARGUMENTS = {
    "title": "description (attribute[title])",
    "body": "description",
    "name": "last_name, first_name",
    "place": "address_string",
    "address": "address_string",
}


class Refusal(Exception):
    def __init__(self, status: int, ko: str, en: str) -> None:
        super().__init__(en)
        self.status, self.ko, self.en = status, ko, en


def _settings(request: Request) -> Mapping[str, str]:
    settings: ServerSettings = request.app.state.settings
    return settings.channels.get("open311", {})


def _params(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    return params


def _one(params: Params, name: str) -> str:
    values = params.get(name) or ()
    return values[0].strip() if values else ""


def _check_jurisdiction(request: Request, params: Params) -> None:
    ours = _settings(request).get("jurisdiction_id", "").strip()
    asked = _one(params, "jurisdiction_id")
    if ours and asked and asked != ours:
        raise Refusal(
            404,
            f"jurisdiction_id를 찾을 수 없습니다: {asked[:60]} (이 서버는 {ours})",
            f"jurisdiction_id not found: {asked[:60]} (this endpoint serves {ours})",
        )


async def _answer(
    request: Request,
    fmt: str,
    work: Callable[[str, Params], Awaitable[Response]],
    load: Callable[[], Awaitable[Params]] | None = None,
) -> Response:
    """Run `work(format, params)` on the query's arguments (or those `load` reads); every refusal becomes
    the specified error answer, with a log line."""
    chosen = fmt.lower() if fmt.lower() in FORMATS else None
    status, description, headers = 0, "", None
    try:
        if chosen is None:
            raise Refusal(
                404,
                f"지원하지 않는 형식입니다: .{fmt[:10]} (.json 또는 .xml)",
                f"Unsupported format .{fmt[:10]}: use .json or .xml",
            )
        for name, value in request.path_params.items():
            if text_problem(str(value)):  # a NUL or a broken character names nothing (and PostgreSQL refuses it)
                raise Refusal(404, f"없는 자원입니다 ({name}).", f"No such resource ({name}).")
        params = await load() if load is not None else _params(request.query_params.multi_items())
        _check_jurisdiction(request, params)
        return await work(chosen, params)
    except Refusal as refusal:
        status, description = refusal.status, f"{refusal.ko} / {refusal.en}"
    except DomainError as error:
        argument = _ARGUMENTS.get(error.field, error.field)
        status, description = 400, f"{argument}: {error.ko} / {error.en}"
    except DatabaseUnavailable:
        status, headers = 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}
        description = "데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요. / The database cannot be reached; retry shortly."
    log(
        "request_rejected",
        logging.WARNING,
        method=request.method,
        path=request.url.path[:200],
        status=status,
        code="open311",
        reason=description[:300],
    )
    return error_response(chosen or "xml", status, description, headers)


def _read(request: Request, work: Callable[[Session], Any]) -> Awaitable[Any]:
    return run_in_threadpool(units.read, request.app.state.factory, work)


# --- discovery and services ------------------------------------------------------------------------------


@router.get("/discovery.{fmt}", summary="Open311 서비스 검색 (Service Discovery)")
async def discovery(request: Request, fmt: str) -> Response:
    async def work(chosen: str, _params: Params) -> Response:
        def read(session: Session) -> tuple[int, dict[str, Any]]:
            return store.services_changeset(session), central_admin.get_office(session)

        changeset, office = await _read(request, read)
        settings = _settings(request)
        contact = settings.get("contact") or " ".join(
            part for part in (str(office.get("name") or ""), str(office.get("phone") or "")) if part
        )
        url = settings.get("base_url") or str(request.base_url).rstrip("/") + PREFIX
        stamp = f"{changeset:012d}"
        value = {
            "changeset": stamp,
            "contact": contact or "민원데스크 Open311",
            "key_service": settings.get("key_service")
            or "API 키는 기관의 시스템 관리자가 발급합니다 (complaints-desk admin open311-key add NAME). "
            "/ API keys are issued by the office's administrator.",
            "endpoints": [
                {
                    "specification": SPECIFICATION,
                    "url": url,
                    "changeset": stamp,
                    "type": settings.get("endpoint_type") or "production",
                    "formats": [FORMATS["xml"], FORMATS["json"]],
                }
            ],
        }
        return respond(chosen, "discovery", value)

    return await _answer(request, fmt, work)


def _service_type(request: Request) -> str:
    return "batch" if _settings(request).get("service_type") == "batch" else "realtime"


@router.get("/services.{fmt}", summary="Open311 서비스 목록 (민원 분류)")
async def list_services(request: Request, fmt: str) -> Response:
    async def work(chosen: str, _params: Params) -> Response:
        found = await _read(request, store.services)
        kind = _service_type(request)
        value = [service_record(s.code, s.name, s.department_name, s.keywords, kind) for s in found]
        return respond(chosen, "services", value)

    return await _answer(request, fmt, work)


def _unknown_service(code: str) -> Refusal:
    return Refusal(404, f"서비스 코드를 찾을 수 없습니다: {code[:60]}", f"service_code not found: {code[:60]}")


@router.get("/services/{service_code}.{fmt}", summary="Open311 서비스 정의 (속성)")
async def get_service(request: Request, service_code: str, fmt: str) -> Response:
    async def work(chosen: str, _params: Params) -> Response:
        found = await _read(request, lambda s: store.service(s, service_code))
        if found is None:
            raise _unknown_service(service_code)
        return respond(chosen, "service_definition", service_definition(found.code))

    return await _answer(request, fmt, work)


# --- requests --------------------------------------------------------------------------------------------


async def _form(request: Request) -> dict[str, list[str]]:
    """The POST's arguments: its form (urlencoded, or multipart) after the query string's."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    pairs: list[tuple[str, str]] = []
    if kind in ("", "application/x-www-form-urlencoded"):
        raw = await request.body()
        try:
            pairs = parse_qsl(
                raw.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS, errors="strict"
            )
        except UnicodeDecodeError:
            raise Refusal(400, "요청 본문이 UTF-8이 아닙니다.", "The request body is not UTF-8.") from None
        except ValueError:
            raise Refusal(400, "인자가 너무 많습니다.", f"Too many arguments (at most {MAX_FIELDS}).") from None
    elif kind == "multipart/form-data":
        try:
            form = await request.form(max_fields=MAX_FIELDS, max_files=0)
        except Exception:  # starlette's parser refuses a malformed or oversized form in several ways
            raise Refusal(400, "multipart 본문이 올바르지 않습니다.", "The multipart body is malformed.") from None
        pairs = [(key, value) for key, value in form.multi_items() if isinstance(value, str)]
    else:
        raise Refusal(
            400,
            f"본문 형식은 application/x-www-form-urlencoded 입니다 (받은 형식: {kind[:60]}).",
            f"POST requests takes application/x-www-form-urlencoded, not {kind[:60]}.",
        )
    return _params([*pairs, *request.query_params.multi_items()])


@router.post("/requests.{fmt}", summary="Open311 민원 접수 (api_key 필요)")
async def post_request(request: Request, fmt: str) -> Response:
    async def work(chosen: str, params: Params) -> Response:
        api_key = _one(params, "api_key")
        if not api_key:
            raise Refusal(403, "api_key가 없습니다.", "api_key was not provided.")
        now = datetime.now(UTC)

        def file(session: Session) -> tuple[online.Filed, str, str, str | None]:
            key = store.key_for(session, api_key, now=now)
            if key is None:
                raise Refusal(403, "api_key가 올바르지 않거나 폐기되었습니다.", "Invalid or revoked api_key.")
            code = _one(params, "service_code")
            check_chars("service_code", code)
            if not code:
                raise Refusal(400, "service_code가 없습니다.", "service_code was not provided.")
            service = store.service(session, code)
            if service is None:
                raise _unknown_service(code)
            submission = read_submission(params)
            filed = online.file_online(
                session,
                OnlineFiling(
                    channel=Channel.OPEN311,
                    kind=submission.kind,
                    title=submission.title or service.name,
                    body=case_body(submission, key.name),
                    name=submission.name,
                    phone=submission.phone,
                    email=submission.email,
                    place=case_place(submission),
                    reply_channel=_REPLY_CHANNELS[submission.reply_by],
                    privacy_consent=True,
                    category_code=service.code,
                    contact=Contact("open311", submission.account_id),
                    received_at=now,
                ),
                now=now,
            )
            token = store.record_request(session, filed.case_id, submission, api_key_id=key.id, received_at=now)
            department = department_names(session).get(filed.department_code or "") or None
            return filed, token, submission.account_id, department

        filed, token, account, department = await run_in_threadpool(units.write, request.app.state.factory, file)
        request.app.state.notifier.publish()
        log("case_filed_online", channel="open311", receipt_no=filed.receipt_no, routed=filed.department_code)
        answer: dict[str, Any] = (
            {"token": token} if _service_type(request) == "batch" else {"service_request_id": filed.receipt_no}
        )
        answer["service_notice"] = filed_notice(filed.receipt_no, filed.due_at, department)
        answer["account_id"] = account or None
        return respond(chosen, "service_requests", [answer])

    return await _answer(request, fmt, work, lambda: _form(request))


def _records(found: list[PublicCase]) -> list[dict[str, Any]]:
    return [public_record(item) for item in found]


@router.get("/requests.{fmt}", summary="Open311 공개 민원 목록")
async def list_requests(request: Request, fmt: str) -> Response:
    async def work(chosen: str, params: Params) -> Response:
        query = read_list_query(params, datetime.now(UTC))

        def read(session: Session) -> list[PublicCase]:
            if query.receipts:
                return store.public_requests_by_receipt(session, query.receipts)
            return store.public_requests(
                session,
                start=query.start,
                end=query.end,
                service_codes=query.service_codes,
                statuses=statuses_for(query.statuses) if query.statuses else None,
            )

        return respond(chosen, "service_requests", _records(await _read(request, read)))

    return await _answer(request, fmt, work)


@router.get("/requests/{service_request_id}.{fmt}", summary="Open311 공개 민원 한 건")
async def get_request(request: Request, service_request_id: str, fmt: str) -> Response:
    async def work(chosen: str, _params: Params) -> Response:
        receipt = service_request_id.strip().upper()[:40]
        found = await _read(request, lambda s: store.public_requests_by_receipt(s, [receipt]))
        if not found:
            raise Refusal(
                404,
                f"요청을 찾을 수 없습니다: {receipt}",
                f"service_request_id not found: {receipt}",
            )
        return respond(chosen, "service_requests", _records(found))

    return await _answer(request, fmt, work)


@router.get("/tokens/{token}.{fmt}", summary="Open311 토큰으로 접수번호 찾기")
async def get_token(request: Request, token: str, fmt: str) -> Response:
    async def work(chosen: str, _params: Params) -> Response:
        receipt = await _read(request, lambda s: store.receipt_for_token(s, token.strip()))
        if receipt is None:
            raise Refusal(404, f"토큰을 찾을 수 없습니다: {token[:40]}", f"token not found: {token[:40]}")
        return respond(chosen, "service_requests", [{"service_request_id": receipt, "token": token.strip()}])

    return await _answer(request, fmt, work)


# --- everything else under /open311/v2/ ------------------------------------------------------------------

_RESOURCES = {
    re.compile(r"^discovery\.[^/]+$"): "GET",
    re.compile(r"^services\.[^/]+$"): "GET",
    re.compile(r"^services/[^/]+\.[^/]+$"): "GET",
    re.compile(r"^requests\.[^/]+$"): "GET, POST",
    re.compile(r"^requests/[^/]+\.[^/]+$"): "GET",
    re.compile(r"^tokens/[^/]+\.[^/]+$"): "GET",
}


@router.api_route(
    "/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], include_in_schema=False
)
async def elsewhere(request: Request, rest: str) -> Response:
    """A resource the specification does not have (404), or one asked with a method it does not take (405),
    in the specified error format (the extension's, or XML)."""
    fmt = rest.rsplit(".", 1)[1].lower() if "." in rest.rsplit("/", 1)[-1] else "xml"
    fmt = fmt if fmt in FORMATS else "xml"
    allowed = next((methods for pattern, methods in _RESOURCES.items() if pattern.match(rest)), None)
    if allowed is not None:
        status, headers = 405, {"Allow": allowed}
        description = (
            f"{request.method} 요청은 받지 않습니다 (허용: {allowed}). / Method not allowed (allowed: {allowed})."
        )
    else:
        status, headers = 404, None
        description = (
            f"없는 자원입니다: {PREFIX}/{rest[:80]} (예: services.json, requests.xml). "
            f"/ No such resource: {PREFIX}/{rest[:80]}"
        )
    log("request_rejected", logging.WARNING, method=request.method, path=request.url.path[:200], status=status)
    return error_response(fmt, status, description, headers)
