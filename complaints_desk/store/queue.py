"""The desktop's work queues over a million local cases: keyset windows, counts and the names a row shows.

A queue (mine, my department, all, to register, due within a day, overdue, rejected in sync) is a filter whose
condition is the prefix of an index, and every sortable column (received, due, receipt number) follows that
prefix in some index (store.models), so a window of rows after or before a key is one index seek at any depth:
no OFFSET walks the rows before it, no sort step collects the matches first. A Korean search walks the search
index in arrival order instead (store.search); it sorts only by arrival.

The view asks for three things: how many rows the queue has (`queue_count`, exact when that is cheap, a lower
bound otherwise, and it says which), the rows after or before a key it has (`queue_window`), and the key at a
position it has no key for yet, when the user drags the scroll bar far (`queue_key_at`, which reads only an
index). Offset pages with free-form filters stay in store.queue_filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..domain.channels import Channel
from ..domain.kinds import Kind
from ..domain.statuses import Status
from . import search
from .models import OPEN_CONDITION, UNREGISTERED_CONDITION
from .queue_filter import NARROW_FILTER, QueueFilter, QueueRow, aware, bind_time, queue_page

__all__ = [
    "COUNT_CAP",
    "Queue",
    "QueueCount",
    "QueueFilter",
    "QueueItem",
    "QueueKey",
    "QueueQuery",
    "QueueRow",
    "SortColumn",
    "queue_count",
    "queue_key_at",
    "queue_page",
    "queue_window",
]

COUNT_CAP = 10_000  # rows a quick count reads before it answers "at least this many"
SEARCH_WALK = 2_000  # a search's matches a quick count walks (each a phrase check and a row lookup)
DUE_SOON = timedelta(days=1)
# The outbox's state for an event the server refused (store.local.tables.OutboxState.REJECTED; named here so
# the shared store does not import the desktop's room).
REJECTED_STATE = "rejected"


class Queue(StrEnum):
    MINE = "mine"  # assigned to the viewer
    DEPARTMENT = "department"  # the viewer's department
    ALL = "all"
    TO_REGISTER = "to_register"  # online filings not registered yet (8 working hours, 영 §6⑧)
    DUE_SOON = "due_soon"  # open and due within a day
    OVERDUE = "overdue"  # open and past its deadline
    REJECTED = "rejected"  # a local change to it was refused by the server


class SortColumn(StrEnum):
    RECEIVED = "received"
    DUE = "due"
    RECEIPT = "receipt"


_SORT_SQL = {SortColumn.RECEIVED: "c.received_at", SortColumn.DUE: "c.due_at", SortColumn.RECEIPT: "c.receipt_no"}
# The index that answers each queue in each order on SQLite (store.models). Named, because without statistics
# SQLite's planner prefers ix_cases_status_due's range to a partial index and then sorts the whole range.
_INDEX_PREFIX = {
    Queue.MINE: "ix_cases_assignee_",
    Queue.DEPARTMENT: "ix_cases_dept_",
    Queue.TO_REGISTER: "ix_cases_unregistered_",
    Queue.OVERDUE: "ix_cases_open_",
}
_ALL_INDEX = {SortColumn.RECEIVED: "ix_cases_received", SortColumn.DUE: "ix_cases_due"}
# Queues that hold what one person or one stage has (an officer's cases, the filings to register, the refused
# ones), never a large part of the store: a search inside one checks its matches against the queue's rowids.
_LISTED_QUEUES = frozenset((Queue.MINE, Queue.TO_REGISTER, Queue.REJECTED))


@dataclass(frozen=True)
class QueueQuery:
    queue: Queue = Queue.ALL
    sort: SortColumn = SortColumn.RECEIVED
    descending: bool = True
    search: str = ""
    assignee_id: str | None = None  # the viewer, for Queue.MINE
    department_code: str | None = None  # the viewer's department, for Queue.DEPARTMENT
    # Due soon and overdue are measured against this moment; the caller fixes it for one listing so that its
    # count and all its windows agree (None: now, at each call).
    now: datetime | None = None

    @property
    def searching(self) -> bool:
        return search.fts_query(self.search) is not None

    @property
    def effective_sort(self) -> tuple[SortColumn, bool]:
        """What the rows are really ordered by: a search lists its matches in arrival order."""
        return (SortColumn.RECEIVED, self.descending) if self.searching else (self.sort, self.descending)


@dataclass(frozen=True)
class QueueKey:
    """Where a row sits in its queue's order: the sort column as stored (None in a search) and the rowid."""

    value: Any
    rowid: int


