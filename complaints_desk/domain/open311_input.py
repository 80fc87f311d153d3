"""What an Open311 client sends, read and checked before anything is stored: a new service request (POST
requests: the specification's arguments and `attribute[code]=value`) and the filters of GET requests. Every
refusal is a DomainError naming the argument, in Korean and English; the server answers it 400."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

from .errors import DomainError
from .kinds import Kind
from .masking import normalize_phone
from .open311 import (
    ATTRIBUTES,
    ATTRIBUTES_BY_CODE,
    CONSENT_AGREE,
    DESCRIPTION_MAX,
    DISCLOSURE,
    DISCLOSURE_FULL,
    KIND,
    MAX_REQUESTS,
    MAX_SPAN_DAYS,
    PRIVACY_CONSENT,
    REPLY_BY,
    REPLY_MAIL,
    REPLY_OPEN311,
    REPLY_SMS,
    SEOUL,
    TITLE,
)
from .values import MAX_YEAR, MIN_YEAR, check_chars

Params = Mapping[str, Sequence[str]]

TITLE_MAX = 200  # the lifecycle's
TITLE_FROM_DESCRIPTION = 60
PLACE_MAX = 300
NAME_MAX = 50  # each of first_name, last_name
ID_MAX = 100  # address_id, device_id, account_id, service_code
URL_MAX = 500
EMAIL_MAX = 200
_ATTRIBUTE_KEY = re.compile(r"^attribute\[([^\[\]]{1,64})\](\[\])?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_POSTAL_CODE = re.compile(r"(?:^|\()(\d{5})(?:\)|\s|$)")
_HANGUL = re.compile(r"^[가-힣]+$")


@dataclass(frozen=True)
class Submission:
    """A new service request as the client sent it, checked."""

    service_code: str
    kind: Kind
    title: str  # the title attribute, else the description's first line; '' when neither (the service's name)
    description: str
    name: str
    phone: str
    email: str
    address_string: str
    address_id: str
    zipcode: str
    lat: float | None
    long: float | None
    media_url: str
    device_id: str
    account_id: str
    disclosure: str
    reply_by: str
    attributes: dict[str, list[str]] = field(default_factory=dict)


def _refuse(name: str, ko: str, en: str, code: str = "invalid") -> DomainError:
    return DomainError(name, ko, en, code=code)


def _text(params: Params, name: str, limit: int, *, one_line: bool = True) -> str:
    values = params.get(name) or ()
    value = values[0] if values else ""
    check_chars(name, value)
    if _CONTROL.search(value):
        raise _refuse(name, f"'{name}'에 제어 문자가 있습니다.", f"'{name}' contains control characters.")
    value = value.strip()
    if one_line and ("\n" in value or "\r" in value):
        raise _refuse(name, f"'{name}'는 한 줄로 보내 주세요.", f"'{name}' must be a single line.")
    if len(value) > limit:
        raise _refuse(
            name,
            f"'{name}'는 {limit:,}자 이하여야 합니다.",
            f"'{name}' may be at most {limit:,} characters.",
            "too_long",
        )
    return value


def _coordinate(params: Params, name: str, bound: float) -> float | None:
    raw = _text(params, name, 40)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or abs(value) > bound:
        raise _refuse(
            name,
            f"'{name}'는 WGS84 좌표(-{bound:g}~{bound:g})여야 합니다: '{raw[:20]}'",
            f"'{name}' must be a WGS84 coordinate between -{bound:g} and {bound:g}: '{raw[:20]}'",
        )
    return value


def attributes_of(params: Params) -> dict[str, list[str]]:
    """`attribute[code]=value` and `attribute[code][]=value` (a multivaluelist), for the codes this office
    defines; other codes are ignored."""
    found: dict[str, list[str]] = {}
    for key, values in params.items():
        matched = _ATTRIBUTE_KEY.match(key)
        if matched and matched.group(1) in ATTRIBUTES_BY_CODE:
            found.setdefault(matched.group(1), []).extend(values)
    return found


def _check_attributes(attributes: dict[str, list[str]]) -> dict[str, str]:
    chosen: dict[str, str] = {}
    for attribute in ATTRIBUTES:
        if not attribute.variable:
            continue
        name = f"attribute[{attribute.code}]"
        values = [v.strip() for v in attributes.get(attribute.code, []) if v.strip()]
        if not values:
            if attribute.required:
                raise _refuse(
                    name,
                    f"필수 항목 {name}이(가) 없습니다.",
                    f"The required attribute {name} is missing.",
                    "required",
                )
            continue
        if len(values) > 1:
            raise _refuse(name, f"{name}에는 값을 하나만 보내 주세요.", f"{name} takes one value.")
        value = _text({name: values}, name, TITLE_MAX)
        if attribute.values and value not in attribute.keys:
            keys = ", ".join(sorted(attribute.keys))
            raise _refuse(
                name,
                f"{name}의 값 '{value[:40]}'은(는) 없는 값입니다. 가능한 값: {keys}",
                f"{name} has no value '{value[:40]}'. Expected one of: {keys}",
            )
        chosen[attribute.code] = value
    return chosen


def _name(params: Params) -> str:
    first = _text(params, "first_name", NAME_MAX)
    last = _text(params, "last_name", NAME_MAX)
    if not first and not last:
        raise _refuse(
            "last_name",
            "민원인의 이름이 필요합니다: last_name(성)과 first_name(이름)을 보내 주세요.",
            "A complaint needs the petitioner's name: send last_name and first_name.",
            "required",
        )
    if _HANGUL.match(first or "가") and _HANGUL.match(last or "가"):
        return f"{last}{first}"  # 홍 + 길동 → 홍길동
    return " ".join(part for part in (first, last) if part)


def _media_url(params: Params) -> str:
    url = _text(params, "media_url", URL_MAX)
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise _refuse(
            "media_url",
            "media_url은 http 또는 https 주소여야 합니다.",
            "media_url must be an http or https URL.",
        )
    return url


def zipcode_of(address: str) -> str:
    """The 5-digit postal code written at the start of an address or in brackets: '(04524)'."""
    found = _POSTAL_CODE.search(address)
    return found.group(1) if found else ""


def read_submission(params: Params) -> Submission:
    """POST requests' arguments, checked. The api_key and jurisdiction_id are the server's to check."""
    service_code = _text(params, "service_code", ID_MAX)
    if not service_code:
        raise _refuse("service_code", "service_code가 없습니다.", "service_code was not provided.", "required")
    lat = _coordinate(params, "lat", 90)
    long = _coordinate(params, "long", 180)
    if (lat is None) != (long is None):
        raise _refuse("lat", "lat과 long은 함께 보내야 합니다.", "lat and long must be sent together.")
    address_string = _text(params, "address_string", PLACE_MAX)
    address_id = _text(params, "address_id", ID_MAX)
    if lat is None and not address_string and not address_id:
        raise _refuse(
            "address_string",
            "위치가 필요합니다: lat·long, address_string, address_id 중 하나를 보내 주세요.",
            "A location is required: lat & long, address_string or address_id.",
            "required",
        )
    description = _text(params, "description", DESCRIPTION_MAX, one_line=False)
    chosen = _check_attributes(attributes_of(params))
    if chosen.get(PRIVACY_CONSENT) != CONSENT_AGREE:
        raise _refuse(
            f"attribute[{PRIVACY_CONSENT}]",
            "개인정보 수집·이용에 동의해야 민원을 접수할 수 있습니다 (attribute[privacy_consent]=agree).",
            "The complaint can be filed only with consent to the use of personal data "
            "(attribute[privacy_consent]=agree).",
            "consent",
        )
    phone = normalize_phone(_text(params, "phone", 40))
    email = _text(params, "email", EMAIL_MAX)
    if email and not _EMAIL.match(email):
        raise _refuse(
            "email", f"전자우편 주소가 올바르지 않습니다: '{email[:60]}'", f"Not an e-mail address: '{email[:60]}'"
        )
    reply_by = chosen.get(REPLY_BY, REPLY_OPEN311)
    if reply_by == REPLY_SMS and not phone.startswith("01"):
        raise _refuse(
            "phone",
            "문자로 답변받으려면 휴대전화 번호(phone)가 필요합니다.",
            "An SMS answer needs a mobile phone.",
        )
    if reply_by == REPLY_MAIL and not email:
        raise _refuse("email", "전자우편으로 답변받으려면 email이 필요합니다.", "An e-mail answer needs an email.")
    title = chosen.get(TITLE, "")
    if not title and description:
        first = description.splitlines()[0].strip()
        title = (
            first if len(first) <= TITLE_FROM_DESCRIPTION else first[: TITLE_FROM_DESCRIPTION - 1].rstrip() + "…"
        )
    return Submission(
        service_code=service_code,
        kind=Kind(chosen.get(KIND, Kind.GRIEVANCE.value)),
        title=title,
        description=description,
        name=_name(params),
        phone=phone,
        email=email,
        address_string=address_string,
        address_id=address_id,
        zipcode=zipcode_of(address_string),
        lat=lat,
        long=long,
        media_url=_media_url(params),
        device_id=_text(params, "device_id", ID_MAX),
        account_id=_text(params, "account_id", ID_MAX),
        disclosure=chosen.get(DISCLOSURE, DISCLOSURE_FULL),
        reply_by=reply_by,
        attributes={code: [value] for code, value in chosen.items()},
    )


# --- GET requests ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListQuery:
    receipts: tuple[str, ...]  # service_request_id: overrides every other argument
    service_codes: tuple[str, ...]
    start: datetime
    end: datetime
    statuses: frozenset[str]  # open, closed; empty: all


def _listed(params: Params, name: str, limit: int = MAX_REQUESTS) -> tuple[str, ...]:
    """A comma-delimited argument, which may also be declared several times."""
    items: list[str] = []
    for value in params.get(name) or ():
        check_chars(name, value)
        items.extend(item.strip() for item in value.split(",") if item.strip())
    if len(items) > limit or any(len(item) > ID_MAX for item in items):
        raise _refuse(name, f"{name} 값이 너무 많거나 깁니다.", f"Too many or too long values in {name}.")
    return tuple(dict.fromkeys(items))


def parse_w3(value: str, name: str, *, end_of_day: bool = False) -> datetime:
    """A W3C date-time (2010-01-01T00:00:00Z, 2026-11-22T09:00:00+09:00) or a date (Seoul's day); a time
    without an offset is Seoul time."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = datetime.strptime(text, "%Y-%m-%d").date()
            moment = datetime.combine(day, time.max if end_of_day else time.min, SEOUL)
        else:
            moment = datetime.fromisoformat(text.replace("z", "Z"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=SEOUL)
    except ValueError:
        raise _refuse(
            name,
            f"{name}는 W3C 날짜·시각이어야 합니다 (예: 2026-11-22T09:00:00+09:00): '{text[:40]}'",
            f"{name} must be a W3C date-time, e.g. 2026-11-22T09:00:00+09:00: '{text[:40]}'",
        ) from None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise _refuse(
            name, f"{name}는 {MIN_YEAR}~{MAX_YEAR}년이어야 합니다.", f"{name} must fall in {MIN_YEAR}–{MAX_YEAR}."
        )
    return moment


def read_list_query(params: Params, now: datetime) -> ListQuery:
    """The filters of GET requests. Without dates, the most recent 90 days; a range may not span more."""
    receipts = tuple(r.upper() for r in _listed(params, "service_request_id"))
    statuses = frozenset(s.lower() for s in _listed(params, "status", 10))
    unknown = statuses - {"open", "closed"}
    if unknown:
        raise _refuse(
            "status",
            f"status는 open 또는 closed입니다: '{sorted(unknown)[0][:20]}'",
            f"status is open or closed: '{sorted(unknown)[0][:20]}'",
        )
    start_text = (params.get("start_date") or ("",))[0]
    end_text = (params.get("end_date") or ("",))[0]
    span = timedelta(days=MAX_SPAN_DAYS)
    end = parse_w3(end_text, "end_date", end_of_day=True) if end_text.strip() else None
    start = parse_w3(start_text, "start_date") if start_text.strip() else None
    if start is None and end is None:
        end = now
    if start is None:
        assert end is not None
        start = end - span
    if end is None:
        end = start + span
    if start > end:
        raise _refuse("start_date", "start_date가 end_date보다 늦습니다.", "start_date is after end_date.")
    if end - start > span:
        raise _refuse(
            "end_date",
            f"기간은 {MAX_SPAN_DAYS}일을 넘을 수 없습니다.",
            f"The range may not span more than {MAX_SPAN_DAYS} days.",
        )
    return ListQuery(
        receipts=receipts,
        service_codes=_listed(params, "service_code"),
        start=start,
        end=end,
        statuses=statuses,
    )


def case_place(submission: Submission) -> str:
    """Where the matter is, as the case keeps it: the address, and the coordinates or the address id."""
    parts = [submission.address_string] if submission.address_string else []
    if submission.lat is not None and submission.long is not None:
        parts.append(f"(위도 {submission.lat:.6f}, 경도 {submission.long:.6f})")
    if submission.address_id and not submission.address_string:
        parts.append(f"주소 ID {submission.address_id}")
    place = " ".join(parts)
    return place if len(place) <= PLACE_MAX else place[: PLACE_MAX - 1] + "…"


def case_body(submission: Submission, client_name: str) -> str:
    """The case's content for the officer: the description, then what the Open311 client added."""
    lines = [f"[Open311 · {client_name}]"]
    if submission.lat is not None and submission.long is not None:
        lines.append(f"좌표(WGS84): {submission.lat:.6f}, {submission.long:.6f}")
    if submission.address_id:
        lines.append(f"주소 ID: {submission.address_id}")
    if submission.media_url:
        lines.append(f"사진·자료: {submission.media_url}")
    if submission.disclosure != DISCLOSURE_FULL:
        lines.append("공개 목록에 내용 비공개 요청")
    return "\n\n".join(part for part in (submission.description, "\n".join(lines)) if part)
