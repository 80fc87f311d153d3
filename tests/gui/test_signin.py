"""Signing in at the desk against a real server process: the demo agent, a supervisor enrolling the
workstation, an offline unlock, the status bar following the server down and up by itself, two people on one
counter (each one's changes pushed with their own token), a rejected change and its list, closing with
unsent changes. The other file (test_signin_keyring.py) signs in through a real gnome-keyring."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox
from pytestqt.exceptions import TimeoutError

from complaints_desk.gui.app import Client
from complaints_desk.sync.engine import SyncStatus
from tests.gui.desk_support import bar_text, sign_in, sign_out, take_intake
from tests.integration.conftest import LiveServer

WAIT = 30_000


def wait_status(client: Client, qtbot: Any, status: SyncStatus) -> None:
    assert client.sync is not None
    qtbot.waitUntil(lambda: client.sync is not None and client.sync.status is status, timeout=WAIT)


def wait_bar(client: Client, qtbot: Any, text: str) -> None:
    try:
        qtbot.waitUntil(lambda: text in bar_text(client), timeout=WAIT)
    except TimeoutError as error:
        raise AssertionError(f"the status bar never said {text!r}: it says {bar_text(client)!r}") from error


def test_the_demo_agent_signs_in_against_a_live_server(
    open_desk: Callable[..., Client], accounts: dict[str, str], qtbot: Any
) -> None:
    desk = open_desk()
    dialog = sign_in(desk, qtbot, accounts["agent"], "wrong password")
    assert dialog.isVisible() and dialog.ui.passwordError.isVisible()
    assert "비밀번호" in dialog.ui.passwordError.text()
    assert dialog.ui.usernameEdit.text() == accounts["agent"]  # what was typed stays
    dialog.reject()
    sign_in(desk, qtbot, accounts["agent"])
    assert desk.sync is not None and desk.sync.current is not None
    assert desk.sync.current.username == accounts["agent"] and desk.sync.current.online
    assert desk.window.viewer.staff_id == desk.sync.current.staff_id
    assert desk.sync.current.name in desk.window.windowTitle()
    wait_status(desk, qtbot, SyncStatus.IDLE)
    wait_bar(desk, qtbot, "온라인")
    # an agent cannot enrol a new workstation: the desk says a supervisor must
    assert "단말 미등록" in bar_text(desk)
    assert "팀장/센터장" in desk.window.statusBar().currentMessage()


def test_a_supervisors_first_sign_in_enrols_the_workstation_and_shows_its_code(
    open_desk: Callable[..., Client], accounts: dict[str, str], qtbot: Any
) -> None:
    desk = open_desk()
    sign_in(desk, qtbot, accounts["supervisor"])
    assert desk.sync is not None and desk.sync.current is not None
    code = desk.sync.current.station_code
    assert code and len(code) == 3
    assert f"창구 {code}" in bar_text(desk)
    assert code in desk.window.statusBar().currentMessage() and "등록" in desk.window.statusBar().currentMessage()
    sign_out(desk, qtbot)
    sign_in(desk, qtbot, accounts["clerk"])  # anyone may sign in on an enrolled workstation
    assert desk.sync.current is not None and desk.sync.current.station_code == code
    assert desk.sync.current.counter_confirmed


def test_someone_who_signed_in_here_before_unlocks_offline_after_the_server_is_stopped(
    open_desk: Callable[..., Client], demo_server: LiveServer, accounts: dict[str, str], qtbot: Any
) -> None:
    desk = open_desk()
    sign_in(desk, qtbot, accounts["supervisor"])
    sign_out(desk, qtbot)
    demo_server.kill()
    dialog = sign_in(desk, qtbot, accounts["clerk"])
    assert dialog.isVisible() and "오프라인" in dialog.ui.usernameError.text()  # never signed in here
    dialog.reject()
    sign_in(desk, qtbot, accounts["supervisor"])
    assert desk.sync is not None and desk.sync.current is not None and not desk.sync.current.online
    assert "오프라인으로 잠금 해제" in bar_text(desk)
    wait_bar(desk, qtbot, "오프라인")


def test_the_status_bar_goes_offline_and_back_online_by_itself_and_counts_waiting_changes(
    open_desk: Callable[..., Client], demo_server: LiveServer, accounts: dict[str, str], qtbot: Any
) -> None:
    desk = open_desk()
    sign_in(desk, qtbot, accounts["supervisor"])
    wait_bar(desk, qtbot, "온라인")
    wait_bar(desk, qtbot, "마지막 동기화")
    demo_server.kill()
    wait_bar(desk, qtbot, "오프라인")
    take_intake(desk, qtbot)
    take_intake(desk, qtbot, title="보도블록 파손")
    wait_bar(desk, qtbot, "보낼 변경 2건")
    demo_server.start()
    wait_bar(desk, qtbot, "온라인")
    wait_bar(desk, qtbot, "보낼 변경 없음")


def _pushed_by(server: LiveServer) -> dict[str, str]:
    """case title → who pushed its events, from the server's own store."""
    path = server.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT cases.title, staff.username FROM events JOIN cases ON cases.id = events.case_id "
            "JOIN staff ON staff.id = events.pushed_by"
        ).fetchall()
    return {title: username for title, username in rows}


