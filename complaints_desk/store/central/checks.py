"""The server's own checks on a pushed event, beyond the lifecycle's (docs/operations.md, "What the server
checks"): the times are within a window of the server's clock, every reference exists, the acting staff
member is named, base_version is not ahead of the case, an officer's intake stays in the officer's
department, and an id is not re-used for other content. And the server's own legal deadline: where the
workstation's forecast differs, a SYSTEM `deadline_set` event follows its `received` in the same transaction.

All of these refuse with a DomainError that is NOT stored as the event's answer (push.apply_batch's
"refused"): they depend on the server's clock and reference data, so a later push of the same event may be
decided differently (a department created meanwhile), and they never change what the lifecycle stored.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import deadlines
from ...domain.calendar import WorkCalendar
from ...domain.case import CaseState
from ...domain.errors import DomainError
from ...domain.events import Event, EventType
from ...domain.kinds import Kind
from ...domain.lifecycle import may
from ...domain.periods import Period
from ...domain.roles import Role
from ..intake import calendar_for
from ..models import Attachment, CaseRow, Category, Department, EventRow, Staff
from ..projection import row_to_event
from .tables import PushOutcome

SEOUL = ZoneInfo("Asia/Seoul")
# The server's follow-up events get ids derived from the event they follow, so the same push decided twice
# (a retried transaction) names them the same.
_FOLLOW_UP_NAMESPACE = uuid.UUID("6f1c1c52-7a55-4d1e-9b1e-2f2d8c0c5e11")


_MOMENT_KO = {"occurred_at": "변경한", "received_at": "접수"}


@dataclass(frozen=True)
class TimeWindow:
    """How far from the server's clock a pushed time may be. `future`: workstation clocks run a little
    fast; `past`: a month-long outage's backlog must still get in (ServerSettings carries both)."""

    future: timedelta = timedelta(minutes=5)
    past: timedelta = timedelta(days=60)


@dataclass(frozen=True)
class Pusher:
    """Who is pushing (the token's staff member), as these checks need it."""

    id: str
    role: Role
    department_code: str | None


def _refusal(field_name: str, ko: str, en: str, code: str) -> DomainError:
    return DomainError(field_name, ko, en, code=code)


