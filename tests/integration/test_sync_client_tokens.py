"""Whose token pushes whose changes, against a real server process: when the server refuses the signed-in
person's own token, only their changes wait (labelled as theirs, the status asking for a sign-in) and the
others' keep going, in this push and in the loop's next ones; an intake the server refused because this
workstation could not prove itself goes again by itself once the workstation is enrolled anew (its follow-up
routing as a new event, the refused one kept in the history)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest

from complaints_desk.domain.events import EventType
from complaints_desk.store.cases import case_events, load_case
from complaints_desk.store.db import transaction
from complaints_desk.store.local import outbox, sync_state
from complaints_desk.store.local.resend import CASE_MISSING
from complaints_desk.sync.credentials import KEYRING_SERVICE
from complaints_desk.sync.engine import SyncEngine, SyncStatus
from tests.integration.conftest import DEPARTMENT, LiveServer, Team
from tests.integration.sync_client_support import DeskClient, make_client, server_session_factory

pytestmark = pytest.mark.slow


def _desk(tmp_path: Path, server: LiveServer) -> DeskClient:
    """A desk whose engine pushes each person's changes with that person's token (as the desktop's does)."""
    desk = make_client(tmp_path, "desk", server.base_url)
    desk.sync = SyncEngine(
        desk.factory, desk.transport, observer=desk.observer, tokens=desk.credentials, push_interval=0.2
    )
    return desk


def _on_server(server: LiveServer, case_id: str) -> list[EventType]:
    engine, factory = server_session_factory(server.database_url)
    try:
        with transaction(factory) as session:
            return [e.type for e in case_events(session, case_id)]
    finally:
        engine.dispose()


def _eventually(condition: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    """Wait for something the engine's threads do (a liveness bound, not a speed assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_a_refused_token_of_the_signed_in_person_holds_up_only_their_changes(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    desk = _desk(tmp_path, live_server)
    loop: threading.Thread | None = None
    try:
        desk.login("agent")
        theirs = desk.intake("상담원이 남긴 민원")
        assert desk.credentials.sign_out(desk.transport) == 1  # kept, to go with the agent's own token
        agent_account = f"{live_server.base_url}#agent"
        agent_token = keyring.get_password(KEYRING_SERVICE, agent_account)
        clerk = desk.login("clerk")
        mine = desk.intake("창구 직원의 민원")
        desk.transport.revoke(desk.credentials.token() or "")  # the server refuses the clerk's token from now

        report = desk.sync.push_once()  # no AuthRequired: the agent's change went, the clerk's waits
        assert report.accepted >= 1 and (clerk.staff_id, 1) in report.waiting
        assert EventType.RECEIVED in _on_server(live_server, theirs) and _on_server(live_server, mine) == []
        assert desk.observer.statuses[-1] is SyncStatus.AUTH_REQUIRED

        # the loop goes on pushing the others' changes: another signed-out person's, whose kept token the
        # keyring could not give at first, goes as soon as it can
        desk.login("supervisor")
        second = desk.intake("팀장이 남긴 민원")
        assert desk.credentials.sign_out(desk.transport) == 1
        boss_account = f"{live_server.base_url}#supervisor"
        boss_token = keyring.get_password(KEYRING_SERVICE, boss_account)
        keyring.delete_password(KEYRING_SERVICE, boss_account)
        desk.credentials.current = clerk  # the clerk is back at the desk, their token still refused
        loop = threading.Thread(target=desk.sync.run_forever, daemon=True)
        loop.start()
        _eventually(lambda: desk.observer.statuses[-1] is SyncStatus.AUTH_REQUIRED, "the status asks to sign in")
        keyring.set_password(KEYRING_SERVICE, boss_account, boss_token or "")
        desk.sync.notify_local_change()
        _eventually(
            lambda: EventType.RECEIVED in _on_server(live_server, second), "the supervisor's change pushed"
        )
        assert _on_server(live_server, mine) == []  # the clerk's still waits for their sign-in
        assert agent_token and keyring.get_password(KEYRING_SERVICE, agent_account) is None  # revoked, forgotten

        desk.login("clerk")  # signs in again (the desk tells the engine)
        _eventually(lambda: EventType.RECEIVED in _on_server(live_server, mine), "the clerk's change pushed")
    finally:
        desk.close()
        if loop is not None:
            loop.join(10)


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_an_intake_refused_as_unproven_goes_again_once_the_workstation_is_enrolled_anew(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    desk = _desk(tmp_path, live_server)
    try:
        desk.login("clerk")  # a supervisor enrols the workstation first
        desk.sync.push_once()
        with transaction(desk.factory) as session:
            workstation = sync_state.workstation_id(session)
        proof_account = f"{live_server.base_url}#workstation:{workstation}"
        keyring.set_password(KEYRING_SERVICE, proof_account, "a secret the server never gave")  # lost, replaced
        desk.credentials._proof_loaded = False  # (read again from the keyring, as after a restart)
        case_id = desk.intake("증명 없는 단말의 접수", department=DEPARTMENT)

        report = desk.sync.push_once()
        assert report.rejected == 2 and _on_server(live_server, case_id) == []
        with transaction(desk.factory) as session:
            refused = {r.event.type: r.reason for r in outbox.rejected_events(session, case_id=case_id)}
        assert refused[EventType.RECEIVED] == "workstation_unproven"
        assert refused[EventType.ROUTED] in CASE_MISSING  # the server has no such case (yet)
        assert desk.sync.push_once().sent == 0  # not sent again under the same proof

        desk.login("admin", enrol_as=None)  # an administrator enrols the workstation again: a new proof
        desk.login("clerk", enrol_as=None)
        report = desk.sync.push_once()
        assert report.accepted == 2 and report.rejected == 0
        server_has = _on_server(live_server, case_id)
        assert EventType.RECEIVED in server_has and EventType.ROUTED in server_has
        with transaction(desk.factory) as session:
            assert outbox.rejected_events(session, case_id=case_id) == []
            kept = outbox.rejected_events(session, case_id=case_id, include_acknowledged=True)
            assert [r.event.type for r in kept] == [EventType.ROUTED]  # the refused routing, in the history
            state = load_case(session, case_id)
            assert outbox.pending_count(session) == 0
        assert state is not None and state.department_code == DEPARTMENT
        assert all(r.acknowledged_at is not None for r in kept)
    finally:
        desk.close()
