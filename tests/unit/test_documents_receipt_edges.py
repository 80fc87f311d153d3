"""Receipts at their edges: everything at once still fits above the footer, an emoji leaves a visible mark,
the note on how the period is counted is only printed under a period it describes, an online filing says
온라인 접수, the thermal roll is black, and an unset status address prints no QR code that leads nowhere."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import pypdf
import pytest
from documents_support import NOW, make_samples, pdf_text, render

from complaints_desk.documents.receipt import ReceiptOptions, build_receipt_pdf
from complaints_desk.domain.channels import Channel
from complaints_desk.domain.report_data import OfficeInfo, ReceiptChange, ReceiptFacts
from complaints_desk.store import reports
from complaints_desk.store.db import transaction


def _sample(factory) -> tuple[ReceiptFacts, OfficeInfo]:  # type: ignore[no-untyped-def]
    _people, cases = make_samples(factory)
    with transaction(factory) as session:
        return reports.receipt_facts(session, cases["counter"].receipt_no), reports.office_info(session)


def _text_heights(pdf: bytes, needle: str) -> list[float]:
    """The baselines (points from the page's foot) of every text run that contains ``needle``."""
    found: list[float] = []

    def visit(text: str, _cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if needle in text:
            found.append(tm[5])

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def test_everything_at_once_stays_on_one_page_above_the_footer(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    facts, office = _sample(sqlite_session_factory)
    worst = replace(
        facts,
        title="어린이보호구역 불법주정차 " * 12,
        voided=True,
        void_reason="민원인 정보 오기재로 재접수 " * 8,
        pending_sync=True,
        times_printed=2,
        original_due_at=facts.due_at,
        changes=(
            ReceiptChange("extended", NOW, due_at=NOW + timedelta(days=7)),
            ReceiptChange("stopped", NOW, detail="supplement"),
            ReceiptChange("resumed", NOW, due_at=NOW + timedelta(days=9)),
            ReceiptChange("transferred_out", NOW, detail="국토교통부 서울지방국토관리청"),
        ),
    )
    pdf = build_receipt_pdf(worst, office, ReceiptOptions(issued_at=NOW))
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    footer = min(_text_heights(pdf, facts.receipt_no))  # the lowest: the footer's right-hand copy
    signature = min(_text_heights(pdf, office.name))
    assert signature > footer + 12  # the office's name never sits on the footer line
    text = " ".join(pdf_text(pdf).split())
    assert "타기관 이송 (국토교통부 서울지방국토관리청)" in text  # the fourth change is not cut off
    render(pdf, "receipt-everything-at-once")


def test_an_emoji_in_a_title_leaves_a_visible_mark(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    facts, office = _sample(sqlite_session_factory)
    pdf = build_receipt_pdf(
        replace(facts, title="가로등 고장 😡 빨리 고쳐 주세요"), office, ReceiptOptions(issued_at=NOW)
    )
    assert "가로등 고장 □ 빨리 고쳐 주세요" in pdf_text(pdf)


@pytest.mark.parametrize(
    ("unit", "amount", "note"),
    [
        ("days", 7, "토요일·공휴일을 빼고 계산"),
        ("days", 3, "근무시간으로 계산"),
        ("hours", 3, "근무시간으로 계산"),
        ("months", 1, "달력의 달로 계산"),
    ],
)
def test_the_counting_note_describes_the_receipts_own_period(  # type: ignore[no-untyped-def]
    sqlite_session_factory, unit: str, amount: int, note: str
) -> None:
    facts, office = _sample(sqlite_session_factory)
    text = " ".join(
        pdf_text(build_receipt_pdf(replace(facts, period_unit=unit, period_amount=amount), office)).split()
    )
    assert note in text
    others = {"토요일·공휴일을 빼고 계산", "근무시간으로 계산", "달력의 달로 계산"} - {note}
    assert not any(other in text for other in others)


def test_an_online_filing_says_so_where_a_clerk_would_be_named(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    facts, office = _sample(sqlite_session_factory)
    online = replace(facts, channel=Channel.WEB, clerk_name=None)
    assert "접수자 온라인 접수" in " ".join(pdf_text(build_receipt_pdf(online, office)).split())


def test_the_thermal_roll_draws_no_grey_text(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    facts, office = _sample(sqlite_session_factory)
    pdf = build_receipt_pdf(facts, office, ReceiptOptions(paper="thermal", issued_at=NOW))
    content = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].get_contents()
    assert content is not None
    stream = content.get_data().decode("latin-1")
    assert ".333333 .333333 .333333 rg" not in stream  # the grey (#555555) of the A4 labels
    assert ".101961 .101961 .101961 rg" in stream  # the ink


def test_without_a_status_address_no_qr_code_and_the_phone_instead(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    facts, office = _sample(sqlite_session_factory)
    bare = replace(office, status_url_base="")
    text = " ".join(pdf_text(build_receipt_pdf(facts, bare)).split())
    assert "QR" not in text and "127.0.0.1" not in text
    assert "처리 상황은 문의 전화 02-2150-3120" in text
