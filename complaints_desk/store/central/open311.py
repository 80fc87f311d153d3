"""The Open311 endpoint's store: its API keys, its services (the office's categories), what a client sent
with each request, and the public list. The public list holds only the cases filed through Open311 and
those their channel marked public (the received event's payload says "public": true); what it may show of
them is domain.open311_view's to say. Service functions take a Session and never commit."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from ...domain.channels import Channel
from ...domain.errors import DomainError
from ...domain.events import EventType
from ...domain.ids import new_id
from ...domain.open311_input import Submission
from ...domain.open311_view import Open311Details, PublicCase
from ...domain.statuses import Status
from ..models import CaseRow, Category, Department, EventRow, RoutingRuleRow
from ..projection import row_to_state
from ..reference import department_names
from .open311_tables import Open311Key, Open311Request

KEY_PREFIX = "o311_"
UNCATEGORIZED = "uncategorized"  # the service_code a public list shows for a case filed without a category
NAME_MAX = 100

# --- API keys --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApiKeyInfo:
    id: str
    name: str
    prefix: str  # the key's first characters, to tell keys apart
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "prefix": self.prefix,
            "active": self.active,
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "last_used_at": self.last_used_at.isoformat() if self.last_used_at else None,
        }


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _info(row: Open311Key) -> ApiKeyInfo:
    return ApiKeyInfo(row.id, row.name, row.key_prefix, row.created_at, row.revoked_at, row.last_used_at)


def _key_named(session: Session, name: str) -> Open311Key | None:
    return session.execute(select(Open311Key).where(Open311Key.name == name)).scalar_one_or_none()


def issue_key(session: Session, name: str, *, now: datetime | None = None) -> tuple[ApiKeyInfo, str]:
    """A new key for an Open311 client named `name` (unique): its record and the key itself, which is
    kept nowhere (only its hash) and so is shown this once."""
    name = name.strip()
    if not name or len(name) > NAME_MAX or any(ch in name for ch in "\x00\r\n"):
        raise DomainError(
            "name",
            f"키 이름은 1~{NAME_MAX}자의 한 줄이어야 합니다.",
            f"A key's name is one line of 1 to {NAME_MAX} characters.",
        )
    if _key_named(session, name) is not None:
        raise DomainError(
            "name",
            f"같은 이름의 키가 이미 있습니다: {name}",
            f"A key named {name} exists already.",
            code="duplicate",
        )
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    row = Open311Key(
        id=new_id(),
        name=name,
        key_hash=_hash(secret),
        key_prefix=secret[: len(KEY_PREFIX) + 6],
        created_at=(now or datetime.now(UTC)),
    )
    session.add(row)
    session.flush()
    return _info(row), secret


def list_keys(session: Session) -> list[ApiKeyInfo]:
    rows = session.execute(select(Open311Key).order_by(Open311Key.created_at, Open311Key.name)).scalars()
    return [_info(row) for row in rows]


def revoke_key(session: Session, name: str, *, now: datetime | None = None) -> ApiKeyInfo:
    """The key stops working at once; its record stays (who filed what stays readable)."""
    row = _key_named(session, name.strip())
    if row is None:
        raise DomainError(
            "name", f"그런 이름의 키가 없습니다: {name[:100]}", f"No key named {name[:100]}.", code="not_found"
        )
    if row.revoked_at is None:
        row.revoked_at = now or datetime.now(UTC)
        session.flush()
    return _info(row)


def key_for(session: Session, secret: str, *, now: datetime | None = None) -> ApiKeyInfo | None:
    """The active key this is, noting its use; None for an unknown or revoked key."""
    if not secret or len(secret) > 200:
        return None
    row = session.execute(select(Open311Key).where(Open311Key.key_hash == _hash(secret))).scalar_one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    row.last_used_at = now or datetime.now(UTC)
    return _info(row)


# --- services --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Service:
    """A category as an Open311 service: its code is the service_code."""

    code: str
    name: str
    department_name: str
    keywords: tuple[str, ...]


def _service_rows(session: Session, code: str | None = None) -> list[Service]:
    query = (
        select(Category.code, Category.name, Department.name)
        .outerjoin(Department, Department.code == Category.default_department_code)
        .where(Category.active.is_(True), Category.statutory_days.is_(None))
        .order_by(Category.code)
    )
    if code is not None:
        query = query.where(Category.code == code)
    rows = session.execute(query).all()
    words: dict[str, list[str]] = {}
    rule_query = select(RoutingRuleRow.category_code, RoutingRuleRow.keywords).where(
        RoutingRuleRow.active.is_(True), RoutingRuleRow.category_code.is_not(None)
    )
    for category_code, keywords in session.execute(rule_query):
        words.setdefault(str(category_code), []).extend(str(k) for k in keywords or [])
    return [
        Service(
            code=str(row[0]),
            name=str(row[1]),
            department_name=str(row[2] or ""),
            keywords=tuple(dict.fromkeys([str(row[1]), *words.get(str(row[0]), [])])),
        )
        for row in rows
    ]


def services(session: Session) -> list[Service]:
    """The active categories without a statutory period (a 법정민원 is an application with its forms and
    documents, not a report), by code."""
    return _service_rows(session)


def service(session: Session, code: str) -> Service | None:
    found = _service_rows(session, code)
    return found[0] if found else None


def services_changeset(session: Session) -> int:
    """The newest change to what the services and their definitions are made of (categories, departments,
    routing rules): discovery's changeset."""
    newest = [
        session.execute(select(func.max(table.updated_seq))).scalar_one_or_none()
        for table in (Category, Department, RoutingRuleRow)
    ]
    return max((int(n) for n in newest if n is not None), default=0)


