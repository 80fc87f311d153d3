"""The issue's "Done when", as one run: a real server process over the demo office; an agent's client (its own
store) takes a phone complaint and a counter complaint and prints the counter receipt to PDF; an officer's
client (a second store, as `--profile officer`) sees the phone case come in through the server's long-poll,
accepts it, extends it with a reason and answers it (each notice addressed in full, from the server); the
agent's client sees it answered; the supervisor signs in at the agent's desk and saves the month's summary.

The arrival at the officer's desk is waited for with a bound shorter than the long-poll's own timeout (25 s),
so it can only have come by the server waking the waiting client; the time it took is printed, and measured
against its budget in bench/sync_bench.py (tests hold no timed assertions)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from complaints_desk.domain.events import EventType
from complaints_desk.gui.app import Client
from complaints_desk.gui.case_actions_dialogs import AnswerDialog, ExtendDialog
from complaints_desk.gui.intake import IntakeForm, Mode
from complaints_desk.gui.queue_model import Column
from complaints_desk.store.cases import case_events
from complaints_desk.store.db import make_engine, make_sessionmaker, transaction
from complaints_desk.store.queue import Queue
from complaints_desk.sync.transport import WAIT_SECONDS
from tests.gui.desk_support import sign_in, sign_out
from tests.gui.test_signin import wait_bar
from tests.integration.conftest import LiveServer
from tests.integration.sync_client_support import server_session_factory

from .conftest import settle

pytestmark = pytest.mark.slow
WAIT = 30_000


def _status(client: Client, case_id: str) -> str | None:
    """The case's status in the client's own store (read here, not through the client's guarded engines)."""
    engine = make_engine(f"sqlite:///{client.store.path}", read_only=True)
    try:
        with engine.connect() as db:
            found = db.execute(text("SELECT status FROM cases WHERE id = :i"), {"i": case_id}).scalar()
    finally:
        engine.dispose()
    return None if found is None else str(found)


def _on_server(server: LiveServer, case_id: str) -> list[EventType]:
    engine, factory = server_session_factory(server.database_url)
    try:
        with transaction(factory) as session:
            return [e.type for e in case_events(session, case_id)]
    finally:
        engine.dispose()


def _fill(form: IntakeForm, qtbot: Any, department: str, *, phone: str, title: str) -> None:
    ui = form.ui
    qtbot.waitUntil(
        lambda: ui.departmentCombo.findData(department) >= 0 and form.identity() is not None, timeout=WAIT
    )
    ui.phoneEdit.setText(phone)
    ui.nameEdit.setText("홍길동")
    ui.titleEdit.setText(title)
    ui.bodyEdit.setPlainText("한빛로 12 앞 가로등이 사흘째 꺼져 있어 밤길이 위험합니다.")
    ui.placeEdit.setText("한빛로 12 앞")
    ui.departmentCombo.setCurrentIndex(ui.departmentCombo.findData(department))


def _save(form: IntakeForm, qtbot: Any) -> Any:
    before = form.last_saved
    qtbot.keyClick(form.ui.titleEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.last_saved is not None and form.last_saved is not before, timeout=WAIT)
    return form.last_saved


def _queue_receipts(client: Client) -> list[str]:
    model = client.window.model
    return [str(model.data(model.index(row, Column.RECEIPT))) for row in range(min(50, model.rowCount()))]


def _ok(dialog: Any) -> None:
    QTest.mouseClick(dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_done_when_walk_through(
    open_desk: Callable[..., Client],
    demo_server: LiveServer,
    accounts: dict[str, str],
    qtbot: Any,
    tmp_path: Path,
) -> None:
    # the agent's desk: enrolled once by the supervisor, then the demo agent signs in
    agent = open_desk("agent")
    sign_in(agent, qtbot, accounts["supervisor"])
    wait_bar(agent, qtbot, "창구 ")
    sign_out(agent, qtbot)
    sign_in(agent, qtbot, accounts["agent"])
    wait_bar(agent, qtbot, "온라인")
    # the officer's desk, a second store, waiting on the server's long-poll
    officer = open_desk("officer")
    sign_in(officer, qtbot, accounts["officer"])
    wait_bar(officer, qtbot, "온라인")
    assert officer.sync is not None and officer.sync.current is not None
    department = officer.sync.current.department_code
    assert department
    officer.window.choose_queue(Queue.DEPARTMENT)
    settle(officer, qtbot)

    # a phone complaint (F2), routed to the officer's department
    assert agent.intake is not None
    agent.window.activateWindow()  # (the officer's window opened last; keys go to the active one)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is agent.window, timeout=5000)
    qtbot.keyClick(agent.window, Qt.Key.Key_F2)
    assert agent.intake.window is not None
    form = agent.intake.window.form
    assert form.mode is Mode.PHONE
    _fill(form, qtbot, department, phone="01024681357", title="한빛로 가로등 고장")
    phone_case = _save(form, qtbot)
    saved_at = time.monotonic()
    assert form.ui.receiptNumber.text() == phone_case.receipt_no

    # it reaches the officer's queue by the server waking the officer's long-poll
    assert WAIT_SECONDS * 1000 > 20_000
    qtbot.waitUntil(lambda: phone_case.receipt_no in _queue_receipts(officer), timeout=20_000)
    print(f"\nphone intake saved → in the officer's queue: {time.monotonic() - saved_at:.3f} s")

    # a counter complaint (F3), its receipt printed (to a PDF file standing in for the printer)
    assert agent.intake.open(Mode.COUNTER).form is form and form.channel.value == "counter"
    _fill(form, qtbot, department, phone="01097531357", title="보도블록 파손")
    counter_case = _save(form, qtbot)
    qtbot.waitUntil(lambda: form.preview.document is not None, timeout=WAIT)
    paper = tmp_path / "receipt-printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(paper))
        return printer

    form.preview.choose_printer = pdf_printer  # type: ignore[method-assign]
    qtbot.keyClick(form.ui.phoneEdit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: form.preview.document is not None and form.preview.document.times_printed == 1, timeout=WAIT
    )
    assert len(PdfReader(paper).pages) >= 1 and paper.stat().st_size > 10_000
    qtbot.waitUntil(lambda: EventType.RECEIPT_PRINTED in _on_server(demo_server, counter_case.id), timeout=WAIT)
    agent.intake.window.close()

    # the officer accepts, extends with a reason and answers; each notice is addressed in full
    window, panel = officer.window, officer.window.ui.casePanel
    notices: list[Path] = []
    window.case_actions.notices.ask_save_path = lambda name: notices.append(tmp_path / name) or notices[-1]
    window.case_actions.notices.offer_open = lambda _path: None
    panel.show_case(phone_case.id)
    settle(officer, qtbot)
    assert panel.ui.petitionerValue.text() == "홍*동"  # the officer's desk holds it masked
    window.case_actions.open(EventType.ACCEPTED)
    qtbot.waitUntil(lambda: panel.data is not None and panel.data.state.status == "in_progress", timeout=WAIT)
    window.case_actions.open(EventType.EXTENDED)
    qtbot.waitUntil(lambda: isinstance(window.case_actions.dialog, ExtendDialog), timeout=WAIT)
    extend = window.case_actions.dialog
    extend.ui.reasonCombo.setCurrentIndex(extend.ui.reasonCombo.findData("fact_check"))
    _ok(extend)
    qtbot.waitUntil(lambda: len(notices) == 1 and notices[0].exists(), timeout=WAIT)
    settle(officer, qtbot)
    window.case_actions.open(EventType.ANSWERED)
    qtbot.waitUntil(lambda: isinstance(window.case_actions.dialog, AnswerDialog), timeout=WAIT)
    answer = window.case_actions.dialog
    answer.ui.resultCombo.setCurrentIndex(answer.ui.resultCombo.findData("accepted"))
    answer.ui.answerEdit.setPlainText("가로등을 교체했습니다. 불편을 드려 죄송합니다.")
    _ok(answer)
    qtbot.waitUntil(lambda: len(notices) == 2 and notices[1].exists(), timeout=WAIT)
    for made in notices:
        letter = "".join(page.extract_text() for page in PdfReader(made).pages)
        assert "홍길동 님" in letter and phone_case.receipt_no in letter
    qtbot.waitUntil(lambda: EventType.ANSWERED in _on_server(demo_server, phone_case.id), timeout=WAIT)
    on_server = _on_server(demo_server, phone_case.id)
    assert {EventType.ACCEPTED, EventType.EXTENDED, EventType.DETAILS_VIEWED} <= set(on_server)

    # the agent's desk sees it answered
    qtbot.waitUntil(lambda: _status(agent, phone_case.id) == "answered", timeout=WAIT)
    agent.window.ui.casePanel.show_case(phone_case.id)
    settle(agent, qtbot)
    assert agent.window.ui.casePanel.ui.statusValue.text() == "답변완료"

    # the supervisor signs in at the agent's desk and saves the month's summary
    sign_in(agent, qtbot, accounts["supervisor"])
    menu = agent.window.reports
    qtbot.waitUntil(lambda: menu.menu.menuAction().isVisible(), timeout=WAIT)
    summary = tmp_path / "summary.pdf"
    finished: list[Path | None] = []
    menu.ask_save_path = lambda _name, _kind: summary
    menu.offer_open = lambda _path: None
    menu.finished = finished.append
    menu.action.trigger()
    qtbot.waitUntil(lambda: menu.dialog is not None and menu.dialog.isVisible(), timeout=WAIT)
    assert menu.dialog is not None and menu.dialog.ui.firstDateEdit.date().day() == 1  # this month, so far
    menu.dialog.accept()
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert finished == [summary]
    report = "".join(page.extract_text() for page in PdfReader(summary).pages)
    assert "민원 처리 현황 요약" in report
    engine = make_engine(f"sqlite:///{agent.store.path}", read_only=True)
    try:
        with make_sessionmaker(engine)() as session:
            mine = session.execute(
                text("SELECT count(*) FROM cases WHERE id IN (:a, :b)"), {"a": phone_case.id, "b": counter_case.id}
            ).scalar_one()
    finally:
        engine.dispose()
    assert mine == 2
    for desk in (agent, officer):
        settle(desk, qtbot)  # (what the last syncs started, finished before the desks close)
