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

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import text
from sqlalchemy.orm import Session

from ..domain.channels import Channel
from ..domain.kinds import Kind
from ..domain.statuses import Status
from . import search
from .queue_filter import QueueFilter, QueueRow, aware, queue_page
from .queue_plan import Plan, Queue, QueueKey, QueueQuery, SortColumn, members_source, plan_for

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
    # an online filing's deadline for being registered (8 working hours; None once registered, or for others)
    registration_due_at: datetime | None = None


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
    "registration_due_at",
)
# What a window's query gives, in this order: the case's columns, its key, the names joined to it.
_WINDOW_COLUMNS = (*_COLUMNS, "key_rowid", "key_value", "department_name", "category_name", "assignee_name")


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
    plan = plan_for(session, query)
    if plan is None:
        return []
    if after is not None and before is not None:
        raise ValueError("a window is after a key or before one, not both")
    backwards = before is not None or from_end
    key = after or before
    if plan.merge is not None:
        # The merge walks from the key in the window's direction; the window reads its rows' cases.
        compound = plan.merge.compound(plan.params, key, descending=plan.descending != backwards)
        plan.source = f"({compound} LIMIT :limit) f CROSS JOIN cases c ON c.rowid = f.r"
        plan.where, plan.rowid, key = [], "f.r", None
    plan.params["limit"] = limit
    ordered = plan.order_value is not None
    items = [
        QueueItem(
            id=id_,
            receipt_no=receipt_no,
            kind=Kind(kind),
            channel=Channel(channel),
            status=Status(status),
            title=title,
            petitioner_name=petitioner_name,
            petitioner_phone=petitioner_phone,
            department_code=department_code,
            department_name=department_name,
            category_name=category_name,
            assignee_name=assignee_name,
            received_at=aware(received_at),
            due_at=aware(due_at),
            clock_stopped=clock_stopped_at is not None,
            key=QueueKey(key_value if ordered else None, int(key_rowid)),
            registration_due_at=None if registration_due_at is None else aware(registration_due_at),
        )
        for (
            id_,
            receipt_no,
            kind,
            channel,
            status,
            title,
            petitioner_name,
            petitioner_phone,
            department_code,
            _category_code,
            _assignee_id,
            received_at,
            due_at,
            clock_stopped_at,
            registration_due_at,
            key_rowid,
            key_value,
            department_name,
            category_name,
            assignee_name,
        ) in _window_rows(session, _window_sql(plan, key, backwards=backwards), plan.params)
    ]
    if backwards:
        items.reverse()
    return items


def _window_rows(session: Session, sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
    """The window's rows, each in the order of _WINDOW_COLUMNS. On SQLite in one value, the rows as one JSON
    array built by SQLite: the sqlite3 module lets go of the interpreter around each step, once per row read, and
    while a catch-up runs Python on another thread each of those returns waits for the interpreter again (up to
    the switch interval each: a window could wait a hundred times). One step waits once. JSON keeps what the
    window holds as it is: text, integers and NULL."""
    if session.get_bind().dialect.name != "sqlite":
        return session.execute(text(sql), params).all()
    values = ", ".join(_WINDOW_COLUMNS)
    packed = session.execute(text(f"SELECT json_group_array(json_array({values})) FROM ({sql})"), params)
    rows: list[list[Any]] = orjson.loads(packed.scalar_one())
    return rows


def _window_sql(plan: Plan, key: QueueKey | None, *, backwards: bool) -> str:
    """The SQL of up to :limit rows past `key` in the plan's order (before it if `backwards`), with names."""
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
    return (
        f"SELECT {', '.join('w.' + col for col in _WINDOW_COLUMNS[:-3])}, d.name AS department_name, g.name AS category_name, s.name AS assignee_name"
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


def queue_key_at(
    session: Session, query: QueueQuery, skip: int, *, after: QueueKey | None = None
) -> QueueKey | None:
    """The key of the row `skip` rows past `after` (0: the first row after it; no `after`: from the start), or
    None past the end. It reads the index alone, for a jump of the scroll bar to where no key is known yet."""
    plan = plan_for(session, query)
    if plan is None:
        return None
    plan.params.update(skip=max(0, skip))
    if plan.merge is not None:
        compound = plan.merge.compound(plan.params, after, descending=plan.descending)
        found = session.execute(text(f"{compound} LIMIT 1 OFFSET :skip"), plan.params).first()
        return None if found is None else QueueKey(None, int(found[0]))
    plan.search_only()
    if after is not None:
        plan.past(after, backwards=False)
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
    plan = plan_for(session, query)
    if plan is None:
        return QueueCount(0, exact=True)
    plan.search_only()
    if plan.order_value is not None:  # not a search: count from the index that holds the condition
        plan.source = members_source(query, session.get_bind().dialect.name == "sqlite")
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
        conditions = plan.queue_where
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
