"""Telegram's Bot API and LINE's Messaging API as local fakes (channel_fakes.FakePlatform) that enforce what
the platforms document, and the citizens who write to the office through them: each posts the platform's
real webhook payload to the server (with its secret header or signature, computed the way the platform
computes it) and reads the answers the fake received.

Limits enforced (as documented):
- Telegram (https://core.telegram.org/bots/api): the bot token in the path (else 401 Unauthorized); sendMessage
  text 1-4096 characters (counted in UTF-16 code units, as Telegram counts entities); inline keyboard buttons
  with a text and callback_data of 1-64 bytes; a chat that blocked the bot gets 403; more than `per_second`
  messages in one second gets 429 with parameters.retry_after (the broadcast limit in the bots FAQ), and so
  does every sendMessage until those seconds have passed (flood control: a bot that tries again sooner is
  refused again, with the seconds still left);
  answerCallbackQuery only for a query it issued, once.
- LINE (https://developers.line.biz/en/reference/messaging-api/): the channel access token as a Bearer
  (else 401); 1-5 message objects a request; text 1-5000 characters; at most 13 quick reply items, labels of
  1-20 characters, postback data of at most 300; a reply token is good once, within a minute of its event
  (else 400 Invalid reply token); push `to` a user id (U and 32 hex digits); X-Line-Retry-Key a UUID, and a
  key already accepted gets 409 with x-line-accepted-request-id."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import math
import re
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from .channel_fakes import WAIT_SECONDS, FakePlatform, FakeRequest, FakeResponse, Outage


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --- Telegram -------------------------------------------------------------------------------------------------

_BOT_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$")


class FakeTelegram(FakePlatform):
    TEXT_MAX = 4096
    CALLBACK_DATA_MAX_BYTES = 64

    def __init__(self, token: str = "123456:TEST-token_abc", *, per_second: int | None = 30) -> None:
        super().__init__()
        self.token = token
        self.per_second = per_second
        self.blocked: set[str] = set()  # chat ids whose user blocked the bot
        self.callback_queries: dict[str, bool] = {}  # issued query id → answered
        self._sent_at: list[float] = []
        self._flooded_until = 0.0  # monotonic: sendMessage is refused with 429 until then
        self._flood_next: int | None = None  # flood control the next sendMessage sets off, for so many seconds
        self._message_ids = itertools.count(1000)
        self._lock = threading.Lock()

    @staticmethod
    def _error(status: int, description: str, **extra: Any) -> FakeResponse:
        return FakeResponse.json(status, {"ok": False, "error_code": status, "description": description, **extra})

    def outage_response(self, outage: Outage) -> FakeResponse:
        if outage.body is not None:
            return super().outage_response(outage)
        return self._error(outage.status, "Service Unavailable")

    def flood(self, *, retry_after: int = 1) -> None:
        """Flood control from the next sendMessage on: it and every one in the `retry_after` seconds after it
        get 429 Too Many Requests with parameters.retry_after, the whole seconds still left."""
        with self._lock:
            self._flood_next = retry_after

    def recover(self) -> None:
        super().recover()
        with self._lock:
            self._flooded_until = 0.0
            self._flood_next = None

    def _too_many(self, now: float) -> FakeResponse:
        left = max(1, math.ceil(self._flooded_until - now))
        return self._error(429, f"Too Many Requests: retry after {left}", parameters={"retry_after": left})

    def issue_callback_query(self) -> str:
        query_id = str(uuid.uuid4().int)[:19]
        with self._lock:
            self.callback_queries[query_id] = False
        return query_id

    def handle(self, request: FakeRequest) -> FakeResponse:
        found = _BOT_PATH.match(request.path)
        if request.method != "POST" or found is None:
            return self._error(404, "Not Found")
        if found["token"] != self.token:
            return self._error(401, "Unauthorized")
        try:
            payload = request.json()
        except ValueError:
            return self._error(400, "Bad Request: can't parse JSON")
        if not isinstance(payload, dict):
            return self._error(400, "Bad Request: can't parse JSON")
        method = found["method"]
        if method == "sendMessage":
            return self._send_message(payload)
        if method == "answerCallbackQuery":
            return self._answer_callback_query(payload)
        return self._error(404, "Not Found: method not found")

    def _send_message(self, payload: Mapping[str, Any]) -> FakeResponse:
        chat_id, text = payload.get("chat_id"), payload.get("text")
        if chat_id in (None, ""):
            return self._error(400, "Bad Request: chat_id is empty")
        if str(chat_id) in self.blocked:
            return self._error(403, "Forbidden: bot was blocked by the user")
        if not isinstance(text, str) or not text.strip():
            return self._error(400, "Bad Request: message text is empty")
        if utf16_length(text) > self.TEXT_MAX:
            return self._error(400, "Bad Request: message is too long")
        markup = payload.get("reply_markup")
        if markup is not None and not self._keyboard_ok(markup):
            return self._error(400, "Bad Request: BUTTON_DATA_INVALID")
        with self._lock:
            now = time.monotonic()
            if self._flood_next is not None:
                self._flooded_until, self._flood_next = now + self._flood_next, None
            if now < self._flooded_until:
                return self._too_many(now)
            self._sent_at = [t for t in self._sent_at if now - t < 1.0]
            if self.per_second is not None and len(self._sent_at) >= self.per_second:
                self._flooded_until = now + 1.0
                return self._too_many(now)
            self._sent_at.append(now)
            message_id = next(self._message_ids)
        result = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "text": text,
        }
        return FakeResponse.json(200, {"ok": True, "result": result})

    def _keyboard_ok(self, markup: Any) -> bool:
        rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
        if not isinstance(rows, list):
            return False
        for row in rows:
            if not isinstance(row, list):
                return False
            for button in row:
                if not isinstance(button, dict) or not str(button.get("text") or "").strip():
                    return False
                data = button.get("callback_data")
                if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= self.CALLBACK_DATA_MAX_BYTES:
                    return False
        return True

    def _answer_callback_query(self, payload: Mapping[str, Any]) -> FakeResponse:
        query_id = str(payload.get("callback_query_id") or "")
        with self._lock:
            if self.callback_queries.get(query_id, True):
                return self._error(
                    400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
                )
            self.callback_queries[query_id] = True
        if len(str(payload.get("text") or "")) > 200:
            return self._error(400, "Bad Request: MESSAGE_TOO_LONG")
        return FakeResponse.json(200, {"ok": True, "result": True})

    # --- what it received ---

    def sent(self, chat_id: str | int | None = None) -> list[dict[str, Any]]:
        """The sendMessage payloads it took (200), oldest first, for one chat or all."""
        return [
            request.json()
            for request, response in list(self.answered)
            if request.path.endswith("/sendMessage")
            and response.status == 200
            and (chat_id is None or str(request.json().get("chat_id")) == str(chat_id))
        ]

    def wait_sent(self, chat_id: str | int, count: int, timeout: float = WAIT_SECONDS) -> list[dict[str, Any]]:
        self.wait_for(
            lambda r: r.path.endswith("/sendMessage") and str((r.json() or {}).get("chat_id")) == str(chat_id),
            count=count,
            answered=200,
            timeout=timeout,
        )
        return self.sent(chat_id)


# One bot's update ids: one sequence for every chat (Telegram numbers a bot's updates, not a chat's).
_UPDATE_IDS = itertools.count(int(time.time()) % 10**6 * 1000)


@dataclass
class TelegramCitizen:
    """Someone writing to the office's bot in a private chat: each message is an Update as Telegram posts it
    to the webhook, with the secret token header Telegram adds; a method in the webhook's answer is carried
    out against the fake, as Telegram does."""

    webhook_url: str
    secret_token: str
    fake: FakeTelegram
    chat_id: int
    first_name: str = "길동"
    last_name: str = "홍"
    update_ids: itertools.count[int] = field(default_factory=lambda: _UPDATE_IDS)
    message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    last_update: dict[str, Any] = field(default_factory=dict)

    def _user(self) -> dict[str, Any]:
        return {
            "id": self.chat_id,
            "is_bot": False,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "language_code": "ko",
        }

    def message_update(self, text: str) -> dict[str, Any]:
        return {
            "update_id": next(self.update_ids),
            "message": {
                "message_id": next(self.message_ids),
                "from": self._user(),
                "chat": {
                    "id": self.chat_id,
                    "first_name": self.first_name,
                    "last_name": self.last_name,
                    "type": "private",
                },
                "date": int(time.time()),
                "text": text,
            },
        }

    def callback_update(self, data: str) -> dict[str, Any]:
        return {
            "update_id": next(self.update_ids),
            "callback_query": {
                "id": self.fake.issue_callback_query(),
                "from": self._user(),
                "message": {
                    "message_id": next(self.message_ids),
                    "from": {"id": int(self.fake.token.split(":")[0]), "is_bot": True, "first_name": "민원봇"},
                    "chat": {"id": self.chat_id, "first_name": self.first_name, "type": "private"},
                    "date": int(time.time()),
                    "text": "(the bot's message with the keyboard)",
                },
                "chat_instance": "-7771234567890123456",
                "data": data,
            },
        }

    def post(self, update: Mapping[str, Any] | bytes, *, secret: str | None = None) -> httpx.Response:
        """Deliver an update (or raw bytes) to the webhook; with Telegram's header unless `secret` says
        otherwise ("" leaves the header out)."""
        body = update if isinstance(update, bytes) else json.dumps(update, ensure_ascii=False).encode("utf-8")
        if isinstance(update, Mapping):
            self.last_update = dict(update)
        headers: dict[bytes, bytes] = {b"Content-Type": b"application/json"}
        chosen = self.secret_token if secret is None else secret
        if chosen:
            headers[b"X-Telegram-Bot-Api-Secret-Token"] = chosen.encode("utf-8")
        response = httpx.post(self.webhook_url, content=body, headers=headers, timeout=30)
        if response.status_code == 200 and response.content:
            self._carry_out(response)
        return response

    def _carry_out(self, response: httpx.Response) -> None:
        try:
            answer = response.json()
        except ValueError:
            return
        if isinstance(answer, dict) and isinstance(answer.get("method"), str):
            parameters = {k: v for k, v in answer.items() if k != "method"}
            httpx.post(
                f"{self.fake.base_url}/bot{self.fake.token}/{answer['method']}", json=parameters, timeout=30
            )

    def say(self, text: str) -> dict[str, Any]:
        """Send a text and wait for the bot's next message; returns it (the sendMessage payload)."""
        return self._and_wait(lambda: self.post(self.message_update(text)))

    def press(self, value: str) -> dict[str, Any]:
        """Press an inline keyboard button (its callback data) and wait for the bot's next message."""
        return self._and_wait(lambda: self.post(self.callback_update(value)))

    def send_without_words(self, **content: Any) -> dict[str, Any]:
        """Send a message with no text (a photo, a sticker: the Message fields in `content`) and wait for the
        bot's next message."""
        update = self.message_update("")
        del update["message"]["text"]
        update["message"].update(content)
        return self._and_wait(lambda: self.post(update))

    def _and_wait(self, send: Any) -> dict[str, Any]:
        before = len(self.fake.sent(self.chat_id))
        response = send()
        assert response.status_code == 200, response.text
        return self.fake.wait_sent(self.chat_id, before + 1)[before]


