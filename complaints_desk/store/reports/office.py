"""The office and its people as documents name them: the issuing office, a department, a staff member."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.report_data import DEFAULT_OFFICE_NAME, OfficeInfo
from .. import reference
from ..models import Department, Meta, OfficeSettings, Staff

_LEGACY_META = {"office_name": "name", "office_phone": "phone", "status_url_base": "status_url_base"}


def office_info(session: Session, **overrides: str) -> OfficeInfo:
    """The issuing office from the office settings the administrator set on the server (reference data that
    pull brings to every desktop). Older stores kept name and phone in meta: those are read when the setting
    is empty. Keyword arguments that are not empty win (name, phone, status_url_base, address, head_title: a
    command-line option)."""
    values: dict[str, str] = {}
    for key, value in session.execute(select(Meta.key, Meta.value).where(Meta.key.in_(tuple(_LEGACY_META)))):
        if value:
            values[_LEGACY_META[key]] = value
    row = session.get(OfficeSettings, reference.OFFICE_ID)
    if row is not None:
        for key in ("name", "phone", "status_url_base", "address", "head_title"):
            if getattr(row, key):
                values[key] = getattr(row, key)
    values.update({key: value for key, value in overrides.items() if value})
    return OfficeInfo(
        name=values.get("name", DEFAULT_OFFICE_NAME),
        phone=values.get("phone", ""),
        status_url_base=values.get("status_url_base", ""),
        address=values.get("address", ""),
        head_title=values.get("head_title", ""),
    )


def find_department(session: Session, code: str | None) -> Department | None:
    if not code:
        return None
    return session.execute(select(Department).where(Department.code == code)).scalar_one_or_none()


def find_staff(session: Session, staff_id: str | None) -> Staff | None:
    return session.get(Staff, staff_id) if staff_id else None