def test_two_people_on_one_counter_each_ones_changes_go_with_their_own_token(
    open_desk: Callable[..., Client], demo_server: LiveServer, accounts: dict[str, str], qtbot: Any
) -> None:
    a, b = accounts["agent"], accounts["clerk"]
    desk = open_desk()
    sign_in(desk, qtbot, accounts["supervisor"])
    sign_out(desk, qtbot)
    sign_in(desk, qtbot, a)  # A has signed in here before: may unlock offline
    sign_out(desk, qtbot)
    demo_server.kill()
    sign_in(desk, qtbot, a)
    assert desk.sync is not None and desk.sync.current is not None and not desk.sync.current.online
    a_name = desk.sync.current.name
    take_intake(desk, qtbot, title="A의 민원")
    sign_out(desk, qtbot)  # offline, with A's changes waiting and no token of A's to send them with
    demo_server.start()
    sign_in(desk, qtbot, b)
    take_intake(desk, qtbot, title="B의 민원")
    wait_bar(desk, qtbot, f"{a_name}님 1건")  # A's wait, labelled as A's …
    qtbot.waitUntil(lambda: "B의 민원" in _pushed_by(demo_server), timeout=WAIT)  # … and hold up nobody else's
    assert _pushed_by(demo_server)["B의 민원"] == b
    assert "A의 민원" not in _pushed_by(demo_server)
    sign_out(desk, qtbot)
    sign_in(desk, qtbot, a)
    qtbot.waitUntil(lambda: "A의 민원" in _pushed_by(demo_server), timeout=WAIT)
    assert _pushed_by(demo_server)["A의 민원"] == a
    wait_bar(desk, qtbot, "보낼 변경 없음")


def test_someone_who_signs_out_offline_keeps_their_token_until_their_changes_are_in(
    open_desk: Callable[..., Client], demo_server: LiveServer, accounts: dict[str, str], qtbot: Any
) -> None:
    a, b = accounts["supervisor"], accounts["clerk"]
    desk = open_desk()
    sign_in(desk, qtbot, a)
    wait_bar(desk, qtbot, "온라인")
    demo_server.kill()
    wait_bar(desk, qtbot, "오프라인")
    take_intake(desk, qtbot, title="A가 남긴 민원")
    sign_out(desk, qtbot)
    assert "남은 변경 1건" in desk.window.statusBar().currentMessage()  # kept, and sent with A's own token
    demo_server.start()
    sign_in(desk, qtbot, b)
    qtbot.waitUntil(lambda: "A가 남긴 민원" in _pushed_by(demo_server), timeout=WAIT)
    assert _pushed_by(demo_server)["A가 남긴 민원"] == a  # with A's own token, while B is signed in
    import keyring

    assert desk.sync is not None
    qtbot.waitUntil(
        lambda: keyring.get_password("complaints-desk", f"{demo_server.base_url}#{a}") is None, timeout=WAIT
    )  # then revoked and forgotten


def test_a_rejected_change_shows_in_the_status_bar_and_opens_the_list(
    open_desk: Callable[..., Client], accounts: dict[str, str], qtbot: Any
) -> None:
    desk = open_desk()
    sign_in(desk, qtbot, accounts["supervisor"])
    case_id = take_intake(desk, qtbot, title="시계가 틀린 접수", days_ahead=3)  # the server refuses the time
    wait_bar(desk, qtbot, "거부된 변경")
    assert desk.signin is not None
    opened: list[str] = []
    desk.signin.bar.openCase.connect(opened.append)
    qtbot.mouseClick(desk.signin.bar.rejected, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    dialog = desk.signin.bar._dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=WAIT)
    reasons = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert any("서버" in reason or "시계" in reason or "분" in reason for reason in reasons), reasons
    dialog.open_button.click()
    assert opened == [case_id]


def test_closing_with_unsent_changes_says_how_many_and_keeps_them(
    open_desk: Callable[..., Client], demo_server: LiveServer, accounts: dict[str, str], qtbot: Any
) -> None:
    desk = open_desk()
    sign_in(desk, qtbot, accounts["supervisor"])
    demo_server.kill()
    wait_bar(desk, qtbot, "오프라인")
    take_intake(desk, qtbot)
    take_intake(desk, qtbot, title="보도블록 파손")
    wait_bar(desk, qtbot, "보낼 변경 2건")
    desk.window.close()
    assert desk.signin is not None
    box = desk.signin.guard.box
    assert box is not None and box.isVisible() and desk.window.isVisible()
    assert "2건" in box.text() and "다음" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert desk.window.isVisible()
