"""The office and its people as documents name them: the issuing office, a department, a staff member."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.report_data import (
    DEFAULT_OFFICE_NAME,
    DEFAULT_STATUS_URL_BASE,
    OfficeInfo,
)
from ..models import Department, Meta, Staff


def office_info(session: Session, **overrides: str) -> OfficeInfo:
    """The issuing office from the meta table (office_name, office_phone, status_url_base); keyword
    arguments that are not empty win (a command-line option, a setting in the GUI)."""
    rows = session.execute(
        select(Meta.key, Meta.value).where(Meta.key.in_(("office_name", "office_phone", "status_url_base")))
    ).all()
    values = {key: value for key, value in rows if value}
    values.update({key: value for key, value in overrides.items() if value})
    return OfficeInfo(
        name=values.get("office_name", DEFAULT_OFFICE_NAME),
        phone=values.get("office_phone", ""),
        status_url_base=values.get("status_url_base", DEFAULT_STATUS_URL_BASE),
    )


def find_department(session: Session, code: str | None) -> Department | None:
    if not code:
        return None
    return session.execute(select(Department).where(Department.code == code)).scalar_one_or_none()


def find_staff(session: Session, staff_id: str | None) -> Staff | None:
    return session.get(Staff, staff_id) if staff_id else None
