"""What a supervisor reads beside the summary's main figures: the previous period of the same length, the
satisfaction scores, the share of online filings registered within 8 working hours (영 §6⑧) and, in one
department's summary, a line per officer. Grouped queries over the period's cohort (the received_at index)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session

from ...domain.channels import Channel
from ...domain.report_data import CountRow, OfficerFigures, PeriodComparison, SummaryExtras
from ...domain.statuses import OPEN_STATUSES
from ..models import CaseRow, Staff

_ONLINE = [c.value for c in Channel if c.is_online]
UNASSIGNED_OFFICER = "(담당자 미지정)"


def _done_at() -> Any:
    return func.coalesce(CaseRow.answered_at, CaseRow.decided_at)


def summary_extras(
    session: Session,
    first_day: date,
    last_day: date,
    cohort: Sequence[Any],
    *,
    bounds: Any,
    department_code: str | None,
    as_of: datetime,
) -> SummaryExtras:
    """``cohort`` the period's conditions; ``bounds`` the function that turns two days into UTC bounds."""
    open_values = [s.value for s in OPEN_STATUSES]
    is_open = CaseRow.status.in_(open_values)
    is_done = and_(~is_open, _done_at().is_not(None))
    one = literal(1)

    length = (last_day - first_day).days + 1
    previous_last = first_day - timedelta(days=1)
    previous_first = previous_last - timedelta(days=length - 1)
    start, end = bounds(previous_first, previous_last)
    previous = [CaseRow.received_at >= start, CaseRow.received_at < end]
    if department_code:
        previous.append(CaseRow.department_code == department_code)
    received, answered, on_time = session.execute(
        select(
            func.count(),
            func.sum(case((is_done, one), else_=0)),
            func.sum(case((and_(is_done, _done_at() <= CaseRow.due_at), one), else_=0)),
        ).where(*previous)
    ).one()

    scores = dict(
        session.execute(
            select(CaseRow.satisfaction, func.count())
            .where(*cohort, CaseRow.satisfaction.is_not(None))
            .group_by(CaseRow.satisfaction)
        ).all()
    )
    online, in_time = session.execute(
        select(
            func.count(),
            func.sum(
                case(
                    (
                        and_(
                            CaseRow.registration_due_at.is_not(None),
                            CaseRow.registered_at <= CaseRow.registration_due_at,
                        ),
                        one,
                    ),
                    else_=0,
                )
            ),
        ).where(*cohort, CaseRow.channel.in_(_ONLINE))
    ).one()

    officers: list[OfficerFigures] = []
    if department_code:
        names = dict(session.execute(select(Staff.id, Staff.name)).all())
        for row in session.execute(
            select(
                CaseRow.assignee_id,
                func.count().label("n"),
                func.sum(case((is_done, one), else_=0)).label("done"),
                func.sum(case((and_(is_done, _done_at() <= CaseRow.due_at), one), else_=0)).label("on_time"),
                func.sum(case((is_open, one), else_=0)).label("open"),
                func.sum(case((and_(is_open, CaseRow.due_at < as_of), one), else_=0)).label("late"),
            )
            .where(*cohort)
            .group_by(CaseRow.assignee_id)
        ):
            officers.append(
                OfficerFigures(
                    name=names.get(row.assignee_id or "", UNASSIGNED_OFFICER),
                    assigned=int(row.n),
                    answered=int(row.done or 0),
                    answered_on_time=int(row.on_time or 0),
                    open=int(row.open or 0),
                    overdue=int(row.late or 0),
                )
            )
        officers.sort(key=lambda o: (o.name == UNASSIGNED_OFFICER, -o.assigned, o.name))
    return SummaryExtras(
        previous=PeriodComparison(
            previous_first, previous_last, int(received), int(answered or 0), int(on_time or 0)
        ),
        satisfaction=[CountRow(str(score), f"{score}점", int(scores.get(score, 0))) for score in range(1, 6)],
        online=int(online),
        online_registered_in_time=int(in_time or 0),
        officers=officers,
    )
