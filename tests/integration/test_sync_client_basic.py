"""A desktop client against a real server process: login, enrolment, intake, push, pull, conflicts."""

from __future__ import annotations

from pathlib import Path

from complaints_desk.domain.events import EventType
from complaints_desk.domain.statuses import Status
from complaints_desk.store.cases import case_events, load_case
from complaints_desk.store.db import transaction
from complaints_desk.store.local import outbox
from tests.integration.conftest import DEPARTMENT, LiveServer, Team
from tests.integration.sync_client_support import make_client


def test_an_intake_reaches_another_client_and_comes_back_numbered(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    clerk = make_client(tmp_path, "clerk", live_server.base_url)
    officer = make_client(tmp_path, "officer", live_server.base_url)
    try:
        user = clerk.login("clerk")
        assert user.online and user.station_code
        officer.login("officer")
        case_id = clerk.intake(department=DEPARTMENT)
        report = clerk.sync.run_once()
        assert report.push.accepted == 2 and report.pending == 0
        officer.sync.run_once()
        assert officer.status_of(case_id) is Status.ROUTED
        officer.change(case_id, EventType.ACCEPTED)
        officer.sync.run_once()
        clerk.sync.run_once()
        assert clerk.status_of(case_id) is Status.IN_PROGRESS
        with transaction(clerk.factory) as session:
            assert all(e.id for e in case_events(session, case_id))
            state = load_case(session, case_id)
            assert state is not None and state.version == 3
            assert outbox.pending_count(session) == 0
    finally:
        clerk.close()
        officer.close()
