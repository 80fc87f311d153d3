"""The receipt (접수증): every required field, masking, reprint/void/offline marks, and a QR code that a
phone camera would read as the status page address."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from documents_support import NOW, make_samples, pdf_pages, pdf_text, render

from complaints_desk.documents.receipt import ReceiptOptions, build_receipt_pdf
from complaints_desk.domain.channels import Channel
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.events import EventType
from complaints_desk.store import reports
from complaints_desk.store.db import transaction
from complaints_desk.store.models import EventRow


def _receipt(factory, key: str, **options):  # type: ignore[no-untyped-def]
    _office, cases = make_samples(factory)
    with transaction(factory) as session:
        facts = reports.receipt_facts(session, cases[key].receipt_no)
        office = reports.office_info(session)
    return cases[key], facts, office, build_receipt_pdf(facts, office, ReceiptOptions(issued_at=NOW, **options))


@pytest.mark.parametrize("paper", ["a4", "thermal"])
def test_receipt_shows_every_required_field_masked(sqlite_session_factory, paper: str) -> None:  # type: ignore[no-untyped-def]
    case, _facts, _office, pdf = _receipt(sqlite_session_factory, "counter", paper=paper)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = pages[0]
    for expected in (
        "서울특별시 한빛구청",  # office, from the office settings
        "민원 접수증",
        case.receipt_no,
        "고충민원",  # kind, in Korean
        "새싹초등학교 앞 도로 파손",  # title
        "홍*동",
        "010-****-5678",
        "2026. 11. 22.(일) 14:05",  # received, in the people's format
        "2026. 12. 1.(화)까지",  # due: 7 working days counting the day of receipt (a Sunday: not counted)
        "도로관리과",
        "02-2150-3120",  # the department's phone
        "김창구",  # the clerk
        f"minwon.hanbit-gu.example/status/{case.receipt_no}",  # typeable: no scheme
    ):
        assert expected in text, expected
    # The full name and phone never leave the office on a receipt.
    assert "홍길동" not in text
    assert "1234" not in text.replace(case.receipt_no, "")
    assert "재발급" not in text
    assert "무효" not in text
    render(pdf, f"receipt-{paper}")


def test_offline_receipt_says_pending_sync_and_a_confirmed_one_does_not(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    case, facts, office, pdf = _receipt(sqlite_session_factory, "counter")
    assert facts.pending_sync  # taken locally, no server sequence yet
    assert "동기화 대기 — 오프라인 발급" in pdf_text(pdf)
    assert "예정 (서버 확인 후 확정)" in pdf_text(pdf).replace("\n", " ")  # the due date is a forecast
    with transaction(sqlite_session_factory) as session:
        row = session.query(EventRow).filter_by(case_id=case.id, type=EventType.RECEIVED.value).one()
        row.seq = 4242  # the server has accepted the intake
    with transaction(sqlite_session_factory) as session:
        confirmed = reports.receipt_facts(session, case.receipt_no)
    assert not confirmed.pending_sync
    confirmed_text = pdf_text(build_receipt_pdf(confirmed, office, ReceiptOptions(issued_at=NOW)))
    assert "동기화 대기" not in confirmed_text and "예정 (서버" not in confirmed_text


@pytest.mark.parametrize("paper", ["a4", "thermal"])
def test_reprint_and_void_are_marked(sqlite_session_factory, paper: str) -> None:  # type: ignore[no-untyped-def]
    _case, _facts, _office, reprint = _receipt(sqlite_session_factory, "counter", paper=paper, reprint=True)
    assert "재발급" in pdf_text(reprint)


@pytest.mark.parametrize("paper", ["a4", "thermal"])
def test_a_voided_receipt_still_prints_and_says_void(sqlite_session_factory, paper: str) -> None:  # type: ignore[no-untyped-def]
    case, facts, _office, pdf = _receipt(sqlite_session_factory, "voided", paper=paper, reprint=True)
    assert facts.voided
    text = " ".join(pdf_text(pdf).split())  # the thermal roll wraps the reason
    assert "무효" in text
    assert "민원인 정보 오기재로 재접수" in text  # the reason
    assert case.receipt_no in text
    render(pdf, f"receipt-voided-{paper}")


def test_earlier_prints_make_the_next_one_a_reprint(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    from complaints_desk.store.demo.samples import add

    office_people, cases = make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        add(session, cases["counter"], EventType.RECEIPT_PRINTED, office_people.clerk, NOW)
        facts = reports.receipt_facts(session, cases["counter"].receipt_no)
        office = reports.office_info(session)
    assert facts.times_printed == 1
    assert "재발급" in pdf_text(build_receipt_pdf(facts, office, ReceiptOptions(issued_at=NOW)))


def test_unknown_receipt_number_is_a_domain_error(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session, pytest.raises(DomainError) as caught:
        reports.receipt_facts(session, "20261122-C03-9999")
    assert caught.value.code == "unknown_receipt"


@pytest.mark.parametrize("paper", ["a4", "thermal"])
def test_qr_code_decodes_to_the_status_page(sqlite_session_factory, tmp_path: Path, paper: str) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image
    from pyzbar.pyzbar import decode

    case, _facts, _office, pdf = _receipt(sqlite_session_factory, "counter", paper=paper)
    (tmp_path / "r.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(tmp_path / "r.pdf"), str(tmp_path / "r")],
        check=True,
        timeout=60,
    )
    found = decode(Image.open(tmp_path / "r.png"))
    payloads = [symbol.data.decode() for symbol in found if symbol.type == "QRCODE"]
    assert payloads == [f"https://minwon.hanbit-gu.example/status/{case.receipt_no}"]


def test_status_url_base_is_configurable(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    _office, cases = make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        office = reports.office_info(session, status_url_base="https://minwon.example.go.kr/s")
        facts = reports.receipt_facts(session, cases["counter"].receipt_no)
    text = pdf_text(build_receipt_pdf(facts, office, ReceiptOptions(issued_at=NOW)))
    assert f"minwon.example.go.kr/s/{cases['counter'].receipt_no}" in text


def test_a_long_title_wraps_inside_the_page(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    _case, facts, office, _pdf = _receipt(sqlite_session_factory, "counter")
    long = replace(facts, title="어린이보호구역" * 30)
    for paper in ("a4", "thermal"):
        pdf = build_receipt_pdf(long, office, ReceiptOptions(paper=paper, issued_at=NOW))
        assert len(pdf_pages(pdf)) == 1
        assert "…" in pdf_text(pdf)


def test_receipt_right_after_intake_needs_no_query_and_says_the_same(session_factory) -> None:  # type: ignore[no-untyped-def]
    from complaints_desk.store.demo.samples import intake

    office_people, _cases = make_samples(session_factory)
    with transaction(session_factory) as session:
        context = reports.receipt_context(session)  # read once; the intake screen keeps it
        office = reports.office_info(session)
    with transaction(session_factory) as session:
        state = intake(session, office_people, NOW, channel=Channel.PHONE, department="ROAD")
    from_state = reports.receipt_facts_from_state(state, context)
    with transaction(session_factory) as session:
        assert from_state == reports.receipt_facts(session, state.receipt_no)
    text = pdf_text(build_receipt_pdf(from_state, office, ReceiptOptions(issued_at=NOW)))
    for expected in ("도로관리과", "02-2150-3120", "김창구", "홍*동", "동기화 대기", "전화", state.receipt_no):
        assert expected in text, expected
