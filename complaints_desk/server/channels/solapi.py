"""SOLAPI (솔라피), the SMS / LMS / 알림톡 provider behind server/channels/sms.py: its message API v4 as its
documentation gives it (docs.solapi.com: "API Key 인증 방식", "메시지 발송").

    POST {api_base}/messages/v4/send-many/detail
    Authorization: HMAC-SHA256 apiKey=<key>, date=<ISO 8601>, salt=<12-64 random characters>,
                   signature=<hex HMAC-SHA256 of date + salt, keyed with the API secret>
    {"messages": [{"to": "01012345678", "from": "0212345678", "type": "SMS" | "LMS" | "ATA", "text": …,
                   "subject": … (LMS), "kakaoOptions": {"pfId", "templateId", "variables": {"#{name}": …},
                   "disableSms": …} (ATA)}]}

A signature is good for 15 minutes and once only (a fresh salt each request). The answer lists the messages
it did not take (`failedMessageList`, each with `statusCode` and `statusMessage`): a wrong number, a template
that is not approved, for good. 5xx and 429 are the provider being down: tried again. SOLAPI was chosen
because one API and one key pair carry SMS, LMS and 알림톡 (its 알림톡 falls back to SMS by itself when the
citizen cannot receive it), and the template's variables are filled in by the provider from the approved
template, so a change of wording at Kakao's review needs no change here. Its Python SDK is not used: it
raises bare exceptions that do not say whether trying again could help."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from .base import DeliveryError
from .platform_http import post_json, retry_after_seconds

DEFAULT_API_BASE = "https://api.solapi.com"
SEND_PATH = "/messages/v4/send-many/detail"
# Errors of the signature itself that a new signature on the next attempt clears.
_RETRYABLE_ERRORS = frozenset({"RequestTimeTooSkewed", "DuplicatedSignature", "TooManyRequests"})


def signature(secret: str, date: str, salt: str) -> str:
    return hmac.new(secret.encode(), (date + salt).encode(), hashlib.sha256).hexdigest()


def authorization(api_key: str, api_secret: str, *, now: datetime | None = None, salt: str | None = None) -> str:
    date = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    salt = salt or secrets.token_hex(16)
    return f"HMAC-SHA256 apiKey={api_key}, date={date}, salt={salt}, signature={signature(api_secret, date, salt)}"


def send(settings: Mapping[str, str], message: Mapping[str, Any]) -> str:
    """Send one message; returns the provider's message id. Raises DeliveryError."""
    missing = [key for key in ("api_key", "api_secret") if not settings.get(key)]
    if missing:
        raise DeliveryError(f"the SMS provider is not configured ({', '.join(missing)})", retryable=False)
    url = (settings.get("api_base") or DEFAULT_API_BASE).rstrip("/") + SEND_PATH
    headers = {"Authorization": authorization(str(settings["api_key"]), str(settings["api_secret"]))}
    answer = post_json(url, {"messages": [dict(message)]}, platform="SOLAPI", headers=headers)
    data = answer.data if isinstance(answer.data, dict) else {}
    if not answer.ok:
        code = str(data.get("errorCode") or answer.status)
        text = str(data.get("errorMessage") or answer.text)[:200]
        raise DeliveryError(
            f"SOLAPI {answer.status} {code}: {text}",
            retryable=answer.retryable or code in _RETRYABLE_ERRORS,
            retry_after=retry_after_seconds(answer.headers),
        )
    failed = data.get("failedMessageList") or []
    if isinstance(failed, list) and failed:
        first = failed[0] if isinstance(failed[0], dict) else {}
        raise DeliveryError(
            f"SOLAPI refused the message: {first.get('statusCode')} {str(first.get('statusMessage'))[:200]}",
            retryable=False,
        )
    listed = data.get("messageList")
    if isinstance(listed, list) and listed and isinstance(listed[0], dict):
        return str(listed[0].get("messageId") or "")
    return ""