@dataclass
class ServerChecks:
    """One chunk's checks, in its transaction: reference look-ups are remembered for the chunk."""

    session: Session
    pusher: Pusher
    now: datetime
    window: TimeWindow = field(default_factory=TimeWindow)
    received_in_push: set[str] = field(default_factory=set)  # cases this push created (merge targets)
    _departments: dict[str, bool] = field(default_factory=dict)
    _staff: dict[str, bool] = field(default_factory=dict)
    _cases: dict[str, bool] = field(default_factory=dict)
    _calendar: WorkCalendar | None = None

    # --- screen: refuse before the lifecycle sees the event ------------------------------------------------

    def screen(self, event: Event, state: CaseState | None) -> DomainError | None:
        if not may(event.actor_role, event.type):
            return None  # the lifecycle refuses it as `forbidden`, the clearer reason
        try:
            self._actor(event)
            self._times(event)
            self._version(event, state)
            self._references(event)
        except DomainError as error:
            return error
        return None

    def _actor(self, event: Event) -> None:
        if event.actor_role is not Role.SYSTEM and event.actor_id is None:
            raise _refusal(
                "actor_id",
                "직원이 만든 이벤트에는 작성자(actor_id)가 있어야 합니다.",
                "An event made by staff must name its actor (actor_id).",
                "actor_required",
            )
        if (
            event.type is EventType.RECEIVED
            and self.pusher.role is Role.OFFICER
            and isinstance(code := event.payload.get("department_code"), str)
            and code.strip()
            and code.strip() != self.pusher.department_code
        ):
            raise _refusal(
                "department_code",
                "담당자가 접수한 민원은 담당자 본인의 부서로만 접수됩니다.",
                "An officer's intake belongs to the officer's own department.",
                "department_mismatch",
            )

    def _times(self, event: Event) -> None:
        self._within("occurred_at", event.occurred_at)
        if event.type is EventType.RECEIVED:
            received = event.payload.get("received_at")
            if isinstance(received, str) and received:
                try:
                    moment = datetime.fromisoformat(received)
                except ValueError:
                    return  # the lifecycle refuses it in its own words
                if moment.tzinfo is not None and 2000 <= moment.year <= 2099:
                    self._within("received_at", moment)

    def _within(self, field_name: str, moment: datetime) -> None:
        # The clerk reads this on the desk's rejected-changes list: the moment in words, not the field's name.
        what = _MOMENT_KO.get(field_name, f"'{field_name}'")
        if moment > self.now + self.window.future:
            minutes = int(self.window.future.total_seconds() // 60)
            raise _refusal(
                field_name,
                f"{what} 시각이 서버 시각보다 {minutes}분 넘게 앞섭니다. 이 PC의 시계를 확인해 주세요.",
                f"'{field_name}' is more than {minutes} minutes ahead of the server's clock; check this PC's clock.",
                "time_in_future",
            )
        if moment < self.now - self.window.past:
            raise _refusal(
                field_name,
                f"{what} 시각이 {self.window.past.days}일보다 오래되어 받을 수 없습니다.",
                f"'{field_name}' is older than {self.window.past.days} days and cannot be accepted.",
                "time_too_old",
            )

    def _version(self, event: Event, state: CaseState | None) -> None:
        current = state.version if state is not None else 0
        if event.base_version is not None and event.base_version > current:
            raise _refusal(
                "base_version",
                f"이 PC가 본 민원 버전({event.base_version})이 서버의 버전({current})보다 높습니다.",
                f"The event's base_version ({event.base_version}) is ahead of the server's case ({current}).",
                "version_ahead",
            )

    def _references(self, event: Event) -> None:
        p = event.payload
        if event.type in (EventType.RECEIVED, EventType.ROUTED) or (
            event.type is EventType.TRANSFERRED and p.get("target") == "department"
        ):
            code = p.get("department_code")
            if isinstance(code, str) and code.strip() and not self._department(code.strip()):
                raise _refusal(
                    "department_code",
                    f"등록되지 않은 부서입니다: {code.strip()}",
                    f"There is no department {code.strip()!r}.",
                    "unknown_department",
                )
        if event.type is EventType.RECEIVED and p.get("attachments"):
            self._attachments(event)
        if event.type is EventType.RECEIVED:
            category = p.get("category_code")
            if isinstance(category, str) and category.strip() and self._category(category.strip()) is None:
                raise _refusal(
                    "category_code",
                    f"등록되지 않은 민원 분류입니다: {category.strip()}",
                    f"There is no category {category.strip()!r}.",
                    "unknown_category",
                )
        if event.type is EventType.ASSIGNED:
            staff_id = p.get("staff_id")
            if isinstance(staff_id, str) and staff_id.strip() and not self._staff_exists(staff_id.strip()):
                raise _refusal(
                    "staff_id",
                    "등록되지 않은 직원입니다.",
                    "There is no such (active) staff member.",
                    "unknown_staff",
                )
        if event.type is EventType.MERGED:
            into = p.get("into_case_id")
            if isinstance(into, str) and into.strip() and not self._case_exists(into.strip()):
                raise _refusal(
                    "into_case_id",
                    "병합할 대상 민원이 서버에 없습니다.",
                    "The case to merge into does not exist on the server.",
                    "unknown_merge_target",
                )

    def _attachments(self, event: Event) -> None:
        """A pushed intake may name only files the server holds for that case (the bytes are fetched from the
        server when opened): none can exist before the case, so a desktop's intake names none."""
        items = event.payload.get("attachments")
        wanted = {
            (str(item.get("id")), str(item.get("sha256")))
            for item in (items if isinstance(items, list) else [])
            if isinstance(item, dict)
        }
        held = set(
            self.session.execute(
                select(Attachment.id, Attachment.sha256).where(
                    Attachment.case_id == event.case_id, Attachment.id.in_([i for i, _ in wanted])
                )
            ).tuples()
        )
        if not wanted <= held:
            raise _refusal(
                "attachments",
                "서버에 없는 첨부파일을 가리킵니다. 첨부파일은 인터넷 민원으로 서버에 올린 것만 적을 수 있습니다.",
                "The intake names attachments the server does not hold; only files uploaded to the server may be named.",
                "unknown_attachment",
            )

    def _department(self, code: str) -> bool:
        if code not in self._departments:
            found = self.session.execute(
                select(Department.active).where(Department.code == code)
            ).scalar_one_or_none()
            self._departments[code] = bool(found)
        return self._departments[code]

    def _staff_exists(self, staff_id: str) -> bool:
        if staff_id not in self._staff:
            found = self.session.execute(select(Staff.active).where(Staff.id == staff_id)).scalar_one_or_none()
            self._staff[staff_id] = bool(found)
        return self._staff[staff_id]

    def _case_exists(self, case_id: str) -> bool:
        if case_id in self.received_in_push:
            return True
        if case_id not in self._cases:
            found = self.session.execute(select(CaseRow.id).where(CaseRow.id == case_id)).scalar_one_or_none()
            self._cases[case_id] = found is not None
        return self._cases[case_id]

    def _category(self, code: str) -> Category | None:
        return self.session.execute(select(Category).where(Category.code == code)).scalar_one_or_none()

    # --- follow-up: the server's own deadline --------------------------------------------------------------

    def follow_up(self, event: Event, after: CaseState) -> list[Event]:
        """Called for every accepted event: after a `received`, the server's deadline where it differs."""
        if event.type is not EventType.RECEIVED:
            return []
        self.received_in_push.add(event.case_id)
        period = self._legal_period(after)
        if period is None:
            return []
        if self._calendar is None:
            self._calendar = _calendar(self.session)
        due = deadlines.due_at(after.received_at.astimezone(SEOUL), period, self._calendar).astimezone(UTC)
        if due == after.due_at and (period.amount, period.unit.value) == (after.period_amount, after.period_unit):
            return []
        return [
            Event(
                id=str(uuid.uuid5(_FOLLOW_UP_NAMESPACE, f"{event.id}/deadline_set")),
                case_id=event.case_id,
                type=EventType.DEADLINE_SET,
                occurred_at=self.now,
                actor_id=None,
                actor_role=Role.SYSTEM,
                base_version=after.version,
                payload={
                    "due_at": due.isoformat(),
                    "period": period.as_dict(),
                    "forecast_due_at": after.due_at.isoformat(),
                    "forecast_period": {"amount": after.period_amount, "unit": after.period_unit},
                    "follows": event.id,
                },
            )
        ]

    def _legal_period(self, after: CaseState) -> Period | None:
        """The period the law gives this kind; a 법정민원 takes its days from the server's category table, or
        (no entry) the workstation's own days, counted on the server's calendar all the same."""
        if after.kind is not Kind.STATUTORY:
            return deadlines.period_for(after.kind)
        category = self._category(after.category_code) if after.category_code else None
        if category is not None and category.statutory_days:
            return deadlines.period_for(after.kind, category.statutory_days)
        if after.period_unit == "days":
            return Period.days(after.period_amount)  # no table entry: the workstation's days, our calendar
        return None


_CALENDAR_SECONDS = 2.0
_calendar_read: tuple[float, str, WorkCalendar] | None = None


def _calendar(session: Session) -> WorkCalendar:
    """calendar_for, asked at most every _CALENDAR_SECONDS per database: it costs a round trip, and a busy
    intake would ask for every chunk. A closure an administrator adds is used within two seconds."""
    global _calendar_read
    url = str(session.get_bind().engine.url)
    clock = time.monotonic()
    if _calendar_read is None or _calendar_read[1] != url or clock - _calendar_read[0] > _CALENDAR_SECONDS:
        _calendar_read = (clock, url, calendar_for(session))
    return _calendar_read[2]


# --- the same id with other content ----------------------------------------------------------------------


def fingerprint(event: Event) -> str:
    """What makes two pushes of one id the same event: every field a client sends, canonically written."""
    return json.dumps(
        [
            event.case_id,
            event.type.value,
            event.occurred_at.astimezone(UTC).isoformat(),
            event.actor_id,
            event.actor_role.value,
            event.actor_department or None,
            event.station_code or None,
            event.base_version,
            _canonical(event.payload),
        ],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )


def _canonical(value: object) -> object:
    """JSON numbers as numbers: PostgreSQL's jsonb gives 1e20 back as 100000000000000000000 (an int)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    return value


def id_reused() -> DomainError:
    return _refusal(
        "id",
        "이 이벤트 번호(id)는 이미 다른 내용으로 받았습니다. 같은 번호로 다른 내용을 보낼 수 없습니다.",
        "This event id was already received with other content; an id cannot be re-used for other content.",
        "id_reused",
    )


def reused_ids(session: Session, events: Sequence[Event]) -> set[str]:
    """The events whose id the server already holds with other content: the stored event's fields differ,
    or (a stored rejection, which keeps no content) the case differs."""
    wanted = {event.id: event for event in events}
    if not wanted:
        return set()
    reused: set[str] = set()
    rows = session.execute(select(EventRow).where(EventRow.id.in_(list(wanted)))).scalars()
    stored_ids = set()
    for row in rows:
        stored_ids.add(row.id)
        if fingerprint(row_to_event(row)) != fingerprint(wanted[row.id]):
            reused.add(row.id)
    rest = [event_id for event_id in wanted if event_id not in stored_ids]
    if rest:
        outcomes: Iterable[Any] = session.execute(
            select(PushOutcome.event_id, PushOutcome.case_id).where(PushOutcome.event_id.in_(rest))
        )
        reused.update(event_id for event_id, case_id in outcomes if case_id != wanted[event_id].case_id)
    return reused
