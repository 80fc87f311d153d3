"""The supervisor's summary adds up, on a demo store, against independent queries: the period's intake is
answered + open + ended otherwise (merged, transferred out, withdrawn, closed without an answer), per
department and in total; and the backlog at the period's end (open and overdue, whenever received, and by the
department each case was in then) is what replaying every case's events up to that instant gives, not what
today's rows say: cases moved to another department, sent back or routed after the period count where they
were at its end."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from documents_support import pdf_text
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.documents.summary import build_summary_pdf, reconciliation_line
from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.lifecycle import apply_trusted
from complaints_desk.domain.roles import Role
from complaints_desk.domain.statuses import OPEN_STATUSES, Status
from complaints_desk.store import reports
from complaints_desk.store.cases import case_events, load_case, record_event
from complaints_desk.store.db import transaction
from complaints_desk.store.demo import build_demo
from complaints_desk.store.models import CaseRow, Department, EventRow, Staff

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
FIRST, LAST = date(2026, 1, 1), date(2026, 1, 31)
END = datetime(2026, 1, 31, 15, 0, tzinfo=UTC)  # 2026-02-01 00:00 in Seoul


def _demo(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        engine = session.get_bind()
    build_demo(engine, cases=1500, seed=11, now=NOW)  # type: ignore[arg-type]


def _move_after_the_period(factory: sessionmaker[Session]) -> int:
    """After the period's end, a supervisor moves cases that were open in a department then: four to another
    department, two sent back (no department); returns how many were moved."""
    with transaction(factory) as session:
        supervisor = session.execute(select(Staff).where(Staff.role == Role.SUPERVISOR.value)).scalars().first()
        assert supervisor is not None
        codes = sorted(session.execute(select(Department.code)).scalars())
        candidates = session.execute(
            select(CaseRow.id, CaseRow.department_code)
            .where(
                CaseRow.received_at < END,
                CaseRow.department_code.is_not(None),
                CaseRow.status.in_([Status.ROUTED.value, Status.IN_PROGRESS.value]),
            )
            .order_by(CaseRow.receipt_no)
        ).all()
        ids = [case_id for case_id, code in candidates if _at(session, case_id, END) == (True, code)][:6]
        assert len(ids) == 6
        for n, case_id in enumerate(ids):
            state = load_case(session, case_id)
            assert state is not None and state.department_code
            if n < 4:
                kind = EventType.TRANSFERRED
                target = next(c for c in codes if c != state.department_code)
                payload = {"target": "department", "department_code": target, "reason": "소관 부서 변경"}
            else:
                kind, payload = EventType.RETURNED, {"reason": "소관 아님"}
            record_event(
                session,
                Event(
                    id=new_id(),
                    case_id=case_id,
                    type=kind,
                    occurred_at=NOW - timedelta(days=3 + n),
                    actor_id=supervisor.id,
                    actor_role=Role.SUPERVISOR,
                    base_version=state.version,
                    payload=payload,
                ),
            )
    return len(ids)


def _at(session: Session, case_id: str, at: datetime) -> tuple[bool, str | None]:
    """Whether the case was open at ``at``, and its department then, from its events."""
    state = None
    for event in case_events(session, case_id):
        if event.occurred_at >= at:
            break
        state = apply_trusted(state, event)
    assert state is not None
    return state.status in OPEN_STATUSES, state.department_code


def _replayed_backlog(
    session: Session, at: datetime
) -> tuple[int, int, Counter[str | None], Counter[str | None], int]:
    """Every case received before ``at``, replayed from its own events up to ``at`` (the domain's
    projection, no SQL aggregate): how many were open then, how many of those were past their due date, both
    by the department the replay puts each in then, and how many of those are in another department now."""
    opened = late = moved = 0
    per_department: Counter[str | None] = Counter()
    late_per_department: Counter[str | None] = Counter()
    ids = session.execute(select(CaseRow.id).where(CaseRow.received_at < at)).scalars().all()
    for case_id in ids:
        state = None
        for event in case_events(session, case_id):
            if event.occurred_at >= at:
                break
            state = apply_trusted(state, event)
        assert state is not None
        if state.status in OPEN_STATUSES:
            opened += 1
            late += state.due_at < at
            per_department[state.department_code] += 1
            late_per_department[state.department_code] += state.due_at < at
            moved += session.get_one(CaseRow, case_id).department_code != state.department_code
    return opened, late, per_department, late_per_department, moved


def test_the_summary_reconciles_and_its_backlog_is_the_events_at_the_periods_end(session_factory) -> None:  # type: ignore[no-untyped-def]
    _demo(session_factory)
    _move_after_the_period(session_factory)
    with session_factory() as session:
        figures = reports.summary_figures(session, FIRST, LAST, as_of=NOW)
        names = {code: name for code, name in session.execute(select(Department.code, Department.name))}
        start, end = reports.period_bounds(FIRST, LAST)
        assert end == END
        received = session.execute(
            select(func.count())
            .select_from(CaseRow)
            .where(CaseRow.received_at >= start, CaseRow.received_at < end)
        ).scalar_one()
        statuses = Counter(
            dict(
                session.execute(
                    select(CaseRow.status, func.count())
                    .where(CaseRow.received_at >= start, CaseRow.received_at < end)
                    .group_by(CaseRow.status)
                ).all()
            )
        )
        opened, late, per_department, late_per_department, moved = _replayed_backlog(session, END)

    # The intake adds up, in total and per department.
    ended = sum(r.count for r in figures.ended_otherwise)
    assert figures.total == received > 50
    assert figures.answered + figures.open + ended == figures.total
    assert figures.open == sum(statuses[s.value] for s in OPEN_STATUSES)
    assert ended > 0  # the demo merges, transfers, withdraws and closes some: they appear, by name
    assert {r.key for r in figures.ended_otherwise} <= {"merged", "transferred_out", "withdrawn", "closed"}
    for d in figures.departments:
        assert d.received == d.answered + d.open + d.ended_otherwise, d.name
    assert sum(d.received for d in figures.departments) == figures.total
    assert sum(d.ended_otherwise for d in figures.departments) == ended

    # The backlog at the period's end is the replayed events', whenever the cases were received.
    backlog = figures.backlog
    assert backlog is not None and backlog.at == END
    assert (backlog.open, backlog.overdue) == (opened, late)
    assert backlog.open > figures.open  # the period's own open intake is only part of it
    assert sum(r.count for r in backlog.by_age) == backlog.open
    assert sum(n for _name, n, _late in backlog.departments) == backlog.open
    assert sum(late for _name, _n, late in backlog.departments) == backlog.overdue
    # Each department's backlog is the cases the replay puts in it at the period's end, not where they are now.
    replayed = {
        names.get(code or "", code or "(미배정)"): (n, late_per_department[code])
        for code, n in per_department.items()
    }
    assert {name: (n, late) for name, n, late in backlog.departments} == replayed
    assert moved >= 6  # the six moved after the period (and the demo's own) are where they were then

    # The page says it: the written-out sum and the backlog's figures.
    text = " ".join(pdf_text(build_summary_pdf(figures, "서울특별시 한빛구청", made_at=NOW)).split())
    assert reconciliation_line(figures) in text
    assert "기간 말 미처리 현황" in text and f"{backlog.open:,}" in text


def test_a_department_summary_reconciles_too(session_factory) -> None:  # type: ignore[no-untyped-def]
    _demo(session_factory)
    with session_factory() as session:
        whole = reports.summary_figures(session, FIRST, LAST, as_of=NOW)
        code = next(d.code for d in whole.departments if d.code)
        one = reports.summary_figures(session, FIRST, LAST, department_code=code, as_of=NOW)
    mine = next(d for d in whole.departments if d.code == code)
    assert (one.total, one.answered, one.open) == (mine.received, mine.answered, mine.open)
    assert sum(r.count for r in one.ended_otherwise) == mine.ended_otherwise
    assert one.backlog is not None and whole.backlog is not None
    assert one.backlog.open == next(n for name, n, _ in whole.backlog.departments if name == mine.name)


def test_each_departments_backlog_counts_the_cases_it_had_at_the_periods_end(session_factory) -> None:  # type: ignore[no-untyped-def]
    """A department's own summary counts the cases it held at the period's end, also those moved away since,
    and not those moved to it since: the same figures as its row in the whole office's backlog."""
    _demo(session_factory)
    _move_after_the_period(session_factory)
    with session_factory() as session:
        names = {code: name for code, name in session.execute(select(Department.code, Department.name))}
        whole = reports.backlog_at(session, END, names=names)
        rows = {name: (n, late) for name, n, late in whole.departments}
        for code, name in names.items():
            mine = reports.backlog_at(session, END, department_code=code, names=names)
            assert (mine.open, mine.overdue) == rows.get(name, (0, 0)), name
            assert sum(r.count for r in mine.by_age) == mine.open


def test_the_backlog_of_a_period_not_yet_over_is_taken_now(sqlite_session_factory) -> None:  # type: ignore[no-untyped-def]
    _demo(sqlite_session_factory)
    with sqlite_session_factory() as session:
        figures = reports.summary_figures(session, date(2026, 3, 1), date(2026, 3, 31), as_of=NOW)
        opened = session.execute(
            select(func.count())
            .select_from(CaseRow)
            .where(CaseRow.received_at < NOW, CaseRow.status.in_([s.value for s in OPEN_STATUSES]))
        ).scalar_one()
        future = session.execute(select(func.count()).select_from(EventRow).where(EventRow.occurred_at >= NOW))
    assert figures.backlog is not None and figures.backlog.at == NOW
    if not future.scalar_one():
        assert figures.backlog.open == opened  # nothing after now: the rows are the events
