"""One masking rule everywhere, and no resident registration numbers."""

from __future__ import annotations

import pytest

from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.masking import (
    contains_resident_number,
    mask_address,
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
    ],
)
def test_addresses_are_cut_after_the_road_name(address: str, masked: str) -> None:
    assert mask_address(address) == masked


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
