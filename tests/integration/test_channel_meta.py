"""Facebook Messenger and Instagram through a real server process on SQLite and PostgreSQL: Meta's webhook
handshake, events signed as Meta signs them (X-Hub-Signature-256), the replies and the receipt number
arriving at the Graph fake through the Send API, the answer sent through the sync API going back on the
conversation, and by SMS once Meta's 24-hour window has closed (or failing on the case with no phone)."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from complaints_desk.domain.conversation import NOT_TEXT
from complaints_desk.store.central.channel_tables import ChannelContact
from complaints_desk.store.db import make_engine, make_sessionmaker, transaction
from tests.integration.channel_fakes_km import MetaWebhookClient, wait_for
from tests.integration.channel_stack_km import (
    META_VERIFY_TOKEN,
    Stack,
    answer_case,
    case_history,
    case_now,
    cases_received,
    pulled_events,
    running_stack,
)

BODY = "한빛공원 놀이터 그네의 쇠사슬이 끊어져 있습니다. 아이들이 다칠까 걱정됩니다."
SNS_RECEIPT = re.compile(r"\d{8}-S01-\d{4,6}")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(request, tmp_path_factory.mktemp("meta")) as running:
        yield running


@pytest.fixture(autouse=True)
def graph_clock(stack: Stack) -> Iterator[None]:
    yield
    stack.graph.offset = 0.0
    stack.graph.fail_next(0)


class Citizen:
    """One person writing to the page: each message waits for the page's reply at the Graph fake."""

    def __init__(self, meta: MetaWebhookClient, psid: str) -> None:
        self.meta, self.psid = meta, psid
        self.recipient = psid

    def replies(self) -> list[dict[str, Any]]:
        with self.meta.graph.lock:
            return [m for m in self.meta.graph.sent if m["recipient"] == self.recipient]

    def say(self, text: str, *, payload: str | None = None, mid: str | None = None) -> dict[str, Any]:
        before = len(self.replies())
        self.meta.say(self.psid, text, payload=payload, mid=mid)
        got = wait_for(f"the page's reply to {text!r}", lambda: self.replies()[before:])
        reply: dict[str, Any] = got[-1]
        return reply

    def press(self, reply: dict[str, Any], title_start: str) -> dict[str, Any]:
        """Tap a quick reply: Meta sends its title as the text and its payload."""
        for quick in reply["quick_replies"]:
            if quick["title"].startswith(title_start):
                return self.say(quick["title"], payload=quick["payload"])
        raise AssertionError(f"no quick reply {title_start!r} in {reply}")


def file_by_messenger(citizen: Citizen, *, phone: str | None) -> str:
    """The whole conversation; returns the receipt number the page sent."""
    citizen.press(citizen.say("안녕하세요"), "민원")
    assert "어디에서" in citizen.say(BODY)["text"]
    assert "성함" in citizen.say("한빛공원 놀이터")["text"]
    asked_how = citizen.say("이영희")
    asked_phone = citizen.press(asked_how, "이 대화로")
    assert "24시간 안에만" in asked_phone["text"]
    asked_consent = citizen.say(phone) if phone else citizen.press(asked_phone, "건너뛰기")
    assert "개인정보 수집·이용 동의" in asked_consent["text"]
    summary = citizen.press(asked_consent, "동의")
    filed = citizen.press(summary, "접수")
    found = SNS_RECEIPT.search(filed["text"])
    assert found is not None and "접수되었습니다" in filed["text"], filed
    return found.group(0)


def _reports(stack: Stack, case_id: str, kind: str) -> list[dict[str, Any]]:
    return [e for e in case_history(stack.team, case_id) if e["type"] == kind]


