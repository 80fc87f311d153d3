"""KakaoTalk channel chatbot (카카오톡 채널 챗봇) through Kakao i Open Builder's skill server.

Open Builder POSTs a skill request (SkillPayload: `intent`, `userRequest` with `utterance`, `user.id`,
`block`, `params`; `bot`; `action` with `params` and `clientExtra`) to /webhooks/kakao and shows the citizen
what the answer says: a SkillResponse v2.0 given INLINE (Kakao waits 5 seconds at most; one transaction of
the shared inbox takes a few milliseconds). A chatbot cannot write first, so the answer to a Kakao filer's case
goes by 알림톡 (server/channels/sms.py), to the phone the conversation asked for.

Kakao signs nothing: the skill's settings in Open Builder add a header (스킬 설정 → 헤더) with a secret that
only this server and Open Builder know; a request without it is refused 401. A payload carries no delivery id
either, so a delivery's id is made from the bot, the citizen, the block, what was said and the 10-second
window it arrived in: a double tap (or a proxy's retry) is taken once, the same word said again later is a new
message. Limits (Kakao's skill response format): simpleText 1000 characters, 1 to 3 outputs, 10 quick
replies, a quick reply's label 14 characters."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from fastapi import Response
from fastapi.responses import JSONResponse

from ...domain.channels import Channel
from ...domain.conversation import Button, Capabilities, Reply
from ...store.central.outbound import Outgoing
from .base import ChannelRefused, DeliveryError, InboundMessage, Messenger, WebhookRequest

SIMPLE_TEXT_MAX = 1000
OUTPUTS_MAX = 3
QUICK_REPLIES_MAX = 10
LABEL_MAX = 14
DEFAULT_SECRET_HEADER = "x-skill-secret"
DEDUPE_SECONDS = 10
USER_KEY_MAX = 200
UTTERANCE_MAX = 10_000  # the conversation refuses a body past 4,000 characters with a message; past this, 400

ALREADY_TAKEN = "방금 같은 메시지를 받았습니다. 이어서 다음 내용을 보내 주세요."


def _refuse_malformed(what: str) -> ChannelRefused:
    return ChannelRefused(400, "malformed", f"not a Kakao skill request: {what}")


def _loads(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise _refuse_malformed("the body is not JSON") from None
    if not isinstance(payload, dict):
        raise _refuse_malformed("the body is not a JSON object")
    return payload


def _text_at(data: Any, *path: str) -> str:
    for key in path:
        if not isinstance(data, dict):
            return ""
        data = data.get(key)
    return data if isinstance(data, str) else ""


class KakaoChannel:
    name: ClassVar[str] = "kakao"
    channel: ClassVar[Channel] = Channel.KAKAO
    capabilities: ClassVar[Capabilities] = Capabilities(can_speak_first=False)
    answers_inline: ClassVar[bool] = True

    def configured(self, settings: Mapping[str, str]) -> bool:
        return bool(settings.get("secret"))

    def verify(self, request: WebhookRequest, settings: Mapping[str, str]) -> None:
        header = (settings.get("secret_header") or DEFAULT_SECRET_HEADER).strip().lower()
        given = request.headers.get(header, "")
        if not given:
            raise ChannelRefused(401, "secret_missing", f"the skill request has no {header} header")
        if not hmac.compare_digest(given.encode(), str(settings.get("secret", "")).encode()):
            raise ChannelRefused(401, "bad_secret", f"the {header} header does not match")
        expected_bot = settings.get("bot_id", "").strip()
        if expected_bot:
            try:
                bot = _text_at(json.loads(request.body), "bot", "id")
            except (ValueError, UnicodeDecodeError):
                return  # parse answers 400
            if bot and bot != expected_bot:
                raise ChannelRefused(403, "wrong_bot", "the skill request comes from another bot")

    def parse(self, request: WebhookRequest) -> Sequence[InboundMessage]:
        payload = _loads(request.body)
        user_request = payload.get("userRequest")
        if not isinstance(user_request, dict):
            raise _refuse_malformed("no userRequest")
        user_id = _text_at(user_request, "user", "id").strip()
        if not user_id or len(user_id) > USER_KEY_MAX:
            raise _refuse_malformed("no userRequest.user.id")
        utterance = user_request.get("utterance", "")
        if not isinstance(utterance, str) or len(utterance) > UTTERANCE_MAX:
            raise _refuse_malformed("userRequest.utterance is not text")
        # A quick reply of action "block" (an administrator's own block) may carry its value in `extra`.
        extra = _text_at(payload, "action", "clientExtra", "value")
        text = extra or utterance
        block_id = _text_at(user_request, "block", "id")
        bot_id = _text_at(payload, "bot", "id")
        return [
            InboundMessage(
                event_id=delivery_id(bot_id, user_id, block_id, text, time.time()),
                user_key=user_id,
                text=text,
                context={"bot_id": bot_id, "block_id": block_id},
            )
        ]

    def inline_response(self, replies: Sequence[Reply], request: WebhookRequest) -> Response:
        return JSONResponse(skill_response(replies))

    def handshake(self, request: WebhookRequest, settings: Mapping[str, str]) -> Response | None:
        return None

    def deliver(self, message: Outgoing, settings: Mapping[str, str]) -> None:
        # Replies go in the skill response; an answer to a Kakao filer goes by 알림톡 (domain.replies).
        raise DeliveryError("a KakaoTalk chatbot cannot write first; answers go by alimtalk", retryable=False)


def delivery_id(bot_id: str, user_id: str, block_id: str, text: str, at: float) -> str:
    """Kakao's payload has no delivery id: the same words from the same citizen to the same block within one
    10-second window are one delivery."""
    window = int(at // DEDUPE_SECONDS)
    digest = hashlib.sha256("\x1f".join((bot_id, user_id, block_id, text)).encode()).hexdigest()[:32]
    return f"{user_id[:120]}:{window}:{digest}"


def _pieces(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut at a line break where one is near."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n", limit // 2, limit)
        cut = cut if cut > 0 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n")
    if rest:
        pieces.append(rest)
    return pieces


def _outputs(texts: list[str]) -> list[str]:
    pieces = [piece for text in texts for piece in _pieces(text, SIMPLE_TEXT_MAX)]
    if len(pieces) > OUTPUTS_MAX:  # several short replies: one bubble each while they fit, else joined
        pieces = _pieces("\n\n".join(texts), SIMPLE_TEXT_MAX)
    if len(pieces) > OUTPUTS_MAX:
        last = pieces[OUTPUTS_MAX - 1]
        pieces = [*pieces[: OUTPUTS_MAX - 1], last[: SIMPLE_TEXT_MAX - 1].rstrip() + "…"]
    return pieces


def _label(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1].rstrip() + "…"


def _quick_reply(button: Button) -> dict[str, str]:
    # Action "message": the citizen's bubble says the button's whole label, which the conversation takes.
    return {"label": _label(button.label), "action": "message", "messageText": button.label}


def skill_response(replies: Sequence[Reply]) -> dict[str, Any]:
    """SkillResponse v2.0: the replies' texts as simpleText outputs, the last reply's buttons as quick replies."""
    texts = [reply.text for reply in replies if reply.text.strip()] or [ALREADY_TAKEN]
    template: dict[str, Any] = {"outputs": [{"simpleText": {"text": text}} for text in _outputs(texts)]}
    buttons = next((reply.buttons for reply in reversed(replies) if reply.buttons), ())
    if buttons:
        template["quickReplies"] = [_quick_reply(button) for button in buttons[:QUICK_REPLIES_MAX]]
    return {"version": "2.0", "template": template}


ADAPTER: Messenger = KakaoChannel()
