"""The case-list export: CSV (UTF-8 with a byte-order mark, so Excel on Korean Windows opens Hangul
correctly) and XLSX (xlsx_stream: rows are compressed into the file as they come, so memory stays flat at
100,000 rows; see that module for why it is not a spreadsheet library).

Personal details are masked unless the viewer's role needs them in full (docs/rules.md, "Personal data"); asking
for full details with a role that does not is refused rather than silently masked, so nobody mistakes a
masked file for a full one."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..domain.errors import PermissionDenied
from ..domain.masking import mask_address, mask_email, mask_name, mask_phone
from ..domain.report_data import CaseExportRow
from ..domain.roles import Role
from .formatting import SEOUL, datetime_ko, keep_units
from .xlsx_stream import SheetWriter

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
SHEET_NAME = "민원 목록"
DATE_FORMAT = "yyyy-mm-dd hh:mm"


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


class _Masks:
    """The masked forms of one export's petitioner details. The same names, roads and numbers come back again
    and again in a period's cases, so each distinct value is masked once; the cache lives only as long as the
    export, so no personal data outlives it."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.phones: dict[str, str] = {}
        self.addresses: dict[str, str] = {}
        self.emails: dict[str, str] = {}

    def person(self, row: CaseExportRow) -> tuple[str, str, str, str]:
        name, phone, address, email = (
            row.petitioner_name,
            row.petitioner_phone,
            row.petitioner_address,
            row.petitioner_email,
        )
        masked_name = self.names.get(name)
        if masked_name is None:
            masked_name = self.names[name] = mask_name(name)
        masked_phone = self.phones.get(phone)
        if masked_phone is None:
            masked_phone = self.phones[phone] = mask_phone(phone)
        masked_address = self.addresses.get(address)
        if masked_address is None:
            masked_address = self.addresses[address] = mask_address(address)
        masked_email = self.emails.get(email)
        if masked_email is None:
            masked_email = self.emails[email] = mask_email(email) if email else ""
        return masked_name, masked_phone, masked_address, masked_email


def _person(full: bool) -> Callable[[CaseExportRow], tuple[str, str, str, str]]:
    if full:
        return lambda row: (
            row.petitioner_name,
            row.petitioner_phone,
            row.petitioner_address,
            row.petitioner_email,
        )
    return _Masks().person


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


def _counted(rows: Iterable[CaseExportRow], total: int, progress: Progress | None) -> Iterator[CaseExportRow]:
    if progress is None:
        yield from rows
        return
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(done, max(total, done))
    progress(done, max(total, done))


def _iso_minutes(moment: datetime | None) -> str:
    """2026-11-22 14:05 in Seoul time: sorts as text in the order of time. (isoformat is C code; strftime
    was a tenth of the CSV export's time.)"""
    if moment is None:
        return ""
    return moment.astimezone(SEOUL).isoformat(" ", "minutes")[:16]


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(text: str) -> str:
    """Citizens write the titles: a leading '=' must not become a formula when Excel opens the CSV (OWASP's
    advice: prefix such a cell with an apostrophe, which Excel shows as plain text)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _write_csv(rows: Iterable[CaseExportRow], path: Path, full: bool) -> int:
    person = _person(full)
    deadlines: dict[datetime, str] = {}  # most cases share a few deadline days (23:59:59 of a working day)
    written = 0

    def due(moment: datetime) -> str:
        text = deadlines.get(moment)
        if text is None:
            text = deadlines[moment] = _iso_minutes(moment)
        return text

    def lines() -> Iterator[tuple[object, ...]]:
        nonlocal written
        for row in rows:
            written += 1
            yield (
                row.receipt_no,
                _iso_minutes(row.received_at),
                row.kind.korean,
                row.channel.korean,
                row.status.korean,
                _inert(row.title),
                *(_inert(value) for value in person(row)),
                row.department_name,
                row.category_name,
                due(row.due_at),
                _iso_minutes(row.answered_at),
                row.extension_count,
            )

    # The byte-order mark is written by hand: the "utf-8-sig" codec encodes every write through a Python
    # function, where "utf-8" stays in C.
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(lines())
    return written


def _write_xlsx(rows: Iterable[CaseExportRow], path: Path, full: bool) -> int:
    person = _person(full)
    # The date in the footer holds together (formatting.keep_units); the cells are not wrapped, so LibreOffice
    # and Excel never break a line inside them, and a petitioner's text is written as typed.
    footer = keep_units(f"{SHEET_NAME} · 내보낸 시각 {datetime_ko(datetime.now(UTC))}") + (
        "" if full else " · 개인정보 가림"
    )
    with SheetWriter(
        path, SHEET_NAME, HEADERS, COLUMN_WIDTHS, date_format=DATE_FORMAT, repeat_columns=1, footer=footer
    ) as sheet:
        append = sheet.append
        for row in rows:
            # Excel has no time zones: cells hold Seoul wall-clock time, as the people reading the sheet expect.
            answered = row.answered_at
            append(
                (
                    row.receipt_no,
                    row.received_at.astimezone(SEOUL),
                    row.kind.korean,
                    row.channel.korean,
                    row.status.korean,
                    row.title,
                    *person(row),
                    row.department_name,
                    row.category_name,
                    row.due_at.astimezone(SEOUL),
                    None if answered is None else answered.astimezone(SEOUL),
                    row.extension_count,
                )
            )
        return sheet.rows
