"""Kinds of 민원 and their processing periods (영 §14–§17, 국민 제안 규정 §10)."""

from __future__ import annotations

from enum import StrEnum

from .errors import DomainError
from .periods import Period


class Kind(StrEnum):
    STATUTORY = "statutory"
    INQUIRY_LAW = "inquiry-law"
    INQUIRY_PROCEDURE = "inquiry-procedure"
    SUGGESTION = "suggestion"
    OTHER = "other"
    GRIEVANCE = "grievance"
    PROPOSAL = "proposal"

    @property
    def korean(self) -> str:
        return _KOREAN[self]

    @property
    def english(self) -> str:
        return _ENGLISH[self]

    @property
    def default_period(self) -> Period | None:
        """The period the law fixes; None for 법정민원, whose period comes from the agency's table per type."""
        return _PERIODS[self]

    @property
    def is_proposal(self) -> bool:
        return self is Kind.PROPOSAL

    @property
    def receipt_required_at_counter(self) -> bool:
        """A receipt must be issued for counter intake of 법정·질의·건의·고충 complaints (규칙)."""
        return self not in (Kind.OTHER, Kind.PROPOSAL)


_KOREAN = {
    Kind.STATUTORY: "법정민원",
    Kind.INQUIRY_LAW: "질의민원(법령)",
    Kind.INQUIRY_PROCEDURE: "질의민원(제도·절차)",
    Kind.SUGGESTION: "건의민원",
    Kind.OTHER: "기타민원",
    Kind.GRIEVANCE: "고충민원",
    Kind.PROPOSAL: "국민제안",
}
_ENGLISH = {
    Kind.STATUTORY: "Statutory application",
    Kind.INQUIRY_LAW: "Inquiry (law)",
    Kind.INQUIRY_PROCEDURE: "Inquiry (procedure)",
    Kind.SUGGESTION: "Suggestion",
    Kind.OTHER: "Other (simple)",
    Kind.GRIEVANCE: "Grievance",
    Kind.PROPOSAL: "Proposal",
}
_PERIODS: dict[Kind, Period | None] = {
    Kind.STATUTORY: None,
    Kind.INQUIRY_LAW: Period.days(14),
    Kind.INQUIRY_PROCEDURE: Period.days(7),
    Kind.SUGGESTION: Period.days(14),
    Kind.OTHER: Period.hours(3),
    Kind.GRIEVANCE: Period.days(7),
    Kind.PROPOSAL: Period.months(1),
}


def parse_kind(value: str) -> Kind:
    try:
        return Kind(value.strip().lower())
    except ValueError:
        codes = ", ".join(k.value for k in Kind)
        raise DomainError(
            "kind",
            f"알 수 없는 민원 종류입니다: '{value}'. 가능한 값: {codes}",
            f"Unknown kind of complaint: '{value}'. Expected one of: {codes}",
        ) from None
