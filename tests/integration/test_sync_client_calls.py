"""A call-log record taken while the server is away is kept on the desk, queued, and sent by the sync
engine's loop once the server is back (sync.calls, called after each push); a refused one stays on the desk
with the server's reason and is not sent again."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from complaints_desk.domain.calls import CallRecordKind, WarningLevel, WarningReason, new_call_record
from complaints_desk.domain.ids import new_id
from complaints_desk.store.db import transaction
from complaints_desk.store.local import call_queue
from complaints_desk.sync.engine import SyncStatus
from tests.integration.conftest import LiveServer, Team
from tests.integration.sync_client_support import DeskClient, make_client

pytestmark = pytest.mark.slow


def _eventually(condition: Callable[[], bool], what: str, seconds: float = 90.0) -> None:
    """Wait for the engine's threads (a liveness bound, not a speed assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


def _unsent(client: DeskClient) -> int:
    with transaction(client.factory) as session:
        return call_queue.unsent_count(session)


def _server_ids(team: Team) -> set[str]:
    response = httpx.get(team.server.api + "/calls", headers=team.headers("supervisor"), timeout=30)
    assert response.status_code == 200, response.text
    return {r["id"] for r in response.json()["records"]}


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_a_record_taken_offline_is_sent_when_the_server_returns(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    desk = make_client(tmp_path, "phone", live_server.base_url, wait_seconds=2, backoff_cap=1.0, push_interval=1.0)
    agent = desk.login("agent").actor
    assert agent.id is not None
    worker = threading.Thread(target=desk.sync.run_forever)
    worker.start()
    try:
        _eventually(lambda: desk.sync.status is SyncStatus.IDLE, "the loop is connected")
        live_server.kill()
        _eventually(lambda: desk.sync.status is SyncStatus.OFFLINE, "the loop notices the server is gone")
        call, now = new_id(), datetime.now(UTC)
        warning = new_call_record(
            new_id(),
            call,
            CallRecordKind.WARNING_ANNOUNCED,
            now - timedelta(seconds=30),
            agent.id,
            caller_phone="01022223333",
            warning=WarningLevel.FIRST,
            reason=WarningReason.THREATS,
        )
        ended = new_call_record(new_id(), call, CallRecordKind.CALL_ENDED, now, agent.id)
        with transaction(desk.factory) as session:
            call_queue.record_call(session, warning, now=now)
            call_queue.record_call(session, ended, now=now)
        desk.sync.notify_local_change()
        assert _unsent(desk) == 2
        live_server.start()
        _eventually(lambda: _unsent(desk) == 0, "the records are sent after the server is back")
        assert {warning.id, ended.id} <= _server_ids(team)
    finally:
        desk.sync.stop()
        worker.join(timeout=60)
        desk.close()
    assert not worker.is_alive()


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_a_refused_record_stays_with_the_reason_and_is_not_sent_again(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    from complaints_desk.sync.calls import send_unsent_calls

    desk = make_client(tmp_path, "phone", live_server.base_url)
    desk.login("agent")
    try:
        stranger = new_id()  # an agent this server has never heard of (a desk restored from another office)
        now = datetime.now(UTC)
        record = new_call_record(
            new_id(),
            new_id(),
            CallRecordKind.WARNING_ANNOUNCED,
            now,
            stranger,
            warning=WarningLevel.FIRST,
            reason=WarningReason.ABUSE,
        )
        with transaction(desk.factory) as session:
            call_queue.record_call(session, record, now=now)
        report = send_unsent_calls(desk.factory, desk.transport)
        assert (report.sent, report.refused, report.left) == (0, 1, 0)
        with transaction(desk.factory) as session:
            (refused,) = call_queue.refused(session)
        assert refused.record == record and refused.code == "unknown_agent" and "직원" in refused.ko
        assert send_unsent_calls(desk.factory, desk.transport).refused == 0
        assert record.id not in _server_ids(team)
    finally:
        desk.close()
