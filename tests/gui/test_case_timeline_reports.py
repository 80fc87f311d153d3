"""The case's timeline tells the answer's delivery from the receipt number's: a receipt texted to a web filer
that the provider refused is named as such, and the answer's delivery line (the case panel's red warning)
is about the answer alone."""

from __future__ import annotations

from datetime import UTC, datetime

from complaints_desk.domain.events import EventType
from complaints_desk.domain.roles import Role
from complaints_desk.gui.case_timeline import describe, head
from complaints_desk.gui.language import Language, Languages, current
from complaints_desk.store.case_view import TimelineEntry, is_answer_report

AT = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)


def _report(kind: EventType, **payload: object) -> TimelineEntry:
    return TimelineEntry("e1", kind, AT, None, Role.SYSTEM, None, "", False, dict(payload))


def test_a_refused_receipt_text_is_named_as_the_receipts_and_not_as_the_answers(qapp: object) -> None:
    receipt = _report(EventType.REPLY_FAILED, platform="sms", attempts=1, purpose="receipt", error="SOLAPI 1035")
    answer = _report(EventType.REPLY_FAILED, platform="sms", attempts=6, error="SOLAPI 500")
    before, languages = current(), Languages()
    try:
        languages.use(Language.KOREAN)  # what a Korean desktop shows
        assert head(receipt) == "접수번호 안내 문자를 민원인에게 보내지 못함"
        assert head(answer) == "답변 전달 실패"
        languages.use(Language.ENGLISH)
        assert head(receipt) == "The receipt number could not be texted to the citizen"
        assert head(answer) == "Answer could not be delivered"
    finally:
        languages.use(before)
    assert "SOLAPI 1035" in describe(receipt)
    assert not is_answer_report(receipt) and is_answer_report(answer)
    assert is_answer_report(_report(EventType.REPLY_SENT, platform="telegram", attempts=1))
