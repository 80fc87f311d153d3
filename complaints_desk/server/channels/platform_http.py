"""One HTTP call to a platform's API for a sender (Meta's Send API, the SMS/알림톡 provider): a short timeout,
the answer's status and JSON, and a network failure turned into a retryable DeliveryError (the outbox worker
tries again after a backoff). Never puts a URL in an error: query strings carry tokens."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from .base import DeliveryError

TIMEOUT = (5.0, 20.0)  # connect, read (seconds): the worker is one thread; a stuck platform must not hold it


@dataclass(frozen=True)
class Answer:
    status: int
    data: Any  # the parsed JSON, or None when the body was not JSON
    text: str
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-cased names

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def retryable(self) -> bool:
        """The platform is down or asked us to slow down: try again later."""
        return self.status == 429 or self.status >= 500


def post_json(
    url: str,
    body: Mapping[str, Any],
    *,
    platform: str,
    headers: Mapping[str, str] | None = None,
    params: Mapping[str, str] | None = None,
) -> Answer:
    try:
        response = requests.post(url, json=dict(body), headers=dict(headers or {}), params=params, timeout=TIMEOUT)
    except requests.RequestException as error:
        raise DeliveryError(f"{platform} unreachable: {type(error).__name__}", retryable=True) from None
    try:
        data: Any = response.json()
    except ValueError:
        data = None
    return Answer(
        response.status_code, data, response.text[:500], {k.lower(): v for k, v in response.headers.items()}
    )


def retry_after_seconds(headers: Mapping[str, str], *, now: datetime | None = None) -> float | None:
    """HTTP's Retry-After (RFC 9110 §10.2.3: seconds, or an HTTP date), or None when absent or unreadable."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def flag(settings: Mapping[str, str], key: str, default: bool = False) -> bool:
    """A yes/no setting: true, yes, 1, on (any case) are yes."""
    value = settings.get(key)
    if value is None or not str(value).strip():
        return default
    return str(value).strip().lower() in ("1", "true", "yes", "on")
