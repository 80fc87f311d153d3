"""The backlog at an instant (the end of a summary's period): the cases open then and those overdue then, and
the department each was in then, as the events up to that instant make it, not as today's rows say.

A case whose row has not changed since the instant (updated_at before it) is then what its row says now, so
those are counted by one grouped pass over the open rows. Only the cases changed since (answered later,
extended later, reopened later, transferred later…; found through ix_cases_updated) have their events read,
and only the events that move a case in or out of the open statuses, move its due date or move it between
departments: their state at the instant is worked out from those. A department's backlog reads, of the changed cases, only those in the department now
or moved between departments since the instant (a case moved by no event since is where its row says)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, literal, null, or_, select
from sqlalchemy.orm import Session

from ...domain.events import EventType
from ...domain.report_data import BacklogFigures, CountRow
from ...domain.roles import Role
from ...domain.statuses import OPEN_STATUSES
from ..models import CaseRow, EventRow

# Age of an open case at the instant, in days since receipt: (upper bound, label).
AGE_BUCKETS: tuple[tuple[int | None, str], ...] = (
    (7, "7일 이내"),
    (30, "8~30일"),
    (90, "31~90일"),
    (None, "91일 이상"),
)
_LEAVE = {
    EventType.ANSWERED.value,
    EventType.DECIDED.value,
    EventType.CLOSED.value,
    EventType.WITHDRAWN.value,
    EventType.MERGED.value,
}
_REENTER = {EventType.REOPENED.value, EventType.REREVIEW_REQUESTED.value}
_DUE = {EventType.EXTENDED.value: "new_due_at", EventType.CLOCK_RESUMED.value: "new_due_at"}
_DUE[EventType.DEADLINE_SET.value] = "due_at"
# The events that set the department (lifecycle's routed, returned and transferred-to-a-department; received
# sets the first one, read only when a later one moved the case after the instant).
_MOVE = {EventType.ROUTED.value, EventType.RETURNED.value, EventType.TRANSFERRED.value}
_READ = (*_LEAVE, *_REENTER, *_DUE, *_MOVE)
# Only these events' payloads say anything here (a due date, a department, a transfer's target): the others'
# (an answer's text, a decision's reasons) are not read at all.
_PAYLOAD_READ = (*_DUE, EventType.ROUTED.value, EventType.TRANSFERRED.value)
_CHUNK = 500


@dataclass
class _Open:
    department_code: str | None
    received_at: datetime
    due_at: datetime


def _bucket(received_at: datetime, at: datetime) -> str:
    return _label_for_days((at - received_at) // timedelta(days=1))


def _utc(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def backlog_at(
    session: Session, at: datetime, *, department_code: str | None = None, names: dict[str, str] | None = None
) -> BacklogFigures:
    """Open and overdue cases at ``at`` (UTC), by age and by the department each was in at ``at``."""
    names = names or {}
    open_values = [s.value for s in OPEN_STATUSES]
    received = CaseRow.received_at < at
    unchanged = or_(CaseRow.updated_at.is_(None), CaseRow.updated_at < at)
    one = literal(1)
    age_days = _age_days_sql(session, at)
    opened: Counter[tuple[str | None, str]] = Counter()
    overdue: Counter[str | None] = Counter()
    in_department = [CaseRow.department_code == department_code] if department_code else []
    for row in session.execute(
        select(
            CaseRow.department_code,
            age_days.label("age"),
            func.count().label("n"),
            func.sum(case((CaseRow.due_at < at, one), else_=0)).label("late"),
        )
        .where(received, unchanged, CaseRow.status.in_(open_values), *in_department)
        .group_by(CaseRow.department_code, age_days)
    ):
        opened[(row.department_code, _label_for_days(int(row.age)))] += int(row.n)
        overdue[row.department_code] += int(row.late or 0)

    # Found through ix_cases_updated alone (a few thousand rows for a month-old instant, where the received_at
    # index would visit every case received before it): the ones received since are dropped here.
    changed_scope = [CaseRow.updated_at >= at]
    if department_code:
        moved_since = (
            select(literal(1))
            .where(EventRow.case_id == CaseRow.id, EventRow.type.in_(_MOVE), EventRow.occurred_at >= at)
            .exists()
        )
        changed_scope.append(or_(CaseRow.department_code == department_code, moved_since))
    changed = [
        row
        for row in session.execute(
            select(CaseRow.id, CaseRow.department_code, CaseRow.received_at, CaseRow.due_at).where(*changed_scope)
        )
        if row.received_at < at
    ]
    for state in _open_at(session, changed, at):
        if department_code and state.department_code != department_code:
            continue
        opened[(state.department_code, _bucket(state.received_at, at))] += 1
        if state.due_at < at:
            overdue[state.department_code] += 1

    by_age = [
        CountRow(label, label, sum(n for (_d, b), n in opened.items() if b == label)) for _u, label in AGE_BUCKETS
    ]
    per_department: Counter[str | None] = Counter()
    for (code, _bucket_label), count in opened.items():
        per_department[code] += count
    departments = sorted(
        (
            (names.get(code or "", code or "(미배정)"), count, overdue.get(code, 0))
            for code, count in per_department.items()
            if count
        ),
        key=lambda d: (-d[1], d[0]),
    )
    return BacklogFigures(
        at=at,
        open=sum(per_department.values()),
        overdue=sum(overdue.values()),
        by_age=by_age,
        departments=departments,
    )


def _label_for_days(days: int) -> str:
    for upper, label in AGE_BUCKETS:
        if upper is None or days <= upper:
            return label
    return AGE_BUCKETS[-1][1]


def _age_days_sql(session: Session, at: datetime) -> Any:
    """Whole days from receipt to ``at``, in SQL, so the unchanged rows are grouped by age in the database."""
    if session.get_bind().dialect.name == "sqlite":
        from sqlalchemy import Integer, cast

        moment = at.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
        return cast(func.julianday(moment) - func.julianday(CaseRow.received_at), Integer)
    return func.floor(func.extract("epoch", literal(at) - CaseRow.received_at) / 86400)


def _moves(kind: str, payload: dict[str, Any]) -> bool:
    """Whether an event of this kind with this payload sets the case's department (lifecycle's effects)."""
    if kind == EventType.TRANSFERRED.value:
        return payload.get("target") == "department"
    return kind in _MOVE


def _open_at(session: Session, rows: Sequence[Any], at: datetime) -> Iterable[_Open]:
    """Of the cases changed since ``at``, those open at ``at``, with their due date and department then."""
    for first in range(0, len(rows), _CHUNK):
        chunk = rows[first : first + _CHUNK]
        by_id = {r.id: r for r in chunk}
        history: dict[str, list[tuple[datetime, str, dict[str, Any]]]] = {case_id: [] for case_id in by_id}
        for case_id, kind, occurred_at, payload in session.execute(
            select(
                EventRow.case_id,
                EventRow.type,
                EventRow.occurred_at,
                case((EventRow.type.in_(_PAYLOAD_READ), EventRow.payload), else_=null()),
            )
            .where(EventRow.case_id.in_(list(by_id)), EventRow.type.in_(_READ))
            .order_by(EventRow.case_id, EventRow.case_version)
        ):
            history[case_id].append((_utc(occurred_at), kind, payload or {}))
        need_due: set[str] = set()
        need_department: set[str] = set()
        found: dict[str, _Open] = {}
        for case_id, events in history.items():
            row = by_id[case_id]
            is_open, due, due_moved_later = True, None, False
            department, department_set, moved_later = row.department_code, False, False
            for occurred_at, kind, payload in events:
                if occurred_at >= at:
                    due_moved_later = due_moved_later or kind in _DUE
                    moved_later = moved_later or _moves(kind, payload)
                    continue
                if kind in _LEAVE or (kind == EventType.TRANSFERRED.value and payload.get("target") == "agency"):
                    is_open = False
                elif kind in _REENTER:
                    is_open = True
                elif kind in _DUE and payload.get(_DUE[kind]):
                    due = _utc(payload[_DUE[kind]])
                if _moves(kind, payload):
                    department = None if kind == EventType.RETURNED.value else payload.get("department_code")
                    department_set = True
            if not is_open:
                continue
            if due is None and due_moved_later:
                need_due.add(case_id)
            if not department_set and moved_later:
                need_department.add(case_id)  # in the department it was received into
            found[case_id] = _Open(department, _utc(row.received_at), due or _utc(row.due_at))
        if need_due or need_department:
            for case_id, payload, role, actor_department in session.execute(
                select(EventRow.case_id, EventRow.payload, EventRow.actor_role, EventRow.actor_department).where(
                    EventRow.case_id.in_(need_due | need_department), EventRow.type == EventType.RECEIVED.value
                )
            ):
                payload = payload or {}
                if case_id in need_due and payload.get("due_at"):
                    found[case_id].due_at = _utc(payload["due_at"])
                if case_id in need_department:
                    officer = actor_department if role == Role.OFFICER.value else None
                    found[case_id].department_code = payload.get("department_code") or officer or None
        yield from found.values()
