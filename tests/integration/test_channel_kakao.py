"""KakaoTalk's chatbot and the senders a case's answer goes out with (알림톡, SMS, e-mail), through a real
server process on SQLite and PostgreSQL: skill requests posted in Open Builder's format with the skill's secret
header, answered inline within Kakao's limits; the answer sent by the officer through the sync API reaching the
SOLAPI fake as the approved 알림톡 template, an SMS retried while the provider is down, a mail at the SMTP fake;
and a web filer who asked to be answered by text told the receipt number by SMS."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.integration.channel_fakes_km import KakaoSkillClient, quick_reply, skill_texts, wait_for
from tests.integration.channel_stack_km import (
    KAKAO_SECRET,
    TEMPLATE,
    TEMPLATE_ID,
    Stack,
    answer_case,
    case_history,
    case_now,
    cases_received,
    pulled_events,
    running_stack,
)
from tests.integration.citizen_support import Citizen, receipt_number
from tests.integration.conftest import push, wire_received
from tests.support import write_lock_held

BODY = "한빛로 45 앞 보도블록이 깨져 있어 걸려 넘어질 뻔했습니다. 빠른 보수 부탁드립니다."
KAKAO_RECEIPT = re.compile(r"\d{8}-K01-\d{4,6}")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(request, tmp_path_factory.mktemp("kakao")) as running:
        yield running


@pytest.fixture(autouse=True)
def platforms_up(stack: Stack) -> Iterator[None]:
    yield
    stack.sms.fail_next(0)
    stack.sms.templates = {TEMPLATE_ID: TEMPLATE}


def file_by_kakao(kakao: KakaoSkillClient, user: str, phone: str = "010-2345-6789") -> dict[str, Any]:
    """A citizen's whole conversation with the chatbot, pressing the quick replies it offers."""
    assert "불편하신 점" in skill_texts(kakao.say(user, quick_reply(kakao.say(user, "안녕하세요"), "민원")))
    asked_place = kakao.say(user, BODY)
    assert "어디에서" in skill_texts(asked_place)
    assert "성함" in skill_texts(kakao.say(user, "한빛로 45"))
    asked_how = kakao.say(user, "홍길동")
    assert "어떻게 받으시겠어요" in skill_texts(asked_how)
    asked_phone = kakao.say(user, quick_reply(asked_how, "카카오 알림톡"))
    assert "휴대전화 번호" in skill_texts(asked_phone)
    asked_consent = kakao.say(user, phone)
    assert "개인정보 수집·이용 동의" in skill_texts(asked_consent)
    summary = kakao.say(user, quick_reply(asked_consent, "동의"))
    assert f"카카오 알림톡 ({phone})" in skill_texts(summary)
    return kakao.say(user, quick_reply(summary, "접수"))


def test_a_kakao_conversation_files_a_case_to_register_and_its_answer_goes_by_alimtalk(stack: Stack) -> None:
    filed = file_by_kakao(stack.kakao, "kakao-user-1001")
    found = KAKAO_RECEIPT.search(skill_texts(filed))
    assert found is not None, filed
    receipt_no = found.group(0)
    assert "접수되었습니다" in skill_texts(filed)
    [received] = cases_received(stack.team, receipt_no)
    case = case_now(stack.team, received["case_id"])
    assert (case["status"], case["department_code"], case["channel"]) == ("received", None, "kakao")
    assert case["reply_channel"] == "alimtalk" and case["title"].startswith("한빛로 45 앞 보도블록")

    answer_case(stack.team, received["case_id"], "보도블록을 12월 3일에 교체했습니다. 불편을 드려 죄송합니다.")
    [sent] = wait_for("the 알림톡 at the provider", lambda: stack.sms.to("01023456789"))
    assert (sent["type"], sent["template_id"], sent["from"]) == ("ATA", TEMPLATE_ID, "0212345678")
    assert f"접수번호: {receipt_no}" in sent["text"] and "제목: 한빛로 45 앞 보도블록" in sent["text"]
    assert "#{" not in sent["text"]  # every variable of the approved template was filled in
    wait_for("reply_sent on the case", lambda: _reports(stack, received["case_id"], "reply_sent"))

    status = skill_texts(stack.kakao.say("kakao-user-1001", f"상태 {receipt_no}"))
    assert "답변 완료" in status and "12월 3일에 교체" in status


def _reports(stack: Stack, case_id: str, kind: str) -> list[dict[str, Any]]:
    return [e for e in case_history(stack.team, case_id) if e["type"] == kind]


