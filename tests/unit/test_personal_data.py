"""One masking rule everywhere, and no resident registration numbers."""

from __future__ import annotations

import pytest

from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.masking import (
    contains_resident_number,
    mask_address,
    mask_contacts_in_text,
    mask_email,
    mask_name,
    mask_phone,
    normalize_phone,
)


@pytest.mark.parametrize(
    ("name", "masked"),
    [("홍길동", "홍*동"), ("김철", "김*"), ("남궁민수", "남궁*수"), ("이", "*"), ("John Smith", "J**n S***h")],
)
def test_names(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("raw", "written", "masked"),
    [
        ("01012345678", "010-1234-5678", "010-****-5678"),
        ("010 1234 5678", "010-1234-5678", "010-****-5678"),
        ("0212345678", "02-1234-5678", "02-****-5678"),
        ("031-123-4567", "031-123-4567", "031-***-4567"),
    ],
)
def test_phones_are_written_and_masked_the_korean_way(raw: str, written: str, masked: str) -> None:
    assert normalize_phone(raw) == written
    assert mask_phone(written) == masked


def test_an_impossible_phone_number_is_refused_with_an_example() -> None:
    with pytest.raises(DomainError) as error:
        normalize_phone("12")
    assert error.value.field == "phone"
    assert "010-1234-5678" in error.value.ko


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("서울특별시 종로구 세종대로 209 (세종로)", "서울특별시 종로구 세종대로"),
        ("서울특별시 강남구 테헤란로7길 22, 3층", "서울특별시 강남구 테헤란로7길"),
        ("경기도 수원시 팔달구 인계동 1111-2", "경기도 수원시 팔달구 인계동"),
        # road-name addresses (도로명주소): the building number and everything after it go
        ("서울특별시 한빛구 한빛로 12", "서울특별시 한빛구 한빛로"),
        ("서울특별시 한빛구 한빛로 12, 101동 202호 (한빛동, 한빛아파트)", "서울특별시 한빛구 한빛로"),
        ("서울특별시 한빛구 한빛로12길 3-4", "서울특별시 한빛구 한빛로12길"),
        ("경기도 성남시 분당구 판교역로146번길 20", "경기도 성남시 분당구 판교역로146번길"),
        ("세종특별자치시 한누리대로 2130", "세종특별자치시 한누리대로"),
        ("경기도 양평군 양평읍 양평로 12", "경기도 양평군 양평읍 양평로"),
        ("04524 서울특별시 중구 세종대로 110", "서울특별시 중구 세종대로"),
        ("서울 한빛구 한빛로12", "서울 한빛구 한빛로"),
        ("한빛로 12", "한빛로"),
        # lot-number addresses (지번주소): cut after the last 동·리·가·읍·면 before the lot number
        ("서울특별시 한빛구 한빛동 123-4 한빛아파트 101동 202호", "서울특별시 한빛구 한빛동"),
        ("경기도 양평군 양평읍 양근리 123", "경기도 양평군 양평읍 양근리"),
        ("경기도 양평군 양평읍 양근리 산 12", "경기도 양평군 양평읍 양근리"),
        ("서울특별시 한빛구 한빛동 산12-3", "서울특별시 한빛구 한빛동"),
        ("서울특별시 종로구 종로1가 54", "서울특별시 종로구 종로1가"),
        ("서울특별시 노원구 상계1동 12", "서울특별시 노원구 상계1동"),
        ("서울특별시 강남구 역삼동 823 (역삼1동)", "서울특별시 강남구 역삼동"),
        ("서울특별시 한빛구 한빛동 123-4 (한빛로 5)", "서울특별시 한빛구 한빛동"),
        ("인천광역시 옹진군 백령면 진촌리 100", "인천광역시 옹진군 백령면 진촌리"),
        # neither: never a number
        ("서울특별시 한빛구", "서울특별시 한빛구"),
        ("12", ""),
        ("123 Main St", ""),
        ("", ""),
    ],
)
def test_addresses_are_cut_after_the_road_name(address: str, masked: str) -> None:
    assert mask_address(address) == masked


def test_a_public_text_has_its_phones_mails_resident_numbers_and_the_petitioners_name_masked() -> None:
    text = (
        "홍길동입니다. 010-1234-5678, 01098765432, 02 123 4567 또는 hong@example.com 으로 연락 주세요. "
        "주민번호 900101-1234567. 접수번호 20261122-C03-0042, 금액 1,234,567원."
    )
    masked = mask_contacts_in_text(text, ("홍길동",))
    assert masked == (
        "홍*동입니다. 010-****-5678, 010-****-5432, 02-***-4567 또는 ho**@example.com 으로 연락 주세요. "
        "주민번호 ******-*******. 접수번호 20261122-C03-0042, 금액 1,234,567원."
    )


def test_the_masks_hide_what_they_should() -> None:
    assert "5678" in mask_phone("010-1234-5678") and "1234" not in mask_phone("010-1234-5678")
    assert mask_email("hong@example.com") == "ho**@example.com"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("주민번호 900101-1234567 입니다", True),
        ("9001011234567", True),
        ("연락처 010-1234-5678", False),
        ("접수번호 20261122-C03-0042", False),
        ("금액 1,234,567원", False),
    ],
)
def test_resident_numbers_are_recognised(text: str, found: bool) -> None:
    assert contains_resident_number(text) is found


@pytest.mark.parametrize("raw", ["010-****-5678", "010-1234-567a", "전화없음"])
def test_letters_and_masks_are_not_quietly_dropped_from_a_phone(raw: str) -> None:
    with pytest.raises(DomainError):
        normalize_phone(raw)
