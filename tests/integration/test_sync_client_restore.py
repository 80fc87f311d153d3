"""A workstation restored to an older state, its whole data folder AND its keyring (a disk image, a VM
snapshot), against a real server process: unlocked offline it never issues a receipt number it issued before
the restore, and it keeps syncing afterwards (pushes accepted, pulls go on)."""

from __future__ import annotations

import shutil
from pathlib import Path

import keyring
import pytest

from complaints_desk.store.cases import load_case, load_case_by_receipt
from complaints_desk.store.db import transaction
from complaints_desk.store.local import outbox
from tests.integration.conftest import LiveServer, Team
from tests.integration.sync_client_support import DeskClient, make_client

pytestmark = pytest.mark.slow


def _number(client: DeskClient, case_id: str) -> str:
    with transaction(client.factory) as session:
        state = load_case(session, case_id)
    assert state is not None
    return state.receipt_no


def _intakes(client: DeskClient, count: int) -> list[str]:
    return [_number(client, client.intake(f"가로등 고장 신고 {n}")) for n in range(count)]


def _keyring_values() -> dict[tuple[str, str], str]:
    values: dict[tuple[str, str], str] = keyring.get_keyring().values  # type: ignore[attr-defined]
    return values


def test_a_restored_workstation_never_reuses_a_number_and_keeps_syncing(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    database = tmp_path / "counter.sqlite3"
    backup = tmp_path / "backup.sqlite3"
    client = make_client(tmp_path, "counter", live_server.base_url)
    issued: list[str] = []
    try:
        assert client.login("clerk").counter_confirmed  # a supervisor enrolled it; the clerk checked in
        issued += _intakes(client, 2)
        client.sync.run_once()
    finally:
        client.close()
    shutil.copyfile(database, backup)  # the backup: the data folder and the keyring as they are now
    saved_keys = dict(_keyring_values())

    client = make_client(tmp_path, "counter", live_server.base_url)
    try:
        client.login("clerk")
        issued += _intakes(client, 2)  # online, after the backup
        client.sync.run_once()
        live_server.kill()
        assert not client.login("clerk").online  # an offline unlock
        issued += _intakes(client, 3)  # offline, after the backup
        live_server.start()
        client.login("clerk")
        client.sync.run_once()  # the server has every one of them now
        with transaction(client.factory) as session:
            assert outbox.pending_count(session) == 0 and not outbox.rejected_events(session)
    finally:
        client.close()

    # The restore: both the data folder and the keyring go back to the backup.
    shutil.copyfile(backup, database)
    _keyring_values().clear()
    _keyring_values().update(saved_keys)
    live_server.kill()
    client = make_client(tmp_path, "counter", live_server.base_url)
    try:
        unlocked = client.login("clerk")
        assert not unlocked.online and not unlocked.counter_confirmed
        after = _intakes(client, 3)  # offline, on the restored state: clock numbers
        assert not set(after) & set(issued), (after, issued)
        assert len(set(after)) == 3
        live_server.start()
        assert client.login("clerk").counter_confirmed  # the restored keyring's secret still proves it
        report = client.sync.run_once()  # pushes go through, and the pull brings back what the backup lacked
        assert report.push.rejected == 0
        after += _intakes(client, 1)  # online again
        client.sync.run_once()
        assert not set(after) & set(issued)
        with transaction(client.factory) as session:
            assert outbox.pending_count(session) == 0
            assert not outbox.rejected_events(session), outbox.rejected_events(session)
            # every case, from before and after the restore, is on the workstation under its own number
            assert all(load_case_by_receipt(session, n) is not None for n in issued + after)
    finally:
        client.close()


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_only_a_supervisor_enrols_the_workstation_and_its_secret_stays_in_the_keyring(
    live_server: LiveServer, team: Team, tmp_path: Path
) -> None:
    client = make_client(tmp_path, "counter", live_server.base_url)
    try:
        clerk = client.login("clerk", enrol_as=None)
        assert clerk.online and clerk.station_code is None  # no intakes until the workstation is enrolled
        assert client.credentials.workstation_proof() is None
        supervisor = client.login("supervisor")
        proof = client.credentials.workstation_proof()
        assert supervisor.station_code and supervisor.counter_confirmed and proof is not None
        assert client.login("clerk").station_code == supervisor.station_code  # a check-in, not an enrolment
        assert client.credentials.workstation_proof() == proof  # the secret was not rotated by the clerk
        for path in tmp_path.rglob("*"):  # the secret is in the keyring only, never in a file or the database
            if path.is_file():
                assert proof[1].encode() not in path.read_bytes(), path
    finally:
        client.close()
