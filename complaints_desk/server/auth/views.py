"""POST /auth/token (log in), POST /auth/revoke (log out), GET /auth/me."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ...store.central import accounts
from ...store.central.accounts import StaffInfo as AuthStaff
from ...sync.protocol import API_PREFIX, StaffInfo, TokenRequest, TokenResponse
from .. import units
from ..config import ServerSettings
from ..deps import FactoryDep, SettingsDep, StaffDep, TokenCacheDep, TokenDep
from ..errors import ApiError, DatabaseUnavailable, database_reason
from ..logs import log
from .gate import PasswordGate

router = APIRouter(prefix=API_PREFIX + "/auth", tags=["auth"])


def _client_ip(request: Request) -> str:
    # The socket's peer, or — from a trusted proxy — the right-most X-Forwarded-For entry that is not a
    # trusted proxy itself (uvicorn's ProxyHeadersMiddleware, installed by app.create_app).
    return request.client.host if request.client else ""


def _gate(request: Request) -> PasswordGate:
    gate: PasswordGate = request.app.state.password_gate
    return gate


@router.post("/token", response_model=TokenResponse, summary="로그인: 아이디·비밀번호 → 토큰")
async def issue_token(
    body: TokenRequest, request: Request, factory: FactoryDep, settings: SettingsDep
) -> TokenResponse:
    """async on purpose: a login waiting for a password check waits on the event loop, never holding one of
    the request threads the pushes need (server/auth/gate.py). Its database work runs on those threads,
    briefly, like every other request's."""
    now = datetime.now(UTC)
    ip = _client_ip(request)
    username = body.username.strip().lower()
    keys = (accounts.user_key(username), accounts.address_key(ip))
    await _clean_up_if_due(request, factory, settings, now)

    def look_up(session: Session) -> tuple[datetime | None, str | None, AuthStaff | None]:
        locked = accounts.locked_until(session, keys, now=now)
        row = accounts.active_staff(session, username)
        if row is None:
            return locked, None, None
        return locked, row.password_hash, accounts.staff_info(row)

    locked, password_hash, staff = await run_in_threadpool(units.read, factory, look_up)
    if locked is not None:
        raise _locked(locked, now)
    # Unknown and inactive usernames are checked against a dummy hash: the same work, time and answer.
    gate = _gate(request)
    matched = await gate.check(password_hash, body.password)
    if staff is None or not matched:
        until = await run_in_threadpool(_note_failure, factory, settings, keys, now)
        log(
            "login_failed",
            logging.WARNING,
            username=body.username[:60],
            client=ip,
            locked_until=until,
            verifications=gate.verifications,
        )
        raise ApiError(
            401,
            "bad_credentials",
            "아이디 또는 비밀번호가 올바르지 않습니다.",
            "Wrong username or password.",
            headers={"WWW-Authenticate": "Bearer"},
        )

    staff_id = staff.id

    def log_in(session: Session) -> str:
        # The address's count is left to expire: a valid account of one's own must not reset it.
        accounts.clear_failed_logins(session, keys[0])
        return accounts.issue_token(session, staff_id, now=now, ttl=settings.token_ttl, client_ip=ip)

    # repeatable: had the first COMMIT gone through, its token is simply never handed out
    token = await run_in_threadpool(lambda: units.write(factory, log_in, repeatable=True))
    log("login", username=staff.username, role=staff.role.value, client=ip)
    return TokenResponse(
        access_token=token,
        expires_at=now + settings.token_ttl,
        staff=StaffInfo(**staff.as_dict()),  # type: ignore[arg-type]
    )


def _note_failure(
    factory: sessionmaker[Session], settings: ServerSettings, keys: tuple[str, str], now: datetime
) -> datetime | None:
    user, address = keys

    def note(session: Session) -> datetime | None:
        ends = [
            accounts.note_failed_login(
                session,
                key,
                now=now,
                after=after,
                base=settings.lockout_base,
                cap=settings.lockout_max,
                window=settings.failure_window,
            )
            for key, after in ((user, settings.lockout_after), (address, settings.address_lockout_after))
        ]
        return max((end for end in ends if end is not None), default=None)

    try:
        return units.write(factory, note)
    except IntegrityError:
        return None  # two first failures of one key at the same instant: the other one was counted


async def _clean_up_if_due(
    request: Request, factory: sessionmaker[Session], settings: ServerSettings, now: datetime
) -> None:
    """Expired tokens and forgotten failures are deleted by a login, at most once per cleanup_interval per
    process: only logins add rows to those tables, so they cannot grow while nobody logs in."""
    state = request.app.state
    moment = time.monotonic()
    if moment < state.next_cleanup:
        return
    state.next_cleanup = moment + settings.cleanup_interval.total_seconds()  # before awaiting: one at a time

    def clean(session: Session) -> tuple[int, int]:
        return accounts.delete_stale_rows(session, now=now, failure_window=settings.failure_window)

    try:
        tokens, failures = await run_in_threadpool(lambda: units.write(factory, clean, repeatable=True))
    except (SQLAlchemyError, DatabaseUnavailable) as error:
        # Housekeeping must never cost a login: the next one due tries again.
        log("cleanup_failed", logging.WARNING, error=type(error).__name__, reason=database_reason(error))
        return
    if tokens or failures:
        log("cleanup", expired_tokens=tokens, login_failures=failures)


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