def test_the_webhook_handshake_echoes_the_challenge_only_for_our_verify_token(stack: Stack) -> None:
    url = stack.server.base_url + "/webhooks/meta"
    good = {"hub.mode": "subscribe", "hub.verify_token": META_VERIFY_TOKEN, "hub.challenge": "1158201444"}
    answered = httpx.get(url, params=good, timeout=10)
    assert (answered.status_code, answered.text) == (200, "1158201444")
    for wrong in ({**good, "hub.verify_token": "guess"}, {**good, "hub.mode": "unsubscribe"}, {}):
        refused = httpx.get(url, params=wrong, timeout=10)
        assert refused.status_code == 403 and "1158201444" not in refused.text


def test_a_messenger_conversation_files_an_s01_case_and_the_answer_comes_back_on_it(stack: Stack) -> None:
    citizen = Citizen(stack.meta(), "7100000000000001")
    receipt_no = file_by_messenger(citizen, phone="010-7777-8888")
    for reply in citizen.replies():
        assert len(reply["text"]) <= 2000 and len(reply["quick_replies"]) <= 13
    [received] = cases_received(stack.team, receipt_no)
    case = case_now(stack.team, received["case_id"])
    assert (case["status"], case["channel"], case["reply_channel"]) == ("received", "sns", "sns")

    answer_case(stack.team, received["case_id"], "그네 쇠사슬을 새것으로 바꿨습니다.")
    answered = wait_for(
        "the answer on Messenger", lambda: [m for m in citizen.replies() if "[민원 처리 결과]" in m["text"]]
    )
    assert receipt_no in answered[0]["text"] and "쇠사슬을 새것으로" in answered[0]["text"]
    assert answered[0]["messaging_type"] == "UPDATE"
    [sent] = wait_for("reply_sent", lambda: _reports(stack, received["case_id"], "reply_sent"))
    assert sent["payload"]["platform"] == "meta"


def test_an_instagram_message_is_answered_within_instagrams_limits(stack: Stack) -> None:
    citizen = Citizen(stack.meta(instagram=True), "17841400000000001")
    greeting = citizen.say("도움말")
    assert "민원·제안 접수 창구" in greeting["text"] and greeting["quick_replies"]
    citizen.press(greeting, "민원")
    citizen.say(BODY)
    citizen.say("없음")
    asked_how = citizen.say("박시민")
    consent_asked = citizen.press(citizen.press(asked_how, "이 대화로"), "건너뛰기")
    assert "개인정보" in consent_asked["text"]
    assert all(len(m["text"].encode()) <= 1000 for m in citizen.replies())
    assert not stack.graph.refused


def test_an_answer_after_the_window_closed_goes_by_sms_to_the_phone_given(stack: Stack) -> None:
    citizen = Citizen(stack.meta(), "7100000000000002")
    receipt_no = file_by_messenger(citizen, phone="010-2222-3333")
    [received] = cases_received(stack.team, receipt_no)
    stack.graph.advance(hours=25)  # the officer answers the next day: Meta refuses the page
    answer_case(stack.team, received["case_id"], "그네를 교체했습니다.")
    [sms] = wait_for("the SMS instead", lambda: stack.sms.to("01022223333"))
    assert receipt_no in sms["text"] and "그네를 교체했습니다." in sms["text"]
    assert any(r.body["error"].get("error_subcode") == 2018278 for r in stack.graph.refused)
    [sent] = wait_for("reply_sent", lambda: _reports(stack, received["case_id"], "reply_sent"))
    assert sent["payload"]["platform"] == "sms"


