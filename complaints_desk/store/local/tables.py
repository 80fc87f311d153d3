"""Tables only the desktop client uses: the outbox of local events, the sync state (cursor, station) and the
offline-unlock verifiers. The server creates them too (one migration history) and leaves them empty."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..models import ID, Base
from ..types import JSONType, UTCDateTime


class OutboxState:
    PENDING = "pending"  # made here, not yet answered by the server
    DONE = "done"  # accepted (or a duplicate of an accepted one): `seq` is the server's number
    REJECTED = "rejected"  # refused by the server: kept with the reason and the server's case


class OutboxRow(Base):
    """One local event on its way to the server. The full wire event is kept here, so the event can leave the
    `events` table during a rebase (or after a rejection) and never be lost."""

    __tablename__ = "sync_outbox"
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # creation order
    event_id: Mapped[str] = mapped_column(ID, unique=True)
    case_id: Mapped[str] = mapped_column(ID)
    # whose change it is (the event's actor): it is pushed with that person's token, and only theirs
    staff_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    event: Mapped[dict[str, Any]] = mapped_column(JSONType)
    state: Mapped[str] = mapped_column(String(12), default=OutboxState.PENDING)
    seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # False while a rebase found that the event no longer applies to the server's newer state: it is still
    # pushed (the server decides), but the local case does not show it.
    applied_locally: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    field: Mapped[str | None] = mapped_column(String(60), nullable=True)
    message_ko: Mapped[str | None] = mapped_column(Text, nullable=True)
    message_en: Mapped[str | None] = mapped_column(Text, nullable=True)
    server_case: Mapped[dict[str, Any] | None] = mapped_column(JSONType, nullable=True)
    after_rejection_of: Mapped[str | None] = mapped_column(ID, nullable=True)  # an earlier rejected event
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The notice this change made for the petitioner (an extension's or an answer's, gui/case_notices.py), once
    # it has left the program as a file or on paper: when the server refuses the change, that notice says
    # something untrue and must be withdrawn (store.local.notices).
    notice_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    notice_saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    notice_printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_sync_outbox_state_position", "state", "position"),
        Index("ix_sync_outbox_case_state", "case_id", "state"),
        Index("ix_sync_outbox_state_staff_position", "state", "staff_id", "position"),
    )


class SyncStateRow(Base):
    """One row (id 1): where this client is in the server's history and which station it is."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str | None] = mapped_column(String(300), nullable=True)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    workstation_id: Mapped[str | None] = mapped_column(ID, nullable=True)  # this installation, made once
    station_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    station_code: Mapped[str | None] = mapped_column(String(3), nullable=True)
    station_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_push_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_pull_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class OfflineCredential(Base):
    """A staff member who has logged in online on this workstation: an argon2 verifier of their password and
    their staff record, so they can unlock it while the server is unreachable. Never the token."""

    __tablename__ = "offline_credentials"
    staff_id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    verifier: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    department_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    server_url: Mapped[str] = mapped_column(String(300))
    online_login_at: Mapped[datetime] = mapped_column(UTCDateTime)
    failed_unlocks: Mapped[int] = mapped_column(Integer, default=0)
    # set when they signed out while changes of theirs still waited: their token is kept (in the keyring)
    # until those are accepted, then revoked; cleared by their next sign-in
    signed_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
