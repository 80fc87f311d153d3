"""Telegram: a citizen's conversation with the office's bot, posted as Telegram posts Updates (the secret token
header, message and callback_query updates), against a real server process on SQLite and PostgreSQL, with the
Bot API faked on loopback (messenger_fakes.FakeTelegram, which enforces its limits)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.conversation import NOT_TEXT

from .channel_fakes import (
    answer_case,
    cases_of_channel,
    delivery_reports,
    eventually,
    filed_case,
    refusals_logged,
    to_register_on_desktop,
)
from .messenger_fakes import MessengerDesk, TelegramCitizen, buttons_of, messenger_desk

RECEIPT = re.compile(r"\d{8}-T01-\d{4,6}")
BODY = "한빛로 12 앞 가로등이 사흘째 꺼져 있어 밤길이 어둡습니다."


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MessengerDesk]:
    yield from messenger_desk(request.param, tmp_path_factory.mktemp("telegram"))


@pytest.fixture(autouse=True)
def _fresh(desk: MessengerDesk) -> Iterator[None]:
    desk.reset()
    yield
    desk.reset()


def up_to_confirmation(citizen: TelegramCitizen, body: str = BODY, place: str = "한빛로 12") -> dict[str, Any]:
    """Through the conversation, typing and pressing buttons as a citizen would, to the summary."""
    menu = citizen.say("/start")
    assert {"민원", "제안", "상태"} <= set(buttons_of(menu))
    assert "내용" in citizen.press("민원")["text"]
    asked_place = citizen.say(body)
    assert "어디" in asked_place["text"] and buttons_of(asked_place) == ["없음"]
    assert "성함" in citizen.say(place)["text"]
    how = citizen.say("홍길동")
    assert "channel" in buttons_of(how)
    consent = citizen.press("channel")
    assert "개인정보" in consent["text"] and buttons_of(consent) == ["동의", "동의하지 않음"]
    summary = citizen.press("동의")
    assert buttons_of(summary) == ["접수", "취소"]
    return summary


def file_case(citizen: TelegramCitizen, body: str = BODY) -> str:
    up_to_confirmation(citizen, body)
    receipt = citizen.press("접수")
    found = RECEIPT.search(receipt["text"])
    assert found, receipt["text"]
    return found.group(0)


def test_a_conversation_becomes_a_case_waiting_to_be_registered_and_the_citizen_gets_its_number(
    desk: MessengerDesk, tmp_path: Path
) -> None:
    citizen = desk.telegram_citizen()
    receipt_no = file_case(citizen)

    events = filed_case(desk.team, receipt_no)
    received = events[0]["payload"]
    assert received["channel"] == "telegram" and received["body"] == BODY
    assert received["petitioner"]["name"].startswith("홍")
    waiting = {item.receipt_no: item for item in to_register_on_desktop(tmp_path, desk.server.base_url)}
    assert waiting[receipt_no].channel is Channel.TELEGRAM
    # Every pressed button was answered (answerCallbackQuery, asked for in the webhook's answer) …
    assert desk.telegram.callback_queries and all(desk.telegram.callback_queries.values())
    # … and every message went as plain text: nothing is read as HTML or Markdown.
    assert all("parse_mode" not in sent for sent in desk.telegram.sent(citizen.chat_id))

    status = citizen.say(f"상태 {receipt_no}")
    assert receipt_no in status["text"] and "접수됨" in status["text"]


def test_the_same_update_delivered_twice_makes_one_case_and_one_receipt_message(desk: MessengerDesk) -> None:
    citizen = desk.telegram_citizen()
    body = "공원 앞 보도블록이 깨져 있어 넘어질 뻔했습니다 (두 번 배달)."
    up_to_confirmation(citizen, body)
    confirm = citizen.callback_update("접수")
    before = len(desk.telegram.sent(citizen.chat_id))
    for _ in range(2):  # Telegram delivers an update again when it did not see the acknowledgement
        assert citizen.post(confirm).status_code == 200
    desk.telegram.wait_sent(citizen.chat_id, before + 1)
    cases = [e for e in cases_of_channel(desk.team, "telegram") if e["payload"]["body"] == body]
    assert len(cases) == 1
    citizen.say(f"상태 {cases[0]['payload']['receipt_no']}")  # what the citizen sees next is the status …
    after = desk.telegram.sent(citizen.chat_id)[before:]
    assert sum("접수번호:" in sent["text"] for sent in after) == 1  # … and the receipt number came once


def test_deliveries_that_are_not_from_telegram_or_not_an_update_are_refused_and_make_nothing(
    desk: MessengerDesk,
) -> None:
    citizen = desk.telegram_citizen()
    cases_before = len(cases_of_channel(desk.team, "telegram"))
    update = citizen.message_update("민원")
    assert citizen.post(update, secret="").status_code == 401
    assert citizen.post(update, secret="office-webhook-secret_2026-TG").status_code == 401
    assert citizen.post(update, secret="한글-비밀").status_code == 401  # not even ASCII: still 401, not 500
    refused = refusals_logged(desk.server.log_lines(), "telegram")
    assert {"missing_secret", "bad_secret"} <= {line["reason"] for line in refused}
    assert all(line["status"] == 401 for line in refused)

    for malformed in (
        b"{not json",
        b"[1, 2]",
        b'{"update_id": "7"}',
        b'{"update_id": 7, "message": "x"}',
        b"\xff\xfe",
    ):
        response = citizen.post(malformed)
        assert response.status_code == 400, (malformed, response.text)
    too_big = citizen.message_update("가" * 200_000)
    assert citizen.post(too_big).status_code == 413

    # Nothing of it reached the conversation: the inbox takes a citizen's messages in order, so by the time
    # a good message is answered any earlier one taken in would have been answered before it.
    greeting = citizen.say("민원")
    assert desk.telegram.sent(citizen.chat_id) == [greeting]
    assert len(cases_of_channel(desk.team, "telegram")) == cases_before


def test_an_answer_pushed_from_a_desktop_reaches_the_chat(desk: MessengerDesk) -> None:
    citizen = desk.telegram_citizen()
    receipt_no = file_case(citizen)
    case_id = filed_case(desk.team, receipt_no)[0]["case_id"]
    answer = "가로등을 교체했습니다. <b>불편을 드려</b> 죄송합니다 & 감사합니다."
    answer_case(desk.team, case_id, answer)

    sent = desk.telegram.wait_for(
        lambda r: (
            r.path.endswith("/sendMessage") and receipt_no in r.body.decode() and "처리 결과" in r.body.decode()
        ),
        answered=200,
    )
    message = sent[0].json()
    assert str(message["chat_id"]) == str(citizen.chat_id)
    assert answer in message["text"] and "parse_mode" not in message  # the officer's text, as written
    reports = eventually(lambda: delivery_reports(desk.team, case_id))
    assert reports[-1]["type"] == "reply_sent" and reports[-1]["payload"]["platform"] == "telegram"


def test_a_long_status_is_sent_in_pieces_telegram_takes(desk: MessengerDesk) -> None:
    citizen = desk.telegram_citizen()
    receipt_no = file_case(citizen)
    case_id = filed_case(desk.team, receipt_no)[0]["case_id"]
    answer = "\n".join(
        f"{n}. 한빛로 보수 공사 일정과 우회로 안내입니다." for n in range(1, 301)
    )  # ~9,000 characters
    answer_case(desk.team, case_id, answer)
    desk.telegram.wait_for(
        lambda r: "처리 결과" in r.body.decode() and receipt_no in r.body.decode(), answered=200
    )
    before = len(desk.telegram.sent(citizen.chat_id))

    citizen.post(citizen.message_update(f"상태 {receipt_no}"))
    eventually(lambda: any("300. 한빛로" in p["text"] for p in desk.telegram.sent(citizen.chat_id)[before:]))
    pieces = desk.telegram.sent(citizen.chat_id)[before:]
    assert len(pieces) >= 3  # about 9,000 characters
    assert all(len(p["text"].encode("utf-16-le")) // 2 <= 4096 for p in pieces)
    assert receipt_no in pieces[0]["text"]
    lines = [line for p in pieces for line in p["text"].splitlines()]
    assert [line for line in lines if "한빛로 보수" in line] == answer.splitlines()  # cut between lines, none lost


def test_a_user_who_blocked_the_bot_gets_no_retries_and_the_case_says_so(desk: MessengerDesk) -> None:
    citizen = desk.telegram_citizen()
    receipt_no = file_case(citizen)
    case_id = filed_case(desk.team, receipt_no)[0]["case_id"]
    desk.telegram.blocked.add(str(citizen.chat_id))
    answer_case(desk.team, case_id, "보수를 마쳤습니다.")

    reports = eventually(lambda: delivery_reports(desk.team, case_id))
    assert reports[-1]["type"] == "reply_failed"
    assert "blocked" in reports[-1]["payload"]["error"] and reports[-1]["payload"]["attempts"] == 1
    refused = desk.telegram.requests(lambda r: "처리 결과" in r.body.decode() and receipt_no in r.body.decode())
    assert len(refused) == 1  # failed for good at once: a blocked bot does not become unblocked by retrying


def test_html_and_script_stay_text_from_the_chat_to_the_case(desk: MessengerDesk) -> None:
    citizen = desk.telegram_citizen()
    body = "<script>alert('x')</script> 가로등 <b>고장</b> & 누전 위험 &lt;긴급&gt;"
    up_to_confirmation(citizen, body, place="<img src=x onerror=alert(1)>")
    summary = desk.telegram.sent(citizen.chat_id)[-1]
    assert "<script>alert('x')</script>" in summary["text"] and "parse_mode" not in summary
    receipt = citizen.press("접수")
    receipt_no = RECEIPT.search(receipt["text"])
    assert receipt_no
    received = filed_case(desk.team, receipt_no.group(0))[0]["payload"]
    assert received["body"] == body and received["place"] == "<img src=x onerror=alert(1)>"
    assert received["title"].startswith("<script>alert('x')</script>")


def test_the_webhook_answers_a_pressed_button_in_its_own_reply(desk: MessengerDesk) -> None:
    citizen = desk.telegram_citizen()
    update = citizen.callback_update("상태")
    response = httpx.post(
        citizen.webhook_url,
        json=update,
        headers={"X-Telegram-Bot-Api-Secret-Token": citizen.secret_token},
        timeout=30,
    )
    assert response.status_code == 200
    assert response.json() == {
        "method": "answerCallbackQuery",
        "callback_query_id": update["callback_query"]["id"],
    }
    assert "접수하신 민원이 없습니다" in desk.telegram.wait_sent(citizen.chat_id, 1)[0]["text"]


def test_a_photo_or_a_sticker_without_words_gets_a_request_for_words_in_korean(desk: MessengerDesk) -> None:
    citizen = desk.telegram_citizen()
    photo = [{"file_id": "AgACAgUAAxkBAAI", "file_unique_id": "AQADx", "width": 90, "height": 67}]
    first = citizen.send_without_words(photo=photo)
    assert first["text"].startswith(NOT_TEXT) and {"민원", "제안", "상태"} <= set(buttons_of(first))
    citizen.press("민원")
    sticker = {
        "file_id": "CAACAgIAAxkBAAI",
        "file_unique_id": "AgADx",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    again = citizen.send_without_words(sticker=sticker)
    assert again["text"].startswith(NOT_TEXT) and "자세히 적어 보내 주세요" in again["text"]
    assert "어디" in citizen.say(BODY)["text"]  # the conversation went on where it was
    captioned = citizen.send_without_words(photo=photo, caption="한빛로 12")  # a caption is words: the place
    assert "성함" in captioned["text"]
    kinds = {line.get("kind") for line in desk.server.log_lines() if line.get("event") == "channel_not_text"}
    assert {"photo", "sticker"} <= kinds
