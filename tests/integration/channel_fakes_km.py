"""Local fakes of the platforms the KakaoTalk, Meta, SMS/알림톡 and e-mail channels talk to, on loopback: each
ENFORCES what the platform documents (its token or signature, its limits, Meta's reply window, 알림톡's
approved template) and records what it took, so a test asserts on what the citizen would have received.

    graph = GraphFake(page_token="…", app_secret="…").start()     # Meta's Send API (/me/messages)
    sms = SolapiFake(api_key="…", api_secret="…", senders={"0212345678"}, pf_id="…",
                     templates={"TPL": "[한빛구청] #{접수번호} #{제목} #{링크}"}).start()
    mail = SmtpFake().start()                                      # an SMTP server (aiosmtpd)

Kakao's side needs no fake: a test posts skill requests as Open Builder would (KakaoSkillClient)."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from tests.integration.conftest import free_port

WAIT_SECONDS = 60.0


def wait_for(what: str, found: Callable[[], Any], timeout: float = WAIT_SECONDS) -> Any:
    """Poll until `found()` is truthy (the outbox worker delivers in the background); fail naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        value = found()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@dataclass
class Reply:
    status: int
    body: dict[str, Any]


class FakeHttpServer:
    """A tiny HTTP server on loopback in a thread; subclasses answer `handle(method, path, query, headers,
    body)`. `fail_next(n)` makes the next n requests fail with 503 (the platform is down)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.lock = threading.Lock()
        self.requests: list[dict[str, Any]] = []
        self._failing = 0
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fail_next(self, count: int) -> None:
        with self.lock:
            self._failing = count

    def handle(
        self, method: str, path: str, query: dict[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        raise NotImplementedError

    def _dispatch(self, method: str, raw_path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        parts = urlsplit(raw_path)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        with self.lock:
            self.requests.append({"method": method, "path": parts.path, "query": query, "body": body})
            if self._failing > 0:
                self._failing -= 1
                return Reply(503, {"error": "service unavailable"})
        return self.handle(method, parts.path, query, headers, body)

    def start(self) -> FakeHttpServer:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {key.lower(): value for key, value in self.headers.items()}
                reply = fake._dispatch(method, self.path, headers, body)
                data = json.dumps(reply.body, ensure_ascii=False).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                self._answer("POST")

            def do_GET(self) -> None:
                self._answer("GET")

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, name=type(self).__name__, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


# --- Meta's Graph API: the Send API ------------------------------------------------------------------------


def graph_error(code: int, message: str, subcode: int | None = None, status: int = 400) -> Reply:
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "fake"}
    if subcode is not None:
        error["error_subcode"] = subcode
    return Reply(status, {"error": error})


class GraphFake(FakeHttpServer):
    """POST /me/messages as Meta's Send API takes it: the page access token (`access_token`) and, when given,
    its `appsecret_proof`; a recipient who wrote to the page (`citizen_wrote`); the 24-hour window from the
    last message it saw (7 days with the HUMAN_AGENT tag); text ≤ 2,000 characters (Instagram: 1,000 bytes);
    ≤ 13 quick replies with titles ≤ 20 characters. `advance(hours)` moves its clock on.

    With `instagram_login`, graph.instagram.com as the Instagram API with Instagram Login has it: the token
    (`page_token`, here the Instagram user's) only as `Authorization: Bearer`, no page token or proof in the
    query, and only Instagram users as recipients."""

    def __init__(self, *, page_token: str, app_secret: str, instagram_login: bool = False) -> None:
        super().__init__()
        self.page_token, self.app_secret = page_token, app_secret
        self.instagram_login = instagram_login
        self.last_inbound: dict[str, float] = {}
        self.instagram: set[str] = set()
        self.sent: list[dict[str, Any]] = []
        self.refused: list[Reply] = []
        self.offset = 0.0

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, hours: float) -> None:
        self.offset += hours * 3600

    def citizen_wrote(self, sender_id: str, *, instagram: bool = False) -> None:
        with self.lock:
            self.last_inbound[sender_id] = self.now()
            if instagram:
                self.instagram.add(sender_id)

    def texts_to(self, recipient: str) -> list[str]:
        with self.lock:
            return [m["text"] for m in self.sent if m["recipient"] == recipient]

    def handle(
        self, method: str, path: str, query: dict[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        reply = self._check(method, path, query, headers, body)
        if reply.status != 200:
            with self.lock:
                self.refused.append(reply)
        return reply

    def _check(
        self, method: str, path: str, query: dict[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        if method != "POST" or not path.endswith("/me/messages"):
            return graph_error(100, f"Unsupported request: {method} {path}", status=404)
        if self.instagram_login:
            scheme, _, token = headers.get("authorization", "").partition(" ")
            if scheme != "Bearer" or "access_token" in query:
                return graph_error(190, "Invalid OAuth access token - Cannot parse access token")
        else:
            token = query.get("access_token", "")
        if not hmac.compare_digest(token.encode(), self.page_token.encode()):
            return graph_error(190, "Invalid OAuth access token.")
        proof = query.get("appsecret_proof")
        if proof is not None:
            expected = hmac.new(self.app_secret.encode(), token.encode(), hashlib.sha256).hexdigest()
            if not hmac.compare_digest(proof.encode(), expected.encode()):
                return graph_error(100, "Invalid appsecret_proof provided in the API argument")
        try:
            data = json.loads(body)
        except ValueError:
            return graph_error(100, "Invalid JSON")
        recipient = str((data.get("recipient") or {}).get("id") or "")
        with self.lock:
            last = self.last_inbound.get(recipient)
            instagram = recipient in self.instagram
        if last is None or (self.instagram_login and not instagram):
            return graph_error(100, "No matching user found", 2018001)
        kind = data.get("messaging_type")
        if kind not in ("RESPONSE", "UPDATE", "MESSAGE_TAG"):
            return graph_error(100, "messaging_type is required")
        window = timedelta(hours=24)
        if kind == "MESSAGE_TAG":
            if data.get("tag") != "HUMAN_AGENT":
                return graph_error(100, "Invalid tag")
            window = timedelta(days=7)
        if self.now() - last > window.total_seconds():
            return graph_error(10, "(#10) This message is sent outside of allowed window.", 2018278)
        message = data.get("message") or {}
        text = message.get("text")
        if not isinstance(text, str) or not text:
            return graph_error(100, "(#100) The parameter message[text] is required")
        too_long = len(text.encode()) > 1000 if instagram else len(text) > 2000
        if too_long:
            return graph_error(100, "(#100) Length of param message[text] must be less than or equal to 2000")
        quick = message.get("quick_replies") or []
        if len(quick) > 13:
            return graph_error(100, "(#100) param message[quick_replies] must have at most 13 elements")
        for item in quick:
            title = item.get("title") or ""
            if item.get("content_type") != "text" or not title or len(title) > 20:
                return graph_error(100, "(#100) quick_replies[title] must be 1 to 20 characters")
            if len(str(item.get("payload") or "")) > 1000:
                return graph_error(100, "(#100) quick_replies[payload] is too long")
        with self.lock:
            self.sent.append(
                {
                    "recipient": recipient,
                    "text": text,
                    "quick_replies": quick,
                    "messaging_type": kind,
                    "tag": data.get("tag"),
                }
            )
        return Reply(200, {"recipient_id": recipient, "message_id": f"m_{uuid.uuid4().hex}"})


# --- SOLAPI: SMS, LMS and 알림톡 -------------------------------------------------------------------------

_AUTH = re.compile(
    r"^HMAC-SHA256 apiKey=(?P<key>[^,]+), date=(?P<date>[^,]+), salt=(?P<salt>[^,]+), signature=(?P<sig>[0-9a-f]+)$"
)
_VARIABLE = re.compile(r"#\{[^}]+\}")


def euc_kr_bytes(text: str) -> int:
    total = 0
    for ch in text:
        try:
            total += len(ch.encode("cp949"))
        except UnicodeEncodeError:
            total += 2
    return total


def solapi_error(status: int, code: str, message: str) -> Reply:
    return Reply(status, {"errorCode": code, "errorMessage": message})


class SolapiFake(FakeHttpServer):
    """POST /messages/v4/send-many/detail as SOLAPI takes it: the HMAC-SHA256 Authorization (its API key, a
    date within 15 minutes, a salt of 12-64 characters, each signature once); registered sender numbers;
    mobile recipients (01x, 10-11 digits); SMS ≤ 90 bytes, LMS ≤ 2,000 bytes with a subject ≤ 40; 알림톡 (ATA)
    only under its channel's pfId with an approved template, every #{variable} of it given (`delivered`
    holds what the citizen reads: the template filled in)."""

    def __init__(
        self,
        *,
        api_key: str,
        api_secret: str,
        senders: set[str],
        pf_id: str = "",
        templates: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.api_key, self.api_secret, self.senders, self.pf_id = api_key, api_secret, senders, pf_id
        self.templates = dict(templates or {})
        self.used_signatures: set[str] = set()
        self.delivered: list[dict[str, Any]] = []
        self.failed: list[dict[str, Any]] = []
        self.refused: list[Reply] = []

    def to(self, phone: str) -> list[dict[str, Any]]:
        with self.lock:
            return [m for m in self.delivered if m["to"] == phone]

    def handle(
        self, method: str, path: str, query: dict[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        reply = self._check(method, path, headers, body)
        if reply.status != 200:
            with self.lock:
                self.refused.append(reply)
        return reply

    def _check(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        if method != "POST" or path != "/messages/v4/send-many/detail":
            return solapi_error(404, "NotFound", f"{method} {path}")
        auth = _AUTH.match(headers.get("authorization", ""))
        if auth is None:
            return solapi_error(401, "InvalidAuthorization", "Authorization header is malformed")
        if auth["key"] != self.api_key:
            return solapi_error(403, "InvalidAPIKey", "유효한 API Key가 아닙니다.")
        try:
            moment = datetime.fromisoformat(auth["date"].replace("Z", "+00:00"))
        except ValueError:
            return solapi_error(400, "InvalidDate", "date is not ISO 8601")
        if moment.tzinfo is None or abs(datetime.now(UTC) - moment) > timedelta(minutes=15):
            return solapi_error(403, "RequestTimeTooSkewed", "시간 값이 서버 시간을 15분 이상 벗어남")
        if not 12 <= len(auth["salt"]) <= 64:
            return solapi_error(400, "InvalidSalt", "salt must be 12 to 64 characters")
        expected = hmac.new(self.api_secret.encode(), (auth["date"] + auth["salt"]).encode(), hashlib.sha256)
        if not hmac.compare_digest(auth["sig"], expected.hexdigest()):
            return solapi_error(403, "SignatureDoesNotMatch", "생성한 Signature가 일치하지 않음")
        with self.lock:
            if auth["sig"] in self.used_signatures:
                return solapi_error(403, "DuplicatedSignature", "15분 안에 동일한 signature 값")
            self.used_signatures.add(auth["sig"])
        try:
            messages = json.loads(body)["messages"]
            assert isinstance(messages, list) and messages
        except (ValueError, KeyError, TypeError, AssertionError):
            return solapi_error(400, "ValidationError", "messages is required")
        failed, listed = [], []
        for message in messages:
            problem = self._problem(message)
            message_id = f"M4V{uuid.uuid4().hex[:24].upper()}"
            entry = {
                "to": message.get("to"),
                "from": message.get("from"),
                "type": message.get("type"),
                "messageId": message_id,
                "country": "82",
                "accountId": "fake",
            }
            if problem is not None:
                failed.append({**entry, "statusCode": problem[0], "statusMessage": problem[1]})
            else:
                listed.append({**entry, "statusCode": "2000", "statusMessage": "정상 접수(이통사로 접수 예정) "})
        with self.lock:
            self.failed.extend(failed)
        count = {"total": len(messages), "registeredFailed": len(failed), "registeredSuccess": len(listed)}
        group = {"groupId": f"G4V{uuid.uuid4().hex[:24].upper()}", "count": count, "status": "SENDING"}
        return Reply(200, {"groupInfo": group, "failedMessageList": failed, "messageList": listed})

    def _problem(self, message: Mapping[str, Any]) -> tuple[str, str] | None:
        """Why the provider would not take this message, or None (and it is recorded as delivered)."""
        to, sender, kind = str(message.get("to") or ""), str(message.get("from") or ""), message.get("type")
        if not re.fullmatch(r"01\d{8,9}", to):
            return "1062", "수신번호 형식 오류"
        if sender not in self.senders:
            return "1035", "발신번호 미등록"
        text = str(message.get("text") or "")
        record: dict[str, Any] = {"to": to, "from": sender, "type": kind, "text": text}
        if kind == "SMS":
            if not text or euc_kr_bytes(text) > 90:
                return "1013", "SMS 90바이트 초과"
        elif kind == "LMS":
            subject = str(message.get("subject") or "")
            if not text or euc_kr_bytes(text) > 2000 or euc_kr_bytes(subject) > 40:
                return "1013", "LMS 2000바이트 또는 제목 40바이트 초과"
            record["subject"] = subject
        elif kind == "ATA":
            options = message.get("kakaoOptions") or {}
            if options.get("pfId") != self.pf_id:
                return "3034", "카카오톡 채널(pfId)이 연동되지 않았습니다"
            template = self.templates.get(str(options.get("templateId") or ""))
            if template is None:
                return "3019", "승인되지 않은 알림톡 템플릿"
            variables = options.get("variables") or {}
            needed = set(_VARIABLE.findall(template))
            if needed - set(variables) or any(not str(variables.get(v) or "") for v in needed):
                return "3049", "템플릿 변수가 빠졌습니다"
            rendered = template
            for name in needed:
                rendered = rendered.replace(name, str(variables[name]))
            if len(rendered) > 1000:
                return "3051", "알림톡 1000자 초과"
            record.update(template_id=options["templateId"], variables=variables, text=rendered)
        else:
            return "1010", f"지원하지 않는 메시지 타입: {kind}"
        with self.lock:
            self.delivered.append(record)
        return None


# --- SMTP ---------------------------------------------------------------------------------------------------


@dataclass
class SmtpFake:
    """An SMTP server on loopback (aiosmtpd) that keeps every mail it is given; `stop()` takes it away, and
    a recipient in `unknown` is refused (550) as a mail server refuses a mailbox it does not have.

    With `tls` "starttls" it offers STARTTLS and takes no mail before it (530, as a submission server on 587
    does); with "implicit" it speaks TLS from the first byte (SMTPS on 465); either with `certificate` (the
    PEM files of its certificate and key). With `logins` it takes AUTH PLAIN/LOGIN only over TLS and refuses
    mail from anyone not logged in. Each mail kept says whether it came over TLS (X-Fake-TLS) and who logged
    in (X-Fake-Login)."""

    port: int = field(default_factory=free_port)
    mails: list[EmailMessage] = field(default_factory=list)
    unknown: set[str] = field(default_factory=set)
    tls: str = ""  # "" | "starttls" | "implicit"
    certificate: tuple[Path, Path] | None = None
    logins: dict[str, str] = field(default_factory=dict)
    _controller: Any = None

    def _server_context(self) -> ssl.SSLContext | None:
        if not self.tls:
            return None
        assert self.certificate is not None, "a TLS fake needs its certificate"
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*self.certificate)
        return context

    def start(self) -> SmtpFake:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        fake = self

        def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
            good = (
                isinstance(data, LoginPassword) and fake.logins.get(data.login.decode()) == data.password.decode()
            )
            if not good:  # handled=False: aiosmtpd answers 535 itself
                return AuthResult(success=False, handled=False)
            return AuthResult(success=True, auth_data=data.login.decode())

        class Handler:
            async def handle_MAIL(
                self, server: Any, session: Any, envelope: Any, address: str, options: Any
            ) -> str:
                if fake.logins and not session.authenticated:
                    return "530 5.7.0 Authentication required"
                envelope.mail_from = address
                envelope.mail_options.extend(options)
                return "250 OK"

            async def handle_RCPT(
                self, server: Any, session: Any, envelope: Any, address: str, options: Any
            ) -> str:
                if address in fake.unknown:
                    return "550 5.1.1 No such user here"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                mail = message_from_bytes(envelope.original_content, policy=policy.default)
                assert isinstance(mail, EmailMessage)
                mail["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
                mail["X-Fake-TLS"] = "yes" if server.transport.get_extra_info("ssl_object") else "no"
                mail["X-Fake-Login"] = str(session.auth_data or "")
                fake.mails.append(mail)
                return "250 OK"

        context = self._server_context()
        options: dict[str, Any] = {}
        if self.tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        elif self.tls == "implicit":
            options.update(ssl_context=context)
        if self.logins:
            options.update(authenticator=authenticate, auth_require_tls=True)
        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def self_signed_certificate(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A certificate for `host` (and localhost) signed by itself, as PEM files (certificate, key): the mail
    server's, and the CA a test's sender is told to trust (its `ca_file`)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mail.hanbit.test")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host)), x509.DNSName("localhost")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(  # what Python's default context (VERIFY_X509_STRICT) wants of a trusted certificate
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "mail-server.pem", folder / "mail-server.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


# --- KakaoTalk: posting skill requests as Open Builder does --------------------------------------------


@dataclass
class KakaoSkillClient:
    """Posts skill requests in Open Builder's format (SkillPayload) with the skill's secret header."""

    webhook_url: str
    secret: str
    header: str = "X-Skill-Secret"
    bot_id: str = "5f0c1b2a3d4e5f6a7b8c9d0e"

    def payload(self, user_id: str, utterance: str) -> dict[str, Any]:
        block = {"id": "60a1b2c3d4e5f6a7b8c9d0e1", "name": "폴백 블록"}
        return {
            "intent": {
                "id": block["id"],
                "name": block["name"],
                "extra": {"reason": {"code": 1, "message": "OK"}},
            },
            "userRequest": {
                "timezone": "Asia/Seoul",
                "params": {"ignoreMe": "true"},
                "block": block,
                "utterance": utterance,
                "lang": "ko",
                "user": {
                    "id": user_id,
                    "type": "botUserKey",
                    "properties": {"botUserKey": user_id, "bot_user_key": user_id},
                },
            },
            "bot": {"id": self.bot_id, "name": "한빛구 민원 챗봇"},
            "action": {
                "name": "민원 접수 스킬",
                "clientExtra": None,
                "params": {},
                "id": "61b2c3d4e5f6a7b8c9d0e1f2",
                "detailParams": {},
            },
            "contexts": [],
        }

    def post(self, body: bytes, headers: Mapping[str, str] | None = None) -> httpx.Response:
        sent = {"Content-Type": "application/json;charset=UTF-8", **(headers or {self.header: self.secret})}
        return httpx.post(self.webhook_url, content=body, headers=sent, timeout=30)

    def say(self, user_id: str, utterance: str) -> dict[str, Any]:
        response = self.post(json.dumps(self.payload(user_id, utterance), ensure_ascii=False).encode())
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        check_skill_response(answer)
        return answer


def check_skill_response(answer: Mapping[str, Any]) -> None:
    """What Kakao would refuse to show: SkillResponse v2.0 with 1 to 3 outputs, simpleText of at most 1,000
    characters, at most 10 quick replies of action "message" whose labels have at most 14 characters."""
    assert answer.get("version") == "2.0", answer
    outputs = answer["template"]["outputs"]
    assert 1 <= len(outputs) <= 3, outputs
    for output in outputs:
        text = output["simpleText"]["text"]
        assert isinstance(text, str) and 0 < len(text) <= 1000, output
    quick = answer["template"].get("quickReplies", [])
    assert len(quick) <= 10, quick
    for item in quick:
        assert item["action"] == "message" and item["messageText"], item
        assert 0 < len(item["label"]) <= 14, item


def quick_reply(answer: Mapping[str, Any], label_start: str) -> str:
    """The messageText of the quick reply whose label starts so (what pressing it sends)."""
    for item in answer["template"].get("quickReplies", []):
        if item["label"].startswith(label_start):
            return str(item["messageText"])
    raise AssertionError(f"no quick reply {label_start!r} in {answer}")


def skill_texts(answer: Mapping[str, Any]) -> str:
    return "\n".join(output["simpleText"]["text"] for output in answer["template"]["outputs"])


# --- Meta: signed webhook deliveries -------------------------------------------------------------------------


@dataclass
class MetaWebhookClient:
    """Posts Messenger (or Instagram) webhook events signed as Meta signs them, and tells the Graph fake
    that the citizen wrote (its reply window)."""

    webhook_url: str
    app_secret: str
    graph: GraphFake
    page_id: str = "104857600000001"
    instagram: bool = False

    def event(
        self, sender: str, text: str, *, mid: str | None = None, payload: str | None = None
    ) -> dict[str, Any]:
        stamp = int(time.time() * 1000)
        message: dict[str, Any] = {"mid": mid or f"m_{uuid.uuid4().hex}", "text": text}
        if payload is not None:
            message["quick_reply"] = {"payload": payload}
        return {
            "object": "instagram" if self.instagram else "page",
            "entry": [
                {
                    "id": self.page_id,
                    "time": stamp,
                    "messaging": [
                        {
                            "sender": {"id": sender},
                            "recipient": {"id": self.page_id},
                            "timestamp": stamp,
                            "message": message,
                        }
                    ],
                }
            ],
        }

    def sign(self, body: bytes) -> str:
        return "sha256=" + hmac.new(self.app_secret.encode(), body, hashlib.sha256).hexdigest()

    def post(self, body: bytes, signature: str | None = None) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if signature != "":
            headers["X-Hub-Signature-256"] = signature or self.sign(body)
        return httpx.post(self.webhook_url, content=body, headers=headers, timeout=30)

    def say(self, sender: str, text: str, *, mid: str | None = None, payload: str | None = None) -> httpx.Response:
        self.graph.citizen_wrote(sender, instagram=self.instagram)
        body = json.dumps(self.event(sender, text, mid=mid, payload=payload), ensure_ascii=False).encode()
        response = self.post(body)
        assert response.status_code == 200, response.text
        return response
