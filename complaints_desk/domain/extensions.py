"""Deadline extensions (영 §21): at most two, the second with the petitioner's consent, each at most as
long as the original period, and only for the reasons the decree allows. How an extension is counted (in
the original period's way, from the due moment it extends) is in deadlines.deadline_stretches."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from .errors import DomainError
from .periods import Period

MAX_EXTENSIONS = 2


class ExtensionReason(StrEnum):
    COOPERATION = "cooperation"  # 다른 행정기관·부서의 협조가 필요
    FACT_CHECK = "fact_check"  # 사실·현장 확인 등
    FORCE_MAJEURE = "force_majeure"  # 천재지변 등 부득이한 사유
    EQUIVALENT = "equivalent"  # 이에 준하는 사유 (설명 필수)

    @property
    def korean(self) -> str:
        return _KOREAN[self]


_KOREAN = {
    ExtensionReason.COOPERATION: "다른 기관·부서의 협조 필요",
    ExtensionReason.FACT_CHECK: "사실·현장 확인 필요",
    ExtensionReason.FORCE_MAJEURE: "천재지변 등 부득이한 사유",
    ExtensionReason.EQUIVALENT: "이에 준하는 사유",
}

# Reasons people reach for that the decree does not accept; named so the refusal can say why.
_REFUSED_REASONS = {
    "workload": ("업무량 과다는 연장 사유가 될 수 없습니다.", "Workload is not a reason for an extension."),
    "no_officer": (
        "담당자 미지정은 연장 사유가 될 수 없습니다.",
        "Having no officer assigned yet is not a reason for an extension.",
    ),
}


def parse_extension_reason(value: str) -> ExtensionReason:
    key = value.strip().lower()
    if key in _REFUSED_REASONS:
        ko, en = _REFUSED_REASONS[key]
        raise DomainError("reason", ko, en, code="reason_not_allowed")
    try:
        return ExtensionReason(key)
    except ValueError:
        codes = ", ".join(r.value for r in ExtensionReason)
        raise DomainError(
            "reason",
            f"허용되지 않는 연장 사유입니다: '{value}'. 가능한 값: {codes}",
            f"Not an allowed extension reason: '{value}'. Expected one of: {codes}",
            code="reason_not_allowed",
        ) from None


def check_extension(
    *,
    previous_count: int,
    original: Period,
    extension: Period,
    consent: bool,
    reason: ExtensionReason,
    reason_text: str = "",
) -> None:
    """Raise DomainError when this extension is not allowed; return None when it is."""
    _check_count(previous_count)
    if previous_count == 1 and not consent:
        raise DomainError(
            "consent",
            "두 번째 연장에는 민원인의 동의가 필요합니다(시행령 제21조).",
            "The second extension needs the petitioner's consent (영 §21).",
            code="consent_required",
        )
    _check_period(original, extension)
    if reason is ExtensionReason.EQUIVALENT and not reason_text.strip():
        raise DomainError(
            "reason_text",
            "'이에 준하는 사유'를 선택하면 구체적인 사유를 적어야 합니다.",
            "An 'equivalent reason' needs a written explanation.",
        )


def check_extension_periods(original: Period, extensions: Sequence[Period]) -> None:
    """The checks that need no more than the periods: how many extensions, their unit and their length.
    Consent and reason are the business of ``check_extension``, when an extension is granted."""
    for count, extension in enumerate(extensions):
        _check_count(count)
        _check_period(original, extension)


def _check_count(previous_count: int) -> None:
    if previous_count >= MAX_EXTENSIONS:
        raise DomainError(
            "extend",
            "처리기간은 두 번까지만 연장할 수 있습니다(시행령 제21조). 세 번째 연장은 허용되지 않습니다.",
            "A deadline may be extended twice at most (영 §21); a third extension is not allowed.",
            code="too_many_extensions",
        )


def _check_period(original: Period, extension: Period) -> None:
    # An extension is counted like the original period (영 §21), so it must be given in the original's unit:
    # "3 days" on a 3-day period means 24 working hours, which "24h" would only say ambiguously.
    if extension.unit != original.unit:
        raise DomainError(
            "extend",
            f"연장 기간({extension.korean()})은 원래 처리기간({original.korean()})과 같은 단위여야 합니다.",
            f"The extension ({extension.amount} {extension.unit}) must be in the same unit as the "
            f"original period ({original.amount} {original.unit}).",
            code="extension_unit",
        )
    if extension.amount > original.amount:
        raise DomainError(
            "extend",
            f"연장 기간({extension.korean()})은 원래 처리기간({original.korean()})을 넘을 수 없습니다.",
            f"An extension ({extension.amount} {extension.unit}) may not be longer than the original "
            f"period ({original.amount} {original.unit}).",
            code="extension_too_long",
        )
