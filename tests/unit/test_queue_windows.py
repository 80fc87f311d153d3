"""The desktop's queues on its SQLite store: walking a queue window by window, forwards or backwards, from any
key, gives exactly the queue's rows in its order; counts say when they are exact; each queue keeps the cases
it names; rows carry names; every queue and order is answered from an index without a sort step."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, TextClause, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.statuses import OPEN_STATUSES, Status
from complaints_desk.store import queue as queue_module
from complaints_desk.store import search
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
from complaints_desk.store.demo import build_demo
from complaints_desk.store.local.tables import OutboxRow, OutboxState
from complaints_desk.store.models import OPEN_CONDITION, CaseRow, Category, Department, Staff
from complaints_desk.store.queue import (
    Queue,
    QueueKey,
    QueueQuery,
    SortColumn,
    queue_count,
    queue_key_at,
    queue_window,
)
from complaints_desk.store.queue_plan import Plan, plan_for

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # Tue 11:00 in Seoul


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    path: Path = tmp_path_factory.mktemp("queue") / "client.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    build_demo(engine, cases=900, seed=3, now=NOW, workers=1)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:  # two local events the server refused, one of them on a case twice
        ids = session.execute(select(CaseRow.id).order_by(CaseRow.received_at).limit(2)).scalars().all()
        for n, case_id in enumerate([ids[0], ids[0], ids[1]]):
            session.add(
                OutboxRow(
                    event_id=f"rejected-{n}", case_id=case_id, event={}, state=OutboxState.REJECTED, created_at=NOW
                )
            )
        session.add(OutboxRow(event_id="pending-1", case_id=ids[1], event={}, created_at=NOW))
    engine.dispose()
    # The desktop reads through a read-only engine (deferred transactions: readers never take the write lock).
    reader = make_engine(f"sqlite:///{path}", read_only=True)
    yield reader, make_sessionmaker(reader)
    reader.dispose()


def _viewer(factory: sessionmaker[Session]) -> dict[str, object]:
    with factory() as session:
        officer, department = session.execute(
            text(
                "SELECT assignee_id, department_code FROM cases WHERE assignee_id IS NOT NULL"
                " GROUP BY assignee_id ORDER BY count(*) DESC LIMIT 1"
            )
        ).one()
    return {"assignee_id": officer, "department_code": department, "now": NOW}


def _expected(session: Session, query: QueueQuery) -> list[str]:
    """The queue's case ids in its order, worked out in Python from every row."""
    rows = session.execute(select(CaseRow, text("cases.rowid"))).all()
    now = NOW

    def keeps(c: CaseRow) -> bool:
        aware_due = c.due_at.astimezone(UTC)
        match query.queue:
            case Queue.ALL:
                return True
            case Queue.MINE:
                return c.assignee_id == query.assignee_id
            case Queue.DEPARTMENT:
                return c.department_code == query.department_code
            case Queue.TO_REGISTER:
                return c.status == "received" and c.registration_due_at is not None
            case Queue.DUE_SOON:
                return Status(c.status).is_open and now <= aware_due < now + timedelta(days=1)
            case Queue.OVERDUE:
                return Status(c.status).is_open and aware_due < now
            case Queue.REJECTED:
                return c.receipt_no in rejected
        raise AssertionError(query.queue)

    rejected = set(
        session.execute(
            text(
                "SELECT c.receipt_no FROM cases c JOIN sync_outbox o ON o.case_id = c.id WHERE o.state = 'rejected'"
            )
        ).scalars()
    )
    found = [(c, rowid) for c, rowid in rows if keeps(c)]
    column, descending = query.effective_sort
    if query.searching:
        matched = set(session.execute(*_match(query)).scalars())
        found = [(c, rowid) for c, rowid in found if rowid in matched]
        found.sort(key=lambda pair: pair[1], reverse=descending)
    else:
        value = {SortColumn.RECEIVED: "received_at", SortColumn.DUE: "due_at", SortColumn.RECEIPT: "receipt_no"}
        found.sort(key=lambda pair: (getattr(pair[0], value[column]), pair[1]), reverse=descending)
    return [c.id for c, _rowid in found]