@dataclass(frozen=True)
class QueueCount:
    value: int
    exact: bool  # False: there are at least `value` rows (the count stopped at its cap)


@dataclass(frozen=True)
class QueueItem:
    """One row of a queue, with the names it shows (plain data: it crosses to the GUI thread)."""

    id: str
    receipt_no: str
    kind: Kind
    channel: Channel
    status: Status
    title: str
    petitioner_name: str
    petitioner_phone: str
    department_code: str | None
    department_name: str | None
    category_name: str | None
    assignee_name: str | None
    received_at: datetime
    due_at: datetime
    clock_stopped: bool
    key: QueueKey = field(repr=False)


_COLUMNS = (
    "id",
    "receipt_no",
    "kind",
    "channel",
    "status",
    "title",
    "petitioner_name",
    "petitioner_phone",
    "department_code",
    "category_code",
    "assignee_id",
    "received_at",
    "due_at",
    "clock_stopped_at",
)


@dataclass
class _Plan:
    source: str
    where: list[str]
    params: dict[str, Any]
    order_value: str | None  # the sort column in SQL, None when ordered by rowid alone (a search)
    rowid: str  # the rowid column in SQL
    descending: bool
    # A search inside a listed queue (_LISTED_QUEUES): the SQL of the queue's rowids, which the search's matches
    # are checked against instead of reading each match's row, and the queue's own condition on cases (c).
    members: str | None = None
    queue_where: list[str] = field(default_factory=list)

    def search_only(self) -> None:
        """A search of every case, or inside a listed queue: the search index alone (with the queue's rowids)
        answers counts and positions (no row of cases is read)."""
        if self.rowid.startswith(search.FTS_TABLE) and (len(self.where) == 1 or self.members is not None):
            self.source = search.FTS_TABLE

    def clause(self) -> str:
        return f" WHERE {' AND '.join(self.where)}" if self.where else ""

    def order(self, reverse: bool = False) -> str:
        way = "DESC" if self.descending != reverse else "ASC"
        if self.order_value is None:
            return f"{self.rowid} {way}"
        return f"{self.order_value} {way}, {self.rowid} {way}"

    def ties_then_rest(self, columns: str, key: QueueKey, *, backwards: bool) -> str:
        """The rows past `key`, as two seeks: those sharing the key's value (by rowid), then those past the value.
        Many cases share a deadline (the end of the same day), and one range on the sort column would step
        through those before the key one by one, each a table read where the queue's condition is not in the
        index (the partial indexes)."""
        travel_descending = self.descending != backwards
        strict = "<" if travel_descending else ">"
        way = "DESC" if travel_descending else "ASC"
        self.params.update(key_value=key.value, key_rowid=key.rowid)
        ties = [*self.where, f"{self.order_value} = :key_value", f"{self.rowid} {strict} :key_rowid"]
        rest = [*self.where, f"{self.order_value} {strict} :key_value"]
        return (
            f"SELECT * FROM (SELECT {columns} FROM {self.source} WHERE {' AND '.join(ties)}"
            f" ORDER BY {self.rowid} {way} LIMIT :limit)"
            f" UNION ALL SELECT * FROM (SELECT {columns} FROM {self.source} WHERE {' AND '.join(rest)}"
            f" ORDER BY {self.order(reverse=backwards)} LIMIT :limit)"
        )

    def past(self, key: QueueKey, *, backwards: bool) -> None:
        """Keep only the rows after `key` in this order (before it if `backwards`). The first condition is an
        index range on the sort column; the second only drops the rows that share the key's value."""
        forward_is_smaller = self.descending != backwards
        strict, loose = ("<", "<=") if forward_is_smaller else (">", ">=")
        self.params["key_rowid"] = key.rowid
        if self.order_value is None:
            self.where.append(f"{self.rowid} {strict} :key_rowid")
            return
        self.params["key_value"] = key.value
        self.where.append(
            f"{self.order_value} {loose} :key_value AND ({self.order_value} {strict} :key_value"
            f" OR {self.rowid} {strict} :key_rowid)"
        )


