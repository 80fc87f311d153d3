"""Receipt numbers are tied to the workstation that pushes them (a real server process, SQLite and PostgreSQL):
a received event must be numbered under the code its workstation proves with the secret from its enrolment;
only supervisors and administrators enrol; re-enrolling rotates the secret; new workstations are limited."""

from __future__ import annotations

import httpx

from complaints_desk.domain.ids import new_id
from complaints_desk.store.central.stations import NEW_WORKSTATIONS_PER_HOUR

from .conftest import PASSWORD, RECEIPT_DAY, Team, Workstation, login, push, routed_case, wire_event, wire_received


def _counter(team: Team, workstation: Workstation) -> tuple[str | None, int]:
    """The newest receipt number the server has seen from this workstation (its check-in answer)."""
    with team.client("clerk", workstation) as clerk:
        answer = clerk.post("/stations/check-in", json={})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return body["last_receipt_day"], body["last_receipt_seq"]


def test_a_received_event_must_carry_the_pushing_workstations_code(shared_team: Team) -> None:
    victim = shared_team.enrol("supervisor", "민원실 2번 창구")
    with shared_team.client("clerk", victim) as clerk:
        assert (
            push(clerk, [wire_received(shared_team, "clerk", receipt_no=f"{RECEIPT_DAY}-{victim.code}-0007")])[0][
                "status"
            ]
            == "accepted"
        )
    before = _counter(shared_team, victim)
    note_case = routed_case(shared_team)
    events = [
        # another station's code, raised to the top of the range: would leave it no numbers for the day
        wire_received(shared_team, "clerk", receipt_no=f"{RECEIPT_DAY}-{victim.code}-999999"),
        wire_received(shared_team, "clerk", receipt_no=f"{RECEIPT_DAY}-ZZ9-0001"),  # a code nobody has
        wire_event(shared_team, "clerk", "note_added", note_case, {"text": "메모"}, base_version=2),
        wire_received(shared_team, "clerk"),  # our own workstation's code
    ]
    with shared_team.client("clerk") as clerk:
        results = push(clerk, events)
    assert [r["status"] for r in results] == ["rejected", "rejected", "accepted", "accepted"], results
    assert results[0]["reason"] == results[1]["reason"] == "station_mismatch"
    assert victim.code in results[0]["message_en"] and results[0]["message_ko"]
    assert _counter(shared_team, victim) == before == ("2026-11-20", 7)


def test_an_intake_without_a_valid_proof_is_rejected_other_events_are_not(shared_team: Team) -> None:
    note_case = routed_case(shared_team)
    token = {"Authorization": shared_team.headers("clerk")["Authorization"]}
    wrong = {**token, "X-Workstation": shared_team.workstation.id, "X-Workstation-Proof": "not-the-secret"}  # type: ignore[union-attr]
    for headers in (token, wrong):
        with httpx.Client(base_url=shared_team.server.api, headers=headers, timeout=60) as clerk:
            results = push(
                clerk,
                [
                    wire_received(shared_team, "clerk"),
                    wire_event(shared_team, "clerk", "note_added", note_case, {"text": "증명 없이 남긴 메모"}),
                ],
            )
        assert results[0]["status"] == "rejected" and results[0]["reason"] == "workstation_unproven", results
        assert results[0]["message_ko"] and "enrolment proof" in results[0]["message_en"]
        assert results[1]["status"] == "accepted", results  # a note needs no workstation


