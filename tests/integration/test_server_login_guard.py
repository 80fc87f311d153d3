"""Wrong logins through a real server on SQLite and PostgreSQL: one answer for known and unknown usernames
after the same password check, a lockout that a rotating X-Forwarded-For cannot dodge, a bounded number of
password checks at once, cleanup of expired tokens and old failures, and an administrator who always stays."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from complaints_desk.domain.ids import new_id

from .conftest import PASSWORD, LiveServer, create_admin, login

Factory = Callable[..., LiveServer]


@contextmanager
def database(url: str) -> Iterator[Session]:
    from complaints_desk.store.db import make_engine, make_sessionmaker, transaction

    engine = make_engine(url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            yield session
    finally:
        engine.dispose()


def wrong(server: LiveServer, username: str, forwarded: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return httpx.post(
        server.api + "/auth/token",
        json={"username": username, "password": "not-the-password"},
        headers=headers,
        timeout=30,
    )


def failures_logged(server: LiveServer) -> list[dict[str, Any]]:
    return [line for line in server.log_lines() if line.get("event") == "login_failed"]


def test_known_unknown_and_inactive_usernames_get_one_answer_after_one_check(
    live_server_factory: Factory, server_db_url: str
) -> None:
    server = live_server_factory(server_db_url)
    create_admin(server.database_url)
    token = login(server, "admin")["access_token"]
    with httpx.Client(base_url=server.api, headers={"Authorization": f"Bearer {token}"}) as admin:
        for username in ("clerk", "gone"):
            made = admin.post(
                "/admin/staff", json={"username": username, "name": "직원", "role": "clerk", "password": PASSWORD}
            )
            assert made.status_code == 201, made.text
        assert admin.patch("/admin/staff/gone", json={"active": False}).status_code == 200

    answers = [wrong(server, name) for name in ("clerk", f"nobody{new_id()[-6:]}", "gone")]

    assert {a.status_code for a in answers} == {401}
    assert len({(a.json()["code"], a.json()["message_ko"], a.json()["message_en"]) for a in answers}) == 1
    assert {a.headers.get("WWW-Authenticate") for a in answers} == {"Bearer"}
    # Every one of them ran an argon2 verification: the unknown and the inactive one against a dummy hash.
    counts = [line["verifications"] for line in failures_logged(server)]
    assert len(counts) == 3 and counts[1] == counts[0] + 1 and counts[2] == counts[1] + 1
    # The inactive one is refused even with its right password, with the same answer.
    right = httpx.post(server.api + "/auth/token", json={"username": "gone", "password": PASSWORD})
    assert right.status_code == 401 and right.json()["message_en"] == answers[0].json()["message_en"]


def test_a_rotating_forwarded_for_from_a_trusted_proxy_does_not_reset_the_lockout(
    live_server_factory: Factory, server_db_url: str
) -> None:
    server = live_server_factory(server_db_url, "--trusted-proxy", "127.0.0.1", "--address-lockout-after", "3")
    create_admin(server.database_url)
    # Five wrong passwords for one account, each from a "new" client address.
    statuses = [wrong(server, "admin", forwarded=f"203.0.113.{n}").status_code for n in range(1, 6)]
    assert statuses == [401] * 5
    locked = httpx.post(
        server.api + "/auth/token",
        json={"username": "admin", "password": PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.99"},
    )
    assert locked.status_code == 429 and locked.json()["code"] == "locked_out"
    assert int(locked.headers["Retry-After"]) > 0
    # The proxy's header was believed (each failure was logged from the address it named) ...
    assert [line["client"] for line in failures_logged(server)] == [f"203.0.113.{n}" for n in range(1, 6)]


def test_the_address_limit_counts_the_right_most_untrusted_forwarded_entry(
    live_server_factory: Factory, server_db_url: str
) -> None:
    server = live_server_factory(server_db_url, "--trusted-proxy", "127.0.0.1", "--address-lockout-after", "3")
    create_admin(server.database_url)
    # The client writes any left-most entry it likes; the proxy appends the address it saw.
    for n in range(3):
        assert wrong(server, f"guess{n}", forwarded=f"10.{n}.0.1, 198.51.100.7").status_code == 401
    assert {line["client"] for line in failures_logged(server)} == {"198.51.100.7"}
    body = {"username": "admin", "password": PASSWORD}
    blocked = httpx.post(
        server.api + "/auth/token", json=body, headers={"X-Forwarded-For": "1.2.3.4, 198.51.100.7"}
    )
    assert blocked.status_code == 429 and blocked.json()["code"] == "locked_out"
    elsewhere = httpx.post(server.api + "/auth/token", json=body, headers={"X-Forwarded-For": "198.51.100.8"})
    assert elsewhere.status_code == 200, elsewhere.text


def test_a_forwarded_for_from_an_untrusted_address_is_ignored(
    live_server_factory: Factory, server_db_url: str
) -> None:
    # The only trusted proxy is elsewhere: this test's requests come straight from 127.0.0.1.
    server = live_server_factory(server_db_url, "--trusted-proxy", "192.0.2.10", "--address-lockout-after", "3")
    create_admin(server.database_url)
    for n in range(3):
        assert wrong(server, f"guess{n}", forwarded=f"203.0.113.{n}").status_code == 401
    assert {line["client"] for line in failures_logged(server)} == {"127.0.0.1"}
    blocked = httpx.post(
        server.api + "/auth/token",
        json={"username": "admin", "password": PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.200"},
    )
    assert blocked.status_code == 429 and blocked.json()["code"] == "locked_out"


def test_the_last_active_admin_cannot_deactivate_or_demote_themselves(
    live_server_factory: Factory, server_db_url: str
) -> None:
    server = live_server_factory(server_db_url)
    create_admin(server.database_url)
    token = login(server, "admin")["access_token"]
    with httpx.Client(base_url=server.api, headers={"Authorization": f"Bearer {token}"}) as admin:
        for change in ({"active": False}, {"role": "clerk"}):
            refused = admin.patch("/admin/staff/admin", json=change)
            assert refused.status_code == 409, refused.text
            assert refused.json()["code"] == "last_admin"
            assert (
                "마지막 관리자" in refused.json()["message_ko"] and "last active" in refused.json()["message_en"]
            )
        assert admin.get("/auth/me").status_code == 200  # still an admin, token not revoked
        second = admin.post(
            "/admin/staff", json={"username": "deputy", "name": "부관리", "role": "admin", "password": PASSWORD}
        )
        assert second.status_code == 201, second.text
        assert admin.patch("/admin/staff/admin", json={"active": False}).status_code == 200
    deputy = login(server, "deputy")["access_token"]
    with httpx.Client(base_url=server.api, headers={"Authorization": f"Bearer {deputy}"}) as admin:
        assert admin.patch("/admin/staff/deputy", json={"role": "supervisor"}).status_code == 409


def test_a_login_deletes_expired_tokens_and_forgotten_failures(
    live_server_factory: Factory, server_db_url: str
) -> None:
    from complaints_desk.store.central.tables import AuthToken, LoginFailure
    from complaints_desk.store.models import Staff

    server = live_server_factory(server_db_url)
    create_admin(server.database_url)
    now = datetime.now(UTC)
    with database(server.database_url) as session:
        staff_id = session.execute(select(Staff.id).where(Staff.username == "admin")).scalar_one()
        for name, expires in (("expired", now - timedelta(minutes=1)), ("live", now + timedelta(hours=1))):
            session.add(
                AuthToken(
                    token_hash=name, staff_id=staff_id, issued_at=now - timedelta(hours=13), expires_at=expires
                )
            )
        for key, last, until in (
            ("user:old", now - timedelta(hours=2), None),
            ("addr:old-lock-over", now - timedelta(hours=2), now - timedelta(hours=1)),
            ("user:recent", now - timedelta(minutes=5), None),
            ("addr:still-locked", now - timedelta(hours=2), now + timedelta(minutes=10)),
        ):
            session.add(LoginFailure(key=key, failures=7, last_failed_at=last, locked_until=until))

    login(server, "admin")  # the process's first login cleans up

    with database(server.database_url) as session:
        tokens = set(session.execute(select(AuthToken.token_hash)).scalars())
        failures = set(session.execute(select(LoginFailure.key)).scalars())
    assert "expired" not in tokens and "live" in tokens and len(tokens) == 2  # and the new login's token
    assert failures == {"user:recent", "addr:still-locked"}
    assert any(line.get("event") == "cleanup" for line in server.log_lines())


def test_password_checks_past_the_limit_and_queue_are_refused_with_retry_after(
    live_server_factory: Factory, server_db_url: str
) -> None:
    server = live_server_factory(server_db_url, "--password-hash-limit", "1", "--password-hash-queue", "0")
    create_admin(server.database_url)
    start = threading.Barrier(12)
    answers: list[httpx.Response] = []

    def attempt(n: int) -> None:
        start.wait()
        answers.append(wrong(server, f"burst{n}"))  # distinct names: no account lockout in the way

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = sorted(a.status_code for a in answers)
    assert set(statuses) <= {401, 503} and 401 in statuses and 503 in statuses, statuses
    busy = next(a for a in answers if a.status_code == 503)
    assert busy.json()["code"] == "login_busy" and int(busy.headers["Retry-After"]) > 0
    assert "다시 시도" in busy.json()["message_ko"] and "try again" in busy.json()["message_en"]
    assert login(server, "admin")["staff"]["role"] == "admin"  # the gate lets the next one through