def _queue_conditions(session: Session, query: QueueQuery) -> tuple[list[str], dict[str, Any]] | None:
    """The queue's condition on cases (aliased c), or None when it cannot hold any row (no viewer yet)."""
    now = bind_time(session, query.now or datetime.now().astimezone())
    match query.queue:
        case Queue.ALL:
            return [], {}
        case Queue.MINE:
            if not query.assignee_id:
                return None
            return ["c.assignee_id = :assignee"], {"assignee": query.assignee_id}
        case Queue.DEPARTMENT:
            if not query.department_code:
                return None
            return ["c.department_code = :department"], {"department": query.department_code}
        case Queue.TO_REGISTER:
            # Spelled as the partial indexes' condition, with its column names qualified the same way.
            return [UNREGISTERED_CONDITION.replace("status", "c.status").replace("registration_due_at", "c.registration_due_at")], {}  # fmt: skip
        case Queue.DUE_SOON:
            soon = bind_time(session, (query.now or datetime.now().astimezone()) + DUE_SOON)
            return [_open(), "c.due_at >= :now AND c.due_at < :soon"], {"now": now, "soon": soon}
        case Queue.OVERDUE:
            return [_open(), "c.due_at < :now"], {"now": now}
        case Queue.REJECTED:
            return ["c.id IN (SELECT o.case_id FROM sync_outbox o WHERE o.state = :rejected)"], {
                "rejected": REJECTED_STATE
            }
    raise AssertionError(query.queue)


def _open() -> str:
    return OPEN_CONDITION.replace("status", "c.status")


def _plan(session: Session, query: QueueQuery) -> _Plan | None:
    conditions = _queue_conditions(session, query)
    if conditions is None:
        return None
    where, params = conditions
    fts = search.fts_query(query.search)
    sqlite = session.get_bind().dialect.name == "sqlite"
    if fts is None:
        source = f"cases c INDEXED BY {_index_for(query)}" if sqlite and _index_for(query) else "cases c"
        return _Plan(source, where, params, _SORT_SQL[query.sort], "c.rowid", query.descending)
    params["search_q"] = fts
    if not sqlite:
        clause, clause_params = search.match_clause(session.get_bind().dialect.name, query.search) or ("1=1", {})
        params.update(clause_params)
        return _Plan("cases c", [*where, clause], params, None, "c.rowid", query.descending)
    members_source = _members_source(query, sqlite)
    if where and _few_candidates(session, members_source, where, params):
        # A narrow queue (rejected, to register) with a common word: walking the word's match list would read
        # every match; probe the search index once per candidate instead.
        probe = (
            f"EXISTS (SELECT 1 FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH :search_q"
            f" AND {search.FTS_TABLE}.rowid = c.rowid)"
        )
        return _Plan("cases c", [*where, probe], params, None, "c.rowid", query.descending)
    # Drive from the search index: FTS5 walks its matches in rowid (arrival) order, either way, from any rowid.
    source = f"{search.FTS_TABLE} CROSS JOIN cases c ON c.rowid = {search.FTS_TABLE}.rowid"
    if where and query.queue in _LISTED_QUEUES:
        # A common word in an officer's cases (or the filings to register): the matches that belong to the
        # queue are a few in a hundred, and reading each match's row to find out is most of the time (a row
        # of cases is a page read). List the queue's rowids once from its index (an officer's 20,000 cases:
        # about a millisecond) and check each match against that list; only the window's rows are read.
        # The "+" keeps the list out of FTS5, which would otherwise look each listed rowid up in the index.
        members = f"SELECT c.rowid FROM {members_source} WHERE {' AND '.join(where)}"
        listed = [f"{search.FTS_TABLE} MATCH :search_q", f"+{search.FTS_TABLE}.rowid IN ({members})"]
        return _Plan(source, listed, params, None, f"{search.FTS_TABLE}.rowid", query.descending, members, where)
    # Elsewhere each match costs one rowid lookup in cases: a big queue holds many of the matches.
    where = [f"{search.FTS_TABLE} MATCH :search_q", *where]
    return _Plan(source, where, params, None, f"{search.FTS_TABLE}.rowid", query.descending)


