"""What an intake form must hold before it is saved, every problem at once (the lifecycle stops at the first):
the same limits and rules as the lifecycle's receipt (domain.values, domain.masking), so what the form accepts
the server accepts, and each problem named by the field the lifecycle would name."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import DomainError
from .kinds import Kind
from .masking import normalize_phone, refuse_resident_number
from .repeats import GROUP_MIN_HOUSEHOLDS, GROUP_MIN_SIGNERS
from .values import check_chars

# The lifecycle's limits (domain.lifecycle TITLE_MAX, BODY_MAX, PLACE_MAX; the petitioner's in _received).
LIMITS = {"title": 200, "body": 20_000, "place": 300, "name": 100, "address": 300, "answer": 20_000}


@dataclass(frozen=True)
class IntakeFields:
    kind: Kind
    title: str
    body: str
    name: str
    phone: str
    address: str = ""
    place: str = ""
    answer: str = ""  # a 기타민원 answered in the form
    phone_required: bool = False  # a phone intake starts from the caller's number
    is_group: bool = False
    signers: int = 1
    households: int = 1


def resident_number_problem(field: str, value: str) -> DomainError | None:
    """The refusal of a resident registration number typed into this field, or None."""
    try:
        refuse_resident_number(field, value)
    except DomainError as error:
        return error
    return None


def intake_problems(fields: IntakeFields) -> list[DomainError]:
    """Every problem of the form, at most one a field, in the form's order."""
    problems: dict[str, DomainError] = {}

    def note(error: DomainError | None) -> None:
        if error is not None and error.field not in problems:
            problems[error.field] = error

    texts = {
        "phone": fields.phone,
        "name": fields.name,
        "title": fields.title,
        "body": fields.body,
        "place": fields.place,
        "address": fields.address,
        "answer": fields.answer,
    }
    for field, value in texts.items():
        try:
            check_chars(field, value)
        except DomainError as error:
            note(error)
        note(resident_number_problem(field, value))
        limit = LIMITS.get(field)
        if limit is not None and len(value.strip()) > limit:
            note(
                DomainError(
                    field,
                    f"{limit:,}자 이하로 줄여 주세요(지금 {len(value.strip()):,}자).",
                    f"At most {limit:,} characters (now {len(value.strip()):,}).",
                    code="too_long",
                )
            )
    if fields.phone.strip():
        try:
            normalize_phone(fields.phone)
        except DomainError as error:
            note(DomainError("phone", error.ko, error.en, code=error.code))
    elif fields.phone_required:
        note(DomainError("phone", "전화번호를 입력해 주세요.", "Enter the caller's number.", code="required"))
    if not fields.name.strip():
        note(DomainError("name", "민원인 이름을 입력해 주세요.", "Enter the petitioner's name.", code="required"))
    if not fields.title.strip():
        note(DomainError("title", "제목을 입력해 주세요.", "Enter a title.", code="required"))
    if fields.is_group:
        if fields.signers < GROUP_MIN_SIGNERS:
            note(
                DomainError(
                    "signers",
                    f"다수인관련민원은 연명자가 {GROUP_MIN_SIGNERS}명 이상이어야 합니다.",
                    f"A group complaint has at least {GROUP_MIN_SIGNERS} signers.",
                    code="group",
                )
            )
        if fields.households < GROUP_MIN_HOUSEHOLDS:
            note(
                DomainError(
                    "households",
                    f"다수인관련민원은 {GROUP_MIN_HOUSEHOLDS}세대 이상이어야 합니다.",
                    f"A group complaint comes from at least {GROUP_MIN_HOUSEHOLDS} households.",
                    code="group",
                )
            )
    if fields.answer.strip() and fields.kind is not Kind.OTHER:
        note(
            DomainError(
                "answer",
                "접수하면서 바로 답변할 수 있는 것은 기타민원뿐입니다.",
                "Only a simple (other) complaint is answered at intake.",
                code="not_at_once",
            )
        )
    order = [*texts, "signers", "households"]
    return sorted(problems.values(), key=lambda e: order.index(e.field) if e.field in order else len(order))
