"""Workstations: enrolment (a station code assigned once per installation: C01, C02 …, and a secret that
proves the workstation on every push), check-in, and the newest receipt number the server has seen from each
station, so a workstation restored from an old backup continues after that number instead of handing one out
again. The caller owns the transaction; who may call what is the server's (server/stations, docs/operations.md).

- A new workstation (an id the server has not seen) gets the next free code and a new secret; at most
  NEW_WORKSTATIONS_PER_HOUR per staff member and hour.
- An existing workstation keeps its code and its name. Enrolling it again rotates its secret: the old secret
  stops working at once. That needs the current secret (the workstation proving itself), or an
  administrator (a machine replaced, or its keyring lost or rolled back past a rotation), or a workstation
  enrolled before proofs existed (it has no secret to show).
- A code never selects a station: naming a code that is not the workstation's own is refused.

The secret is 32 random bytes (`secrets`); the server keeps only its SHA-256. A high-entropy random secret needs
no slow password hash: nobody can guess one to match a stolen hash, which is what a slow hash is against.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from ...domain.errors import DomainError
from ...domain.ids import new_id
from ...domain.receipts import ReceiptNumber
from ..cases import note_receipt_seen
from ..models import Station
from .sequence import next_seq
from .tables import WorkstationKey

WORKSTATION_PREFIX = "C"
NEW_WORKSTATIONS_PER_HOUR = 10  # per enrolling staff member: a real office adds a few machines a year
_DIGITS = string.digits + string.ascii_uppercase


@dataclass(frozen=True)
class Enrolment:
    station_id: str
    code: str
    name: str
    last_receipt_day: date | None
    last_receipt_seq: int
    restored_from_backup: bool
    secret: str | None = None  # only in the answer to an enrolment: the server never sees it again
    taken_over: bool = False  # an administrator re-enrolled it without its proof (the old machine is out)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def unproven() -> DomainError:
    return DomainError(
        "workstation",
        "이 단말의 등록 증명이 없거나 맞지 않습니다. 팀장 또는 관리자가 이 단말을 다시 등록해 주세요.",
        "This workstation's enrolment proof is missing or wrong: a supervisor or an administrator must enrol "
        "it again.",
        code="workstation_unproven",
    )


def _next_code(session: Session) -> str:
    used = set(session.execute(select(Station.code).where(Station.code.like(f"{WORKSTATION_PREFIX}%"))).scalars())
    for number in range(1, len(_DIGITS) ** 2):
        code = WORKSTATION_PREFIX + _DIGITS[number // len(_DIGITS)] + _DIGITS[number % len(_DIGITS)]
        if code not in used:
            return code
    raise DomainError(
        "code", "더 이상 단말 코드를 배정할 수 없습니다.", "No workstation codes are left.", "no_codes_left"
    )


# Built once: the push checks a proof on every request, and building and caching the statement anew each time
# cost more than the query. The push needs only the code; a check-in, the station's row (the same join).
_PROOF = (
    select(Station.code, WorkstationKey.proof_hash)
    .join(WorkstationKey, WorkstationKey.station_id == Station.id)
    .where(Station.id == bindparam("workstation_id"), Station.kind == "workstation")
)
_PROVEN_ROW = _PROOF.with_only_columns(Station, WorkstationKey.proof_hash)


def _proven(session: Session, statement: Select[Any, str], workstation_id: str | None, secret: str | None) -> Any:
    """The first column of `statement`'s row for a workstation these credentials prove, or None (unknown id, no
    secret, a wrong or rotated one)."""
    if not workstation_id or not secret:
        return None
    found = session.execute(statement, {"workstation_id": workstation_id}).first()
    if found is None or not hmac.compare_digest(found[1], hash_secret(secret)):
        return None
    return found[0]


def proven_station_code(session: Session, workstation_id: str | None, secret: str | None) -> str | None:
    """The code of the workstation these credentials prove, or None. One query of two columns: the push checks
    it in its own transaction, on the intake's hot path."""
    code = _proven(session, _PROOF, workstation_id, secret)
    return None if code is None else str(code)


def station_kind(session: Session, code: str) -> str | None:
    """'workstation', 'channel', or None for a code the server does not know."""
    found = session.execute(select(Station.kind).where(Station.code == code)).scalar_one_or_none()
    return None if found is None else str(found)


