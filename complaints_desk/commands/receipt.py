"""`complaints-desk receipt RECEIPT_NO --out FILE.pdf [--format a4|thermal] [--reprint] [--by USERNAME]`: the
receipt (접수증) of a case, as the counter prints it. Every receipt written is recorded as a
`receipt_printed` event, as the desk's own print is, so the next one says 재발급. Bad input is one line on
stderr and exit status 2."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from . import data_dir_parent, fail
from ._documents_common import add_store_option, open_store, output_path

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_HELP = "접수증 PDF 만들기 / write a case's receipt as PDF"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("receipt", help=_HELP, description=_HELP, parents=[data_dir_parent()])
    parser.add_argument(
        "receipt_no", metavar="RECEIPT_NO", help="접수번호 / receipt number, e.g. 20261122-C03-0042"
    )
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="저장할 PDF / the PDF to write")
    parser.add_argument(
        "--format", choices=("a4", "thermal"), default="a4", help="용지 / paper: a4 or 80 mm thermal"
    )
    parser.add_argument("--reprint", action="store_true", help="재발급으로 표시 / mark as a reprint (재발급)")
    parser.add_argument(
        "--by",
        metavar="USERNAME",
        help="발급한 직원 / who hands the receipt out (default: the clerk who took the case in)",
    )
    parser.add_argument(
        "--status-url",
        help="처리상황 조회 주소 / status page base URL (default: the office settings, 'admin office --status-url')",
    )
    parser.add_argument("--office", help="기관명 / office name printed on the receipt")
    add_store_option(parser)
    parser.set_defaults(func=run)


def _server_seq(session: Session) -> int | None:
    """A server's store numbers every event it keeps; a desktop's store has no counter."""
    from sqlalchemy import inspect

    if not inspect(session.connection()).has_table("server_counters"):
        return None
    from ..store.central.sequence import next_seq

    return next_seq(session)


def run(args: argparse.Namespace) -> int:
    from ..documents.fonts import FontNotFoundError
    from ..documents.receipt import ReceiptOptions, build_receipt_pdf
    from ..domain.errors import DomainError
    from ..domain.receipts import parse_receipt_number
    from ..store import reports
    from ..store.db import transaction

    try:
        number = str(parse_receipt_number(args.receipt_no))
        out = output_path(args.out, (".pdf",))
        factory = open_store(args)
        with transaction(factory) as session:
            facts = reports.receipt_facts(session, number)
            actor = reports.receipt_printer(session, number, args.by)
            office = reports.office_info(session, name=args.office or "", status_url_base=args.status_url or "")
            pdf = build_receipt_pdf(
                facts, office, ReceiptOptions(paper=args.format, reprint=True if args.reprint else None)
            )
            out.write_bytes(pdf)
            # Recorded in the same transaction as the read, after the file is written: a receipt that could
            # not be written is not counted as handed out.
            reports.record_receipt_printed(session, number, actor, "cli", seq=_server_seq(session))
    except DomainError as error:
        return fail(error)
    except FontNotFoundError as error:
        return fail(str(error), status=1)
    except OSError as error:
        return fail(f"파일을 쓸 수 없습니다 / cannot write the file: {error}")
    print(f"{out} ({len(pdf):,} bytes)")
    return 0
