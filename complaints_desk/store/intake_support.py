"""What the intake form reads while the agent types (on the reader pool): the caller's earlier cases by their
phone number, likely duplicates of the case being taken in, and the reference data the form offers
(kinds' categories, departments, routing rules: suggestions are then ranked by domain.routing on every key
without a query)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.kinds import Kind
from ..domain.masking import normalize_phone
from ..domain.routing import RoutingRule
from ..domain.statuses import Status
from . import search
from .models import CaseRow, Category, Department
from .queue_filter import aware, bind_time
from .reference import routing_rules

HISTORY_LIMIT = 20  # the newest; the count says how many there are in all
DUPLICATE_DAYS = 14  # "the last days": a repeat of the same matter usually comes within two weeks
DUPLICATE_LIMIT = 5


@dataclass(frozen=True)
class PastCase:
    id: str
    receipt_no: str
    received_at: datetime
    kind: Kind
    status: Status
    title: str
    department_code: str | None


@dataclass(frozen=True)
class CallerHistory:
    phone: str  # normalized
    total: int
    cases: tuple[PastCase, ...]  # newest first, at most HISTORY_LIMIT


@dataclass(frozen=True)
class CategoryChoice:
    code: str
    name: str
    department_code: str | None
    statutory_days: int | None


@dataclass(frozen=True)
class IntakeChoices:
    categories: tuple[CategoryChoice, ...]
    departments: tuple[tuple[str, str], ...]  # (code, name), by name
    rules: tuple[RoutingRule, ...]


_COLUMNS = (
    CaseRow.id,
    CaseRow.receipt_no,
    CaseRow.received_at,
    CaseRow.kind,
    CaseRow.status,
    CaseRow.title,
    CaseRow.department_code,
)


def _past(row: tuple[object, ...]) -> PastCase:
    case_id, receipt, received, kind, status, title, department = row
    return PastCase(
        str(case_id),
        str(receipt),
        aware(received),
        Kind(str(kind)),
        Status(str(status)),
        str(title),
        str(department) if department else None,
    )


def phone_key(raw: str) -> str | None:
    """The phone as the cases store it, or None while it is not a whole number yet (still being typed)."""
    try:
        return normalize_phone(raw) or None
    except DomainError:
        return None


def caller_history(session: Session, phone: str, *, limit: int = HISTORY_LIMIT) -> CallerHistory | None:
    """The caller's earlier cases, newest first: one seek of ix_cases_phone (a repeat caller with thousands
    of cases sorts only their rows). None while the number is incomplete."""
    key = phone_key(phone)
    if key is None:
        return None
    total = session.execute(
        select(func.count()).select_from(CaseRow).where(CaseRow.petitioner_phone == key)
    ).scalar_one()
    rows = session.execute(
        select(*_COLUMNS).where(CaseRow.petitioner_phone == key).order_by(CaseRow.received_at.desc()).limit(limit)
    ).all()
    return CallerHistory(key, int(total), tuple(_past(tuple(r)) for r in rows))


def similar_words(title: str) -> str:
    """The words of a title a similar case would share: its three longest (particles and one-syllable words
    match too much)."""
    words = sorted({w for w in title.split() if len(w) >= 2}, key=lambda w: (-len(w), w))[:3]
    return " ".join(words)


def likely_duplicates(
    session: Session,
    *,
    phone: str,
    title: str,
    now: datetime,
    days: int = DUPLICATE_DAYS,
    limit: int = DUPLICATE_LIMIT,
    exclude: frozenset[str] = frozenset(),
) -> list[PastCase]:
    """Cases of the last `days` days from the same number or with the title's words (Korean search),
    newest first: what the agent should look at before taking the same matter in twice."""
    since = now - timedelta(days=days)
    found: dict[str, PastCase] = {}
    key = phone_key(phone)
    if key is not None:
        rows = session.execute(
            select(*_COLUMNS)
            .where(CaseRow.petitioner_phone == key, CaseRow.received_at >= since)
            .order_by(CaseRow.received_at.desc())
            .limit(limit)
        ).all()
        found.update((str(r[0]), _past(tuple(r))) for r in rows)
    words = similar_words(title)
    dialect = session.get_bind().dialect.name
    clause = search.match_clause(dialect, words) if words else None
    if clause is not None:
        condition, matched = clause
        params: dict[str, object] = {**matched, "since": bind_time(session, since), "n": limit}
        if dialect == "sqlite":
            # Recent cases have the newest rowids: the search reads only the postings from the oldest recent
            # case on (FTS5 bounds its doclists by rowid), not every match of a common word.
            first = session.execute(
                text("SELECT min(rowid) FROM cases INDEXED BY ix_cases_received WHERE received_at >= :since"),
                {"since": params["since"]},
            ).scalar_one()
            if first is None:
                return list(found.values())[:limit]
            condition = condition.replace("WHERE case_fts MATCH", "WHERE rowid >= :first AND case_fts MATCH")
            params["first"] = first
        rows = session.execute(
            text(
                "SELECT c.id, c.receipt_no, c.received_at, c.kind, c.status, c.title, c.department_code"
                f" FROM cases c WHERE {condition} AND c.received_at >= :since ORDER BY c.received_at DESC LIMIT :n"
            ),
            params,
        ).all()
        for row in rows:
            found.setdefault(str(row[0]), _past(tuple(row)))
    ranked = sorted((c for c in found.values() if c.id not in exclude), key=lambda c: c.received_at, reverse=True)
    return ranked[:limit]


def intake_choices(session: Session) -> IntakeChoices:
    categories = tuple(
        CategoryChoice(r.code, r.name, r.default_department_code, r.statutory_days)
        for r in session.execute(
            select(Category).where(Category.active.is_(True)).order_by(Category.name)
        ).scalars()
    )
    departments = tuple(
        (code, name)
        for code, name in session.execute(
            select(Department.code, Department.name).where(Department.active.is_(True)).order_by(Department.name)
        )
    )
    return IntakeChoices(categories, departments, tuple(r for r in routing_rules(session) if r.active))


def busiest_caller(session: Session) -> str | None:
    """The phone number with the most cases among the newest thousand (a repeat caller, for the screenshots
    and demos to show the caller's history with)."""
    found = session.execute(
        text(
            "SELECT petitioner_phone FROM (SELECT petitioner_phone FROM cases ORDER BY received_at DESC LIMIT 1000)"
            " WHERE petitioner_phone <> '' GROUP BY petitioner_phone ORDER BY count(*) DESC LIMIT 1"
        )
    ).scalar_one_or_none()
    return None if found is None else str(found)
