"""The supervisor's summary for a period: aggregate SQL shaped for a million-case store.

Two parts. The intake: the cases *received* in the period (a cohort), found through the received_at index,
each counted once as answered, open or ended otherwise (merged, transferred out, withdrawn, closed without an
answer) as of the moment the report is made, so that they add up to what was received. The backlog: every
case open at the period's end, whenever it was received, as the events up to that instant make it
(store.reports.backlog). The channel, kind, day and department counts come
from one grouped pass over the cohort; handling times come as a histogram of whole minutes (one grouped
query on both SQLite and PostgreSQL, exact to the minute) from which the median and 90th percentile are read,
so no per-case rows cross into Python."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, and_, case, cast, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ...domain.channels import Channel
from ...domain.errors import DomainError
from ...domain.events import EventType
from ...domain.extensions import ExtensionReason
from ...domain.kinds import Kind
from ...domain.report_data import CountRow, DepartmentFigures, OverdueCase, RepeatFiler, SummaryFigures
from ...domain.statuses import OPEN_STATUSES, Status
from ..models import CaseRow, Category, Department, EventRow
from .backlog import backlog_at
from .summary_extras import summary_extras

SEOUL = ZoneInfo("Asia/Seoul")
REPEAT_FILER_MIN = 3  # 법 §23: the same content three times or more
TOP_CATEGORIES = 10
TOP_REPEAT_FILERS = 20
OVERDUE_LIST_LIMIT = 300
UNASSIGNED = "(미배정)"
_ENDED_LABELS = {Status.CLOSED: "답변 없이 종결", Status.TRANSFERRED_OUT: "타기관 이송"}


def period_bounds(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """[first_day 00:00, last_day+1 00:00) in Asia/Seoul, as UTC; DomainError when the period runs backwards."""
    if first_day > last_day:
        raise DomainError(
            "period",
            f"기간의 시작({first_day})이 끝({last_day})보다 늦습니다.",
            f"The period starts ({first_day}) after it ends ({last_day}).",
            code="period_reversed",
        )
    start = datetime.combine(first_day, time(0), SEOUL).astimezone(UTC)
    end = datetime.combine(last_day + timedelta(days=1), time(0), SEOUL).astimezone(UTC)
    return start, end


def _local_day(dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":
        # Stored as naive UTC text; Seoul has had no daylight saving since 1988, so +9 hours is exact.
        return func.date(CaseRow.received_at, "+9 hours")
    return func.date(func.timezone("Asia/Seoul", CaseRow.received_at))


def _done_at() -> ColumnElement[Any]:
    return func.coalesce(CaseRow.answered_at, CaseRow.decided_at)


def _minutes(dialect: str, start: Any, end: Any) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return cast((func.julianday(end) - func.julianday(start)) * 1440 + 1e-7, Integer)
    return cast(func.floor(func.extract("epoch", end - start) / 60), Integer)


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def summary_figures(
    session: Session,
    first_day: date,
    last_day: date,
    *,
    department_code: str | None = None,
    as_of: datetime | None = None,
) -> SummaryFigures:
    start, end = period_bounds(first_day, last_day)
    as_of = (as_of or datetime.now(UTC)).astimezone(UTC)
    dialect = session.get_bind().dialect.name
    names: dict[str, str] = {
        code: name for code, name in session.execute(select(Department.code, Department.name))
    }
    if department_code and department_code not in names:
        raise DomainError(
            "department",
            f"부서 코드 '{department_code}'가 없습니다.",
            f"There is no department with code '{department_code}'.",
            code="unknown_department",
        )
    cohort = [CaseRow.received_at >= start, CaseRow.received_at < end]
    if department_code:
        cohort.append(CaseRow.department_code == department_code)

    open_values = [s.value for s in OPEN_STATUSES]
    is_open = CaseRow.status.in_(open_values)
    is_done = and_(~CaseRow.status.in_(open_values), _done_at().is_not(None))
    one = literal(1)
    day = _local_day(dialect).label("day")
    grouped = session.execute(
        select(
            CaseRow.department_code,
            CaseRow.channel,
            CaseRow.kind,
            day,
            func.count().label("n"),
            func.sum(case((is_open, one), else_=0)).label("open"),
            func.sum(case((is_done, one), else_=0)).label("done"),
            func.sum(case((and_(is_done, _done_at() <= CaseRow.due_at), one), else_=0)).label("on_time"),
            func.sum(case((and_(is_open, CaseRow.due_at < as_of), one), else_=0)).label("overdue"),
            func.sum(case((and_(~is_open, _done_at().is_(None)), one), else_=0)).label("ended"),
        )
        .where(*cohort)
        .group_by(CaseRow.department_code, CaseRow.channel, CaseRow.kind, day)
    ).all()

    channels: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    days: Counter[date] = Counter()
    per_department: dict[str | None, list[int]] = {}
    for r in grouped:
        channels[r.channel] += r.n
        kinds[r.kind] += r.n
        days[_as_date(r.day)] += r.n
        sums = per_department.setdefault(r.department_code, [0, 0, 0, 0, 0, 0])
        for index, value in enumerate((r.n, r.open, r.done, r.on_time, r.overdue, r.ended)):
            sums[index] += int(value or 0)
    totals = [sum(v[i] for v in per_department.values()) for i in range(6)]
    ended = {
        status: int(count)
        for status, count in session.execute(
            select(CaseRow.status, func.count())
            .where(*cohort, ~is_open, _done_at().is_(None))
            .group_by(CaseRow.status)
        )
    }

    by_day = []
    cursor = first_day
    while cursor <= last_day:
        by_day.append((cursor, days.get(cursor, 0)))
        cursor += timedelta(days=1)

    median, p90 = _handling_percentiles(session, dialect, cohort, is_done)
    extension_counts, extended_cases = _extensions(session, cohort)
    return SummaryFigures(
        first_day=first_day,
        last_day=last_day,
        department_code=department_code,
        department_name=names.get(department_code) if department_code else None,
        as_of=as_of,
        total=totals[0],
        by_channel=[CountRow(c.value, c.korean, channels.get(c.value, 0)) for c in Channel],
        by_kind=[CountRow(k.value, k.korean, kinds.get(k.value, 0)) for k in Kind],
        by_day=by_day,
        departments=sorted(
            (
                DepartmentFigures(code, names.get(code or "", code or UNASSIGNED), *values)
                for code, values in per_department.items()
            ),
            key=lambda d: (-d.received, d.name),
        ),
        answered=totals[2],
        answered_on_time=totals[3],
        open=totals[1],
        overdue_total=totals[4],
        median_minutes=median,
        p90_minutes=p90,
        extended_cases=extended_cases,
        extensions=[CountRow(r.value, r.korean, extension_counts.get(r.value, 0)) for r in ExtensionReason],
        top_categories=_top_categories(session, cohort),
        repeat_filers=_repeat_filers(session, cohort),
        overdue=_overdue(session, cohort, is_open, as_of, names),
        ended_otherwise=[
            CountRow(st.value, _ENDED_LABELS.get(st, st.korean), ended[st.value])
            for st in Status
            if ended.get(st.value)
        ],
        backlog=backlog_at(session, min(end, as_of), department_code=department_code, names=names),
        extras=summary_extras(
            session,
            first_day,
            last_day,
            cohort,
            bounds=period_bounds,
            department_code=department_code,
            as_of=as_of,
        ),
    )


def _handling_percentiles(
    session: Session, dialect: str, cohort: list[Any], is_done: ColumnElement[Any]
) -> tuple[int | None, int | None]:
    minutes = _minutes(dialect, CaseRow.received_at, _done_at()).label("m")
    histogram = [
        (int(value), int(count))
        for value, count in session.execute(
            select(minutes, func.count()).where(*cohort, is_done).group_by(minutes).order_by(minutes)
        )
    ]
    total = sum(count for _m, count in histogram)
    if not total:
        return None, None
    return _nearest_rank(histogram, total, 0.5), _nearest_rank(histogram, total, 0.9)


def _nearest_rank(histogram: Sequence[tuple[Any, int]], total: int, share: float) -> int:
    """The nearest-rank percentile: the smallest value with at least ``share`` of the cases at or below it."""
    from math import ceil

    rank = max(1, ceil(share * total))
    seen = 0
    for value, count in histogram:
        seen += count
        if seen >= rank:
            return max(0, int(value))
    return max(0, int(histogram[-1][0]))


def _extensions(session: Session, cohort: list[Any]) -> tuple[Counter[str], int]:
    """Extensions granted to the cohort's cases, by the reason code in each `extended` event. The events are
    reached from the cohort by case id (indexed), and only for cases whose extension count is not zero."""
    rows = session.execute(
        select(EventRow.payload)
        .join(CaseRow, CaseRow.id == EventRow.case_id)
        .where(*cohort, CaseRow.extension_count > 0, EventRow.type == EventType.EXTENDED.value)
    ).scalars()
    reasons: Counter[str] = Counter(str((payload or {}).get("reason_code", "")) for payload in rows)
    extended_cases = session.execute(
        select(func.count()).select_from(CaseRow).where(*cohort, CaseRow.extension_count > 0)
    ).scalar_one()
    return reasons, int(extended_cases)


def _top_categories(session: Session, cohort: list[Any]) -> list[CountRow]:
    n = func.count().label("n")
    rows = session.execute(
        select(CaseRow.category_code, n)
        .where(*cohort, CaseRow.category_code.is_not(None))
        .group_by(CaseRow.category_code)
        .order_by(n.desc(), CaseRow.category_code)
        .limit(TOP_CATEGORIES)
    ).all()
    names: dict[str, str] = {code: name for code, name in session.execute(select(Category.code, Category.name))}
    return [CountRow(code or "", names.get(code or "", code or ""), count) for code, count in rows]


def _repeat_filers(session: Session, cohort: list[Any]) -> list[RepeatFiler]:
    n = func.count().label("n")
    rows = session.execute(
        select(CaseRow.petitioner_phone, func.max(CaseRow.petitioner_name), n)
        .where(*cohort, CaseRow.petitioner_phone != "")
        .group_by(CaseRow.petitioner_phone)
        .having(func.count() >= REPEAT_FILER_MIN)
        .order_by(n.desc(), CaseRow.petitioner_phone)
        .limit(TOP_REPEAT_FILERS)
    ).all()
    return [RepeatFiler(name=name or "", phone=phone, count=count) for phone, name, count in rows]


def _overdue(
    session: Session, cohort: list[Any], is_open: ColumnElement[Any], as_of: datetime, names: dict[str, str]
) -> list[OverdueCase]:
    rows = session.execute(
        select(
            CaseRow.receipt_no,
            CaseRow.kind,
            CaseRow.title,
            CaseRow.department_code,
            CaseRow.received_at,
            CaseRow.due_at,
            CaseRow.status,
        )
        .where(*cohort, is_open, CaseRow.due_at < as_of)
        .order_by(CaseRow.due_at, CaseRow.receipt_no)
        .limit(OVERDUE_LIST_LIMIT)
    ).all()
    return [
        OverdueCase(
            receipt_no=r.receipt_no,
            kind=Kind(r.kind),
            title=r.title,
            department_name=names.get(r.department_code or "", UNASSIGNED),
            received_at=r.received_at,
            due_at=r.due_at,
            status=Status(r.status),
        )
        for r in rows
    ]
