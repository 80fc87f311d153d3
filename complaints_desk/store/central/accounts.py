"""Accounts and tokens: password checks, token issue/lookup/revocation/cleanup, and the failed-login windows.
Plain functions over a session; the caller owns the transaction."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, delete, or_, select, update
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


# --- failed logins: an exponential lockout window per username and per client address ---------------------
#
# Two counters in one table, told apart by the key's prefix: the account's ("user:<name>", whatever address
# the wrong passwords come from, so a rotating X-Forwarded-For or a botnet cannot dodge it) and the
# address's ("addr:<ip>", whatever usernames it tries, so one address cannot walk through many accounts).
# Unknown usernames are counted like known ones: a lockout that only real accounts got would tell them apart.


def user_key(username: str) -> str:
    return f"user:{username.strip().lower()[:120]}"


def address_key(client_ip: str) -> str:
    return f"addr:{client_ip[:64]}"


def locked_until(session: Session, keys: Sequence[str], *, now: datetime) -> datetime | None:
    """The latest end of a running lockout over these keys, or None."""
    ends = session.execute(
        select(LoginFailure.locked_until).where(LoginFailure.key.in_(keys), LoginFailure.locked_until > now)
    ).scalars()
    return max((end for end in ends if end is not None), default=None)


def note_failed_login(
    session: Session, key: str, *, now: datetime, after: int, base: timedelta, cap: timedelta, window: timedelta
) -> datetime | None:
    """Count a wrong password; from the `after`-th failure on, lock the key out for base × 2^(n - after), at
    most `cap`. A count whose last failure is older than `window` starts again. Returns the lockout's end."""
    row = session.get(LoginFailure, key, with_for_update=True)
    if row is None:
        row = LoginFailure(key=key, failures=0, last_failed_at=now, locked_until=None)
        session.add(row)
    elif row.last_failed_at <= now - window:
        row.failures, row.locked_until = 0, None
    row.failures += 1
    row.last_failed_at = now
    if row.failures >= after:
        exponent = min(row.failures - after, 30)  # past the cap long before; keeps the number small
        row.locked_until = now + min(base * (2**exponent), cap)
    session.flush()
    return row.locked_until


def clear_failed_logins(session: Session, key: str) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.key == key))


def delete_stale_rows(session: Session, *, now: datetime, failure_window: timedelta) -> tuple[int, int]:
    """Delete expired tokens (refused anyway) and failure counts that are forgotten (their last failure is
    older than `failure_window`) and lock nothing out. Returns (tokens, failures) deleted."""
    tokens = session.execute(delete(AuthToken).where(AuthToken.expires_at <= now))
    failures = session.execute(
        delete(LoginFailure).where(
            LoginFailure.last_failed_at <= now - failure_window,
            or_(LoginFailure.locked_until.is_(None), LoginFailure.locked_until <= now),
        )
    )
    return int(tokens.rowcount), int(failures.rowcount)  # type: ignore[attr-defined]


# --- passwords (argon2id via argon2-cffi, its recommended defaults) ----------------------------------------

_hasher: PasswordHasher | None = None
_dummy_hash: str | None = None
# How many argon2 verifications this process ran: a password-check worker (server/auth/password_worker.py)
# reports it, so a test can see that an unknown username costs the same verification as a known one.
verifications = 0


def _password_hasher() -> PasswordHasher:
    global _hasher
    if _hasher is None:
        _hasher = PasswordHasher()
    return _hasher


def hash_password(password: str) -> str:
    return _password_hasher().hash(password)


def _dummy() -> str:
    """A hash of a random password with this process's parameters, checked for unknown and inactive
    usernames so that they take the same work (and time) as a wrong password for a real account."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = hash_password(secrets.token_urlsafe(16))
    return _dummy_hash


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; with no hash (unknown, inactive or password-less staff) it checks a
    dummy hash instead and answers False, after the same work."""
    global verifications
    hasher = _password_hasher()
    target = password_hash or _dummy()
    verifications += 1
    try:
        return bool(hasher.verify(target, password)) and target is password_hash
    except (VerificationError, InvalidHashError):
        return False