def buttons_of(sent: Mapping[str, Any]) -> list[str]:
    """The callback data of a Telegram message's inline keyboard."""
    rows = (sent.get("reply_markup") or {}).get("inline_keyboard") or []
    return [button["callback_data"] for row in rows for button in row]


# --- LINE ---------------------------------------------------------------------------------------------------

_USER_ID = re.compile(r"^U[0-9a-f]{32}$")
REPLY_TOKEN_SECONDS = 60.0


class FakeLine(FakePlatform):
    TEXT_MAX = 5000
    MESSAGES_MAX = 5
    QUICK_REPLY_MAX = 13
    LABEL_MAX = 20
    DATA_MAX = 300

    def __init__(self, access_token: str = "line-channel-access-token-TEST") -> None:
        super().__init__()
        self.access_token = access_token
        self.reply_tokens: dict[str, tuple[str, float, bool]] = {}  # token → (user id, issued, used)
        self.retry_keys: dict[str, str] = {}  # accepted retry key → request id
        self._lock = threading.Lock()

    @staticmethod
    def _error(status: int, message: str, details: list[dict[str, str]] | None = None) -> FakeResponse:
        body: dict[str, Any] = {"message": message}
        if details:
            body["details"] = details
        return FakeResponse.json(status, body, {"x-line-request-id": str(uuid.uuid4())})

    def outage_response(self, outage: Outage) -> FakeResponse:
        if outage.body is not None:
            return super().outage_response(outage)
        return self._error(outage.status, "Service Unavailable")

    def issue_reply_token(self, user_id: str, *, age_seconds: float = 0.0) -> str:
        token = uuid.uuid4().hex
        with self._lock:
            self.reply_tokens[token] = (user_id, time.monotonic() - age_seconds, False)
        return token

    def handle(self, request: FakeRequest) -> FakeResponse:
        if request.headers.get("authorization") != f"Bearer {self.access_token}":
            return self._error(
                401, "Authentication failed. Confirm that the access token in the authorization header is valid."
            )
        if request.method != "POST" or request.path not in ("/v2/bot/message/reply", "/v2/bot/message/push"):
            return self._error(404, "Not found")
        try:
            payload = request.json()
        except ValueError:
            return self._error(400, "The request body has 1 error(s)", [{"message": "Invalid JSON"}])
        if not isinstance(payload, dict):
            return self._error(400, "The request body has 1 error(s)", [{"message": "Invalid JSON"}])
        problems = self._message_problems(payload.get("messages"))
        if problems:
            return self._error(400, f"The request body has {len(problems)} error(s)", problems)
        if request.path.endswith("/reply"):
            return self._reply(payload)
        return self._push(payload, request.headers.get("x-line-retry-key"))

    def _message_problems(self, messages: Any) -> list[dict[str, str]]:
        if not isinstance(messages, list) or not 1 <= len(messages) <= self.MESSAGES_MAX:
            return [{"message": f"Size must be between 1 and {self.MESSAGES_MAX}", "property": "messages"}]
        problems: list[dict[str, str]] = []
        for n, message in enumerate(messages):
            where = f"messages[{n}]"
            if not isinstance(message, dict) or message.get("type") != "text":
                problems.append({"message": "Only text messages in this fake", "property": f"{where}.type"})
                continue
            text = message.get("text")
            if not isinstance(text, str) or not 1 <= utf16_length(text) <= self.TEXT_MAX:
                problems.append(
                    {"message": f"Length must be between 1 and {self.TEXT_MAX}", "property": f"{where}.text"}
                )
            items = (message.get("quickReply") or {}).get("items", []) if "quickReply" in message else []
            if "quickReply" in message and not 1 <= len(items) <= self.QUICK_REPLY_MAX:
                problems.append(
                    {
                        "message": f"Size must be between 1 and {self.QUICK_REPLY_MAX}",
                        "property": f"{where}.quickReply.items",
                    }
                )
            for i, item in enumerate(items):
                action = item.get("action") if isinstance(item, dict) else None
                spot = f"{where}.quickReply.items[{i}].action"
                if not isinstance(action, dict) or action.get("type") not in ("postback", "message"):
                    problems.append({"message": "Invalid action", "property": spot})
                    continue
                label = action.get("label")
                if not isinstance(label, str) or not 1 <= len(label) <= self.LABEL_MAX:
                    problems.append(
                        {"message": f"Length must be between 1 and {self.LABEL_MAX}", "property": f"{spot}.label"}
                    )
                if action["type"] == "postback" and len(str(action.get("data") or "")) > self.DATA_MAX:
                    problems.append(
                        {"message": f"Length must be between 0 and {self.DATA_MAX}", "property": f"{spot}.data"}
                    )
                if len(str(action.get("displayText") or "")) > self.DATA_MAX:
                    problems.append(
                        {
                            "message": f"Length must be between 0 and {self.DATA_MAX}",
                            "property": f"{spot}.displayText",
                        }
                    )
        return problems

    def _reply(self, payload: Mapping[str, Any]) -> FakeResponse:
        token = str(payload.get("replyToken") or "")
        with self._lock:
            issued = self.reply_tokens.get(token)
            if issued is None or issued[2] or time.monotonic() - issued[1] > REPLY_TOKEN_SECONDS:
                return self._error(400, "Invalid reply token")
            self.reply_tokens[token] = (issued[0], issued[1], True)
        return self._sent(payload["messages"])

    def _push(self, payload: Mapping[str, Any], retry_key: str | None) -> FakeResponse:
        if not _USER_ID.match(str(payload.get("to") or "")):
            return self._error(
                400,
                "The request body has 1 error(s)",
                [{"message": "The value must be a user ID", "property": "to"}],
            )
        if retry_key is not None:
            try:
                uuid.UUID(retry_key)
            except ValueError:
                return self._error(400, "The retry key must be a UUID")
            with self._lock:
                if retry_key in self.retry_keys:
                    response = self._error(409, "The retry key is already accepted")
                    return FakeResponse(
                        409,
                        response.body,
                        {**response.headers, "x-line-accepted-request-id": self.retry_keys[retry_key]},
                    )
                self.retry_keys[retry_key] = str(uuid.uuid4())
        return self._sent(payload["messages"])

    def _sent(self, messages: list[dict[str, Any]]) -> FakeResponse:
        sent = [{"id": str(uuid.uuid4().int)[:18], "quoteToken": uuid.uuid4().hex} for _ in messages]
        return FakeResponse.json(200, {"sentMessages": sent}, {"x-line-request-id": str(uuid.uuid4())})

    # --- what it received ---

    def user_of(self, request: FakeRequest) -> str:
        payload = request.json() or {}
        if request.path.endswith("/push"):
            return str(payload.get("to"))
        issued = self.reply_tokens.get(str(payload.get("replyToken")))
        return issued[0] if issued else ""

    def delivered(self, user_id: str) -> list[tuple[str, dict[str, Any]]]:
        """(reply|push, message object) for every message it took for this user, oldest first."""
        out: list[tuple[str, dict[str, Any]]] = []
        for request, response in list(self.answered):
            if response.status == 200 and self.user_of(request) == user_id:
                via = "reply" if request.path.endswith("/reply") else "push"
                out.extend((via, message) for message in request.json()["messages"])
        return out

    def wait_delivered(
        self, user_id: str, count: int, timeout: float = WAIT_SECONDS
    ) -> list[tuple[str, dict[str, Any]]]:
        deadline = time.monotonic() + timeout
        while True:
            # Counted before looking: an answer that lands between the look and the wait still ends the wait
            # (the server answers on its own threads now, as the test checks; counted after, it was missed).
            answered = len(self.answered)
            if len(found := self.delivered(user_id)) >= count:
                return found
            assert time.monotonic() < deadline, f"{len(found)} of {count} LINE messages for {user_id}: {found}"
            self.wait_for(lambda r: True, count=answered + 1, timeout=max(0.05, deadline - time.monotonic()))


