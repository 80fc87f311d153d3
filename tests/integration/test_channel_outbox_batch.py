"""The outbox worker sends a batch of due messages and settles each with its own outcome: LINE down leaves its
answer due again after a backoff, Telegram's go out (one citizen's two in their order), a citizen who blocked
the bot is a failure on that case only. The worker against the Telegram and LINE loopback fakes, on SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.events import EventType
from complaints_desk.domain.kinds import Kind
from complaints_desk.server.channels.worker import OutboxWorker
from complaints_desk.store.cases import case_events
from complaints_desk.store.central import outbound
from complaints_desk.store.central.channel_tables import OutboundMessage
from complaints_desk.store.central.online import Contact, OnlineFiling, file_online
from complaints_desk.store.db import transaction

from .messenger_fakes import FakeLine, FakeTelegram

LINE_USER = "U" + "4" * 32


@pytest.fixture
def fakes() -> Iterator[tuple[FakeTelegram, FakeLine]]:
    telegram, line = FakeTelegram().start(), FakeLine().start()
    try:
        yield telegram, line
    finally:
        telegram.stop()
        line.stop()


def _case(session: Any, platform: str, address: str, channel: Channel) -> str:
    filing = OnlineFiling(
        channel=channel,
        kind=Kind.GRIEVANCE,
        title="가로등이 꺼졌어요",
        body="한빛로 12 앞 가로등이 꺼져 있습니다.",
        name="홍길동",
        phone="",
        reply_channel=platform,
        privacy_consent=True,
        contact=Contact(platform, address),
    )
    return file_online(session, filing).case_id


def _answer(session: Any, platform: str, address: str, case_id: str, text: str) -> str:
    return outbound.enqueue(
        session, platform=platform, address=address, purpose="answer", body={"text": text}, case_id=case_id
    )


def test_a_batch_is_settled_message_by_message_one_platform_down_the_other_fine(
    session_factory: Any, fakes: tuple[FakeTelegram, FakeLine]
) -> None:
    telegram, line = fakes
    telegram.blocked.add("2002")
    line.fail(status=503)
    with transaction(session_factory) as session:
        telegram_case = _case(session, "telegram", "1001", Channel.TELEGRAM)
        blocked_case = _case(session, "telegram", "2002", Channel.TELEGRAM)
        line_case = _case(session, "line", LINE_USER, Channel.LINE)
        telegram_answer = _answer(session, "telegram", "1001", telegram_case, "답변: 가로등을 고쳤습니다.")
        telegram_status = outbound.enqueue(
            session, platform="telegram", address="1001", purpose="reply", body={"text": "다른 안내"}
        )
        blocked_answer = _answer(session, "telegram", "2002", blocked_case, "답변: 배수구를 청소했습니다.")
        line_answer = _answer(session, "line", LINE_USER, line_case, "답변: 신호등을 고쳤습니다.")
    worker = OutboxWorker(
        session_factory,
        {
            "telegram": {"token": telegram.token, "api_base": telegram.base_url},
            "line": {"channel_access_token": line.access_token, "api_base": line.base_url},
        },
    )
    before = datetime.now(UTC)
    try:
        assert worker.run_once() == 4  # one claim, one batch
    finally:
        worker.stop()

    assert [sent["text"] for sent in telegram.sent("1001")] == ["답변: 가로등을 고쳤습니다.", "다른 안내"]
    assert [response.status for _, response in line.answered] == [503]
    with session_factory() as session:
        ids = (telegram_answer, telegram_status, blocked_answer, line_answer)
        rows = {key: session.get_one(OutboundMessage, key) for key in ids}
        assert (rows[telegram_answer].status, rows[telegram_status].status) == ("sent", "sent")
        assert rows[blocked_answer].status == "failed" and "blocked" in rows[blocked_answer].last_error
        down = rows[line_answer]
        assert (down.status, down.attempts, down.claimed_until) == ("pending", 1, None)
        assert down.next_attempt_at.replace(tzinfo=down.next_attempt_at.tzinfo or UTC) > before
        assert "503" in down.last_error

        def reports(case_id: str) -> list[EventType]:
            return [
                event.type
                for event in case_events(session, case_id)
                if event.type in (EventType.REPLY_SENT, EventType.REPLY_FAILED)
            ]

        assert reports(telegram_case) == [EventType.REPLY_SENT]
        assert reports(blocked_case) == [EventType.REPLY_FAILED]
        assert reports(line_case) == []
    assert (worker.delivered, worker.failed) == (2, 1)
