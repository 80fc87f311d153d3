"""A reprint tells the day of receipt and, beside it, what changed since: an extension, a clock stopped for
a supplement, a transfer to another agency, a withdrawal. Every receipt written by the command line is
recorded, so the next one says 재발급."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from documents_support import NOW, make_samples, pdf_text, render

from complaints_desk.cli import main
from complaints_desk.documents.formatting import due_ko
from complaints_desk.documents.receipt import ReceiptOptions, build_receipt_pdf
from complaints_desk.domain.events import EventType
from complaints_desk.store import reports
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, sqlite_url, transaction
from complaints_desk.store.demo.samples import add, intake
from complaints_desk.store.models import EventRow


def _text(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def _reprint(factory, receipt_no: str) -> str:  # type: ignore[no-untyped-def]
    with transaction(factory) as session:
        facts = reports.receipt_facts(session, receipt_no)
        office = reports.office_info(session)
    pdf = build_receipt_pdf(facts, office, ReceiptOptions(issued_at=NOW, reprint=True))
    return _text(pdf)


def test_an_extended_case_reprints_its_original_due_date_and_the_extension(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    _people, cases = make_samples(sqlite_session_factory)
    extended = cases["extended"]
    original = extended.due_at - timedelta(days=7)
    text = _reprint(sqlite_session_factory, extended.receipt_no)
    assert f"처리 기한 {due_ko(original)}" in text  # the period set at receipt, not today's
    assert f"처리기한 연장 → {due_ko(extended.due_at)}" in text  # and what changed, beside it
    assert "변경 사항" in text


def test_a_case_stopped_for_a_supplement_says_so_from_its_day(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    people, _cases = make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        state = intake(session, people, NOW - timedelta(days=3))
        state = add(session, state, EventType.ACCEPTED, people.officers["ROAD"], NOW - timedelta(days=2))
        add(
            session,
            state,
            EventType.CLOCK_STOPPED,
            people.officers["ROAD"],
            NOW - timedelta(days=1),
            reason="supplement",
        )
    text = _reprint(sqlite_session_factory, state.receipt_no)
    assert "2026. 11. 21.(토)부터 처리기간 정지 (보완)" in text


def test_transferred_and_withdrawn_cases_do_not_reprint_as_live_receipts(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    people, _cases = make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        # After the samples' own intakes: a station numbers its receipts in time order.
        moved = intake(session, people, NOW + timedelta(minutes=5), title="국도 관리 민원")
        add(
            session,
            moved,
            EventType.TRANSFERRED,
            people.clerk,
            NOW + timedelta(minutes=6),
            target="agency",
            agency="국토교통부 서울지방국토관리청",
            reason="국도는 국토관리청 소관",
        )
        gone = intake(session, people, NOW + timedelta(minutes=10), title="취하할 민원")
        add(session, gone, EventType.WITHDRAWN, people.clerk, NOW + timedelta(minutes=20), reason="해결됨")
    text = _reprint(sqlite_session_factory, moved.receipt_no)
    assert "타기관 이송 (국토교통부 서울지방국토관리청)" in text
    text = _reprint(sqlite_session_factory, gone.receipt_no)
    assert "민원인 취하" in text
    with transaction(sqlite_session_factory) as session:
        facts = reports.receipt_facts(session, gone.receipt_no)
        office = reports.office_info(session)
    for paper in ("a4", "thermal"):
        render(
            build_receipt_pdf(facts, office, ReceiptOptions(paper=paper, issued_at=NOW)),
            f"reprint-withdrawn-{paper}",
        )


def test_a_receipt_never_changed_has_no_change_row(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    _people, cases = make_samples(sqlite_session_factory)
    assert "변경 사항" not in _reprint(sqlite_session_factory, cases["counter"].receipt_no)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    engine = make_engine(sqlite_url(tmp_path / "server.sqlite3"))
    migrate(engine)
    make_samples(make_sessionmaker(engine))
    engine.dispose()
    return tmp_path


def test_the_command_line_receipt_is_recorded_and_the_second_says_reissued(store: Path) -> None:
    engine = make_engine(sqlite_url(store / "server.sqlite3"))
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        receipt_no = session.query(EventRow).filter(EventRow.type == "received").first().payload["receipt_no"]  # type: ignore[union-attr]
    args = ["receipt", receipt_no, "--data-dir", str(store)]
    assert main([*args, "--out", str(store / "first.pdf")]) == 0
    assert main([*args, "--out", str(store / "second.pdf"), "--by", "boss"]) == 0
    with transaction(factory) as session:
        printed = session.query(EventRow).filter(EventRow.type == EventType.RECEIPT_PRINTED.value).all()
    assert len(printed) == 2 and all(row.payload == {"how": "cli"} for row in printed)
    assert "재발급" not in _text((store / "first.pdf").read_bytes())
    assert "재발급" in _text((store / "second.pdf").read_bytes())
    assert main([*args, "--out", str(store / "third.pdf"), "--by", "nobody"]) == 2
    engine.dispose()
