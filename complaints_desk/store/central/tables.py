"""Tables only the central server fills: the sequence counter that orders every change, login tokens,
failed-login counters, workstation proofs, the stored answer to every pushed event, and tombstones for
deleted reference rows.
(The client's database has them too, empty: one migration history for both.)"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..models import ID, Base
from ..types import UTCDateTime


class ServerCounter(Base):
    """One row per counter; the row `seq` is locked by every writer until it commits, so sequence numbers
    become visible strictly in order (see store.central.sequence.next_seq)."""

    __tablename__ = "server_counters"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AuthToken(Base):
    """A bearer token, kept only as its SHA-256 so a stolen database holds no usable token."""

    __tablename__ = "auth_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    client_ip: Mapped[str] = mapped_column(String(64), default="")


class LoginFailure(Base):
    """Wrong passwords, one row per key: `user:<name>` (the username, from any address) or `addr:<ip>` (the client
    address, for any usernames). Drives the exponential lockout windows (central.accounts)."""

    __tablename__ = "login_failures"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PushOutcome(Base):
    """The server's first answer to a pushed event, so a repeated push gets the same answer."""

    __tablename__ = "push_outcomes"
    event_id: Mapped[str] = mapped_column(ID, primary_key=True)
    case_id: Mapped[str] = mapped_column(ID)
    status: Mapped[str] = mapped_column(String(10))  # accepted | rejected
    seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    field: Mapped[str | None] = mapped_column(String(60), nullable=True)
    message_ko: Mapped[str | None] = mapped_column(Text, nullable=True)
    message_en: Mapped[str | None] = mapped_column(Text, nullable=True)
    pushed_by: Mapped[str | None] = mapped_column(ID, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReferenceTombstone(Base):
    """A deleted reference row (closures, routing rules), pulled like any other change."""

    __tablename__ = "reference_tombstones"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(ID)


class WorkstationKey(Base):
    """A workstation's proof: the SHA-256 of the random secret it was given at enrolment (kept in its OS
    keyring), and who enrolled it when (the limit on new workstations per staff member and hour). Its own
    table, not columns of `stations`: stations are reference data every client pulls."""

    __tablename__ = "workstation_keys"
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id"), primary_key=True)
    proof_hash: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    rotated_by: Mapped[str | None] = mapped_column(ID, nullable=True)
    rotated_at: Mapped[datetime] = mapped_column(UTCDateTime)
