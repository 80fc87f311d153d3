"""The server's short-lived token cache must never keep a revoked token alive on the process that revoked it,
and must ask the database again once an entry is older than its time to live (a revocation made through
another server process)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.server.token_cache import TTL_SECONDS, TokenCache
from complaints_desk.store.central import accounts, admin
from complaints_desk.store.central.accounts import StaffInfo
from complaints_desk.store.db import transaction


def _login(factory: sessionmaker[Session], username: str) -> tuple[StaffInfo, str]:
    now = datetime.now(UTC)
    with transaction(factory) as session:
        staff = admin.create_staff(session, username, "캐시", "agent", password="캐시-비밀번호-1234")
        token = accounts.issue_token(session, staff.id, now=now, ttl=timedelta(hours=1))
    return staff, token


def _loader(factory: sessionmaker[Session]) -> Callable[[str, datetime], tuple[StaffInfo, datetime] | None]:
    def load(token: str, now: datetime) -> tuple[StaffInfo, datetime] | None:
        with factory() as session:
            return accounts.staff_and_expiry_for_token(session, token, now=now)

    return load


def _revoke(factory: sessionmaker[Session], token: str) -> None:
    with transaction(factory) as session:
        assert accounts.revoke_token(session, token, now=datetime.now(UTC))


def test_a_token_revoked_through_this_process_is_refused_at_once(session_factory) -> None:  # type: ignore[no-untyped-def]
    assert TTL_SECONDS <= 5
    staff, token = _login(session_factory, "cache1")
    cache = TokenCache()
    assert cache.lookup(token, _loader(session_factory)) == staff
    assert cache.get(token) == staff  # served without the database from now on
    _revoke(session_factory, token)
    cache.evict(token)
    assert cache.get(token) is None
    assert cache.lookup(token, _loader(session_factory)) is None


def test_a_deactivated_member_is_refused_at_once_after_the_cache_is_cleared(session_factory) -> None:  # type: ignore[no-untyped-def]
    staff, token = _login(session_factory, "cache2")
    cache = TokenCache()
    assert cache.lookup(token, _loader(session_factory)) == staff
    with transaction(session_factory) as session:
        admin.update_staff(session, "cache2", {"active": False})
    cache.clear()  # what PATCH /admin/staff/{username} does after its commit
    assert cache.get(token) is None
    assert cache.lookup(token, _loader(session_factory)) is None


def test_a_lookup_overtaken_by_a_revocation_is_not_remembered(session_factory) -> None:  # type: ignore[no-untyped-def]
    staff, token = _login(session_factory, "cache3")
    cache = TokenCache()
    load = _loader(session_factory)

    def load_then_revoked(token: str, now: datetime) -> tuple[StaffInfo, datetime] | None:
        found = load(token, now)  # read while the token was still live ...
        _revoke(session_factory, token)  # ... and revoked by another request before the answer is kept
        cache.evict(token)
        return found

    assert cache.lookup(token, load_then_revoked) == staff  # this request was admitted before the revoke
    assert cache.get(token) is None  # but nothing after it is
    assert cache.lookup(token, load) is None


def test_a_revocation_made_elsewhere_is_seen_once_the_entry_is_older_than_its_ttl(session_factory) -> None:  # type: ignore[no-untyped-def]
    staff, token = _login(session_factory, "cache4")
    cache = TokenCache(ttl=0.0)  # every entry is already too old
    assert cache.lookup(token, _loader(session_factory)) == staff
    _revoke(session_factory, token)  # another server process: this cache is not told
    assert cache.get(token) is None
    assert cache.lookup(token, _loader(session_factory)) is None
