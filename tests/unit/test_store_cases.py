"""The store: intake, refusals that write nothing, receipt counters, and replay that rebuilds every row."""

from __future__ import annotations

import random
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from histories import random_history
from sqlalchemy import func, select
from support import event

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.events import EventType
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.lifecycle import replay
from complaints_desk.domain.roles import Actor, Role
from complaints_desk.domain.statuses import Status
from complaints_desk.store import reference
from complaints_desk.store.cases import case_events, load_case, record_event
from complaints_desk.store.db import transaction
from complaints_desk.store.intake import Intake, take_intake
from complaints_desk.store.models import CaseRow, EventRow, Station
from complaints_desk.store.queue import QueueFilter, queue_page

SEOUL = ZoneInfo("Asia/Seoul")
AGENT = Actor(id="0193a000-0000-7000-8000-000000000001", role=Role.AGENT)


def _setup(factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(factory) as session:
        reference.upsert_department(session, "TRAFFIC", "교통행정과", "02-2100-1234")
        reference.ensure_station(session, "C03", "민원실 3번 창구")


def _intake(**overrides: object) -> Intake:
    values: dict[str, object] = {
        "kind": Kind.GRIEVANCE,
        "channel": Channel.COUNTER,
        "title": "새싹초등학교 앞 도로 파손",
        "body": "정문 앞 도로가 파여 아이들이 넘어질 위험이 있습니다.",
        "petitioner_name": "홍길동",
        "petitioner_phone": "01012345678",
    }
    values.update(overrides)
    return Intake(**values)  # type: ignore[arg-type]


def test_intake_numbers_dates_and_finds_the_case(session_factory) -> None:  # type: ignore[no-untyped-def]
    _setup(session_factory)
    received = datetime(2026, 2, 13, 10, 0, tzinfo=SEOUL)
    with transaction(session_factory) as session:
        first = take_intake(session, _intake(), actor=AGENT, station_code="C03", now=received).state
        second = take_intake(
            session, _intake(department_code="TRAFFIC"), actor=AGENT, station_code="C03", now=received
        ).state
    assert first.receipt_no == "20260213-C03-0001"
    assert second.receipt_no == "20260213-C03-0002"
    assert first.due_at.astimezone(SEOUL).isoformat() == "2026-02-26T23:59:59+09:00"
    assert second.status is Status.ROUTED and second.department_code == "TRAFFIC"
    assert second.transfer_due_at is not None
    with transaction(session_factory) as session:
        assert load_case(session, first.id) == first
        found = queue_page(session, QueueFilter(search="도로"))
        assert {row.receipt_no for row in found} == {first.receipt_no, second.receipt_no}
        assert queue_page(session, QueueFilter(search="가로등")) == []


def test_a_refused_intake_writes_nothing_not_even_a_receipt_number(session_factory) -> None:  # type: ignore[no-untyped-def]
    _setup(session_factory)
    with pytest.raises(DomainError) as error, transaction(session_factory) as session:
        take_intake(session, _intake(body="주민번호 900101-1234567"), actor=AGENT, station_code="C03")
    assert error.value.field == "body"
    with transaction(session_factory) as session:
        assert session.scalar(select(func.count()).select_from(CaseRow)) == 0
        assert session.scalar(select(func.count()).select_from(EventRow)) == 0
        assert session.scalar(select(Station.last_receipt_seq).where(Station.code == "C03")) == 0


def test_a_refused_event_leaves_the_case_and_history_untouched(session_factory) -> None:  # type: ignore[no-untyped-def]
    _setup(session_factory)
    with transaction(session_factory) as session:
        state = take_intake(session, _intake(), actor=AGENT, station_code="C03").state
    with pytest.raises(DomainError), transaction(session_factory) as session:
        record_event(session, event(EventType.ACCEPTED, state.id, role=Role.OFFICER, department="TRAFFIC"))
    with transaction(session_factory) as session:
        assert load_case(session, state.id) == state
        assert len(case_events(session, state.id)) == 1


def test_an_unknown_station_cannot_issue_numbers(session_factory) -> None:  # type: ignore[no-untyped-def]
    _setup(session_factory)
    with pytest.raises(DomainError) as error, transaction(session_factory) as session:
        take_intake(session, _intake(), actor=AGENT, station_code="Z99")
    assert error.value.code == "unknown_station"


@pytest.mark.slow
def test_replaying_thousands_of_random_histories_rebuilds_every_row(session_factory, db_url: str) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(20261122)
    count = 2000 if db_url.startswith("sqlite") else 600
    histories = [random_history(rng, number) for number in range(1, count + 1)]
    with transaction(session_factory) as session:
        for history in histories:
            for change in history:
                record_event(session, change)
    statuses = set()
    with transaction(session_factory) as session:
        for history in histories:
            case_id = history[0].case_id
            stored = load_case(session, case_id)
            assert stored is not None
            assert replay(case_events(session, case_id)) == stored
            assert replay(history) == stored
            statuses.add(stored.status)
    assert len(statuses) >= 9  # the walk reaches nearly every status, so the check covers them