def _last_wrote(stack: Stack, case_id: str, when: datetime) -> None:
    """The citizen's last message, as the server keeps it, moved back (two days pass)."""
    engine = make_engine(stack.server.database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            contact = session.get(ChannelContact, case_id)
            assert contact is not None
            contact.last_inbound_at = when
    finally:
        engine.dispose()


def test_an_answer_after_the_window_with_no_phone_fails_visibly_on_the_case(stack: Stack) -> None:
    citizen = Citizen(stack.meta(), "7100000000000003")
    receipt_no = file_by_messenger(citizen, phone=None)
    [received] = cases_received(stack.team, receipt_no)
    _last_wrote(stack, received["case_id"], datetime.now(UTC) - timedelta(days=2))
    sent_before = len(citizen.replies())
    answer_case(stack.team, received["case_id"], "처리했습니다.")
    [failed] = wait_for("reply_failed on the case", lambda: _reports(stack, received["case_id"], "reply_failed"))
    assert failed["payload"]["platform"] == "meta" and "window" in failed["payload"]["error"]
    assert len(citizen.replies()) == sent_before  # nothing was sent to Meta after its window


def test_bad_signatures_are_refused_with_a_log_line_and_no_case(stack: Stack) -> None:
    meta = stack.meta()
    body = json.dumps(meta.event("7100000000000099", BODY), ensure_ascii=False).encode()
    missing = meta.post(body, signature="")
    forged = meta.post(body, signature="sha256=" + "0" * 64)
    other_body = meta.post(body + b" ", signature=meta.sign(body))
    assert (missing.status_code, forged.status_code, other_body.status_code) == (401, 403, 403)
    refused = [
        line["reason"]
        for line in stack.server.log_lines()
        if line.get("event") == "webhook_refused" and line.get("channel") == "meta"
    ]
    assert {"signature_missing", "bad_signature"} <= set(refused)
    # The inbox takes a citizen's messages in order: once a good one is answered, any earlier one taken in
    # would have been answered before it.
    answered = Citizen(meta, "7100000000000099").say("민원")
    assert [m for m in stack.graph.sent if m["recipient"] == "7100000000000099"] == [answered]
    assert meta.post(b"{not json").status_code == 400  # signed, but not JSON
    assert meta.post(json.dumps({"object": "page", "entry": "x"}).encode()).status_code == 400
    assert meta.post(json.dumps({"object": "whatsapp_business_account", "entry": []}).encode()).status_code == 400


def test_the_same_message_delivered_twice_makes_one_case(stack: Stack) -> None:
    citizen = Citizen(stack.meta(), "7100000000000004")
    citizen.say("민원")
    citizen.say(BODY + " (둘)")
    citizen.say("없음")
    asked_how = citizen.say("최중복")
    summary = citizen.press(citizen.press(citizen.press(asked_how, "이 대화로"), "건너뛰기"), "동의")
    confirm = next(q for q in summary["quick_replies"] if q["title"] == "접수")
    citizen.say("접수", payload=confirm["payload"], mid="m_duplicate_0001")
    citizen.meta.say(citizen.psid, "접수", payload=confirm["payload"], mid="m_duplicate_0001")  # Meta retries
    citizen.say("상태")  # answered after anything taken in before it (the inbox keeps a citizen's order)
    receipts = {r for m in citizen.replies() for r in SNS_RECEIPT.findall(m["text"])}
    assert len(receipts) == 1
    assert len([e for e in _received_sns(stack) if e["payload"].get("body") == BODY + " (둘)"]) == 1


def _received_sns(stack: Stack) -> list[dict[str, Any]]:
    return [
        e for e in pulled_events(stack.team) if e["type"] == "received" and "-S01-" in e["payload"]["receipt_no"]
    ]


def test_a_sticker_or_a_photo_without_words_gets_a_request_for_words(stack: Stack) -> None:
    meta = stack.meta()
    citizen = Citizen(meta, "7100000000000009")
    sticker = {
        "mid": f"m_{uuid.uuid4().hex}",
        "sticker_id": 369239263222822,  # the "like" thumb
        "attachments": [{"type": "image", "payload": {"url": "https://scontent.example/like.png"}}],
    }
    event = meta.event(citizen.psid, "")
    event["entry"][0]["messaging"][0]["message"] = sticker
    stack.graph.citizen_wrote(citizen.psid)
    assert meta.post(json.dumps(event).encode()).status_code == 200
    [reply] = wait_for("the page's answer to a sticker", lambda: citizen.replies())
    assert reply["text"].startswith(NOT_TEXT)
    assert {"민원", "제안", "상태"} <= {quick["payload"] for quick in reply["quick_replies"]}