def test_a_wrong_or_missing_secret_is_refused_with_a_log_line_and_no_case(stack: Stack) -> None:
    kakao = stack.kakao
    body = json.dumps(kakao.payload("kakao-intruder", "민원"), ensure_ascii=False).encode()
    missing = kakao.post(body, headers={"Content-Type": "application/json"})
    wrong = kakao.post(body, headers={kakao.header: KAKAO_SECRET + "x"})
    assert (missing.status_code, wrong.status_code) == (401, 401)
    assert missing.json()["code"] == "secret_missing" and wrong.json()["code"] == "bad_secret"
    assert KAKAO_SECRET not in wrong.text
    refused = [
        line
        for line in stack.server.log_lines()
        if line.get("event") == "webhook_refused" and line.get("channel") == "kakao"
    ]
    assert {line["reason"] for line in refused} >= {"secret_missing", "bad_secret"}
    # The refused request changed nothing: the same citizen starts from the beginning.
    assert "민원·제안 접수 창구" in skill_texts(kakao.say("kakao-intruder", "안녕"))


def test_malformed_skill_requests_are_400_and_a_huge_one_413(stack: Stack) -> None:
    kakao = stack.kakao
    secret = {kakao.header: KAKAO_SECRET, "Content-Type": "application/json"}
    assert kakao.post(b"{not json", headers=secret).status_code == 400
    assert kakao.post(b"[1, 2]", headers=secret).status_code == 400
    no_user = kakao.payload("x", "민원")
    del no_user["userRequest"]["user"]
    assert kakao.post(json.dumps(no_user).encode(), headers=secret).status_code == 400
    huge = kakao.payload("kakao-huge", "가" * 200_000)
    assert kakao.post(json.dumps(huge, ensure_ascii=False).encode(), headers=secret).status_code == 413


def test_the_same_skill_request_twice_makes_one_case(stack: Stack) -> None:
    kakao = stack.kakao
    user = "kakao-user-2002"
    summary_asked = _up_to_confirmation(kakao, user)
    confirm = json.dumps(kakao.payload(user, quick_reply(summary_asked, "접수")), ensure_ascii=False).encode()
    first, again = kakao.post(confirm), kakao.post(confirm)
    assert first.status_code == again.status_code == 200
    receipts = sorted(set(KAKAO_RECEIPT.findall(skill_texts(first.json()))))
    assert len(receipts) == 1
    assert not KAKAO_RECEIPT.findall(skill_texts(again.json()))
    assert len(cases_received(stack.team, receipts[0])) == 1
    filed_here = [e for e in _kakao_cases(stack) if e["payload"].get("body") == BODY + " (2002)"]
    assert len(filed_here) == 1


def _up_to_confirmation(kakao: KakaoSkillClient, user: str) -> dict[str, Any]:
    kakao.say(user, "민원")
    kakao.say(user, BODY + " (2002)")
    kakao.say(user, "없음")
    kakao.say(user, "김민원")
    kakao.say(user, "문자(SMS)로 받기")
    kakao.say(user, "010-9876-5432")
    return kakao.say(user, "동의")


def _kakao_cases(stack: Stack) -> list[dict[str, Any]]:
    return [
        e for e in pulled_events(stack.team) if e["type"] == "received" and "-K01-" in e["payload"]["receipt_no"]
    ]


def test_an_alimtalk_whose_template_is_not_approved_fails_visibly_on_the_case(stack: Stack) -> None:
    filed = file_by_kakao(stack.kakao, "kakao-user-3003", phone="010-3333-4444")
    receipt_no = KAKAO_RECEIPT.findall(skill_texts(filed))[0]
    [received] = cases_received(stack.team, receipt_no)
    stack.sms.templates = {}  # the template's approval was withdrawn at Kakao
    answer_case(stack.team, received["case_id"], "처리했습니다.")
    [failed] = wait_for("reply_failed on the case", lambda: _reports(stack, received["case_id"], "reply_failed"))
    assert failed["payload"]["platform"] == "alimtalk" and "3019" in failed["payload"]["error"]
    assert not stack.sms.to("01033334444")


# --- the other senders: SMS (retried while the provider is down) and e-mail -------------------------------


def _phone_intake(stack: Stack, **petitioner_and_reply: Any) -> str:
    reply = petitioner_and_reply.pop("reply_channel")
    received = wire_received(stack.team)
    received["payload"]["petitioner"].update(petitioner_and_reply)
    received["payload"]["reply_channel"] = reply
    with stack.team.client("agent") as agent:
        assert [r["status"] for r in push(agent, [received])] == ["accepted"]
    return str(received["case_id"])


def test_an_sms_answer_is_retried_while_the_provider_is_down_then_delivered(stack: Stack) -> None:
    case_id = _phone_intake(stack, phone="010-5555-6666", reply_channel="sms")
    stack.sms.fail_next(2)
    tried_before = len(stack.sms.requests)
    answer_case(stack.team, case_id, "요청하신 가로등을 수리했습니다. " * 8)  # long: LMS
    [sent] = wait_for("the SMS after the outage", lambda: stack.sms.to("01055556666"))
    assert len(stack.sms.requests) - tried_before >= 3  # two refused by the outage, then taken
    assert sent["type"] == "LMS" and sent["subject"] and "가로등을 수리했습니다" in sent["text"]
    [report] = wait_for("reply_sent", lambda: _reports(stack, case_id, "reply_sent"))
    assert report["payload"]["platform"] == "sms" and report["payload"]["attempts"] == 3
    assert not _reports(stack, case_id, "reply_failed")