def _index_for(query: QueueQuery) -> str | None:
    if query.queue is Queue.DUE_SOON:
        return "ix_cases_open_due"  # one day's deadlines are few: find them by date, then sort them
    prefix = _INDEX_PREFIX.get(query.queue)
    if prefix is not None:
        return prefix + query.sort.value
    return _ALL_INDEX.get(query.sort) if query.queue is Queue.ALL else None


def _members_source(query: QueueQuery, sqlite: bool) -> str:
    """Where the queue's rows are found, in no order, from an index that holds its condition's columns, so that
    listing or counting them reads no row of cases (SQLite: the index named, as above). The windows read them in
    order through _index_for's index instead."""
    if not sqlite:
        return "cases c"
    match query.queue:
        case Queue.TO_REGISTER:
            return "cases c INDEXED BY ix_cases_unregistered_list"
        case Queue.MINE | Queue.DEPARTMENT:
            return f"cases c INDEXED BY {_INDEX_PREFIX[query.queue]}received"
        case Queue.OVERDUE | Queue.DUE_SOON:
            return "cases c INDEXED BY ix_cases_open_due"  # open by its condition, due_at the key
    return "cases c"


def _few_candidates(session: Session, source: str, where: list[str], params: dict[str, Any]) -> bool:
    counted = session.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {' AND '.join(where)} LIMIT {NARROW_FILTER})"),
        params,
    ).scalar_one()
    return int(counted) < NARROW_FILTER


def queue_window(
    session: Session,
    query: QueueQuery,
    *,
    after: QueueKey | None = None,
    before: QueueKey | None = None,
    from_end: bool = False,
    limit: int = 100,
) -> list[QueueItem]:
    """Up to `limit` rows of the queue in its order: the first ones, those just after `after`, those just
    before `before`, or (`from_end`) the last ones. Always returned in the queue's order."""
    plan = _plan(session, query)
    if plan is None:
        return []
    if after is not None and before is not None:
        raise ValueError("a window is after a key or before one, not both")
    backwards = before is not None or from_end
    key = after or before
    plan.params["limit"] = limit
    sort_value = plan.order_value or "NULL"
    columns = f"{', '.join('c.' + col for col in _COLUMNS)}, {plan.rowid} AS key_rowid, {sort_value} AS key_value"
    if key is None:
        inner = f"SELECT {columns} FROM {plan.source}{plan.clause()} ORDER BY {plan.order(reverse=backwards)} LIMIT :limit"
    elif plan.order_value is None:
        plan.past(key, backwards=backwards)
        inner = f"SELECT {columns} FROM {plan.source}{plan.clause()} ORDER BY {plan.order(reverse=backwards)} LIMIT :limit"
    else:
        inner = plan.ties_then_rest(columns, key, backwards=backwards)
    # Names come from the small reference tables, joined to the window only (a few dozen rows).
    way = "DESC" if plan.descending != backwards else "ASC"
    sql = (
        "SELECT w.*, d.name AS department_name, g.name AS category_name, s.name AS assignee_name"
        f" FROM ({inner}) w"
        " LEFT JOIN departments d ON d.code = w.department_code"
        " LEFT JOIN categories g ON g.code = w.category_code"
        " LEFT JOIN staff s ON s.id = w.assignee_id"
        + (
            f" ORDER BY w.key_value {way}, w.key_rowid {way} LIMIT :limit"
            if plan.order_value
            else f" ORDER BY w.key_rowid {way} LIMIT :limit"
        )
    )
    rows = session.execute(text(sql), plan.params).all()
    items = [
        QueueItem(
            id=r.id,
            receipt_no=r.receipt_no,
            kind=Kind(r.kind),
            channel=Channel(r.channel),
            status=Status(r.status),
            title=r.title,
            petitioner_name=r.petitioner_name,
            petitioner_phone=r.petitioner_phone,
            department_code=r.department_code,
            department_name=r.department_name,
            category_name=r.category_name,
            assignee_name=r.assignee_name,
            received_at=aware(r.received_at),
            due_at=aware(r.due_at),
            clock_stopped=r.clock_stopped_at is not None,
            key=QueueKey(r.key_value if plan.order_value else None, int(r.key_rowid)),
        )
        for r in rows
    ]
    if backwards:
        items.reverse()
    return items


