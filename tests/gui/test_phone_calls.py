"""The phone calls panel: each reported call with the caller's earlier cases from the local store, a missed
call in red, and a call's number taken to the phone intake."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt

from complaints_desk.domain.cti import CallState
from complaints_desk.gui.app import Client
from complaints_desk.gui.phone_calls import PhoneCallsPanel
from complaints_desk.store.intake_support import busiest_caller
from complaints_desk.sync.cti import PhoneCall

from .conftest import settle


def _call(call_id: str, caller: str, state: CallState, minutes: int, changed: int = 0) -> PhoneCall:
    at = datetime(2026, 12, 1, 1, 0, tzinfo=UTC) + timedelta(minutes=minutes)
    return PhoneCall(call_id, "in", caller, state, at, None, at + timedelta(minutes=changed))


def test_calls_show_the_callers_history_and_a_missed_call_stands_out(client: Client, qtbot: Any) -> None:
    found: list[str | None] = []
    client.tasks.read(busiest_caller, found.append)
    qtbot.waitUntil(lambda: bool(found))
    repeat_caller = found[0]
    assert repeat_caller is not None
    panel = PhoneCallsPanel(client.tasks)
    qtbot.addWidget(panel)
    panel.add_calls(
        [_call("a", repeat_caller, CallState.RINGING, 0), _call("b", "anonymous", CallState.MISSED, 1)]
    )
    settle(client, qtbot)
    table = panel.ui.callsTable
    assert table.rowCount() == 2
    newest, older = ([table.item(row, column).text() for column in range(4)] for row in range(2))
    assert newest[1] == "발신번호 표시 제한" and newest[2] == "부재중"
    assert table.item(0, 0).foreground().color().name() == "#b00020"
    assert older[1] == repeat_caller and older[2] == "수신 중"
    assert "건, 최근 " in older[3]  # "3건, 최근 20261122-C03-0042 가로등 …"
    panel.add_calls([_call("a", repeat_caller, CallState.ANSWERED, 0, changed=2)])
    assert table.rowCount() == 2 and table.item(1, 2).text() == "통화 중"
    with qtbot.waitSignal(panel.takeCall) as taken:
        table.cellDoubleClicked.emit(1, 0)
    assert taken.args == [repeat_caller]
    table.cellDoubleClicked.emit(0, 0)  # a withheld number opens nothing
    assert table.item(0, 1).data(Qt.ItemDataRole.UserRole) == "anonymous"
