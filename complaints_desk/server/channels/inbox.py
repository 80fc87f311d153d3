"""A citizen's message, once its channel has verified and parsed it: put through the conversation
(domain.conversation), a case filed when the conversation is complete, a status asked for answered, and the
replies either handed back (a channel that answers inline) or written to the outbox in the same transaction.

Two ways in: a messenger's webhook writes the message to the inbox (store.central.inbox) and answers at once,
and the inbox worker takes it (`converse`, several messages a transaction); KakaoTalk's skill, which must
answer inline, takes its message on the request (`take_message`: the event id once, then `converse`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from ...domain.conversation import AnswerBy, Filing, Reply, StatusQuery, filed_reply, take
from ...domain.errors import DomainError
from ...domain.kinds import Kind
from ...domain.statuses import Status
from ...store.central import conversations, inbox, online, outbound
from ...store.central.online import CitizenView, Contact, OnlineFiling
from .base import InboundMessage, Messenger


@dataclass
class Taken:
    replies: list[Reply] = field(default_factory=list)
    filed: online.Filed | None = None
    duplicate: bool = False
    queued: int = 0  # replies written to the outbox


def take_message(
    session: Session, messenger: Messenger, message: InboundMessage, *, now: datetime | None = None
) -> Taken:
    """A message taken on the request (an inline channel): once per event id, then the conversation."""
    now = now or datetime.now(UTC)
    if not conversations.first_delivery(session, messenger.name, message.event_id, now=now):
        return Taken(duplicate=True)
    return converse(session, messenger, message, now=now)


@dataclass
class Prefetched:
    """What the inbox worker read for a whole batch in two statements instead of two a message: each
    citizen's conversation (locked) and the cases they filed from the platform. Valid because a batch holds
    at most one message of each citizen (store.central.inbox.claim_due). The cases whose citizen wrote
    again are collected and marked in one statement at the end (`note_all`)."""

    states: Mapping[tuple[str, str], dict[str, Any] | None]
    cases: Mapping[tuple[str, str], list[str]]
    noted: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, session: Session, citizens: list[tuple[str, str]]) -> Prefetched:
        states: dict[tuple[str, str], dict[str, Any] | None] = {}
        cases: dict[tuple[str, str], list[str]] = {}
        for platform in sorted({p for p, _ in citizens}):
            keys = sorted({u for p, u in citizens if p == platform})
            found = conversations.load_states(session, platform, keys)
            filed = online.case_ids_of_contacts(session, platform, keys)
            for user_key in keys:
                states[platform, user_key] = found.get(user_key)
                cases[platform, user_key] = filed.get(user_key, [])
        return cls(states, cases)

    def note_all(self, session: Session, now: datetime) -> None:
        online.note_inbound(session, sorted(set(self.noted)), now)


def converse(
    session: Session,
    messenger: Messenger,
    message: InboundMessage,
    *,
    now: datetime | None = None,
    prefetched: Prefetched | None = None,
) -> Taken:
    """One turn of the citizen's conversation, its filing and its replies (the event id is already taken)."""
    now = now or datetime.now(UTC)
    platform = messenger.name
    citizen = (platform, message.user_key)
    if prefetched is not None:
        state = prefetched.states[citizen]
    else:
        state = conversations.load_state(session, platform, message.user_key)
    turn = take(state, message.text, messenger.capabilities)
    taken = Taken(replies=list(turn.replies))
    if turn.status_query is not None:
        taken.replies.extend(status_replies(session, platform, message.user_key, turn.status_query))
    if turn.filing is not None:
        try:
            taken.filed = online.file_online(session, _filing(messenger, message, turn.filing, now), now=now)
        except DomainError as error:
            taken.replies.append(
                Reply(f"접수하지 못했습니다: {error.ko}\n처음부터 다시 하시려면 '민원'을 보내 주세요.")
            )
        else:
            taken.replies.append(
                filed_reply(
                    taken.filed.receipt_no,
                    online.due_text(taken.filed.due_at),
                    proposal=turn.filing.kind == Kind.PROPOSAL.value,
                )
            )
    if prefetched is not None:
        # No flush: the batch's writes go to the database together (the next query or the commit).
        conversations.save_state(
            session, platform, message.user_key, turn.state, now=now, existing=state is not None, flush=False
        )
        prefetched.noted += prefetched.cases[citizen]  # (a case filed just now has its contact's time already)
    else:
        conversations.save_state(session, platform, message.user_key, turn.state, now=now)
        cases = online.cases_of_contact(session, platform, message.user_key)
        online.note_inbound(session, [c.id for c in cases], now)
    if not messenger.answers_inline:
        for order, reply in enumerate(taken.replies):
            body: dict[str, Any] = reply.as_body()
            body["context"] = dict(message.context)
            outbound.enqueue(
                session,
                platform=platform,
                address=message.user_key,
                purpose="receipt"
                if taken.filed is not None and order == len(taken.replies) - 1
                else "conversation",
                body=body,
                case_id=taken.filed.case_id if taken.filed is not None else None,
                now=now,
                order_key=int(now.timestamp() * 1000) * 10 + order,
            )
            taken.queued += 1
    return taken


