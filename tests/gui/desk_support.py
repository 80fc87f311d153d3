"""A desk that signs in and syncs, for the sign-in and status bar tests: a REAL server process over the demo
office (`complaints-desk start --no-serve` builds its store once per session; each test gets a copy) and the
client (gui/app.start with a server) over a fresh local store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from complaints_desk.commands.start import DEMO_PASSWORD
from complaints_desk.domain.channels import Channel
from complaints_desk.domain.kinds import Kind
from complaints_desk.gui.app import Client
from complaints_desk.gui.signin import SignInDialog
from complaints_desk.store.intake import Intake
from complaints_desk.store.local import outbox


def sign_in(client: Client, qtbot: Any, username: str, password: str = DEMO_PASSWORD) -> SignInDialog:
    """Type into the sign-in screen and press Enter, as a clerk would; wait for the answer."""
    assert client.signin is not None
    dialog = client.signin.ask()
    qtbot.waitExposed(dialog)
    dialog.ui.usernameEdit.clear()
    qtbot.keyClicks(dialog.ui.usernameEdit, username)
    qtbot.keyClicks(dialog.ui.passwordEdit, password)
    qtbot.keyClick(dialog.ui.passwordEdit, "\r")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    return dialog


def sign_out(client: Client, qtbot: Any) -> None:
    assert client.signin is not None and client.sync is not None
    with qtbot.waitSignal(client.sync.signedOut, timeout=30_000):
        client.signin.sign_out_action.trigger()


def take_intake(client: Client, qtbot: Any, *, title: str = "가로등 고장 신고", days_ahead: int = 0) -> str:
    """What the intake form does: one write through the writer, as the signed-in person."""
    assert client.sync is not None
    person = client.sync.current
    assert person is not None and person.station_code is not None
    when = datetime.now(UTC) + timedelta(days=days_ahead)
    done: list[str] = []

    def write(session: Any) -> str:
        state = outbox.record_local_intake(
            session,
            Intake(
                Kind.GRIEVANCE,
                Channel.COUNTER,
                title,
                "한빛로 12 앞 가로등이 꺼져 있습니다.",
                "홍길동",
                "010-1234-5678",
            ),
            actor=person.actor,
            station_code=person.station_code or "",
            offline=person.offline_numbering,
            now=when,
        )
        return state.id

    client.tasks.write(write, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    return done[0]


def bar_text(client: Client) -> str:
    assert client.signin is not None
    bar = client.signin.bar
    parts = [bar.person.text(), bar.connection.text(), bar.pending.text(), bar.last_sync.text()]
    if bar.rejected.isVisible():
        parts.append(bar.rejected.text())
    return " | ".join(parts)
