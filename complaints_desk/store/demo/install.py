"""Putting the demo office into a store (its office settings, departments, categories, routing rules, staff, stations) and
reading it back, so the cases refer to the staff ids that are really there."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.receipts import ReceiptNumber
from ...domain.roles import Role
from .. import reference
from ..cases import note_receipt_seen
from ..models import Category, Department, OfficeSettings, RoutingRuleRow, Staff
from .ids import IdMaker
from .office import (
    CALL_STATIONS,
    COUNTER_STATIONS,
    OFFICE_ADDRESS,
    OFFICE_HEAD_TITLE,
    OFFICE_NAME,
    OFFICE_PHONE,
    OFFICE_STATUS_URL,
    Office,
    build_office,
)


def install_office(session: Session, seed: int, moment: object) -> Office:
    """Add what is missing of the demo office (existing rows with the same codes are kept) and return the
    office with the ids as stored."""
    from datetime import datetime

    assert isinstance(moment, datetime)
    office = build_office(seed, IdMaker(moment, random.Random(f"staff:{seed}")))
    have = set(session.execute(select(Department.code)).scalars())
    for dept in office.departments:
        if dept.code not in have:
            reference.upsert_department(session, dept.code, dept.name, dept.phone)
    have = set(session.execute(select(Category.code)).scalars())
    for cat in office.categories:
        if cat.code not in have:
            reference.add_category(
                session,
                cat.code,
                cat.name,
                default_department_code=cat.department_code,
                statutory_days=cat.statutory_days,
            )
    if not session.execute(select(func.count()).select_from(RoutingRuleRow)).scalar_one():
        for position, cat in enumerate(office.categories, start=1):
            reference.add_routing_rule(
                session, position * 10, cat.department_code, category_code=cat.code, keywords=cat.keywords
            )
        # Keyword-only rules after the category rules, for cases that arrive without a category.
        for position, cat in enumerate(office.categories, start=len(office.categories) + 1):
            reference.add_routing_rule(session, position * 10, cat.department_code, keywords=cat.keywords)
    have = set(session.execute(select(Staff.username)).scalars())
    for member in office.staff:
        if member.username not in have:
            reference.add_staff(
                session,
                member.username,
                member.name,
                member.role,
                department_code=member.department_code,
                phone=member.phone,
                staff_id=member.id,
            )
    for station in office.stations:
        reference.ensure_station(session, station.code, station.name, station.kind)
    if session.get(OfficeSettings, reference.OFFICE_ID) is None:
        reference.put_office(
            session,
            name=OFFICE_NAME,
            address=OFFICE_ADDRESS,
            phone=OFFICE_PHONE,
            head_title=OFFICE_HEAD_TITLE,
            status_url_base=OFFICE_STATUS_URL,
        )
    return load_office(session, office)


def load_office(session: Session, office: Office) -> Office:
    ids = {row.username: row.id for row in session.execute(select(Staff.username, Staff.id))}
    staff = tuple(replace(m, id=ids.get(m.username, m.id)) for m in office.staff)
    by_name = {m.username: m for m in staff}
    officers = {d.code: tuple(by_name[f"{d.code}{n}"].id for n in range(1, 4)) for d in office.departments}
    station_staff = {code: by_name[f"clerk{code[1:]}"].id for code in COUNTER_STATIONS}
    station_staff |= {code: by_name[f"agent{code[1:]}"].id for code in CALL_STATIONS}
    supervisors = tuple(m.id for m in staff if m.role is Role.SUPERVISOR)
    return replace(office, staff=staff, officers=officers, station_staff=station_staff, supervisors=supervisors)


def note_receipts(session: Session, last: dict[str, tuple[date, int]]) -> None:
    """Stations continue after the demo's numbers, so a real intake today never reuses one."""
    for code, (day, number) in last.items():
        note_receipt_seen(session, ReceiptNumber(day, code, number))
