"""The online channels' store: a filing becomes a numbered case in "to register" (or routed at once by a
confident rule), the outbox hands each message to one worker, retries with backoff, and an answer that
cannot be delivered is recorded on its case. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.events import EventType
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.statuses import Status
from complaints_desk.store import reference
from complaints_desk.store.cases import case_events, load_case
from complaints_desk.store.central import outbound
from complaints_desk.store.central.channel_tables import OutboundMessage
from complaints_desk.store.central.online import Contact, OnlineFiling, file_online, lookup_for_citizen
from complaints_desk.store.central.sequence import latest_seq
from complaints_desk.store.db import transaction
from complaints_desk.store.models import EventRow


def _office(factory: Any) -> None:
    with transaction(factory) as session:
        reference.upsert_department(session, "ROAD", "도로과")
        reference.upsert_department(session, "PARK", "공원녹지과")
        reference.add_routing_rule(session, 1, "ROAD", keywords=["포트홀", "도로 파손"])
        reference.add_routing_rule(session, 2, "PARK", keywords=["공원"])


def _filing(title: str, body: str, **overrides: Any) -> OnlineFiling:
    values: dict[str, Any] = {
        "channel": Channel.TELEGRAM,
        "kind": Kind.GRIEVANCE,
        "title": title,
        "body": body,
        "name": "홍길동",
        "phone": "010-1234-5678",
        "reply_channel": "telegram",
        "privacy_consent": True,
        "contact": Contact("telegram", "chat-42"),
    }
    return OnlineFiling(**{**values, **overrides})


def test_an_online_filing_waits_to_be_registered_with_its_channel_number_and_is_pullable(
    session_factory: Any,
) -> None:
    _office(session_factory)
    with transaction(session_factory) as session:
        before = latest_seq(session)
        filed = file_online(session, _filing("가로등이 꺼졌어요", "한빛로 12 앞 가로등이 사흘째 꺼져 있습니다."))
    with session_factory() as session:
        state = load_case(session, filed.case_id)
        assert state is not None
        assert state.status is Status.RECEIVED and state.department_code is None
        assert state.channel is Channel.TELEGRAM
        assert "-T01-" in filed.receipt_no
        assert state.registration_due_at is not None  # 8 working hours to register (영 §6⑧)
        seqs = session.execute(select(EventRow.seq).where(EventRow.case_id == filed.case_id)).scalars().all()
        assert all(seq is not None and seq > before for seq in seqs)
        assert latest_seq(session) == filed.seq
        shown = lookup_for_citizen(session, filed.receipt_no, "5678")
        assert shown is not None and shown.title == "가로등이 꺼졌어요"
        assert lookup_for_citizen(session, filed.receipt_no, "1234") is None


def test_a_confident_rule_routes_an_online_filing_at_once_and_a_vague_one_does_not(session_factory: Any) -> None:
    _office(session_factory)
    with transaction(session_factory) as session:
        clear = file_online(session, _filing("포트홀 신고", "도로 파손으로 포트홀이 생겼습니다."))
        vague = file_online(session, _filing("불편 신고", "공원 옆 도로에 포트홀이 있어요."))
    assert clear.department_code == "ROAD"
    assert vague.department_code is None


def test_the_outbox_gives_each_message_to_one_claimer_and_retries_with_backoff(session_factory: Any) -> None:
    now = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    with transaction(session_factory) as session:
        ids = [
            outbound.enqueue(
                session,
                platform="telegram",
                address="chat-1",
                purpose="conversation",
                body={"text": str(n)},
                now=now,
            )
            for n in range(5)
        ]
    with transaction(session_factory) as session:
        first = outbound.claim_due(session, limit=3, now=now)
    with transaction(session_factory) as session:
        second = outbound.claim_due(session, limit=10, now=now)
    assert len(first) == 3 and len(second) == 2
    assert {m.id for m in first} | {m.id for m in second} == set(ids)
    with transaction(session_factory) as session:
        assert outbound.claim_due(session, now=now) == []  # every row is leased
        assert (
            outbound.mark_failed(session, first[0].id, "503 Service Unavailable", retryable=True, now=now) is False
        )
    with session_factory() as session:
        row = session.get(OutboundMessage, first[0].id)
        assert row is not None and row.status == "pending" and row.attempts == 1
        assert now + timedelta(seconds=1) <= row.next_attempt_at <= now + timedelta(seconds=3)
    with transaction(session_factory) as session:
        again = outbound.claim_due(session, now=now + timedelta(seconds=4))
    assert [m.id for m in again] == [first[0].id]


def test_a_platforms_retry_after_and_the_pieces_already_sent_carry_over_to_the_next_try(
    session_factory: Any,
) -> None:
    now = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    with transaction(session_factory) as session:
        message_id = outbound.enqueue(
            session, platform="telegram", address="chat-9", purpose="status", body={"text": "긴 안내"}, now=now
        )
    with transaction(session_factory) as session:
        [claimed] = outbound.claim_due(session, now=now)
        assert claimed.pieces_sent == 0
        outbound.mark_failed(session, message_id, "429", retryable=True, now=now, retry_after=30, pieces_sent=1)
    with transaction(session_factory) as session:
        assert outbound.claim_due(session, now=now + timedelta(seconds=29)) == []  # Telegram said 30 s
        [again] = outbound.claim_due(session, now=now + timedelta(seconds=30))
        assert again.pieces_sent == 1  # the next try starts at the second piece
        outbound.mark_failed(session, message_id, "502", retryable=True, now=now, pieces_sent=1)
        outbound.mark_failed(session, message_id, "429", retryable=True, now=now, retry_after=86_400.0)
    with session_factory() as session:
        row = session.get(OutboundMessage, message_id)
        assert row is not None and row.pieces_sent == 2
        assert row.next_attempt_at == now + outbound.RETRY_AFTER_MAX  # a day's wait is taken as an hour


def test_an_answer_that_cannot_be_delivered_is_recorded_on_its_case(session_factory: Any) -> None:
    _office(session_factory)
    with transaction(session_factory) as session:
        filed = file_online(session, _filing("가로등이 꺼졌어요", "한빛로 12 앞 가로등이 꺼져 있습니다."))
        message_id = outbound.enqueue(
            session,
            platform="telegram",
            address="chat-42",
            purpose="answer",
            body={"text": "답변"},
            case_id=filed.case_id,
        )
    for _attempt in range(outbound.MAX_ATTEMPTS):
        with transaction(session_factory) as session:
            final = outbound.mark_failed(
                session, message_id, "Forbidden: bot was blocked by the user", retryable=True
            )
    assert final is True
    with session_factory() as session:
        events = case_events(session, filed.case_id)
        assert events[-1].type is EventType.REPLY_FAILED
        assert events[-1].payload["platform"] == "telegram" and "blocked" in events[-1].payload["error"]
        assert session.execute(select(func.max(EventRow.seq))).scalar_one() == latest_seq(session)


def test_two_processes_claiming_at_once_on_postgresql_never_take_the_same_message(
    session_factory: Any, db_url: str
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: the embedded server runs one worker")
    now = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    with transaction(session_factory) as session:
        for n in range(6):
            outbound.enqueue(
                session, platform="sms", address="01012345678", purpose="answer", body={"text": str(n)}, now=now
            )
    first, second = session_factory(), session_factory()
    try:
        mine = outbound.claim_due(first, limit=4, now=now)  # not committed yet: the rows stay locked
        theirs = outbound.claim_due(second, limit=4, now=now)  # skips the locked rows instead of waiting
        assert len(mine) == 4 and len(theirs) == 2
        assert not {m.id for m in mine} & {m.id for m in theirs}
        first.commit()
        second.commit()
    finally:
        first.close()
        second.close()
