"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as this office offers it: the service
definition every service shares (the privacy notice and the required consent, the kind of case, a title,
how much of it a public list may show, how to be answered), the statuses as the specification names them,
and its date-time format. What a client sends is read in domain.open311_input; what a public list shows in
domain.open311_view. Pure rules: no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from .kinds import Kind
from .statuses import OPEN_STATUSES, Status

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = {"xml": "text/xml", "json": "application/json"}
SEOUL = ZoneInfo("Asia/Seoul")
MAX_REQUESTS = 1000  # the specification's default query limit: "first 1000 requests returned"
MAX_SPAN_DAYS = 90  # "may not span more than 90 days"; also the default range
DESCRIPTION_MAX = 4000  # "free form text limited to 4,000 characters"
COORDINATE_DECIMALS = 3  # a public list shows about 100 m: the location, not the house

# The attribute codes (service definition), the same for every service.
PRIVACY_NOTICE = "privacy_notice"
PRIVACY_CONSENT = "privacy_consent"
KIND = "kind"
TITLE = "title"
DISCLOSURE = "disclosure"
REPLY_BY = "reply_by"

CONSENT_AGREE = "agree"
DISCLOSURE_FULL = "full"
DISCLOSURE_TITLE_ONLY = "title_only"
REPLY_OPEN311 = "open311"
REPLY_SMS = "sms"
REPLY_MAIL = "mail"

CONSENT_TEXT = (
    "개인정보 수집·이용 동의 (민원 처리에 관한 법률 및 개인정보 보호법). "
    "수집 항목: 성명(first_name, last_name), 전화번호(phone), 전자우편(email), 위치. "
    "목적: 민원 접수·처리와 결과 통지. 보유 기간: 관계 법령(공공기록물 관리에 관한 법률)이 민원 기록에 정한 기간. "
    "동의하지 않으실 수 있으나, 동의하지 않으면 민원을 접수할 수 없습니다. "
    "공개 목록(GET requests)에는 이름·연락처가 나오지 않고, 주소는 도로명(지번은 동·리)까지만, 좌표는 약 100 m 단위로만 나옵니다. "
    "/ Consent to the collection and use of personal data (name, phone, e-mail, location) to take in and answer "
    "the complaint; kept for the period the records law sets for complaint records. You may refuse, but the "
    "complaint cannot be filed without it. Public lists never show names or contacts; addresses are cut after "
    "the road name and coordinates rounded to about 100 m."
)


@dataclass(frozen=True)
class AttributeValue:
    key: str
    name: str


@dataclass(frozen=True)
class Attribute:
    """One attribute of the service definition (the specification's field names)."""

    code: str
    datatype: str  # string | number | datetime | text | singlevaluelist | multivaluelist
    required: bool
    order: int
    description: str
    variable: bool = True
    datatype_description: str | None = None
    values: tuple[AttributeValue, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(value.key for value in self.values)


ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute(
        PRIVACY_NOTICE,
        "text",
        required=False,
        order=1,
        variable=False,
        description=CONSENT_TEXT,
    ),
    Attribute(
        PRIVACY_CONSENT,
        "singlevaluelist",
        required=True,
        order=2,
        description="위 개인정보 수집·이용에 동의하십니까? (Do you consent to the above?) — 'agree' 만 접수됩니다.",
        datatype_description="agree 를 보내야 접수됩니다 (send agree to file)",
        values=(
            AttributeValue(CONSENT_AGREE, "동의합니다 (I agree)"),
            AttributeValue("disagree", "동의하지 않습니다"),
        ),
    ),
    Attribute(
        KIND,
        "singlevaluelist",
        required=False,
        order=3,
        description="민원의 종류 (the kind of request); 없으면 고충민원",
        values=(
            AttributeValue(Kind.GRIEVANCE.value, "고충민원 (처리기간 7일)"),
            AttributeValue(Kind.SUGGESTION.value, "건의민원 (처리기간 14일)"),
            AttributeValue(Kind.PROPOSAL.value, "국민제안 (처리기간 1개월)"),
        ),
    ),
    Attribute(
        TITLE,
        "string",
        required=False,
        order=4,
        description="제목 (a title); 없으면 설명(description)의 첫 줄",
        datatype_description="200자 이내 (at most 200 characters)",
    ),
    Attribute(
        DISCLOSURE,
        "singlevaluelist",
        required=False,
        order=5,
        description="공개 목록에 내용을 보일지 (how much a public list shows); 없으면 full",
        values=(
            AttributeValue(DISCLOSURE_FULL, "내용 공개 (the description is shown, contacts masked)"),
            AttributeValue(DISCLOSURE_TITLE_ONLY, "내용 비공개 (no description in public lists)"),
        ),
    ),
    Attribute(
        REPLY_BY,
        "singlevaluelist",
        required=False,
        order=6,
        description="처리 결과를 받을 방법 (how to be answered); 없으면 open311 (이 API로 조회)",
        values=(
            AttributeValue(REPLY_OPEN311, "Open311 조회 (GET requests/{id})"),
            AttributeValue(REPLY_SMS, "문자 (SMS: phone 필요)"),
            AttributeValue(REPLY_MAIL, "전자우편 (e-mail: email 필요)"),
        ),
    ),
)
ATTRIBUTES_BY_CODE = {attribute.code: attribute for attribute in ATTRIBUTES}


