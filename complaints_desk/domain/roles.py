"""Staff roles and the actor who makes a change."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    AGENT = "agent"
    CLERK = "clerk"
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    SYSTEM = "system"  # the server's channel intake and scheduled jobs, never a person

    @property
    def korean(self) -> str:
        return _KOREAN[self]

    @property
    def sees_full_details_everywhere(self) -> bool:
        """Roles that need petitioners' details in full for every case to do their work."""
        return self in (Role.AGENT, Role.CLERK, Role.SUPERVISOR, Role.SYSTEM)


_KOREAN = {
    Role.AGENT: "상담원",
    Role.CLERK: "민원실 창구",
    Role.OFFICER: "담당 공무원",
    Role.SUPERVISOR: "팀장/센터장",
    Role.ADMIN: "관리자",
    Role.SYSTEM: "시스템",
}

STAFF_ROLES = (Role.AGENT, Role.CLERK, Role.OFFICER, Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class Actor:
    id: str | None
    role: Role
    department_code: str | None = None
    name: str = ""


def may_view_details(role: Role, own_department: str | None, case_department: str | None) -> bool:
    """Whether this role sees a case's petitioner in full: the roles that need it everywhere, and an officer
    for their own department's cases (the server records an officer's view as `details_viewed`)."""
    if role.sees_full_details_everywhere:
        return True
    return role is Role.OFFICER and case_department is not None and case_department == own_department
