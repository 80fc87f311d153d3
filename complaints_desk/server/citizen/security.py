"""The citizens' pages' defences: a CSRF token on every form (double submit: a random token in a
SameSite=Strict, HttpOnly cookie and the same token in the form, compared in constant time, and the
request's Origin or Referer must be this site), and the headers of every page (a strict
Content-Security-Policy: nothing from another site, no inline script or style; no framing; no sniffing).

Why double submit and not a signed token: it needs no secret shared by the server processes, and the
cookie can be set only by this site (SameSite=Strict keeps it off cross-site requests; the Origin check
refuses a form posted from another site even where a browser ignores SameSite)."""

from __future__ import annotations

import hmac
import re
import secrets
from typing import TypeVar
from urllib.parse import urlsplit

from fastapi import Request
from starlette.responses import Response

COOKIE = "minwon_csrf"
FIELD = "csrf_token"
R = TypeVar("R", bound=Response)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on a POST, which the
    # CSRF check must refuse.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def secure(response: R, *, cache: str = "no-store") -> R:
    for name, value in PAGE_HEADERS.items():
        response.headers[name] = value
    response.headers["Cache-Control"] = cache
    return response


def csrf_token(request: Request) -> str:
    """The browser's token (its cookie), or a new one (set it with `remember`)."""
    current = request.cookies.get(COOKIE, "")
    return current if _TOKEN.match(current) else secrets.token_urlsafe(32)


def remember(response: Response, request: Request, token: str) -> None:
    if request.cookies.get(COOKIE) != token:
        response.set_cookie(
            COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )


def same_site(request: Request) -> bool:
    """The request was sent by a page of this site: its Origin (or, without one, its Referer) names this
    host. Neither header: allowed (old browsers, privacy tools), the token still decides."""
    host = request.headers.get("host", "").lower()
    origin = request.headers.get("origin")
    if origin is not None:
        return origin != "null" and urlsplit(origin).netloc.lower() == host
    referer = request.headers.get("referer")
    if referer:
        return urlsplit(referer).netloc.lower() == host
    return True


def csrf_ok(request: Request, submitted: str) -> bool:
    cookie = request.cookies.get(COOKIE, "")
    if not _TOKEN.match(cookie) or not _TOKEN.match(submitted or ""):
        return False
    return hmac.compare_digest(cookie, submitted) and same_site(request)


def client_address(request: Request) -> str:
    """The client's address, as the proxy middleware left it (settings.trusted_proxies)."""
    return request.client.host if request.client else "unknown"
