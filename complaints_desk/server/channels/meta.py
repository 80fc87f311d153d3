"""Facebook Messenger and Instagram messaging (Meta's Messenger Platform), one channel: /webhooks/meta.

Webhooks: Meta checks the URL with a GET (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`: the
challenge is echoed when the token is ours, 403 otherwise), then POSTs events signed with the app secret
(`X-Hub-Signature-256: sha256=` + HMAC-SHA256 of the raw body, hex). `object` is "page" for Messenger and
"instagram" for Instagram; each `entry[].messaging[]` item with a `message` (its `mid` is the delivery id,
a quick reply's `payload` stands for its title) or a `postback` (a button's `payload`) is a citizen's
message; echoes of the page's own messages, deliveries and reads are not. The citizen is their page-scoped id
(PSID); an Instagram user's IGSID is kept as "ig:<IGSID>", so the two never mix.

Replies go through the Send API (`POST {api_base}/me/messages`, the page access token as `access_token`,
with `appsecret_proof`), both for Messenger and for Instagram accounts linked to the page. An Instagram account
without a page (Instagram API with Instagram Login: settings `instagram_token`, `instagram_api_base`, default
graph.instagram.com, and `instagram_app_secret`, which signs that app's deliveries) is answered at
`POST {instagram_api_base}/me/messages` with the Instagram user's token as a Bearer. Limits: text 2,000
characters on Messenger and 1,000 bytes on Instagram (longer text goes as several messages), 13 quick replies
of 20 characters. Meta lets a page answer only within 24 hours of the citizen's last message (7 days with the
HUMAN_AGENT tag, when the app has that permission: setting `human_agent`); past it the worker sends the answer
by SMS to the phone the conversation asked for (base.WindowClosed), or records the failure on the case."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from fastapi import Response
from fastapi.responses import PlainTextResponse

from ...domain.channels import Channel
from ...domain.conversation import Capabilities, Reply
from ...store.central.outbound import Outgoing
from ..logs import log
from .base import (
    ChannelRefused,
    DeliveryError,
    InboundMessage,
    Messenger,
    WebhookRequest,
    WindowClosed,
    send_pieces,
)
from .platform_http import Answer, flag, post_json, retry_after_seconds

DEFAULT_API_BASE = "https://graph.facebook.com/v21.0"
# Instagram API with Instagram Login (an Instagram account not linked to a page): its own host and token.
INSTAGRAM_LOGIN_API_BASE = "https://graph.instagram.com/v21.0"
STANDARD_WINDOW = timedelta(hours=24)
HUMAN_AGENT_WINDOW = timedelta(days=7)
TEXT_MAX_CHARS = 2000  # Messenger
INSTAGRAM_TEXT_MAX_BYTES = 1000  # Instagram: UTF-8 bytes (a Hangul syllable is three)
QUICK_REPLIES_MAX = 13
QUICK_REPLY_TITLE_MAX = 20
QUICK_REPLY_PAYLOAD_MAX = 1000
INSTAGRAM_PREFIX = "ig:"
CHALLENGE_MAX = 256
# Graph API error codes worth trying again (temporary, throttled): everything else fails for good.
_RETRYABLE_CODES = frozenset({1, 2, 4, 17, 32, 341, 613})
_WINDOW_SUBCODES = frozenset({2018278, 2018108})  # "sent outside of allowed window"


def _malformed(what: str) -> ChannelRefused:
    return ChannelRefused(400, "malformed", f"not a Meta webhook event: {what}")


def _expected_signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def appsecret_proof(app_secret: str, token: str) -> str:
    return hmac.new(app_secret.encode(), token.encode(), hashlib.sha256).hexdigest()


class MetaChannel:
    name: ClassVar[str] = "meta"
    channel: ClassVar[Channel] = Channel.SNS
    capabilities: ClassVar[Capabilities] = Capabilities(reply_window_hours=24)
    answers_inline: ClassVar[bool] = False

    def configured(self, settings: Mapping[str, str]) -> bool:
        return all(settings.get(key) for key in ("app_secret", "verify_token", "page_token"))

    def verify(self, request: WebhookRequest, settings: Mapping[str, str]) -> None:
        given = request.headers.get("x-hub-signature-256", "")
        if not given:
            raise ChannelRefused(401, "signature_missing", "the event has no X-Hub-Signature-256 header")
        # With Instagram Login, the Instagram app's own secret signs that app's deliveries.
        secrets = [str(settings["app_secret"]), str(settings.get("instagram_app_secret") or "")]
        matches = [
            hmac.compare_digest(given.strip().encode(), _expected_signature(secret, request.body).encode())
            for secret in secrets
            if secret
        ]
        if not any(matches):
            raise ChannelRefused(403, "bad_signature", "X-Hub-Signature-256 does not match the body")

    def handshake(self, request: WebhookRequest, settings: Mapping[str, str]) -> Response | None:
        token = str(settings.get("verify_token", ""))
        challenge = request.query.get("hub.challenge", "")
        given = request.query.get("hub.verify_token", "")
        if (
            not token
            or request.query.get("hub.mode") != "subscribe"
            or not hmac.compare_digest(given.encode(), token.encode())
            or not challenge
            or len(challenge) > CHALLENGE_MAX
        ):
            return PlainTextResponse("forbidden", status_code=403)
        return PlainTextResponse(challenge)

    def parse(self, request: WebhookRequest) -> Sequence[InboundMessage]:
        try:
            payload = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise _malformed("the body is not JSON") from None
        if not isinstance(payload, dict):
            raise _malformed("the body is not a JSON object")
        kind = payload.get("object")
        if kind not in ("page", "instagram"):
            raise _malformed("object is neither page nor instagram")
        entries = payload.get("entry")
        if not isinstance(entries, list):
            raise _malformed("no entry list")
        messages: list[InboundMessage] = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise _malformed("an entry is not an object")
            events = entry.get("messaging") or []  # "changes" (feed, comments) carry no messages
            if not isinstance(events, list):
                raise _malformed("messaging is not a list")
            for event in events:
                found = _message(str(kind), event)
                if found is not None:
                    messages.append(found)
        return messages

    def inline_response(self, replies: Sequence[Reply], request: WebhookRequest) -> Response:
        return PlainTextResponse("EVENT_RECEIVED")  # Meta wants a 200 quickly; replies go through the outbox

    def deliver(self, message: Outgoing, settings: Mapping[str, str]) -> None:
        instagram = message.address.startswith(INSTAGRAM_PREFIX)
        recipient = message.address.removeprefix(INSTAGRAM_PREFIX)
        messaging = _messaging_type(message, settings, now=datetime.now(UTC))
        instagram_login = instagram and bool(settings.get("instagram_token"))
        headers: dict[str, str] = {}
        params: dict[str, str] = {}
        if instagram_login:  # graph.instagram.com with the Instagram user's token, as a Bearer
            base = str(settings.get("instagram_api_base") or INSTAGRAM_LOGIN_API_BASE)
            headers["Authorization"] = f"Bearer {settings['instagram_token']}"
        else:  # the page's Send API (Messenger, and Instagram through the linked page)
            base = str(settings.get("api_base") or DEFAULT_API_BASE)
            token = str(settings.get("page_token", ""))
            params["access_token"] = token
            if settings.get("app_secret"):
                params["appsecret_proof"] = appsecret_proof(str(settings["app_secret"]), token)
        url = base.rstrip("/") + "/me/messages"
        text = str(message.body.get("text") or "").strip() or "-"
        chunks = _instagram_chunks(text) if instagram else _chunks(text)

        def send(position: int) -> None:
            content: dict[str, Any] = {"text": chunks[position]}
            if position == len(chunks) - 1:
                quick = _quick_replies(message.body.get("buttons"))
                if quick:
                    content["quick_replies"] = quick
            body: dict[str, Any] = {
                "recipient": {"id": recipient},
                "messaging_type": messaging,
                "message": content,
            }
            if messaging == "MESSAGE_TAG":
                body["tag"] = "HUMAN_AGENT"
            _settle(post_json(url, body, platform="Meta Send API", params=params, headers=headers))

        send_pieces(len(chunks), message.pieces_sent, send)


def _message(kind: str, event: Any) -> InboundMessage | None:
    if not isinstance(event, dict):
        raise _malformed("a messaging item is not an object")
    sender = event.get("sender")
    sender_id = sender.get("id") if isinstance(sender, dict) else None
    if not isinstance(sender_id, str | int) or not str(sender_id).strip():
        return None  # an optin or a referral without a sender: nothing to answer
    sender_id = str(sender_id)
    recipient = event.get("recipient")
    page_id = str(recipient.get("id", "")) if isinstance(recipient, dict) else ""
    stamp = event.get("timestamp")
    sent_at = datetime.fromtimestamp(stamp / 1000, UTC) if isinstance(stamp, int | float) and stamp > 0 else None
    message, postback = event.get("message"), event.get("postback")
    if isinstance(message, dict):
        if message.get("is_echo"):
            return None  # the page's own message, sent back
        quick = message.get("quick_reply")
        payload = quick.get("payload") if isinstance(quick, dict) else None
        text = payload if isinstance(payload, str) and payload else message.get("text", "")
        event_id = message.get("mid")
        if not text:  # a photo, a sticker (a "like"), a voice message: the conversation asks for words
            log("channel_not_text", channel=f"meta:{kind}", kind=_attachment_kind(message))
    elif isinstance(postback, dict):
        text = postback.get("payload") or postback.get("title") or ""
        event_id = postback.get("mid") or f"postback:{sender_id}:{stamp}:{text}"
    else:
        return None  # delivery, read, reaction
    if not isinstance(text, str) or not isinstance(event_id, str) or not event_id:
        raise _malformed("a message without text or mid")
    user_key = (INSTAGRAM_PREFIX + sender_id) if kind == "instagram" else sender_id
    return InboundMessage(
        event_id=event_id[:200],
        user_key=user_key[:200],
        text=text,
        sent_at=sent_at,
        context={"object": kind, "page_id": page_id},
    )


def _attachment_kind(message: Mapping[str, Any]) -> str:
    attachments = message.get("attachments")
    first = attachments[0] if isinstance(attachments, list) and attachments else None
    kind = first.get("type") if isinstance(first, dict) else None
    return str(kind)[:40] if kind else "other"


def _messaging_type(message: Outgoing, settings: Mapping[str, str], *, now: datetime) -> str:
    """RESPONSE to the citizen's message; UPDATE for an answer inside 24 hours; the HUMAN_AGENT tag up to 7
    days when allowed; WindowClosed past that."""
    last = message.last_inbound_at
    if last is None:
        return "RESPONSE"  # a reply in the conversation that is going on
    age = now - last
    if age <= STANDARD_WINDOW:
        return "UPDATE" if message.purpose == "answer" else "RESPONSE"
    if flag(settings, "human_agent") and age <= HUMAN_AGENT_WINDOW:
        return "MESSAGE_TAG"
    hours = int(age.total_seconds() // 3600)
    raise WindowClosed(f"Meta's reply window has closed: the citizen last wrote {hours} hours ago")


def _chunks(text: str) -> list[str]:
    chunks: list[str] = []
    while len(text) > TEXT_MAX_CHARS:
        cut = text.rfind("\n", TEXT_MAX_CHARS // 2, TEXT_MAX_CHARS)
        cut = cut if cut > 0 else TEXT_MAX_CHARS
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip("\n")
    return [*chunks, text] if text else chunks or ["-"]


def _instagram_chunks(text: str) -> list[str]:
    chunks: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        while len(line.encode()) > INSTAGRAM_TEXT_MAX_BYTES:  # one very long line: cut by characters
            head = line.encode()[:INSTAGRAM_TEXT_MAX_BYTES].decode(errors="ignore")
            if current:
                chunks.append(current.rstrip())
                current = ""
            chunks.append(head.rstrip())
            line = line[len(head) :]
        if len((current + line).encode()) > INSTAGRAM_TEXT_MAX_BYTES:
            chunks.append(current.rstrip())
            current = ""
        current += line
    if current.strip():
        chunks.append(current.rstrip())
    return [chunk for chunk in chunks if chunk] or ["-"]


def _quick_replies(buttons: Any) -> list[dict[str, str]]:
    if not isinstance(buttons, list):
        return []
    replies: list[dict[str, str]] = []
    for button in buttons[:QUICK_REPLIES_MAX]:
        if not isinstance(button, dict):
            continue
        label, value = str(button.get("label") or ""), str(button.get("value") or button.get("label") or "")
        if not label:
            continue
        title = label if len(label) <= QUICK_REPLY_TITLE_MAX else label[: QUICK_REPLY_TITLE_MAX - 1] + "…"
        replies.append({"content_type": "text", "title": title, "payload": value[:QUICK_REPLY_PAYLOAD_MAX]})
    return replies


def _settle(answer: Answer) -> None:
    if answer.ok:
        return
    error = answer.data.get("error") if isinstance(answer.data, dict) else None
    error = error if isinstance(error, dict) else {}
    code, subcode = error.get("code"), error.get("error_subcode")
    what = f"Meta Send API {answer.status}: ({code}/{subcode}) {str(error.get('message') or answer.text)[:200]}"
    if code == 10 and subcode in _WINDOW_SUBCODES:
        raise WindowClosed(what)
    retryable = answer.retryable or code in _RETRYABLE_CODES or bool(error.get("is_transient"))
    raise DeliveryError(what, retryable=retryable, retry_after=_throttled_for(answer) if retryable else None)


def _throttled_for(answer: Answer) -> float | None:
    """How long Meta said to wait: Retry-After, else the longest `estimated_time_to_regain_access` (minutes) in
    the X-Business-Use-Case-Usage header a throttled call carries (Graph API "Rate Limiting")."""
    seconds = retry_after_seconds(answer.headers)
    if seconds is not None:
        return seconds
    try:
        usage = json.loads(answer.headers.get("x-business-use-case-usage", "") or "null")
    except ValueError:
        return None
    minutes = [
        item.get("estimated_time_to_regain_access")
        for items in (usage.values() if isinstance(usage, dict) else ())
        if isinstance(items, list)
        for item in items
        if isinstance(item, dict)
    ]
    waits = [float(m) for m in minutes if isinstance(m, int | float) and not isinstance(m, bool) and m > 0]
    return max(waits) * 60 if waits else None


ADAPTER: Messenger = MetaChannel()
