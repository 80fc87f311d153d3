"""The short conversation a messenger filing goes through (Telegram, LINE, KakaoTalk, Facebook, Instagram):
what the matter is, where, who is asking, how to be answered, a phone number where the answer may need one,
consent to the use of personal data, and a confirmation; then the server files the case and answers with its
receipt number. `상태` (or the status button) reports progress at any point; `취소` starts again.

Pure: a turn takes the stored state and one message and returns the new state, the replies and, at the end,
what to file. The channels (server/channels/) keep the state between messages and send the replies in their
platform's form (buttons become Telegram keyboards, LINE quick replies, Kakao quick replies)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .errors import DomainError
from .masking import normalize_phone
from .receipts import parse_receipt_number

BODY_MIN = 5
BODY_MAX = 4000
NAME_MAX = 50
PLACE_MAX = 300
TITLE_MAX = 40


class Step(StrEnum):
    START = "start"
    BODY = "body"
    PLACE = "place"
    NAME = "name"
    ANSWER_BY = "answer_by"
    PHONE = "phone"
    CONSENT = "consent"
    CONFIRM = "confirm"


class AnswerBy(StrEnum):
    CHANNEL = "channel"  # on this conversation (Telegram, LINE; Meta within its window)
    ALIMTALK = "alimtalk"  # KakaoTalk: a chatbot cannot speak first, the answer goes by 알림톡
    SMS = "sms"
    NONE = "none"


@dataclass(frozen=True)
class Capabilities:
    """What a platform allows: whether the office may write first (Kakao's chatbot may not), and for how
    long after the citizen's last message (Meta: 24 hours), after which the answer needs a phone number."""

    can_speak_first: bool = True
    reply_window_hours: int | None = None


@dataclass(frozen=True)
class Button:
    label: str
    value: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = ()

    def as_body(self) -> dict[str, Any]:
        return {"text": self.text, "buttons": [{"label": b.label, "value": b.value} for b in self.buttons]}


@dataclass(frozen=True)
class Filing:
    """Everything a case needs from the conversation."""

    kind: str  # grievance | proposal (domain.kinds codes)
    title: str
    body: str
    place: str
    name: str
    phone: str
    answer_by: AnswerBy
    privacy_consent: bool


@dataclass(frozen=True)
class StatusQuery:
    receipt_no: str | None  # None: the citizen's own cases on this platform


@dataclass(frozen=True)
class Turn:
    state: dict[str, Any]
    replies: tuple[Reply, ...] = ()
    filing: Filing | None = None
    status_query: StatusQuery | None = None


# The words a citizen may type instead of pressing a button.
_CANCEL = {"취소", "처음", "처음으로", "다시", "그만", "cancel", "/cancel", "/start", "start"}
_HELP = {"도움말", "도움", "help", "/help", "?"}
_STATUS = ("상태", "처리상황", "진행상황", "조회", "/status", "status")
_YES = {"동의", "예", "네", "yes", "y", "동의합니다", "접수", "확인"}
_NO = {"동의하지 않음", "아니오", "아니요", "no", "n", "거부", "동의 안 함"}
_NONE = {"없음", "없어요", "없습니다", "-", "skip", "건너뛰기"}

MENU_COMPLAINT = Button("민원 신청", "민원")
MENU_PROPOSAL = Button("제안 신청", "제안")
MENU_STATUS = Button("처리상황 조회", "상태")
MENU = (MENU_COMPLAINT, MENU_PROPOSAL, MENU_STATUS)

_RECEIPT = re.compile(r"\d{8}-[A-Z0-9]{3}-\d{4,6}")


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _fresh() -> dict[str, Any]:
    return {"step": Step.START.value}


def greeting() -> Reply:
    return Reply(
        "안녕하세요. 민원·제안 접수 창구입니다.\n"
        "민원이나 제안을 남기시려면 아래에서 고르시거나 내용을 바로 적어 보내 주세요.\n"
        "처리 상황은 '상태 접수번호'(예: 상태 20261201-W01-0042)로 조회하실 수 있습니다.",
        MENU,
    )


def take(state: Mapping[str, Any] | None, message: str, capabilities: Capabilities) -> Turn:
    """One message of the conversation (the text, or a pressed button's value)."""
    current = dict(state or _fresh())
    text = _normal(message)
    folded = text.casefold()
    if folded in _CANCEL:
        started = current.get("step", Step.START.value) != Step.START.value
        note = "진행하던 접수를 취소했습니다. " if started else ""
        return Turn(_fresh(), (Reply(note + "무엇을 도와드릴까요?", MENU),))
    if not text:
        return _not_text(current, capabilities)
    if folded in _HELP:
        return Turn(current, (greeting(),))
    query = _status_query(text)
    if query is not None:
        return Turn(current, status_query=query)
    step = Step(current.get("step", Step.START.value))
    return _STEPS[step](current, text, capabilities)


def _status_query(text: str) -> StatusQuery | None:
    lowered = text.casefold()
    for word in _STATUS:
        if lowered == word or lowered.startswith(word + " "):
            found = _RECEIPT.search(text.upper())
            if found is None:
                return StatusQuery(None)
            try:
                return StatusQuery(str(parse_receipt_number(found.group(0))))
            except DomainError:
                return StatusQuery(found.group(0))
    return None


def _start(state: dict[str, Any], text: str, capabilities: Capabilities) -> Turn:
    if text in ("민원", MENU_COMPLAINT.label):
        return _ask_body({**state, "kind": "grievance"})
    if text in ("제안", MENU_PROPOSAL.label):
        return _ask_body({**state, "kind": "proposal"})
    if len(text) >= BODY_MIN * 2:  # someone who writes their complaint straight away is not made to start over
        return _body({**state, "kind": "grievance", "step": Step.BODY.value}, text, capabilities)
    return Turn(state, (greeting(),))


def _ask_body(state: dict[str, Any]) -> Turn:
    what = "제안하실 내용" if state.get("kind") == "proposal" else "불편하신 점이나 요청하실 내용"
    return Turn(
        {**state, "step": Step.BODY.value},
        (Reply(f"{what}을 자세히 적어 보내 주세요. (취소하려면 '취소')"),),
    )


def _body(state: dict[str, Any], text: str, capabilities: Capabilities) -> Turn:
    if len(text) < BODY_MIN:
        return Turn(state, (Reply(f"내용이 너무 짧습니다. {BODY_MIN}자 이상으로 자세히 적어 주세요."),))
    if len(text) > BODY_MAX:
        return Turn(state, (Reply(f"내용이 너무 깁니다. {BODY_MAX:,}자 이내로 나누어 적어 주세요."),))
    return _ask_place({**state, "body": text})


def _ask_place(state: dict[str, Any]) -> Turn:
    return Turn(
        {**state, "step": Step.PLACE.value},
        (
            Reply(
                "어디에서 생긴 일인가요? 도로명 주소나 위치를 알려 주세요.\n장소와 관계없는 내용이면 '없음'을 눌러 주세요.",
                (Button("없음", "없음"),),
            ),
        ),
    )


def _place(state: dict[str, Any], text: str, capabilities: Capabilities) -> Turn:
    place = "" if text.casefold() in _NONE else text
    if len(place) > PLACE_MAX:
        return Turn(state, (Reply(f"장소는 {PLACE_MAX}자 이내로 적어 주세요."),))
    return _ask_name({**state, "place": place})


def _ask_name(state: dict[str, Any]) -> Turn:
    return Turn({**state, "step": Step.NAME.value}, (Reply("신청인의 성함을 알려 주세요."),))


def _name(state: dict[str, Any], text: str, capabilities: Capabilities) -> Turn:
    if not text or len(text) > NAME_MAX or any(ch.isdigit() for ch in text):
        return Turn(state, (Reply("성함을 다시 적어 주세요. (예: 홍길동)"),))
    return _ask_answer_by({**state, "name": text}, capabilities)


def _answer_choices(capabilities: Capabilities) -> tuple[Button, ...]:
    first = (
        Button("이 대화로 받기", AnswerBy.CHANNEL.value)
        if capabilities.can_speak_first
        else Button("카카오 알림톡으로 받기", AnswerBy.ALIMTALK.value)
    )
    return (first, Button("문자(SMS)로 받기", AnswerBy.SMS.value), Button("답변 필요 없음", AnswerBy.NONE.value))


def _ask_answer_by(state: dict[str, Any], capabilities: Capabilities) -> Turn:
    return Turn(
        {**state, "step": Step.ANSWER_BY.value},
        (Reply("처리 결과를 어떻게 받으시겠어요?", _answer_choices(capabilities)),),
    )


def _answer_by(state: dict[str, Any], text: str, capabilities: Capabilities) -> Turn:
    chosen = next((b.value for b in _answer_choices(capabilities) if text in (b.value, b.label)), None)
    if chosen is None:
        return _ask_answer_by(state, capabilities)
    answer_by = AnswerBy(chosen)
    state = {**state, "answer_by": answer_by.value}
    needs_phone = answer_by in (AnswerBy.SMS, AnswerBy.ALIMTALK)
    window = capabilities.reply_window_hours
    if needs_phone:
        return _ask_phone(state, optional=False)
    if answer_by is AnswerBy.CHANNEL and window is not None:
        # The platform closes the conversation after `window` hours; answers often take longer.
        return _ask_phone(state, optional=True, window=window)
    return _ask_consent({**state, "phone": ""})


def _ask_phone(state: dict[str, Any], *, optional: bool, window: int | None = None) -> Turn:
    if optional:
        text = (
            f"이 대화로는 마지막 메시지 후 {window}시간 안에만 답변을 보내 드릴 수 있습니다. "
            "그보다 늦어지면 문자로 보내 드릴 휴대전화 번호를 알려 주세요. (예: 010-1234-5678)"
        )
        buttons: tuple[Button, ...] = (Button("건너뛰기", "건너뛰기"),)
    else:
        text = "답변을 받으실 휴대전화 번호를 알려 주세요. (예: 010-1234-5678)"
        buttons = ()
    return Turn({**state, "step": Step.PHONE.value, "phone_optional": optional}, (Reply(text, buttons),))


def _phone(state: dict[str, Any], text: str, capabilities: Capabilities) -> Turn:
    if state.get("phone_optional") and text.casefold() in _NONE:
        return _ask_consent({**state, "phone": ""})
    try:
        phone = normalize_phone(text)
    except DomainError:
        phone = ""
    if not phone.startswith("01"):
        again = "휴대전화 번호를 다시 적어 주세요. (예: 010-1234-5678)"
        buttons = (Button("건너뛰기", "건너뛰기"),) if state.get("phone_optional") else ()
        return Turn(state, (Reply(again, buttons),))
    return _ask_consent({**state, "phone": phone})


CONSENT_TEXT = (
    "[개인정보 수집·이용 동의]\n"
    "· 목적: 민원·제안의 접수, 처리 및 결과 통지\n"
    "· 항목: 성함, 연락처, 메신저 식별자, 신청 내용\n"
    "· 보유 기간: 민원 사무 처리 기록의 보존 기간(민원 처리에 관한 법률 시행령)\n"
    "동의하지 않으실 수 있으나, 동의하지 않으시면 이 창구로는 접수할 수 없습니다. 동의하십니까?"
)


def _ask_consent(state: dict[str, Any]) -> Turn:
    return Turn(
        {**state, "step": Step.CONSENT.value},
        (Reply(CONSENT_TEXT, (Button("동의", "동의"), Button("동의하지 않음", "동의하지 않음"))),),
    )


def _consent(state: dict[str, Any], text: str, capabilities: Capabilities) -> Turn:
    folded = text.casefold()
    if folded in _NO:
        return Turn(
            _fresh(),
            (
                Reply(
                    "동의하지 않으셔서 접수하지 않았습니다. 전화나 방문으로도 신청하실 수 있습니다.\n"
                    "다시 시작하시려면 '민원'을 보내 주세요.",
                    MENU,
                ),
            ),
        )
    if folded not in _YES:
        return _ask_consent(state)
    state = {**state, "consent": True, "step": Step.CONFIRM.value}
    return Turn(state, (_confirm_question(state),))


def _summary(state: Mapping[str, Any]) -> str:
    kind = "제안" if state.get("kind") == "proposal" else "민원"
    answer = {
        AnswerBy.CHANNEL.value: "이 대화",
        AnswerBy.ALIMTALK.value: "카카오 알림톡",
        AnswerBy.SMS.value: "문자(SMS)",
        AnswerBy.NONE.value: "받지 않음",
    }[str(state.get("answer_by"))]
    lines = [
        f"아래 내용으로 {kind}을 접수할까요?",
        f"· 제목: {title_of(str(state.get('body', '')))}",
        f"· 장소: {state.get('place') or '없음'}",
        f"· 신청인: {state.get('name')}",
        f"· 답변: {answer}" + (f" ({state['phone']})" if state.get("phone") else ""),
    ]
    return "\n".join(lines)


def _confirm_question(state: Mapping[str, Any]) -> Reply:
    return Reply(_summary(state), (Button("접수", "접수"), Button("취소", "취소")))


def _confirm(state: dict[str, Any], text: str, capabilities: Capabilities) -> Turn:
    if text.casefold() not in _YES:
        return Turn(state, (_confirm_question(state),))
    filing = Filing(
        kind=str(state.get("kind", "grievance")),
        title=title_of(str(state["body"])),
        body=str(state["body"]),
        place=str(state.get("place", "")),
        name=str(state["name"]),
        phone=str(state.get("phone", "")),
        answer_by=AnswerBy(str(state["answer_by"])),
        privacy_consent=True,
    )
    return Turn(_fresh(), filing=filing)


NOT_TEXT = "사진, 스티커, 파일은 이 대화에서 받을 수 없습니다. 글로 적어 보내 주세요."


def _not_text(state: dict[str, Any], capabilities: Capabilities) -> Turn:
    """A photo, a sticker, a file or anything else without words (the channel hands it over as an empty
    message): nothing is taken, the citizen is asked for words and the step's question comes again, in one
    message (LINE's reply token is good for one reply)."""
    step = Step(state.get("step", Step.START.value))
    question = {
        Step.START: lambda: Turn(state, (greeting(),)),
        Step.BODY: lambda: _ask_body(state),
        Step.PLACE: lambda: _ask_place(state),
        Step.NAME: lambda: _ask_name(state),
        Step.ANSWER_BY: lambda: _ask_answer_by(state, capabilities),
        Step.PHONE: lambda: _ask_phone(
            state, optional=bool(state.get("phone_optional")), window=capabilities.reply_window_hours
        ),
        Step.CONSENT: lambda: _ask_consent(state),
        Step.CONFIRM: lambda: Turn(state, (_confirm_question(state),)),
    }[step]()
    asked = question.replies[0]
    return Turn(question.state, (Reply(f"{NOT_TEXT}\n\n{asked.text}", asked.buttons),))


def title_of(body: str) -> str:
    """A case title from the first line of what the citizen wrote."""
    first = body.strip().splitlines()[0].strip() if body.strip() else ""
    return first if len(first) <= TITLE_MAX else first[: TITLE_MAX - 1].rstrip() + "…"


def filed_reply(receipt_no: str, due_text: str, *, proposal: bool = False) -> Reply:
    kind = "제안" if proposal else "민원"
    return Reply(
        f"{kind}이 접수되었습니다.\n접수번호: {receipt_no}\n처리기한: {due_text}\n"
        f"처리 상황은 '상태 {receipt_no}'를 보내시면 알려 드립니다.",
        (MENU_STATUS,),
    )


_STEPS = {
    Step.START: _start,
    Step.BODY: _body,
    Step.PLACE: _place,
    Step.NAME: _name,
    Step.ANSWER_BY: _answer_by,
    Step.PHONE: _phone,
    Step.CONSENT: _consent,
    Step.CONFIRM: _confirm,
}

__all__ = [
    "NOT_TEXT",
    "AnswerBy",
    "Button",
    "Capabilities",
    "Filing",
    "Reply",
    "StatusQuery",
    "Step",
    "Turn",
    "filed_reply",
    "greeting",
    "take",
    "title_of",
]
