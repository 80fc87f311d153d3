"""LINE: a LINE Official Account's webhook (Messaging API) and its answers (the reply API while the event's
reply token is fresh, else the push API).

Followed: the LINE Messaging API reference, https://developers.line.biz/en/reference/messaging-api/ (Webhook
event objects: message, postback, follow; "Signature validation"; "Send reply message"; "Send push message"
and its X-Line-Retry-Key; Text message; Quick reply; Postback action; "Error responses"), and the official
line-bot-sdk for Python (linebot.v3): its SignatureValidator checks X-Line-Signature (base64 of HMAC-SHA256
over the raw body with the channel secret, compared in constant time) and its webhook models read the events.
The SDK's messaging client is not used for sending (it takes seconds to import); the two JSON calls are
written here (server/channels/messaging.py).

- A delivery without a signature, or with one that does not match, is refused 401. LINE's "Verify" button
  sends a signed delivery without events: answered 200.
- A text message from a user (not a group or room: a complaint carries personal data) is one turn of the
  conversation; a pressed quick-reply button is a postback whose data is the button's value; following the
  account (adding it as a friend) is the greeting. A sticker, an image or any other message without words, and
  a message of a type this SDK cannot read yet, is answered (with its reply token) by the conversation's request
  for words and the step's question again, and logged. Other events are acknowledged, logged when the SDK
  cannot read them, and left alone, and so are events in standby mode (another channel has the chat).
- The event id is webhookEventId (LINE redelivers an event that was not acknowledged); the citizen is
  source.userId, where the answers are pushed.
- Delivery: text messages of at most 5000 characters (five in one request), the buttons as quick-reply
  postback actions on the last (13 items at most, labels of 20 characters at most). The reply API is used with
  the event's reply token while it is fresh (a reply token is good once, within a minute; `reply_token_seconds`)
  and was not used yet; otherwise, or when LINE says the token is no longer valid, the push API, with a retry
  key per message so that a retried push is never shown twice (a 409 for a key LINE took already is success).
  429 (except the monthly limit) and 5xx are retried by the outbox; other refusals fail for good."""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from types import ModuleType
from typing import Any, ClassVar

from fastapi import Response

from ...domain.channels import Channel
from ...domain.conversation import Capabilities, Reply
from ...store.central.outbound import Outgoing
from ..logs import log
from .base import ChannelRefused, DeliveryError, InboundMessage, WebhookRequest, send_pieces
from .messaging import PlatformAnswer, post_json, split_text
from .platform_http import retry_after_seconds

DEFAULT_API_BASE = "https://api.line.me"
SIGNATURE_HEADER = "x-line-signature"
TEXT_MAX = 5000  # Text message: max 5000 characters
MESSAGES_PER_REQUEST = 5  # reply and push: max 5 message objects
QUICK_REPLY_MAX = 13  # Quick reply: max 13 items
LABEL_MAX = 20  # Quick reply button's action label: max 20 characters
DATA_MAX = 300  # Postback action data and displayText: max 300 characters
REPLY_TOKEN_SECONDS = 50.0  # a reply token is good within one minute of the event: a margin for the clock
_RETRY_KEYS = uuid.UUID("5b1f0f4e-6a52-4c53-9b51-3f1d8d0e2a10")  # the namespace of our push retry keys


@cache
def _sdk() -> tuple[ModuleType, ModuleType]:
    """linebot.v3 and its webhook models, imported at the first LINE delivery: the SDK takes about a second to
    import (it brings aiohttp), which a server without LINE, or a Telegram webhook, should not wait for."""
    import linebot.v3
    import linebot.v3.webhooks

    return linebot.v3, linebot.v3.webhooks


class _UsedTokens:
    """Reply tokens this process used (a token is good once): the next message of the same turn is pushed
    without a refused reply first. Another process learns it from LINE's 400."""

    def __init__(self, keep: int = 10_000) -> None:
        self._tokens: OrderedDict[str, float] = OrderedDict()
        self._keep = keep
        self._lock = threading.Lock()

    def take(self, token: str) -> bool:
        """Mark `token` used; False when it was already."""
        with self._lock:
            if token in self._tokens:
                return False
            self._tokens[token] = time.monotonic()
            while len(self._tokens) > self._keep:
                self._tokens.popitem(last=False)
            return True


_used = _UsedTokens()


