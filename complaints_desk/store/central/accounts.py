"""Accounts and tokens: password checks, token issue/lookup/revocation, and the failed-login window.
Plain functions over a session; the caller owns the transaction."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from ...domain.roles import Role
from ..models import Staff
from .tables import AuthToken, LoginFailure


@dataclass(frozen=True)
class StaffInfo:
    """The authenticated staff member, as the server's endpoints see them (never the password hash)."""

    id: str
    username: str
    name: str
    role: Role
    department_code: str | None
    phone: str = ""

    def as_dict(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "username": self.username,
            "name": self.name,
            "role": self.role.value,
            "department_code": self.department_code,
            "phone": self.phone,
        }


def staff_info(row: Staff) -> StaffInfo:
    return StaffInfo(row.id, row.username, row.name, Role(row.role), row.department_code, row.phone)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def active_staff(session: Session, username: str) -> Staff | None:
    return session.execute(
        select(Staff).where(Staff.username == username, Staff.active.is_(True))
    ).scalar_one_or_none()


def issue_token(session: Session, staff_id: str, *, now: datetime, ttl: timedelta, client_ip: str = "") -> str:
    """A new random bearer token; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    session.add(
        AuthToken(
            token_hash=hash_token(token),
            staff_id=staff_id,
            issued_at=now,
            expires_at=now + ttl,
            revoked_at=None,
            client_ip=client_ip[:64],
        )
    )
    session.flush()
    return token


# Built once: constructing the statement costs more than running it, and this runs on every request whose
# token is not in the server's short-lived cache (server/token_cache.py).
_STAFF_FOR_TOKEN = (
    select(
        Staff.id,
        Staff.username,
        Staff.name,
        Staff.role,
        Staff.department_code,
        Staff.phone,
        AuthToken.expires_at,
    )
    .join(AuthToken, AuthToken.staff_id == Staff.id)
    .where(
        AuthToken.token_hash == bindparam("token_hash"),
        AuthToken.revoked_at.is_(None),
        AuthToken.expires_at > bindparam("now"),
        Staff.active.is_(True),
    )
)


def staff_and_expiry_for_token(
    session: Session, token: str, *, now: datetime
) -> tuple[StaffInfo, datetime] | None:
    """The active staff member a live (unexpired, unrevoked) token belongs to and when the token expires,
    or None. One small query over the token's primary key."""
    row = session.execute(_STAFF_FOR_TOKEN, {"token_hash": hash_token(token), "now": now}).first()
    if row is None:
        return None
    info = StaffInfo(row.id, row.username, row.name, Role(row.role), row.department_code, row.phone)
    return info, row.expires_at


def revoke_token(session: Session, token: str, *, now: datetime) -> bool:
    result = session.execute(
        update(AuthToken)
        .where(AuthToken.token_hash == hash_token(token), AuthToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def revoke_all_tokens(session: Session, staff_id: str, *, now: datetime) -> None:
    session.execute(
        update(AuthToken)
        .where(AuthToken.staff_id == staff_id, AuthToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


# --- failed logins: an exponential lockout window per (username, address) ----------------------------------


def login_key(username: str, client_ip: str) -> str:
    return f"{username.strip().lower()[:120]}|{client_ip[:64]}"


def locked_until(session: Session, key: str, *, now: datetime) -> datetime | None:
    row = session.get(LoginFailure, key)
    if row is None or row.locked_until is None or row.locked_until <= now:
        return None
    return row.locked_until


def note_failed_login(
    session: Session, key: str, *, now: datetime, after: int, base: timedelta, cap: timedelta
) -> datetime | None:
    """Count a wrong password; from the `after`-th failure on, lock the pair out for base × 2^(n - after),
    at most `cap`. Returns the end of the lockout, if any."""
    row = session.get(LoginFailure, key, with_for_update=True)
    if row is None:
        row = LoginFailure(key=key, failures=0, last_failed_at=now, locked_until=None)
        session.add(row)
    row.failures += 1
    row.last_failed_at = now
    if row.failures >= after:
        window = min(base * (2 ** (row.failures - after)), cap)
        row.locked_until = now + window
    session.flush()
    return row.locked_until


def clear_failed_logins(session: Session, key: str) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.key == key))


# --- passwords (argon2id via argon2-cffi, its recommended defaults) ----------------------------------------

_hasher: object | None = None


def _password_hasher() -> object:
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    hasher = _password_hasher()
    assert isinstance(hasher, PasswordHasher)
    return hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _password_hasher()
    assert isinstance(hasher, PasswordHasher)
    if not password_hash:
        hasher.hash(password)  # spend the same time, so a missing account is not told apart by timing
        return False
    try:
        return bool(hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False
