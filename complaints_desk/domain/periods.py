"""Processing periods (처리기간) as the law states them: so many hours, days or months."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import DomainError


class PeriodUnit(StrEnum):
    HOURS = "hours"
    DAYS = "days"
    MONTHS = "months"


@dataclass(frozen=True, order=True)
class Period:
    amount: int
    unit: PeriodUnit

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise DomainError("period", "처리기간은 0보다 커야 합니다.", "A processing period must be positive.")

    @classmethod
    def hours(cls, amount: int) -> Period:
        return cls(amount, PeriodUnit.HOURS)

    @classmethod
    def days(cls, amount: int) -> Period:
        return cls(amount, PeriodUnit.DAYS)

    @classmethod
    def months(cls, amount: int) -> Period:
        return cls(amount, PeriodUnit.MONTHS)

    def as_dict(self) -> dict[str, object]:
        return {"amount": self.amount, "unit": self.unit.value}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Period:
        try:
            amount = int(str(data["amount"]))
            unit = PeriodUnit(str(data["unit"]))
        except (KeyError, ValueError) as exc:
            raise DomainError(
                "period", "처리기간 형식이 올바르지 않습니다.", "The processing period is malformed."
            ) from exc
        return cls(amount, unit)

    def korean(self) -> str:
        label = {PeriodUnit.HOURS: "시간", PeriodUnit.DAYS: "일", PeriodUnit.MONTHS: "개월"}[self.unit]
        return f"{self.amount}{label}"
