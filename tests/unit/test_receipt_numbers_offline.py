"""Receipt numbers issued without the server's word (an offline unlock) come from the clock range: they never
run ahead of the clock, so none can repeat a number issued before a restore from a backup; and a local intake
the server refuses never blocks a pull."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.events import EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.receipts import (
    CLOCK_FIRST_SEQUENCE,
    RECEIPT_ZONE,
    ClockBehind,
    ReceiptNumber,
    clock_sequence,
    next_offline_receipt_number,
    parse_receipt_number,
)
from complaints_desk.domain.roles import Actor, Role
from complaints_desk.store import reference
from complaints_desk.store.cases import load_case
from complaints_desk.store.db import transaction
from complaints_desk.store.intake import Intake
from complaints_desk.store.local import outbox
from complaints_desk.store.local.pull import apply_pull_page
from complaints_desk.store.local.rebase import ServerEvent
from tests.support import event, received_payload

CLERK = Actor(new_id(), Role.CLERK, None, "이창구")
MIDNIGHT = datetime(2026, 11, 20, tzinfo=RECEIPT_ZONE)


def test_the_clock_range_starts_above_the_counter_range_and_fits_six_digits() -> None:
    assert clock_sequence(MIDNIGHT) == CLOCK_FIRST_SEQUENCE == 5000
    last = clock_sequence(MIDNIGHT + timedelta(days=1) - timedelta(milliseconds=1))
    assert last == 868_999
    assert str(ReceiptNumber(MIDNIGHT.date(), "C01", last)) == "20261120-C01-868999"
    assert parse_receipt_number("20261120-C01-868999").sequence == last
    assert clock_sequence((MIDNIGHT + timedelta(hours=9)).astimezone(UTC)) == 5000 + 9 * 3600 * 10


def test_two_intakes_in_one_tenth_of_a_second_wait_rather_than_run_ahead_of_the_clock() -> None:
    at = MIDNIGHT + timedelta(hours=10, milliseconds=30)
    first = next_offline_receipt_number(at, "C01", None)
    with pytest.raises(ClockBehind) as behind:
        next_offline_receipt_number(at + timedelta(milliseconds=50), "C01", first)
    assert 0 < behind.value.retry_after <= 0.1
    second = next_offline_receipt_number(at + timedelta(milliseconds=100), "C01", first)
    assert second.sequence == first.sequence + 1


def test_numbers_after_a_restore_never_repeat_one_issued_before_it() -> None:
    """Bursts of intakes, a restore to any earlier state (its last number), more bursts: no repeats."""
    rng = random.Random(7)
    for _ in range(200):
        clock = MIDNIGHT + timedelta(hours=rng.uniform(8, 17))
        issued: list[ReceiptNumber] = []
        states: list[ReceiptNumber | None] = [None]
        last: ReceiptNumber | None = None
        for _ in range(rng.randint(1, 40)):
            clock += timedelta(milliseconds=rng.choice((0, 10, 90, 100, 2000, 60_000)))
            while True:
                try:
                    last = next_offline_receipt_number(clock, "C07", last)
                    break
                except ClockBehind as behind:
                    clock += timedelta(seconds=behind.retry_after)
            issued.append(last)
            states.append(last)
        last = rng.choice(states)  # the backup: the data folder as it was at some earlier point
        clock += timedelta(minutes=rng.uniform(0.01, 30))  # restoring takes a while
        after: list[ReceiptNumber] = []
        for _ in range(rng.randint(1, 20)):
            while True:
                try:
                    last = next_offline_receipt_number(clock, "C07", last)
                    break
                except ClockBehind as behind:
                    clock += timedelta(seconds=behind.retry_after)
            after.append(last)
            clock += timedelta(milliseconds=rng.choice((0, 50, 100, 5000)))
        assert not set(after) & set(issued)
        assert [n.sequence for n in after] == sorted({n.sequence for n in after})


def _local_intake(session: Session, *, offline: bool) -> str:
    reference.ensure_station(session, "C03", "창구 3번")
    state = outbox.record_local_intake(
        session,
        Intake(
            Kind.GRIEVANCE, Channel.COUNTER, "가로등 고장 신고", "한빛로 12 앞 가로등이 꺼져 있습니다.", "홍길동"
        ),
        actor=CLERK,
        station_code="C03",
        offline=offline,
    )
    return state.receipt_no


def test_offline_intakes_number_from_the_clock_and_the_counter_never_reaches_them(
    session_factory: sessionmaker[Session],
) -> None:
    with transaction(session_factory) as session:
        online = _local_intake(session, offline=False)
        offline = [_local_intake(session, offline=True) for _ in range(3)]  # quicker than a tick: they wait
        after = _local_intake(session, offline=False)  # online again, the same day: past 4999 already
    assert parse_receipt_number(online).sequence == 1
    sequences = [parse_receipt_number(n).sequence for n in offline]
    assert sequences == sorted(set(sequences)) and sequences[0] >= CLOCK_FIRST_SEQUENCE
    assert parse_receipt_number(after).sequence > sequences[-1]


def test_a_refused_local_intake_never_blocks_the_pull(session_factory: sessionmaker[Session]) -> None:
    """Our intake holds a number the server already gave another case (a restored workstation): the pull
    stores the server's case, ours stays, set aside, and shows the server's reason once it answers."""
    with transaction(session_factory) as session:
        reference.ensure_station(session, "C03", "창구 3번")
        mine = outbox.record_local_intake(
            session,
            Intake(Kind.GRIEVANCE, Channel.COUNTER, "우리 접수", "한빛로 12 가로등", "홍길동"),
            actor=CLERK,
            station_code="C03",
            offline=False,
        )
    theirs = event(EventType.RECEIVED, new_id(), payload=received_payload(receipt_no=mine.receipt_no))
    with transaction(session_factory) as session:
        apply_pull_page(session, [ServerEvent(theirs, 1, 1, datetime.now(UTC))], next_after=1)
    with transaction(session_factory) as session:
        pulled, local = load_case(session, theirs.case_id), load_case(session, mine.id)
        assert pulled is not None and pulled.receipt_no == mine.receipt_no
        assert local is not None and local.receipt_no == "X" + mine.receipt_no
        received = outbox.pending_batch(session, 10)[0].event
        outbox.settle_push(
            session,
            [
                _Refusal(
                    received.id,
                    "receipt_reused",
                    f"이미 사용된 접수번호입니다: {mine.receipt_no}",
                    f"Receipt number {mine.receipt_no} is already used.",
                )
            ],
        )
    later = event(EventType.NOTE_ADDED, theirs.case_id, payload={"text": "메모"}, base_version=1)
    with transaction(session_factory) as session:
        apply_pull_page(session, [ServerEvent(later, 2, 2, datetime.now(UTC))], next_after=2)  # goes on
        refused = outbox.rejected_events(session, case_id=mine.id)
        assert [r.reason for r in refused] == ["receipt_reused"] and refused[0].message_ko
        assert load_case(session, theirs.case_id).version == 2  # type: ignore[union-attr]


class _Refusal:
    def __init__(self, event_id: str, reason: str, ko: str, en: str) -> None:
        self.id, self.status, self.seq, self.reason = event_id, "rejected", None, reason
        self.field: str | None = "receipt_no"
        self.message_ko: str | None = ko
        self.message_en: str | None = en
        self.case: dict[str, object] | None = None
