"""The summary's aggregate SQL against an independent count: every case row read into Python and counted
there, on SQLite and PostgreSQL (their date and interval arithmetic differ)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from math import ceil
from typing import Any

import pytest
from documents_support import SEOUL

from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.events import EventType
from complaints_desk.domain.statuses import OPEN_STATUSES
from complaints_desk.store import reports
from complaints_desk.store.db import transaction
from complaints_desk.store.demo import samples
from complaints_desk.store.models import CaseRow, EventRow

FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
AS_OF = datetime(2026, 12, 10, 10, 0, tzinfo=SEOUL)


def _nearest_rank(values: list[int], share: float) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, ceil(share * len(ordered))) - 1]


def _independent(session, department: str | None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    rows = [
        r
        for r in session.query(CaseRow).all()
        if FIRST <= r.received_at.astimezone(SEOUL).date() <= LAST
        and (department is None or r.department_code == department)
    ]
    open_values = {s.value for s in OPEN_STATUSES}
    done = [r for r in rows if r.status not in open_values and (r.answered_at or r.decided_at)]
    minutes = [int(((r.answered_at or r.decided_at) - r.received_at).total_seconds() // 60) for r in done]
    ids = {r.id for r in rows}
    reasons = Counter(
        e.payload["reason_code"]
        for e in session.query(EventRow).filter(EventRow.type == EventType.EXTENDED.value).all()
        if e.case_id in ids
    )
    phones = Counter(r.petitioner_phone for r in rows if r.petitioner_phone)
    return {
        "total": len(rows),
        "channel": Counter(r.channel for r in rows),
        "kind": Counter(r.kind for r in rows),
        "day": Counter(r.received_at.astimezone(SEOUL).date() for r in rows),
        "open": sum(r.status in open_values for r in rows),
        "done": len(done),
        "on_time": sum((r.answered_at or r.decided_at) <= r.due_at for r in done),
        "overdue": sum(r.status in open_values and r.due_at < AS_OF for r in rows),
        "median": _nearest_rank(minutes, 0.5),
        "p90": _nearest_rank(minutes, 0.9),
        "reasons": reasons,
        "extended": sum(r.extension_count > 0 for r in rows),
        "categories": Counter(r.category_code for r in rows if r.category_code),
        "repeaters": {phone: n for phone, n in phones.items() if n >= 3},
        "by_department": Counter(r.department_code for r in rows),
    }


@pytest.mark.parametrize("department", [None, "ROAD"])
def test_summary_figures_match_an_independent_count(session_factory, department: str | None) -> None:  # type: ignore[no-untyped-def]
    with transaction(session_factory) as session:
        office = samples.seed_office(session)
        # 45 days around the 30-day period, so cases on both sides of each boundary exist.
        samples.generate_cases(session, office, date(2026, 10, 20), 45, 110)
    with transaction(session_factory) as session:
        figures = reports.summary_figures(session, FIRST, LAST, department_code=department, as_of=AS_OF)
        expected = _independent(session, department)

    assert 0 < figures.total == expected["total"] < 110
    assert {r.key: r.count for r in figures.by_channel if r.count} == dict(expected["channel"])
    assert {r.key: r.count for r in figures.by_kind if r.count} == dict(expected["kind"])
    assert len(figures.by_day) == 30
    assert {d: n for d, n in figures.by_day if n} == dict(expected["day"])
    assert (figures.open, figures.answered, figures.answered_on_time, figures.overdue_total) == (
        expected["open"],
        expected["done"],
        expected["on_time"],
        expected["overdue"],
    )
    assert figures.median_minutes == expected["median"]
    assert figures.p90_minutes == expected["p90"]
    assert {r.key: r.count for r in figures.extensions if r.count} == dict(expected["reasons"])
    assert figures.extended_cases == expected["extended"]
    assert {r.key: r.count for r in figures.top_categories} == dict(expected["categories"])
    assert {r.phone: r.count for r in figures.repeat_filers} == expected["repeaters"]
    assert {d.code: d.received for d in figures.departments} == dict(expected["by_department"])
    assert len(figures.overdue) == figures.overdue_total
    assert all(c.due_at < AS_OF and c.status in OPEN_STATUSES for c in figures.overdue)
    assert [c.due_at for c in figures.overdue] == sorted(c.due_at for c in figures.overdue)
    if department:
        assert figures.department_name == "도로관리과"
        assert [d.code for d in figures.departments] == ["ROAD"]


def test_period_boundaries_are_seoul_days(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(sqlite_session_factory) as session:
        office = samples.seed_office(session)
        for moment in (
            datetime(2026, 10, 31, 23, 59, tzinfo=SEOUL),  # out
            datetime(2026, 11, 1, 0, 0, tzinfo=SEOUL),  # in (08:59 the day before in UTC)
            datetime(2026, 11, 30, 23, 59, tzinfo=SEOUL),  # in
            datetime(2026, 12, 1, 0, 0, tzinfo=SEOUL),  # out
        ):
            samples.intake(session, office, moment)
    with transaction(sqlite_session_factory) as session:
        figures = reports.summary_figures(session, FIRST, LAST, as_of=AS_OF)
    assert figures.total == 2
    assert dict(figures.by_day)[FIRST] == 1 and dict(figures.by_day)[LAST] == 1


def test_bad_periods_and_departments_are_refused(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(sqlite_session_factory) as session:
        samples.seed_office(session)
        with pytest.raises(DomainError) as reversed_period:
            reports.summary_figures(session, LAST, FIRST)
        assert reversed_period.value.code == "period_reversed"
        with pytest.raises(DomainError) as unknown:
            reports.summary_figures(session, FIRST, LAST, department_code="NOPE")
        assert unknown.value.code == "unknown_department"
        empty = reports.summary_figures(session, FIRST, FIRST + timedelta(days=2))
        assert empty.total == 0 and empty.median_minutes is None and empty.overdue == []
