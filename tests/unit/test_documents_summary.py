"""The supervisor's summary PDF: Korean headings, every page numbered "n / N 쪽" with the period and the time
it was made, and the figures the queries produced."""

from __future__ import annotations

import re
from datetime import date, datetime

from documents_support import SEOUL, pdf_pages, render

from complaints_desk.documents.summary import build_summary_pdf
from complaints_desk.store import reports
from complaints_desk.store.db import transaction
from complaints_desk.store.demo import samples

MADE = datetime(2026, 12, 10, 10, 0, tzinfo=SEOUL)


def test_summary_pdf_pages_headings_and_figures(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(sqlite_session_factory) as session:
        office = samples.seed_office(session)
        samples.generate_cases(session, office, date(2026, 11, 1), 30, 90)
    with transaction(sqlite_session_factory) as session:
        figures = reports.summary_figures(session, date(2026, 11, 1), date(2026, 11, 30), as_of=MADE)
        name = reports.office_info(session).name
    pdf = build_summary_pdf(figures, name, made_at=MADE)
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"{number} / {len(pages)} 쪽" in text
        assert "2026. 11. 1.(일) ~ 2026. 11. 30.(월)" in text
        assert "작성 2026. 12. 10.(목) 10:00" in text
    flat = " ".join(" ".join(pages).split())
    for heading in (
        "민원 처리 현황 요약 — 전체 부서",
        "접수 경로별 접수",
        "민원 종류별 접수",
        "일별 접수 추이",
        "부서별 처리 현황",
        "기한 내 처리율",
        "처리시간 중앙값",
        "90%는",  # the 90th percentile, in the note under the key figures
        "기간 말 미처리 현황",
        "처리기간 연장과 사유",
        "주요 민원 분야",
        "반복 민원인",
        "처리기한 경과 민원",
    ):
        assert heading in flat, heading
    assert f"{figures.total}건" in flat
    for case in figures.overdue:
        assert case.receipt_no in flat  # receipt numbers are never broken over two lines
    # Repeat filers appear masked only.
    for filer in figures.repeat_filers:
        assert filer.phone not in flat
        assert re.sub(r"-(\d{4})-", "-****-", filer.phone) in flat
    render(pdf, "summary")


def test_an_empty_period_still_makes_a_readable_summary(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(sqlite_session_factory) as session:
        samples.seed_office(session)
        figures = reports.summary_figures(
            session, date(2026, 1, 1), date(2026, 1, 31), department_code="ROAD", as_of=MADE
        )
    pages = pdf_pages(build_summary_pdf(figures, "한빛구청", made_at=MADE))
    flat = " ".join(" ".join(pages).split())
    assert "도로관리과" in flat
    assert "해당 기간에 접수된 민원이 없습니다" in flat
    assert "기한이 지난 미처리 민원이 없습니다" in flat
    assert f"1 / {len(pages)} 쪽" in pages[0]
