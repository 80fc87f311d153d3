"""Reference data: departments, staff, stations, categories, routing rules and closures.
Plain functions over a session; the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.ids import new_id
from ..domain.receipts import check_station_code
from ..domain.roles import Role
from ..domain.routing import RoutingRule
from .models import Category, ClosureRow, Department, OfficeSettings, RoutingRuleRow, Staff, Station


@dataclass(frozen=True)
class DepartmentInfo:
    code: str
    name: str
    phone: str


def upsert_department(session: Session, code: str, name: str, phone: str = "", *, seq: int = 0) -> Department:
    row = session.execute(select(Department).where(Department.code == code)).scalar_one_or_none()
    if row is None:
        row = Department(id=new_id(), code=code, name=name, phone=phone, active=True, updated_seq=seq)
        session.add(row)
    else:
        row.name, row.phone, row.updated_seq = name, phone, seq or row.updated_seq
    session.flush()
    return row


def departments(session: Session, *, active_only: bool = True) -> list[DepartmentInfo]:
    statement = select(Department).order_by(Department.name)
    if active_only:
        statement = statement.where(Department.active.is_(True))
    return [DepartmentInfo(d.code, d.name, d.phone) for d in session.execute(statement).scalars()]


def department_names(session: Session) -> dict[str, str]:
    return {d.code: d.name for d in departments(session, active_only=False)}


def add_staff(
    session: Session,
    username: str,
    name: str,
    role: Role,
    *,
    department_code: str | None = None,
    phone: str = "",
    password_hash: str | None = None,
    staff_id: str | None = None,
    seq: int = 0,
) -> Staff:
    row = Staff(
        id=staff_id or new_id(),
        username=username,
        name=name,
        role=role.value,
        department_code=department_code,
        phone=phone,
        password_hash=password_hash,
        active=True,
        updated_seq=seq,
    )
    session.add(row)
    session.flush()
    return row


def staff_by_username(session: Session, username: str) -> Staff | None:
    return session.execute(select(Staff).where(Staff.username == username)).scalar_one_or_none()


@dataclass(frozen=True)
class StaffMember:
    """A staff member as a desk names them: their id, name and department (code and name)."""

    id: str
    name: str
    department_code: str | None
    department_name: str | None


def staff_member(session: Session, username: str) -> StaffMember | None:
    staff = staff_by_username(session, username)
    if staff is None:
        return None
    names = department_names(session) if staff.department_code else {}
    return StaffMember(staff.id, staff.name, staff.department_code, names.get(staff.department_code or ""))


def ensure_station(session: Session, code: str, name: str, kind: str = "workstation", *, seq: int = 0) -> Station:
    check_station_code(code)
    row = session.execute(select(Station).where(Station.code == code)).scalar_one_or_none()
    if row is None:
        row = Station(id=new_id(), code=code, name=name, kind=kind, last_receipt_seq=0, updated_seq=seq)
        session.add(row)
        session.flush()
    return row


def add_category(
    session: Session,
    code: str,
    name: str,
    *,
    default_department_code: str | None = None,
    statutory_days: int | None = None,
    seq: int = 0,
) -> Category:
    row = Category(
        id=new_id(),
        code=code,
        name=name,
        default_department_code=default_department_code,
        statutory_days=statutory_days,
        active=True,
        updated_seq=seq,
    )
    session.add(row)
    session.flush()
    return row


def category(session: Session, code: str) -> Category | None:
    return session.execute(select(Category).where(Category.code == code)).scalar_one_or_none()


def add_routing_rule(
    session: Session,
    position: int,
    department_code: str,
    *,
    category_code: str | None = None,
    keywords: Sequence[str] = (),
    seq: int = 0,
) -> RoutingRuleRow:
    row = RoutingRuleRow(
        id=new_id(),
        position=position,
        department_code=department_code,
        category_code=category_code,
        keywords=list(keywords),
        active=True,
        updated_seq=seq,
    )
    session.add(row)
    session.flush()
    return row


def routing_rules(session: Session) -> list[RoutingRule]:
    rows = session.execute(select(RoutingRuleRow).order_by(RoutingRuleRow.position)).scalars()
    return [
        RoutingRule(r.id, r.position, r.department_code, r.category_code, tuple(r.keywords or ()), r.active)
        for r in rows
    ]


def add_closure(session: Session, start: date, end: date, name: str, *, seq: int = 0) -> ClosureRow:
    row = ClosureRow(id=new_id(), start_date=start, end_date=end, name=name, updated_seq=seq)
    session.add(row)
    session.flush()
    return row


def closures(session: Session) -> list[ClosureRow]:
    return list(session.execute(select(ClosureRow).order_by(ClosureRow.start_date)).scalars())


def give_passwords_to_staff_without(session: Session, password_hash: str) -> list[tuple[str, str, str]]:
    """Demo set-up: every account without a password gets this one. Returns (username, role, department)."""
    rows = session.execute(select(Staff).where(Staff.password_hash.is_(None), Staff.active.is_(True))).scalars()
    changed = []
    for row in rows:
        row.password_hash = password_hash
        changed.append((row.username, row.role, row.department_code or ""))
    session.flush()
    return changed


def one_account_per_role(session: Session) -> dict[str, str]:
    """A username for each role, for telling a person how to try the demo."""
    accounts: dict[str, str] = {}
    for row in session.execute(select(Staff).where(Staff.active.is_(True)).order_by(Staff.username)).scalars():
        accounts.setdefault(row.role, row.username)
    return accounts


OFFICE_ID = "office"  # the one row of office_settings


def put_office(
    session: Session,
    *,
    name: str,
    address: str = "",
    phone: str = "",
    head_title: str = "",
    status_url_base: str = "",
    seq: int = 0,
) -> OfficeSettings:
    """Set the issuing office every document prints (the demo's and the tests' office; the administrator goes
    through store.central.admin.set_office, which checks each field)."""
    row = session.get(OfficeSettings, OFFICE_ID)
    if row is None:
        row = OfficeSettings(id=OFFICE_ID)
        session.add(row)
    row.name, row.address, row.phone, row.head_title = name, address, phone, head_title
    row.status_url_base, row.updated_seq = status_url_base, seq or row.updated_seq or 0
    session.flush()
    return row
