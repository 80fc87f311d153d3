"""Typed dependencies shared by the routers: the session factory, the authenticated staff member and
role checks. Every endpoint except /healthz and /auth/token requires a live bearer token.

The dependencies are `async def` on purpose: FastAPI runs a plain `def` dependency on its thread pool, a
hop (hand-over, wake-up, hand-back) that costs more than the dependency itself. Only a token that is not in
the short-lived token cache (server/token_cache.py) goes to the thread pool, for its database lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from ..domain.roles import Role
from ..store.central import accounts
from ..store.central.accounts import StaffInfo
from ..sync.protocol import WORKSTATION_HEADER, WORKSTATION_PROOF_HEADER
from . import units
from .config import ServerSettings
from .errors import forbidden, unauthorized
from .notify import Notifier
from .token_cache import TokenCache


async def get_factory(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.factory
    return factory


async def get_settings(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


async def get_notifier(request: Request) -> Notifier:
    notifier: Notifier = request.app.state.notifier
    return notifier


FactoryDep = Annotated[sessionmaker[Session], Depends(get_factory)]
SettingsDep = Annotated[ServerSettings, Depends(get_settings)]
NotifierDep = Annotated[Notifier, Depends(get_notifier)]


_bearer = HTTPBearer(auto_error=False, description="POST /api/v1/auth/token 으로 받은 토큰")


BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise unauthorized()
    return credentials.credentials


async def bearer_token(credentials: BearerDep) -> str:
    return _token(credentials)


TokenDep = Annotated[str, Depends(bearer_token)]


async def get_token_cache(request: Request) -> TokenCache:
    cache: TokenCache = request.app.state.token_cache
    return cache


TokenCacheDep = Annotated[TokenCache, Depends(get_token_cache)]


async def current_staff(request: Request, credentials: BearerDep) -> StaffInfo:
    """The staff member the bearer token belongs to (401 otherwise). It takes the app's state from the
    request rather than as dependencies: FastAPI's cost per dependency and request is larger than that of
    the work most of them do, and every authenticated request solves this one."""
    token = _token(credentials)
    cache: TokenCache = request.app.state.token_cache
    staff = cache.get(token)
    if staff is None:
        factory: sessionmaker[Session] = request.app.state.factory

        def load(token: str, now: datetime) -> tuple[StaffInfo, datetime] | None:
            return units.read(factory, lambda s: accounts.staff_and_expiry_for_token(s, token, now=now))

        staff = await run_in_threadpool(cache.lookup, token, load)
    if staff is None:
        raise unauthorized()
    return staff


StaffDep = Annotated[StaffInfo, Depends(current_staff)]


def require(*roles: Role) -> Any:
    """A dependency admitting only these roles (403 with both languages otherwise)."""
    allowed = frozenset(roles)

    async def check(staff: StaffDep) -> StaffInfo:
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


# --- the workstation's proof --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkstationClaim:
    """What the request says about the workstation it comes from (headers X-Workstation and
    X-Workstation-Proof). Only a claim: store.central.stations.proven_station_code checks it against the stored
    hash, inside the unit of work that relies on it (the push's own transaction: no extra round trip)."""

    workstation_id: str | None
    secret: str | None

    @property
    def present(self) -> bool:
        return bool(self.workstation_id or self.secret)


def workstation_claim(request: Request) -> WorkstationClaim:
    headers = request.headers
    workstation = (headers.get(WORKSTATION_HEADER) or "").strip()[:36] or None
    secret = (headers.get(WORKSTATION_PROOF_HEADER) or "").strip()[:100] or None
    return WorkstationClaim(workstation, secret)


async def _claim(request: Request) -> WorkstationClaim:
    return workstation_claim(request)


WorkstationDep = Annotated[WorkstationClaim, Depends(_claim)]
