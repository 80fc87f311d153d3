"""How a desktop queue is read: what each queue is (its condition on cases and the index that answers it in each
order), what a listing asks for (QueueQuery), where a row sits (QueueKey), and the plan of the SQL that
store.queue runs for a window, a position or a count: which index, and for a search, which way round (the
search index walked, or the queue's cases probed, or its rowids listed, or merged with the word's matches)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from . import search
from .models import OPEN_CONDITION, UNREGISTERED_CONDITION
from .queue_filter import NARROW_FILTER, bind_time

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
# The listed queues whose cases an index holds in arrival (rowid) order (aliased m), for Merge: an officer's
# cases (ix_cases_assignee_list) and the filings to register (ix_cases_unregistered_arrival, whose one column
# is the same for every filing in it, so that its entries follow the rowid).
_IN_ARRIVAL_ORDER = {
    Queue.MINE: "cases m INDEXED BY ix_cases_assignee_list WHERE m.assignee_id = :assignee",
    Queue.TO_REGISTER: "cases m INDEXED BY ix_cases_unregistered_arrival WHERE "
    + UNREGISTERED_CONDITION.replace("status", "m.status").replace("registration_due_at", "m.registration_due_at"),
}


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


@dataclass
class Plan:
    source: str
    where: list[str]
    params: dict[str, Any]
    order_value: str | None  # the sort column in SQL, None when ordered by rowid alone (a search)
    rowid: str  # the rowid column in SQL
    descending: bool
    # A search inside a listed queue (_LISTED_QUEUES): the SQL of the queue's rowids, which the search's matches
    # are checked against instead of reading each match's row.
    members: str | None = None
    # A search inside a queue: the queue's own condition on cases (c), which a count checks on the matches it
    # walks (the conditions above also check the search index, or a list of the queue's rowids).
    queue_where: list[str] = field(default_factory=list)
    # A search inside an officer's cases or the filings to register: windows and positions merge the two lists
    # (Merge); counts use the listed plan above.
    merge: Merge | None = None

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
        # The key's bound first: where the queue bounds the sort column the same way (overdue by due: due_at
        # < now), SQLite seeks by the first of two like bounds, and from now it would step through the index
        # entry of every overdue case down to the key (45,000 of them at the deepest page: 20 ms).
        rest = [f"{self.order_value} {strict} :key_value", *self.where]
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
        self.where.insert(  # first, as in ties_then_rest: the seek starts at the key, not at the queue's bound
            0,
            f"{self.order_value} {loose} :key_value AND ({self.order_value} {strict} :key_value"
            f" OR {self.rowid} {strict} :key_rowid)",
        )


@dataclass(frozen=True)
class Merge:
    """A search inside an officer's cases (or the filings to register) as the intersection of two lists in
    arrival (rowid) order: the word's matches from the search index and the queue's cases from its index in
    that order (_IN_ARRIVAL_ORDER). SQLite intersects two ordered lists by merging them (a compound SELECT with
    ORDER BY: no sort, no list built), a few dozen nanoseconds a step, and stops at the window's last row. Checking each of a common word's matches against
    a list of the officer's 20,000 cases (built first, then a b-tree seek a match) cost four times as much at
    the deepest page; looking each of the officer's cases up in the search index costs 10-40 µs a case."""

    members: str  # the queue's cases (aliased m), from the index alone

    def compound(self, params: dict[str, Any], key: QueueKey | None, *, descending: bool) -> str:
        """The rowids (r) of the queue's cases that match, strictly past `key` in the travel order (falling
        rowids if `descending`), in that order."""
        fts = f"SELECT rowid AS r FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH :search_q"
        mine = f"SELECT m.rowid FROM {self.members}"
        if key is not None:
            params["key_rowid"] = key.rowid
            past = "<" if descending else ">"
            fts, mine = f"{fts} AND rowid {past} :key_rowid", f"{mine} AND m.rowid {past} :key_rowid"
        return f"{fts} INTERSECT {mine} ORDER BY 1 {'DESC' if descending else 'ASC'}"


def queue_conditions(session: Session, query: QueueQuery) -> tuple[list[str], dict[str, Any]] | None:
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


