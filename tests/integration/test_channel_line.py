"""LINE: a citizen's conversation with the office's LINE Official Account, posted as LINE posts webhooks (signed
with X-Line-Signature over the raw body, message and postback events with reply tokens), against a real server
process on SQLite and PostgreSQL, with the Messaging API faked on loopback (messenger_fakes.FakeLine, which
enforces its limits)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
from .messenger_fakes import (
    LINE_SECRET,
    LineCitizen,
    MessengerDesk,
    line_signature,
    messenger_desk,
    quick_replies_of,
)

RECEIPT = re.compile(r"\d{8}-L01-\d{4,6}")
BODY = "한빛공원 놀이터 그네 줄이 끊어져 아이들이 다칠까 걱정됩니다."


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MessengerDesk]:
    yield from messenger_desk(request.param, tmp_path_factory.mktemp("line"))


@pytest.fixture(autouse=True)
def _fresh(desk: MessengerDesk) -> Iterator[None]:
    desk.reset()
    yield
    desk.reset()


def up_to_confirmation(citizen: LineCitizen, body: str = BODY, place: str = "한빛공원") -> dict[str, Any]:
    """Through the conversation, typing and pressing quick replies (postbacks), to the summary."""
    via, menu = citizen.say("안녕하세요")
    assert via == "reply" and {"민원", "제안", "상태"} <= set(quick_replies_of(menu))
    assert "내용" in citizen.press("민원")[1]["text"]
    _, asked_place = citizen.say(body)
    assert "어디" in asked_place["text"] and quick_replies_of(asked_place) == ["없음"]
    assert "성함" in citizen.say(place)[1]["text"]
    _, how = citizen.say("홍길동")
    assert "channel" in quick_replies_of(how)
    _, consent = citizen.press("channel")
    assert "개인정보" in consent["text"] and quick_replies_of(consent) == ["동의", "동의하지 않음"]
    _, summary = citizen.press("동의")
    assert quick_replies_of(summary) == ["접수", "취소"]
    return summary


def file_case(citizen: LineCitizen, body: str = BODY) -> str:
    up_to_confirmation(citizen, body)
    _, receipt = citizen.press("접수")
    found = RECEIPT.search(receipt["text"])
    assert found, receipt["text"]
    return found.group(0)


def test_a_conversation_becomes_a_case_waiting_to_be_registered_and_the_citizen_gets_its_number(
    desk: MessengerDesk, tmp_path: Path
) -> None:
    citizen = desk.line_citizen()
    receipt_no = file_case(citizen)

    received = filed_case(desk.team, receipt_no)[0]["payload"]
    assert received["channel"] == "line" and received["body"] == BODY
    waiting = {item.receipt_no: item for item in to_register_on_desktop(tmp_path, desk.server.base_url)}
    assert waiting[receipt_no].channel is Channel.LINE
    # Every answer of the conversation went by the reply API (free, with the event's fresh reply token) …
    delivered = desk.line.delivered(citizen.user_id)
    assert {via for via, _ in delivered} == {"reply"}
    # … with quick replies inside LINE's limits (the fake refuses others): labels of at most 20 characters.
    labels = [
        item["action"]["label"] for _, m in delivered for item in (m.get("quickReply") or {}).get("items", [])
    ]
    assert labels and all(1 <= len(label) <= 20 for label in labels)

    _, status = citizen.say(f"상태 {receipt_no}")
    assert receipt_no in status["text"] and "접수됨" in status["text"]


def test_the_same_event_delivered_again_makes_one_case(desk: MessengerDesk) -> None:
    citizen = desk.line_citizen()
    body = "한빛공원 화장실 문이 고장 나 잠기지 않습니다 (다시 배달)."
    up_to_confirmation(citizen, body)
    confirm = citizen.postback_event("접수")
    before = len(desk.line.delivered(citizen.user_id))
    assert citizen.post([confirm]).status_code == 200
    again = {**confirm, "deliveryContext": {"isRedelivery": True}}  # LINE's redelivery: the same webhookEventId
    assert citizen.post([again]).status_code == 200
    desk.line.wait_delivered(citizen.user_id, before + 1)
    cases = [e for e in cases_of_channel(desk.team, "line") if e["payload"]["body"] == body]
    assert len(cases) == 1
    citizen.say(f"상태 {cases[0]['payload']['receipt_no']}")
    after = desk.line.delivered(citizen.user_id)[before:]
    assert sum("접수번호:" in m["text"] for _, m in after) == 1


def test_deliveries_that_are_not_from_line_or_not_a_webhook_are_refused_and_make_nothing(
    desk: MessengerDesk,
) -> None:
    citizen = desk.line_citizen()
    cases_before = len(cases_of_channel(desk.team, "line"))
    events = [citizen.text_event("민원")]
    assert citizen.post(events, signature="").status_code == 401
    assert citizen.post(events, secret="0" * 32).status_code == 401  # signed with another channel's secret
    body = json.dumps({"destination": citizen.destination, "events": events}).encode()
    tampered = body.replace("민원".encode(), "제안".encode()) if "민원".encode() in body else body + b" "
    assert citizen.post(tampered, signature=line_signature(LINE_SECRET, body)).status_code == 401
    refused = refusals_logged(desk.server.log_lines(), "line")
    assert {"missing_signature", "bad_signature"} <= {line["reason"] for line in refused}

    for malformed in (b"{not json", b"[]", b'{"destination": "U0", "events": {}}', b'{"events": [1]}'):
        response = citizen.post(malformed)  # signed correctly: LINE's signature, not LINE's format
        assert response.status_code == 400, (malformed, response.text)
    huge = [citizen.text_event("가" * 100_000)]
    assert citizen.post(huge).status_code == 413
    # The console's "Verify" button: a signed delivery without events.
    assert citizen.post([]).status_code == 200

    # Nothing of it reached the conversation: the inbox takes a citizen's messages in order, so by the time
    # a good message is answered any earlier one taken in would have been answered before it.
    greeting = citizen.say("민원")
    assert desk.line.delivered(citizen.user_id) == [greeting]
    assert len(cases_of_channel(desk.team, "line")) == cases_before


def test_an_answer_pushed_from_a_desktop_reaches_the_user_by_push(desk: MessengerDesk) -> None:
    citizen = desk.line_citizen()
    receipt_no = file_case(citizen)
    case_id = filed_case(desk.team, receipt_no)[0]["case_id"]
    answer = "그네 줄을 교체했습니다. <script>alert(1)</script> 그대로 보입니다."
    answer_case(desk.team, case_id, answer, department="PARK")

    pushed = desk.line.wait_for(lambda r: r.path.endswith("/push") and receipt_no in r.body.decode(), answered=200)
    request = pushed[0]
    payload = request.json()
    assert payload["to"] == citizen.user_id and answer in payload["messages"][0]["text"]
    assert request.headers.get("x-line-retry-key")  # a retried push is not shown twice
    reports = eventually(lambda: delivery_reports(desk.team, case_id))
    assert reports[-1]["type"] == "reply_sent" and reports[-1]["payload"]["platform"] == "line"


def test_a_stale_or_used_reply_token_is_replaced_by_a_push(desk: MessengerDesk) -> None:
    citizen = desk.line_citizen()
    via, _ = citizen.say("안녕하세요", token_age=75)  # its reply token is past LINE's minute
    assert via == "push"
    event = citizen.text_event("도움말")
    reply_token = event["replyToken"]
    desk.line.reply_tokens[reply_token] = (citizen.user_id, desk.line.reply_tokens[reply_token][1], True)  # used
    before = len(desk.line.delivered(citizen.user_id))
    assert citizen.post([event]).status_code == 200
    via, menu = desk.line.wait_delivered(citizen.user_id, before + 1)[before]
    assert via == "push" and "민원" in quick_replies_of(menu)


def test_a_long_status_is_sent_as_text_messages_line_takes(desk: MessengerDesk) -> None:
    citizen = desk.line_citizen()
    receipt_no = file_case(citizen)
    case_id = filed_case(desk.team, receipt_no)[0]["case_id"]
    answer = "\n".join(f"{n}. 한빛공원 놀이시설 점검 결과와 보수 일정입니다." for n in range(1, 301))
    answer_case(desk.team, case_id, answer, department="PARK")
    desk.line.wait_for(lambda r: r.path.endswith("/push") and receipt_no in r.body.decode(), answered=200)
    before = len(desk.line.delivered(citizen.user_id))

    citizen.post([citizen.text_event(f"상태 {receipt_no}")])
    eventually(lambda: any("300. 한빛공원" in m["text"] for _, m in desk.line.delivered(citizen.user_id)[before:]))
    pieces = [m for _, m in desk.line.delivered(citizen.user_id)[before:]]
    assert len(pieces) >= 2 and all(len(m["text"]) <= 5000 for m in pieces)
    lines = [line for m in pieces for line in m["text"].splitlines()]
    assert [line for line in lines if "놀이시설 점검" in line] == answer.splitlines()


def test_html_and_script_stay_text_from_the_chat_to_the_case(desk: MessengerDesk) -> None:
    citizen = desk.line_citizen()
    body = "<script>alert('x')</script> 그네 <b>고장</b> & 위험 &lt;긴급&gt;"
    summary = up_to_confirmation(citizen, body, place="<img src=x onerror=alert(1)>")
    assert "<script>alert('x')</script>" in summary["text"]
    _, receipt = citizen.press("접수")
    found = RECEIPT.search(receipt["text"])
    assert found
    received = filed_case(desk.team, found.group(0))[0]["payload"]
    assert received["body"] == body and received["place"] == "<img src=x onerror=alert(1)>"


def test_stickers_images_and_messages_the_sdk_cannot_read_are_answered_with_a_request_for_words(
    desk: MessengerDesk,
) -> None:
    citizen = desk.line_citizen()
    citizen.press("민원")
    sticker = citizen.message_event("sticker", packageId="446", stickerId="1988", stickerResourceType="STATIC")
    image = citizen.message_event("image", contentProvider={"type": "line"})
    newer = citizen.message_event("hologram")  # a message type newer than the SDK: it cannot read it
    for event in (sticker, image, newer):
        via, answer = citizen.send(event)
        assert via == "reply", answer  # answered with the event's own reply token: no push counted
        assert answer["text"].startswith(NOT_TEXT) and "자세히 적어 보내 주세요" in answer["text"]

    _, asked_place = citizen.say(BODY)  # nothing was taken in meanwhile: the words go on where they were
    assert "어디" in asked_place["text"]
    _, again = citizen.send(citizen.message_event("sticker", packageId="1", stickerId="2"))
    assert again["text"].startswith(NOT_TEXT) and "어디" in again["text"]  # a sticker is not "no place"
    assert quick_replies_of(again) == ["없음"]
    assert "성함" in citizen.say("한빛공원")[1]["text"]

    assert citizen.post([citizen.event("somethingNew")]).status_code == 200  # an event type it cannot read
    lines = eventually(
        lambda: [
            line
            for line in desk.server.log_lines()
            if line.get("event") == "line_event_unread" and line.get("type") == "somethingNew"
        ]
    )
    assert lines
    logged = desk.server.log_lines()
    not_text = {line.get("kind") for line in logged if line.get("event") == "channel_not_text"}
    assert {"sticker", "image"} <= not_text
    assert any(
        line.get("message_type") == "hologram" for line in logged if line.get("event") == "line_event_unread"
    )
