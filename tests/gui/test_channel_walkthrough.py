"""The online channels' "Done when", through the desktop: a citizen files on KakaoTalk (skill requests in Open
Builder's format to a real server configured with --channels) and gets the receipt number in the chatbot's
answer; the agent's desk sees the case in its to-register queue and routes it; the officer's desk accepts
and answers it in the answer dialog; the answer goes out as the approved 알림톡 through the SMS provider (a
local fake that checks the signature and the template), and the desk shows it delivered on the case."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.exceptions import TimeoutError

from complaints_desk.domain.events import EventType
from complaints_desk.gui.app import Client
from complaints_desk.gui.case_actions_dialogs import AnswerDialog, RouteDialog
from complaints_desk.gui.queue_model import Column
from complaints_desk.store.queue import Queue
from tests.gui.desk_support import bar_text, sign_in, sign_out
from tests.gui.test_signin import wait_bar
from tests.integration.channel_fakes_km import (
    GraphFake,
    KakaoSkillClient,
    SmtpFake,
    SolapiFake,
    skill_texts,
)
from tests.integration.channel_stack_km import (
    KAKAO_SECRET,
    META_APP_SECRET,
    PAGE_TOKEN,
    PF_ID,
    SENDER_NUMBER,
    SOLAPI_KEY,
    SOLAPI_SECRET,
    TEMPLATE,
    TEMPLATE_ID,
    channel_settings,
)
from tests.integration.conftest import LiveServer
from tests.integration.test_channel_kakao import file_by_kakao

from .conftest import settle

pytestmark = pytest.mark.slow
WAIT = 30_000
RECEIPT = re.compile(r"\d{8}-K01-\d{4,6}")


@pytest.fixture
def sms() -> Iterator[SolapiFake]:
    fake = SolapiFake(
        api_key=SOLAPI_KEY,
        api_secret=SOLAPI_SECRET,
        senders={SENDER_NUMBER},
        pf_id=PF_ID,
        templates={TEMPLATE_ID: TEMPLATE},
    )
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def demo_server(demo_office: tuple[Path, dict[str, str]], tmp_path: Path, sms: SolapiFake) -> Iterator[LiveServer]:
    """The demo office's server, with the channels configured against the local fakes (overrides conftest's)."""
    database = tmp_path / "server.sqlite3"
    shutil.copyfile(demo_office[0], database)
    graph, mail = GraphFake(page_token=PAGE_TOKEN, app_secret=META_APP_SECRET), SmtpFake()
    settings = tmp_path / "channels.json"
    settings.write_text(json.dumps(channel_settings(graph, sms, mail), ensure_ascii=False), encoding="utf-8")
    server = LiveServer(f"sqlite:///{database}", tmp_path / "server.log", extra_args=("--channels", str(settings)))
    server.start()
    yield server
    server.kill()


def _receipts(client: Client) -> list[str]:
    model = client.window.model
    return [str(model.data(model.index(row, Column.RECEIPT))) for row in range(min(50, model.rowCount()))]


def _wait_listed(client: Client, qtbot: Any, receipt_no: str, server: LiveServer) -> None:
    """Until the desk's queue lists the case; when it never does, say what the desk and the server said."""
    try:
        qtbot.waitUntil(lambda: receipt_no in _receipts(client), timeout=WAIT)
    except TimeoutError as error:
        log = server.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
        raise AssertionError(
            f"{receipt_no} never listed: the queue shows {_receipts(client)}, the status bar says "
            f"{bar_text(client)!r}; the server's log ends:\n" + "\n".join(log)
        ) from error


def _row_of(client: Client, receipt_no: str) -> int:
    return _receipts(client).index(receipt_no)