def open311_status(status: Status) -> str:
    """open: it has been reported and still runs; closed: answered, decided, ended (the spec's two)."""
    return "open" if status in OPEN_STATUSES else "closed"


def statuses_for(open311_statuses: frozenset[str]) -> frozenset[Status]:
    """The domain statuses behind the specification's `open` / `closed`."""
    chosen: set[Status] = set()
    if "open" in open311_statuses:
        chosen |= OPEN_STATUSES
    if "closed" in open311_statuses:
        chosen |= set(Status) - OPEN_STATUSES
    return frozenset(chosen)


def w3(moment: datetime | None) -> str | None:
    """The specification's date-time (a W3C subset of ISO 8601, with its offset): Seoul time, seconds."""
    if moment is None:
        return None
    return moment.astimezone(SEOUL).replace(microsecond=0).isoformat()


def korean_date(moment: datetime) -> str:
    """2026. 12. 15.(화)"""
    local = moment.astimezone(SEOUL)
    return f"{local.year}. {local.month}. {local.day}.({'월화수목금토일'[local.weekday()]})"


def service_record(
    code: str, name: str, department_name: str, keywords: tuple[str, ...], kind: str
) -> dict[str, Any]:
    """One service of GET services: a category. Every service has the shared definition (metadata true:
    the privacy consent is required). `kind`: realtime (the service_request_id at once) or batch (a token)."""
    group = department_name or "기타"
    return {
        "service_code": code,
        "service_name": name,
        "description": f"{name} 민원. {group}에서 처리합니다.",
        "metadata": True,
        "type": kind,
        "keywords": ", ".join(keywords),
        "group": group,
    }


def service_definition(code: str) -> dict[str, Any]:
    """GET services/{code}: the shared attributes, in the specification's fields."""
    return {
        "service_code": code,
        "attributes": [
            {
                "variable": attribute.variable,
                "code": attribute.code,
                "datatype": attribute.datatype,
                "required": attribute.required,
                "datatype_description": attribute.datatype_description,
                "order": attribute.order,
                "description": attribute.description,
                "values": [{"key": value.key, "name": value.name} for value in attribute.values],
            }
            for attribute in ATTRIBUTES
        ],
    }


def filed_notice(receipt_no: str, due_at: datetime, department_name: str | None) -> str:
    """POST requests' service_notice: the receipt number and what happens next."""
    due = f"{korean_date(due_at)}까지 처리합니다"
    if department_name:
        return f"접수번호 {receipt_no}. {department_name}에서 {due}. 진행 상황: requests/{receipt_no}"
    return f"접수번호 {receipt_no}. 8근무시간 안에 담당 부서를 정하고 {due}. 진행 상황: requests/{receipt_no}"
