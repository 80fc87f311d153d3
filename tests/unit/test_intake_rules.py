"""The rules the intake form relies on: the case's place and consent, the front desk closing a 기타민원 it
answered at intake (and nothing more), the server's value rule for consent, and the ranked routing
suggestions."""

from __future__ import annotations

import pytest
from support import event, received_payload

from complaints_desk.domain.errors import DomainError, LifecycleError, PermissionDenied
from complaints_desk.domain.events import EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.lifecycle import apply, may
from complaints_desk.domain.roles import Role
from complaints_desk.domain.routing import RoutingRule, suggest_departments
from complaints_desk.domain.statuses import Status
from complaints_desk.domain.values import check_payload_fields

E = EventType
AGENT = new_id()
ANSWER = {"result": "informed", "answer": "분리배출 요일은 월·수·금입니다."}


def _other_answered_at_intake(by: str = AGENT, role: Role = Role.AGENT):  # type: ignore[no-untyped-def]
    case_id = new_id()
    payload = received_payload(kind="other", period={"amount": 3, "unit": "hours"})
    state = apply(None, event(E.RECEIVED, case_id, role=role, actor_id=by, payload=payload))
    state = apply(state, event(E.ANSWERED, case_id, role=role, actor_id=by, payload=ANSWER))
    return case_id, state


def test_place_and_consent_are_fields_of_the_case() -> None:
    payload = received_payload(place="한빛로 123 버스정류장 앞", privacy_consent=True)
    state = apply(None, event(E.RECEIVED, new_id(), payload=payload))
    assert state.place == "한빛로 123 버스정류장 앞"
    assert state.privacy_consent is True
    plain = apply(None, event(E.RECEIVED, new_id(), payload=received_payload()))
    assert plain.place == "" and plain.privacy_consent is False


def test_a_resident_number_in_the_place_is_refused_and_named() -> None:
    with pytest.raises(DomainError) as error:
        apply(None, event(E.RECEIVED, new_id(), payload=received_payload(place="900101-1234567 댁 앞")))
    assert error.value.field == "place" and error.value.code == "resident_number"


@pytest.mark.parametrize("value", ["yes", 1, [True]])
def test_consent_must_be_true_or_false(value: object) -> None:
    with pytest.raises(DomainError) as error:
        check_payload_fields("received", received_payload(privacy_consent=value))
    assert error.value.field == "privacy_consent"
    with pytest.raises(DomainError):
        apply(None, event(E.RECEIVED, new_id(), payload=received_payload(privacy_consent=value)))


@pytest.mark.parametrize("role", [Role.AGENT, Role.CLERK])
def test_the_front_desk_closes_the_other_complaint_it_answered_at_intake(role: Role) -> None:
    case_id, state = _other_answered_at_intake(role=role)
    assert state.answered_by == AGENT
    closed = apply(state, event(E.CLOSED, case_id, role=role, actor_id=AGENT, payload={"reason": "answered"}))
    assert closed.status is Status.CLOSED and closed.close_reason == "answered"
    assert may(role, E.CLOSED)


def test_another_agent_may_not_close_it() -> None:
    case_id, state = _other_answered_at_intake()
    with pytest.raises(PermissionDenied):
        apply(state, event(E.CLOSED, case_id, actor_id=new_id(), payload={"reason": "answered"}))


def test_the_front_desk_closes_only_as_answered() -> None:
    case_id, state = _other_answered_at_intake()
    with pytest.raises(LifecycleError) as error:
        apply(state, event(E.CLOSED, case_id, actor_id=AGENT, payload={"reason": "repeated"}))
    assert error.value.field == "reason"


def test_the_front_desk_may_not_close_other_kinds_or_department_answers() -> None:
    # A grievance the department answered: its agent who took it in may not close it.
    case_id = new_id()
    state = apply(None, event(E.RECEIVED, case_id, actor_id=AGENT, payload=received_payload()))
    state = apply(state, event(E.ROUTED, case_id, actor_id=AGENT, payload={"department_code": "TRAFFIC"}))
    state = apply(state, event(E.ACCEPTED, case_id, role=Role.OFFICER, department="TRAFFIC"))
    state = apply(state, event(E.ANSWERED, case_id, role=Role.OFFICER, department="TRAFFIC", payload=ANSWER))
    with pytest.raises(PermissionDenied):
        apply(state, event(E.CLOSED, case_id, actor_id=AGENT, payload={"reason": "answered"}))
    # A 기타민원 still waiting (not answered): not the front desk's to close either.
    case_id = new_id()
    payload = received_payload(kind="other", period={"amount": 3, "unit": "hours"})
    waiting = apply(None, event(E.RECEIVED, case_id, actor_id=AGENT, payload=payload))
    with pytest.raises((PermissionDenied, LifecycleError)):
        apply(waiting, event(E.CLOSED, case_id, actor_id=AGENT, payload={"reason": "answered"}))


def test_a_reopened_case_forgets_who_answered_it() -> None:
    case_id, state = _other_answered_at_intake()
    state = apply(state, event(E.REOPENED, case_id, role=Role.SUPERVISOR, payload={"reason": "재문의"}))
    assert state.answered_by is None


# --- routing ------------------------------------------------------------------------------------------


def _rules() -> list[RoutingRule]:
    return [
        RoutingRule("r1", 1, "PARKING", keywords=("불법주차", "주차단속")),
        RoutingRule("r2", 2, "ROADS", keywords=("도로", "포트홀", "주차")),
        RoutingRule("r3", 3, "CLEANING", category_code="waste"),
        RoutingRule("r4", 4, "ROADS", keywords=("보도블록",)),
    ]


def test_suggestions_are_ranked_best_first() -> None:
    ranked = suggest_departments(_rules(), "불법주차 신고", "도로 위 보도블록이 깨졌고 주차 차량이 많습니다")
    codes = [s.department_code for s in ranked]
    assert codes == ["PARKING", "ROADS"]  # the first rule in order ranks first, then by strength
    assert ranked[0].score > ranked[1].score
    assert set(ranked[1].matched_keywords) == {"도로", "주차", "보도블록"}


def test_the_category_department_is_suggested_when_no_rule_matches() -> None:
    assert [s.department_code for s in suggest_departments(_rules(), "민원", category_department="CIVIL")] == [
        "CIVIL"
    ]
    ranked = suggest_departments(_rules(), "포트홀 신고", category_department="CIVIL")
    assert [s.department_code for s in ranked] == ["ROADS", "CIVIL"]  # the rule's first, the category's next


def test_equal_scores_keep_the_administrators_order() -> None:
    rules = [
        RoutingRule("a", 1, "FIRST", keywords=("가로등",)),
        RoutingRule("b", 2, "SECOND", keywords=("가로등",)),
    ]
    ranked = suggest_departments(rules, "가로등 고장")
    assert [s.department_code for s in ranked] == ["FIRST", "SECOND"]
