"""The case-list export: CSV (UTF-8 with a byte-order mark, so Excel on Korean Windows opens Hangul
correctly) and XLSX (openpyxl in write-only mode: rows stream to disk, memory stays flat at 100,000 rows).

Personal details are masked unless the viewer's role needs them in full (DESIGN.md, "Personal data"); asking
for full details with a role that does not is refused rather than silently masked, so nobody mistakes a
masked file for a full one."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from ..domain.errors import PermissionDenied
from ..domain.masking import mask_address, mask_email, mask_name, mask_phone
from ..domain.report_data import CaseExportRow
from ..domain.roles import Role
from .formatting import SEOUL, iso_local

Progress = Callable[[int, int], None]
FORMATS = ("csv", "xlsx")
PROGRESS_EVERY = 1000
HEADERS = (
    "접수번호",
    "접수일시",
    "민원 종류",
    "접수 경로",
    "상태",
    "제목",
    "민원인",
    "연락처",
    "주소",
    "이메일",
    "처리 부서",
    "분야",
    "처리 기한",
    "답변 일시",
    "연장 횟수",
)
COLUMN_WIDTHS = (19, 17, 16, 9, 9, 40, 10, 15, 30, 22, 14, 16, 17, 17, 8)


def full_details_allowed(role: Role | None, full: bool) -> bool:
    """Whether an export shows petitioners in full: only when asked for and the role needs them everywhere."""
    if not full:
        return False
    if role is None or not role.sees_full_details_everywhere:
        raise PermissionDenied(
            "full",
            "이 권한으로는 개인정보를 가리지 않은 목록을 내보낼 수 없습니다.",
            "This role may not export petitioners' details unmasked.",
        )
    return True


def format_for(path: Path, explicit: str | None = None) -> str:
    chosen = (explicit or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        from ..domain.errors import DomainError

        raise DomainError(
            "out",
            f"내보낼 파일은 .csv 또는 .xlsx여야 합니다: '{path.name}'",
            f"The export file must end in .csv or .xlsx: '{path.name}'",
        )
    return chosen


def _cells(row: CaseExportRow, full: bool) -> tuple[object, ...]:
    name, phone, address, email = (
        row.petitioner_name,
        row.petitioner_phone,
        row.petitioner_address,
        row.petitioner_email,
    )
    if not full:
        name, phone, address, email = (
            mask_name(name),
            mask_phone(phone),
            mask_address(address),
            mask_email(email) if email else "",
        )
    return (
        row.receipt_no,
        row.received_at,
        row.kind.korean,
        row.channel.korean,
        row.status.korean,
        row.title,
        name,
        phone,
        address,
        email,
        row.department_name,
        row.category_name,
        row.due_at,
        row.answered_at,
        row.extension_count,
    )


def _counted(rows: Iterable[CaseExportRow], total: int, progress: Progress | None) -> Iterator[CaseExportRow]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, max(total, done))
    if progress is not None:
        progress(done, max(total, done))


def export_cases(
    rows: Iterable[CaseExportRow],
    path: str | os.PathLike[str],
    *,
    total: int = 0,
    full: bool = False,
    progress: Progress | None = None,
    file_format: str | None = None,
) -> int:
    """Write the rows to ``path`` (format from its suffix unless ``file_format``) and return how many were
    written. ``progress(done, total)`` is called every 1,000 rows and once at the end; ``full`` must already
    have been checked with :func:`full_details_allowed`. The file is written beside its target and renamed
    into place, so a failed export never leaves half a file under the chosen name."""
    target = Path(path)
    chosen = format_for(target, file_format)
    partial = target.with_name(target.name + ".part")
    try:
        if chosen == "csv":
            written = _write_csv(_counted(rows, total, progress), partial, full)
        else:
            written = _write_xlsx(_counted(rows, total, progress), partial, full)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return written


def _write_csv(rows: Iterable[CaseExportRow], path: Path, full: bool) -> int:
    written = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for row in rows:
            cells = list(_cells(row, full))
            for index in (1, 12, 13):
                cells[index] = iso_local(cells[index])  # type: ignore[arg-type]
            writer.writerow(cells)
            written += 1
    return written


def _excel_time(value: object) -> object:
    # Excel has no time zones: cells hold Seoul wall-clock time, as the people reading the sheet expect.
    if isinstance(value, datetime):
        return value.astimezone(SEOUL).replace(tzinfo=None, microsecond=0)
    return value


def _write_xlsx(rows: Iterable[CaseExportRow], path: Path, full: bool) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("민원 목록")
    sheet.freeze_panes = "A2"
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="EEF1F5")
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.fill = bold, fill
        header.append(cell)
    sheet.append(header)
    written = 0
    for row in rows:
        cells = _cells(row, full)
        sheet.append(
            (
                cells[0],
                _excel_time(cells[1]),
                *cells[2:12],
                _excel_time(cells[12]),
                _excel_time(cells[13]),
                cells[14],
            )
        )
        written += 1
    workbook.save(path)
    return written