def queue_key_at(
    session: Session, query: QueueQuery, skip: int, *, after: QueueKey | None = None
) -> QueueKey | None:
    """The key of the row `skip` rows past `after` (0: the first row after it; no `after`: from the start), or
    None past the end. It reads the index alone, for a jump of the scroll bar to where no key is known yet."""
    plan = _plan(session, query)
    if plan is None:
        return None
    plan.search_only()
    if after is not None:
        plan.past(after, backwards=False)
    plan.params.update(skip=max(0, skip))
    sort_value = plan.order_value or "NULL"
    row = session.execute(
        text(
            f"SELECT {sort_value}, {plan.rowid} FROM {plan.source}{plan.clause()}"
            f" ORDER BY {plan.order()} LIMIT 1 OFFSET :skip"
        ),
        plan.params,
    ).first()
    return None if row is None else QueueKey(row[0] if plan.order_value else None, int(row[1]))


def queue_count(session: Session, query: QueueQuery, *, cap: int | None = COUNT_CAP) -> QueueCount:
    """How many rows the queue has: exact when there are at most `cap` (in a search: when the words have at
    most min(cap, SEARCH_WALK) matches), else a lower bound (exact=False), so the first screen never waits for
    a count of a million; `cap=None` counts them all, for a worker to follow the quick count with."""
    plan = _plan(session, query)
    if plan is None:
        return QueueCount(0, exact=True)
    plan.search_only()
    if plan.order_value is not None:  # not a search: count from the index that holds the condition
        plan.source = _members_source(query, session.get_bind().dialect.name == "sqlite")
    if cap is None:
        counted = session.execute(text(f"SELECT count(*) FROM {plan.source}{plan.clause()}"), plan.params)
        return QueueCount(int(counted.scalar_one()), exact=True)
    if plan.rowid.startswith(search.FTS_TABLE):
        cap = min(
            cap, SEARCH_WALK
        )  # each match costs a phrase check: a few thousand say enough for a first screen
    if plan.rowid.startswith(search.FTS_TABLE) and len(plan.where) > 1:
        # A word found in many cases, in a queue that holds few of them: counting the queue's matches would
        # walk all the word's matches. Walk at most `cap` of them; past that the count is a lower bound. (A
        # few thousand rows read cost less than listing a listed queue's rowids: its windows list them.)
        conditions = plan.queue_where if plan.members is not None else plan.where[1:]
        passed = (
            f"coalesce(sum(CASE WHEN {' AND '.join(conditions)} THEN 1 ELSE 0 END), 0)"
            if conditions
            else "count(*)"
        )
        walked, found = session.execute(
            text(
                f"SELECT count(*), {passed} FROM (SELECT rowid AS r FROM {search.FTS_TABLE}"
                f" WHERE {search.FTS_TABLE} MATCH :search_q LIMIT {cap + 1}) f CROSS JOIN cases c ON c.rowid = f.r"
            ),
            plan.params,
        ).one()
        return (
            QueueCount(int(found), exact=True) if walked <= cap else QueueCount(min(int(found), cap), exact=False)
        )
    counted = session.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {plan.source}{plan.clause()} LIMIT {cap + 1})"), plan.params
    )
    value = int(counted.scalar_one())
    return QueueCount(value, exact=True) if value <= cap else QueueCount(cap, exact=False)
