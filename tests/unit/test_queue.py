"""The work queues: newest first, by deadline, filtered by department, status, kind, channel, phone and
overdue, paged; on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.roles import Actor, Role
from complaints_desk.domain.statuses import Status
from complaints_desk.store import reference
from complaints_desk.store.db import transaction
from complaints_desk.store.intake import Intake, take_intake
from complaints_desk.store.queue import QueueFilter, queue_page

T0 = datetime(2026, 3, 9, 1, 0, tzinfo=UTC)  # Mon 10:00 in Seoul

# (title, kind, channel, department handed on to, phone); taken in one minute apart, in this order.
INTAKES = (
    ("가로등 고장", Kind.OTHER, Channel.PHONE, None, "010-1000-0001"),
    ("도로 파손", Kind.GRIEVANCE, Channel.PHONE, "road", "010-1000-0002"),
    ("건축신고", Kind.STATUTORY, Channel.COUNTER, "building", "010-1000-0003"),
    ("포트홀 보수", Kind.SUGGESTION, Channel.COUNTER, "road", "010-1000-0002"),
    ("공원 벤치", Kind.INQUIRY_PROCEDURE, Channel.PHONE, "parks", "010-1000-0004"),
)


@pytest.fixture
def queue(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with transaction(session_factory) as session:
        for code, name in (("road", "도로관리과"), ("building", "건축과"), ("parks", "공원녹지과")):
            reference.upsert_department(session, code, name)
        reference.ensure_station(session, "C01", "민원실 1번 창구")
        for n, (title, kind, channel, department, phone) in enumerate(INTAKES):
            role = Role.AGENT if channel is Channel.PHONE else Role.CLERK
            take_intake(
                session,
                Intake(kind, channel, title, f"{title} 관련 민원입니다.", "홍길동", phone, department_code=department,
                       statutory_days=5 if kind is Kind.STATUTORY else None),
                actor=Actor("front-1", role),
                station_code="C01",
                now=T0 + timedelta(minutes=n),
            )  # fmt: skip
    return session_factory


def titles(factory: sessionmaker[Session], filters: QueueFilter, **page: int) -> list[str]:
    with factory() as session:
        return [row.title for row in queue_page(session, filters, **page)]


def test_the_first_screen_shows_the_newest_first(queue: sessionmaker[Session]) -> None:
    assert titles(queue, QueueFilter()) == ["공원 벤치", "포트홀 보수", "건축신고", "도로 파손", "가로등 고장"]


def test_pages_continue_where_the_last_one_ended(queue: sessionmaker[Session]) -> None:
    assert titles(queue, QueueFilter(), limit=2) == ["공원 벤치", "포트홀 보수"]
    assert titles(queue, QueueFilter(), limit=2, offset=2) == ["건축신고", "도로 파손"]
    assert titles(queue, QueueFilter(), limit=2, offset=4) == ["가로등 고장"]


def test_department_and_status_filter(queue: sessionmaker[Session]) -> None:
    assert titles(queue, QueueFilter(department_code="road")) == ["포트홀 보수", "도로 파손"]
    assert titles(queue, QueueFilter(department_code="road", statuses=(Status.ROUTED,))) == [
        "포트홀 보수",
        "도로 파손",
    ]
    assert titles(queue, QueueFilter(department_code="road", statuses=(Status.IN_PROGRESS,))) == []
    assert titles(queue, QueueFilter(statuses=(Status.RECEIVED,))) == ["가로등 고장"]
    assert len(titles(queue, QueueFilter(statuses=(Status.RECEIVED, Status.ROUTED)))) == 5


def test_kind_channel_and_phone_filters(queue: sessionmaker[Session]) -> None:
    assert titles(queue, QueueFilter(kind=Kind.STATUTORY)) == ["건축신고"]
    assert titles(queue, QueueFilter(channel=Channel.COUNTER)) == ["포트홀 보수", "건축신고"]
    assert titles(queue, QueueFilter(petitioner_phone="010-1000-0002")) == ["포트홀 보수", "도로 파손"]


def test_sorting_by_deadline_puts_the_most_urgent_first(queue: sessionmaker[Session]) -> None:
    # 기타민원 is due in 3 working hours, 건축신고 (5 days) in 40 working hours, the others in 7 or 14 days.
    order = titles(queue, QueueFilter(sort="due"))
    assert order[:2] == ["가로등 고장", "건축신고"]
    with queue() as session:
        rows = queue_page(session, QueueFilter(sort="due"))
    assert [r.due_at for r in rows] == sorted(r.due_at for r in rows)


def test_overdue_shows_only_open_cases_past_their_deadline(queue: sessionmaker[Session]) -> None:
    assert titles(queue, QueueFilter(overdue_at=T0 + timedelta(hours=1))) == []
    # The next day the 3-working-hour 기타민원 is overdue, nothing else yet.
    assert titles(queue, QueueFilter(overdue_at=T0 + timedelta(days=1))) == ["가로등 고장"]


def test_rows_carry_what_the_queue_shows(queue: sessionmaker[Session]) -> None:
    with queue() as session:
        (row,) = queue_page(session, QueueFilter(kind=Kind.STATUTORY))
    assert row.status is Status.ROUTED and row.department_code == "building"
    assert row.channel is Channel.COUNTER and row.received_at == T0 + timedelta(minutes=2)
    assert row.received_at.tzinfo is not None and row.due_at > row.received_at
    assert row.receipt_no.startswith("20260309-C01-") and not row.clock_stopped
