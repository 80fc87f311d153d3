"""What every channel module under server/channels/ provides (its `ADAPTER`), and what it is handed.

A messenger channel verifies a webhook delivery (a signature, a secret header), parses it into messages,
and delivers what the server sends back; the rest (de-duplication, the conversation, filing the case, the
outbox and its retries) is shared (server/channels/inbox.py, worker.py). A sender without a webhook (SMS,
알림톡, e-mail) provides only `deliver`. Adding one more channel is one more module: the registry finds it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Protocol

from fastapi import Response

from ...domain.channels import Channel
from ...domain.conversation import Capabilities, Reply
from ...store.central.outbound import Outgoing


@dataclass(frozen=True)
class WebhookRequest:
    """One delivery to /webhooks/{name}: the raw body (signatures are over the exact bytes), the headers
    (lower-cased names), the query string and the path's extra part."""

    body: bytes
    headers: Mapping[str, str]
    query: Mapping[str, str]
    client: str = ""
    path: str = ""


@dataclass(frozen=True)
class InboundMessage:
    """One message a citizen sent: `event_id` is the platform's own id for the delivery (the same event
    delivered twice makes one case), `user_key` the citizen on the platform (what answers are sent to)."""

    event_id: str
    user_key: str
    text: str
    sent_at: datetime | None = None
    display_name: str = ""
    context: Mapping[str, Any] = field(default_factory=dict)  # e.g. LINE's reply token, Meta's page


class ChannelRefused(Exception):
    """A delivery the channel will not take: 401/403 for a signature or secret, 400 for a malformed body."""

    def __init__(self, status: int, reason: str, message: str) -> None:
        super().__init__(message)
        self.status, self.reason, self.message = status, reason, message


class DeliveryError(Exception):
    """A message the platform did not take. `retryable`: try again later (the platform is down, 5xx, 429);
    otherwise it failed for good (a blocked bot, an unknown user). `retry_after`: the seconds the platform
    said to wait before the next try (Telegram's parameters.retry_after, a Retry-After header), which the
    outbox honours over its own backoff. `pieces_sent`: how many pieces of a message cut in several (a long
    text) the platform took before this failure, so that the next try sends only the rest."""

    def __init__(
        self, message: str, *, retryable: bool = True, retry_after: float | None = None, pieces_sent: int = 0
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.pieces_sent = pieces_sent


def send_pieces(count: int, already_sent: int, send: Callable[[int], None]) -> None:
    """Send the pieces of a message cut in several (`send(index)` for each, in order), skipping the first
    `already_sent` that an earlier try delivered: the citizen never gets a piece twice. A failure is raised
    with how many pieces this try delivered (DeliveryError.pieces_sent), which the outbox adds up."""
    for index in range(min(max(0, already_sent), count), count):
        try:
            send(index)
        except DeliveryError as error:
            error.pieces_sent = index - already_sent
            raise


class WindowClosed(DeliveryError):
    """The platform no longer lets the office write to this citizen (Meta's 24 hours): send another way."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=False)


class Sender(Protocol):
    name: ClassVar[str]  # the outbox's platform value

    def deliver(self, message: Outgoing, settings: Mapping[str, str]) -> None:
        """Send one message; raise DeliveryError (or WindowClosed) when the platform did not take it."""


class Messenger(Sender, Protocol):
    channel: ClassVar[Channel]  # the case's channel
    capabilities: ClassVar[Capabilities]
    # True: the replies go in the webhook's own answer (Kakao's SkillResponse), not through the outbox.
    answers_inline: ClassVar[bool]

    def configured(self, settings: Mapping[str, str]) -> bool:
        """Whether the administrator set what this channel needs (its webhook refuses deliveries otherwise)."""

    def verify(self, request: WebhookRequest, settings: Mapping[str, str]) -> None:
        """Raise ChannelRefused unless the delivery comes from the platform."""

    def parse(self, request: WebhookRequest) -> Sequence[InboundMessage]:
        """The messages in a verified delivery; raise ChannelRefused(400, …) for a malformed one."""

    def inline_response(self, replies: Sequence[Reply], request: WebhookRequest) -> Response:
        """The webhook's answer when `answers_inline` (or an acknowledgement the platform expects)."""

    def handshake(self, request: WebhookRequest, settings: Mapping[str, str]) -> Response | None:
        """A GET the platform sends to check the webhook (Meta's hub.challenge); None: 405."""
