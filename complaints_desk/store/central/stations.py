"""Workstation enrolment: a station code assigned once per installation (C01, C02 …), and the newest receipt
number the server has seen from it, so a workstation restored from an old backup continues after that
number instead of handing out one again. The caller owns the transaction."""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.errors import DomainError
from ...domain.ids import new_id
from ...domain.receipts import ReceiptNumber
from ..cases import note_receipt_seen
from ..models import Station
from .sequence import next_seq

WORKSTATION_PREFIX = "C"
_DIGITS = string.digits + string.ascii_uppercase


@dataclass(frozen=True)
class Enrolment:
    station_id: str
    code: str
    name: str
    last_receipt_day: date | None
    last_receipt_seq: int
    restored_from_backup: bool


def _next_code(session: Session) -> str:
    used = set(session.execute(select(Station.code).where(Station.code.like(f"{WORKSTATION_PREFIX}%"))).scalars())
    for number in range(1, len(_DIGITS) ** 2):
        code = WORKSTATION_PREFIX + _DIGITS[number // len(_DIGITS)] + _DIGITS[number % len(_DIGITS)]
        if code not in used:
            return code
    raise DomainError(
        "code", "더 이상 단말 코드를 배정할 수 없습니다.", "No workstation codes are left.", "no_codes_left"
    )


def enrol_workstation(
    session: Session,
    *,
    name: str,
    now: datetime,
    workstation_id: str | None = None,
    code: str | None = None,
    reported_last: ReceiptNumber | None = None,
) -> Enrolment:
    seq = next_seq(session)  # first: serialises enrolments, so two new workstations never get one code
    row = session.get(Station, workstation_id) if workstation_id else None
    if row is None and code:
        row = session.execute(select(Station).where(Station.code == code)).scalar_one_or_none()
        if row is None or row.kind != "workstation":
            raise DomainError(
                "code",
                f"등록된 단말 코드가 아닙니다: {code}",
                f"{code} is not an enrolled workstation.",
                "unknown_station",
            )
    if row is None:
        row = Station(
            id=workstation_id or new_id(),
            code=_next_code(session),
            name=name,
            kind="workstation",
            last_receipt_seq=0,
        )
        session.add(row)
        session.flush()
    row.name, row.enrolled_at = name, now
    restored = False
    if reported_last is not None and reported_last.station_code == row.code:
        seen = (row.last_receipt_day, row.last_receipt_seq) if row.last_receipt_day else None
        if seen is not None and (reported_last.day, reported_last.sequence) < seen:
            restored = True
        else:
            note_receipt_seen(session, reported_last)
    row.updated_seq = seq
    session.flush()
    return Enrolment(row.id, row.code, row.name, row.last_receipt_day, row.last_receipt_seq, restored)
