"""E-mail: the answer to a case whose citizen asked to be answered by mail and gave an e-mail address
(domain.replies routes "email" here), sent over SMTP (smtplib) to the office's mail server.

Settings: `host`, `port` (587 with STARTTLS, 465 with `ssl`, else 25), `from` (the office's address, with a
display name if wanted), `starttls` (default on), `ssl`, `ca_file` (the CA that signed the mail server's
certificate when it is not one the system trusts, e.g. the office's own; the certificate is always checked,
name included), `username` / `password` when the server wants a login (only ever sent over TLS: smtplib
refuses AUTH without it unless the server offers it in the clear), `subject_prefix`. A mail server that is away or answers 4xx is tried again; 5xx (an unknown recipient,
a refused sender) fails for good and is recorded on the case."""

from __future__ import annotations

import base64
import smtplib
import ssl
from collections.abc import Mapping
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from typing import ClassVar

from ...domain.replies import EMAIL
from ...store.central.outbound import Outgoing
from .base import DeliveryError, Sender
from .platform_http import flag

TIMEOUT_SECONDS = 20.0
DEFAULT_SUBJECT = "민원 처리 결과 안내"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _address(text: str, what: str) -> str:
    name, address = parseaddr(_one_line(text))
    if "@" not in address or address.startswith("@") or address.endswith("@") or " " in address:
        raise DeliveryError(f"not an e-mail address ({what})", retryable=False)
    try:
        Address(addr_spec=address)
    except (ValueError, IndexError):
        raise DeliveryError(f"not an e-mail address ({what})", retryable=False) from None
    return address if not name else f"{name} <{address}>"


def compose(message: Outgoing, settings: Mapping[str, str]) -> EmailMessage:
    body = message.body
    mail = EmailMessage()
    sender = _address(str(settings.get("from", "")), "from")
    mail["From"] = sender
    mail["To"] = _address(message.address, "to")
    receipt, title = _one_line(str(body.get("receipt_no") or "")), _one_line(str(body.get("title") or ""))
    prefix = _one_line(settings.get("subject_prefix") or "")
    subject = f"[{DEFAULT_SUBJECT}] 접수번호 {receipt} {title}".strip() if receipt else DEFAULT_SUBJECT
    mail["Subject"] = f"{prefix} {subject}".strip()
    mail["Date"] = format_datetime(datetime.now(UTC))
    mail["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    mail.set_content(str(body.get("text") or "").strip() + "\n")
    return mail


def _port(settings: Mapping[str, str]) -> int:
    given = str(settings.get("port") or "").strip()
    if given:
        try:
            return int(given)
        except ValueError:
            raise DeliveryError("the mail server's port is not a number", retryable=False) from None
    if flag(settings, "ssl"):
        return 465
    return 587 if flag(settings, "starttls", default=True) else 25


def send(mail: EmailMessage, settings: Mapping[str, str]) -> None:
    host = str(settings.get("host") or "").strip()
    if not host:
        raise DeliveryError("the mail server (host) is not configured", retryable=False)
    port, context = _port(settings), _tls_context(settings)
    client: smtplib.SMTP
    if flag(settings, "ssl"):
        client = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_SECONDS, context=context)
    else:
        client = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
    with client:
        if not flag(settings, "ssl") and flag(settings, "starttls", default=True):
            client.starttls(context=context)
        if settings.get("username"):
            _login(client, str(settings["username"]), str(settings.get("password", "")))
        client.send_message(mail)


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib's login sends only ASCII; a Korean password (RFC 4616 allows UTF-8) goes as AUTH PLAIN here."""
    if user.isascii() and password.isascii():
        client.login(user, password)
        return
    client.ehlo_or_helo_if_needed()
    if "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
        raise DeliveryError(
            "the mail server does not take AUTH PLAIN, which a non-ASCII login needs", retryable=False
        )
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode("ascii")
    code, answer = client.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, answer)


def _tls_context(settings: Mapping[str, str]) -> ssl.SSLContext:
    ca_file = str(settings.get("ca_file") or "").strip()
    try:
        return ssl.create_default_context(cafile=ca_file or None)
    except (OSError, ssl.SSLError):
        raise DeliveryError("the mail server's CA file (ca_file) cannot be read", retryable=False) from None


class EmailSender:
    name: ClassVar[str] = EMAIL

    def deliver(self, message: Outgoing, settings: Mapping[str, str]) -> None:
        mail = compose(message, settings)
        try:
            send(mail, settings)
        except smtplib.SMTPRecipientsRefused:
            raise DeliveryError("the mail server refused the recipient", retryable=False) from None
        except smtplib.SMTPNotSupportedError as error:
            raise DeliveryError(f"the mail server does not support it: {error}"[:300], retryable=False) from None
        except smtplib.SMTPResponseException as error:  # sender refused, data refused, authentication …
            text = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else ""
            raise DeliveryError(
                f"the mail server answered {error.smtp_code}: {text[:200]}", retryable=400 <= error.smtp_code < 500
            ) from None
        except ssl.SSLCertVerificationError as error:  # a certificate we do not trust: no use trying again
            raise DeliveryError(
                f"the mail server's certificate is not trusted: {error.verify_message}"[:300], retryable=False
            ) from None
        except (smtplib.SMTPException, OSError) as error:  # away, disconnected, timed out, TLS failed
            raise DeliveryError(
                f"the mail server is unreachable: {type(error).__name__}", retryable=True
            ) from None


ADAPTER: Sender = EmailSender()
