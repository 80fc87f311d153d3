"""The lifecycle: who may do what, when, and what it does to the case."""

from __future__ import annotations

import pytest
from support import T0, event, later, received_payload

from complaints_desk.domain.errors import DomainError, LifecycleError, PermissionDenied
from complaints_desk.domain.events import EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.lifecycle import RULES, apply, may, replay
from complaints_desk.domain.roles import Role
from complaints_desk.domain.statuses import Status

E = EventType


def _received(**overrides: object):  # type: ignore[no-untyped-def]
    case_id = new_id()
    state = apply(None, event(E.RECEIVED, case_id, payload=received_payload(**overrides)))
    return case_id, state


def _in_progress(department: str = "TRAFFIC"):  # type: ignore[no-untyped-def]
    case_id, state = _received()
    state = apply(state, event(E.ROUTED, case_id, payload={"department_code": department}))
    state = apply(state, event(E.ACCEPTED, case_id, role=Role.OFFICER, department=department))
    return case_id, state


def test_intake_makes_a_received_case_with_everything_the_receipt_needs() -> None:
    _, state = _received()
    assert state.status is Status.RECEIVED
    assert state.receipt_no == "20261120-C03-0042"
    assert state.petitioner_phone == "010-1234-5678"
    assert state.due_at.isoformat() == "2026-12-01T14:59:59+00:00"
    assert state.version == 1


def test_phone_is_normalised_at_intake() -> None:
    _, state = _received(petitioner={"name": "김철수", "phone": "01098765432"})
    assert state.petitioner_phone == "010-9876-5432"


@pytest.mark.parametrize("field_name", ["title", "body"])
def test_a_resident_registration_number_is_refused(field_name: str) -> None:
    with pytest.raises(DomainError) as error:
        _received(**{field_name: "제 주민번호는 900101-1234567 입니다"})
    assert error.value.code == "resident_number"
    assert "주민등록번호" in error.value.ko


def test_missing_title_names_the_field_in_both_languages() -> None:
    with pytest.raises(DomainError) as error:
        _received(title="  ")
    assert error.value.field == "title"
    assert error.value.ko and error.value.en


def test_the_department_path_from_routing_to_closing() -> None:
    case_id, state = _in_progress()
    assert state.status is Status.IN_PROGRESS
    answer = {"result": "accepted", "answer": "단속반을 배치했습니다."}
    state = apply(state, event(E.ANSWERED, case_id, role=Role.OFFICER, department="TRAFFIC", payload=answer))
    assert state.status is Status.ANSWERED and state.answer_result == "accepted"
    state = apply(
        state, event(E.CLOSED, case_id, role=Role.OFFICER, department="TRAFFIC", payload={"reason": "answered"})
    )
    assert state.status is Status.CLOSED and not state.status.is_open


def test_an_officer_of_another_department_is_refused() -> None:
    case_id, state = _in_progress("TRAFFIC")
    with pytest.raises(PermissionDenied):
        apply(state, event(E.NOTE_ADDED, case_id, role=Role.OFFICER, department="ROADS", payload={"text": "x"}))


def test_an_agent_may_not_accept_for_a_department() -> None:
    case_id, state = _received()
    state = apply(state, event(E.ROUTED, case_id, payload={"department_code": "TRAFFIC"}))
    with pytest.raises(PermissionDenied):
        apply(state, event(E.ACCEPTED, case_id, role=Role.AGENT))


def test_a_case_cannot_be_accepted_twice() -> None:
    case_id, state = _in_progress()
    with pytest.raises(LifecycleError) as error:
        apply(state, event(E.ACCEPTED, case_id, role=Role.OFFICER, department="TRAFFIC"))
    assert "처리중" in error.value.ko


