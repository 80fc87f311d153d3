"""The case: a projection of its events. Replaying the events through `lifecycle.apply` rebuilds it exactly."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from .channels import Channel
from .kinds import Kind
from .statuses import Status


@dataclass(frozen=True)
class CaseState:
    id: str
    receipt_no: str
    kind: Kind
    channel: Channel
    status: Status
    title: str
    body: str
    petitioner_name: str
    petitioner_phone: str
    petitioner_address: str
    petitioner_email: str
    reply_channel: str
    received_at: datetime  # all datetimes here are in UTC; screens show Asia/Seoul
    registered_at: datetime
    due_at: datetime
    period_amount: int
    period_unit: str
    station_code: str | None = None
    received_by: str | None = None
    category_code: str | None = None
    department_code: str | None = None
    assignee_id: str | None = None
    registration_due_at: datetime | None = None
    transfer_due_at: datetime | None = None
    extension_count: int = 0
    clock_stopped_at: datetime | None = None
    clock_stop_reason: str | None = None
    answered_at: datetime | None = None
    answer_result: str | None = None
    answered_by: str | None = None  # who answered (the front desk may close a 기타민원 it answered itself)
    closed_at: datetime | None = None
    close_reason: str | None = None
    merged_into: str | None = None
    transferred_to_agency: str | None = None
    decision: str | None = None
    decided_at: datetime | None = None
    implementation_date: date | None = None
    rereview: bool = False
    satisfaction: int | None = None
    is_group: bool = False
    signers: int = 1
    households: int = 1
    place: str = ""  # where the matter is (a street, a building), which is not the petitioner's address
    privacy_consent: bool = False  # the petitioner agreed to the use of their personal data for this case
    receipts_printed: int = 0
    receipt_voided: bool = False
    progress_notices: int = 0
    notes: int = 0
    contacts: int = 0
    version: int = 0
    updated_at: datetime | None = None

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


CASE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(CaseState))
