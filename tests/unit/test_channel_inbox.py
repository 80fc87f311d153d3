"""The messengers' inbox on SQLite and PostgreSQL: a message the webhook took in is kept once, taken up by the
inbox worker (the conversation's reply in the outbox, the row done and its text dropped), still taken up when
the worker that claimed it died before taking it, a citizen's messages taken in the order they came, and a
message whose taking fails kept for another try instead of lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from complaints_desk.server.channels.base import InboundMessage
from complaints_desk.server.channels.inbox import arrival
from complaints_desk.server.channels.inbox_worker import InboxWorker
from complaints_desk.store.central import inbox
from complaints_desk.store.central.channel_tables import ChannelInbound, OutboundMessage
from complaints_desk.store.central.conversations import first_delivery
from complaints_desk.store.db import transaction


def _message(event_id: str, user: str, text: str) -> inbox.Arrival:
    return arrival(InboundMessage(event_id=event_id, user_key=user, text=text, context={"note": "kept"}))


def _accept(factory, platform: str, *arrivals: inbox.Arrival) -> int:  # type: ignore[no-untyped-def]
    with transaction(factory) as session:
        return inbox.accept(session, platform, list(arrivals))


def _replies_to(factory, user: str) -> list[str]:  # type: ignore[no-untyped-def]
    with factory() as session:
        rows = session.execute(
            select(OutboundMessage).where(OutboundMessage.address == user).order_by(OutboundMessage.order_key)
        ).scalars()
        return [str(row.body["text"]) for row in rows]


def _row(factory, platform: str, event_id: str) -> ChannelInbound:  # type: ignore[no-untyped-def]
    with factory() as session:
        row = session.get(ChannelInbound, (platform, event_id))
        assert isinstance(row, ChannelInbound)
        session.expunge(row)
        return row


def test_a_delivery_is_kept_once_and_taken_through_the_conversation(session_factory) -> None:  # type: ignore[no-untyped-def]
    assert _accept(session_factory, "telegram", _message("101", "5001", "민원")) == 1
    assert _accept(session_factory, "telegram", _message("101", "5001", "민원")) == 0  # delivered again
    with transaction(session_factory) as session:
        assert first_delivery(session, "telegram", "101") is False  # one list of event ids for both ways in
    worker = InboxWorker(session_factory)
    assert worker.run_once() == 1
    assert worker.run_once() == 0
    [reply] = _replies_to(session_factory, "5001")
    assert "불편하신 점" in reply
    row = _row(session_factory, "telegram", "101")
    assert (row.status, row.message, row.claim) == ("done", None, None)  # the citizen's words are on the case


def test_a_message_whose_worker_died_after_claiming_it_is_taken_after_the_lease(session_factory) -> None:  # type: ignore[no-untyped-def]
    _accept(session_factory, "telegram", _message("201", "5002", "민원"))
    claimed_at = datetime.now(UTC) - inbox.LEASE - timedelta(seconds=1)
    with transaction(session_factory) as session:
        dead = inbox.claim_due(session, now=claimed_at)  # claimed, then the process died: never taken
    assert [row.event_id for row in dead.rows] == ["201"]
    with transaction(session_factory) as session:
        assert inbox.claim_due(session, now=claimed_at + timedelta(seconds=5)).rows == []  # its lease holds

    assert InboxWorker(session_factory).run_once() == 1  # the lease has passed: another worker takes it
    assert len(_replies_to(session_factory, "5002")) == 1
    with transaction(session_factory) as session:
        late = inbox.settle_claimed(session, dead, [("telegram", "201")])
    assert late == set()  # the dead worker's claim, were it to wake up, settles nothing: taken once
    assert len(_replies_to(session_factory, "5002")) == 1


def test_a_citizens_messages_are_taken_in_the_order_they_came(session_factory) -> None:  # type: ignore[no-untyped-def]
    _accept(session_factory, "telegram", _message("301", "5003", "민원"), _message("302", "5003", "도움말"))
    _accept(session_factory, "telegram", _message("303", "5004", "민원"))
    with transaction(session_factory) as session:
        first = inbox.claim_due(session)
    # One message of each citizen: 5003's second waits while the first is pending (claimed by anyone).
    assert sorted(row.event_id for row in first.rows) == ["301", "303"]
    with transaction(session_factory) as session:
        assert inbox.claim_due(session).rows == []
        inbox.settle_claimed(session, first, [row.key for row in first.rows])
    with transaction(session_factory) as session:
        assert [row.event_id for row in inbox.claim_due(session).rows] == ["302"]


def test_a_message_that_cannot_be_taken_is_kept_for_another_try(session_factory) -> None:  # type: ignore[no-untyped-def]
    _accept(session_factory, "retired-channel", _message("401", "5005", "민원"))  # no such messenger now
    _accept(session_factory, "telegram", _message("402", "5006", "민원"))
    worker = InboxWorker(session_factory)
    assert worker.run_once() == 2  # the batch failed on one: each alone, the good one taken
    assert len(_replies_to(session_factory, "5006")) == 1
    kept = _row(session_factory, "retired-channel", "401")
    assert (kept.status, kept.attempts) == ("pending", 1)
    assert kept.message is not None and kept.message["text"] == "민원" and "LookupError" in kept.last_error
    assert worker.run_once() == 0  # not before its backoff
    with transaction(session_factory) as session:
        for day in range(1, inbox.MAX_ATTEMPTS):
            later = datetime.now(UTC) + timedelta(days=day)
            claim = inbox.claim_due(session, now=later)
            for row in claim.rows:
                inbox.mark_failed(session, claim, row.key, "LookupError: still gone", now=later)
    failed = _row(session_factory, "retired-channel", "401")
    assert failed.status == "failed" and failed.message is not None  # kept for a person, not dropped


def _give_up_on(factory, event_id: str) -> None:  # type: ignore[no-untyped-def]
    """The worker's fate for a message whose taking raises every time (a bug): MAX_ATTEMPTS failures."""
    with transaction(factory) as session:
        for day in range(inbox.MAX_ATTEMPTS):
            later = datetime.now(UTC) + timedelta(days=day + 1)
            claim = inbox.claim_due(session, now=later)
            for row in claim.rows:
                if row.event_id == event_id:
                    inbox.mark_failed(session, claim, row.key, "KeyError: 'step'", now=later)


def test_a_message_given_up_on_is_listed_for_a_person_and_taken_when_put_back(session_factory) -> None:  # type: ignore[no-untyped-def]
    _accept(session_factory, "telegram", _message("501", "5007", "민원"))
    _accept(session_factory, "telegram", _message("502", "5008", "민원"))
    _give_up_on(session_factory, "501")
    with transaction(session_factory) as session:
        assert inbox.failed_count(session) == 1
        [failed] = inbox.failed_messages(session)
    assert (failed.platform, failed.event_id, failed.user_key) == ("telegram", "501", "5007")
    assert failed.text == "민원" and "KeyError" in failed.last_error and failed.attempts == inbox.MAX_ATTEMPTS
    assert _replies_to(session_factory, "5007") == []  # the citizen has had no answer

    with transaction(session_factory) as session:
        assert inbox.retry_failed(session, [("telegram", "999")]) == 0  # no such failed message
        assert inbox.retry_failed(session, [("telegram", "501")]) == 1
    worker = InboxWorker(session_factory)
    worker.run_once()
    [reply] = _replies_to(session_factory, "5007")
    assert "불편하신 점" in reply
    with transaction(session_factory) as session:
        assert inbox.failed_count(session) == 0 and inbox.failed_messages(session) == []
    assert _row(session_factory, "telegram", "501").status == "done"