def _match(query: QueueQuery) -> tuple[TextClause, dict[str, str]]:
    return text("SELECT rowid FROM case_fts WHERE case_fts MATCH :q"), {"q": search.fts_query(query.search) or ""}


def _walk_forward(session: Session, query: QueueQuery, size: int) -> list[str]:
    seen: list[str] = []
    after: QueueKey | None = None
    while True:
        window = queue_window(session, query, after=after, limit=size)
        seen.extend(item.id for item in window)
        if len(window) < size:
            return seen
        after = window[-1].key


def _walk_backward(session: Session, query: QueueQuery, size: int) -> list[str]:
    seen: list[str] = []
    window = queue_window(session, query, from_end=True, limit=size)
    while window:
        seen[:0] = [item.id for item in window]
        if len(window) < size:
            break
        window = queue_window(session, query, before=window[0].key, limit=size)
    return seen


QUERIES = [
    *(QueueQuery(queue=q) for q in Queue),
    *(QueueQuery(sort=s, descending=d) for s in SortColumn for d in (True, False)),
    *(QueueQuery(queue=q, sort=s) for q in (Queue.MINE, Queue.DEPARTMENT, Queue.OVERDUE) for s in SortColumn),
    QueueQuery(queue=Queue.TO_REGISTER, sort=SortColumn.DUE, descending=False),
    QueueQuery(queue=Queue.DUE_SOON, sort=SortColumn.RECEIPT),
    QueueQuery(search="주차"),
    QueueQuery(search="도로", descending=False),
    QueueQuery(queue=Queue.DEPARTMENT, search="민원"),
    QueueQuery(queue=Queue.OVERDUE, search="소음", sort=SortColumn.DUE),  # a search keeps arrival order
]


@pytest.mark.parametrize("base", QUERIES, ids=lambda q: f"{q.queue}-{q.sort}-{q.descending}-{q.search}")
def test_windows_walk_the_whole_queue_in_order_either_way(
    demo: tuple[Engine, sessionmaker[Session]], base: QueueQuery
) -> None:
    _walks_in_order(demo, base)


# A search inside the queues of one person or one stage: in this small demo they are narrow (each candidate is
# looked up in the search index); in a large store they are not (the search's matches are checked against the
# queue's rowids, and in an officer's cases the windows merge the officer's list with the word's matches). All
# ways give the same rows, windows, positions and counts.
SEARCHES_IN_LISTED_QUEUES = [
    QueueQuery(queue=q, search=word, descending=descending)
    for q in (Queue.MINE, Queue.TO_REGISTER, Queue.REJECTED)
    for word, descending in (("민원", True), ("주차", False))
]
# The demo's busiest officer has 33 cases: these words are in some of them.
SEARCHES_IN_LISTED_QUEUES += [
    QueueQuery(queue=Queue.MINE, search="도로"),
    QueueQuery(queue=Queue.MINE, search="쓰레기", descending=False),
]
PLANS = ["few-candidates", "many-candidates", "many-candidates-listed"]


