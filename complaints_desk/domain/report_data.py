"""Plain data handed from the report queries (store.reports) to the layouts (documents/).

It lives in domain/ because it is the one layer both store/ and documents/ may import: the queries fill these
values and the layouts read them, and neither knows the other. Petitioners'
details are carried as stored; the layout applies the masking rule of the document it prints (a receipt
always masks; an export masks unless the viewer's role may see them in full)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .channels import Channel
from .extensions import ExtensionReason
from .kinds import Kind
from .statuses import Status

# What a document prints before the administrator has named the office (`complaints-desk admin office`): a
# placeholder that reads as one, never the product's name passed off as an issuer.
DEFAULT_OFFICE_NAME = "(기관명 미설정)"


@dataclass(frozen=True)
class OfficeInfo:
    """The issuing office as printed on every document: the server's office settings (reference data that
    every desktop pulls). ``status_url_base`` is the public address of the citizens' status page (https in
    production); empty until the administrator sets it, and then the documents print no QR code."""

    name: str = DEFAULT_OFFICE_NAME
    phone: str = ""
    status_url_base: str = ""
    address: str = ""
    head_title: str = ""  # who signs notices, in full: "서울특별시 한빛구청장"

    def status_url(self, receipt_no: str) -> str:
        """What the QR code holds: the status page with the receipt number filled in ("" when unset)."""
        if not self.status_url_base:
            return ""
        base = self.status_url_base if self.status_url_base.endswith("/") else self.status_url_base + "/"
        return f"{base}{receipt_no}"

    def typeable_status_url(self, receipt_no: str) -> str:
        """The same address as a person types it from paper: no scheme (every browser adds it)."""
        url = self.status_url(receipt_no)
        for scheme in ("https://", "http://"):
            if url.startswith(scheme):
                return url[len(scheme) :]
        return url

    @property
    def signature(self) -> str:
        """Who signs a notice: the head's title as set, else the office's name with 장 (한빛구청 → 한빛구청장)."""
        return self.head_title or f"{self.name}장"


@dataclass(frozen=True)
class ReceiptChange:
    """Something that happened to a case after its receipt was first issued, which a reprint says beside
    the facts of the day of receipt: kind is extended | stopped | resumed | transferred_out | withdrawn."""

    kind: str
    at: datetime
    due_at: datetime | None = None  # extended / resumed: the new due date
    detail: str = ""  # stopped: the reason code; transferred_out: the agency


@dataclass(frozen=True)
class ReceiptFacts:
    receipt_no: str
    kind: Kind
    channel: Channel
    title: str
    petitioner_name: str
    petitioner_phone: str
    received_at: datetime
    due_at: datetime
    period_unit: str
    period_amount: int
    department_name: str | None
    department_phone: str | None
    clerk_name: str | None
    pending_sync: bool  # the intake has not been confirmed by the server (taken offline, not yet pushed)
    voided: bool = False
    void_reason: str = ""
    times_printed: int = 0
    is_group: bool = False
    signers: int = 1
    original_due_at: datetime | None = None  # the due date as first set, when it has changed since
    changes: tuple[ReceiptChange, ...] = ()


@dataclass(frozen=True)
class Officer:
    department_name: str
    name: str
    phone: str


@dataclass(frozen=True)
class NoticeCase:
    """What every notice to the petitioner says about the case it concerns."""

    receipt_no: str
    kind: Kind
    title: str
    petitioner_name: str
    petitioner_address: str
    received_at: datetime
    due_at: datetime
    status: Status
    information_disclosure: bool = False  # a request under 정보공개법: its refusal has that law's remedy


@dataclass(frozen=True)
class ResultNoticeFacts:
    case: NoticeCase
    officer: Officer
    answered_at: datetime
    result: str  # accepted | partially_accepted | rejected | informed
    answer: str
    reasons: str = ""
    remedies: str = ""


@dataclass(frozen=True)
class ExtensionNoticeFacts:
    case: NoticeCase
    officer: Officer
    extended_at: datetime
    reason: ExtensionReason
    reason_text: str
    previous_due_at: datetime
    new_due_at: datetime
    number: int  # first or second extension
    consent: bool


@dataclass(frozen=True)
class ProgressNoticeFacts:
    case: NoticeCase
    officer: Officer
    as_of: datetime
    days_open: int
    notice_number: int  # 1 at 30 days, 2 at 60 days …
    status_url: str


@dataclass(frozen=True)
class ProposalDecisionFacts:
    case: NoticeCase
    officer: Officer
    decided_at: datetime
    adopted: bool
    reasons: str
    implementation_date: date | None
    rereview_until: datetime | None  # last moment to ask for a re-review of a rejection


# --- supervisor summary ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountRow:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class DepartmentFigures:
    code: str | None
    name: str
    received: int
    open: int
    answered: int
    answered_on_time: int
    overdue: int
    ended_otherwise: int = 0  # merged, transferred out, withdrawn, closed without an answer


@dataclass(frozen=True)
class RepeatFiler:
    name: str
    phone: str
    count: int


@dataclass(frozen=True)
class OverdueCase:
    receipt_no: str
    kind: Kind
    title: str
    department_name: str
    received_at: datetime
    due_at: datetime
    status: Status


@dataclass(frozen=True)
class BacklogFigures:
    """The cases open at an instant (the period's end), as the events up to it make them."""

    at: datetime
    open: int
    overdue: int
    by_age: list[CountRow]  # sums to open
    departments: list[tuple[str, int, int]]  # (name, open, overdue), open summing to open


@dataclass(frozen=True)
class OfficerFigures:
    """One officer's share of a department's intake in the period (the officer it is assigned to now)."""

    name: str
    assigned: int
    answered: int
    answered_on_time: int
    open: int
    overdue: int


@dataclass(frozen=True)
class PeriodComparison:
    """The previous period of the same length: its intake and how much of it was answered, and in time."""

    first_day: date
    last_day: date
    received: int
    answered: int
    answered_on_time: int


@dataclass(frozen=True)
class SummaryExtras:
    previous: PeriodComparison
    satisfaction: list[CountRow]  # scores 1..5, with how many cases gave each
    online: int  # filed online in the period
    online_registered_in_time: int  # of those, registered within 8 working hours (영 §6⑧)
    officers: list[OfficerFigures] = field(default_factory=list)  # for one department's summary

    @property
    def satisfaction_average(self) -> float | None:
        answers = sum(r.count for r in self.satisfaction)
        return sum(int(r.key) * r.count for r in self.satisfaction) / answers if answers else None


@dataclass(frozen=True)
class SummaryFigures:
    """Figures for the cases received in [first_day, last_day] (Asia/Seoul), for one department or all;
    open and overdue are as of ``as_of``."""

    first_day: date
    last_day: date
    department_code: str | None
    department_name: str | None
    as_of: datetime
    total: int
    by_channel: list[CountRow]
    by_kind: list[CountRow]
    by_day: list[tuple[date, int]]
    departments: list[DepartmentFigures]
    answered: int
    answered_on_time: int
    open: int
    overdue_total: int
    median_minutes: int | None
    p90_minutes: int | None
    extended_cases: int
    extensions: list[CountRow]
    top_categories: list[CountRow]
    repeat_filers: list[RepeatFiler]
    overdue: list[OverdueCase] = field(default_factory=list)
    ended_otherwise: list[CountRow] = field(default_factory=list)  # by status; received = answered + open + these
    backlog: BacklogFigures | None = None  # the state at the period's end
    extras: SummaryExtras | None = None


# --- export ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseExportRow:
    receipt_no: str
    received_at: datetime
    kind: Kind
    channel: Channel
    status: Status
    title: str
    petitioner_name: str
    petitioner_phone: str
    petitioner_address: str
    petitioner_email: str
    department_name: str
    category_name: str
    due_at: datetime
    answered_at: datetime | None
    extension_count: int
