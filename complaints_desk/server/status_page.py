"""GET /status/{receipt_no}: where the QR code on a receipt leads. The citizens' status page itself (which
asks for the last four digits of the phone, since receipt numbers are sequential) is not served yet; until
it is, this answers the address printed on every receipt with a page that says where to ask, in the office's
own name and number, and never says whether the case exists."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ..domain.errors import DomainError
from ..domain.receipts import parse_receipt_number
from ..domain.report_data import OfficeInfo
from ..store.reports.office import office_info
from . import units
from .deps import FactoryDep

router = APIRouter(tags=["status"])

_PAGE = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>민원 처리 상황 조회 — {office}</title>
<style>body{{font-family:sans-serif;max-width:34em;margin:2em auto;padding:0 1em;line-height:1.6;color:#1a1a1a}}
h1{{font-size:1.4em}} .no{{font-size:1.3em;font-weight:bold}} a{{color:#1f4e79}}</style></head>
<body><p>{office}</p><h1>민원 처리 상황 조회</h1>
{body}
<p lang="en"><small>Online status lookup is not available yet: please call the office with your receipt
number.</small></p></body></html>"""


def _ask(office: OfficeInfo) -> str:
    if office.phone:
        phone = escape(office.phone)
        return f'<a href="tel:{phone.replace("-", "")}">{phone}</a>(으)로 전화해 주시면 안내해 드립니다.'
    return "접수한 민원실로 문의해 주십시오."


@router.get("/status/{receipt_no}", response_class=HTMLResponse, summary="시민용 처리 상황 조회 (준비 중)")
async def status_page(receipt_no: str, factory: FactoryDep) -> HTMLResponse:
    office = await run_in_threadpool(units.read, factory, office_info)
    try:
        number = str(parse_receipt_number(receipt_no))
    except DomainError:
        body = (
            f"<p>접수번호 형식이 아닙니다: {escape(receipt_no[:40])} (예: 20261122-C03-0042)</p>"
            f"<p>접수증에 적힌 접수번호를 확인하시거나 {_ask(office)}</p>"
        )
        return HTMLResponse(_PAGE.format(office=escape(office.name), body=body), status_code=404)
    body = (
        f'<p>접수번호 <span class="no">{escape(number)}</span></p>'
        "<p>인터넷 처리 상황 조회는 준비 중입니다. 처리 상황은 접수번호를 알려 주시고 "
        f"{escape(office.name)} {_ask(office)}</p>"
    )
    return HTMLResponse(_PAGE.format(office=escape(office.name), body=body))
