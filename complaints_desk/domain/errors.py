"""Errors raised by the rules, bilingual so that every front end can show them in the user's language."""

from __future__ import annotations


class DomainError(ValueError):
    """A rule was broken by some input.

    ``field`` names the input at fault (as it is called on the wire and on the command line) so a form can
    put the message next to the right box; ``ko`` and ``en`` are complete sentences for a person.
    """

    def __init__(self, field: str, ko: str, en: str, code: str = "invalid") -> None:
        super().__init__(f"{field}: {en}")
        self.field = field
        self.ko = ko
        self.en = en
        self.code = code

    def __reduce__(self) -> tuple[object, ...]:
        # Subclasses take different arguments; rebuild through the base so errors cross process boundaries.
        return (_rebuild, (type(self), self.field, self.ko, self.en, self.code))

    def message(self, language: str = "ko") -> str:
        text = self.ko if language.startswith("ko") else self.en
        return f"{self.field}: {text}"

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "ko": self.ko, "en": self.en}


class LifecycleError(DomainError):
    """An event that the lifecycle does not allow in the case's current state or for the actor's role."""

    def __init__(self, field: str, ko: str, en: str, code: str = "lifecycle") -> None:
        super().__init__(field, ko, en, code)


class PermissionDenied(LifecycleError):
    def __init__(self, field: str, ko: str, en: str) -> None:
        super().__init__(field, ko, en, code="forbidden")


def _rebuild(cls: type[DomainError], field: str, ko: str, en: str, code: str) -> DomainError:
    error = DomainError.__new__(cls)
    DomainError.__init__(error, field, ko, en, code)
    return error
