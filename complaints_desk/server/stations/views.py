"""POST /stations/enrol: a supervisor or an administrator enrols a workstation (its station code, once, and
a secret that proves it on every push); POST /stations/check-in: a proven workstation learns where its receipt
numbers continue, at every online login, whoever logs in. Rules: store.central.stations, docs/operations.md."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter

from ...domain.errors import DomainError
from ...domain.receipts import parse_receipt_number
from ...domain.roles import Role
from ...store.central import stations
from ...store.central.accounts import StaffInfo
from ...sync.protocol import API_PREFIX, CheckInRequest, EnrolRequest, EnrolResponse
from .. import units
from ..deps import FactoryDep, StaffDep, WorkstationDep, require
from ..errors import ApiError
from ..logs import log

router = APIRouter(prefix=API_PREFIX + "/stations", tags=["stations"])

EnrollerDep = Annotated[StaffInfo, require(Role.SUPERVISOR, Role.ADMIN)]

_STATUS = {"workstation_unproven": 403, "station_mismatch": 409, "too_many_workstations": 429}


def _refused(error: DomainError, staff: StaffInfo, workstation_id: str | None) -> ApiError:
    log(
        "station_refused",
        logging.WARNING,
        reason=error.code,
        staff=staff.username,
        workstation=workstation_id,
        message=error.en,
    )
    headers = {"Retry-After": "3600"} if error.code == "too_many_workstations" else None
    return ApiError(_STATUS.get(error.code, 400), error.code, error.ko, error.en, error.field, headers)


def _answer(result: stations.Enrolment, reported: str | None) -> EnrolResponse:
    if result.restored_from_backup:
        log(
            "station_restored_from_backup",
            code=result.code,
            reported=reported,
            server_last_day=result.last_receipt_day,
            server_last_seq=result.last_receipt_seq,
        )
    return EnrolResponse(
        station_id=result.station_id,
        code=result.code,
        name=result.name,
        last_receipt_day=result.last_receipt_day.isoformat() if result.last_receipt_day else None,
        last_receipt_seq=result.last_receipt_seq,
        restored_from_backup=result.restored_from_backup,
        secret=result.secret,
    )


@router.post(
    "/enrol", response_model=EnrolResponse, summary="단말 등록 (enrol a workstation: supervisors, admins)"
)
def enrol(body: EnrolRequest, staff: EnrollerDep, factory: FactoryDep, claim: WorkstationDep) -> EnrolResponse:
    reported = parse_receipt_number(body.last_receipt_no) if body.last_receipt_no else None
    now = datetime.now(UTC)
    proof = claim.secret if claim.workstation_id == body.workstation_id else None
    try:
        # Not repeatable: a retry after a COMMIT whose fate is unknown would rotate the secret again and
        # the answer carrying the first one would be lost (503 instead: the client enrols again).
        result = units.write(
            factory,
            lambda s: stations.enrol_workstation(
                s,
                staff_id=staff.id,
                administrator=staff.role is Role.ADMIN,
                name=body.name,
                now=now,
                workstation_id=body.workstation_id,
                code=body.code,
                reported_last=reported,
                proof=proof,
            ),
        )
    except DomainError as error:
        raise _refused(error, staff, body.workstation_id) from error
    if result.taken_over:
        log(
            "station_taken_over",
            logging.WARNING,
            code=result.code,
            staff=staff.username,
            workstation=result.station_id,
        )
    log("station_enrolled", code=result.code, staff=staff.username, workstation=result.station_id)
    return _answer(result, body.last_receipt_no)


@router.post("/check-in", response_model=EnrolResponse, summary="단말 확인 (check in a proven workstation)")
def check_in(body: CheckInRequest, staff: StaffDep, factory: FactoryDep, claim: WorkstationDep) -> EnrolResponse:
    reported = parse_receipt_number(body.last_receipt_no) if body.last_receipt_no else None
    try:
        result = units.write(
            factory,
            lambda s: stations.check_in(s, claim.workstation_id, claim.secret, reported),
            repeatable=True,  # it only raises a station's highest number seen: twice is the same as once
        )
    except DomainError as error:
        raise _refused(error, staff, claim.workstation_id) from error
    return _answer(result, body.last_receipt_no)