def test_re_enrolment_keeps_the_code_rotates_the_secret_and_nobody_takes_another_station(
    shared_team: Team,
) -> None:
    first = shared_team.enrol("supervisor", "민원실 3번 창구")
    other = shared_team.enrol("supervisor", "민원실 4번 창구")
    with shared_team.client("supervisor", first) as supervisor:
        again = supervisor.post("/stations/enrol", json={"name": "새 이름", "workstation_id": first.id})
        assert again.status_code == 200, again.text
        # a code that is not this workstation's: refused, whoever asks
        by_code = supervisor.post(
            "/stations/enrol", json={"name": "가로채기", "workstation_id": first.id, "code": other.code}
        )
        # another workstation's id without its proof
        by_id = supervisor.post("/stations/enrol", json={"name": "가로채기", "workstation_id": other.id})
    rotated = Workstation(first.id, again.json()["code"], again.json()["secret"])
    assert rotated.code == first.code and rotated.secret != first.secret
    assert again.json()["name"] == "민원실 3번 창구"  # enrolling again renames nothing
    assert by_code.status_code == 409 and by_code.json()["code"] == "station_mismatch"
    assert by_id.status_code == 403 and by_id.json()["code"] == "workstation_unproven", by_id.text
    assert by_id.json()["message_ko"] and by_id.json()["message_en"]
    with shared_team.client("clerk", first) as stale:
        old = push(stale, [wire_received(shared_team, "clerk", receipt_no=f"{RECEIPT_DAY}-{first.code}-0001")])[0]
        old_check_in = stale.post("/stations/check-in", json={})
    with shared_team.client("clerk", rotated) as clerk:
        new = push(clerk, [wire_received(shared_team, "clerk", receipt_no=f"{RECEIPT_DAY}-{first.code}-0002")])[0]
    assert old["status"] == "rejected" and old["reason"] == "workstation_unproven"
    assert old_check_in.status_code == 403 and old_check_in.json()["code"] == "workstation_unproven"
    assert new["status"] == "accepted", new
    assert _counter(shared_team, other)[1] == 0  # untouched by any of it


def test_an_administrator_re_enrols_a_workstation_that_lost_its_secret(shared_team: Team) -> None:
    lost = shared_team.enrol("supervisor", "민원실 5번 창구")
    replaced = shared_team.enrol("admin", "민원실 5번 창구", lost.id)
    assert replaced.code == lost.code and replaced.secret != lost.secret
    assert any(
        line.get("event") == "station_taken_over" and line.get("code") == lost.code
        for line in shared_team.server.log_lines()
    )
    with shared_team.client("clerk", replaced) as clerk:
        answer = push(clerk, [wire_received(shared_team, "clerk", receipt_no=f"{RECEIPT_DAY}-{lost.code}-0001")])[
            0
        ]
    assert answer["status"] == "accepted", answer


def test_new_workstations_are_limited_per_staff_member_and_hour(shared_team: Team) -> None:
    username = f"sup{new_id()[:8]}"
    with shared_team.client("admin") as admin:
        created = admin.post(
            "/admin/staff",
            json={"username": username, "name": "한팀장", "role": "supervisor", "password": PASSWORD},
        )
        assert created.status_code in (200, 201), created.text
    token = {"Authorization": f"Bearer {login(shared_team.server, username)['access_token']}"}
    known = new_id()
    with httpx.Client(base_url=shared_team.server.api, headers=token, timeout=60) as supervisor:
        answers = [
            supervisor.post(
                "/stations/enrol", json={"name": f"단말 {n}", "workstation_id": known if n == 0 else new_id()}
            )
            for n in range(NEW_WORKSTATIONS_PER_HOUR)
        ]
        refused = supervisor.post("/stations/enrol", json={"name": "하나 더", "workstation_id": new_id()})
        # enrolling a known workstation again (with its proof) is no new one: the limit does not apply
        proof = {"X-Workstation": known, "X-Workstation-Proof": answers[0].json()["secret"]}
        again = supervisor.post("/stations/enrol", json={"name": "단말 0", "workstation_id": known}, headers=proof)
    assert [a.status_code for a in answers] == [200] * NEW_WORKSTATIONS_PER_HOUR
    assert refused.status_code == 429 and refused.json()["code"] == "too_many_workstations"
    assert refused.headers["Retry-After"] and refused.json()["message_ko"] and refused.json()["message_en"]
    assert again.status_code == 200 and again.json()["code"] == answers[0].json()["code"], again.text
