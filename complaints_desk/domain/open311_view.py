"""What a public Open311 list (GET requests, requests/{id}) shows of a case: the specification's fields, and
nothing of the person. Never a name, a phone or an e-mail; the address cut after the road name
(domain.masking.mask_address), never the petitioner's own address; coordinates rounded to about 100 m;
no address_id (a master-address id would point at the house); the description with the contacts inside it
masked, and none at all when the citizen asked for it to stay private."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .case import CaseState
from .masking import mask_address, mask_contacts_in_text
from .open311 import COORDINATE_DECIMALS, DESCRIPTION_MAX, DISCLOSURE_TITLE_ONLY, korean_date, open311_status, w3
from .statuses import Status

# The response fields of GET requests, in the specification's order.
REQUEST_FIELDS = (
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
)

_STATUS_NOTES = {
    Status.RECEIVED: "접수됨 (담당 부서 배정 전)",
    Status.ROUTED: "담당 부서로 배정됨",
    Status.IN_PROGRESS: "담당 부서에서 처리 중",
    Status.RETURNED: "담당 부서를 다시 정하는 중",
    Status.UNDER_REVIEW: "제안 심사 중",
    Status.ANSWERED: "답변 완료",
    Status.CLOSED: "종결",
    Status.WITHDRAWN: "민원인이 취하함",
    Status.MERGED: "같은 내용의 다른 민원과 함께 처리함",
    Status.TRANSFERRED_OUT: "다른 기관으로 이송함",
    Status.ADOPTED: "제안 채택",
    Status.NOT_ADOPTED: "제안 불채택",
}


@dataclass(frozen=True)
class Open311Details:
    """What an Open311 client sent with a request, kept beside its case (store.central.open311)."""

    description: str
    address_string: str
    address_id: str
    zipcode: str
    lat: float | None
    long: float | None
    media_url: str
    disclosure: str


@dataclass(frozen=True)
class PublicCase:
    """A case a public list may show: filed through Open311 (`details`), or marked public by the channel
    that took it (its received event's payload says "public": true; `privacy_requested`: it also said
    "privacy_requested": true, the proposer's wish that only the title and the decision be shown)."""

    case: CaseState
    service_code: str
    service_name: str
    department_name: str
    details: Open311Details | None = None
    privacy_requested: bool = False

    @property
    def description_withheld(self) -> bool:
        if self.privacy_requested:
            return True
        return self.details is not None and self.details.disclosure == DISCLOSURE_TITLE_ONLY


def status_notes(case: CaseState) -> str:
    note = _STATUS_NOTES.get(case.status, case.status.korean)
    if case.status is Status.TRANSFERRED_OUT and case.transferred_to_agency:
        return f"{note}: {case.transferred_to_agency}"
    return note


def service_notice(case: CaseState) -> str | None:
    """What is expected next, while the case runs: its deadline (and registration, for a new filing)."""
    if open311_status(case.status) == "closed":
        return None
    due = f"{korean_date(case.due_at)}까지 처리합니다 ({case.kind.korean})."
    if case.status is Status.RECEIVED and case.registration_due_at is not None:
        return f"접수 후 8근무시간 안에 담당 부서를 정하고, {due}"
    return due


def updated_at(case: CaseState) -> str | None:
    if open311_status(case.status) == "closed":
        return w3(case.closed_at or case.decided_at or case.answered_at or case.updated_at or case.received_at)
    return w3(case.updated_at or case.received_at)


def _description(item: PublicCase) -> str | None:
    if item.description_withheld:
        return None
    text = item.details.description if item.details is not None else (item.case.body or item.case.title)
    text = mask_contacts_in_text(text.strip(), (item.case.petitioner_name,))
    return text[:DESCRIPTION_MAX] or None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, COORDINATE_DECIMALS)


def public_record(item: PublicCase) -> dict[str, Any]:
    """One request as GET requests answers it, in the specification's field order."""
    case, details = item.case, item.details
    place = details.address_string if details is not None else case.place
    record: dict[str, Any] = {
        "service_request_id": case.receipt_no,
        "status": open311_status(case.status),
        "status_notes": status_notes(case),
        "service_name": item.service_name,
        "service_code": item.service_code,
        "description": _description(item),
        "agency_responsible": item.department_name or None,
        "service_notice": service_notice(case),
        "requested_datetime": w3(case.received_at),
        "updated_datetime": updated_at(case),
        "expected_datetime": w3(case.due_at) if open311_status(case.status) == "open" else None,
        "address": mask_address(place) or None,
        "address_id": None,
        "zipcode": (details.zipcode or None) if details is not None else None,
        "lat": _round(details.lat) if details is not None else None,
        "long": _round(details.long) if details is not None else None,
        "media_url": (details.media_url or None) if details is not None else None,
    }
    assert tuple(record) == REQUEST_FIELDS
    return record