def _take_plan(plan: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make plan_for take `plan` on the small demo: many candidates as in a large store, and without the merge
    of an officer's cases (the listed plan, which counts still use)."""
    if plan == "few-candidates":
        return
    monkeypatch.setattr("complaints_desk.store.queue_plan.NARROW_FILTER", 0)
    if plan == "many-candidates-listed":

        def listed(session: Session, query: QueueQuery) -> Plan | None:
            found = plan_for(session, query)
            if found is not None:
                found.merge = None
            return found

        monkeypatch.setattr("complaints_desk.store.queue.plan_for", listed)


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("base", SEARCHES_IN_LISTED_QUEUES, ids=lambda q: f"{q.queue}-{q.search}-{q.descending}")
def test_a_search_inside_a_persons_queue_walks_in_order_either_way(
    demo: tuple[Engine, sessionmaker[Session]], base: QueueQuery, plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _take_plan(plan, monkeypatch)
    expected = _walks_in_order(demo, base)
    _engine, factory = demo
    with factory() as session:
        quick = queue_count(session, QueueQuery(**{**base.__dict__, **_viewer(factory)}))
    assert quick.exact and quick.value == len(expected)


# The queues whose cases are also listed in arrival order, with that list's index and the demo's words that are
# in some of their cases (the demo's busiest officer has 33 cases; 7 filings await registration).
MERGED = {
    Queue.MINE: ("ix_cases_assignee_list", {"도로", "쓰레기", "소음"}),
    Queue.TO_REGISTER: ("ix_cases_unregistered_arrival", {"도로", "소음", "주차"}),
}


def _queue_ids(session: Session, query: QueueQuery) -> set[str]:
    if query.queue is Queue.MINE:
        return set(session.execute(select(CaseRow.id).where(CaseRow.assignee_id == query.assignee_id)).scalars())
    unregistered = (CaseRow.status == "received") & CaseRow.registration_due_at.is_not(None)
    return set(session.execute(select(CaseRow.id).where(unregistered)).scalars())


@pytest.mark.parametrize("descending", [True, False], ids=["newest-first", "oldest-first"])
@pytest.mark.parametrize("word", ["도로", "쓰레기", "소음", "주차"])
@pytest.mark.parametrize("queue", list(MERGED))
def test_a_search_in_my_cases_or_the_filings_to_register_finds_exactly_their_matches_by_either_plan(
    demo: tuple[Engine, sessionmaker[Session]],
    queue: Queue,
    word: str,
    descending: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Among many cases of one officer, or many filings to register (the plans of a large store), the windows
    that merge the queue's list with the word's matches and those that check the matches against the queue's
    rowids give the same rows, and those rows are the queue's cases that hold the word, each once."""
    engine, factory = demo
    query = QueueQuery(queue=queue, search=word, descending=descending, **_viewer(factory))  # type: ignore[arg-type]
    with factory() as session:
        members = _queue_ids(session, query)
        holding = set(
            session.execute(
                text("SELECT c.id FROM cases c JOIN case_fts f ON f.rowid = c.rowid WHERE case_fts MATCH :q"),
                {"q": search.fts_query(word)},
            ).scalars()
        )
    statements: list[str] = []

    def listen(_c: object, _cur: object, statement: str, _p: object, _ctx: object, _many: bool) -> None:
        statements.append(statement)

    walks = {}
    for plan in ("many-candidates", "many-candidates-listed"):
        with monkeypatch.context() as patch:
            _take_plan(plan, patch)
            event.listen(engine, "before_cursor_execute", listen)
            try:
                with factory() as session:
                    walks[plan] = (_walk_forward(session, query, 1), _walk_backward(session, query, 1))
            finally:
                event.remove(engine, "before_cursor_execute", listen)
        merged = [s for s in statements if " INTERSECT " in s]
        assert bool(merged) == (plan == "many-candidates"), plan  # each plan is the one taken
        assert all(MERGED[queue][0] in s for s in merged)
        statements.clear()
    forward, backward = walks["many-candidates"]
    assert walks["many-candidates-listed"] == (forward, backward)
    assert forward == backward and len(forward) == len(set(forward))
    assert set(forward) == members & holding
    assert bool(forward) == (word in MERGED[queue][1])


@pytest.mark.parametrize(("queue", "word"), [(Queue.MINE, "도로"), (Queue.TO_REGISTER, "소음")])
def test_the_merge_reads_both_lists_in_order_without_sorting(
    demo: tuple[Engine, sessionmaker[Session]], queue: Queue, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merge stops at the window's last row only if neither list is sorted first (a sort would read all of
    an officer's 20,000 cases, or all of a common word's 175,000 matches, before the first row)."""
    engine, factory = demo
    _take_plan("many-candidates", monkeypatch)
    query = QueueQuery(queue=queue, search=word, **_viewer(factory))  # type: ignore[arg-type]
    statements: list[tuple[str, object]] = []

    def listen(_c: object, _cur: object, statement: str, params: object, _ctx: object, _many: bool) -> None:
        statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        with factory() as session:
            first = queue_window(session, query, limit=1)
            queue_window(session, query, after=first[-1].key, limit=1)
            queue_window(session, query, from_end=True, limit=1)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    windows = [(s, p) for s, p in statements if " INTERSECT " in s]
    assert len(windows) == 3
    with engine.connect() as conn:
        for statement, params in windows:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()  # type: ignore[arg-type]
            (merge,) = [node for node, _parent, _n, detail in plan if detail == "MERGE (INTERSECT)"]
            below = {merge}
            for node, parent, _n, _detail in plan:
                if parent in below:
                    below.add(node)
            details = [detail for node, _parent, _n, detail in plan if node in below]
            assert any(MERGED[queue][0] in d for d in details), plan
            assert any(d.startswith("SCAN case_fts VIRTUAL TABLE") for d in details), plan
            assert not any("TEMP B-TREE" in d for d in details), plan


SEARCHES_IN_MY_DEPARTMENT = [
    QueueQuery(queue=Queue.DEPARTMENT, search=word, descending=descending)
    for word, descending in (("도로", True), ("쓰레기", False), ("민원", True), ("주차", False))
]


def _read_each_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search in a department as it was before its list of rowids: each match's row read to find its
    department."""

    def reading(session: Session, query: QueueQuery) -> Plan | None:
        found = plan_for(session, query)
        if found is not None:
            found.where = [w for w in found.where if "ix_cases_dept_list" not in w]
        return found

    monkeypatch.setattr("complaints_desk.store.queue.plan_for", reading)


@pytest.mark.parametrize("looked_up", [True, False], ids=["looked-up-in-the-list", "rows-read"])
@pytest.mark.parametrize("base", SEARCHES_IN_MY_DEPARTMENT, ids=lambda q: f"{q.search}-{q.descending}")
def test_a_search_in_my_department_walks_in_order_either_way_by_either_plan(
    demo: tuple[Engine, sessionmaker[Session]], base: QueueQuery, looked_up: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A department of a large store (many candidates): the matches looked up in the department's list of rowids
    and the matches whose rows are read give the same rows, windows, positions and counts."""
    monkeypatch.setattr("complaints_desk.store.queue_plan.NARROW_FILTER", 0)
    if not looked_up:
        _read_each_match(monkeypatch)
    expected = _walks_in_order(demo, base)
    _engine, factory = demo
    with factory() as session:
        quick = queue_count(session, QueueQuery(**{**base.__dict__, **_viewer(factory)}))
    assert quick.exact and quick.value == len(expected)
    assert bool(expected) == (base.search != "민원")  # the demo's 민원 is in none of this department's cases


def test_a_search_in_my_department_looks_each_match_up_before_reading_its_row(
    demo: tuple[Engine, sessionmaker[Session]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A common word's matches are mostly in other departments: each is looked up in the department's list (an
    index seek) before its row is read, so only the department's matches cost a row of cases."""
    engine, factory = demo
    monkeypatch.setattr("complaints_desk.store.queue_plan.NARROW_FILTER", 0)
    query = QueueQuery(queue=Queue.DEPARTMENT, search="도로", **_viewer(factory))  # type: ignore[arg-type]
    statements: list[tuple[str, object]] = []

    def listen(_c: object, _cur: object, statement: str, params: object, _ctx: object, _many: bool) -> None:
        statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        with factory() as session:
            first = queue_window(session, query, limit=3)
            queue_window(session, query, after=first[-1].key, limit=3)
            queue_window(session, query, from_end=True, limit=3)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    windows = [(s, p) for s, p in statements if "LEFT JOIN departments d" in s]
    assert len(windows) == 3
    with engine.connect() as conn:
        for statement, params in windows:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()  # type: ignore[arg-type]
            # Nodes are numbered by where their code starts: the lookup's code comes before the row is read.
            (lookup,) = [n for n, _p, _x, d in plan if "ix_cases_dept_list (department_code=? AND rowid=?)" in d]
            (row,) = [n for n, _p, _x, d in plan if d.startswith("SEARCH c USING INTEGER PRIMARY KEY")]
            assert lookup < row, plan


def _vm_steps(session: Session, call: Callable[[], object]) -> int:
    """How many SQLite virtual machine instructions `call` runs: the work a query does, counted, not timed."""
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    raw.set_progress_handler(step, 1)
    try:
        call()
    finally:
        raw.set_progress_handler(None, 1)
    return steps


@pytest.mark.parametrize("descending", [True, False], ids=["latest-first", "earliest-first"])
def test_a_window_near_the_end_of_overdue_by_due_starts_at_its_key(
    demo: tuple[Engine, sessionmaker[Session]], descending: bool
) -> None:
    """Overdue (due before now) sorted by due, latest first: past a key the deadline is bounded twice the same
    way (before now, and before the key's). The window after a key near the end, and the jump from it, start at
    the key, not at now with every case between (45,000 overdue cases in a million-case store, each a row read
    for its status): they do the work of those after a key near the start."""
    _engine, factory = demo
    query = QueueQuery(queue=Queue.OVERDUE, sort=SortColumn.DUE, descending=descending, **_viewer(factory))  # type: ignore[arg-type]
    with factory() as session:
        counted = queue_count(session, query, cap=None).value
        assert counted > 40  # enough cases between now and the key for a walk from now to show
        near_start, near_end = queue_key_at(session, query, 1), queue_key_at(session, query, counted - 3)
        assert near_start is not None and near_end is not None
        work = {
            key: (
                _vm_steps(session, lambda k=key: queue_window(session, query, after=k, limit=2)),  # type: ignore[misc]
                _vm_steps(session, lambda k=key: queue_key_at(session, query, 1, after=k)),  # type: ignore[misc]
            )
            for key in (near_start, near_end)
        }
        assert [i.key for i in queue_window(session, query, after=near_end, limit=2)] == [
            queue_key_at(session, query, counted - 2),
            queue_key_at(session, query, counted - 1),
        ]
        assert queue_key_at(session, query, 1, after=near_end) == queue_key_at(session, query, counted - 1)
    (window_start, jump_start), (window_end, jump_end) = work[near_start], work[near_end]
    assert window_end < 1.2 * window_start, work
    assert jump_end < 1.2 * jump_start, work


def _walks_in_order(demo: tuple[Engine, sessionmaker[Session]], base: QueueQuery) -> list[str]:
    _engine, factory = demo
    query = QueueQuery(**{**base.__dict__, **_viewer(factory)})
    with factory() as session:
        expected = _expected(session, query)
        assert _walk_forward(session, query, 37) == expected
        assert _walk_backward(session, query, 37) == expected
        assert queue_count(session, query, cap=None).value == len(expected)
        if expected:
            middle = len(expected) // 2
            key = queue_key_at(session, query, middle)
            (item,) = queue_window(session, query, after=key, limit=1) if middle + 1 < len(expected) else [None]
            if item is not None:
                assert item.id == expected[middle + 1]
            if middle:
                start = queue_key_at(session, query, 0)
                assert queue_key_at(session, query, middle - 1, after=start) == key
        assert queue_key_at(session, query, len(expected)) is None
    return expected


def test_every_named_queue_has_cases_in_the_demo(demo: tuple[Engine, sessionmaker[Session]]) -> None:
    """The walk above proves something for each queue only if each holds some cases."""
    _engine, factory = demo
    with factory() as session:
        for queue in Queue:
            query = QueueQuery(queue=queue, **_viewer(factory))  # type: ignore[arg-type]
            assert queue_count(session, query).value > 0, queue
        assert queue_count(session, QueueQuery(queue=Queue.REJECTED)).value == 2  # two cases, three rejections


def test_a_quick_count_says_when_it_stopped_early(demo: tuple[Engine, sessionmaker[Session]]) -> None:
    _engine, factory = demo
    with factory() as session:
        assert queue_count(session, QueueQuery()).exact
        assert queue_count(session, QueueQuery()).value == 900
        capped = queue_count(session, QueueQuery(), cap=100)
        assert (capped.value, capped.exact) == (100, False)
        word = queue_count(session, QueueQuery(search="민원"), cap=None).value
        assert word > 20
        assert not queue_count(session, QueueQuery(search="민원"), cap=20).exact
        assert queue_count(session, QueueQuery(search="민원"), cap=word).exact


def test_the_personal_queues_are_empty_without_a_viewer(demo: tuple[Engine, sessionmaker[Session]]) -> None:
    _engine, factory = demo
    with factory() as session:
        for queue in (Queue.MINE, Queue.DEPARTMENT):
            assert queue_window(session, QueueQuery(queue=queue)) == []
            assert queue_count(session, QueueQuery(queue=queue)).value == 0


def test_rows_carry_the_names_of_their_department_category_and_officer(
    demo: tuple[Engine, sessionmaker[Session]],
) -> None:
    _engine, factory = demo
    with factory() as session:
        departments = dict(session.execute(select(Department.code, Department.name)).all())
        categories = dict(session.execute(select(Category.code, Category.name)).all())
        staff = dict(session.execute(select(Staff.id, Staff.name)).all())
        rows = {c.id: c for c in session.execute(select(CaseRow)).scalars()}
        items = queue_window(session, QueueQuery(), limit=300)
    assert any(i.assignee_name for i in items) and any(i.department_name for i in items)
    for item in items:
        row = rows[item.id]
        assert item.department_name == departments.get(row.department_code or "")
        assert item.category_name == categories.get(row.category_code or "")
        assert item.assignee_name == staff.get(row.assignee_id or "")
        assert item.received_at.tzinfo is not None


def test_the_open_condition_of_the_indexes_is_the_domains(demo: tuple[Engine, sessionmaker[Session]]) -> None:
    spelled = ", ".join(f"'{s.value}'" for s in Status if s in OPEN_STATUSES)
    assert f"status IN ({spelled})" == OPEN_CONDITION


@pytest.mark.parametrize("queue", [Queue.ALL, Queue.MINE, Queue.DEPARTMENT, Queue.TO_REGISTER, Queue.OVERDUE])
@pytest.mark.parametrize("sort", list(SortColumn))
def test_every_queue_in_every_order_is_read_from_an_index_without_sorting(
    demo: tuple[Engine, sessionmaker[Session]], queue: Queue, sort: SortColumn
) -> None:
    """A sort step would read every row of the queue before the first one is shown: at a million cases that
    is the difference between a millisecond and a second."""
    engine, factory = demo
    query = QueueQuery(queue=queue, sort=sort, **_viewer(factory))  # type: ignore[arg-type]
    statements: list[tuple[str, object]] = []

    def listen(_c: object, _cur: object, statement: str, params: object, _ctx: object, _many: bool) -> None:
        statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        with factory() as session:
            first = queue_window(session, query, limit=5)
            queue_window(session, query, after=first[-1].key, limit=5)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    with engine.connect() as conn:
        windows = [(st, ps) for st, ps in statements if "LEFT JOIN departments d" in st]
        assert len(windows) == 2
        for statement, params in windows:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()  # type: ignore[arg-type]
            reads = [
                (parent, detail) for _id, parent, _n, detail in plan if detail.startswith(("SEARCH c ", "SCAN c "))
            ]
            assert reads and all("INDEX" in detail for _parent, detail in reads), plan
            # Sorting the window's few rows after the join is fine; sorting where the cases are read is not.
            beside_reads = {parent for parent, _detail in reads}
            assert not [d for _i, parent, _n, d in plan if "TEMP B-TREE" in d and parent in beside_reads], plan


@pytest.mark.parametrize("base", QUERIES, ids=lambda q: f"{q.queue}-{q.sort}-{q.descending}-{q.search}")
def test_a_window_read_in_one_step_gives_exactly_the_rows_read_one_by_one(
    demo: tuple[Engine, sessionmaker[Session]], base: QueueQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a window comes back as one JSON value (store.queue._window_rows): the same rows in the same
    order, each value of the same type (text, integers, NULL) as the statement's own rows."""
    read_in_one_step = queue_module._window_rows
    compared: list[int] = []

    def both(session: Session, sql: str, params: dict[str, object]) -> object:
        one_step = read_in_one_step(session, sql, params)
        one_by_one = session.execute(text(sql), params).all()
        assert [[(type(v), v) for v in row] for row in one_step] == [
            [(type(v), v) for v in row] for row in one_by_one
        ]
        compared.append(len(one_step))
        return one_step

    monkeypatch.setattr(queue_module, "_window_rows", both)
    _engine, factory = demo
    query = QueueQuery(**{**base.__dict__, **_viewer(factory)})
    with factory() as session:
        _walk_forward(session, query, 37)
        _walk_backward(session, query, 37)
    assert compared  # (a few of these queues are empty for this viewer: their windows are compared too)
