"""The senders against their platforms' fakes, without a server: what each platform refuses is a DeliveryError
that says whether trying again can help (the outbox worker retries the first kind, records the second on the
case); a HUMAN_AGENT answer on Meta; a title that would break a mail header stays one line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from complaints_desk.server.channels.base import DeliveryError, WindowClosed
from complaints_desk.server.channels.email import ADAPTER as EMAIL
from complaints_desk.server.channels.meta import ADAPTER as META
from complaints_desk.server.channels.sms import ADAPTERS
from complaints_desk.store.central.outbound import Outgoing
from tests.integration.channel_fakes_km import GraphFake, SmtpFake, SolapiFake, self_signed_certificate

SMS, ALIMTALK = ADAPTERS
NOW = datetime.now(UTC)


def outgoing(platform: str, address: str, body: dict[str, Any], *, last: datetime | None = None) -> Outgoing:
    return Outgoing("m1", "c1", platform, address, "answer", body, 0, NOW, last, "")


@pytest.fixture
def graph() -> Iterator[GraphFake]:
    fake = GraphFake(page_token="PAGE", app_secret="APP")
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def solapi() -> Iterator[SolapiFake]:
    fake = SolapiFake(
        api_key="KEY", api_secret="SECRET", senders={"0212345678"}, pf_id="PF", templates={"T": "#{접수번호}"}
    )
    fake.start()
    yield fake
    fake.stop()


def meta_settings(graph: GraphFake, **extra: str) -> dict[str, str]:
    return {"app_secret": "APP", "verify_token": "V", "page_token": "PAGE", "api_base": graph.base_url, **extra}


def test_meta_answers_up_to_seven_days_later_with_the_human_agent_tag(graph: GraphFake) -> None:
    graph.citizen_wrote("psid-1")
    graph.advance(hours=72)
    three_days_ago = NOW - timedelta(hours=72)
    message = outgoing(
        "meta",
        "psid-1",
        {"text": "답변입니다", "buttons": [{"label": "처리상황 조회", "value": "상태"}]},
        last=three_days_ago,
    )
    with pytest.raises(WindowClosed):
        META.deliver(message, meta_settings(graph))
    META.deliver(message, meta_settings(graph, human_agent="yes"))
    [sent] = graph.sent
    assert (sent["messaging_type"], sent["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")
    assert sent["quick_replies"] == [{"content_type": "text", "title": "처리상황 조회", "payload": "상태"}]


def test_meta_refusals_say_whether_to_try_again(graph: GraphFake) -> None:
    graph.citizen_wrote("psid-2")
    message = outgoing("meta", "psid-2", {"text": "x" * 4500})
    META.deliver(message, meta_settings(graph))
    assert [len(m["text"]) for m in graph.sent] == [2000, 2000, 500]  # long text: several messages
    with pytest.raises(DeliveryError) as bad_token:
        META.deliver(message, {**meta_settings(graph), "page_token": "WRONG"})
    assert not bad_token.value.retryable
    graph.fail_next(1)
    with pytest.raises(DeliveryError) as down:
        META.deliver(message, meta_settings(graph))
    assert down.value.retryable
    with pytest.raises(DeliveryError) as unknown:
        META.deliver(outgoing("meta", "psid-never-wrote", {"text": "x"}), meta_settings(graph))
    assert not unknown.value.retryable


def solapi_settings(fake: SolapiFake, **extra: str) -> dict[str, str]:
    return {"api_key": "KEY", "api_secret": "SECRET", "sender": "02-1234-5678", "api_base": fake.base_url, **extra}


def test_a_short_text_goes_as_sms_and_the_provider_refusals_are_sorted(solapi: SolapiFake) -> None:
    SMS.deliver(outgoing("sms", "010-1111-2222", {"text": "답변이 등록되었습니다."}), solapi_settings(solapi))
    [sent] = solapi.to("01011112222")
    assert (sent["type"], sent["from"]) == ("SMS", "0212345678")
    with pytest.raises(DeliveryError) as wrong_secret:
        SMS.deliver(outgoing("sms", "01011112222", {"text": "x"}), {**solapi_settings(solapi), "api_secret": "NO"})
    assert not wrong_secret.value.retryable and "SignatureDoesNotMatch" in str(wrong_secret.value)
    with pytest.raises(DeliveryError) as unregistered:
        SMS.deliver(outgoing("sms", "01011112222", {"text": "x"}), solapi_settings(solapi, sender="0299998888"))
    assert not unregistered.value.retryable and "1035" in str(unregistered.value)
    solapi.fail_next(1)
    with pytest.raises(DeliveryError) as down:
        SMS.deliver(outgoing("sms", "01011112222", {"text": "x"}), solapi_settings(solapi))
    assert down.value.retryable


def test_alimtalk_needs_the_channel_and_an_approved_template(solapi: SolapiFake) -> None:
    body = {"text": "…", "receipt_no": "20261201-K01-0001", "title": "t", "answer": "a", "link": ""}
    settings = solapi_settings(solapi, pf_id="PF", template_id="T", template_variables="접수번호")
    ALIMTALK.deliver(outgoing("alimtalk", "01011112222", body), settings)
    [sent] = solapi.to("01011112222")
    assert sent["text"] == "20261201-K01-0001"
    for wrong in ({"template_id": "NOT-APPROVED"}, {"pf_id": "OTHER"}):
        with pytest.raises(DeliveryError) as refused:
            ALIMTALK.deliver(outgoing("alimtalk", "01011112222", body), {**settings, **wrong})
        assert not refused.value.retryable
    with pytest.raises(DeliveryError):
        ALIMTALK.deliver(outgoing("alimtalk", "01011112222", {"text": "no answer"}), settings)


def test_a_mail_is_one_line_per_header_and_refusals_are_sorted() -> None:
    mail = SmtpFake()
    mail.unknown.add("nobody@example.kr")
    mail.start()
    settings = {
        "host": "127.0.0.1",
        "port": str(mail.port),
        "from": "민원실 <minwon@hanbit.go.kr>",
        "starttls": "no",
    }
    body = {
        "text": "답변\n<script>alert(1)</script>",
        "receipt_no": "20261201-W01-0001",
        "title": "제목\r\nBcc: x@y",
    }
    try:
        EMAIL.deliver(outgoing("email", "citizen@example.kr", body), settings)
        [sent] = mail.mails
        assert sent["Subject"] == "[민원 처리 결과 안내] 접수번호 20261201-W01-0001 제목 Bcc: x@y"
        assert sent["Bcc"] is None and "<script>alert(1)</script>" in sent.get_content()
        with pytest.raises(DeliveryError) as unknown:
            EMAIL.deliver(outgoing("email", "nobody@example.kr", body), settings)
        assert not unknown.value.retryable
        with pytest.raises(DeliveryError) as bad_address:
            EMAIL.deliver(outgoing("email", "not-an-address", body), settings)
        assert not bad_address.value.retryable
    finally:
        mail.stop()
    with pytest.raises(DeliveryError) as away:
        EMAIL.deliver(outgoing("email", "citizen@example.kr", body), settings)
    assert away.value.retryable


MAIL_BODY = {"text": "가로등을 교체했습니다.", "receipt_no": "20261201-W01-0002", "title": "가로등 고장"}


def test_a_mail_goes_over_starttls_with_a_login_and_only_to_a_server_whose_certificate_is_trusted(
    tmp_path: Path,
) -> None:
    certificate = self_signed_certificate(tmp_path)
    mail = SmtpFake(tls="starttls", certificate=certificate, logins={"minwon": "비밀-pass-2026"}).start()
    settings = {
        "host": "127.0.0.1",
        "port": str(mail.port),
        "from": "민원실 <minwon@hanbit.go.kr>",
        "ca_file": str(certificate[0]),
        "username": "minwon",
        "password": "비밀-pass-2026",
    }  # starttls: on by default
    try:
        EMAIL.deliver(outgoing("email", "citizen@example.kr", MAIL_BODY), settings)
        [sent] = mail.mails
        assert (sent["X-Fake-TLS"], sent["X-Fake-Login"]) == ("yes", "minwon")
        assert "가로등을 교체했습니다." in sent.get_content()

        untrusted = {key: value for key, value in settings.items() if key != "ca_file"}
        with pytest.raises(DeliveryError, match="not trusted") as refused:
            EMAIL.deliver(outgoing("email", "citizen@example.kr", MAIL_BODY), untrusted)
        assert not refused.value.retryable  # trying again will not make the certificate trusted
        with pytest.raises(DeliveryError, match="535") as wrong_password:
            EMAIL.deliver(outgoing("email", "citizen@example.kr", MAIL_BODY), {**settings, "password": "x"})
        assert not wrong_password.value.retryable
        with pytest.raises(DeliveryError, match="ca_file"):
            EMAIL.deliver(outgoing("email", "citizen@example.kr", MAIL_BODY), {**settings, "ca_file": "/nowhere"})
        assert len(mail.mails) == 1  # nothing went in the clear, nothing to an untrusted server
    finally:
        mail.stop()


def test_a_mail_goes_over_implicit_tls_when_the_settings_say_ssl(tmp_path: Path) -> None:
    certificate = self_signed_certificate(tmp_path)
    mail = SmtpFake(tls="implicit", certificate=certificate).start()
    settings = {
        "host": "127.0.0.1",
        "port": str(mail.port),
        "from": "민원실 <minwon@hanbit.go.kr>",
        "ssl": "true",
        "ca_file": str(certificate[0]),
    }
    try:
        EMAIL.deliver(outgoing("email", "citizen@example.kr", MAIL_BODY), settings)
        [sent] = mail.mails
        assert sent["X-Fake-TLS"] == "yes" and sent["X-Envelope-To"] == "citizen@example.kr"
    finally:
        mail.stop()
