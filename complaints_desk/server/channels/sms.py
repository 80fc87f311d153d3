"""Text messages to a citizen's mobile phone: SMS (LMS when long) and 알림톡 (KakaoTalk's notification message,
for a KakaoTalk filer: a chatbot cannot write first). Two senders, "sms" and "alimtalk", over one small notifier
interface (`TextNotifier`); the provider is SOLAPI (server/channels/solapi.py), the only one so far.

SMS: at most 90 bytes (EUC-KR, a Hangul syllable is two); longer text goes as LMS (2,000 bytes, with a subject
of 40 bytes), an answer cut to fit with its link kept. 알림톡: only the approved template of the 카카오톡 채널
(its `template_id` under the channel's `pf_id`), its variables filled with the receipt number, the title and
the status link (and the answer, where the template has #{답변}); the provider sends an SMS instead when the
citizen cannot receive it, unless `fallback_sms` is off. Both need a mobile number (010…)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Protocol

from ...domain.replies import ALIMTALK, SMS
from ...store.central.outbound import Outgoing
from . import solapi
from .base import DeliveryError, Sender
from .platform_http import flag

SMS_MAX_BYTES = 90
LMS_MAX_BYTES = 2000
SUBJECT_MAX_BYTES = 40
DEFAULT_SUBJECT = "민원 처리 결과 안내"
DEFAULT_TEMPLATE_VARIABLES = "접수번호,제목,링크"
ANSWER_VARIABLE_MAX = 700  # a template holds 1,000 characters with its own wording
ELLIPSIS = "…"


class TextNotifier(Protocol):
    """A provider of SMS/LMS and 알림톡. Each call sends one message or raises DeliveryError."""

    def send_text(self, settings: Mapping[str, str], *, to: str, text: str, subject: str) -> str: ...

    def send_alimtalk(
        self, settings: Mapping[str, str], *, to: str, variables: Mapping[str, str], fallback_sms: bool
    ) -> str: ...


class Solapi:
    def _sender_number(self, settings: Mapping[str, str]) -> str:
        sender = _digits(settings.get("sender", ""))
        if not sender:
            raise DeliveryError("the SMS sender number (sender) is not configured", retryable=False)
        return sender

    def send_text(self, settings: Mapping[str, str], *, to: str, text: str, subject: str) -> str:
        message: dict[str, Any] = {"to": to, "from": self._sender_number(settings), "text": text}
        if byte_length(text) <= SMS_MAX_BYTES:
            message["type"] = "SMS"
        else:
            message["type"], message["subject"] = "LMS", cut_to_bytes(subject, SUBJECT_MAX_BYTES)
        return solapi.send(settings, message)

    def send_alimtalk(
        self, settings: Mapping[str, str], *, to: str, variables: Mapping[str, str], fallback_sms: bool
    ) -> str:
        missing = [key for key in ("pf_id", "template_id") if not settings.get(key)]
        if missing:
            raise DeliveryError(f"알림톡 is not configured ({', '.join(missing)})", retryable=False)
        options = {
            "pfId": settings["pf_id"],
            "templateId": settings["template_id"],
            "variables": {f"#{{{name}}}": value for name, value in variables.items()},
            "disableSms": not fallback_sms,
        }
        message = {"to": to, "from": self._sender_number(settings), "type": "ATA", "kakaoOptions": options}
        return solapi.send(settings, message)


PROVIDERS: dict[str, TextNotifier] = {"solapi": Solapi()}


def provider(settings: Mapping[str, str]) -> TextNotifier:
    name = (settings.get("provider") or "solapi").strip().lower()
    found = PROVIDERS.get(name)
    if found is None:
        raise DeliveryError(f"unknown SMS provider: {name[:40]}", retryable=False)
    return found


def _digits(text: str) -> str:
    return "".join(ch for ch in str(text) if ch.isdigit())


def mobile(address: str) -> str:
    digits = _digits(address)
    if not (digits.startswith("01") and len(digits) in (10, 11)):
        raise DeliveryError("not a mobile phone number", retryable=False)
    return digits


def _char_bytes(ch: str) -> int:
    if ch < "\x80":
        return 1
    try:
        return len(ch.encode("cp949"))
    except UnicodeEncodeError:
        return 2


def byte_length(text: str) -> int:
    """Bytes as the carriers count them (EUC-KR / CP949; a character it lacks counts as two)."""
    return sum(_char_bytes(ch) for ch in text)


def cut_to_bytes(text: str, limit: int) -> str:
    """`text` in at most `limit` bytes, cut with an ellipsis when it had to be."""
    if byte_length(text) <= limit:
        return text
    room, kept = limit - byte_length(ELLIPSIS), []
    for ch in text:
        room -= _char_bytes(ch)
        if room < 0:
            break
        kept.append(ch)
    return "".join(kept).rstrip() + ELLIPSIS


def text_message(body: Mapping[str, Any]) -> str:
    """The message as one text of at most LMS_MAX_BYTES: an answer too long is cut, its link kept at the end."""
    text = str(body.get("text") or "").strip()
    if byte_length(text) <= LMS_MAX_BYTES:
        return text
    link = str(body.get("link") or "")
    tail = f"\n\n자세한 내용: {link}" if link else ""
    head = text.replace(tail, "").rstrip() if tail else text
    return cut_to_bytes(head, LMS_MAX_BYTES - byte_length(tail)) + tail


class SmsSender:
    name: ClassVar[str] = SMS

    def deliver(self, message: Outgoing, settings: Mapping[str, str]) -> None:
        to = mobile(message.address)
        text = text_message(message.body)
        if not text:
            raise DeliveryError("an empty message", retryable=False)
        subject = settings.get("lms_subject") or DEFAULT_SUBJECT
        provider(settings).send_text(settings, to=to, text=text, subject=subject)


def template_values(body: Mapping[str, Any], settings: Mapping[str, str]) -> dict[str, str]:
    """The template's variables (settings `template_variables`, by name) from the answer's fields."""
    link = str(body.get("link") or settings.get("link_fallback") or "-")
    answer = str(body.get("answer") or "")
    known = {
        "접수번호": str(body.get("receipt_no") or ""),
        "제목": str(body.get("title") or ""),
        "링크": link,
        "답변": answer if len(answer) <= ANSWER_VARIABLE_MAX else answer[: ANSWER_VARIABLE_MAX - 1] + ELLIPSIS,
    }
    names = [n.strip() for n in (settings.get("template_variables") or DEFAULT_TEMPLATE_VARIABLES).split(",")]
    values: dict[str, str] = {}
    for name in filter(None, names):
        if name not in known:
            raise DeliveryError(f"unknown 알림톡 template variable: {name[:40]}", retryable=False)
        values[name] = known[name] or "-"
    return values


class AlimtalkSender:
    name: ClassVar[str] = ALIMTALK

    def deliver(self, message: Outgoing, settings: Mapping[str, str]) -> None:
        to = mobile(message.address)
        if not message.body.get("receipt_no"):
            raise DeliveryError("알림톡 carries only the approved template of an answer", retryable=False)
        provider(settings).send_alimtalk(
            settings,
            to=to,
            variables=template_values(message.body, settings),
            fallback_sms=flag(settings, "fallback_sms", default=True),
        )


ADAPTERS: tuple[Sender, ...] = (SmsSender(), AlimtalkSender())
