"""/webhooks/{name}: every messenger's deliveries. The channel verifies (a bad signature or secret: 401/403, a
log line, no case) and parses (malformed: 400); the verified messages are written to the inbox in one small
transaction (the platform's event id once) and the webhook answers 200 at once; the inbox worker
(inbox_worker.py) then takes them through the conversation, files the case and queues the replies in the
outbox. A channel whose platform wants the replies in the webhook's own answer (KakaoTalk's skill server)
takes its message on the request instead."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from ...store.central import inbox
from ..deps import FactoryDep, SettingsDep
from ..logs import log
from . import registry
from .base import ChannelRefused, InboundMessage, Messenger, WebhookRequest
from .inbox import Taken, arrival, take_message
from .writes import write

# KakaoTalk's skill server gives up on an answer after 5 seconds (Open Builder) and tells the citizen it failed:
# a message is taken within this, or not at all (503: nothing saved, the citizen sends it again).
INLINE_SECONDS = 3.0

router = APIRouter(prefix="/webhooks", tags=["channels"])


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
    if not messenger.answers_inline:
        # The standard shape: the verified messages kept (once per event id) in one small transaction, 200 at
        # once, and the inbox worker takes them (the conversation, the case, the replies through the outbox).
        new = await run_in_threadpool(_accept, factory, messenger, messages) if messages else 0
        if new:
            request.app.state.inbox.wake()
        return messenger.inline_response([], delivery)
    taken = await run_in_threadpool(_take_inline, factory, messenger, messages)
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
    return messenger.inline_response([reply for t in taken for reply in t.replies], delivery)


def _accept(factory: Any, messenger: Messenger, messages: list[InboundMessage]) -> int:
    """How many of the messages are new (503 when the locks are not had: the platform delivers again)."""
    arrivals = [arrival(m) for m in messages]
    return write(
        factory,
        partial(inbox.accept, platform=messenger.name, arrivals=arrivals),
        what=messenger.name,
        repeatable=True,
    )


def _take_inline(factory: Any, messenger: Messenger, messages: list[InboundMessage]) -> list[Taken]:
    """A channel whose platform wants the replies in the webhook's answer (KakaoTalk's SkillResponse within
    5 seconds): each message in its own transaction on the request, all of them within INLINE_SECONDS."""
    deadline = time.monotonic() + INLINE_SECONDS
    return [
        write(
            factory,
            partial(take_message, messenger=messenger, message=m),
            what=messenger.name,
            within=deadline - time.monotonic(),
        )
        for m in messages
    ]


@router.get("/{name}", summary="웹훅 확인 (Meta의 hub.challenge)")
async def webhook_handshake(name: str, request: Request, settings: SettingsDep) -> Response:
    messenger, channel_settings = _messenger(name, settings.channels)
    if messenger is None:
        return _refusal(name, 404, "unknown_channel", f"unknown channel: {name[:40]}")
    answer = messenger.handshake(await _webhook_request(request), channel_settings)
    if answer is None:
        return _refusal(name, 405, "method_not_allowed", "this channel takes POST only")
    return answer
