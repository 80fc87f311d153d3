"""/webhooks/{name}: every messenger's deliveries. The channel verifies (a bad signature or secret: 401/403, a
log line, no case), parses (malformed: 400), and the shared inbox takes each message in its own transaction;
then the outbox worker is woken for the replies and every waiting desktop for a new case. Answered quickly:
the replies themselves go out from the outbox, except for a channel whose platform wants them in the
webhook's answer (KakaoTalk's skill server)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError

from ...store.db import is_contention
from .. import units
from ..deps import FactoryDep, SettingsDep
from ..errors import DatabaseUnavailable
from ..logs import log
from . import registry
from .base import ChannelRefused, InboundMessage, Messenger, WebhookRequest
from .inbox import Taken, take_message

router = APIRouter(prefix="/webhooks", tags=["channels"])
_SQLITE_WRITERS = threading.Lock()


def _refusal(name: str, status: int, reason: str, message: str) -> JSONResponse:
    return JSONResponse({"code": reason, "message_ko": message, "message_en": message}, status_code=status)


async def _webhook_request(request: Request, rest: str = "") -> WebhookRequest:
    body = await request.body()
    client = request.client.host if request.client else ""
    return WebhookRequest(
        body=body,
        headers={key.lower(): value for key, value in request.headers.items()},
        query=dict(request.query_params),
        client=client,
        path=rest,
    )


def _messenger(name: str, settings: Mapping[str, Any]) -> tuple[Messenger | None, Mapping[str, str]]:
    messenger = registry.messenger(name)
    channel_settings = settings.get(name, {}) if messenger is not None else {}
    return messenger, channel_settings


@router.post("/{name}", summary="메신저·SNS 웹훅 (텔레그램, 라인, 카카오톡, 페이스북·인스타그램)")
async def webhook(name: str, request: Request, factory: FactoryDep, settings: SettingsDep) -> Response:
    messenger, channel_settings = _messenger(name, settings.channels)
    delivery = await _webhook_request(request)
    if messenger is None:
        log("webhook_refused", logging.WARNING, channel=name[:40], status=404, reason="unknown_channel")
        return _refusal(name, 404, "unknown_channel", f"unknown channel: {name[:40]}")
    try:
        if not messenger.configured(channel_settings):
            raise ChannelRefused(403, "not_configured", f"the {name} channel is not configured on this server")
        messenger.verify(delivery, channel_settings)
        messages = list(messenger.parse(delivery))
    except ChannelRefused as refused:
        log(
            "webhook_refused",
            logging.WARNING,
            channel=name,
            status=refused.status,
            reason=refused.reason,
            client=delivery.client,
            message=refused.message[:200],
        )
        return _refusal(name, refused.status, refused.reason, refused.message)
    taken = await run_in_threadpool(_take_all, factory, messenger, messages)  # (503 when the locks are not had)
    if any(t.filed is not None for t in taken):
        request.app.state.notifier.publish()
        for t in taken:
            if t.filed is not None:
                log(
                    "case_filed_online",
                    channel=name,
                    receipt_no=t.filed.receipt_no,
                    routed=t.filed.department_code,
                )
    if any(t.queued for t in taken):
        request.app.state.outbox.wake()
    replies = [reply for t in taken for reply in t.replies]
    return messenger.inline_response(replies, delivery)


def _take_all(factory: Any, messenger: Messenger, messages: list[InboundMessage]) -> list[Taken]:
    return [_take(factory, messenger, m) for m in messages]


def _take(factory: Any, messenger: Messenger, message: InboundMessage) -> Taken:
    """One message in its own transaction; when it did not get its locks in time (SQLite's busy timeout
    under many senders at once, a PostgreSQL deadlock) it rolled back with nothing saved: tried once more,
    then answered 503 with Retry-After, so the platform delivers it again (its event id was not taken)."""
    for attempt in (1, 2):
        try:
            if factory.kw["bind"].dialect.name == "sqlite":
                # One write lock for the whole file: the webhook threads queue here and each goes the moment
                # the one before commits, instead of polling SQLite's lock (its busy handler sleeps up to
                # 100 ms a try, and an unlucky thread waits seconds while others pass it).
                with _SQLITE_WRITERS:
                    return units.write(factory, partial(take_message, messenger=messenger, message=message))
            return units.write(factory, partial(take_message, messenger=messenger, message=message))
        except DBAPIError as error:
            if not is_contention(error):
                raise
            if attempt == 2:
                raise DatabaseUnavailable(error, busy=True) from error
            log("webhook_retry", logging.INFO, channel=messenger.name, error=type(error).__name__)
    raise AssertionError("unreachable")  # pragma: no cover


@router.get("/{name}", summary="웹훅 확인 (Meta의 hub.challenge)")
async def webhook_handshake(name: str, request: Request, settings: SettingsDep) -> Response:
    messenger, channel_settings = _messenger(name, settings.channels)
    if messenger is None:
        return _refusal(name, 404, "unknown_channel", f"unknown channel: {name[:40]}")
    answer = messenger.handshake(await _webhook_request(request), channel_settings)
    if answer is None:
        return _refusal(name, 405, "method_not_allowed", "this channel takes POST only")
    return answer