def _check_limit(session: Session, staff_id: str, now: datetime) -> None:
    recent = session.execute(
        select(func.count())
        .select_from(WorkstationKey)
        .where(WorkstationKey.created_by == staff_id, WorkstationKey.created_at > now - timedelta(hours=1))
    ).scalar_one()
    if int(recent) >= NEW_WORKSTATIONS_PER_HOUR:
        raise DomainError(
            "workstation_id",
            f"한 시간에 새 단말은 {NEW_WORKSTATIONS_PER_HOUR}대까지 등록할 수 있습니다. 잠시 후 다시 시도하거나, "
            "이미 등록한 단말은 같은 단말 ID로 다시 등록해 주세요.",
            f"At most {NEW_WORKSTATIONS_PER_HOUR} new workstations per staff member and hour: try again later, "
            "or enrol a known workstation again under its own id.",
            code="too_many_workstations",
        )


def _reported(session: Session, row: Station, reported_last: ReceiptNumber | None) -> bool:
    """Note the workstation's own newest number; True when it is older than what the server has seen
    (restored from a backup: it must continue after the server's number)."""
    if reported_last is None or reported_last.station_code != row.code:
        return False
    seen = (row.last_receipt_day, row.last_receipt_seq) if row.last_receipt_day else None
    if seen is not None and (reported_last.day, reported_last.sequence) < seen:
        return True
    note_receipt_seen(session, reported_last)
    return False


def enrol_workstation(
    session: Session,
    *,
    staff_id: str,
    administrator: bool,
    name: str,
    now: datetime,
    workstation_id: str | None = None,
    code: str | None = None,
    reported_last: ReceiptNumber | None = None,
    proof: str | None = None,
) -> Enrolment:
    """Enrol a new workstation or re-enrol a known one (the rules in the module's docstring); the answer
    carries the new secret. `administrator`: the enrolling staff member may take over a workstation without
    its proof. Raises DomainError: workstation_unproven, station_mismatch, too_many_workstations."""
    seq = next_seq(session)  # first: serialises enrolments, so two new workstations never get one code
    row = session.get(Station, workstation_id) if workstation_id else None
    if row is not None and row.kind != "workstation":
        raise DomainError(
            "workstation_id",
            "온라인 채널의 ID로는 단말을 등록할 수 없습니다.",
            "That id belongs to an online channel, not a workstation.",
            code="station_mismatch",
        )
    if code is not None and (row is None or row.code != code):
        raise DomainError(
            "code",
            f"단말 코드 {code}은(는) 이 단말의 코드가 아닙니다. 코드는 서버가 배정하며 다른 단말의 코드를 쓸 수 없습니다.",
            f"{code} is not this workstation's code: the server assigns codes, and another station's cannot be taken.",
            code="station_mismatch",
        )
    key = session.get(WorkstationKey, row.id) if row is not None else None
    taken_over = False
    if row is None:
        _check_limit(session, staff_id, now)
        row = Station(
            id=workstation_id or new_id(),
            code=_next_code(session),
            name=name,
            kind="workstation",
            last_receipt_seq=0,
            enrolled_at=now,
        )
        session.add(row)
        session.flush()
    elif key is not None and proven_station_code(session, row.id, proof) is None:
        if not administrator:
            raise unproven()
        taken_over = True
    secret = secrets.token_urlsafe(32)
    if key is None:
        key = WorkstationKey(station_id=row.id, created_by=staff_id, created_at=now)
        session.add(key)
    key.proof_hash, key.rotated_by, key.rotated_at = hash_secret(secret), staff_id, now
    row.enrolled_at = now
    restored = _reported(session, row, reported_last)
    row.updated_seq = seq
    session.flush()
    return Enrolment(
        row.id, row.code, row.name, row.last_receipt_day, row.last_receipt_seq, restored, secret, taken_over
    )


def check_in(
    session: Session, workstation_id: str | None, secret: str | None, reported_last: ReceiptNumber | None
) -> Enrolment:
    """A proven workstation's check-in (any signed-in staff member): where its receipt numbers continue, and
    whether it was restored from a backup. Changes no code, name or secret."""
    row: Station | None = _proven(session, _PROVEN_ROW, workstation_id, secret)
    if row is None:
        raise unproven()
    restored = _reported(session, row, reported_last)
    session.flush()
    return Enrolment(row.id, row.code, row.name, row.last_receipt_day, row.last_receipt_seq, restored)
