"""POST /stations/enrol: a workstation gets its station code (once) and where its receipt numbers continue."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter

from ...domain.receipts import parse_receipt_number
from ...domain.roles import Role
from ...store.central import stations
from ...store.central.accounts import StaffInfo
from ...sync.protocol import API_PREFIX, EnrolRequest, EnrolResponse
from .. import units
from ..deps import FactoryDep, require
from ..logs import log

router = APIRouter(prefix=API_PREFIX + "/stations", tags=["stations"])

EnrollerDep = Annotated[StaffInfo, require(Role.AGENT, Role.CLERK, Role.SUPERVISOR, Role.ADMIN)]


@router.post("/enrol", response_model=EnrolResponse, summary="단말 등록·확인 (enrol or check in a workstation)")
def enrol(body: EnrolRequest, staff: EnrollerDep, factory: FactoryDep) -> EnrolResponse:
    reported = parse_receipt_number(body.last_receipt_no) if body.last_receipt_no else None
    now = datetime.now(UTC)
    result = units.write(
        factory,
        lambda s: stations.enrol_workstation(
            s, name=body.name, now=now, workstation_id=body.workstation_id, code=body.code, reported_last=reported
        ),
        # the same workstation id or code always gets the same station: enrolling twice does no harm
        repeatable=body.workstation_id is not None or body.code is not None,
    )
    if result.restored_from_backup:
        log(
            "station_restored_from_backup",
            code=result.code,
            reported=body.last_receipt_no,
            server_last_day=result.last_receipt_day,
            server_last_seq=result.last_receipt_seq,
        )
    log("station_enrolled", code=result.code, staff=staff.username)
    return EnrolResponse(
        station_id=result.station_id,
        code=result.code,
        name=result.name,
        last_receipt_day=result.last_receipt_day.isoformat() if result.last_receipt_day else None,
        last_receipt_seq=result.last_receipt_seq,
        restored_from_backup=result.restored_from_backup,
    )
