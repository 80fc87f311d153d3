"""The Telegram and LINE adapters on their own: what they take from a webhook and what they leave, the limits
their messages keep, and how each platform's refusals are settled (retried or failed for good), against the
loopback fakes of the platforms' APIs (tests/integration/messenger_fakes.py)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from integration.messenger_fakes import FakeLine, FakeTelegram

from complaints_desk.server.channels.base import ChannelRefused, DeliveryError, WebhookRequest
from complaints_desk.server.channels.line import ADAPTER as LINE
from complaints_desk.server.channels.line import line_messages
from complaints_desk.server.channels.messaging import split_text, utf16_length
from complaints_desk.server.channels.telegram import ADAPTER as TELEGRAM
from complaints_desk.server.channels.telegram import inline_keyboard
from complaints_desk.store.central.outbound import Outgoing

USER = "U" + "a" * 32


def _request(body: Any, **headers: str) -> WebhookRequest:
    raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
    return WebhookRequest(body=raw, headers={k.lower(): v for k, v in headers.items()}, query={})


def _outgoing(text: str, buttons: list[dict[str, str]] | None = None, **extra: Any) -> Outgoing:
    return Outgoing(
        id="01a2316c-f873-745b-9b8e-4bee439008fe",
        case_id=None,
        platform=extra.pop("platform", "telegram"),
        address=extra.pop("address", "4242"),
        purpose="answer",
        body={"text": text, "buttons": buttons or [], "context": extra.pop("context", {})},
        attempts=0,
        created_at=datetime.now(UTC),
        last_inbound_at=None,
        phone="",
    )


# --- cutting text -------------------------------------------------------------------------------------------


def test_long_text_is_cut_at_line_breaks_within_the_limit_and_nothing_is_lost() -> None:
    text = "\n".join(f"{n}번째 줄: 도로 보수 일정 안내 🚧" for n in range(1, 500))
    pieces = split_text(text, 4096)
    assert len(pieces) > 1 and all(utf16_length(p) <= 4096 for p in pieces)
    assert "\n".join(pieces) == text  # cut only where a line ended


def test_text_without_breaks_is_cut_between_characters_never_inside_one() -> None:
    text = "😀" * 3000  # each one two UTF-16 units
    pieces = split_text(text, 4096)
    assert [utf16_length(p) for p in pieces] == [4096, 1904]
    assert "".join(pieces) == text


# --- Telegram -----------------------------------------------------------------------------------------------


def _update(**fields: Any) -> dict[str, Any]:
    return {"update_id": 77, **fields}


def _message(chat_type: str = "private", **fields: Any) -> dict[str, Any]:
    return {"message_id": 1, "date": 1764547200, "chat": {"id": 4242, "type": chat_type}, **fields}


def test_telegram_takes_private_messages_captions_and_buttons_and_leaves_groups_and_edits() -> None:
    taken = TELEGRAM.parse(_request(_update(message=_message(text="<b>민원</b>"))))
    assert [(m.event_id, m.user_key, m.text) for m in taken] == [("77", "4242", "<b>민원</b>")]
    captioned = TELEGRAM.parse(_request(_update(message=_message(photo=[], caption="사진의 설명"))))
    assert captioned[0].text == "사진의 설명"
    query = {
        "id": "9",
        "from": {"id": 4242, "is_bot": False, "first_name": "길동"},
        "chat_instance": "1",
        "data": "동의",
    }
    assert TELEGRAM.parse(_request(_update(callback_query=query)))[0].text == "동의"
    assert TELEGRAM.parse(_request(_update(message=_message("group", text="민원")))) == []
    assert TELEGRAM.parse(_request(_update(edited_message=_message(text="고침")))) == []


def test_telegram_secret_is_required_and_compared_exactly() -> None:
    settings = {"token": "1:x", "secret_token": "s3cret_Token-1"}
    TELEGRAM.verify(_request({}, **{"X-Telegram-Bot-Api-Secret-Token": "s3cret_Token-1"}), settings)
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "s3cret_Token-2"}):
        with pytest.raises(ChannelRefused) as refused:
            TELEGRAM.verify(_request({}, **headers), settings)
        assert refused.value.status == 401


def test_telegram_keyboard_leaves_out_a_value_longer_than_callback_data_allows() -> None:
    keyboard = inline_keyboard([{"label": "동의", "value": "동의"}, {"label": "긴 값", "value": "가" * 30}])
    assert keyboard == {"inline_keyboard": [[{"text": "동의", "callback_data": "동의"}]]}


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    with FakeTelegram() as fake:
        yield fake


def test_telegram_refusals_are_retried_or_final_as_the_platform_means_them(telegram: FakeTelegram) -> None:
    settings = {"token": telegram.token, "api_base": telegram.base_url}
    TELEGRAM.deliver(_outgoing("답변입니다", [{"label": "상태", "value": "상태"}]), settings)
    telegram.flood(retry_after=3)
    with pytest.raises(DeliveryError, match="retry after 3") as flooded:
        TELEGRAM.deliver(_outgoing("답변입니다"), settings)
    assert flooded.value.retryable and flooded.value.retry_after == 3
    telegram.recover()
    telegram.fail(status=502, times=1)
    with pytest.raises(DeliveryError) as down:
        TELEGRAM.deliver(_outgoing("답변입니다"), settings)
    assert down.value.retryable
    telegram.blocked.add("4242")
    with pytest.raises(DeliveryError, match="blocked") as blocked:
        TELEGRAM.deliver(_outgoing("답변입니다"), settings)
    assert not blocked.value.retryable
    with pytest.raises(DeliveryError, match="token") as wrong_token:
        TELEGRAM.deliver(_outgoing("답변입니다"), {**settings, "token": "1:wrong"})
    assert not wrong_token.value.retryable
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        nobody = f"http://127.0.0.1:{unused.getsockname()[1]}"
    with pytest.raises(DeliveryError) as away:
        TELEGRAM.deliver(_outgoing("답변입니다"), {**settings, "api_base": nobody})
    assert away.value.retryable and telegram.token not in str(away.value)  # the token never in a message


# --- LINE ---------------------------------------------------------------------------------------------------


def _line_event(kind: str, source: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "mode": fields.pop("mode", "active"),
        "timestamp": 1764547200000,
        "source": source or {"type": "user", "userId": USER},
        "webhookEventId": fields.pop("webhookEventId", "01JABCDEF0123456789XYZ"),
        "deliveryContext": {"isRedelivery": False},
        "replyToken": "r" * 32,
        **fields,
    }


def _text(text: str) -> dict[str, Any]:
    return {"id": "1", "type": "text", "quoteToken": "q", "text": text}


def test_line_takes_users_texts_postbacks_and_follows_and_leaves_the_rest() -> None:
    events = [
        _line_event("message", message=_text("<script>민원</script>")),
        _line_event("postback", postback={"data": "channel"}, webhookEventId="01JB"),
        _line_event("follow", follow={"isUnblocked": False}, webhookEventId="01JC"),
        _line_event(
            "message",
            message={
                "id": "2",
                "type": "sticker",
                "packageId": "1",
                "stickerId": "2",
                "stickerResourceType": "STATIC",
                "quoteToken": "q2",
            },
            webhookEventId="01JD",
        ),
        _line_event("message", {"type": "group", "groupId": "C" + "1" * 32, "userId": USER}, message=_text("x")),
        _line_event("message", message=_text("대기 중"), mode="standby", webhookEventId="01JE"),
        _line_event("unfollow", webhookEventId="01JF"),
        _line_event("someday_new_event", webhookEventId="01JG"),
    ]
    taken = LINE.parse(_request({"destination": "U0", "events": events}))
    assert [(m.event_id, m.text) for m in taken] == [
        ("01JABCDEF0123456789XYZ", "<script>민원</script>"),
        ("01JB", "channel"),
        ("01JC", "도움말"),
        ("01JD", ""),
    ]
    assert all(m.user_key == USER and m.context["reply_token"] == "r" * 32 for m in taken)


def test_line_signature_is_the_sdks_check_of_hmac_sha256_over_the_raw_body() -> None:
    secret = "f" * 32
    body = json.dumps({"destination": "U0", "events": []}).encode()
    signature = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
    settings = {"channel_secret": secret, "channel_access_token": "t"}
    LINE.verify(_request(body, **{"X-Line-Signature": signature}), settings)
    for headers, raw in (
        ({}, body),
        ({"X-Line-Signature": signature}, body + b" "),
        ({"X-Line-Signature": "x"}, body),
    ):
        with pytest.raises(ChannelRefused) as refused:
            LINE.verify(_request(raw, **headers), settings)
        assert refused.value.status == 401


def test_line_messages_keep_lines_limits() -> None:
    buttons = [{"label": f"아주 긴 단추 이름 번호 {n} 입니다", "value": f"v{n}"} for n in range(20)]
    bubbles = line_messages("가" * 12_000, buttons)
    assert [len(b["text"]) for b in bubbles] == [5000, 5000, 2000]
    items = bubbles[-1]["quickReply"]["items"]
    assert len(items) == 13 and all(len(i["action"]["label"]) <= 20 for i in items)
    assert "quickReply" not in bubbles[0]


@pytest.fixture
def line() -> Iterator[FakeLine]:
    with FakeLine() as fake:
        yield fake


def test_line_push_retried_with_its_key_is_not_sent_twice(line: FakeLine) -> None:
    settings = {"channel_access_token": line.access_token, "api_base": line.base_url}
    message = _outgoing("답변입니다", platform="line", address=USER)
    LINE.deliver(message, settings)
    LINE.deliver(message, settings)  # as after an answer that was lost on the way back: LINE says 409
    statuses = [response.status for _, response in line.answered]
    assert statuses == [200, 409] and len(line.delivered(USER)) == 1


def test_line_refusals_are_retried_or_final_as_the_platform_means_them(line: FakeLine) -> None:
    settings = {"channel_access_token": line.access_token, "api_base": line.base_url}
    line.fail(status=500, times=1)
    with pytest.raises(DeliveryError) as down:
        LINE.deliver(_outgoing("답변", platform="line", address=USER), settings)
    assert down.value.retryable
    line.fail(status=429, times=1, body={"message": "You have reached your monthly limit."})
    with pytest.raises(DeliveryError, match="monthly") as quota:
        LINE.deliver(_outgoing("답변", platform="line", address=USER), settings)
    assert not quota.value.retryable
    with pytest.raises(DeliveryError, match="token") as wrong_token:
        LINE.deliver(_outgoing("답변", platform="line", address=USER), {**settings, "channel_access_token": "x"})
    assert not wrong_token.value.retryable
    with pytest.raises(DeliveryError) as not_a_user:
        LINE.deliver(_outgoing("답변", platform="line", address="someone"), settings)
    assert not not_a_user.value.retryable


def test_how_long_a_platform_said_to_wait_is_read_from_its_answer() -> None:
    from complaints_desk.server.channels.meta import _throttled_for
    from complaints_desk.server.channels.platform_http import Answer, retry_after_seconds

    now = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
    assert retry_after_seconds({"Retry-After": "120"}) == 120.0
    assert retry_after_seconds({"retry-after": "Tue, 01 Dec 2026 06:01:30 GMT"}, now=now) == 90.0
    assert retry_after_seconds({"Retry-After": "soon"}) is None and retry_after_seconds({}) is None
    usage = '{"104857600000001": [{"type": "messenger", "call_count": 100, "estimated_time_to_regain_access": 3}]}'
    throttled = Answer(400, {"error": {"code": 613}}, "", {"x-business-use-case-usage": usage})
    assert _throttled_for(throttled) == 180.0  # minutes, in Meta's header
    assert _throttled_for(Answer(400, {}, "", {"x-business-use-case-usage": "{not json"})) is None
