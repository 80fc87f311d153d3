"""Offline life of a workstation against a real server process: the loop notices the server is gone, work goes
on locally, and everything goes through once it is back; the token lives in the keyring and a staff member
who logged in once can unlock the workstation while the server is unreachable."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest

from complaints_desk.domain.errors import DomainError
from complaints_desk.store.db import transaction
from complaints_desk.store.local import outbox
from complaints_desk.sync.credentials import KEYRING_SERVICE, MAX_FAILED_UNLOCKS
from complaints_desk.sync.engine import SyncStatus
from tests.integration.conftest import DEPARTMENT, LiveServer, Team
from tests.integration.sync_client_support import PASSWORD, DeskClient, make_client

pytestmark = pytest.mark.slow


def _eventually(condition: Callable[[], bool], what: str, seconds: float = 90.0) -> None:
    """Wait for something the engine's threads do (a liveness bound, not a speed assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


def _pending(client: DeskClient) -> int:
    with transaction(client.factory) as session:
        return outbox.pending_count(session)


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_the_loop_goes_offline_keeps_working_and_resumes(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    counter = make_client(
        tmp_path, "counter", live_server.base_url, wait_seconds=2, backoff_cap=1.0, push_interval=1.0
    )
    officer = make_client(tmp_path, "officer", live_server.base_url, wait_seconds=2, backoff_cap=1.0)
    counter.login("clerk")
    officer.login("officer")
    worker = threading.Thread(target=counter.sync.run_forever)
    worker.start()
    try:
        _eventually(lambda: counter.sync.status is SyncStatus.IDLE, "the loop is connected")
        live_server.kill()
        _eventually(lambda: counter.sync.status is SyncStatus.OFFLINE, "the loop notices the server is gone")
        case_id = counter.intake("정전 중 접수된 민원", department=DEPARTMENT)  # the counter keeps working
        counter.sync.notify_local_change()
        assert _pending(counter) == 2
        live_server.start()
        _eventually(lambda: _pending(counter) == 0, "the intake is pushed after the server is back")
        _eventually(lambda: counter.sync.status is SyncStatus.IDLE, "the loop is back online")
        officer.sync.run_once()
        assert officer.status_of(case_id).value == "routed"
        assert SyncStatus.OFFLINE in counter.observer.statuses
    finally:
        counter.sync.stop()
        worker.join(timeout=60)
        counter.close()
        officer.close()
    assert not worker.is_alive()


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_the_token_is_in_the_keyring_and_offline_unlock_needs_an_earlier_login(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    client = make_client(tmp_path, "counter", live_server.base_url)
    try:
        user = client.login("clerk")
        token = keyring.get_password(KEYRING_SERVICE, f"{live_server.base_url}#clerk")
        assert user.online and token and client.credentials.token() == token
        for path in tmp_path.rglob("*"):  # never in a file (the local database included)
            if path.is_file():
                assert token.encode() not in path.read_bytes(), path
        with pytest.raises(DomainError) as wrong:
            client.credentials.login(client.transport, "clerk", "틀린-비밀번호")
        assert wrong.value.code == "bad_credentials"
        live_server.kill()
        # the workstation restarts while the server is down
        again = make_client(tmp_path, "counter", live_server.base_url)
        try:
            unlocked = again.credentials.login(again.transport, "clerk", PASSWORD)
            assert (
                not unlocked.online
                and unlocked.role.value == "clerk"
                and unlocked.station_code == user.station_code
            )
            assert again.credentials.token() == token  # sync resumes with it once the server is back
            with pytest.raises(DomainError) as unknown:
                again.credentials.login(again.transport, "agent", PASSWORD)  # never logged in here
            assert unknown.value.code == "offline_unknown_user"
            for _ in range(MAX_FAILED_UNLOCKS):
                with pytest.raises(DomainError):
                    again.credentials.login(again.transport, "clerk", "틀린-비밀번호")
            with pytest.raises(DomainError) as locked:
                again.credentials.login(again.transport, "clerk", PASSWORD)
            assert locked.value.code == "offline_locked"
        finally:
            again.close()
    finally:
        client.close()