def test_a_mail_answer_reaches_the_mail_server(stack: Stack) -> None:
    case_id = _phone_intake(stack, email="citizen@example.kr", reply_channel="email")
    receipt_no = case_now(stack.team, case_id)["receipt_no"]
    answer_case(stack.team, case_id, "<b>불법주차</b> 단속을 강화하겠습니다.")
    [mail] = wait_for(
        "the mail at the SMTP server", lambda: [m for m in stack.mail.mails if receipt_no in m["Subject"]]
    )
    assert mail["To"] == "citizen@example.kr" and "minwon@hanbit.go.kr" in mail["From"]
    content = mail.get_content()
    assert "<b>불법주차</b> 단속을 강화하겠습니다." in content  # plain text, as written
    wait_for("reply_sent", lambda: _reports(stack, case_id, "reply_sent"))


def test_a_skill_request_while_the_store_is_locked_is_503_before_kakao_gives_up(stack: Stack) -> None:
    """SQLite has one writer. A skill request that cannot get the write lock is answered 503 (Kakao shows its
    error and the citizen sends again), never 500, and never taken after Kakao's 5 seconds: here the lock is
    let go after 6 s, and the request, which would have waited for it (the busy timeout is 10 s) and filed a
    message Kakao had already called failed, has been refused before then, with nothing of it kept."""
    if not stack.server.database_url.startswith("sqlite"):
        pytest.skip("SQLite's single writer lock")
    with write_lock_held(stack.server.database_url.removeprefix("sqlite:///"), for_seconds=6.0) as released:
        body = json.dumps(stack.kakao.payload("kakao-user-busy", "민원"), ensure_ascii=False).encode()
        busy = stack.kakao.post(body)
        answered_while_locked = not released.is_set()
    assert busy.status_code == 503 and busy.headers.get("Retry-After")
    assert answered_while_locked, "the request waited past Kakao's 5 s for the lock"
    assert "불편하신 점" in skill_texts(stack.kakao.say("kakao-user-busy", "민원"))


def test_a_web_filer_who_asked_for_text_gets_the_receipt_number_by_sms(stack: Stack) -> None:
    citizen = Citizen(stack.server)
    try:
        by_sms = citizen.file(reply="sms", phone="010-4545-1212", title="한빛로 9 앞 하수구 냄새")
        assert by_sms.status_code == 200, by_sms.text[:300]
        by_web = citizen.file(reply="web", phone="010-4545-3434", title="한빛로 10 앞 하수구 냄새")
        assert by_web.status_code == 200
        second = citizen.file(reply="sms", phone="010-4545-5656", title="한빛로 11 앞 하수구 냄새")
        assert second.status_code == 200
    finally:
        citizen.close()
    [text] = wait_for("the receipt by SMS", lambda: stack.sms.to("01045451212"))
    receipt_no = receipt_number(by_sms.text)
    assert text["type"] == "SMS" and receipt_no in text["text"] and "접수되었습니다" in text["text"]
    assert "처리기한" in text["text"]
    wait_for("the second receipt by SMS", lambda: stack.sms.to("01045455656"))  # sent after the web filing's …
    assert stack.sms.to("01045453434") == []  # … which asked for nothing by text and got nothing


def test_a_receipt_text_the_provider_refuses_is_reported_on_the_case_apart_from_the_answer(stack: Stack) -> None:
    """A web filer who asked for text is sent the receipt number by SMS; when the provider refuses it for good
    (here the sending number is no longer registered with it), the case says so, so the officer can tell the
    citizen another way: a reply_failed marked as the receipt's, not the answer's."""
    registered = set(stack.sms.senders)
    stack.sms.senders = set()
    citizen = Citizen(stack.server)
    try:
        filed = citizen.file(reply="sms", phone="010-4545-7878", title="한빛로 12 앞 가로등 고장")
        assert filed.status_code == 200, filed.text[:300]
        [received] = cases_received(stack.team, receipt_number(filed.text))
        [failed] = wait_for(
            "reply_failed on the case", lambda: _reports(stack, received["case_id"], "reply_failed")
        )
    finally:
        citizen.close()
        stack.sms.senders = registered
    assert failed["payload"]["purpose"] == "receipt" and failed["payload"]["platform"] == "sms"
    assert "1035" in failed["payload"]["error"]
    assert stack.sms.to("01045457878") == []
