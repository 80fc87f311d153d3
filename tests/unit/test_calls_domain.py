"""The call log's rule (domain.calls): a call is ended only after a warning was announced in the same call;
the second warning needs the first; nothing is announced twice and nothing follows the end. Every value of a
record read from the wire is checked, with a Korean and an English reason naming the field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from complaints_desk.domain.calls import (
    CallRecord,
    CallRecordKind,
    WarningLevel,
    WarningReason,
    check_next,
    may_end,
    new_call_record,
    next_warning,
    read_call_record,
)
from complaints_desk.domain.errors import DomainError, LifecycleError
from complaints_desk.domain.ids import new_id

T0 = datetime(2026, 11, 20, 5, 0, tzinfo=UTC)
AGENT = new_id()


def _warning(call: str, level: WarningLevel, minutes: int = 0) -> CallRecord:
    return new_call_record(
        new_id(),
        call,
        CallRecordKind.WARNING_ANNOUNCED,
        T0 + timedelta(minutes=minutes),
        AGENT,
        warning=level,
        reason=WarningReason.ABUSE,
    )


def _end(call: str, minutes: int = 5) -> CallRecord:
    return new_call_record(new_id(), call, CallRecordKind.CALL_ENDED, T0 + timedelta(minutes=minutes), AGENT)


def test_a_call_is_ended_only_after_a_warning_in_the_same_call() -> None:
    call, other = new_id(), new_id()
    with pytest.raises(LifecycleError) as refused:
        check_next([], _end(call))
    assert refused.value.code == "warning_first" and "경고" in refused.value.ko
    with pytest.raises(LifecycleError):
        check_next([_warning(other, WarningLevel.FIRST)], _end(call))  # another call's warning does not count
    with pytest.raises(LifecycleError):
        check_next([_warning(call, WarningLevel.FIRST, minutes=9)], _end(call, minutes=5))  # warned after the end
    check_next([_warning(call, WarningLevel.FIRST)], _end(call))


def test_warnings_come_in_order_once_each_and_nothing_follows_the_end() -> None:
    call = new_id()
    first = _warning(call, WarningLevel.FIRST)
    with pytest.raises(LifecycleError, match="second warning"):
        check_next([], _warning(call, WarningLevel.SECOND))
    with pytest.raises(LifecycleError) as repeated:
        check_next([first], _warning(call, WarningLevel.FIRST, 1))
    assert repeated.value.code == "warning_repeated"
    second = _warning(call, WarningLevel.SECOND, 2)
    check_next([first], second)
    end = _end(call)
    with pytest.raises(LifecycleError) as after:
        check_next([first, end], second)
    assert after.value.code == "call_ended"


def test_what_the_buttons_offer_follows_the_rule() -> None:
    call = new_id()
    assert next_warning([]) is WarningLevel.FIRST and not may_end([])
    first = _warning(call, WarningLevel.FIRST)
    assert next_warning([first]) is WarningLevel.SECOND and may_end([first])
    second = _warning(call, WarningLevel.SECOND, 1)
    assert next_warning([first, second]) is None and may_end([first, second])
    assert next_warning([first, _end(call)]) is None and not may_end([first, _end(call)])


def _wire(**changes: Any) -> dict[str, Any]:
    return {**_warning(new_id(), WarningLevel.FIRST).as_wire(), **changes}


def test_a_record_round_trips_through_its_wire_form_and_the_phone_is_normalized() -> None:
    record = read_call_record(_wire(caller_phone="01012345678"))
    assert record.caller_phone == "010-1234-5678"
    assert read_call_record(record.as_wire()) == record
    assert read_call_record(_wire(caller_phone=None)).caller_phone == ""


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "not-a-uuid"}, "id"),
        ({"call_id": None}, "call_id"),
        ({"agent_id": 7}, "agent_id"),
        ({"kind": "hung_up"}, "kind"),
        ({"warning": "third"}, "warning"),
        ({"warning": None}, "warning"),
        ({"reason": None}, "reason"),
        ({"reason": "rude"}, "reason"),
        ({"occurred_at": "2026-11-20T05:00:00"}, "occurred_at"),  # no time zone
        ({"occurred_at": "1999-12-31T00:00:00+09:00"}, "occurred_at"),
        ({"occurred_at": "yesterday"}, "occurred_at"),
        ({"caller_phone": "전화 없음"}, "caller_phone"),
        ({"caller_phone": "010-1234-567899999"}, "caller_phone"),
        ({"caller_phone": "010\x001234"}, "caller_phone"),
        ({"caller_phone": 1012345678}, "caller_phone"),
        ({"kind": "call_ended_after_warning"}, "warning"),  # an end carries no warning of its own
    ],
)
def test_bad_values_are_refused_naming_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(DomainError) as refused:
        read_call_record(_wire(**changes))
    assert refused.value.field == field
    assert refused.value.ko and refused.value.en


def test_a_record_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(DomainError):
        read_call_record(["id"])
