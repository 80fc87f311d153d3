"""The tables. Cases are a projection of events (see domain.lifecycle); reference data carries the server
sequence at which it last changed so it can sync the same way events do."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .types import JSONType, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


ID = String(36)

# The statuses still running against their deadline (domain.statuses.OPEN_STATUSES), spelled out in SQL for
# the partial indexes of the queues; tests/unit/test_queue_windows.py checks it against the domain.
OPEN_CONDITION = "status IN ('received', 'routed', 'in_progress', 'returned', 'under_review')"
# Online filings not registered yet (received, with the 8-working-hour registration deadline set).
UNREGISTERED_CONDITION = "status = 'received' AND registration_due_at IS NOT NULL"


class Department(Base):
    __tablename__ = "departments"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    department_code: Mapped[str | None] = mapped_column(ForeignKey("departments.code"), nullable=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class Station(Base):
    """A workstation or an online channel: each numbers its own receipts."""

    __tablename__ = "stations"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(3), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default="workstation")  # workstation | channel
    last_receipt_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_receipt_seq: Mapped[int] = mapped_column(Integer, default=0)
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    default_department_code: Mapped[str | None] = mapped_column(ForeignKey("departments.code"), nullable=True)
    statutory_days: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 법정민원 period, if any
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class RoutingRuleRow(Base):
    __tablename__ = "routing_rules"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    department_code: Mapped[str] = mapped_column(ForeignKey("departments.code"))
    category_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    keywords: Mapped[list[str]] = mapped_column(JSONType, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class ClosureRow(Base):
    """Office closures and ad-hoc holidays the administrator enters (whole days, inclusive)."""

    __tablename__ = "closures"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(200))
    updated_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class CaseRow(Base):
    """One row per case, rebuilt exactly by replaying its events (columns mirror domain.case.CaseState)."""

    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    petitioner_name: Mapped[str] = mapped_column(String(100))
    petitioner_phone: Mapped[str] = mapped_column(String(40), default="")
    petitioner_address: Mapped[str] = mapped_column(String(300), default="")
    petitioner_email: Mapped[str] = mapped_column(String(200), default="")
    reply_channel: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    period_amount: Mapped[int] = mapped_column(Integer)
    period_unit: Mapped[str] = mapped_column(String(10))
    station_code: Mapped[str | None] = mapped_column(String(3), nullable=True)
    received_by: Mapped[str | None] = mapped_column(ID, nullable=True)
    category_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    department_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    assignee_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    registration_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    transfer_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    clock_stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    clock_stop_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answer_result: Mapped[str | None] = mapped_column(String(30), nullable=True)
    answered_by: Mapped[str | None] = mapped_column(ID, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    close_reason: Mapped[str | None] = mapped_column(String(30), nullable=True)
    merged_into: Mapped[str | None] = mapped_column(ID, nullable=True)
    transferred_to_agency: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    implementation_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    rereview: Mapped[bool] = mapped_column(Boolean, default=False)
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    signers: Mapped[int] = mapped_column(Integer, default=1)
    households: Mapped[int] = mapped_column(Integer, default=1)
    place: Mapped[str] = mapped_column(String(300), default="", server_default="")
    privacy_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    receipts_printed: Mapped[int] = mapped_column(Integer, default=0)
    receipt_voided: Mapped[bool] = mapped_column(Boolean, default=False)
    progress_notices: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[int] = mapped_column(Integer, default=0)
    contacts: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # newest server seq applied

    __table_args__ = (
        Index("ix_cases_received", "received_at"),
        Index("ix_cases_dept_status_due", "department_code", "status", "due_at"),
        Index("ix_cases_status_due", "status", "due_at"),
        Index("ix_cases_dept_status_received", "department_code", "status", "received_at"),
        Index("ix_cases_due", "due_at"),
        Index("ix_cases_assignee_status", "assignee_id", "status"),
        Index("ix_cases_phone", "petitioner_phone"),
        Index("ix_cases_name", "petitioner_name"),
        # The cases changed since an instant: the summary's backlog at its period's end reads only those.
        Index("ix_cases_updated", "updated_at"),
        # The desktop's queues (store.queue): each queue's filter is an index prefix and each sortable column
        # (received, due, receipt number) follows it, so a window at any depth is a seek, never a sort.
        Index("ix_cases_assignee_received", "assignee_id", "received_at"),
        Index("ix_cases_assignee_due", "assignee_id", "due_at"),
        Index("ix_cases_assignee_receipt", "assignee_id", "receipt_no"),
        # An officer's cases in arrival (rowid) order, the order a search lists its matches in: a search inside
        # the officer's queue merges this list with the word's matches (store.queue_plan.Merge).
        Index("ix_cases_assignee_list", "assignee_id"),
        # A department's cases in arrival order: a search inside the department looks each match up in it
        # (store.queue_plan) instead of reading the match's row.
        Index("ix_cases_dept_list", "department_code"),
        Index("ix_cases_dept_received", "department_code", "received_at"),
        Index("ix_cases_dept_due", "department_code", "due_at"),
        Index("ix_cases_dept_receipt", "department_code", "receipt_no"),
        # Partial indexes hold only the few cases still open (overdue, due within a day) or still awaiting
        # registration; the queue's SQL repeats these conditions word for word, which is how SQLite picks them.
        *(
            Index(
                f"ix_cases_open_{name}",
                column,
                sqlite_where=text(OPEN_CONDITION),
                postgresql_where=text(OPEN_CONDITION),
            )
            for name, column in (("received", "received_at"), ("due", "due_at"), ("receipt", "receipt_no"))
        ),
        *(
            Index(
                f"ix_cases_unregistered_{name}",
                column,
                sqlite_where=text(UNREGISTERED_CONDITION),
                postgresql_where=text(UNREGISTERED_CONDITION),
            )
            for name, column in (("received", "received_at"), ("due", "due_at"), ("receipt", "receipt_no"))
        ),
        # The filings to register as a list of rowids read from the index alone (its condition's columns are in
        # it): a search inside that queue checks its matches against the list (store.queue).
        Index(
            "ix_cases_unregistered_list",
            "status",
            "registration_due_at",
            sqlite_where=text(UNREGISTERED_CONDITION),
            postgresql_where=text(UNREGISTERED_CONDITION),
        ),
        # The filings to register in arrival (rowid) order: its one column holds the same status for every
        # filing in it. A search inside that queue merges this list with the word's matches (queue_plan.Merge).
        Index(
            "ix_cases_unregistered_arrival",
            "status",
            sqlite_where=text(UNREGISTERED_CONDITION),
            postgresql_where=text(UNREGISTERED_CONDITION),
        ),
    )


class EventRow(Base):
    """The append-only history. ``seq`` is the server's order; NULL on a client until the server accepts it."""

    __tablename__ = "events"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    case_id: Mapped[str] = mapped_column(ID)  # looked up through uq_events_case_version (case_id first)
    seq: Mapped[int | None] = mapped_column(BigInteger, unique=True, nullable=True)
    type: Mapped[str] = mapped_column(String(30))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    actor_role: Mapped[str] = mapped_column(String(20))
    actor_department: Mapped[str | None] = mapped_column(String(40), nullable=True)
    station_code: Mapped[str | None] = mapped_column(String(3), nullable=True)
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    case_version: Mapped[int] = mapped_column(Integer)  # the case's version after this event: replay order
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # Server: the staff member whose push recorded this event (a server-made follow-up: the push it follows),
    # and the station code of the workstation that proved itself on that push (NULL without a proof).
    # station_code is what the event itself says. NULL on the desktop and for events made on the server.
    pushed_by: Mapped[str | None] = mapped_column(ID, nullable=True)
    pushed_from: Mapped[str | None] = mapped_column(String(8), nullable=True)

    __table_args__ = (UniqueConstraint("case_id", "case_version", name="uq_events_case_version"),)


