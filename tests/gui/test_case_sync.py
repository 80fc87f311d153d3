"""The case panel against a real server process: "show in full" asks the server (which records the officer's
view as details_viewed, the desk none of its own) and is disabled offline; a change the server refused shows
on the case with the server's reason and what it has now, and is redone as a new event against the server's
version, or discarded (acknowledged, kept in the desk's history)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QLabel, QPushButton

from complaints_desk.domain.events import EventType
from complaints_desk.gui.app import Client
from complaints_desk.gui.case_actions_dialogs import ClockStopDialog, ExtendDialog
from complaints_desk.gui.case_details import TransportDetails
from complaints_desk.store.cases import case_events
from complaints_desk.store.db import transaction
from complaints_desk.store.local import outbox
from tests.integration.conftest import DEPARTMENT, LiveServer, live_server_factory, make_team
from tests.integration.sync_client_support import (
    DeskClient,
    extended_behind_the_officers_back,
    make_client,
    server_session_factory,
)

from .conftest import GuiThreadGuard, open_client, settle

__all__ = ["live_server_factory"]  # the fixture, from the integration tests


def _desks(tmp_path: Path, server: LiveServer, *names: str) -> list[DeskClient]:
    return [make_client(tmp_path, name, server.base_url) for name in names]


def _show(client: Client, qtbot: Any, case_id: str) -> None:
    client.window.ui.casePanel.show_case(case_id)
    settle(client, qtbot)


def _ok(dialog: Any) -> None:
    QTest.mouseClick(dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _dialog(client: Client, qtbot: Any, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(client.window.case_actions.dialog, kind), timeout=10_000)
    return client.window.case_actions.dialog


def test_show_in_full_asks_the_server_which_records_the_view(
    live_server_factory: Callable[..., LiveServer], tmp_path: Path, guard: GuiThreadGuard, qtbot: Any
) -> None:
    server = live_server_factory()
    make_team(server)
    counter, desk = _desks(tmp_path, server, "counter", "desk")
    client = None
    try:
        counter.login("clerk")
        desk.login("officer")
        case_id = counter.intake(department=DEPARTMENT)
        counter.sync.run_once()
        desk.sync.run_once()
        client = open_client(tmp_path / "desk.sqlite3", guard, qtbot, user="officer")
        panel = client.window.ui.casePanel
        button = panel.ui.detailsButton
        panel.attach_details(TransportDetails(desk.transport, online=lambda: False))
        _show(client, qtbot, case_id)
        assert panel.ui.petitionerValue.text() == "홍*동"  # the officer's desk holds it masked
        assert button.isVisible() and not button.isEnabled()
        assert "서버에 연결" in button.toolTip()
        assert button.text() == "원문 보기(&F)"

        panel.attach_details(TransportDetails(desk.transport))
        assert button.isEnabled()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.ui.petitionerValue.text() == "홍길동", timeout=20_000)
        assert panel.ui.phoneValue.text() == "010-1234-5678"
        assert not button.isVisible()
        engine, factory = server_session_factory(server.database_url)
        try:
            with transaction(factory) as session:
                viewed = [e for e in case_events(session, case_id) if e.type is EventType.DETAILS_VIEWED]
        finally:
            engine.dispose()
        assert len(viewed) == 1 and viewed[0].actor_role == "officer"
        with transaction(desk.factory) as session:  # the desk recorded nothing of its own
            assert outbox.pending_count(session) == 0
        # another case: masked again until asked
        other = counter.intake(department=DEPARTMENT, title="보도블록 파손")
        counter.sync.run_once()
        desk.sync.run_once()
        _show(client, qtbot, other)
        assert "*" in panel.ui.petitionerValue.text()
    finally:
        if client is not None:
            client.close()
        for each in (counter, desk):
            each.close()
    assert guard.offences == []


def _rejection(client: Client) -> QFrame:
    boxes = [
        w
        for w in client.window.ui.casePanel.ui.rejectionsGroup.findChildren(QFrame)
        if w.objectName().startswith("rejection_")
    ]
    assert len(boxes) == 1, [b.objectName() for b in boxes]
    return boxes[0]


def test_a_refused_change_is_shown_then_redone_against_the_servers_case_or_discarded(
    live_server_factory: Callable[..., LiveServer], tmp_path: Path, guard: GuiThreadGuard, qtbot: Any
) -> None:
    server = live_server_factory()
    make_team(server)
    counter, desk, boss = _desks(tmp_path, server, "counter", "desk", "boss")
    client = None
    try:
        case_id = extended_behind_the_officers_back(counter, desk, boss, DEPARTMENT)

        # the officer extends too, not having seen the supervisor's: the server refuses (a second needs consent)
        client = open_client(tmp_path / "desk.sqlite3", guard, qtbot, user="officer")
        window, panel = client.window, client.window.ui.casePanel
        notices: list[Path] = []
        window.case_actions.notices.ask_save_path = lambda name: notices.append(tmp_path / name) or notices[-1]
        window.case_actions.notices.offer_open = lambda _path: None
        panel.attach_details(TransportDetails(desk.transport))  # the notices ask the server for the petitioner
        _show(client, qtbot, case_id)
        window.case_actions.open(EventType.EXTENDED)
        extend = _dialog(client, qtbot, ExtendDialog)
        assert not extend.ui.consentCheck.isEnabled()  # the first extension, as this desk sees it
        extend.ui.reasonCombo.setCurrentIndex(extend.ui.reasonCombo.findData("fact_check"))
        _ok(extend)
        settle(client, qtbot)
        qtbot.waitUntil(lambda: bool(notices) and notices[0].exists(), timeout=20_000)  # saved before the refusal
        settle(client, qtbot)
        with transaction(desk.factory) as session:
            [first] = outbox.pending_batch(session, 10)
        report = desk.sync.run_once()
        assert report.push.rejected == 1
        window.refresh()
        settle(client, qtbot)
        box = _rejection(client)
        reason = box.findChild(QLabel, "rejectionReason").text()
        assert "처리기간 연장" in reason and "동의" in reason
        with transaction(desk.factory) as session:
            [refused] = outbox.rejected_events(session)
        server_version = refused.server_case["version"] if refused.server_case else None
        assert f"버전 {server_version}" in box.findChild(QLabel, "rejectionServerCase").text()

        # redo: the same dialog, filled in; now the second extension, with the petitioner's consent
        QTest.mouseClick(box.findChild(QPushButton, "redoButton"), Qt.MouseButton.LeftButton)
        redo = _dialog(client, qtbot, ExtendDialog)
        assert redo.ui.reasonCombo.currentData() == "fact_check" and redo.ui.consentCheck.isEnabled()
        _ok(redo)
        settle(client, qtbot)
        assert redo.isVisible() and "동의" in redo.error_text("consent")  # the lifecycle says why, there
        redo.ui.consentCheck.setChecked(True)
        _ok(redo)
        settle(client, qtbot)
        assert window.case_actions.dialog is None
        with transaction(desk.factory) as session:
            [again] = outbox.pending_batch(session, 10)
            assert outbox.rejected_events(session) == []
            [kept] = outbox.rejected_events(session, include_acknowledged=True)
        assert again.event.id != first.event.id and kept.event.id == first.event.id and kept.acknowledged_at
        assert again.event.base_version == server_version
        assert again.event.payload["consent"] is True and again.event.payload["reason_code"] == "fact_check"
        # the officer's desk holds the petitioner masked: its notices are addressed in full, from the server,
        # which recorded each view
        qtbot.waitUntil(lambda: len(notices) == 2 and notices[1].exists(), timeout=20_000)
        assert panel.ui.petitionerValue.text() == "홍*동"
        for made in notices:
            notice = "".join(page.extract_text() for page in PdfReader(made).pages)
            assert "홍길동 님" in notice and "홍*동" not in notice
        assert "동의" in notice
        engine, factory = server_session_factory(server.database_url)
        try:
            with transaction(factory) as session:
                viewed = [e for e in case_events(session, case_id) if e.type is EventType.DETAILS_VIEWED]
        finally:
            engine.dispose()
        assert len(viewed) == 2 and all(e.actor_role == "officer" for e in viewed)
        assert desk.sync.run_once().push.accepted == 1
        window.refresh()
        settle(client, qtbot)
        assert not panel.ui.rejectionsGroup.isVisible()

        # discard: the supervisor stops the clock first; the officer's stop is refused and set aside
        boss.sync.run_once()
        boss.change(case_id, EventType.CLOCK_STOPPED, reason="site_inspection")
        boss.sync.run_once()
        window.case_actions.open(EventType.CLOCK_STOPPED)
        stop = _dialog(client, qtbot, ClockStopDialog)
        _ok(stop)
        settle(client, qtbot)
        assert desk.sync.run_once().push.rejected == 1
        window.refresh()
        settle(client, qtbot)
        QTest.mouseClick(_rejection(client).findChild(QPushButton, "discardButton"), Qt.MouseButton.LeftButton)
        settle(client, qtbot)
        assert not panel.ui.rejectionsGroup.isVisible()
        with transaction(desk.factory) as session:
            assert outbox.rejected_events(session) == []
            kept_both = outbox.rejected_events(session, include_acknowledged=True)
        assert [r.event.type for r in kept_both] == [EventType.EXTENDED, EventType.CLOCK_STOPPED]
        assert all(r.acknowledged_at for r in kept_both)
    finally:
        if client is not None:
            client.close()
        for each in (counter, desk, boss):
            each.close()
    assert guard.offences == []
