"""The administrator's changes to reference data: departments, staff, categories, routing rules, stations
and closures. Every change takes a server sequence number (store.central.sequence.next_seq) so clients pull it
in order with the events. Plain functions over a session; the caller owns the transaction."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ...domain.errors import DomainError
from ...domain.ids import new_id
from ...domain.masking import normalize_phone
from ...domain.receipts import check_station_code
from ...domain.roles import STAFF_ROLES, Role
from .. import reference
from ..models import Category, ClosureRow, Department, OfficeSettings, RoutingRuleRow, Staff, Station
from .accounts import StaffInfo, hash_password, revoke_all_tokens, staff_info
from .feed import reference_record
from .sequence import next_seq
from .tables import ReferenceTombstone

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
MIN_PASSWORD = 8


def _require(condition: bool, field: str, ko: str, en: str, code: str = "invalid") -> None:
    if not condition:
        raise DomainError(field, ko, en, code)


def _text(value: str, field: str, limit: int) -> str:
    value = (value or "").strip()
    _require(bool(value), field, f"'{field}' 항목을 입력해 주세요.", f"'{field}' is required.", "required")
    _require(len(value) <= limit, field, f"'{field}'은(는) {limit}자 이하입니다.", f"'{field}' is too long.")
    return value


def _code(value: str, field: str = "code") -> str:
    value = (value or "").strip()
    _require(
        bool(_CODE.match(value)),
        field,
        f"코드는 영문·숫자·_·- 1~40자입니다: '{value}'",
        f"A code is 1-40 letters, digits, _ or -: '{value}'",
    )
    return value


def _department(session: Session, code: str | None) -> Department | None:
    if code is None:
        return None
    row = session.execute(select(Department).where(Department.code == code)).scalar_one_or_none()
    _require(
        row is not None and row.active,
        "department_code",
        f"없는 부서입니다: '{code}'",
        f"No such active department: '{code}'",
        "unknown_department",
    )
    return row


def _password(password: str) -> str:
    _require(
        len(password) >= MIN_PASSWORD,
        "password",
        f"비밀번호는 {MIN_PASSWORD}자 이상이어야 합니다.",
        f"A password needs at least {MIN_PASSWORD} characters.",
        "weak_password",
    )
    return hash_password(password)


# --- departments -----------------------------------------------------------------------------------------


def upsert_department(
    session: Session, code: str, name: str, phone: str = "", *, active: bool = True
) -> dict[str, Any]:
    code, name = _code(code), _text(name, "name", 100)
    phone = normalize_phone(phone) if phone else ""
    row = reference.upsert_department(session, code, name, phone, seq=next_seq(session))
    row.active = active
    session.flush()
    return reference_record(row)


def list_departments(session: Session) -> list[dict[str, Any]]:
    return [reference_record(r) for r in session.execute(select(Department).order_by(Department.code)).scalars()]


# --- staff -----------------------------------------------------------------------------------------------


def _role(value: str | Role) -> Role:
    try:
        role = Role(value)
    except ValueError:
        role = Role.SYSTEM
    _require(
        role in STAFF_ROLES,
        "role",
        f"역할은 {', '.join(r.value for r in STAFF_ROLES)} 중 하나입니다: '{value}'",
        f"role must be one of {', '.join(r.value for r in STAFF_ROLES)}: '{value}'",
    )
    return role


def create_staff(
    session: Session,
    username: str,
    name: str,
    role: str | Role,
    *,
    password: str | None,
    department_code: str | None = None,
    phone: str = "",
) -> StaffInfo:
    username = (username or "").strip().lower()
    _require(
        bool(_USERNAME.match(username)),
        "username",
        "아이디는 영문 소문자·숫자·._- 2~60자입니다.",
        "A username is 2-60 lowercase letters, digits, '.', '_' or '-'.",
    )
    role = _role(role)
    _require(
        role is not Role.OFFICER or bool(department_code),
        "department_code",
        "담당 공무원에게는 부서가 필요합니다.",
        "An officer needs a department.",
        "required",
    )
    _department(session, department_code)
    _require(
        reference.staff_by_username(session, username) is None,
        "username",
        f"이미 있는 아이디입니다: '{username}'",
        f"The username '{username}' is taken.",
        "duplicate",
    )
    row = reference.add_staff(
        session,
        username,
        _text(name, "name", 100),
        role,
        department_code=department_code,
        phone=normalize_phone(phone) if phone else "",
        password_hash=_password(password) if password is not None else None,
        seq=next_seq(session),
    )
    return staff_info(row)


def update_staff(
    session: Session,
    username: str,
    changes: dict[str, Any],
    *,
    now: datetime | None = None,
) -> StaffInfo:
    """Change name, role, department_code, phone, active or password (keys present in `changes`). A role,
    department or password change or a deactivation revokes the member's tokens."""
    row = reference.staff_by_username(session, username.strip().lower())
    if row is None:
        raise DomainError(
            "username", f"없는 직원입니다: '{username}'", f"No such staff: '{username}'", "not_found"
        )
    admins: set[str] | None = None
    if row.active and row.role == Role.ADMIN.value and ("active" in changes or "role" in changes):
        admins = _active_admins_locked(session)  # before any change to this row, which would lock it first
    revoke = False
    if "name" in changes:
        row.name = _text(changes["name"], "name", 100)
    if "phone" in changes:
        row.phone = normalize_phone(changes["phone"] or "") if changes["phone"] else ""
    if "role" in changes and changes["role"] is not None:
        row.role, revoke = _role(changes["role"]).value, True
    if "department_code" in changes:
        _department(session, changes["department_code"])
        row.department_code, revoke = changes["department_code"], True
    _require(
        row.role != Role.OFFICER.value or bool(row.department_code),
        "department_code",
        "담당 공무원에게는 부서가 필요합니다.",
        "An officer needs a department.",
        "required",
    )
    if "active" in changes and changes["active"] is not None:
        row.active = bool(changes["active"])
        revoke = revoke or not row.active
    if changes.get("password"):
        row.password_hash, revoke = _password(changes["password"]), True
    if admins is not None and not (row.active and row.role == Role.ADMIN.value):
        _keep_an_admin(row, admins)
    if revoke:
        revoke_all_tokens(session, row.id, now=now or datetime.now(UTC))
    row.updated_seq = next_seq(session)
    session.flush()
    return staff_info(row)


