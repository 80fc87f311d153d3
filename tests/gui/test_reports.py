"""The 보고서 menu: there for supervisors only; it writes the summary PDF of a period and the case list (CSV,
XLSX) masked unless the role may see petitioners in full and asks; a cancelled export leaves no file at all."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from complaints_desk.gui import pdf_print, reports_dialog
from complaints_desk.gui.app import Client
from complaints_desk.store import reports
from complaints_desk.store.db import make_engine, make_sessionmaker

from .conftest import GuiThreadGuard, open_client, settle

FIRST, LAST = date(2020, 1, 1), date(2030, 12, 31)  # every case of the demo store


def expected_rows(client: Client, department: str | None = None) -> int:
    engine = make_engine(f"sqlite:///{client.store.path}", read_only=True)
    try:
        with make_sessionmaker(engine)() as session:
            return reports.count_export_rows(session, reports.ExportFilter(FIRST, LAST, department))
    finally:
        engine.dispose()


def run_report(
    client: Client,
    qtbot: Any,
    path: Path,
    kind: str,
    *,
    department: str | None = None,
    full: bool = False,
    offer: bool = False,
) -> Path | None:
    menu = client.window.reports
    finished: list[Path | None] = []
    menu.ask_save_path = lambda _name, _kind: path
    if not offer:
        menu.offer_open = lambda _path: None
    menu.finished = finished.append
    menu.action.trigger()
    qtbot.waitUntil(lambda: menu.dialog is not None and menu.dialog.isVisible(), timeout=10_000)
    dialog = menu.dialog
    assert dialog is not None
    {"pdf": dialog.ui.summaryRadio, "csv": dialog.ui.csvRadio, "xlsx": dialog.ui.xlsxRadio}[kind].setChecked(True)
    dialog.ui.firstDateEdit.setDate(QDate(FIRST.year, FIRST.month, FIRST.day))
    dialog.ui.lastDateEdit.setDate(QDate(LAST.year, LAST.month, LAST.day))
    if department:
        dialog.ui.departmentCombo.setCurrentIndex(dialog.ui.departmentCombo.findData(department))
    dialog.ui.fullCheck.setChecked(full)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    settle(client, qtbot)
    return finished[0]


def test_only_supervisors_see_the_reports_menu(fresh_store: Path, guard: GuiThreadGuard, qtbot: Any) -> None:
    for user, visible in (("supervisor1", True), ("road1", False), ("agent06", False)):
        client = open_client(fresh_store, guard, qtbot, user=user)
        try:
            assert client.window.reports.menu.menuAction().isVisible() is visible, user
            titles = [a.text() for a in client.window.ui.menubar.actions() if a.isVisible()]
            assert ("보고서(&R)" in titles) is visible
        finally:
            client.close()
    assert guard.offences == []


def test_the_summary_pdf_and_the_case_lists(
    fresh_store: Path, guard: GuiThreadGuard, qtbot: Any, tmp_path: Path
) -> None:
    client = open_client(fresh_store, guard, qtbot, user="supervisor1")
    try:
        pdf = run_report(client, qtbot, tmp_path / "summary.pdf", "pdf", department="road")
        assert pdf is not None
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "민원 처리 현황 요약" in text and "도로관리과" in text

        rows = expected_rows(client, "road")
        listed = run_report(client, qtbot, tmp_path / "road.csv", "csv", department="road")
        assert listed is not None
        with listed.open(encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.reader(handle))
        assert lines[0][0] == "접수번호" and len(lines) - 1 == rows > 0
        names = [line[lines[0].index("민원인")] for line in lines[1:]]
        assert all("*" in name for name in names)  # masked: not asked for in full
        full = run_report(client, qtbot, tmp_path / "full.xlsx", "xlsx", full=True)
        assert full is not None
        sheet = load_workbook(full, read_only=True).active
        values = list(sheet.iter_rows(values_only=True))
        assert len(values) - 1 == expected_rows(client)
        column = list(values[0]).index("민원인")
        assert any("*" not in str(row[column]) for row in values[1:])  # a supervisor asked for them in full
        assert client.window.statusBar().currentMessage().startswith(f"{full}에 저장했습니다")
    finally:
        client.close()
    assert guard.offences == []


def test_a_cancelled_export_leaves_no_file(
    fresh_store: Path, guard: GuiThreadGuard, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    client = open_client(fresh_store, guard, qtbot, user="supervisor1")
    release = threading.Event()
    original = reports.iter_export_rows

    def held(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for number, row in enumerate(original(*args, **kwargs)):
            if number == 120:
                release.wait(30)  # the export is under way when the supervisor cancels
            yield row

    monkeypatch.setattr(reports, "iter_export_rows", held)
    monkeypatch.setattr(reports_dialog, "EXPORT_BATCH", 50)
    menu = client.window.reports
    out = tmp_path / "out"
    out.mkdir()
    target = out / "cases.xlsx"
    try:
        finished: list[Path | None] = []
        menu.ask_save_path = lambda _name, _kind: target
        menu.offer_open = lambda _path: None
        menu.finished = finished.append
        menu.action.trigger()
        qtbot.waitUntil(lambda: menu.dialog is not None and menu.dialog.isVisible(), timeout=10_000)
        assert menu.dialog is not None
        menu.dialog.ui.xlsxRadio.setChecked(True)
        menu.dialog.ui.firstDateEdit.setDate(QDate(FIRST.year, FIRST.month, FIRST.day))
        menu.dialog.ui.lastDateEdit.setDate(QDate(LAST.year, LAST.month, LAST.day))
        menu.dialog.accept()
        qtbot.waitUntil(lambda: menu.progress is not None and menu.progress.value() >= 100, timeout=20_000)
        assert menu.progress is not None and menu.progress.maximum() == expected_rows(client)
        QTest.mouseClick(menu.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)  # 취소
        release.set()
        qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
        assert finished == [None]
        assert not target.exists() and list(out.iterdir()) == []  # no partial file either
        assert client.window.statusBar().currentMessage() == "취소했습니다. 파일을 만들지 않았습니다."
    finally:
        release.set()
        client.close()
    assert guard.offences == []


def test_the_saved_summary_prints_through_our_print_dialog_and_a_list_opens_in_its_program(
    fresh_store: Path, guard: GuiThreadGuard, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(pdf_print.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    client = open_client(fresh_store, guard, qtbot, user="supervisor1")
    menu = client.window.reports
    paper = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:  # what the print dialog hands back, as a file to look at
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(paper))
        return printer

    menu.choose_printer = pdf_printer
    printed: list[int] = []
    menu.printed = printed.append
    try:
        summary = run_report(client, qtbot, tmp_path / "summary.pdf", "pdf", offer=True)
        assert summary is not None
        box = menu.saved_box
        assert box is not None and box.isVisible() and box.print_button is not None
        assert box.print_button.text() == "인쇄(&P)…" and box.open_button.text() == "열기(&O)"
        QTest.mouseClick(box.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(printed), timeout=60_000)
        pages = len(PdfReader(summary).pages)
        assert printed == [pages] and len(PdfReader(paper).pages) == pages  # every page, on our printer
        assert paper.stat().st_size > 50_000  # the rendered pages, not blank ones
        first = pdf_print.render_pages(paper.read_bytes(), 300)[0]
        assert first.pixelColor(3, 3).name() == "#ffffff"  # on white paper (not a black page with black text)
        assert client.window.statusBar().currentMessage() == f"summary.pdf 인쇄함 ({pages}쪽)"
        assert opened == []  # nothing was handed to another program

        listed = run_report(client, qtbot, tmp_path / "cases.xlsx", "xlsx", offer=True)
        assert listed is not None
        box = menu.saved_box
        assert box is not None and box.print_button is None  # a spreadsheet prints from its own program
        QTest.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
        assert opened == [str(listed)]
    finally:
        client.close()
    assert guard.offences == []
