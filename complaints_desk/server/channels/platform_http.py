"""One HTTP call to a platform's API for a sender (Meta's Send API, the SMS/알림톡 provider): a short timeout,
the answer's status and JSON, and a network failure turned into a retryable DeliveryError (the outbox worker
tries again after a backoff). Never puts a URL in an error: query strings carry tokens."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from .base import DeliveryError

TIMEOUT = (5.0, 20.0)  # connect, read (seconds): the worker is one thread; a stuck platform must not hold it


@dataclass(frozen=True)
class Answer:
    status: int
    data: Any  # the parsed JSON, or None when the body was not JSON
    text: str

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
    return Answer(response.status_code, data, response.text[:500])


def flag(settings: Mapping[str, str], key: str, default: bool = False) -> bool:
    """A yes/no setting: true, yes, 1, on (any case) are yes."""
    value = settings.get(key)
    if value is None or not str(value).strip():
        return default
    return str(value).strip().lower() in ("1", "true", "yes", "on")
