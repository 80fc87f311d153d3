"""The case-list export: CSV with a BOM and Hangul intact, XLSX with the same rows, masking unless the role
may see full details, and a progress callback."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from documents_support import make_samples

from complaints_desk.documents.export import HEADERS, export_cases, full_details_allowed
from complaints_desk.domain.errors import PermissionDenied
from complaints_desk.domain.roles import Role
from complaints_desk.store import reports
from complaints_desk.store.db import transaction

FILTER = reports.ExportFilter(date(2026, 10, 1), date(2026, 11, 30))


def _export(factory, path: Path, *, full: bool = False, department: str | None = None):  # type: ignore[no-untyped-def]
    calls: list[tuple[int, int]] = []
    with transaction(factory) as session:
        filters = reports.ExportFilter(FILTER.first_day, FILTER.last_day, department)
        total = reports.count_export_rows(session, filters)
        written = export_cases(
            reports.iter_export_rows(session, filters),
            path,
            total=total,
            full=full,
            progress=lambda done, whole: calls.append((done, whole)),
        )
    return total, written, calls


def test_csv_has_bom_hangul_and_masks(session_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _office, cases = make_samples(session_factory)
    total, written, calls = _export(session_factory, tmp_path / "cases.csv")
    raw = (tmp_path / "cases.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Korean Windows reads UTF-8 only with the BOM
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == HEADERS
    assert total == written == len(rows) - 1 == len(cases)
    assert calls[-1] == (written, total)
    by_number = {row[0]: row for row in rows[1:]}
    counter = by_number[cases["counter"].receipt_no]
    assert counter[2] == "고충민원" and counter[5] == "새싹초등학교 앞 도로 파손"
    assert counter[6] == "홍*동" and counter[7] == "010-****-5678"
    assert counter[8] == "서울특별시 한빛구 한빛로"  # cut after the road name
    assert counter[1] == "2026-11-22 14:05"  # Seoul time, sortable
    assert "홍길동" not in raw.decode("utf-8-sig")
    received = [row[1] for row in rows[1:]]
    assert received == sorted(received)  # oldest first


def test_xlsx_holds_the_same_rows_and_full_details_when_allowed(sqlite_session_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _office, cases = make_samples(sqlite_session_factory)
    _export(sqlite_session_factory, tmp_path / "cases.csv")
    full = full_details_allowed(Role.SUPERVISOR, True)
    _total, written, _calls = _export(sqlite_session_factory, tmp_path / "cases.xlsx", full=full)
    sheet = load_workbook(tmp_path / "cases.xlsx", read_only=True).active
    rows = [tuple(cell for cell in row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADERS
    assert len(rows) - 1 == written
    csv_rows = list(csv.reader((tmp_path / "cases.csv").read_text(encoding="utf-8-sig").splitlines()))[1:]
    assert [r[0] for r in rows[1:]] == [r[0] for r in csv_rows]  # same cases, same order
    counter = next(r for r in rows[1:] if r[0] == cases["counter"].receipt_no)
    assert counter[6] == "홍길동" and counter[7] == "010-1234-5678"  # --full: unmasked
    assert counter[1].strftime("%Y-%m-%d %H:%M") == "2026-11-22 14:05"  # a real date cell in Seoul time


def test_full_details_are_refused_for_roles_that_do_not_need_them() -> None:
    assert full_details_allowed(Role.OFFICER, False) is False
    with pytest.raises(PermissionDenied):
        full_details_allowed(Role.OFFICER, True)
    with pytest.raises(PermissionDenied):
        full_details_allowed(None, True)
    assert full_details_allowed(Role.CLERK, True) is True


def test_department_filter_and_progress_every_thousand(sqlite_session_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from complaints_desk.domain.report_data import CaseExportRow

    make_samples(sqlite_session_factory)
    _total, written, _calls = _export(sqlite_session_factory, tmp_path / "park.csv", department="PARK")
    assert written == 2  # the two proposals
    with transaction(sqlite_session_factory) as session:
        one: CaseExportRow = next(reports.iter_export_rows(session, FILTER))
    calls: list[tuple[int, int]] = []
    export_cases([one] * 2500, tmp_path / "many.xlsx", total=2500, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]
    assert not list(tmp_path.glob("*.part"))


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(tmp_path: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from complaints_desk.domain.channels import Channel
    from complaints_desk.domain.kinds import Kind
    from complaints_desk.domain.report_data import CaseExportRow
    from complaints_desk.domain.statuses import Status

    at = datetime(2026, 11, 22, 14, 5, tzinfo=ZoneInfo("Asia/Seoul"))
    row = CaseExportRow(
        "20261122-W01-0001", at, Kind.OTHER, Channel.WEB, Status.RECEIVED,
        '=HYPERLINK("http://evil.example","클릭")', "홍길동", "010-1234-5678", "", "", "교통행정과", "", at, None, 0,
    )  # fmt: skip
    export_cases([row], tmp_path / "x.csv", total=1, full=False)
    cells = next(iter(csv.reader((tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()[1:])))
    assert cells[5] == '\'=HYPERLINK("http://evil.example","클릭")'
