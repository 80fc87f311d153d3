"""Telegram: a bot's webhook (Bot API `setWebhook` with a `secret_token`) and its answers (`sendMessage`).

Followed: the Telegram Bot API reference, https://core.telegram.org/bots/api (Update, Message, CallbackQuery,
setWebhook's secret_token and the X-Telegram-Bot-Api-Secret-Token header, sendMessage, InlineKeyboardMarkup,
answerCallbackQuery, "Making requests when getting updates", ResponseParameters.retry_after) and the bots FAQ
on limits. The Update is read with python-telegram-bot's types (`telegram.Update.de_json`: the Bot API's own
schema, light to import, typed); its async Bot is not used: sending is one JSON POST from the outbox worker's
thread (server/channels/messaging.py).

- Only the setting's secret token in the header is taken (compared in constant time): missing or wrong, 401.
- A message in a private chat is one turn of the conversation (its text, or a photo's caption; a photo, a
  sticker or a voice message without words is answered with a request for words and logged); a pressed
  inline-keyboard button is its callback data, and the webhook's answer asks Telegram to answer the callback
  query (the button stops spinning) in the same round trip. Groups, channels and edits are acknowledged and
  left alone (a complaint carries personal data: it is taken in a private chat only).
- The event id is the update_id (Telegram delivers an update again until it is acknowledged); the citizen is
  the chat id, where the answers go.
- Delivery: plain text (no parse_mode: whatever the citizen or an officer wrote is shown as written), cut into
  messages of 4096 characters, the buttons as an inline keyboard under the last one; a retry after a failure
  between two of them sends only those that did not go. 429 is retried no sooner than its retry_after says,
  5xx with the outbox's backoff; 403 (the bot was blocked, the user deactivated) and other refusals are
  failures for good, recorded on the case when it was an answer."""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from fastapi import Response
from fastapi.responses import JSONResponse
from telegram import Message, Update

from ...domain.channels import Channel
from ...domain.conversation import Capabilities, Reply
from ...store.central.outbound import Outgoing
from ..logs import log
from .base import ChannelRefused, DeliveryError, InboundMessage, WebhookRequest, send_pieces
from .messaging import PlatformAnswer, post_json, split_text
from .platform_http import retry_after_seconds

DEFAULT_API_BASE = "https://api.telegram.org"
SECRET_HEADER = "x-telegram-bot-api-secret-token"
TEXT_MAX = 4096  # sendMessage: 1-4096 characters after entities parsing
CALLBACK_DATA_MAX_BYTES = 64  # InlineKeyboardButton.callback_data: 1-64 bytes


