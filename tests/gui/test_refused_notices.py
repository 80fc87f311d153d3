"""A notice is made when its change is recorded on the desk, before the server has answered. Against a real
server process that refuses the officer's extension (the supervisor extended the case first, and a second
extension needs the petitioner's consent): a notice already saved (and printed) is named on the refused change,
on the case and in the list of rejected changes, as one to withdraw, and is not printed again; a notice not
made yet is not made at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QLabel

from complaints_desk.domain.events import Event, EventType
from complaints_desk.gui.app import Client
from complaints_desk.gui.case_actions_dialogs import ExtendDialog
from complaints_desk.gui.case_details import TransportDetails
from complaints_desk.gui.sync_rejected import RejectedChangesDialog
from complaints_desk.store.db import transaction
from complaints_desk.store.local import outbox
from tests.integration.conftest import DEPARTMENT, LiveServer, live_server_factory, make_team
from tests.integration.sync_client_support import DeskClient, extended_behind_the_officers_back, make_client

from .conftest import GuiThreadGuard, open_client, settle

__all__ = ["live_server_factory"]  # the fixture, from the integration tests


@dataclass
class Office:
    client: Client
    desk: DeskClient  # the officer's desk's store and sync engine, pushed by hand
    case_id: str


@pytest.fixture
def office(
    live_server_factory: Callable[..., LiveServer], tmp_path: Path, guard: GuiThreadGuard, qtbot: Any
) -> Iterator[Office]:
    """An officer's desk showing an accepted case the supervisor has just extended, which the desk has not
    pulled yet."""
    server = live_server_factory()
    make_team(server)
    counter, desk, boss = (make_client(tmp_path, name, server.base_url) for name in ("counter", "desk", "boss"))
    client = None
    try:
        case_id = extended_behind_the_officers_back(counter, desk, boss, DEPARTMENT)
        client = open_client(tmp_path / "desk.sqlite3", guard, qtbot, user="officer")
        client.window.ui.casePanel.show_case(case_id)
        settle(client, qtbot)
        yield Office(client, desk, case_id)
    finally:
        if client is not None:
            client.close()
        for each in (counter, desk, boss):
            each.close()
    assert guard.offences == []


def extend(client: Client, qtbot: Any) -> None:
    """The officer extends the case (the first extension, as this desk sees it), asking for its notice."""
    client.window.case_actions.open(EventType.EXTENDED)
    qtbot.waitUntil(lambda: isinstance(client.window.case_actions.dialog, ExtendDialog), timeout=10_000)
    dialog = client.window.case_actions.dialog
    assert isinstance(dialog, ExtendDialog) and dialog.wants_notice
    dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData("fact_check"))
    QTest.mouseClick(dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)


def refuse(office: Office, qtbot: Any) -> None:
    assert office.desk.sync.run_once().push.rejected == 1
    office.client.window.refresh()
    settle(office.client, qtbot)


def rejection_box(client: Client) -> QFrame:
    [box] = [
        w
        for w in client.window.ui.casePanel.ui.rejectionsGroup.findChildren(QFrame)
        if w.objectName().startswith("rejection_")
    ]
    return box


def test_a_printed_notice_of_a_refused_extension_is_to_be_withdrawn_and_is_not_printed_again(
    office: Office, qtbot: Any, tmp_path: Path
) -> None:
    client = office.client
    notices = client.window.case_actions.notices
    notices.ask_save_path = lambda name: tmp_path / name
    opened: list[Path] = []
    notices.offer_open = opened.append
    client.window.ui.casePanel.attach_details(TransportDetails(office.desk.transport))  # the petitioner in full
    extend(client, qtbot)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)  # saved, and offered to print or open
    [saved] = opened
    assert saved.exists() and saved.name.endswith("-extension-notice.pdf")
    paper = tmp_path / "paper.pdf"

    def pdf_printer() -> QPrinter:  # what the print dialog hands back, as a file to look at
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(paper))
        return printer

    printed: list[int] = []
    notices.choose_printer = pdf_printer
    notices.printed = printed.append
    notices.print_file(saved)  # (the saved box's 인쇄 button)
    qtbot.waitUntil(lambda: bool(printed), timeout=60_000)
    assert printed[0] > 0 and paper.exists()

    refuse(office, qtbot)
    box = rejection_box(client)
    assert "처리기간 연장" in box.findChild(QLabel, "rejectionReason").text()
    withdraw = box.findChild(QLabel, "rejectionNotice")
    assert withdraw is not None and withdraw.isVisible()
    assert "통지서를" in withdraw.text() and "인쇄했습니다" in withdraw.text()
    assert str(saved) in withdraw.text() and "회수해야 합니다" in withdraw.text()

    listing = RejectedChangesDialog(client.tasks, client.window)
    try:
        qtbot.waitUntil(lambda: listing.table.rowCount() == 1, timeout=10_000)
        headers = [listing.table.horizontalHeaderItem(c).text() for c in range(listing.table.columnCount())]
        notice_item = listing.table.item(0, headers.index("통지서"))
        assert notice_item is not None and notice_item.text() == "인쇄함: 회수 필요"
    finally:
        listing.close()
        listing.deleteLater()

    # the saved notice is not printed again (its box may still be open on the desk)
    chosen: list[bool] = []

    def no_printer_chosen() -> None:  # (the print dialog would have been asked first)
        chosen.append(True)

    notices.choose_printer = no_printer_chosen
    printed.clear()
    notices.print_file(saved)
    qtbot.waitUntil(lambda: bool(printed), timeout=10_000)
    assert printed == [0] and chosen == []
    assert "회수해야" in client.window.statusBar().currentMessage()


def test_no_notice_is_made_for_an_extension_the_server_has_already_refused(
    office: Office, qtbot: Any, tmp_path: Path
) -> None:
    client = office.client
    notices = client.window.case_actions.notices
    asked: list[str] = []
    notices.ask_save_path = lambda name: asked.append(name) or tmp_path / name
    waiting: list[Event] = []
    notices.needs_server = lambda event, _why: waiting.append(event)
    client.window.ui.casePanel.attach_details(TransportDetails(office.desk.transport, online=lambda: False))
    extend(client, qtbot)
    qtbot.waitUntil(lambda: bool(waiting), timeout=10_000)  # the notice waits for the server (the name in full)

    refuse(office, qtbot)
    assert rejection_box(client).findChild(QLabel, "rejectionNotice") is None  # nothing to withdraw
    with transaction(office.desk.factory) as session:
        [refused] = outbox.rejected_events(session)
    assert refused.event.id == waiting[0].id and refused.notice is None

    # 다시 시도, now that the server answers: the change is refused, so no notice is offered
    client.window.ui.casePanel.attach_details(TransportDetails(office.desk.transport))
    notices.make(waiting[0])
    qtbot.waitUntil(lambda: "거부" in client.window.statusBar().currentMessage(), timeout=10_000)
    settle(client, qtbot)
    assert client.window.statusBar().currentMessage() == "서버가 이 변경을 거부했으므로 통지서를 만들지 않습니다."
    assert asked == [] and not any(tmp_path.glob("*-extension-notice.pdf"))
