"""Offset pages of cases filtered by department, status, kind, channel, assignee, phone, overdue and a Korean
search text: what the reports and the repeat-petitioner look-ups use. The desktop's queues, with keyset
windows, counts and names, are store.queue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..domain.channels import Channel
from ..domain.kinds import Kind
from ..domain.statuses import Status
from . import search

QUEUE_COLUMNS = (
    "id",
    "receipt_no",
    "kind",
    "channel",
    "status",
    "title",
    "petitioner_name",
    "petitioner_phone",
    "department_code",
    "assignee_id",
    "received_at",
    "due_at",
    "extension_count",
    "clock_stopped_at",
)


@dataclass(frozen=True)
class QueueFilter:
    department_code: str | None = None
    statuses: Sequence[Status] = ()
    kind: Kind | None = None
    channel: Channel | None = None
    assignee_id: str | None = None
    overdue_at: datetime | None = None  # only cases still open and due before this moment
    petitioner_phone: str | None = None
    search: str = ""
    sort: str = "newest"  # newest | due


@dataclass(frozen=True)
class QueueRow:
    id: str
    receipt_no: str
    kind: Kind
    channel: Channel
    status: Status
    title: str
    petitioner_name: str
    petitioner_phone: str
    department_code: str | None
    assignee_id: str | None
    received_at: datetime
    due_at: datetime
    extension_count: int
    clock_stopped: bool = field(default=False)


def aware(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    moment: datetime = value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def bind_time(session: Session, moment: datetime) -> Any:
    moment = moment.astimezone(UTC)
    if session.get_bind().dialect.name == "sqlite":
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")  # how SQLAlchemy stores DateTime in SQLite
    return moment


NARROW_FILTER = 2000  # candidates a filter may leave for the per-candidate search probe (~12 µs each)


def _few_candidates(session: Session, where: list[str], params: dict[str, Any]) -> bool:
    counted = session.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM cases c WHERE {' AND '.join(where)} LIMIT {NARROW_FILTER})"),
        params,
    ).scalar_one()
    return int(counted) < NARROW_FILTER


def queue_page(session: Session, filters: QueueFilter, *, limit: int = 50, offset: int = 0) -> list[QueueRow]:
    dialect = session.get_bind().dialect.name
    where: list[str] = []
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    if filters.department_code:
        where.append("c.department_code = :department")
        params["department"] = filters.department_code
    if filters.statuses:
        names = [f":status{i}" for i in range(len(filters.statuses))]
        where.append(f"c.status IN ({', '.join(names)})")
        params.update({f"status{i}": s.value for i, s in enumerate(filters.statuses)})
    if filters.kind:
        where.append("c.kind = :kind")
        params["kind"] = filters.kind.value
    if filters.channel:
        where.append("c.channel = :channel")
        params["channel"] = filters.channel.value
    if filters.assignee_id:
        where.append("c.assignee_id = :assignee")
        params["assignee"] = filters.assignee_id
    if filters.petitioner_phone:
        where.append("c.petitioner_phone = :phone")
        params["phone"] = filters.petitioner_phone
    if filters.overdue_at is not None:
        open_values = [s.value for s in Status if s.is_open]
        open_names = [f":open{i}" for i in range(len(open_values))]
        where.append(f"c.status IN ({', '.join(open_names)}) AND c.due_at < :overdue_at")
        params.update({f"open{i}": v for i, v in enumerate(open_values)})
        params["overdue_at"] = bind_time(session, filters.overdue_at)
    source = "cases c"
    fts_driven = False
    if filters.search.strip():
        if dialect == "sqlite":
            fts = search.fts_query(filters.search)
            if fts is not None and where and _few_candidates(session, where, params):
                # A narrow filter (a rare department and status) with a common word: walking the word's
                # match list would read every match; probe the index once per candidate instead.
                where.append(
                    f"EXISTS (SELECT 1 FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH :search_q "
                    f"AND {search.FTS_TABLE}.rowid = c.rowid)"
                )
                params["search_q"] = fts
            elif fts is not None:
                # Drive from the index: FTS5 walks its match list newest first (rowid follows arrival), and
                # each match costs one rowid lookup in cases, so a common word stops after the first page
                # instead of collecting every match before sorting.
                source = f"{search.FTS_TABLE} CROSS JOIN cases c ON c.rowid = {search.FTS_TABLE}.rowid"
                where.insert(0, f"{search.FTS_TABLE} MATCH :search_q")
                params["search_q"] = fts
                fts_driven = True
        else:
            clause = search.match_clause(dialect, filters.search)
            if clause is not None:
                where.append(clause[0])
                params.update(clause[1])
    if filters.sort == "due" or filters.overdue_at is not None:
        order = "c.due_at ASC"  # the most overdue first: that is the one to chase
    elif fts_driven:
        order = f"{search.FTS_TABLE}.rowid DESC"
    else:
        order = "c.received_at DESC"
    sql = (
        f"SELECT {', '.join('c.' + col for col in QUEUE_COLUMNS)} FROM {source}"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + f" ORDER BY {order} LIMIT :limit OFFSET :offset"
    )
    rows = session.execute(text(sql), params).all()
    return [
        QueueRow(
            id=r.id,
            receipt_no=r.receipt_no,
            kind=Kind(r.kind),
            channel=Channel(r.channel),
            status=Status(r.status),
            title=r.title,
            petitioner_name=r.petitioner_name,
            petitioner_phone=r.petitioner_phone,
            department_code=r.department_code,
            assignee_id=r.assignee_id,
            received_at=aware(r.received_at),
            due_at=aware(r.due_at),
            extension_count=r.extension_count,
            clock_stopped=r.clock_stopped_at is not None,
        )
        for r in rows
    ]
