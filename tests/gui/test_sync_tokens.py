"""The status bar when the server refuses the signed-in person's own token (expired, revoked): it asks for a
sign-in and says whose changes wait for it; signing in again sends them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from complaints_desk.gui.app import Client
from tests.gui.desk_support import sign_in, take_intake
from tests.gui.test_signin import wait_bar

from .conftest import settle


def test_a_refused_token_of_ones_own_is_a_state_naming_whose_changes_wait(
    open_desk: Callable[..., Client], accounts: dict[str, str], qtbot: Any
) -> None:
    desk = open_desk()
    sign_in(desk, qtbot, accounts["supervisor"])
    wait_bar(desk, qtbot, "온라인")
    assert desk.sync is not None and desk.sync.current is not None
    name = desk.sync.current.name
    desk.sync.transport.revoke(desk.sync.credentials.token() or "")  # as an expired or revoked token
    take_intake(desk, qtbot, title="토큰이 폐기된 뒤의 접수")
    wait_bar(desk, qtbot, "동기화하려면 다시 로그인하세요")
    wait_bar(desk, qtbot, f"보낼 변경 1건 ({name}님 1건은 다시 로그인한 뒤에)")
    sign_in(desk, qtbot, accounts["supervisor"])
    wait_bar(desk, qtbot, "보낼 변경 없음")
    settle(desk, qtbot)  # (what the last sync started, finished before the desk closes)