def _active_admins_locked(session: Session) -> set[str]:
    """The active administrators' ids, their rows locked (FOR UPDATE, in id order) until the commit: two
    admins demoting each other at once cannot both pass, because the second waits here for the first's
    commit and then sees its change."""
    rows = session.execute(
        select(Staff.id)
        .where(Staff.role == Role.ADMIN.value, Staff.active.is_(True))
        .order_by(Staff.id)
        .with_for_update()
    ).scalars()
    return set(rows)


def _keep_an_admin(row: Staff, admins: set[str]) -> None:
    """Refuse to deactivate or demote the last active administrator: nobody could then manage staff, and
    the only way back would be the command line on the server."""
    _require(
        bool(admins - {row.id}),
        "active" if not row.active else "role",
        "마지막 관리자는 비활성화하거나 관리자 역할을 뺄 수 없습니다. 먼저 다른 관리자를 지정해 주세요.",
        "The last active administrator cannot be deactivated or lose the admin role: make another admin first.",
        "last_admin",
    )


def list_staff(session: Session) -> list[dict[str, Any]]:
    return [reference_record(r) for r in session.execute(select(Staff).order_by(Staff.username)).scalars()]


# --- categories, routing rules, closures -----------------------------------------------------------------


def upsert_category(
    session: Session,
    code: str,
    name: str,
    *,
    default_department_code: str | None = None,
    statutory_days: int | None = None,
    active: bool = True,
) -> dict[str, Any]:
    code, name = _code(code), _text(name, "name", 100)
    _department(session, default_department_code)
    _require(
        statutory_days is None or 1 <= statutory_days <= 365,
        "statutory_days",
        "법정 처리기간은 1~365일입니다.",
        "statutory_days must be 1-365.",
    )
    row = reference.category(session, code)
    seq = next_seq(session)
    if row is None:
        row = reference.add_category(
            session,
            code,
            name,
            default_department_code=default_department_code,
            statutory_days=statutory_days,
            seq=seq,
        )
    else:
        row.name, row.default_department_code, row.statutory_days = name, default_department_code, statutory_days
        row.updated_seq = seq
    row.active = active
    session.flush()
    return reference_record(row)


def list_categories(session: Session) -> list[dict[str, Any]]:
    return [reference_record(r) for r in session.execute(select(Category).order_by(Category.code)).scalars()]


def add_routing_rule(
    session: Session,
    position: int,
    department_code: str,
    *,
    category_code: str | None = None,
    keywords: Sequence[str] = (),
) -> dict[str, Any]:
    _department(session, department_code)
    words = [w.strip() for w in keywords if w and w.strip()]
    _require(
        bool(words) or bool(category_code),
        "keywords",
        "배정 규칙에는 키워드나 분류가 필요합니다.",
        "A routing rule needs keywords or a category.",
        "required",
    )
    row = reference.add_routing_rule(
        session, position, department_code, category_code=category_code, keywords=words, seq=next_seq(session)
    )
    return reference_record(row)


