"""Korean search in the queue, as an agent would use it: two-syllable words, words with particles, phone
digits, several words at once, names, Latin letters and numbers; on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.roles import Actor, Role
from complaints_desk.store import reference
from complaints_desk.store.db import transaction
from complaints_desk.store.intake import Intake, take_intake
from complaints_desk.store.queue import QueueFilter, queue_page
from complaints_desk.store.search import document_for

T0 = datetime(2026, 3, 9, 1, 0, tzinfo=UTC)  # Mon 10:00 in Seoul

CASES = (
    ("공사장 소음", "새벽부터 공사장 소음이 심합니다.", "김민수", "010-2345-6789"),
    ("한빛로 불법주차", "인도에 불법주차 차량이 많습니다.", "이서연", "010-9876-5432"),
    ("도로 파손 신고", "도로가 움푹 패였습니다. 빨리 고쳐 주세요.", "박지훈", "02-2150-3120"),
    ("가로등 고장", "중앙공원 가로등이 꺼져 있습니다. CCTV 옆입니다.", "최유진", "010-5555-1234"),
    ("주차장 입구 쓰레기", "햇살빌라 주차장 입구에 쓰레기를 버립니다. 123번지", "정하늘", "010-1111-2222"),
)


@pytest.fixture
def searchable(session_factory: sessionmaker[Session]) -> dict[str, str]:
    """The cases above, taken in at the phone, oldest first; returns title → receipt number."""
    numbers: dict[str, str] = {}
    with transaction(session_factory) as session:
        reference.ensure_station(session, "C06", "콜센터 1번석")
        actor = Actor("agent-1", Role.AGENT)
        for n, (title, body, name, phone) in enumerate(CASES):
            state = take_intake(
                session,
                Intake(Kind.GRIEVANCE, Channel.PHONE, title, body, name, phone),
                actor=actor,
                station_code="C06",
                now=T0 + timedelta(minutes=n),
            ).state
            numbers[title] = state.receipt_no
    return numbers


def titles(factory: sessionmaker[Session], query: str) -> list[str]:
    with factory() as session:
        return [row.title for row in queue_page(session, QueueFilter(search=query))]


def test_two_syllable_words_are_found(session_factory: sessionmaker[Session], searchable: dict[str, str]) -> None:
    assert titles(session_factory, "소음") == ["공사장 소음"]
    assert titles(session_factory, "도로") == ["도로 파손 신고"]
    # 주차 is in two cases (불법주차, 주차장): newest first.
    assert titles(session_factory, "주차") == ["주차장 입구 쓰레기", "한빛로 불법주차"]


def test_a_word_with_a_particle_finds_the_word(
    session_factory: sessionmaker[Session], searchable: dict[str, str]
) -> None:
    assert titles(session_factory, "쓰레기를") == ["주차장 입구 쓰레기"]
    assert titles(session_factory, "소음이") == ["공사장 소음"]


def test_longer_words_match_as_substrings(
    session_factory: sessionmaker[Session], searchable: dict[str, str]
) -> None:
    assert titles(session_factory, "불법주차") == ["한빛로 불법주차"]
    assert titles(session_factory, "공사장") == ["공사장 소음"]
    assert titles(session_factory, "중앙공원") == ["가로등 고장"]


def test_several_words_must_all_be_present(
    session_factory: sessionmaker[Session], searchable: dict[str, str]
) -> None:
    assert titles(session_factory, "주차 쓰레기") == ["주차장 입구 쓰레기"]
    assert titles(session_factory, "소음 도로") == []


def test_no_match_across_the_words_of_the_query(
    session_factory: sessionmaker[Session], searchable: dict[str, str]
) -> None:
    # "로 불" spans two words of the query; searching for the words separately must not join them into "로불".
    assert titles(session_factory, "한빛로불법") == []
    assert titles(session_factory, "한빛로 불법") == ["한빛로 불법주차"]


def test_absent_words_find_nothing(session_factory: sessionmaker[Session], searchable: dict[str, str]) -> None:
    assert titles(session_factory, "악취") == []
    assert titles(session_factory, "소음악") == []


def test_phone_digits_find_the_petitioner(
    session_factory: sessionmaker[Session], searchable: dict[str, str]
) -> None:
    assert titles(session_factory, "01098765432") == ["한빛로 불법주차"]
    assert titles(session_factory, "010-9876-5432") == ["한빛로 불법주차"]
    assert titles(session_factory, "5432") == ["한빛로 불법주차"]
    assert titles(session_factory, "98765432") == ["한빛로 불법주차"]


def test_names_latin_letters_and_numbers(
    session_factory: sessionmaker[Session], searchable: dict[str, str]
) -> None:
    assert titles(session_factory, "박지훈") == ["도로 파손 신고"]
    assert titles(session_factory, "cctv") == ["가로등 고장"]
    assert titles(session_factory, "123") == ["주차장 입구 쓰레기"]


def test_a_query_with_nothing_searchable_filters_nothing(
    session_factory: sessionmaker[Session], searchable: dict[str, str]
) -> None:
    assert len(titles(session_factory, " ?! ")) == len(CASES)


def test_search_combines_with_the_other_filters(
    session_factory: sessionmaker[Session], searchable: dict[str, str]
) -> None:
    with session_factory() as session:
        rows = queue_page(session, QueueFilter(search="주차", kind=Kind.GRIEVANCE, channel=Channel.PHONE), limit=1)
        assert [r.title for r in rows] == ["주차장 입구 쓰레기"]
        rows = queue_page(session, QueueFilter(search="주차", kind=Kind.GRIEVANCE), limit=1, offset=1)
        assert [r.title for r in rows] == ["한빛로 불법주차"]
        assert queue_page(session, QueueFilter(search="주차", kind=Kind.PROPOSAL)) == []


def test_the_document_splits_hangul_into_pieces_and_keeps_phone_digits() -> None:
    doc = document_for("불법주차", "", "홍길동", "010-1234-5678").split()
    assert doc[:3] == ["불법", "법주", "주차"]
    assert "01012345678" in doc and "홍길" in doc


def test_a_word_already_indexed_gives_the_same_pieces_in_another_case() -> None:
    # (words seen before are taken from a cache: a second case must not get the first one's document)
    first = document_for("불법주차 단속", "주차 주차장", "김주차", "02-123-4567").split()
    second = document_for("주차장 불법", "단속 요청 ABC-12", "이단속", "").split()
    hangul = ["불법", "법주", "주차", "단속", "주차", "주차", "차장", "김주", "주차"]
    assert first == [*hangul, "02", "123", "4567", "021234567", "21234567"]
    assert second == ["주차", "차장", "불법", "단속", "요청", "abc", "12", "이단", "단속"]