class Line:
    name: ClassVar[str] = "line"
    channel: ClassVar[Channel] = Channel.LINE
    capabilities: ClassVar[Capabilities] = Capabilities(can_speak_first=True)
    answers_inline: ClassVar[bool] = False

    def configured(self, settings: Mapping[str, str]) -> bool:
        return bool(settings.get("channel_secret") and settings.get("channel_access_token"))

    def verify(self, request: WebhookRequest, settings: Mapping[str, str]) -> None:
        signature = request.headers.get(SIGNATURE_HEADER)
        if not signature:
            raise ChannelRefused(401, "missing_signature", f"no {SIGNATURE_HEADER} header")
        # The SDK signs the body as text: a body that is not UTF-8 cannot be LINE's, and decoded with
        # replacements it no longer matches its signature.
        body = request.body.decode("utf-8", errors="replace")
        if not _sdk()[0].SignatureValidator(settings["channel_secret"]).validate(body, signature):
            raise ChannelRefused(401, "bad_signature", f"the {SIGNATURE_HEADER} header does not match the body")

    def parse(self, request: WebhookRequest) -> Sequence[InboundMessage]:
        try:
            data = json.loads(request.body)
        except ValueError:
            raise ChannelRefused(400, "malformed", "the body is not JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("events"), list):
            raise ChannelRefused(400, "malformed", "not a LINE webhook (no events list)")
        taken: list[InboundMessage] = []
        for raw in data["events"]:
            if not isinstance(raw, dict):
                raise ChannelRefused(400, "malformed", "a LINE webhook event is not an object")
            message = _message(raw)
            if message is not None:
                taken.append(message)
        return taken

    def inline_response(self, replies: Sequence[Reply], request: WebhookRequest) -> Response:
        return Response(status_code=200)

    def handshake(self, request: WebhookRequest, settings: Mapping[str, str]) -> Response | None:
        return None

    def deliver(self, message: Outgoing, settings: Mapping[str, str]) -> None:
        token = settings.get("channel_access_token", "")
        if not token:
            raise DeliveryError("line: no channel access token in the settings", retryable=False)
        base = (settings.get("api_base") or DEFAULT_API_BASE).rstrip("/")
        headers = {"Authorization": f"Bearer {token}"}
        bubbles = line_messages(str(message.body.get("text") or ""), message.body.get("buttons") or ())
        batches = [bubbles[i : i + MESSAGES_PER_REQUEST] for i in range(0, len(bubbles), MESSAGES_PER_REQUEST)]
        context = message.body.get("context") or {}
        fresh_seconds = float(settings.get("reply_token_seconds") or REPLY_TOKEN_SECONDS)

        def send(number: int) -> None:
            batch = batches[number]
            if number == 0 and _reply_token_fresh(context, fresh_seconds):
                answer = post_json(
                    f"{base}/v2/bot/message/reply",
                    {"replyToken": context["reply_token"], "messages": batch},
                    headers=headers,
                    what="line reply",
                )
                if not _token_refused(answer):
                    _settle(answer, "reply")
                    return
            retry_key = str(uuid.uuid5(_RETRY_KEYS, f"{message.id}:{number}"))
            answer = post_json(
                f"{base}/v2/bot/message/push",
                {"to": message.address, "messages": batch},
                headers={**headers, "X-Line-Retry-Key": retry_key},
                what="line push",
            )
            if answer.status == 409 and _header(answer, "x-line-accepted-request-id"):
                return  # LINE took this retry key before: sent already
            _settle(answer, "push")

        send_pieces(len(batches), message.pieces_sent, send)


def _message(raw: Mapping[str, Any]) -> InboundMessage | None:
    """One webhook event as a turn of the conversation, or None for one that is not."""
    if raw.get("mode", "active") != "active" or not isinstance(raw.get("webhookEventId"), str):
        return None
    models = _sdk()[1]
    try:
        event = models.Event.from_dict(dict(raw))
    except (ValueError, TypeError, KeyError, AttributeError):
        return _unread(raw)
    source = getattr(event, "source", None)
    if not isinstance(source, models.UserSource) or not source.user_id:
        return None
    if isinstance(event, models.MessageEvent):
        if isinstance(event.message, models.TextMessageContent):
            text = event.message.text
        else:  # a sticker, a photo, a file: the conversation asks for words (domain.conversation.NOT_TEXT)
            text = ""
            log("channel_not_text", channel="line", kind=str(getattr(event.message, "type", "") or "")[:40])
    elif isinstance(event, models.PostbackEvent):
        text = event.postback.data or ""
    elif isinstance(event, models.FollowEvent):
        text = "도움말"
    else:
        return None
    context: dict[str, Any] = {}
    redelivered = bool(getattr(getattr(event, "delivery_context", None), "is_redelivery", False))
    if getattr(event, "reply_token", None) and not redelivered:
        context = {"reply_token": str(event.reply_token), "event_ms": int(event.timestamp)}
    return InboundMessage(
        event_id=str(event.webhook_event_id),
        user_key=str(source.user_id),
        text=str(text),
        sent_at=datetime.fromtimestamp(int(event.timestamp) / 1000, UTC),
        context=context,
    )


def _unread(raw: Mapping[str, Any]) -> InboundMessage | None:
    """An event the SDK cannot read (a message type or event type newer than it): logged; a user's message of
    any kind is still answered, as an empty one (the conversation asks for words), with its reply token."""
    message, source = _object(raw, "message"), _object(raw, "source")
    kind, what = str(raw.get("type") or "")[:40], str(message.get("type") or "")[:40]
    log("line_event_unread", logging.WARNING, type=kind, message_type=what)
    user_id, stamp, token = source.get("userId"), raw.get("timestamp"), raw.get("replyToken")
    if kind != "message" or source.get("type") != "user" or not isinstance(user_id, str) or not user_id:
        return None
    if not isinstance(stamp, int) or isinstance(stamp, bool):
        return None
    delivery = _object(raw, "deliveryContext")
    fresh = isinstance(token, str) and token and not delivery.get("isRedelivery")
    return InboundMessage(
        event_id=str(raw["webhookEventId"]),
        user_key=user_id[:200],
        text="",
        sent_at=datetime.fromtimestamp(stamp / 1000, UTC),
        context={"reply_token": token, "event_ms": stamp} if fresh else {},
    )


def _object(raw: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = raw.get(key)
    return value if isinstance(value, dict) else {}


def _reply_token_fresh(context: Mapping[str, Any], seconds: float) -> bool:
    token, event_ms = context.get("reply_token"), context.get("event_ms")
    if not isinstance(token, str) or not isinstance(event_ms, int):
        return False
    if time.time() - event_ms / 1000 > seconds:
        return False
    return _used.take(token)


def _token_refused(answer: PlatformAnswer) -> bool:
    body = answer.body if isinstance(answer.body, dict) else {}
    return answer.status == 400 and "reply token" in str(body.get("message", "")).lower()


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def line_messages(text: str, buttons: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The text as LINE text messages, the buttons as quick-reply postback actions on the last one."""
    bubbles: list[dict[str, Any]] = [
        {"type": "text", "text": piece} for piece in split_text(text.strip() or "-", TEXT_MAX)
    ]
    items = [
        {
            "type": "action",
            "action": {
                "type": "postback",
                "label": _cut(str(button["label"]), LABEL_MAX),
                "data": str(button["value"]),
                "displayText": _cut(str(button["label"]), DATA_MAX),
            },
        }
        for button in buttons
        if button.get("label") and 0 < len(str(button.get("value", ""))) <= DATA_MAX
    ][:QUICK_REPLY_MAX]
    if items:
        bubbles[-1]["quickReply"] = {"items": items}
    return bubbles


def _header(answer: PlatformAnswer, name: str) -> str:
    return next((value for key, value in answer.headers.items() if key.lower() == name), "")


def _settle(answer: PlatformAnswer, what: str) -> None:
    if answer.status == 200:
        return
    body = answer.body if isinstance(answer.body, dict) else {}
    message = str(body.get("message") or answer.text or "no message")[:200]
    details = body.get("details")
    if isinstance(details, list) and details:
        message += " " + "; ".join(str(d)[:100] for d in details[:3])
    if answer.status == 429:
        monthly = "monthly limit" in message.lower()
        raise DeliveryError(
            f"line {what} 429 {message}", retryable=not monthly, retry_after=retry_after_seconds(answer.headers)
        )
    if answer.status >= 500:
        raise DeliveryError(f"line {what} {answer.status} {message}", retryable=True)
    if answer.status == 401:
        raise DeliveryError(f"line {what} 401: the channel access token was refused ({message})", retryable=False)
    raise DeliveryError(f"line {what} {answer.status} {message}", retryable=False)


ADAPTER = Line()
