"""The workstation screen of a push: a received event's receipt number must carry the code of the workstation
that proves itself with its headers (docs/operations.md, "Workstations: enrolment and proof")."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from ...domain.errors import DomainError
from ...domain.events import Event, EventType
from ...domain.receipts import parse_receipt_number
from ...domain.roles import Role
from ...store.central import stations
from ...store.central.accounts import StaffInfo
from ..deps import WorkstationClaim

NO_CLAIM = WorkstationClaim(None, None)  # a push without workstation headers: no intakes


def proven_code(
    session: Session, staff: StaffInfo, claim: WorkstationClaim, events: Sequence[Event]
) -> str | None:
    """The station code the request's proof headers prove (one query, in the chunk's own transaction): an
    intake must carry it, and every event of the push records it as where it came from. None without a
    valid proof."""
    if staff.role is Role.SYSTEM or not claim.present:
        return None
    return stations.proven_station_code(session, claim.workstation_id, claim.secret)


def _station_mismatch(code: str, own: str) -> DomainError:
    return DomainError(
        "receipt_no",
        f"접수번호의 단말 코드 {code}은(는) 이 단말({own})의 코드가 아닙니다. 접수번호는 접수한 단말의 코드로만 "
        "발급할 수 있습니다.",
        f"The receipt number's station {code} is not this workstation's ({own}): a receipt is numbered under "
        "the code of the workstation that takes it.",
        code="station_mismatch",
    )


def station_check(session: Session, staff: StaffInfo, event: Event, proven: str | None) -> DomainError | None:
    """A received event's receipt number must be the pushing workstation's (`proven`: the code its proof
    headers proved in this transaction, None without a valid proof), or, for the SYSTEM role's channel
    intake, a channel's. Other events pass (a push without workstation headers may carry only those)."""
    if event.type is not EventType.RECEIVED:
        return None
    text = event.payload.get("receipt_no")
    try:
        number = parse_receipt_number(text) if isinstance(text, str) else None
    except DomainError:
        number = None
    if number is None:
        return None  # not a receipt number at all: the lifecycle refuses it in its own words
    claimed = {number.station_code, event.station_code or number.station_code}
    if staff.role is Role.SYSTEM:
        kinds = {stations.station_kind(session, code) for code in claimed}
        return (
            None if kinds == {"channel"} and len(claimed) == 1 else _station_mismatch(number.station_code, "채널")
        )
    if proven is None:
        return stations.unproven()
    if claimed != {proven}:
        return _station_mismatch(sorted(claimed - {proven})[0], proven)
    return None
