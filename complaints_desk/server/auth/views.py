"""POST /auth/token (log in), POST /auth/revoke (log out), GET /auth/me."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...store.central import accounts
from ...store.central.accounts import StaffInfo as AuthStaff
from ...sync.protocol import API_PREFIX, StaffInfo, TokenRequest, TokenResponse
from .. import units
from ..deps import FactoryDep, SettingsDep, StaffDep, TokenCacheDep, TokenDep
from ..errors import ApiError
from ..logs import log

router = APIRouter(prefix=API_PREFIX + "/auth", tags=["auth"])


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


@router.post("/token", response_model=TokenResponse, summary="로그인: 아이디·비밀번호 → 토큰")
def issue_token(body: TokenRequest, request: Request, factory: FactoryDep, settings: SettingsDep) -> TokenResponse:
    now = datetime.now(UTC)
    ip = _client_ip(request)
    key = accounts.login_key(body.username, ip)

    def look_up(session: Session) -> tuple[datetime | None, str | None, AuthStaff | None]:
        locked = accounts.locked_until(session, key, now=now)
        row = accounts.active_staff(session, body.username.strip().lower())
        if row is None:
            return locked, None, None
        return locked, row.password_hash, accounts.staff_info(row)

    locked, password_hash, staff = units.read(factory, look_up)
    if locked is not None:
        raise _locked(locked, now)
    # argon2 takes tens of milliseconds on purpose: do it outside any transaction.
    if staff is None or not accounts.verify_password(password_hash, body.password):
        try:
            until = units.write(
                factory,
                lambda s: accounts.note_failed_login(
                    s,
                    key,
                    now=now,
                    after=settings.lockout_after,
                    base=settings.lockout_base,
                    cap=settings.lockout_max,
                ),
            )
        except IntegrityError:
            until = None  # two failures at the same instant: one was counted
        log("login_failed", logging.WARNING, username=body.username[:60], client=ip, locked_until=until)
        raise ApiError(
            401,
            "bad_credentials",
            "아이디 또는 비밀번호가 올바르지 않습니다.",
            "Wrong username or password.",
            headers={"WWW-Authenticate": "Bearer"},
        )

    staff_id = staff.id

    def log_in(session: Session) -> str:
        accounts.clear_failed_logins(session, key)
        return accounts.issue_token(session, staff_id, now=now, ttl=settings.token_ttl, client_ip=ip)

    # repeatable: had the first COMMIT gone through, its token is simply never handed out
    token = units.write(factory, log_in, repeatable=True)
    log("login", username=staff.username, role=staff.role.value, client=ip)
    return TokenResponse(
        access_token=token,
        expires_at=now + settings.token_ttl,
        staff=StaffInfo(**staff.as_dict()),  # type: ignore[arg-type]
    )


def _locked(until: datetime, now: datetime) -> ApiError:
    seconds = max(1, int((until - now).total_seconds()) + 1)
    return ApiError(
        429,
        "locked_out",
        f"비밀번호를 여러 번 틀려 잠시 로그인할 수 없습니다. {seconds}초 후에 다시 시도해 주세요.",
        f"Too many wrong passwords: try again in {seconds} seconds.",
        headers={"Retry-After": str(seconds)},
    )


@router.post("/revoke", summary="로그아웃: 이 토큰을 폐기")
def revoke(token: TokenDep, staff: StaffDep, factory: FactoryDep, cache: TokenCacheDep) -> dict[str, bool]:
    now = datetime.now(UTC)
    revoked = units.write(factory, lambda s: accounts.revoke_token(s, token, now=now), repeatable=True)
    cache.evict(token)  # after the commit: refused from the very next request on this process
    log("logout", username=staff.username)
    return {"revoked": revoked}


@router.get("/me", response_model=StaffInfo, summary="로그인한 직원 정보")
def me(staff: StaffDep) -> StaffInfo:
    return StaffInfo(**staff.as_dict())  # type: ignore[arg-type]
