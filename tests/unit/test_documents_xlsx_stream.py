"""The streaming XLSX writer: whatever a petitioner typed comes back from the sheet as typed (or as Excel
itself would store it), dates are real date cells, and the header is styled and frozen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from complaints_desk.documents.xlsx_stream import SheetWriter, column_letter


def test_awkward_text_round_trips_and_never_becomes_a_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    awkward = [
        '=HYPERLINK("http://evil.example", "클릭")',  # stays text
        "<script> & \"따옴표\" 'apos'",
        "  앞뒤 공백  ",
        "줄\n바꿈",
        "제어\x01문자\x1f",
        "_x0041_ 그대로",
        "http://example.go.kr/민원",
        "가" * 40000,  # longer than Excel allows in a cell: cut, not a broken file
    ]
    path = tmp_path / "t.xlsx"
    with SheetWriter(path, "민원 목록", ["가", "나", "다"], [10, 20, 30]) as sheet:
        for text in awkward:
            sheet.append([text, 7, None])
        sheet.append(["", 1.5, datetime(2026, 11, 22, 14, 5, 30)])
    assert sheet.rows == len(awkward) + 1

    book = load_workbook(path)
    ws = book["민원 목록"]
    assert [c.value for c in ws[1]] == ["가", "나", "다"]
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb == "FFEEF1F5"
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["C"].width > 30
    values = [ws.cell(row=i + 2, column=1).value for i in range(len(awkward))]
    assert values[:4] == awkward[:4]
    # Characters XML cannot carry go as Excel's _xHHHH_ escapes (Excel shows the characters again; openpyxl
    # shows the escapes), and text that looks like an escape has its underscore escaped so Excel keeps it.
    assert values[4] == "제어_x0001_문자_x001F_"
    assert values[5] == "_x005F_x0041_ 그대로"
    assert values[6] == "http://example.go.kr/민원" and ws.cell(row=8, column=1).hyperlink is None
    assert values[7] == "가" * 32767
    assert all(ws.cell(row=i + 2, column=1).data_type == "s" for i in range(len(awkward)))
    assert ws.cell(row=2, column=2).value == 7 and ws.cell(row=2, column=3).value is None
    last = len(awkward) + 2
    assert ws.cell(row=last, column=1).value is None
    assert ws.cell(row=last, column=2).value == 1.5
    assert ws.cell(row=last, column=3).value == datetime(2026, 11, 22, 14, 5, 30)
    assert ws.cell(row=last, column=3).number_format == "yyyy-mm-dd hh:mm"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 14, 25, 26, 27, 701, 702)] == ["A", "O", "Z", "AA", "AB", "ZZ", "AAA"]
