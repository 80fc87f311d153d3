"""What the citizens' web form (server/citizen/) must hold before a case is filed, every problem at once and
each named by its field, so the page can put the message beside the box and keep what was typed. The
limits and the refusals are the desk's (domain.intake_form) and so the lifecycle's: what the form accepts,
the lifecycle accepts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import DomainError
from .intake_form import IntakeFields, intake_problems
from .kinds import Kind
from .masking import normalize_phone

# The kinds a citizen chooses from on the complaint form, with the words the page shows (a 법정민원 is an
# application with its own form and fee, filed through the national portal or at the counter; a proposal
# has its own form).
COMPLAINT_KINDS: dict[Kind, tuple[str, str]] = {
    Kind.GRIEVANCE: ("불편·고충", "생활 불편이나 행정 처분으로 겪는 어려움 (처리기간 7일)"),
    Kind.SUGGESTION: ("건의", "정책이나 제도를 고쳐 달라는 요청 (처리기간 14일)"),
    Kind.INQUIRY_PROCEDURE: ("제도·절차 문의", "제도나 절차에 대한 설명 요청 (처리기간 7일)"),
    Kind.INQUIRY_LAW: ("법령 해석 문의", "법령의 해석을 묻는 질의 (처리기간 14일)"),
    Kind.OTHER: ("간단한 문의·신고", "바로 답할 수 있는 간단한 일 (처리기간 근무시간 3시간)"),
}
# How the citizen wants to be told the answer: the case's reply channel (domain.replies.route_for_answer).
REPLY_CHOICES: dict[str, str] = {
    "web": "이 누리집에서 확인 (접수번호와 전화번호 끝 네 자리로 조회)",
    "sms": "문자 메시지 (휴대전화)",
    "email": "이메일",
}
EMAIL_MAX = 200
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_MOBILE = re.compile(r"^01[016789]")


@dataclass(frozen=True)
class WebForm:
    """The form as typed (every value a string, as the browser sent it)."""

    proposal: bool
    kind: str
    title: str
    body: str
    place: str
    name: str
    phone: str
    email: str
    reply: str
    consent: bool
    public: str = ""  # a proposal's 공개 여부: "yes", "no" (nothing chosen: "")

    @property
    def chosen_kind(self) -> Kind | None:
        if self.proposal:
            return Kind.PROPOSAL
        return next((kind for kind in COMPLAINT_KINDS if kind.value == self.kind), None)


def form_problems(form: WebForm) -> list[DomainError]:
    """Every problem of the form, at most one a field, in the form's order."""
    kind = form.chosen_kind
    problems = {
        error.field: error
        for error in intake_problems(
            IntakeFields(
                kind=kind or Kind.GRIEVANCE,
                title=form.title,
                body=form.body,
                name=form.name,
                phone=form.phone,
                place=form.place,
                phone_required=True,
            )
        )
    }
    if kind is None:
        problems["kind"] = DomainError("kind", "민원 종류를 골라 주세요.", "Choose the kind.", code="required")
    if not form.body.strip() and "body" not in problems:
        problems["body"] = DomainError("body", "내용을 입력해 주세요.", "Describe the matter.", code="required")
    if "phone" in problems and problems["phone"].code == "required":
        problems["phone"] = DomainError(
            "phone",
            "전화번호를 입력해 주세요. 처리 상황을 조회할 때 끝 네 자리가 필요합니다.",
            "Enter your phone number: its last four digits are asked when you look the case up.",
            code="required",
        )
    digits = _digits(form.phone)
    if "phone" not in problems and not 9 <= len(digits) <= 11:  # 02-123-4567 … 010-1234-5678
        problems["phone"] = DomainError(
            "phone",
            f"전화번호 형식이 올바르지 않습니다: '{form.phone.strip()}' (예: 010-1234-5678)",
            f"Not a valid phone number: '{form.phone.strip()}' (e.g. 010-1234-5678)",
            code="phone",
        )
    email = form.email.strip()
    if email and (len(email) > EMAIL_MAX or not _EMAIL.match(email)):
        problems["email"] = DomainError(
            "email", "이메일 주소 형식이 올바르지 않습니다 (예: hong@example.kr).", "Not an e-mail address."
        )
    if form.reply not in REPLY_CHOICES:
        problems["reply"] = DomainError(
            "reply", "답변 받을 방법을 골라 주세요.", "Choose how to be answered.", code="required"
        )
    elif form.reply == "email" and not email and "email" not in problems:
        problems["email"] = DomainError(
            "email",
            "이메일로 답변 받으시려면 이메일 주소를 입력해 주세요.",
            "Enter an e-mail address to be answered by e-mail.",
            code="required",
        )
    elif form.reply == "sms" and "phone" not in problems and not _MOBILE.match(digits):
        problems["phone"] = DomainError(
            "phone",
            "문자로 답변 받으시려면 휴대전화 번호(010-…)를 입력해 주세요.",
            "A mobile number (010-…) is needed to be answered by text message.",
            code="mobile",
        )
    if form.proposal and form.public not in ("yes", "no"):
        problems["public"] = DomainError(
            "public", "제안 내용의 공개 여부를 골라 주세요.", "Choose whether the proposal may be published."
        )
    if not form.consent:
        problems["consent"] = DomainError(
            "consent",
            "개인정보 수집·이용에 동의하셔야 신청할 수 있습니다.",
            "Consent to the collection and use of personal data is required to file.",
            code="required",
        )
    order = ["kind", "title", "body", "place", "name", "phone", "email", "reply", "public", "consent"]
    return sorted(problems.values(), key=lambda e: order.index(e.field) if e.field in order else len(order))


def normalized_phone(form: WebForm) -> str:
    """The phone as the case keeps it (010-1234-5678); only for a form without problems."""
    return normalize_phone(form.phone)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