class Attachment(Base):
    """Metadata only; the bytes are named by their SHA-256, on disk under a folder (the desktop's data
    directory, or the server's shared attachments folder) or in AttachmentBlob (store/attachments.py)."""

    __tablename__ = "attachments"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    event_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AttachmentBlob(Base):
    """An attachment's bytes kept in the database, once per content, so that every server process can serve
    what any of them took in (the citizens' web pages; store/attachments.py). No foreign key: the bytes are
    written before the filing's own transaction, so the case's numbered events never wait for them."""

    __tablename__ = "attachment_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OfficeSettings(Base):
    """The issuing office every document names: one row (id "office"), set by the administrator on the
    server and pulled by every desktop with the other reference data."""

    __tablename__ = "office_settings"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    head_title: Mapped[str] = mapped_column(String(100), default="")
    status_url_base: Mapped[str] = mapped_column(String(300), default="")
    updated_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class Meta(Base):
    """Small per-database facts: this workstation's station code, schema facts, and the like."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# The reference tables that travel to every desktop through pull, by their name on the wire
# (sync.protocol.ReferenceTable): the server numbers their changes (central.sequence, central.feed) and the
# desktop applies them (local.pull). A new reference table is added here, once, and to the protocol's names.
SYNCED_REFERENCE: dict[str, Any] = {
    "departments": Department,
    "staff": Staff,
    "stations": Station,
    "categories": Category,
    "routing_rules": RoutingRuleRow,
    "closures": ClosureRow,
    "office_settings": OfficeSettings,
}