def line_signature(channel_secret: str, body: bytes) -> str:
    """X-Line-Signature as LINE computes it: base64 of HMAC-SHA256 over the raw body, the channel secret as key."""
    return base64.b64encode(hmac.new(channel_secret.encode("utf-8"), body, hashlib.sha256).digest()).decode(
        "ascii"
    )


@dataclass
class LineCitizen:
    """Someone writing to the office's LINE Official Account: each message is a webhook as LINE posts it (a
    destination, one event with a webhookEventId and a reply token the fake issued), signed with the channel
    secret."""

    webhook_url: str
    channel_secret: str
    fake: FakeLine
    user_id: str = field(default_factory=lambda: "U" + uuid.uuid4().hex)
    destination: str = "U" + "b" * 32
    last_body: bytes = b""

    def event(
        self, kind: str, *, redelivery: bool = False, token_age: float = 0.0, **fields: Any
    ) -> dict[str, Any]:
        return {
            "type": kind,
            "mode": "active",
            "timestamp": int((time.time() - token_age) * 1000),
            "source": {"type": "user", "userId": self.user_id},
            "webhookEventId": "01" + uuid.uuid4().hex[:24].upper(),
            "deliveryContext": {"isRedelivery": redelivery},
            "replyToken": self.fake.issue_reply_token(self.user_id, age_seconds=token_age),
            **fields,
        }

    def text_event(self, text: str, **options: Any) -> dict[str, Any]:
        message = {"id": str(uuid.uuid4().int)[:18], "type": "text", "quoteToken": uuid.uuid4().hex, "text": text}
        return self.event("message", message=message, **options)

    def postback_event(self, data: str, **options: Any) -> dict[str, Any]:
        return self.event("postback", postback={"data": data}, **options)

    def post(
        self, events: list[dict[str, Any]] | bytes, *, signature: str | None = None, secret: str | None = None
    ) -> httpx.Response:
        body = (
            events
            if isinstance(events, bytes)
            else json.dumps({"destination": self.destination, "events": events}, ensure_ascii=False).encode(
                "utf-8"
            )
        )
        self.last_body = body
        headers = {"Content-Type": "application/json; charset=utf-8"}
        chosen = line_signature(secret or self.channel_secret, body) if signature is None else signature
        if chosen:
            headers["X-Line-Signature"] = chosen
        return httpx.post(self.webhook_url, content=body, headers=headers, timeout=30)

    def say(self, text: str, **options: Any) -> tuple[str, dict[str, Any]]:
        return self._and_wait(self.text_event(text, **options))

    def press(self, data: str, **options: Any) -> tuple[str, dict[str, Any]]:
        return self._and_wait(self.postback_event(data, **options))

    def send(self, event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """Post any event (a sticker, an image) and wait for the account's next message."""
        return self._and_wait(event)

    def message_event(self, message_type: str, **fields: Any) -> dict[str, Any]:
        message = {
            "id": str(uuid.uuid4().int)[:18],
            "type": message_type,
            "quoteToken": uuid.uuid4().hex,
            **fields,
        }
        return self.event("message", message=message)

    def _and_wait(self, event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        before = len(self.fake.delivered(self.user_id))
        response = self.post([event])
        assert response.status_code == 200, response.text
        return self.fake.wait_delivered(self.user_id, before + 1)[before]


def quick_replies_of(message: Mapping[str, Any]) -> list[str]:
    """The postback data of a LINE message's quick reply buttons."""
    return [item["action"]["data"] for item in (message.get("quickReply") or {}).get("items", [])]


# --- a server process with both channels, its fakes and a team ---------------------------------------------

TELEGRAM_SECRET = "office-webhook-secret_2026-Tg"
LINE_SECRET = "8c2f0e5d1a7b4c3e9f6a0b1c2d3e4f50"


@dataclass
class MessengerDesk:
    """One real server process (`--channels FILE` with Telegram and LINE pointed at their fakes), the fakes,
    and the office's team."""

    server: Any  # conftest.LiveServer
    team: Any  # conftest.Team
    telegram: FakeTelegram
    line: FakeLine

    def telegram_citizen(self, **options: Any) -> TelegramCitizen:
        chat_id = options.pop("chat_id", None) or 10_000_000 + uuid.uuid4().int % 10**9
        return TelegramCitizen(
            f"{self.server.base_url}/webhooks/telegram", TELEGRAM_SECRET, self.telegram, chat_id, **options
        )

    def line_citizen(self) -> LineCitizen:
        return LineCitizen(f"{self.server.base_url}/webhooks/line", LINE_SECRET, self.line)

    def reset(self) -> None:
        """Between tests: the fakes up again, nobody blocked, nothing flooding."""
        for fake in (self.telegram, self.line):
            fake.recover()
        self.telegram.blocked.clear()


def messenger_desk(database: str, tmp: Any, *extra_args: str) -> Any:
    """A generator for a module-scoped fixture: yields a MessengerDesk on "sqlite" or "postgresql" (skipped
    when PostgreSQL is away), stops everything afterwards."""
    import pytest

    from .channel_fakes import write_channel_settings
    from .conftest import LiveServer, _create_pg_schema, _drop_pg_schema, make_team

    schema = None
    if database == "sqlite":
        url = f"sqlite:///{tmp / 'server.sqlite3'}"
    else:
        import psycopg

        try:
            schema, url = _create_pg_schema()
        except psycopg.OperationalError:
            pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    telegram, line = FakeTelegram().start(), FakeLine().start()
    settings = write_channel_settings(
        tmp / "channels.json",
        {
            "telegram": {"token": telegram.token, "secret_token": TELEGRAM_SECRET, "api_base": telegram.base_url},
            "line": {
                "channel_secret": LINE_SECRET,
                "channel_access_token": line.access_token,
                "api_base": line.base_url,
            },
        },
    )
    server = LiveServer(url, tmp / "server.log", extra_args=("--channels", str(settings), *extra_args)).start()
    try:
        yield MessengerDesk(server, make_team(server), telegram, line)
    finally:
        server.kill()
        telegram.stop()
        line.stop()
        if schema is not None:
            _drop_pg_schema(schema)
