"""The XLSX export prints as a list of cases should: an autofilter over its rows, landscape A4 fitted to the
width, the header row and the receipt-number column on every page, a footer with page numbers; read back
from its XML, through openpyxl, and converted to PDF by LibreOffice (Debian libreoffice-calc, which dev.sh
installs, so this check always runs)."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest
from documents_support import make_samples

from complaints_desk.documents.export import export_cases
from complaints_desk.store import reports
from complaints_desk.store.db import transaction
from complaints_desk.store.demo import samples

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _export(factory, path: Path, extra: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The samples plus ``extra`` generated cases, exported; returns the receipt numbers written."""
    people, _cases = make_samples(factory)
    with transaction(factory) as session:
        if extra:
            samples.generate_cases(session, people, date(2026, 9, 1), 30, extra)
    with transaction(factory) as session:
        filters = reports.ExportFilter(date(2026, 1, 1), date(2026, 12, 31))
        rows = list(reports.iter_export_rows(session, filters))
        export_cases(rows, path)
    return [row.receipt_no for row in rows]


def test_the_xlsx_carries_its_autofilter_and_print_set_up(sqlite_session_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    path = tmp_path / "cases.xlsx"
    numbers = _export(sqlite_session_factory, path, 12)
    with zipfile.ZipFile(path) as package:
        sheet = ElementTree.fromstring(package.read("xl/worksheets/sheet1.xml"))
        workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
    last_row = len(numbers) + 1
    assert sheet.find("m:autoFilter", NS).get("ref") == f"A1:O{last_row}"  # type: ignore[union-attr]
    setup = sheet.find("m:pageSetup", NS)
    assert setup is not None
    assert (setup.get("orientation"), setup.get("fitToWidth"), setup.get("fitToHeight")) == ("landscape", "1", "0")
    assert setup.get("paperSize") == "9"  # A4
    fit = sheet.find("m:sheetPr/m:pageSetUpPr", NS)
    assert fit is not None and fit.get("fitToPage") == "1"
    footer = sheet.find("m:headerFooter/m:oddFooter", NS)
    assert footer is not None and "&P / &N\u00a0쪽" in (footer.text or "") and "민원 목록" in (footer.text or "")
    names = {n.get("name"): n.text for n in workbook.iterfind("m:definedNames/m:definedName", NS)}
    assert names["_xlnm.Print_Titles"] == "'민원 목록'!$A:$A,'민원 목록'!$1:$1"
    assert names["_xlnm._FilterDatabase"] == f"'민원 목록'!$A$1:$O${last_row}"

    sheet_read = load_workbook(path).active
    assert sheet_read is not None
    assert sheet_read.auto_filter.ref == f"A1:O{last_row}"
    assert sheet_read.print_title_rows.replace("$", "") == "1:1"
    assert sheet_read.print_title_cols.replace("$", "") == "A:A"
    assert sheet_read.page_setup.orientation == "landscape"


def _to_pdf(path: Path, tmp_path: Path) -> list[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: dev.sh installs libreoffice-calc"
    profile = tmp_path / "lo-profile"  # a profile of its own: parallel runs never share LibreOffice's lock
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        timeout=180,
        capture_output=True,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    reader = pypdf.PdfReader(tmp_path / (path.stem + ".pdf"))
    # Spaces as LibreOffice's PDF spells them vary ("민원목록"): compared without them.
    return ["".join((page.extract_text() or "").split()) for page in reader.pages]


@pytest.mark.parametrize(("extra", "most_pages"), [(12, 1), (150, 4)])
def test_libreoffice_prints_the_export_with_its_receipt_numbers_on_every_page(  # type: ignore[no-untyped-def]
    sqlite_session_factory, tmp_path: Path, extra: int, most_pages: int
) -> None:
    path = tmp_path / "cases.xlsx"
    numbers = _export(sqlite_session_factory, path, extra)
    pages = _to_pdf(path, tmp_path)
    # 19 rows on one page (not 5); 157 rows on a few pages, each with the header and receipt numbers.
    assert 1 <= len(pages) <= most_pages, len(pages)
    assert numbers[0] in pages[0] and "접수번호" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert "접수번호" in text and "민원목록" in text and f"{number}/{len(pages)}쪽" in text
        assert any(receipt in text for receipt in numbers)
    assert all(any(receipt in text for text in pages) for receipt in numbers)