# --- requests --------------------------------------------------------------------------------------------


def record_request(
    session: Session,
    case_id: str,
    submission: Submission,
    *,
    api_key_id: str | None,
    received_at: datetime,
) -> str:
    """Keep what the client sent beside its case; returns the request's token (tokens/{token})."""
    token = secrets.token_hex(16)
    session.add(
        Open311Request(
            case_id=case_id,
            token=token,
            received_at=received_at,
            service_code=submission.service_code,
            description=submission.description,
            address_string=submission.address_string,
            address_id=submission.address_id,
            zipcode=submission.zipcode,
            lat=submission.lat,
            long=submission.long,
            media_url=submission.media_url,
            disclosure=submission.disclosure,
            attributes=submission.attributes,
            api_key_id=api_key_id,
            device_id=submission.device_id,
            account_id=submission.account_id,
        )
    )
    return token


def receipt_for_token(session: Session, token: str) -> str | None:
    if not token or len(token) > 40:
        return None
    return session.execute(
        select(CaseRow.receipt_no)
        .join(Open311Request, Open311Request.case_id == CaseRow.id)
        .where(Open311Request.token == token)
    ).scalar_one_or_none()


def _marked_public(session: Session) -> ColumnElement[bool]:
    """The received event's payload says "public": true (JSON true, not a string)."""
    payload = EventRow.payload
    if session.get_bind().dialect.name == "postgresql":
        value = payload.op("->")("public")
        flag: ColumnElement[bool] = and_(
            func.jsonb_typeof(value) == "boolean", payload.op("->>")("public") == "true"
        )
    else:
        flag = func.json_type(payload, "$.public") == "true"
    return exists().where(
        EventRow.case_id == CaseRow.id,
        EventRow.case_version == 1,
        EventRow.type == EventType.RECEIVED.value,
        flag,
    )


def _listed(session: Session) -> ColumnElement[bool]:
    return or_(CaseRow.channel == Channel.OPEN311.value, _marked_public(session))


def public_requests(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    service_codes: Sequence[str] = (),
    statuses: Iterable[Status] | None = None,
    limit: int = 1000,
) -> list[PublicCase]:
    """The public cases received from `start` to `end`, newest first, at most `limit`."""
    query = select(CaseRow).where(CaseRow.received_at >= start, CaseRow.received_at <= end, _listed(session))
    if service_codes:
        query = query.where(CaseRow.category_code.in_(list(service_codes)))
    if statuses is not None:
        query = query.where(CaseRow.status.in_([s.value for s in statuses]))
    rows = session.execute(query.order_by(CaseRow.received_at.desc(), CaseRow.receipt_no.desc()).limit(limit))
    return _public_cases(session, list(rows.scalars()))


def public_requests_by_receipt(session: Session, receipts: Sequence[str]) -> list[PublicCase]:
    """The public cases among these receipt numbers (service_request_id), in the order asked."""
    if not receipts:
        return []
    rows = session.execute(select(CaseRow).where(CaseRow.receipt_no.in_(list(receipts)), _listed(session)))
    found = {row.receipt_no: row for row in rows.scalars()}
    return _public_cases(session, [found[r] for r in receipts if r in found])


def _public_cases(session: Session, rows: list[CaseRow]) -> list[PublicCase]:
    if not rows:
        return []
    ids = [row.id for row in rows]
    details = {
        d.case_id: d
        for d in session.execute(select(Open311Request).where(Open311Request.case_id.in_(ids))).scalars()
    }
    others = [row.id for row in rows if row.id not in details]
    private: set[str] = set()
    if others:
        for case_id, payload in session.execute(
            select(EventRow.case_id, EventRow.payload).where(
                EventRow.case_id.in_(others), EventRow.case_version == 1
            )
        ):
            if isinstance(payload, dict) and payload.get("privacy_requested") is True:
                private.add(case_id)
    categories = dict(session.execute(select(Category.code, Category.name)).tuples().all())
    departments = department_names(session)
    listed = []
    for row in rows:
        state = row_to_state(row)
        kept = details.get(row.id)
        listed.append(
            PublicCase(
                case=state,
                service_code=state.category_code or UNCATEGORIZED,
                service_name=categories.get(state.category_code or "", "") or state.kind.korean,
                department_name=departments.get(state.department_code or "", ""),
                details=None
                if kept is None
                else Open311Details(
                    description=kept.description,
                    address_string=kept.address_string,
                    address_id=kept.address_id,
                    zipcode=kept.zipcode,
                    lat=kept.lat,
                    long=kept.long,
                    media_url=kept.media_url,
                    disclosure=kept.disclosure,
                ),
                privacy_requested=row.id in private,
            )
        )
    return listed
