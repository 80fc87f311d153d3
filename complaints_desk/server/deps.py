"""Typed dependencies shared by the routers: the session factory, the authenticated staff member and
role checks. Every endpoint except /healthz and /auth/token requires a live bearer token."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from ..domain.roles import Role
from ..store import auth_service
from ..store.auth_service import StaffInfo
from .config import ServerSettings
from .errors import forbidden, unauthorized
from .notify import Notifier


def get_factory(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.factory
    return factory


def get_settings(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


def get_notifier(request: Request) -> Notifier:
    notifier: Notifier = request.app.state.notifier
    return notifier


FactoryDep = Annotated[sessionmaker[Session], Depends(get_factory)]
SettingsDep = Annotated[ServerSettings, Depends(get_settings)]
NotifierDep = Annotated[Notifier, Depends(get_notifier)]


def get_session(factory: FactoryDep) -> Iterator[Session]:
    """A session for reads; writes go through store.db.transaction so each unit commits on its own."""
    session = factory()
    try:
        yield session
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]
_bearer = HTTPBearer(auto_error=False, description="POST /api/v1/auth/token 으로 받은 토큰")


def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise unauthorized()
    return credentials.credentials


TokenDep = Annotated[str, Depends(bearer_token)]


def current_staff(token: TokenDep, factory: FactoryDep) -> StaffInfo:
    with factory() as session:
        staff = auth_service.staff_for_token(session, token, now=datetime.now(UTC))
    if staff is None:
        raise unauthorized()
    return staff


StaffDep = Annotated[StaffInfo, Depends(current_staff)]


def require(*roles: Role) -> Any:
    """A dependency admitting only these roles (403 with both languages otherwise)."""
    allowed = frozenset(roles)

    def check(staff: StaffDep) -> StaffInfo:
        if staff.role not in allowed:
            names = ", ".join(r.korean for r in roles)
            raise forbidden(
                f"'{staff.role.korean}' 권한으로는 할 수 없습니다 (허용: {names}).",
                f"The {staff.role.value} role may not do this (allowed: {', '.join(r.value for r in roles)}).",
            )
        return staff

    return Depends(check)


AdminDep = Annotated[StaffInfo, require(Role.ADMIN)]
Check = Callable[..., StaffInfo]
