"""Pure ASGI middleware (cheaper than BaseHTTPMiddleware on every request): a body-size limit that answers
413 before the app reads an oversized body (declared too long, or counted as it arrives), and one JSON log line per request."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .logs import log


class BodyTooLarge(HTTPException):
    """Raised from `receive` when the bytes that arrived pass the limit, whatever the headers said (a chunked
    body declares no length). An HTTPException because FastAPI turns any other exception raised while it
    reads a body into 400; this one it passes on, and it is answered 413 `too_large`."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"body over {limit} bytes")


def _problem_bytes(limit: int) -> bytes:
    return json.dumps(
        {
            "code": "too_large",
            "field": None,
            "message_ko": f"요청 본문이 너무 큽니다 (최대 {limit // 1024} KB).",
            "message_en": f"The request body is too large (at most {limit // 1024} KB).",
        },
        ensure_ascii=False,
    ).encode("utf-8")


def _page_bytes(limit: int) -> bytes:
    """The 413 a citizen's browser shows (the web pages): a page, not JSON."""
    megabytes = limit // (1024 * 1024)
    return (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>보내신 내용이 너무 큽니다</title>'
        "</head><body><h1>보내신 내용이 너무 큽니다</h1>"
        f"<p>첨부파일을 모두 합쳐 {megabytes}MB보다 크게 보낼 수 없습니다. 한 파일은 10MB까지, 4개까지 보낼 수 있습니다.</p>"
        '<p>브라우저의 뒤로 가기로 돌아가 파일을 줄여 다시 보내 주세요. <a href="/minwon/">처음으로</a></p>'
        "</body></html>"
    ).encode()


_PAGE_HEADERS = [
    (b"content-type", b"text/html; charset=utf-8"),
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"connection", b"close"),
]


class RequestGuard:
    """`route_limits`: (path prefix, limit) pairs that replace `max_body_bytes` for their routes, the first
    matching prefix winning: the citizens' form with its attachments may be larger than a sync request,
    a webhook smaller. Under `page_prefixes` (the citizens' pages) the 413 is a page in Korean."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        route_limits: Sequence[tuple[str, int]] = (),
        page_prefixes: Sequence[str] = (),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.route_limits = tuple(route_limits)
        self.page_prefixes = tuple(page_prefixes)

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.route_limits:
            if path.startswith(prefix):
                return limit
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state: dict[str, Any] = {"status": 0, "sent": False}
        limit = self.limit_for(scope["path"])

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                state["sent"] = True
            await send(message)

        declared = dict(scope.get("headers") or ()).get(b"content-length")
        try:
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise BodyTooLarge(limit)
            received = 0

            async def limited_receive() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > limit:
                        raise BodyTooLarge(limit)
                return message

            await self.app(scope, limited_receive, counting_send)
        except BodyTooLarge:
            if not state["sent"]:
                page = scope["path"].startswith(self.page_prefixes) if self.page_prefixes else False
                body = _page_bytes(limit) if page else _problem_bytes(limit)
                headers = (
                    _PAGE_HEADERS if page else [(b"content-type", b"application/json"), (b"connection", b"close")]
                )
                await counting_send({"type": "http.response.start", "status": 413, "headers": headers})
                await send({"type": "http.response.body", "body": body})
            log(
                "request_rejected",
                logging.WARNING,
                method=scope["method"],
                path=scope["path"],
                status=413,
                code="too_large",
                reason=f"body over {limit} bytes",
            )
        finally:
            client = scope.get("client")
            log(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=state["status"] or 500,
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
                client=client[0] if client else None,
            )
