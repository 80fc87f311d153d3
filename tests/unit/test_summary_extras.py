"""What a supervisor compares with: the previous period of the same length, satisfaction, online filings
registered within 8 working hours, a line per officer in a department's summary, a year of intake drawn by
week or month, and overdue dates that carry their year and say hours on the first day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from documents_support import pdf_text, render
from sqlalchemy import func, select

from complaints_desk.documents.summary import build_summary_pdf, due_label, elapsed_ko, intake_series
from complaints_desk.domain.channels import Channel
from complaints_desk.store import reports
from complaints_desk.store.db import transaction
from complaints_desk.store.demo import samples
from complaints_desk.store.models import CaseRow

MADE = datetime(2026, 12, 10, 1, 0, tzinfo=UTC)


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_the_extras_agree_with_independent_counts(session_factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(session_factory) as session:
        office = samples.seed_office(session)
        samples.generate_cases(session, office, date(2026, 10, 1), 61, 160)
    with transaction(session_factory) as session:
        figures = reports.summary_figures(session, date(2026, 11, 1), date(2026, 11, 30), as_of=MADE)
        start, end = reports.period_bounds(date(2026, 10, 2), date(2026, 10, 31))
        previous = session.execute(
            select(func.count())
            .select_from(CaseRow)
            .where(CaseRow.received_at >= start, CaseRow.received_at < end)
        ).scalar_one()
        start, end = reports.period_bounds(date(2026, 11, 1), date(2026, 11, 30))
        online = session.execute(
            select(func.count())
            .select_from(CaseRow)
            .where(
                CaseRow.received_at >= start,
                CaseRow.received_at < end,
                CaseRow.channel.in_([c.value for c in Channel if c.is_online]),
            )
        ).scalar_one()
        scored = session.execute(
            select(func.count(), func.avg(CaseRow.satisfaction)).where(
                CaseRow.received_at >= start, CaseRow.received_at < end, CaseRow.satisfaction.is_not(None)
            )
        ).one()
        department = reports.summary_figures(
            session, date(2026, 11, 1), date(2026, 11, 30), department_code="ROAD", as_of=MADE
        )
    extras = figures.extras
    assert extras is not None
    # November has 30 days: the previous period is the 30 days before it, 10-02 to 10-31.
    assert (extras.previous.first_day, extras.previous.last_day) == (date(2026, 10, 2), date(2026, 10, 31))
    assert extras.previous.received == previous > 0
    assert extras.online == online > 0 and 0 <= extras.online_registered_in_time <= online
    assert sum(r.count for r in extras.satisfaction) == scored[0]
    if scored[0]:
        assert extras.satisfaction_average is not None
        assert abs(extras.satisfaction_average - float(scored[1])) < 1e-9
    assert department.extras is not None and department.extras.officers
    mine = next(d for d in figures.departments if d.code == "ROAD")
    assert sum(o.assigned for o in department.extras.officers) == mine.received
    assert sum(o.answered for o in department.extras.officers) == mine.answered

    text = _flat(build_summary_pdf(department, "서울특별시 한빛구청", made_at=MADE))
    for expected in (
        "이전 기간과 비교",
        "2026. 10. 2.(금) ~ 2026. 10. 31.(토)",
        "8근무시간 내 등록",
        "만족도",
        "담당자별 처리 현황",
        "박도로",
    ):
        assert expected in text, expected
    render(build_summary_pdf(department, "서울특별시 한빛구청", made_at=MADE), "summary-department")


def test_a_year_is_drawn_by_week_and_longer_by_month() -> None:
    days = [(date(2026, 1, 1) + timedelta(days=n), 1) for n in range(365)]
    unit, points, _label = intake_series(days)
    assert unit.startswith("주별") and len(points) == 53 and sum(c for _d, c in points) == 365
    assert all(day.weekday() == 0 for day, _c in points)
    unit, points, label = intake_series(days + [(date(2027, 1, 1) + timedelta(days=n), 2) for n in range(59)])
    assert unit == "월별" and len(points) == 14 and label(points[-1][0]) == "27. 2."
    assert intake_series(days[:31])[0] == "일별"


def test_overdue_dates_carry_the_year_across_two_and_hours_on_the_first_day() -> None:
    due = datetime(2025, 12, 30, 14, 59, 59, tzinfo=UTC)  # 12-30 23:59:59 in Seoul: a day deadline
    assert due_label(due, True) == "2025. 12. 30.(화)"
    assert due_label(due, False) == "12. 30.(화)"
    assert elapsed_ko(timedelta(hours=5, minutes=10)) == "5시간"
    assert elapsed_ko(timedelta(minutes=20)) == "1시간 미만"
    assert elapsed_ko(timedelta(days=3, hours=2)) == "3일"