def test_only_simple_complaints_are_answered_at_once_by_the_front_desk() -> None:
    case_id, state = _received(kind="other", period={"amount": 3, "unit": "hours"})
    state = apply(state, event(E.ANSWERED, case_id, payload={"result": "informed", "answer": "안내드렸습니다."}))
    assert state.status is Status.ANSWERED
    case_id, grievance = _received()
    with pytest.raises(LifecycleError):
        apply(grievance, event(E.ANSWERED, case_id, payload={"result": "informed", "answer": "안내"}))


def test_a_rejection_must_state_reasons_and_remedies() -> None:
    case_id, state = _in_progress()
    officer = {"role": Role.OFFICER, "department": "TRAFFIC"}
    with pytest.raises(DomainError) as error:
        apply(state, event(E.ANSWERED, case_id, **officer, payload={"result": "rejected", "answer": "불가"}))
    assert error.value.field == "reasons"
    done = apply(
        state,
        event(
            E.ANSWERED,
            case_id,
            **officer,
            payload={"result": "rejected", "answer": "불가", "reasons": "사유", "remedies": "행정심판 청구 가능"},
        ),
    )
    assert done.answer_result == "rejected"


def test_extensions_first_free_second_with_consent_no_third() -> None:
    case_id, state = _in_progress()
    officer = {"role": Role.OFFICER, "department": "TRAFFIC"}

    def extend(current, due: str, consent: bool = False):  # type: ignore[no-untyped-def]
        payload = {"reason_code": "fact_check", "new_due_at": due, "consent": consent}
        return apply(current, event(E.EXTENDED, case_id, **officer, payload=payload))

    state = extend(state, "2026-12-10T23:59:59+09:00")
    assert state.extension_count == 1
    with pytest.raises(DomainError) as error:
        extend(state, "2026-12-21T23:59:59+09:00")
    assert error.value.code == "consent_required"
    state = extend(state, "2026-12-21T23:59:59+09:00", consent=True)
    with pytest.raises(DomainError) as error:
        extend(state, "2026-12-31T23:59:59+09:00", consent=True)
    assert error.value.code == "too_many_extensions"


def test_workload_is_not_a_reason_to_extend() -> None:
    case_id, state = _in_progress()
    payload = {"reason_code": "workload", "new_due_at": "2026-12-10T23:59:59+09:00"}
    with pytest.raises(DomainError) as error:
        apply(state, event(E.EXTENDED, case_id, role=Role.OFFICER, department="TRAFFIC", payload=payload))
    assert error.value.code == "reason_not_allowed"


def test_clock_stop_and_resume_moves_the_deadline() -> None:
    case_id, state = _in_progress()
    officer = {"role": Role.OFFICER, "department": "TRAFFIC"}
    state = apply(state, event(E.CLOCK_STOPPED, case_id, **officer, payload={"reason": "supplement"}))
    assert state.clock_stopped_at is not None
    with pytest.raises(LifecycleError):
        apply(state, event(E.CLOCK_STOPPED, case_id, **officer, payload={"reason": "supplement"}))
    resumed = apply(
        state,
        event(E.CLOCK_RESUMED, case_id, **officer, payload={"new_due_at": "2026-12-04T23:59:59+09:00"}),
    )
    assert resumed.clock_stopped_at is None
    assert resumed.due_at > state.due_at


def test_proposals_follow_their_own_path() -> None:
    case_id, state = _received(kind="proposal", period={"amount": 1, "unit": "months"})
    state = apply(state, event(E.ROUTED, case_id, payload={"department_code": "PLAN"}))
    officer = {"role": Role.OFFICER, "department": "PLAN"}
    state = apply(state, event(E.ACCEPTED, case_id, **officer))
    assert state.status is Status.UNDER_REVIEW
    with pytest.raises(LifecycleError):
        apply(state, event(E.ANSWERED, case_id, **officer, payload={"result": "accepted", "answer": "x"}))
    state = apply(
        state,
        event(
            E.DECIDED,
            case_id,
            **officer,
            at=later(60),
            payload={"decision": "not_adopted", "reasons": "예산 부족"},
        ),
    )
    assert state.status is Status.NOT_ADOPTED
    state = apply(
        state, event(E.REREVIEW_REQUESTED, case_id, at=later(60 * 24 * 10), payload={"reason": "새 자료"})
    )
    assert state.status is Status.UNDER_REVIEW and state.rereview
    state = apply(
        state,
        event(
            E.DECIDED,
            case_id,
            **officer,
            payload={"decision": "adopted", "reasons": "재검토 결과 채택", "implementation_date": "2027-03-01"},
        ),
    )
    assert state.status is Status.ADOPTED and str(state.implementation_date) == "2027-03-01"


