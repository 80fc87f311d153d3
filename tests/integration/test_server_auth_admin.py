"""Logging in and out, the lockout, the first admin from the command line, reference data through pull,
and workstation enrolment with receipt numbers that survive a restored backup."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import httpx

from complaints_desk.domain.ids import new_id

from .conftest import PASSWORD, REPO, LiveServer, Team, Workstation, login, push, wire_received


def test_the_first_admin_comes_from_the_command_line(live_server_factory: Any, tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    command = [sys.executable, "-m", "complaints_desk.cli", "admin", "create-admin", "boss", "--name", "홍길동"]
    done = subprocess.run(
        [*command, "--password-stdin", "--database-url", url],
        input="관리자-비밀번호-1\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    again = subprocess.run(
        [*command, "--password-stdin", "--database-url", url],
        input="관리자-비밀번호-1\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert again.returncode == 2 and "boss" in again.stderr  # taken: one line, both languages
    server = live_server_factory(url)
    answer = login(server, "boss", "관리자-비밀번호-1")
    assert answer["staff"]["role"] == "admin" and answer["staff"]["name"] == "홍길동"


def test_logout_revokes_the_token_and_deactivation_revokes_all(shared_team: Team) -> None:
    server = shared_team.server
    with shared_team.client("admin") as admin:
        created = admin.post(
            "/admin/staff",
            json={"username": f"temp{new_id()[-8:]}", "name": "임시", "role": "clerk", "password": PASSWORD},
        )
        assert created.status_code == 201, created.text
        username = created.json()["username"]
    first, second = login(server, username)["access_token"], login(server, username)["access_token"]
    headers = {"Authorization": f"Bearer {first}"}
    assert httpx.get(server.api + "/auth/me", headers=headers).json()["username"] == username
    assert httpx.post(server.api + "/auth/revoke", headers=headers).json() == {"revoked": True}
    assert httpx.get(server.api + "/auth/me", headers=headers).status_code == 401
    other = {"Authorization": f"Bearer {second}"}
    assert httpx.get(server.api + "/auth/me", headers=other).status_code == 200
    with shared_team.client("admin") as admin:
        assert admin.patch(f"/admin/staff/{username}", json={"active": False}).status_code == 200
    assert httpx.get(server.api + "/auth/me", headers=other).status_code == 401
    refused = httpx.post(server.api + "/auth/token", json={"username": username, "password": PASSWORD})
    assert refused.status_code == 401 and refused.json()["code"] == "bad_credentials"


def test_repeated_wrong_passwords_lock_the_account_out_for_a_while(shared_team: Team) -> None:
    server = shared_team.server
    statuses = [
        httpx.post(server.api + "/auth/token", json={"username": "clerk", "password": f"wrong-{n}"}).status_code
        for n in range(5)
    ]
    assert statuses == [401] * 5
    locked = httpx.post(server.api + "/auth/token", json={"username": "clerk", "password": PASSWORD})
    assert locked.status_code == 429 and locked.json()["code"] == "locked_out"
    assert int(locked.headers["Retry-After"]) > 0
    assert "초 후" in locked.json()["message_ko"]
    # Other accounts from the same address are not affected.
    assert (
        httpx.post(server.api + "/auth/token", json={"username": "agent", "password": PASSWORD}).status_code == 200
    )


def test_reference_changes_arrive_through_pull_in_order(shared_team: Team) -> None:
    with shared_team.client("officer") as officer:
        cursor = officer.get("/sync/wait", params={"after": 0, "timeout": 0}).json()["latest"]
    with shared_team.client("admin") as admin:
        admin.post(
            "/admin/categories",
            json={"code": "road-damage", "name": "도로 파손", "default_department_code": "ROAD"},
        )
        rule = admin.post(
            "/admin/routing-rules", json={"position": 10, "department_code": "ROAD", "keywords": ["포트홀"]}
        ).json()
        closure = admin.post(
            "/admin/closures", json={"start_date": "2026-12-24", "end_date": "2026-12-24", "name": "시 개청기념일"}
        ).json()
        assert admin.delete(f"/admin/closures/{closure['id']}").status_code == 200
    with shared_team.client("officer") as officer:
        page = officer.get("/sync/pull", params={"after": cursor}).json()
        everything = officer.get("/sync/pull", params={"after": 0, "limit": 5000}).json()
    changes = [(r["table"], r["record"]) for r in page["reference"]]
    assert [table for table, _ in changes] == ["categories", "routing_rules", "closures"]
    assert changes[1][1]["id"] == rule["id"] and changes[1][1]["keywords"] == ["포트홀"]
    assert changes[2][1] == {"id": closure["id"], "deleted": True}
    staff = [r["record"] for r in everything["reference"] if r["table"] == "staff"]
    assert staff and all("password_hash" not in record for record in staff)


def test_a_workstation_restored_from_a_backup_cannot_reuse_a_number(shared_team: Team) -> None:
    workstation = new_id()
    first = shared_team.enrol("supervisor", "민원실 1번 창구", workstation)
    with shared_team.client("supervisor", first) as supervisor:
        again = supervisor.post(
            "/stations/enrol", json={"name": "민원실 1번 창구", "workstation_id": workstation}
        ).json()
    other = shared_team.enrol("supervisor", "민원실 2번 창구")
    code = first.code
    assert again["code"] == code and other.code != code and again["last_receipt_seq"] == 0
    proven = Workstation(workstation, code, again["secret"])
    with shared_team.client("clerk", proven) as clerk:
        numbers = [f"20261120-{code}-{n:04d}" for n in (1, 2, 3)]
        intakes = [wire_received(shared_team, "clerk", receipt_no=number) for number in numbers]
        assert {r["status"] for r in push(clerk, intakes)} == {"accepted"}
        # The workstation comes back from a backup taken after receipt 0001; it checks in.
        restored = clerk.post("/stations/check-in", json={"last_receipt_no": numbers[0]}).json()
        reused = push(clerk, [wire_received(shared_team, "clerk", receipt_no=numbers[1])])[0]
    assert restored["restored_from_backup"] is True and restored["secret"] is None
    assert (restored["last_receipt_day"], restored["last_receipt_seq"]) == ("2026-11-20", 3)
    assert reused["status"] == "rejected" and reused["reason"] == "receipt_reused"


def test_health_and_the_api_description(shared_server: LiveServer) -> None:
    assert httpx.get(shared_server.base_url + "/healthz").json()["status"] == "ok"
    spec = httpx.get(shared_server.base_url + "/openapi.json").json()
    assert {"/api/v1/sync/push", "/api/v1/sync/pull", "/api/v1/sync/wait", "/api/v1/auth/token"} <= set(
        spec["paths"]
    )
    assert httpx.get(shared_server.base_url + "/docs").status_code == 200
    lines = [line for line in shared_server.log_lines() if line.get("event") == "request"]
    assert lines and {"method", "path", "status", "duration_ms"} <= set(lines[-1])
