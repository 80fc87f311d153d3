"""Personal data: one masking rule everywhere (different masks on different screens could be combined to
recover a value), phone normalisation, and the refusal to collect resident registration numbers."""

from __future__ import annotations

import re

from .errors import DomainError

_RRN = re.compile(r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s*[-–]?\s*[1-8]\d{6}(?!\d)")
_ROAD_SUFFIX = re.compile(r"^\S*\d*(?:로|길)$|^\S+(?:로|길)\d+(?:번)?길$")
_WRITTEN_PHONE = re.compile(r"^(?:01[016789]-\d{3,4}|02-\d{3,4}|0[3-6][1-5]-\d{3,4}|070-\d{4})-\d{4}$")
_PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().-]+$")
# A road written with its building number: 한빛로12, 테헤란로7길22-3 (the road is group 1).
_ROAD_WITH_NUMBER = re.compile(r"^([^\d\s]+(?:로|길)(?:\d+(?:번)?길)?)\d+(?:-\d+)?,?$")
# A 지번 address's area: 인계동, 양근리, 종로1가, 상계1동, 양평읍, 백령면 (not an apartment block's 101동).
_AREA = re.compile(r"^[가-힣]+\d*(?:동|리|가|읍|면)$")
_POSTAL_CODE = re.compile(r"^\(?\d{5}\)?$")
# A phone number or an e-mail address written inside a free text (a description shown publicly).
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(01[016789]|02|0[3-6][1-5]|070)[-.\s]?(\d{3,4})[-.\s]?(\d{4})(?!\d)")
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def contains_resident_number(text: str) -> bool:
    """True when the text holds something shaped like a 주민등록번호 (YYMMDD-NNNNNNN)."""
    return bool(_RRN.search(text))


def refuse_resident_number(field: str, text: str) -> None:
    if contains_resident_number(text):
        raise DomainError(
            field,
            "주민등록번호로 보이는 번호가 있습니다. 민원 처리에는 주민등록번호를 수집하지 않으니 지워 주세요.",
            "This looks like a resident registration number. Complaints never collect one; please remove it.",
            code="resident_number",
        )


def mask_name(name: str) -> str:
    """홍길동 → 홍*동, 김철 → 김*, 남궁민수 → 남궁*수 … keeps first and last, hides the middle."""
    name = name.strip()
    if not name:
        return ""
    if " " in name:  # Latin-script names: mask each part the same way
        return " ".join(mask_name(part) for part in name.split())
    if len(name) == 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    if len(name) >= 4 and "가" <= name[0] <= "힣":  # 4+ syllables: most likely a two-syllable surname
        return name[:2] + "*" * (len(name) - 3) + name[-1]
    return name[0] + "*" * (len(name) - 2) + name[-1]


def normalize_phone(raw: str) -> str:
    """Return a Korean number in its usual written form (010-1234-5678, 02-123-4567); DomainError if it is
    not a possible Korean number."""
    text = raw.strip()
    if not text:
        return ""
    if _WRITTEN_PHONE.match(text):  # already in its usual written form: skip the costly full parse
        return text
    # Imported here, past the quick path: the package's tables (some tens of milliseconds) are no part of a
    # desktop start, which only shows numbers already written out (gui.warm_up loads it for the intake).
    import phonenumbers

    if not _PHONE_CHARACTERS.match(text):  # phonenumbers would quietly drop letters and masks ('*')
        parsed = None
    else:
        try:
            parsed = phonenumbers.parse(text, "KR")
        except phonenumbers.NumberParseException:
            parsed = None
    if parsed is None or not phonenumbers.is_possible_number(parsed):
        raise DomainError(
            "phone",
            f"전화번호 형식이 올바르지 않습니다: '{raw}' (예: 010-1234-5678)",
            f"Not a valid phone number: '{raw}' (e.g. 010-1234-5678)",
            code="phone",
        )
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return re.sub(r"\s+", "-", national.strip())


def mask_phone(phone: str) -> str:
    """010-1234-5678 → 010-****-5678; 02-123-4567 → 02-***-4567. The middle group is hidden."""
    phone = phone.strip()
    if not phone:
        return ""
    parts = phone.split("-")
    if len(parts) == 3:
        return f"{parts[0]}-{'*' * len(parts[1])}-{parts[2]}"
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "-" + "*" * (len(digits) - 7) + "-" + digits[-4:]


def mask_address(address: str) -> str:
    """Cut after the road name: '서울특별시 종로구 세종대로 209 (세종로)' → '서울특별시 종로구 세종대로' (a road
    written with its number, '한빛로12', is cut to '한빛로'). A lot-number (지번) address is cut after its
    last 동·리·가·읍·면 before the lot number: '경기도 양평군 양평읍 양근리 123' → '경기도 양평군 양평읍 양근리'.
    Otherwise only the leading parts without a digit are kept (at most two), so a number never shows."""
    parts = address.split()
    if parts and _POSTAL_CODE.match(parts[0]):
        parts = parts[1:]
    if not parts:
        return ""
    for index, part in enumerate(parts):
        if _ROAD_SUFFIX.match(part):
            return " ".join(parts[: index + 1])
        numbered = _ROAD_WITH_NUMBER.match(part)
        if numbered:
            return " ".join([*parts[:index], numbered.group(1)])
        if part == "산" or any(ch.isdigit() for ch in part):
            break  # a number before any road: a lot-number address (whatever follows is its detail)
    last_area = None
    for index, part in enumerate(parts):
        if _AREA.match(part):
            last_area = index
        elif part == "산" or any(ch.isdigit() for ch in part):
            break
    if last_area is not None:
        return " ".join(parts[: last_area + 1])
    leading: list[str] = []
    for part in parts[:2]:
        if any(ch.isdigit() for ch in part):
            break
        leading.append(part)
    return " ".join(leading)


def mask_email(email: str) -> str:
    local, _, domain = email.strip().partition("@")
    if not domain:
        return mask_name(local)
    shown = local[:2] if len(local) > 2 else local[:1]
    return f"{shown}{'*' * max(1, len(local) - len(shown))}@{domain}"


def mask_contacts_in_text(text: str, names: tuple[str, ...] = ()) -> str:
    """A free text as a public list may show it: phone numbers (010-****-5678), e-mail addresses
    (ho**@example.com) and resident registration numbers inside it masked, and each of `names` (the
    petitioner's own) masked like a name."""
    masked = _RRN.sub(lambda m: re.sub(r"\d", "*", m.group(0)), text)
    masked = _PHONE_IN_TEXT.sub(lambda m: f"{m.group(1)}-{'*' * len(m.group(2))}-{m.group(3)}", masked)
    masked = _EMAIL_IN_TEXT.sub(lambda m: mask_email(m.group(0)), masked)
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True):
        masked = masked.replace(name, mask_name(name))
    return masked
