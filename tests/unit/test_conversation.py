"""The messenger conversation: what a citizen types, what they are asked next, and what is filed."""

from __future__ import annotations

from typing import Any

from complaints_desk.domain.conversation import NOT_TEXT, AnswerBy, Capabilities, Step, Turn, take

TELEGRAM = Capabilities()
KAKAO = Capabilities(can_speak_first=False)
META = Capabilities(reply_window_hours=24)


def _talk(capabilities: Capabilities, *messages: str) -> Turn:
    state: dict[str, Any] | None = None
    turn = Turn({})
    for message in messages:
        turn = take(state, message, capabilities)
        state = turn.state
    return turn


def test_a_complaint_is_collected_step_by_step_and_filed_after_consent_and_confirmation() -> None:
    turn = _talk(
        TELEGRAM,
        "민원",
        "한빛로 12 앞 가로등이 사흘째 꺼져 있어요",
        "한빛로 12",
        "홍길동",
        "이 대화로 받기",
        "동의",
    )
    assert turn.state["step"] == Step.CONFIRM and "가로등" in turn.replies[0].text and turn.filing is None
    filed = take(turn.state, "접수", TELEGRAM).filing
    assert filed is not None
    assert filed.title == "한빛로 12 앞 가로등이 사흘째 꺼져 있어요" and filed.place == "한빛로 12"
    assert filed.answer_by is AnswerBy.CHANNEL and filed.privacy_consent and filed.phone == ""


def test_someone_who_writes_straight_away_is_asked_only_what_is_missing() -> None:
    turn = _talk(TELEGRAM, "공원 벤치가 부서져서 앉을 수가 없습니다")
    assert turn.state["step"] == Step.PLACE and turn.state["body"].startswith("공원 벤치")


def test_kakao_answers_by_alimtalk_and_needs_a_mobile_number() -> None:
    turn = _talk(KAKAO, "민원", "불법 주차 차량이 매일 있습니다", "없음", "김영희")
    assert turn.replies[0].buttons[0].value == AnswerBy.ALIMTALK
    turn = take(turn.state, AnswerBy.ALIMTALK.value, KAKAO)
    assert turn.state["step"] == Step.PHONE and not turn.replies[0].buttons  # no skipping: 알림톡 needs it
    turn = take(turn.state, "02-123-4567", KAKAO)
    assert turn.state["step"] == Step.PHONE  # a landline cannot take 알림톡
    turn = take(turn.state, "010 9876 5432", KAKAO)
    assert turn.state["step"] == Step.CONSENT and turn.state["phone"] == "010-9876-5432"


def test_meta_asks_for_a_phone_for_answers_after_its_window_but_lets_the_citizen_skip() -> None:
    turn = _talk(META, "민원", "쓰레기가 무단 투기되어 있습니다", "한빛로 3", "이철수", "이 대화로 받기")
    assert turn.state["step"] == Step.PHONE and "24시간" in turn.replies[0].text
    assert take(turn.state, "건너뛰기", META).state["step"] == Step.CONSENT


def test_refusing_consent_files_nothing_and_starts_over() -> None:
    turn = _talk(TELEGRAM, "민원", "소음이 심합니다 밤마다요", "없음", "박민수", "답변 필요 없음", "동의하지 않음")
    assert (
        turn.filing is None and turn.state["step"] == Step.START and "접수하지 않았습니다" in turn.replies[0].text
    )


def test_status_and_cancel_work_at_any_step() -> None:
    turn = _talk(TELEGRAM, "민원", "상태 20261201-W01-0042")
    assert turn.status_query is not None and turn.status_query.receipt_no == "20261201-W01-0042"
    assert turn.state["step"] == Step.BODY  # the conversation waits where it was
    assert take(turn.state, "취소", TELEGRAM).state["step"] == Step.START
    assert take(None, "상태", TELEGRAM).status_query is not None


def test_html_is_kept_as_the_citizen_typed_it() -> None:
    turn = _talk(TELEGRAM, "민원", "<script>alert(1)</script> 도로가 파였어요")
    assert turn.state["body"] == "<script>alert(1)</script> 도로가 파였어요"


def test_a_message_without_words_is_asked_for_words_and_the_step_question_comes_again() -> None:
    start = take(None, "", TELEGRAM)
    assert start.replies[0].text.startswith(NOT_TEXT) and {b.value for b in start.replies[0].buttons} >= {"민원"}
    at_place = _talk(TELEGRAM, "민원", "한빛로 12 앞 가로등이 사흘째 꺼져 있어요")
    sticker = take(at_place.state, "", TELEGRAM)  # a sticker at "where?": not taken as "no place"
    assert sticker.state == at_place.state and len(sticker.replies) == 1
    assert sticker.replies[0].text.startswith(NOT_TEXT) and "어디에서" in sticker.replies[0].text
    assert [b.value for b in sticker.replies[0].buttons] == ["없음"]
    at_consent = _talk(
        META, "민원", "한빛로 12 앞 가로등이 사흘째 꺼져 있어요", "없음", "홍길동", "이 대화로 받기", "건너뛰기"
    )
    photo = take(at_consent.state, " ", META)
    assert photo.state["step"] == Step.CONSENT and "개인정보" in photo.replies[0].text
    assert [b.value for b in photo.replies[0].buttons] == ["동의", "동의하지 않음"]
