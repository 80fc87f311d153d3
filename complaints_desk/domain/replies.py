"""Where the answer to a case goes, and what it says. The citizen chose how to be answered at filing (the
case's reply channel); the officer may choose again when answering (the answer's notify channel). A
messenger answer goes back on the conversation the case came from; a KakaoTalk chatbot cannot speak first,
so a Kakao filer is answered by 알림톡; SMS and 알림톡 need a mobile number; the web pages and Open311 show
the answer where the citizen looks it up, and a phone, counter or mail answer is the officer's to give."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .case import CaseState

# Senders (server/channels/): the platform that delivers a message.
MESSENGERS = frozenset({"telegram", "line", "meta"})
SMS = "sms"
ALIMTALK = "alimtalk"
EMAIL = "email"
# How an answer may go besides the channels themselves (what a desk offers when answering).
ANSWER_ROUTES = (SMS, ALIMTALK, EMAIL, "none")
ANSWER_TEXT_MAX = 1800  # longer answers are cut with the address of the full text (a messenger's bubble)


@dataclass(frozen=True)
class Route:
    platform: str
    address: str


def _mobile(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits if digits.startswith("01") and len(digits) in (10, 11) else ""


def route_for_answer(
    *,
    notify_channel: str,
    reply_channel: str,
    contact_platform: str | None,
    contact_address: str,
    phone: str,
    email: str,
) -> Route | None:
    """The sender and address for an answer, or None when nothing is to be sent by the server."""
    wanted = (notify_channel or reply_channel or "").strip().lower()
    mobile = _mobile(phone)
    if wanted in ("none", "phone", "counter", "web", "open311", "mail", ""):
        return None  # "mail" is a letter (우편): the officer posts it
    if wanted == EMAIL:
        return Route(EMAIL, email) if email else None
    if wanted == SMS:
        return Route(SMS, mobile) if mobile else None
    if wanted in (ALIMTALK, "kakao"):
        return Route(ALIMTALK, mobile) if mobile else None
    if wanted in ("telegram", "line", "sns", "meta", "channel"):
        if contact_platform in MESSENGERS and contact_address:
            return Route(contact_platform, contact_address)
        return Route(SMS, mobile) if mobile else None
    return None


def answer_message(case: CaseState, payload: Mapping[str, Any], *, status_url_base: str = "") -> dict[str, Any]:
    """The answer as a message: the receipt number, the title, the answer's text (a proposal's decision), and
    where to read it in full."""
    answer = str(payload.get("answer") or payload.get("reason") or "").strip()
    if not answer and payload.get("decision"):
        answer = {"adopted": "채택", "not_adopted": "불채택"}.get(
            str(payload["decision"]), str(payload["decision"])
        )
    link = f"{status_url_base.rstrip('/')}/{case.receipt_no}" if status_url_base else ""
    if len(answer) > ANSWER_TEXT_MAX:
        answer = answer[: ANSWER_TEXT_MAX - 1].rstrip() + "…"
    kind = "제안" if case.kind.value == "proposal" else "민원"
    lines = [f"[{kind} 처리 결과] 접수번호 {case.receipt_no}", f"제목: {case.title}", "", answer]
    if link:
        lines += ["", f"자세한 내용: {link}"]
    text = "\n".join(lines)
    return {"text": text, "receipt_no": case.receipt_no, "title": case.title, "answer": answer, "link": link}


def receipt_route(*, reply_channel: str, phone: str) -> Route | None:
    """Where a web filing's receipt number goes at once by text: the mobile phone of a citizen who asked to be
    answered by SMS or 알림톡. By SMS in both cases: an approved 알림톡 template carries only the answer."""
    mobile = _mobile(phone)
    if reply_channel.strip().lower() in (SMS, ALIMTALK, "kakao") and mobile:
        return Route(SMS, mobile)
    return None


def receipt_message(*, receipt_no: str, title: str, proposal: bool, due_text: str) -> dict[str, Any]:
    """The receipt number as a text message: short enough for one SMS where the due date is short."""
    kind = "제안" if proposal else "민원"
    text = f"{kind}이 접수되었습니다.\n접수번호 {receipt_no}\n처리기한 {due_text}"
    return {"text": text, "receipt_no": receipt_no, "title": title}
