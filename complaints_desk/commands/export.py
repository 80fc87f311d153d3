"""`complaints-desk export cases --from DATE --to DATE [--department CODE] --out FILE.csv|.xlsx [--full]`: the
list of cases received in a period, petitioners masked unless --full. Progress goes to stderr; bad input is
one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import sys

from . import data_dir_parent, fail
from ._documents_common import add_store_option, open_store, output_path, parse_day

_HELP = "민원 목록 내보내기 / export the case list (CSV, XLSX)"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help=_HELP, description=_HELP)
    what = parser.add_subparsers(dest="export", metavar="WHAT", required=True)
    cases = what.add_parser("cases", help="민원 목록 / cases received in a period", parents=[data_dir_parent()])
    cases.add_argument("--from", dest="first", required=True, metavar="DATE", help="시작일 / first day")
    cases.add_argument(
        "--to", dest="last", required=True, metavar="DATE", help="종료일(포함) / last day, included"
    )
    cases.add_argument("--department", metavar="CODE", help="부서 코드 / one department only")
    cases.add_argument("--out", required=True, metavar="FILE", help="FILE.csv (UTF-8 BOM) 또는/or FILE.xlsx")
    cases.add_argument(
        "--full",
        action="store_true",
        help="개인정보를 가리지 않음 (저장소 파일에 접근할 수 있는 관리자용) / do not mask petitioners",
    )
    add_store_option(cases)
    cases.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..documents.export import export_cases, full_details_allowed
    from ..domain.errors import DomainError
    from ..domain.roles import Role
    from ..store import reports
    from ..store.db import transaction

    def progress(done: int, total: int) -> None:
        print(f"\r내보내는 중 / exporting: {done:,}/{total:,}", end="", file=sys.stderr)

    try:
        first, last = parse_day(args.first, "from"), parse_day(args.last, "to")
        reports.period_bounds(first, last)
        out = output_path(args.out, (".csv", ".xlsx"))
        # Whoever runs this command can read the store file itself; the role check still applies to the GUI.
        full = full_details_allowed(Role.SUPERVISOR, args.full)
        factory = open_store(args)
        filters = reports.ExportFilter(first, last, args.department)
        with transaction(factory) as session:
            total = reports.count_export_rows(session, filters)
            written = export_cases(
                reports.iter_export_rows(session, filters), out, total=total, full=full, progress=progress
            )
    except DomainError as error:
        return fail(error)
    except OSError as error:
        return fail(f"파일을 쓸 수 없습니다 / cannot write the file: {error}")
    print(file=sys.stderr)
    print(f"{out}: {written:,}건 / rows" + (" (개인정보 포함 / unmasked)" if full else ""))
    return 0