def plan_for(session: Session, query: QueueQuery) -> Plan | None:
    conditions = queue_conditions(session, query)
    if conditions is None:
        return None
    where, params = conditions
    fts = search.fts_query(query.search)
    sqlite = session.get_bind().dialect.name == "sqlite"
    if fts is None:
        source = f"cases c INDEXED BY {index_for(query)}" if sqlite and index_for(query) else "cases c"
        return Plan(source, where, params, _SORT_SQL[query.sort], "c.rowid", query.descending)
    params["search_q"] = fts
    if not sqlite:
        clause, clause_params = search.match_clause(session.get_bind().dialect.name, query.search) or ("1=1", {})
        params.update(clause_params)
        return Plan("cases c", [*where, clause], params, None, "c.rowid", query.descending)
    listing = members_source(query, sqlite)
    if where and few_candidates(session, listing, where, params):
        # A narrow queue (rejected, to register) with a common word: walking the word's match list would read
        # every match; probe the search index once per candidate instead.
        probe = (
            f"EXISTS (SELECT 1 FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH :search_q"
            f" AND {search.FTS_TABLE}.rowid = c.rowid)"
        )
        return Plan("cases c", [*where, probe], params, None, "c.rowid", query.descending)
    # Drive from the search index: FTS5 walks its matches in rowid (arrival) order, either way, from any rowid.
    source = f"{search.FTS_TABLE} CROSS JOIN cases c ON c.rowid = {search.FTS_TABLE}.rowid"
    if where and query.queue in _LISTED_QUEUES:
        # A common word in an officer's cases (or the filings to register): the matches that belong to the
        # queue are a few in a hundred, and reading each match's row to find out is most of the time (a row
        # of cases is a page read). List the queue's rowids once from its index (an officer's 20,000 cases:
        # about a millisecond) and check each match against that list; only the window's rows are read.
        # The "+" keeps the list out of FTS5, which would otherwise look each listed rowid up in the index.
        members = f"SELECT c.rowid FROM {listing} WHERE {' AND '.join(where)}"
        listed = [f"{search.FTS_TABLE} MATCH :search_q", f"+{search.FTS_TABLE}.rowid IN ({members})"]
        # An officer's cases and the filings to register are also listed in arrival order: windows merge the
        # lists.
        listed_in_order = _IN_ARRIVAL_ORDER.get(query.queue)
        merge = Merge(listed_in_order) if listed_in_order is not None else None
        return Plan(
            source, listed, params, None, f"{search.FTS_TABLE}.rowid", query.descending, members, where, merge
        )
    # Elsewhere each match costs one rowid lookup in cases: a big queue holds many of the matches.
    matching = [f"{search.FTS_TABLE} MATCH :search_q", *where]
    if query.queue is Queue.DEPARTMENT:
        # A department holds a few in a hundred of a common word's matches (a fortieth of 주차's in the largest one):
        # reading each match's row (a page of cases) to find its department was most of the time. Each match
        # is first looked up in the department's list of rowids (ix_cases_dept_list, a small index whose
        # pages stay cached), a third of the cost, and only the department's matches are read. Merging that
        # list with the word's matches (as Merge does) is faster still for a common word, but a rare word
        # then walks the whole list, tens of thousands of entries, where these look up a few matches.
        in_department = (
            "EXISTS (SELECT 1 FROM cases x INDEXED BY ix_cases_dept_list WHERE x.department_code = :department"
            f" AND x.rowid = {search.FTS_TABLE}.rowid)"
        )
        matching.insert(1, in_department)
    return Plan(source, matching, params, None, f"{search.FTS_TABLE}.rowid", query.descending, queue_where=where)


def index_for(query: QueueQuery) -> str | None:
    if query.queue is Queue.DUE_SOON:
        return "ix_cases_open_due"  # one day's deadlines are few: find them by date, then sort them
    prefix = _INDEX_PREFIX.get(query.queue)
    if prefix is not None:
        return prefix + query.sort.value
    return _ALL_INDEX.get(query.sort) if query.queue is Queue.ALL else None


def members_source(query: QueueQuery, sqlite: bool) -> str:
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


def few_candidates(session: Session, source: str, where: list[str], params: dict[str, Any]) -> bool:
    counted = session.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {' AND '.join(where)} LIMIT {NARROW_FILTER})"),
        params,
    ).scalar_one()
    return int(counted) < NARROW_FILTER
