"""A failed delivery of an answer is visible on the case: the reply line says so in red, names the sender and
tells the officer to contact the citizen; the timeline has the report; a later success replaces it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.roles import Role
from complaints_desk.gui.app import Client
from complaints_desk.store.cases import load_case, record_event
from complaints_desk.store.models import CaseRow

from .conftest import settle


def _report(case_id: str, kind: EventType, minutes: int, **payload: Any) -> Any:
    def write(session: Session) -> None:
        state = load_case(session, case_id)
        assert state is not None
        at = datetime.now(UTC) + timedelta(minutes=minutes)
        record_event(
            session,
            Event(new_id(), case_id, kind, at, None, Role.SYSTEM, base_version=state.version, payload=payload),
        )

    return write


def test_a_failed_answer_delivery_is_on_the_case_until_one_goes_through(client: Client, qtbot: Any) -> None:
    found: list[str] = []
    client.tasks.read(lambda s: s.execute(select(CaseRow.id).limit(1)).scalar_one(), found.append)
    qtbot.waitUntil(lambda: bool(found))
    case_id = found[0]
    done: list[object] = []
    client.tasks.write(
        _report(case_id, EventType.REPLY_FAILED, 1, platform="telegram", attempts=6, error="HTTP 503"), done.append
    )
    qtbot.waitUntil(lambda: bool(done))
    panel = client.window.ui.casePanel
    panel.show_case(case_id)
    settle(client, qtbot)
    line = panel.ui.replyChannelValue
    assert "텔레그램(으)로 답변 전달 실패, 6회 시도" in line.text() and "민원인에게 직접 연락하세요" in line.text()
    assert "#b00020" in line.styleSheet()
    last = panel.ui.timeline.topLevelItem(panel.ui.timeline.topLevelItemCount() - 1)
    assert last is not None and last.text(1).startswith("답변 전달 실패") and "HTTP 503" in last.text(1)

    client.tasks.write(_report(case_id, EventType.REPLY_SENT, 2, platform="sms", attempts=1), done.append)
    qtbot.waitUntil(lambda: len(done) == 2)
    panel.show_case(case_id)
    settle(client, qtbot)
    assert "문자(SMS)(으)로 답변 전달됨" in line.text() and line.styleSheet() == ""