def test_rereview_is_refused_after_fifteen_days() -> None:
    case_id, state = _received(kind="proposal", period={"amount": 1, "unit": "months"})
    state = apply(state, event(E.ROUTED, case_id, payload={"department_code": "PLAN"}))
    officer = {"role": Role.OFFICER, "department": "PLAN"}
    state = apply(state, event(E.ACCEPTED, case_id, **officer))
    state = apply(state, event(E.DECIDED, case_id, **officer, payload={"decision": "not_adopted", "reasons": "r"}))
    with pytest.raises(LifecycleError):
        apply(state, event(E.REREVIEW_REQUESTED, case_id, at=later(60 * 24 * 16), payload={"reason": "r"}))


def test_closing_before_an_answer_only_for_repeated_complaints() -> None:
    case_id, state = _in_progress()
    officer = {"role": Role.OFFICER, "department": "TRAFFIC"}
    with pytest.raises(LifecycleError):
        apply(state, event(E.CLOSED, case_id, **officer, payload={"reason": "answered"}))
    closed = apply(state, event(E.CLOSED, case_id, **officer, payload={"reason": "repeated"}))
    assert closed.close_reason == "repeated"


def test_notes_are_accepted_in_any_status_and_merged_cases_are_final() -> None:
    case_id, state = _received()
    other = new_id()
    merged = apply(state, event(E.MERGED, case_id, payload={"into_case_id": other}))
    assert merged.status is Status.MERGED and merged.merged_into == other
    noted = apply(merged, event(E.NOTE_ADDED, case_id, payload={"text": "병합 후 메모"}))
    assert noted.notes == 1
    with pytest.raises(LifecycleError):
        apply(merged, event(E.ROUTED, case_id, payload={"department_code": "TRAFFIC"}))


def test_a_case_cannot_be_received_twice_or_changed_before_it_exists() -> None:
    case_id, state = _received()
    with pytest.raises(LifecycleError):
        apply(state, event(E.RECEIVED, case_id, payload=received_payload()))
    with pytest.raises(LifecycleError):
        apply(None, event(E.NOTE_ADDED, case_id, payload={"text": "x"}))


def test_naive_times_are_refused() -> None:
    with pytest.raises(DomainError):
        event(E.RECEIVED, new_id(), at=T0.replace(tzinfo=None))


def test_every_event_type_has_a_rule_and_admins_cannot_change_cases() -> None:
    assert set(RULES) == set(EventType)
    changing = [t for t in EventType if t is not EventType.DETAILS_VIEWED]
    assert not any(may(Role.ADMIN, t) for t in changing)
    assert may(Role.ADMIN, EventType.DETAILS_VIEWED)


def test_replay_gives_the_same_state_as_applying_one_by_one() -> None:
    case_id = new_id()
    events = [event(E.RECEIVED, case_id, payload=received_payload())]
    events.append(event(E.ROUTED, case_id, payload={"department_code": "TRAFFIC"}, at=later(5)))
    events.append(event(E.NOTE_ADDED, case_id, payload={"text": "메모"}, at=later(6)))
    final = replay(events)
    stepwise = None
    for change in events:
        stepwise = apply(stepwise, change)
    assert final == stepwise
    assert final is not None
    assert final.status is Status.ROUTED and final.version == 3 and final.notes == 1
