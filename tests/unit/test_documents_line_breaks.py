"""A line never ends between a number and its unit: "30일" in a notice's remedy is read as one word, and a
PDF that prints "30" at a line's end and "일 이내에" on the next is misread. The documents' paragraphs break
lines between words (어절) only, a number written with a space before its unit ("30 일") or a date
("2026. 11. 22.") is held by NO-BREAK SPACEs, and the XLSX export's own text (its footer) carries no
breakable space there either."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from documents_support import NOW, make_samples, pdf_text, render
from reportlab.platypus import Paragraph

from complaints_desk.documents import notices
from complaints_desk.documents.export import export_cases
from complaints_desk.documents.formatting import NO_BREAK_SPACE, keep_units
from complaints_desk.documents.layout import styles
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.report_data import NoticeCase, OfficeInfo, Officer, ResultNoticeFacts
from complaints_desk.domain.statuses import Status
from complaints_desk.store import reports
from complaints_desk.store.db import transaction

OFFICE = OfficeInfo(name="서울특별시 한빛구청", phone="02-2150-3000", head_title="서울특별시 한빛구청장")
UNIT = r"(?:일|개월|년|시간|분|쪽|건|차|조|항)"
# A line that ends in a number followed by a line that starts with its unit; a date cut after its year or month.
CUT_UNIT = re.compile(rf"\d\s*\n\s*{UNIT}")
CUT_DATE = re.compile(r"\d\.\s*\n\s*\d")


def _refusal(*, disclosure: bool, remedies: str = "") -> ResultNoticeFacts:
    at = datetime(2026, 11, 20, 5, 0, tzinfo=NOW.tzinfo)
    case = NoticeCase(
        receipt_no="20261110-C03-0001",
        kind=Kind.STATUTORY,
        title="정보공개 청구" if disclosure else "영업 신고",
        petitioner_name="김영수",
        petitioner_address="",
        received_at=at,
        due_at=at,
        status=Status.ANSWERED,
        information_disclosure=disclosure,
    )
    return ResultNoticeFacts(
        case=case,
        officer=Officer("민원여권과", "박민원", "02-2150-3120"),
        answered_at=at,
        result="rejected",
        answer="청구하신 정보는 비공개 대상입니다.",
        reasons="개인정보가 포함되어 있습니다.",
        remedies=remedies,
    )


def _lines(pdf: bytes) -> list[str]:
    return [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]


def test_the_30_day_objection_of_a_refused_disclosure_prints_30il_on_one_line() -> None:
    pdf = notices.build_result_notice(_refusal(disclosure=True), OFFICE, issued_at=NOW)
    render(pdf, "notice-disclosure-refused")
    lines = _lines(pdf)
    text = "\n".join(lines)
    assert any("30일 이내에" in line for line in lines), text  # "30" and "일" on the same line
    assert not CUT_UNIT.search(text), CUT_UNIT.search(text)
    assert not any(line.endswith("30") for line in lines)
    for days in ("90일 이내", "180일", "1년 이내"):  # the appeal and the suit too
        assert any(days in line for line in lines), days


@pytest.mark.parametrize("disclosure", [False, True])
def test_no_remedy_of_a_refusal_breaks_a_number_from_its_unit(disclosure: bool) -> None:
    # The officer's own remedy, typed with spaces before the units, comes first in the list.
    typed = "부분 공개분은 2026. 12. 1.(화)부터 민원실에서 열람하실 수 있으며, 열람 기간은 30 일, 사본은 1 건당 발급됩니다."
    pdf = notices.build_result_notice(_refusal(disclosure=disclosure, remedies=typed), OFFICE, issued_at=NOW)
    text = "\n".join(_lines(pdf))
    assert not CUT_UNIT.search(text), CUT_UNIT.search(text)
    assert not CUT_DATE.search(text), CUT_DATE.search(text)


def _wrapped(text: str, width: float) -> list[str]:
    paragraph = Paragraph(keep_units(text), styles()["item"])
    paragraph.wrap(width, 10_000)
    lines = []
    for line in paragraph.blPara.lines:
        words = line[1] if isinstance(line, tuple) else [frag.text for frag in line.words]
        lines.append(" ".join(str(word) for word in words))
    return lines


@pytest.mark.parametrize(
    "text",
    [
        notices.OBJECTION,
        notices.DISCLOSURE_OBJECTION,
        notices.APPEAL,
        notices.LAWSUIT,
        "열람 기간은 30 일이며 2026. 11. 22.(일)까지 신청하시면 14 일 안에 3 건을 함께 처리하여 드립니다.",
    ],
    ids=["objection", "disclosure-objection", "appeal", "lawsuit", "typed-with-spaces"],
)
def test_at_any_width_a_line_never_ends_between_a_number_and_its_unit(text: str) -> None:
    """Every width from a narrow table cell to the full page: the lines the notices' style breaks."""
    for width in range(120, 480, 3):
        lines = _wrapped(text, width)
        joined = "\n".join(lines)
        assert not CUT_UNIT.search(joined), (width, joined)
        assert not CUT_DATE.search(joined), (width, joined)
        assert "".join(joined.replace(NO_BREAK_SPACE, " ").split()) == "".join(text.split())  # nothing lost


def test_keep_units_joins_numbers_to_units_and_dates_and_nothing_else() -> None:
    assert keep_units("30 일 이내") == f"30{NO_BREAK_SPACE}일 이내"
    assert keep_units("2026. 11. 22.(일) 14:05") == f"2026.{NO_BREAK_SPACE}11.{NO_BREAK_SPACE}22.(일) 14:05"
    assert keep_units("3 / 12 쪽") == f"3 / 12{NO_BREAK_SPACE}쪽"
    assert keep_units("도로 3 곳 보수") == "도로 3 곳 보수"  # not a unit the documents write
    assert keep_units("30일 이내") == "30일 이내"


def test_the_xlsx_footer_has_no_breakable_space_inside_its_date_or_page_count(  # type: ignore[no-untyped-def]
    sqlite_session_factory, tmp_path: Path
) -> None:
    from xml.etree import ElementTree

    make_samples(sqlite_session_factory)
    with transaction(sqlite_session_factory) as session:
        rows = list(
            reports.iter_export_rows(session, reports.ExportFilter(NOW.date().replace(month=1), NOW.date()))
        )
    path = tmp_path / "cases.xlsx"
    export_cases(rows, path)
    with zipfile.ZipFile(path) as package:
        sheet = ElementTree.fromstring(package.read("xl/worksheets/sheet1.xml"))
        styles_xml = package.read("xl/styles.xml").decode()
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    footer = sheet.find("m:headerFooter/m:oddFooter", ns)
    assert footer is not None and footer.text
    assert f"&N{NO_BREAK_SPACE}쪽" in footer.text
    assert re.search(r"\d{4}\.\u00a0\d{1,2}\.\u00a0\d{1,2}\.", footer.text), footer.text  # 내보낸 시각's date
    assert not re.search(rf"\d\.? (?:\d|{UNIT})", footer.text.replace("&P / &N", "")), footer.text
    assert "wrapText" not in styles_xml  # cells are never wrapped, so no line breaks inside a cell's text