def _ok(dialog: Any) -> None:
    QTest.mouseClick(dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_kakao_filing_is_registered_answered_at_the_desk_and_the_answer_goes_back_by_alimtalk(
    open_desk: Any, demo_server: LiveServer, accounts: dict[str, str], sms: SolapiFake, qtbot: Any
) -> None:
    agent = open_desk("agent")
    sign_in(agent, qtbot, accounts["supervisor"])  # the first sign-in enrols the workstation
    wait_bar(agent, qtbot, "창구 ")
    sign_out(agent, qtbot)
    sign_in(agent, qtbot, accounts["agent"])
    wait_bar(agent, qtbot, "온라인")
    agent.window.choose_queue(Queue.TO_REGISTER)
    settle(agent, qtbot)
    officer = open_desk("officer")
    sign_in(officer, qtbot, accounts["officer"])
    wait_bar(officer, qtbot, "온라인")
    assert officer.sync is not None and officer.sync.current is not None
    department = officer.sync.current.department_code

    # the citizen, on KakaoTalk
    kakao = KakaoSkillClient(demo_server.base_url + "/webhooks/kakao", KAKAO_SECRET)
    filed = file_by_kakao(kakao, "kakao-walkthrough-1", phone="010-3456-7890")
    found = RECEIPT.search(skill_texts(filed))
    assert found is not None and "접수되었습니다" in skill_texts(filed)
    receipt_no = found.group(0)

    # the agent's to-register queue has it (the server woke the desk's long poll); the agent routes it
    _wait_listed(agent, qtbot, receipt_no, demo_server)
    agent.window.ui.queueTable.selectRow(_row_of(agent, receipt_no))
    settle(agent, qtbot)
    panel = agent.window.ui.casePanel
    assert panel.case is not None and panel.case.receipt_no == receipt_no
    assert panel.ui.replyChannelValue.text() == "카카오 알림톡"
    case_id = panel.case.id
    agent.window.case_actions.open(EventType.ROUTED)
    qtbot.waitUntil(lambda: isinstance(agent.window.case_actions.dialog, RouteDialog), timeout=WAIT)
    route = agent.window.case_actions.dialog
    route.ui.departmentCombo.setCurrentIndex(route.ui.departmentCombo.findData(department))
    _ok(route)

    # the officer accepts and answers
    officer.window.choose_queue(Queue.DEPARTMENT)
    settle(officer, qtbot)
    _wait_listed(officer, qtbot, receipt_no, demo_server)  # the desk's long poll brought it
    window, officer_panel = officer.window, officer.window.ui.casePanel
    window.case_actions.notices.ask_save_path = lambda name: None  # no notice file for this answer
    window.case_actions.notices.offer_open = lambda _path: None
    officer_panel.show_case(case_id)
    settle(officer, qtbot)
    window.case_actions.open(EventType.ACCEPTED)
    qtbot.waitUntil(
        lambda: officer_panel.data is not None and officer_panel.data.state.status == "in_progress", timeout=WAIT
    )
    window.case_actions.open(EventType.ANSWERED)
    qtbot.waitUntil(lambda: isinstance(window.case_actions.dialog, AnswerDialog), timeout=WAIT)
    answer = window.case_actions.dialog
    answer.ui.resultCombo.setCurrentIndex(answer.ui.resultCombo.findData("accepted"))
    answer.ui.answerEdit.setPlainText("보도블록을 12월 3일에 교체했습니다. 불편을 드려 죄송합니다.")
    _ok(answer)

    # the answer reaches the citizen as the approved 알림톡, and the desk says it was delivered
    qtbot.waitUntil(lambda: bool(sms.to("01034567890")), timeout=60_000)  # (the GUI keeps running meanwhile)
    [sent] = sms.to("01034567890")
    assert (sent["type"], sent["template_id"]) == ("ATA", TEMPLATE_ID)
    assert f"접수번호: {receipt_no}" in sent["text"] and "#{" not in sent["text"]

    def delivered() -> bool:
        agent.window.ui.casePanel.show_case(case_id)
        settle(agent, qtbot)
        return "답변 전달됨" in agent.window.ui.casePanel.ui.replyChannelValue.text()

    qtbot.waitUntil(delivered, timeout=WAIT)
    assert "카카오 알림톡(으)로 답변 전달됨" in agent.window.ui.casePanel.ui.replyChannelValue.text()
    for desk in (agent, officer):
        settle(desk, qtbot)