def set_routing_rule_active(session: Session, rule_id: str, active: bool) -> dict[str, Any]:
    row = session.get(RoutingRuleRow, rule_id)
    if row is None:
        raise DomainError("id", "없는 배정 규칙입니다.", "No such routing rule.", "not_found")
    row.active, row.updated_seq = active, next_seq(session)
    session.flush()
    return reference_record(row)


def list_routing_rules(session: Session) -> list[dict[str, Any]]:
    return [
        reference_record(r)
        for r in session.execute(select(RoutingRuleRow).order_by(RoutingRuleRow.position)).scalars()
    ]


def add_closure(session: Session, start: date, end: date, name: str) -> dict[str, Any]:
    _require(end >= start, "end_date", "종료일이 시작일보다 앞섭니다.", "The end is before the start.")
    _require(
        (end - start).days <= 366, "end_date", "휴무 기간은 1년 이내입니다.", "A closure spans at most a year."
    )
    row = reference.add_closure(session, start, end, _text(name, "name", 200), seq=next_seq(session))
    return reference_record(row)


def delete_closure(session: Session, closure_id: str) -> None:
    row = session.get(ClosureRow, closure_id)
    if row is None:
        raise DomainError("id", "없는 휴무일입니다.", "No such closure.", "not_found")
    session.delete(row)
    session.execute(
        insert(ReferenceTombstone).values(seq=next_seq(session), table_name="closures", record_id=closure_id)
    )
    session.flush()


def list_closures(session: Session) -> list[dict[str, Any]]:
    return [reference_record(r) for r in reference.closures(session)]


# --- stations --------------------------------------------------------------------------------------------


def add_channel_station(session: Session, code: str, name: str) -> dict[str, Any]:
    """An online channel (web form, messenger …) numbers its own receipts under its own code."""
    check_station_code(code)
    _require(
        session.execute(select(Station).where(Station.code == code)).scalar_one_or_none() is None,
        "code",
        f"이미 쓰는 단말 코드입니다: {code}",
        f"Station code {code} is taken.",
        "duplicate",
    )
    row = Station(
        id=new_id(),
        code=code,
        name=_text(name, "name", 100),
        kind="channel",
        last_receipt_seq=0,
        updated_seq=next_seq(session),
    )
    session.add(row)
    session.flush()
    return reference_record(row)


def list_stations(session: Session) -> list[dict[str, Any]]:
    return [reference_record(r) for r in session.execute(select(Station).order_by(Station.code)).scalars()]


# --- the office ------------------------------------------------------------------------------------------

OFFICE_ID = reference.OFFICE_ID
_OFFICE_LIMITS = {"name": 100, "address": 300, "phone": 40, "head_title": 100, "status_url_base": 300}


def _status_url_base(value: str) -> str:
    value = value.strip()
    _require(
        value.startswith(("https://", "http://")) and " " not in value and len(value) > len("https://x"),
        "status_url_base",
        f"처리상황 조회 주소는 https:// 로 시작하는 주소입니다: '{value}'",
        f"The status page address is a URL starting with https://: '{value}'",
    )
    return value if value.endswith("/") else value + "/"


def set_office(session: Session, **changes: str | None) -> dict[str, Any]:
    """Change the issuing office that every document prints (name, address, main phone, the head's title,
    the public address of the citizens' status page); fields left None keep their value. The row takes a
    sequence number so every desktop pulls it like a department."""
    unknown = set(changes) - set(_OFFICE_LIMITS)
    _require(not unknown, "office", f"없는 항목입니다: {sorted(unknown)}", f"Unknown fields: {sorted(unknown)}")
    row = session.get(OfficeSettings, OFFICE_ID)
    if row is None:
        row = OfficeSettings(id=OFFICE_ID, name="", address="", phone="", head_title="", status_url_base="")
        session.add(row)
    for key, value in changes.items():
        if value is None:
            continue
        if key == "name":
            value = _text(value, "name", _OFFICE_LIMITS[key])
        elif key == "phone":
            value = normalize_phone(value) if value.strip() else ""
        elif key == "status_url_base":
            value = _status_url_base(value) if value.strip() else ""
        else:
            value = value.strip()
            _require(
                len(value) <= _OFFICE_LIMITS[key], key, f"'{key}'은(는) 너무 깁니다.", f"'{key}' is too long."
            )
        setattr(row, key, value)
    row.updated_seq = next_seq(session)
    session.flush()
    return reference_record(row)


def get_office(session: Session) -> dict[str, Any]:
    row = session.get(OfficeSettings, OFFICE_ID)
    if row is None:
        return {key: "" for key in _OFFICE_LIMITS}
    return reference_record(row)