class Telegram:
    name: ClassVar[str] = "telegram"
    channel: ClassVar[Channel] = Channel.TELEGRAM
    capabilities: ClassVar[Capabilities] = Capabilities(can_speak_first=True)
    answers_inline: ClassVar[bool] = False

    def configured(self, settings: Mapping[str, str]) -> bool:
        return bool(settings.get("token") and settings.get("secret_token"))

    def verify(self, request: WebhookRequest, settings: Mapping[str, str]) -> None:
        given = request.headers.get(SECRET_HEADER)
        if not given:
            raise ChannelRefused(401, "missing_secret", f"no {SECRET_HEADER} header")
        if not hmac.compare_digest(given.encode("utf-8"), settings["secret_token"].encode("utf-8")):
            raise ChannelRefused(401, "bad_secret", f"the {SECRET_HEADER} header does not match")

    def parse(self, request: WebhookRequest) -> Sequence[InboundMessage]:
        update = _update(request.body)
        event_id = str(update.update_id)
        message = update.message
        if message is not None:
            if message.chat.type != "private":
                return []
            sender = message.from_user
            if not (message.text or message.caption):  # the conversation asks for words (NOT_TEXT)
                log("channel_not_text", channel="telegram", kind=_attachment_kind(message))
            return [
                InboundMessage(
                    event_id=event_id,
                    user_key=str(message.chat.id),
                    text=message.text or message.caption or "",
                    sent_at=message.date,
                    display_name=sender.full_name if sender is not None else "",
                )
            ]
        query = update.callback_query
        if query is not None:
            chat = query.message.chat if query.message is not None else None
            if chat is not None and chat.type != "private":
                return []
            return [
                InboundMessage(
                    event_id=event_id,
                    user_key=str(chat.id if chat is not None else query.from_user.id),
                    text=query.data or "",
                    display_name=query.from_user.full_name,
                )
            ]
        return []

    def inline_response(self, replies: Sequence[Reply], request: WebhookRequest) -> Response:
        """The acknowledgement; for a pressed button, Telegram is asked to answer its callback query in the
        same round trip (a method in the webhook's answer, as the Bot API allows)."""
        try:
            query = json.loads(request.body).get("callback_query")
        except (ValueError, AttributeError):
            query = None
        if isinstance(query, dict) and isinstance(query.get("id"), str):
            return JSONResponse({"method": "answerCallbackQuery", "callback_query_id": query["id"]})
        return Response(status_code=200)

    def handshake(self, request: WebhookRequest, settings: Mapping[str, str]) -> Response | None:
        return None

    def deliver(self, message: Outgoing, settings: Mapping[str, str]) -> None:
        token = settings.get("token", "")
        if not token:
            raise DeliveryError("telegram: no bot token in the settings", retryable=False)
        url = f"{(settings.get('api_base') or DEFAULT_API_BASE).rstrip('/')}/bot{token}/sendMessage"
        text = str(message.body.get("text") or "").strip() or "-"
        pieces = split_text(text, TEXT_MAX)
        keyboard = inline_keyboard(message.body.get("buttons") or ())

        def send(index: int) -> None:
            payload: dict[str, Any] = {"chat_id": message.address, "text": pieces[index]}
            if index == len(pieces) - 1 and keyboard is not None:
                payload["reply_markup"] = keyboard
            _settle(post_json(url, payload, what="telegram sendMessage"))

        send_pieces(len(pieces), message.pieces_sent, send)


_ATTACHMENTS = (
    "sticker",
    "photo",
    "animation",
    "video",
    "video_note",
    "voice",
    "audio",
    "document",
    "location",
    "venue",
    "contact",
    "poll",
    "dice",
)


def _attachment_kind(message: Message) -> str:
    return next((kind for kind in _ATTACHMENTS if getattr(message, kind, None)), "other")


def _update(body: bytes) -> Update:
    try:
        data = json.loads(body)
    except ValueError:
        raise ChannelRefused(400, "malformed", "the body is not JSON") from None
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        raise ChannelRefused(400, "malformed", "not a Telegram Update (no integer update_id)")
    try:
        update = Update.de_json(data, None)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ChannelRefused(400, "malformed", f"not a Telegram Update: {type(error).__name__}") from None
    if update is None:
        raise ChannelRefused(400, "malformed", "not a Telegram Update")
    return update


def inline_keyboard(buttons: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """The buttons as an inline keyboard, one a row (their labels are whole phrases); a button whose value
    is longer than callback_data allows is left out rather than sent with a value cut short."""
    rows = [
        [{"text": str(button["label"]), "callback_data": str(button["value"])}]
        for button in buttons
        if 0 < len(str(button.get("value", "")).encode("utf-8")) <= CALLBACK_DATA_MAX_BYTES and button.get("label")
    ]
    return {"inline_keyboard": rows} if rows else None


def _settle(answer: PlatformAnswer) -> None:
    body = answer.body if isinstance(answer.body, dict) else {}
    if answer.status == 200 and body.get("ok") is True:
        return
    code = body.get("error_code", answer.status)
    description = str(body.get("description") or answer.text or "no description")[:200]
    if answer.status == 429 or code == 429:
        parameters = body.get("parameters") if isinstance(body.get("parameters"), dict) else {}
        given = parameters.get("retry_after") if parameters else None
        if isinstance(given, int | float) and not isinstance(given, bool):
            retry_after: float | None = float(given)
        else:
            retry_after = retry_after_seconds(answer.headers)
        raise DeliveryError(
            f"telegram 429 {description} (retry after {retry_after} s)", retryable=True, retry_after=retry_after
        )
    if answer.status >= 500:
        raise DeliveryError(f"telegram {answer.status} {description}", retryable=True)
    if answer.status in (401, 404):
        raise DeliveryError(
            f"telegram {answer.status}: the bot token was refused ({description})", retryable=False
        )
    raise DeliveryError(f"telegram {answer.status} {description}", retryable=False)


ADAPTER = Telegram()
