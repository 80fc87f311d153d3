"""`complaints-desk report summary --from DATE --to DATE [--department CODE] --out FILE.pdf`: the supervisor's
summary of the cases received in a period. Bad input is one line on stderr and exit status 2."""

from __future__ import annotations

import argparse

from . import data_dir_parent, fail
from ._documents_common import add_store_option, open_store, output_path, parse_day

_HELP = "보고서 / reports (summary: 기간별 처리 현황 요약 PDF)"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help=_HELP, description=_HELP)
    kinds = parser.add_subparsers(dest="report", metavar="REPORT", required=True)
    summary = kinds.add_parser(
        "summary", help="기간별 처리 현황 요약 / summary for a period", parents=[data_dir_parent()]
    )
    summary.add_argument(
        "--from", dest="first", required=True, metavar="DATE", help="시작일 / first day, e.g. 2026-11-01"
    )
    summary.add_argument(
        "--to", dest="last", required=True, metavar="DATE", help="종료일(포함) / last day, included"
    )
    summary.add_argument("--department", metavar="CODE", help="부서 코드 / one department only")
    summary.add_argument("--out", required=True, metavar="FILE.pdf", help="저장할 PDF / the PDF to write")
    summary.add_argument("--office", help="기관명 / office name")
    add_store_option(summary)
    summary.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..documents.fonts import FontNotFoundError
    from ..documents.summary import build_summary_pdf
    from ..domain.errors import DomainError
    from ..store import reports
    from ..store.db import transaction

    try:
        first, last = parse_day(args.first, "from"), parse_day(args.last, "to")
        reports.period_bounds(first, last)  # a reversed period is refused before the store is opened
        out = output_path(args.out, (".pdf",))
        factory = open_store(args)
        with transaction(factory) as session:
            figures = reports.summary_figures(session, first, last, department_code=args.department)
            office = reports.office_info(session, name=args.office or "")
        out.write_bytes(build_summary_pdf(figures, office.name))
    except DomainError as error:
        return fail(error)
    except FontNotFoundError as error:
        return fail(str(error), status=1)
    except OSError as error:
        return fail(f"파일을 쓸 수 없습니다 / cannot write the file: {error}")
    print(f"{out}: {figures.total:,}건 / cases")
    return 0
