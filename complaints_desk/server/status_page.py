"""GET /status/{receipt_no}: where the QR code on a receipt leads. It serves the citizens' status lookup
(server/citizen/lookup.py) with the receipt number filled in, and still asks for the last four digits of the
phone: receipt numbers are sequential, so the number alone proves nothing and the page never says whether
the case exists. A malformed number gets the same page, empty, with the reason (404)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .citizen.lookup import status_page_for
from .deps import FactoryDep

router = APIRouter(tags=["status"])


@router.get(
    "/status/{receipt_no}", response_class=HTMLResponse, summary="시민용 처리 상황 조회 (접수증의 QR 코드)"
)
async def status_page(receipt_no: str, request: Request, factory: FactoryDep) -> HTMLResponse:
    return await status_page_for(request, factory, receipt_no)
