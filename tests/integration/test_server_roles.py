"""The role matrix: every role against the admin endpoints, enrolment, case reads and a push of every
event type; an officer of another department is refused."""

from __future__ import annotations

from typing import Any

import pytest

from complaints_desk.domain.events import EventType
from complaints_desk.domain.lifecycle import RULES
from complaints_desk.domain.roles import Role

from .conftest import OTHER_DEPARTMENT, Team, push, routed_case, wire_event, wire_received

ROLES = ("agent", "clerk", "officer", "supervisor", "admin")
ADMIN_READS = ("departments", "staff", "categories", "routing-rules", "stations", "closures")


def test_only_administrators_reach_admin_endpoints(shared_team: Team) -> None:
    for who in ROLES:
        with shared_team.client(who) as client:
            for path in ADMIN_READS:
                status = client.get(f"/admin/{path}").status_code
                assert status == (200 if who == "admin" else 403), (who, path, status)
            created = client.post("/admin/departments", json={"code": f"X{who[:3].upper()}", "name": "시험과"})
            assert created.status_code == (201 if who == "admin" else 403), (who, created.text)
            if who != "admin":
                assert created.json()["code"] == "forbidden" and created.json()["message_ko"]


def test_enrolment_is_for_supervisors_and_admins(shared_team: Team) -> None:
    """Changed rule: front-desk roles (agent, clerk) no longer enrol workstations: a workstation's code is
    what its receipts are numbered under, so enrolling one is a supervisor's or an administrator's act."""
    for who in ROLES:
        with shared_team.client(who) as client:
            answer = client.post("/stations/enrol", json={"name": f"{who} 단말"})
        assert answer.status_code == (200 if who in ("supervisor", "admin") else 403), (who, answer.text)
        if answer.status_code == 403:
            assert answer.json()["code"] == "forbidden" and answer.json()["message_ko"]
        else:
            assert answer.json()["secret"] and answer.json()["code"] != shared_team.station_code


def _payload_for(event_type: EventType) -> dict[str, Any]:
    """Payloads good enough to pass the role check; the lifecycle may still refuse them on other grounds."""
    return {
        EventType.ROUTED: {"department_code": "ROAD"},
        EventType.ASSIGNED: {"staff_id": "x"},
        EventType.RETURNED: {"reason": "소관 아님"},
        EventType.TRANSFERRED: {"reason": "소관", "target": "department", "department_code": OTHER_DEPARTMENT},
        EventType.NOTE_ADDED: {"text": "메모"},
        EventType.CONTACT_LOGGED: {"method": "phone", "summary": "통화"},
    }.get(event_type, {"reason": "사유"})


@pytest.mark.parametrize("who", ROLES)
def test_each_role_may_push_exactly_what_the_lifecycle_table_allows(shared_team: Team, who: str) -> None:
    role = Role(who)
    types = [t for t in EventType if t is not EventType.RECEIVED]
    cases = {t: routed_case(shared_team) for t in types}  # one case each, so no change affects another
    events = [wire_event(shared_team, who, t.value, cases[t], _payload_for(t), base_version=2) for t in types]
    with shared_team.client(who) as client:
        results = push(client, events)
        received = push(client, [wire_received(shared_team, who)])[0]
    for event_type, result in zip(types, results, strict=True):
        allowed = role in RULES[event_type].roles
        if allowed:
            assert result["reason"] != "forbidden", (who, event_type, result)
        else:
            assert result["status"] == "rejected" and result["reason"] == "forbidden", (who, event_type, result)
    assert (received["status"] == "accepted") == (role in RULES[EventType.RECEIVED].roles), received


def test_an_officer_of_another_department_is_refused(shared_team: Team) -> None:
    case_id = routed_case(shared_team)  # routed to ROAD
    with shared_team.client("other_officer") as other:
        results = push(other, [wire_event(shared_team, "other_officer", "accepted", case_id, base_version=2)])
        details = other.get(f"/cases/{case_id}", params={"details": "true"})
        masked = other.get(f"/cases/{case_id}").json()["case"]
    assert results[0]["status"] == "rejected" and results[0]["reason"] == "forbidden"
    assert results[0]["case"]["petitioner_name"] == "홍*동"  # not theirs: masked even in the answer
    assert details.status_code == 403 and details.json()["code"] == "forbidden"
    assert masked["petitioner_name"] == "홍*동" and masked["petitioner_phone"] == "010-****-5678"


def test_a_token_cannot_push_as_someone_else(shared_team: Team) -> None:
    case_id = routed_case(shared_team)
    forged = wire_event(shared_team, "officer", "note_added", case_id, {"text": "메모"})
    forged["actor_role"] = "supervisor"
    with shared_team.client("officer") as officer:
        result = push(officer, [forged])[0]
    assert result["status"] == "rejected" and result["reason"] == "forbidden"


def test_a_full_view_by_department_staff_is_in_the_audit_trail(shared_team: Team) -> None:
    case_id = routed_case(shared_team)
    with shared_team.client("officer") as officer:
        plain = officer.get(f"/cases/{case_id}").json()
        full = officer.get(f"/cases/{case_id}", params={"details": "true"}).json()
    with shared_team.client("supervisor") as supervisor:
        events = supervisor.get("/sync/pull", params={"after": full["viewed_event_seq"] - 1, "limit": 1}).json()
        supervisor_view = supervisor.get(f"/cases/{case_id}").json()["case"]
    with shared_team.client("admin") as admin:
        admin_view = admin.get(f"/cases/{case_id}").json()["case"]
        admin_details = admin.get(f"/cases/{case_id}", params={"details": "true"}).status_code
    assert plain["case"]["petitioner_name"] == "홍*동"
    assert full["case"]["petitioner_name"] == "홍길동" and full["case"]["petitioner_phone"] == "010-1234-5678"
    viewed = events["events"][0]
    assert viewed["type"] == "details_viewed" and viewed["case_id"] == case_id
    assert viewed["actor_id"] == shared_team.staff["officer"]["id"]
    assert supervisor_view["petitioner_name"] == "홍길동"
    assert admin_view["petitioner_name"] == "홍*동" and admin_details == 403
