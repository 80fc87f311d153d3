"""When Telegram or LINE is down as an answer goes out: the outbox tries again with backoff, the answer arrives
once the platform is back, and an answer that never gets through is a reply_failed event on its case, which
every desktop pulls. A real server process on SQLite and PostgreSQL; the platforms are the loopback fakes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest

from complaints_desk.store.central.outbound import MAX_ATTEMPTS

from .channel_fakes import FakePlatform, FakeRequest, answer_case, delivery_reports, eventually, filed_case
from .messenger_fakes import LineCitizen, MessengerDesk, TelegramCitizen, messenger_desk

RECEIPT = re.compile(r"\d{8}-[TL]01-\d{4,6}")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MessengerDesk]:
    yield from messenger_desk(request.param, tmp_path_factory.mktemp("outages"))


@pytest.fixture(autouse=True)
def _fresh(desk: MessengerDesk) -> Iterator[None]:
    desk.reset()
    yield
    desk.reset()


def _file(citizen: TelegramCitizen | LineCitizen, body: str) -> str:
    """The whole conversation, quickly (each step waits for the bot's answer)."""
    steps: list[tuple[str, str]] = [
        ("say", "민원"),
        ("say", body),
        ("press", "없음"),
        ("say", "홍길동"),
        ("press", "channel"),
        ("press", "동의"),
        ("press", "접수"),
    ]
    last: Any = None
    for how, text in steps:
        last = getattr(citizen, how)(text)
    message = last if isinstance(citizen, TelegramCitizen) else last[1]
    found = RECEIPT.search(message["text"])
    assert found, message
    return found.group(0)


def _two_cases(desk: MessengerDesk) -> list[tuple[FakePlatform, str, str]]:
    """A Telegram case and a LINE case: (the platform's fake, receipt number, case id) each."""
    made: list[tuple[FakePlatform, str, str]] = []
    pairs: list[tuple[FakePlatform, TelegramCitizen | LineCitizen]] = [
        (desk.telegram, desk.telegram_citizen()),
        (desk.line, desk.line_citizen()),
    ]
    for fake, citizen in pairs:
        receipt_no = _file(citizen, "한빛로 34 앞 배수구가 막혀 비가 오면 물이 넘칩니다.")
        made.append((fake, receipt_no, filed_case(desk.team, receipt_no)[0]["case_id"]))
    return made


def _answer_requests(fake: FakePlatform, receipt_no: str) -> list[FakeRequest]:
    return fake.requests(lambda r: receipt_no in r.body.decode() and "처리 결과" in r.body.decode())


def test_a_platform_down_for_a_while_gets_the_answer_when_it_is_back(desk: MessengerDesk) -> None:
    cases = _two_cases(desk)
    for fake, _, _ in cases:
        fake.fail(status=503, times=2)
    for _, _, case_id in cases:
        answer_case(desk.team, case_id, "배수구를 청소했습니다.")

    for fake, receipt_no, case_id in cases:
        reports = eventually(partial(delivery_reports, desk.team, case_id), timeout=60)
        assert [r["type"] for r in reports] == ["reply_sent"]
        assert reports[0]["payload"]["attempts"] == 3
        attempts = _answer_requests(fake, receipt_no)
        assert len(attempts) == 3
        # Backoff: about 2 s, then about 4 s (each ±25 %), never at once.
        first_gap, second_gap = attempts[1].at - attempts[0].at, attempts[2].at - attempts[1].at
        assert first_gap >= 1.4 and second_gap >= 2.9, (first_gap, second_gap)


def test_telegram_asking_to_slow_down_is_tried_again(desk: MessengerDesk) -> None:
    citizen = desk.telegram_citizen()
    receipt_no = _file(citizen, "한빛로 56 신호등이 깜빡이기만 합니다.")
    case_id = filed_case(desk.team, receipt_no)[0]["case_id"]
    desk.telegram.flood(retry_after=1)
    answer_case(desk.team, case_id, "신호등을 고쳤습니다.")
    reports = eventually(lambda: delivery_reports(desk.team, case_id), timeout=60)
    assert reports[0]["type"] == "reply_sent" and reports[0]["payload"]["attempts"] == 2
    answered = [
        response.status
        for request, response in desk.telegram.answered
        if receipt_no in request.body.decode() and "처리 결과" in request.body.decode()
    ]
    assert answered == [429, 200]


def test_telegram_flood_control_is_waited_out_before_the_answer_is_tried_again(desk: MessengerDesk) -> None:
    """Telegram says how long to wait (parameters.retry_after) and refuses a bot that comes back sooner: the
    outbox's own first backoff (about 2 s) would be refused again; waiting what Telegram said gets through."""
    citizen = desk.telegram_citizen()
    receipt_no = _file(citizen, "한빛로 78 버스 정류장 의자가 부서져 있습니다.")
    case_id = filed_case(desk.team, receipt_no)[0]["case_id"]
    desk.telegram.flood(retry_after=6)
    answer_case(desk.team, case_id, "정류장 의자를 새것으로 바꾸었습니다.")
    reports = eventually(lambda: delivery_reports(desk.team, case_id), timeout=60)
    answered = [
        response.status
        for request, response in desk.telegram.answered
        if receipt_no in request.body.decode() and "처리 결과" in request.body.decode()
    ]
    assert answered == [429, 200]
    assert reports[0]["type"] == "reply_sent" and reports[0]["payload"]["attempts"] == 2


def test_a_long_status_that_fails_after_its_first_piece_is_resent_from_the_piece_that_failed(
    desk: MessengerDesk,
) -> None:
    citizen = desk.telegram_citizen()
    receipt_no = _file(citizen, "한빛로 90 일대 도로 공사 안내를 받고 싶습니다.")
    case_id = filed_case(desk.team, receipt_no)[0]["case_id"]
    answer = "\n".join(f"{n}. 한빛로 보수 공사 일정과 우회로 안내입니다." for n in range(1, 301))  # 3 messages
    answer_case(desk.team, case_id, answer)
    eventually(lambda: delivery_reports(desk.team, case_id))  # the answer itself (cut short) has gone
    before = len(desk.telegram.sent(citizen.chat_id))
    desk.telegram.fail(status=502, times=1, after=1)  # the first piece goes, the second is refused once

    citizen.post(citizen.message_update(f"상태 {receipt_no}"))
    eventually(lambda: any("300. 한빛로" in p["text"] for p in desk.telegram.sent(citizen.chat_id)[before:]))
    pieces = desk.telegram.sent(citizen.chat_id)[before:]
    assert [response.status for _, response in desk.telegram.answered].count(502) == 1
    assert sum(receipt_no in p["text"] for p in pieces) == 1
    lines = [line for p in pieces for line in p["text"].splitlines() if "한빛로 보수" in line]
    assert lines == answer.splitlines()  # every line once: the citizen never got the first piece again


@pytest.mark.slow
def test_an_answer_that_never_gets_through_is_a_failure_on_the_case(desk: MessengerDesk) -> None:
    cases = _two_cases(desk)
    for fake, _, _ in cases:
        fake.fail(status=503)  # down until told otherwise
    for _, _, case_id in cases:
        answer_case(desk.team, case_id, "배수구를 청소했습니다.")

    # MAX_ATTEMPTS tries, 2 + 4 + 8 + 16 + 32 s apart (±25 %): about a minute.
    for fake, receipt_no, case_id in cases:
        reports = eventually(partial(delivery_reports, desk.team, case_id), timeout=150, every=1.0)
        assert [r["type"] for r in reports] == ["reply_failed"]
        assert reports[0]["payload"]["attempts"] == MAX_ATTEMPTS and "503" in reports[0]["payload"]["error"]
        assert len(_answer_requests(fake, receipt_no)) == MAX_ATTEMPTS
        # The officer's own desktop pulls it too (masked or not, a failure is for everyone to see).
        officer_sees = delivery_reports(desk.team, case_id, who="officer")
        assert [r["type"] for r in officer_sees] == ["reply_failed"]