def arrival(message: InboundMessage) -> inbox.Arrival:
    """The message as the inbox keeps it until the worker takes it."""
    return inbox.Arrival(
        event_id=message.event_id,
        user_key=message.user_key,
        message={
            "event_id": message.event_id,
            "user_key": message.user_key,
            "text": message.text,
            "sent_at": message.sent_at.isoformat() if message.sent_at is not None else None,
            "display_name": message.display_name,
            "context": dict(message.context),
        },
    )


def from_inbox(kept: Mapping[str, Any]) -> InboundMessage:
    sent_at = kept.get("sent_at")
    return InboundMessage(
        event_id=str(kept["event_id"]),
        user_key=str(kept["user_key"]),
        text=str(kept.get("text") or ""),
        sent_at=datetime.fromisoformat(sent_at) if isinstance(sent_at, str) else None,
        display_name=str(kept.get("display_name") or ""),
        context=dict(kept.get("context") or {}),
    )


def _filing(messenger: Messenger, message: InboundMessage, filing: Filing, now: datetime) -> OnlineFiling:
    reply_channel = {
        AnswerBy.CHANNEL: messenger.channel.value,
        AnswerBy.ALIMTALK: "alimtalk",
        AnswerBy.SMS: "sms",
        AnswerBy.NONE: "none",
    }[filing.answer_by]
    return OnlineFiling(
        channel=messenger.channel,
        kind=Kind(filing.kind),
        title=filing.title,
        body=filing.body,
        name=filing.name,
        phone=filing.phone,
        place=filing.place,
        reply_channel=reply_channel,
        privacy_consent=filing.privacy_consent,
        contact=Contact(messenger.name, message.user_key, last_inbound_at=now),
        received_at=message.sent_at or now,
    )


_STATUS_WORDS = {
    Status.RECEIVED: "접수됨 (담당 부서 배정 전)",
    Status.ROUTED: "담당 부서로 배정됨",
    Status.IN_PROGRESS: "처리 중",
    Status.UNDER_REVIEW: "심사 중",
    Status.RETURNED: "담당 부서 다시 지정 중",
    Status.ANSWERED: "답변 완료",
    Status.ADOPTED: "채택",
    Status.NOT_ADOPTED: "불채택",
    Status.CLOSED: "종결",
}


def status_text(view: CitizenView) -> str:
    words = _STATUS_WORDS.get(Status(view.status), Status(view.status).korean)
    lines = [f"접수번호 {view.receipt_no}", f"제목: {view.title}", f"상태: {words}"]
    if view.department_name:
        lines.append(f"담당 부서: {view.department_name}")
    if view.status in (Status.ANSWERED.value, Status.CLOSED.value, Status.ADOPTED.value, Status.NOT_ADOPTED.value):
        if view.answer:
            lines += ["", view.answer]
    else:
        lines.append(f"처리기한: {online.due_text(view.due_at)}")
    return "\n".join(lines)


def status_replies(session: Session, platform: str, user_key: str, query: StatusQuery) -> list[Reply]:
    """A citizen's own cases on this platform: by number (only one they filed from here: numbers are
    sequential, so a number alone proves nothing), or the newest few."""
    mine = online.cases_of_contact(session, platform, user_key, limit=20)
    if query.receipt_no is not None:
        found = next((c for c in mine if c.receipt_no == query.receipt_no), None)
        if found is None:
            return [
                Reply(
                    f"이 대화에서 접수하신 민원 중 접수번호 {query.receipt_no}를 찾지 못했습니다.\n"
                    "다른 경로로 접수하신 민원은 인터넷 민원 조회(접수번호와 전화번호 끝 네 자리)나 전화로 확인해 주세요."
                )
            ]
        return [Reply(status_text(online.citizen_view(session, found)))]
    if not mine:
        return [Reply("이 대화에서 접수하신 민원이 없습니다. 민원을 남기시려면 '민원'을 보내 주세요.")]
    return [Reply("\n\n".join(status_text(online.citizen_view(session, c)) for c in mine[:3]))]
