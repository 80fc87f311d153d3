"""What the messenger channels share for sending (Telegram's Bot API, LINE's Messaging API): the HTTP call (JSON
out, JSON back, a connection pool per worker thread; a platform that cannot be reached, refused, reset or timed
out, is a retryable DeliveryError like a 5xx) and cutting a text to a platform's length limit."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests
from requests import Session as HttpSession  # not a database session (tests/unit/test_server_db_retry.py)

from .base import DeliveryError

CONNECT_SECONDS = 5.0
READ_SECONDS = 20.0

_local = threading.local()


@dataclass(frozen=True)
class PlatformAnswer:
    status: int
    body: Any  # the decoded JSON, or None when the answer was not JSON
    headers: Mapping[str, str]
    text: str  # the raw answer, cut (for error messages)


def _session() -> HttpSession:
    session: HttpSession | None = getattr(_local, "session", None)
    if session is None:
        session = HttpSession()
        _local.session = session
    return session


def post_json(
    url: str, payload: Mapping[str, Any], *, headers: Mapping[str, str] | None = None, what: str = "platform"
) -> PlatformAnswer:
    """POST `payload` as JSON; the answer whatever its status. Raises a retryable DeliveryError when no
    answer came (the message names `what`, never the URL: Telegram's carries the bot token)."""
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    try:
        response = _session().post(
            url,
            data=data,
            headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})},
            timeout=(CONNECT_SECONDS, READ_SECONDS),
        )
    except requests.RequestException as error:
        raise DeliveryError(f"{what} not reachable: {type(error).__name__}", retryable=True) from None
    try:
        body = response.json()
    except ValueError:
        body = None
    return PlatformAnswer(response.status_code, body, dict(response.headers), response.text[:500])


def utf16_length(text: str) -> int:
    """A text's length in UTF-16 code units: how Telegram counts (its entity offsets) and never less than
    the characters LINE counts, so a text cut to it fits both."""
    return len(text.encode("utf-16-le")) // 2


def _fitting_prefix(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit` UTF-16 units."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return index
    return len(text)


def split_text(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` UTF-16 units, cut at a line break where there is one in the second
    half of a piece, else at a space, else anywhere between two characters."""
    pieces: list[str] = []
    rest = text
    while utf16_length(rest) > limit:
        fits = max(1, _fitting_prefix(rest, limit))
        window = rest[:fits]
        cut = window.rfind("\n")
        if cut < fits // 2:
            cut = window.rfind(" ")
        if cut < fits // 2:
            cut = fits
        head, rest = rest[:cut].rstrip(), rest[cut:].lstrip("\n ")
        if head:
            pieces.append(head)
    if rest or not pieces:
        pieces.append(rest)
    return pieces
