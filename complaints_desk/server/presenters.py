"""What each role is shown: petitioners' details masked (domain.masking) unless the role needs them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain import roles
from ..domain.case import CaseState
from ..domain.events import Event, EventType
from ..domain.masking import mask_address, mask_email, mask_name, mask_phone
from ..store.central.accounts import StaffInfo


def sees_full(staff: StaffInfo) -> bool:
    return staff.role.sees_full_details_everywhere


def may_view_details(staff: StaffInfo, state: CaseState) -> bool:
    """Full details: the roles that need them everywhere, and an officer for their own department's cases."""
    return roles.may_view_details(staff.role, staff.department_code, state.department_code)


def case_dict(state: CaseState, *, full: bool) -> dict[str, Any]:
    values = state.as_dict()
    if not full:
        values["petitioner_name"] = mask_name(state.petitioner_name)
        values["petitioner_phone"] = mask_phone(state.petitioner_phone)
        values["petitioner_address"] = mask_address(state.petitioner_address)
        values["petitioner_email"] = mask_email(state.petitioner_email) if state.petitioner_email else ""
    return values


def masked_petitioner(petitioner: Mapping[str, Any]) -> dict[str, Any]:
    masked = dict(petitioner)
    for key, mask in (
        ("name", mask_name),
        ("phone", mask_phone),
        ("address", mask_address),
        ("email", mask_email),
    ):
        value = masked.get(key)
        if isinstance(value, str) and value:
            masked[key] = mask(value)
    return masked


def event_payload(event: Event, *, full: bool) -> dict[str, Any]:
    payload = dict(event.payload)
    if not full and event.type is EventType.RECEIVED and isinstance(payload.get("petitioner"), Mapping):
        payload["petitioner"] = masked_petitioner(payload["petitioner"])
    return payload
