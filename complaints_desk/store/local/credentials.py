"""Offline-unlock records: for each staff member who logged in online here, an argon2 verifier of their
password and their staff record. The hashing itself is the caller's (sync.credentials); this is storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .tables import OfflineCredential


@dataclass(frozen=True)
class StoredCredential:
    staff_id: str
    username: str
    verifier: str
    name: str
    role: str
    department_code: str | None
    phone: str
    server_url: str
    online_login_at: datetime
    failed_unlocks: int
    signed_out_at: datetime | None = None


def _info(row: OfflineCredential) -> StoredCredential:
    return StoredCredential(
        row.staff_id,
        row.username,
        row.verifier,
        row.name,
        row.role,
        row.department_code,
        row.phone,
        row.server_url,
        row.online_login_at,
        row.failed_unlocks,
        row.signed_out_at,
    )


def credential_for(session: Session, username: str) -> StoredCredential | None:
    row = session.execute(
        select(OfflineCredential).where(OfflineCredential.username == username)
    ).scalar_one_or_none()
    return None if row is None else _info(row)


def save_credential(session: Session, credential: StoredCredential) -> None:
    """Insert or replace (by staff id; a username that moved to another staff id replaces the old row)."""
    for row in session.execute(
        select(OfflineCredential).where(
            (OfflineCredential.staff_id == credential.staff_id)
            | (OfflineCredential.username == credential.username)
        )
    ).scalars():
        session.delete(row)
    session.flush()
    session.add(
        OfflineCredential(
            staff_id=credential.staff_id,
            username=credential.username,
            verifier=credential.verifier,
            name=credential.name,
            role=credential.role,
            department_code=credential.department_code,
            phone=credential.phone,
            server_url=credential.server_url,
            online_login_at=credential.online_login_at,
            failed_unlocks=0,
        )
    )
    session.flush()


def note_failed_unlock(session: Session, username: str) -> int:
    row = session.execute(
        select(OfflineCredential).where(OfflineCredential.username == username)
    ).scalar_one_or_none()
    if row is None:
        return 0
    row.failed_unlocks += 1
    return row.failed_unlocks


def reset_failed_unlocks(session: Session, username: str) -> None:
    row = session.execute(
        select(OfflineCredential).where(OfflineCredential.username == username)
    ).scalar_one_or_none()
    if row is not None:
        row.failed_unlocks = 0


def forget_credential(session: Session, username: str) -> None:
    row = session.execute(
        select(OfflineCredential).where(OfflineCredential.username == username)
    ).scalar_one_or_none()
    if row is not None:
        session.delete(row)


def credential_of_staff(session: Session, staff_id: str) -> StoredCredential | None:
    row = session.get(OfflineCredential, staff_id)
    return None if row is None else _info(row)


def mark_signed_out(session: Session, staff_id: str, now: datetime) -> None:
    """They signed out with changes still waiting: their token stays until those are accepted."""
    row = session.get(OfflineCredential, staff_id)
    if row is not None:
        row.signed_out_at = now


def clear_signed_out(session: Session, staff_id: str) -> None:
    row = session.get(OfflineCredential, staff_id)
    if row is not None:
        row.signed_out_at = None


def signed_out_waiting(session: Session) -> list[StoredCredential]:
    """Everyone who signed out while changes of theirs waited (their kept tokens are still to be revoked)."""
    rows = session.execute(
        select(OfflineCredential)
        .where(OfflineCredential.signed_out_at.is_not(None))
        .order_by(OfflineCredential.signed_out_at)
    ).scalars()
    return [_info(row) for row in rows]
