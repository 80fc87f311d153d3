"""Every error answer is a protocol.ProblemDetail (a stable code, Korean and English), and every one is
logged with its reason. Nothing here writes: a refused request leaves the database as it was."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..domain.errors import DomainError
from ..sync.protocol import ProblemDetail
from .logs import log


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        ko: str,
        en: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(en)
        self.status, self.code, self.ko, self.en, self.field = status, code, ko, en, field
        self.headers = headers or {}

    @classmethod
    def from_domain(cls, error: DomainError, status: int = 400) -> ApiError:
        return cls(status, error.code, error.ko, error.en, error.field)


RETRY_AFTER_SECONDS = 2  # a database restart or failover takes seconds; the client's transport honours it


def database_reason(error: BaseException) -> str:
    """The first line of what the database driver said (at most 200 characters), for a log line."""
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0][:200] if lines else ""


class DatabaseUnavailable(Exception):
    """The database connection was lost and a fresh one failed too (server/units.py), or it was lost while a
    unit that must not run twice was committing. Answered 503 with Retry-After, logged once."""

    def __init__(self, error: BaseException, *, while_committing: bool = False, busy: bool = False) -> None:
        super().__init__(f"database unavailable: {type(error).__name__}")
        self.error = error
        self.while_committing = while_committing
        self.busy = busy  # the unit did not get its locks in time (store.db.is_contention): nothing saved


def unauthorized() -> ApiError:
    return ApiError(
        401,
        "unauthorized",
        "로그인이 필요하거나 인증 토큰이 만료·폐기되었습니다. 다시 로그인해 주세요.",
        "Log in first: the token is missing, expired, revoked or not one of ours.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def forbidden(ko: str = "이 작업을 할 권한이 없습니다.", en: str = "Your role may not do this.") -> ApiError:
    return ApiError(403, "forbidden", ko, en)


def not_found(what_ko: str, what_en: str) -> ApiError:
    return ApiError(404, "not_found", f"{what_ko}을(를) 찾을 수 없습니다.", f"No such {what_en}.")


def problem(status: int, code: str, ko: str, en: str, field: str | None = None, **headers: str) -> JSONResponse:
    body = ProblemDetail(code=code, field=field, message_ko=ko, message_en=en).model_dump()
    return JSONResponse(body, status_code=status, headers=headers or None)


def _rejected(request: Request, status: int, code: str, reason: str, **fields: Any) -> None:
    log(
        "request_rejected",
        logging.WARNING,
        method=request.method,
        path=request.url.path,
        status=status,
        code=code,
        reason=reason,
        **fields,
    )


_STATUS_CODES = {
    400: ("bad_request", "요청이 올바르지 않습니다.", "Bad request."),
    404: ("not_found", "요청한 주소가 없습니다.", "Not found."),
    405: ("method_not_allowed", "허용되지 않는 요청 방식입니다.", "Method not allowed."),
    413: ("too_large", "요청이 너무 큽니다.", "The request body is too large."),
}


_DOMAIN_STATUS = {
    "forbidden": 403,
    "not_found": 404,
    "unknown_case": 404,
    "unknown_station": 404,
    "lifecycle": 409,
    "duplicate": 409,
    "last_admin": 409,
}


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        _rejected(request, exc.status, exc.code, exc.en, field=exc.field)
        return problem(exc.status, exc.code, exc.ko, exc.en, exc.field, **exc.headers)

    @app.exception_handler(DomainError)
    async def _domain_error(request: Request, exc: DomainError) -> JSONResponse:
        status = _DOMAIN_STATUS.get(exc.code, 400)
        _rejected(request, status, exc.code, exc.en, field=exc.field)
        return problem(status, exc.code, exc.ko, exc.en, exc.field)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        location = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        if first.get("type") == "json_invalid":
            _rejected(request, 400, "malformed_json", str(first.get("msg", "")))
            return problem(
                400,
                "malformed_json",
                "요청 본문이 올바른 JSON이 아닙니다.",
                "The request body is not valid JSON.",
            )
        message = str(first.get("msg", "invalid"))
        _rejected(request, 422, "invalid", message, field=location, errors=len(errors))
        return problem(
            422,
            "invalid",
            f"입력값이 올바르지 않습니다 ({location}): {message}",
            f"Invalid input at {location}: {message}",
            location or None,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, ko, en = _STATUS_CODES.get(exc.status_code, ("error", "요청을 처리할 수 없습니다.", str(exc.detail)))
        _rejected(request, exc.status_code, code, str(exc.detail))
        return problem(exc.status_code, code, ko, en)

    @app.exception_handler(DatabaseUnavailable)
    async def _database_unavailable(request: Request, exc: DatabaseUnavailable) -> JSONResponse:
        log(
            "database_unavailable",
            logging.ERROR,
            method=request.method,
            path=request.url.path,
            status=503,
            while_committing=exc.while_committing,
            busy=exc.busy,
            error=type(exc.error).__name__,
            reason=database_reason(exc.error),
        )
        if exc.busy:
            ko = "요청이 몰려 처리하지 못했습니다. 저장된 것은 없습니다. 잠시 후 다시 시도해 주세요."
            en = "Too many requests at once: nothing was saved; please retry shortly."
        elif exc.while_committing:
            ko = "저장하는 도중 데이터베이스 연결이 끊겨 저장 여부를 알 수 없습니다. 확인한 뒤 다시 시도해 주세요."
            en = "The database connection was lost while saving, so whether it was saved is unknown; check, then retry."
        else:
            ko = "데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."
            en = "The database cannot be reached right now; please retry shortly."
        return problem(503, "database_unavailable", ko, en, **{"Retry-After": str(RETRY_AFTER_SECONDS)})

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log("request_failed", logging.ERROR, method=request.method, path=request.url.path, error=repr(exc))
        return problem(
            500,
            "server_error",
            "서버 내부 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.",
            "Internal server error; please retry shortly.",
        )
