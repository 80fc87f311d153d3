"""What the KakaoTalk, Meta and SMS channels make of texts of any length: Kakao's skill response stays within
its limits, Meta's messages within Messenger's characters and Instagram's bytes, an SMS within its bytes with an
answer's link kept; and which of Meta's sending modes an answer's age allows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from complaints_desk.domain.conversation import Button, Reply
from complaints_desk.server.channels import kakao, meta, sms, solapi
from complaints_desk.server.channels.base import DeliveryError, WindowClosed
from complaints_desk.store.central.outbound import Outgoing

NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


def test_a_skill_response_keeps_kakaos_limits_whatever_it_is_given() -> None:
    long = "\n".join(f"{n}번째 줄입니다. 민원 내용이 아주 깁니다." for n in range(400))
    buttons = tuple(Button(f"아주 긴 버튼 이름 번호 {n}", str(n)) for n in range(15))
    answer = kakao.skill_response([Reply("첫 답변"), Reply(long), Reply("마지막", buttons)])
    outputs = answer["template"]["outputs"]
    assert answer["version"] == "2.0" and 1 <= len(outputs) <= 3
    assert all(0 < len(o["simpleText"]["text"]) <= 1000 for o in outputs)
    assert outputs[-1]["simpleText"]["text"].endswith("…")
    quick = answer["template"]["quickReplies"]
    assert len(quick) == 10 and all(len(q["label"]) <= 14 for q in quick)
    assert quick[0]["messageText"] == "아주 긴 버튼 이름 번호 0"  # the whole label: what the conversation takes


def test_short_replies_are_one_bubble_each_and_a_duplicate_still_gets_an_answer() -> None:
    answer = kakao.skill_response([Reply("하나"), Reply("둘")])
    assert [o["simpleText"]["text"] for o in answer["template"]["outputs"]] == ["하나", "둘"]
    assert kakao.skill_response([])["template"]["outputs"][0]["simpleText"]["text"] == kakao.ALREADY_TAKEN


def test_a_kakao_delivery_id_is_the_same_within_its_window_and_new_after() -> None:
    first = kakao.delivery_id("bot", "user-1", "block", "동의", 1_000_000.0)
    assert kakao.delivery_id("bot", "user-1", "block", "동의", 1_000_003.0) == first
    assert kakao.delivery_id("bot", "user-1", "block", "동의", 1_000_030.0) != first
    assert kakao.delivery_id("bot", "user-2", "block", "동의", 1_000_000.0) != first
    assert len(kakao.delivery_id("b", "u" * 200, "k", "x" * 5000, 1.0)) <= 200


def test_meta_text_is_cut_to_messenger_characters_and_instagram_bytes() -> None:
    text = "\n".join("가나다라마바사아자차카타파하" * 5 for _ in range(60))
    assert all(len(chunk) <= 2000 for chunk in meta._chunks(text))
    assert "".join(meta._chunks(text)).replace("\n", "") == text.replace("\n", "")
    one_line = "한" * 1500
    chunks = meta._instagram_chunks(one_line)
    assert all(len(chunk.encode()) <= 1000 for chunk in chunks) and "".join(chunks) == one_line


def _outgoing(purpose: str, last: datetime | None) -> Outgoing:
    return Outgoing("m1", "c1", "meta", "psid", purpose, {"text": "x"}, 0, NOW, last, "")


def test_meta_answers_inside_the_window_then_with_the_human_agent_tag_then_not_at_all() -> None:
    mode = meta._messaging_type
    assert mode(_outgoing("conversation", None), {}, now=NOW) == "RESPONSE"
    assert mode(_outgoing("answer", NOW - timedelta(hours=23)), {}, now=NOW) == "UPDATE"
    with pytest.raises(WindowClosed):
        mode(_outgoing("answer", NOW - timedelta(hours=25)), {}, now=NOW)
    allowed = {"human_agent": "true"}
    assert mode(_outgoing("answer", NOW - timedelta(days=6)), allowed, now=NOW) == "MESSAGE_TAG"
    with pytest.raises(WindowClosed):
        mode(_outgoing("answer", NOW - timedelta(days=8)), allowed, now=NOW)


def test_sms_bytes_are_counted_as_the_carriers_count_them() -> None:
    assert sms.byte_length("abc") == 3 and sms.byte_length("가나") == 4 and sms.byte_length("😀") == 2
    cut = sms.cut_to_bytes("가" * 100, 40)
    assert sms.byte_length(cut) <= 40 and cut.endswith("…")


def test_a_long_answer_by_sms_is_cut_with_its_link_kept() -> None:
    link = "https://minwon.hanbit.go.kr/status/20261201-S01-0001"
    text = "[민원 처리 결과] 접수번호 20261201-S01-0001\n\n" + "답변 " * 1500 + f"\n\n자세한 내용: {link}"
    message = sms.text_message({"text": text, "link": link})
    assert sms.byte_length(message) <= sms.LMS_MAX_BYTES
    assert message.startswith("[민원 처리 결과]") and message.endswith(f"자세한 내용: {link}")


def test_alimtalk_variables_come_from_the_answer_and_an_unknown_one_is_refused() -> None:
    body = {"receipt_no": "20261201-K01-0001", "title": "보도블록", "answer": "고쳤습니다", "link": ""}
    assert sms.template_values(body, {"link_fallback": "https://x"}) == {
        "접수번호": "20261201-K01-0001",
        "제목": "보도블록",
        "링크": "https://x",
    }
    assert sms.template_values(body, {"template_variables": "접수번호, 답변"})["답변"] == "고쳤습니다"
    with pytest.raises(DeliveryError) as refused:
        sms.template_values(body, {"template_variables": "접수번호,주민번호"})
    assert not refused.value.retryable


def test_a_mobile_number_is_required_for_text_messages() -> None:
    assert sms.mobile("010-1234-5678") == "01012345678"
    for bad in ("02-123-4567", "1234", ""):
        with pytest.raises(DeliveryError):
            sms.mobile(bad)


def test_the_solapi_signature_is_hmac_sha256_of_date_and_salt_in_hex() -> None:
    header = solapi.authorization("KEY", "SECRET", now=NOW, salt="abcdefghijkl")
    assert header.startswith("HMAC-SHA256 apiKey=KEY, date=2026-12-01T03:00:00Z, salt=abcdefghijkl, signature=")
    assert header.rsplit("=", 1)[1] == solapi.signature("SECRET", "2026-12-01T03:00:00Z", "abcdefghijkl")
    assert len(header.rsplit("=", 1)[1]) == 64
