"""Pictures of the client's main screens over a demo store, to look at (and to show):

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m complaints_desk.gui.screenshots DIR [--cases 3000]

DIR gets one PNG per queue (queue-mine.png …), a search, a selected case, the same in English, the sign-in
screen (signin.png, signin-error.png, signin-english.png) and the sync's status bar in its states
(status-online.png, status-offline.png, status-syncing.png, rejected.png), both intake modes, the call-log box,
the case actions' dialogs (dialog-extended.png, dialog-answered.png, dialog-transferred.png …) and the
reports dialog, and the window
on the same monitor (--size, 1920x1080 by default) at 125 %, 150 % and 200 % scaling (each a fresh process
with QT_SCALE_FACTOR). The demo store is built once in
DIR/store (delete it to start over). Without a display it falls back to the offscreen platform, which draws
the same widgets.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ..store.queue import Queue
from .app import Client, application, start
from .language import Language
from .main_window import QUEUES
from .queue_delegate import QueueDelegate

USER = "road1"  # an officer of 도로관리과 in the demo office
SEARCH = "주차"
SCALES = ("1.25", "1.5", "2")


def settle(client: Client, ms: int = 10_000) -> None:
    """Let the reader pool and the writer finish what the last step started (with a time limit)."""
    for _ in range(3):  # a result often starts another read (a window after the count): wait for those too
        loop = QEventLoop()
        client.tasks.idle.connect(loop.quit)
        QTimer.singleShot(ms, loop.quit)
        if client.tasks.busy:
            loop.exec()
        client.tasks.idle.disconnect(loop.quit)
        QApplication.processEvents()
    _wait_for_the_queues_texts(client)


def _wait_for_the_queues_texts(client: Client, seconds: float = 5.0) -> None:
    """Until every row the queue shows is painted with its own text: the table lays fresh texts out over a few
    turns of the event loop (gui.queue_delegate), and a picture taken between them shows blank cells."""
    table = client.window.ui.queueTable
    painter = table.itemDelegate()
    if not table.isVisible() or not isinstance(painter, QueueDelegate):
        return
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        last = table.model().rowCount() - 1 if last < 0 else last
        if first < 0 or all(painter.shows_text(row) for row in range(first, last + 1)):
            return
        table.viewport().repaint()  # (a paint event now: it lays out the next share of the texts)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def shoot(client: Client, path: Path) -> None:
    settle(client)
    client.window.grab().save(str(path))
    print(path)


def shoot_intake(client: Client, out: Path) -> None:
    """The phone intake as an agent fills it (a repeat caller: their earlier cases listed, the department
    suggested), and the counter intake beside it."""
    from ..store.intake_support import busiest_caller
    from .intake import Mode

    assert client.intake is not None
    found: list[str | None] = []
    client.tasks.read(busiest_caller, found.append)
    settle(client)
    intake = client.intake.open(Mode.PHONE)
    form = intake.form
    form.ui.phoneEdit.setText((found[0] if found else None) or "010-2345-6789")
    form.ui.nameEdit.setText("홍길동")
    form.ui.titleEdit.setText("새싹초등학교 앞 불법 주차 단속 요청")
    form.ui.bodyEdit.setPlainText(
        "등하교 시간마다 통학로에 차량이 주차되어 아이들이 차도로 다닙니다. 단속을 부탁드립니다."
    )
    form.ui.placeEdit.setText("한빛구 새싹로 12 새싹초등학교 정문 앞")
    pause = QEventLoop()
    QTimer.singleShot(800, pause.quit)  # past the form's pause-in-typing timers, which start the lookups
    pause.exec()
    settle(client)
    intake.grab().save(str(out / "intake-phone.png"))
    intake.open(Mode.COUNTER)
    settle(client)
    intake.grab().save(str(out / "intake-counter.png"))
    intake.close()


def call_log_shots(client: Client, out: Path) -> None:
    """The call-log box (on the phone intake form): before a warning, then after the first."""
    from ..domain.ids import new_id
    from .call_log import CallLogBox

    box = CallLogBox()
    box.attach(client.tasks)
    box.set_agent(new_id())  # a throw-away record in the screenshot store: no staff row is needed
    box.start_call("010-2222-3333")
    box.resize(560, box.sizeHint().height())
    box.show()
    shoot_widget(client, box, out / "call-log.png")
    box.record_warning()
    shoot_widget(client, box, out / "call-log-warned.png")
    client.window.set_language(Language.ENGLISH)
    shoot_widget(client, box, out / "call-log-english.png")
    client.window.set_language(Language.KOREAN)
    box.close()


def shoot_widget(client: Client, widget: QWidget, path: Path) -> None:
    settle(client)
    widget.grab().save(str(path))
    print(path)


def select_case_in_progress(client: Client) -> None:
    """A case of the officer's department in progress, with some history: it has the most actions."""
    window = client.window
    window.choose_queue(Queue.DEPARTMENT)
    settle(client)
    for row in range(min(60, window.model.rowCount())):
        window.ui.queueTable.selectRow(row)
        settle(client)
        data = window.ui.casePanel.data
        if data is not None and data.state.status == "in_progress" and len(data.view.timeline) > 3:
            return


def shoot_dialogs(client: Client, out: Path) -> None:
    """The dialogs of the selected case's actions, each as it opens (then closed again, nothing recorded)."""
    from ..domain.events import EventType

    actions = client.window.case_actions
    for event_type in (EventType.EXTENDED, EventType.ANSWERED, EventType.TRANSFERRED, EventType.CLOCK_STOPPED):
        actions.open(event_type)
        settle(client)
        dialog = actions.dialog
        if dialog is None:
            print(f"(no {event_type} dialog for this case)")
            continue
        QApplication.processEvents()
        dialog.grab().save(str(out / f"dialog-{event_type}.png"))
        print(out / f"dialog-{event_type}.png")
        dialog.reject()
        settle(client)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--only-scaled", help=argparse.SUPPRESS)  # the child process of one scale
    parser.add_argument("--only-signin", action="store_true", help="only the sign-in screen and the status bar")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(n) for n in args.size.split("x"))
    if args.only_scaled:  # the same monitor at a higher scaling: fewer logical pixels
        width, height = round(width / float(args.only_scaled)), round(height / float(args.only_scaled))
    (args.out / "store").mkdir(exist_ok=True)
    if args.only_signin:
        application()
        shoot_sign_in(args.out, width, height)
        return 0
    client = start(args.out / "store" / "client.sqlite3", username=USER, demo_cases=args.cases)
    window = client.window
    window.resize(width, height)
    window.show()
    settle(client, 120_000)  # the first run builds the demo store
    if args.only_scaled:
        shoot(client, args.out / f"scale-{args.only_scaled.replace('.', '_')}.png")
        select_case_in_progress(client)
        shoot(client, args.out / f"scale-{args.only_scaled.replace('.', '_')}-case.png")
        client.close()
        return 0
    for queue in QUEUES:
        window.choose_queue(queue)
        shoot(client, args.out / f"queue-{queue.value}.png")
    window.choose_queue(Queue.ALL)
    window.ui.searchEdit.setText(SEARCH)
    window.ui.searchEdit.returnPressed.emit()
    shoot(client, args.out / "search.png")
    window.ui.searchEdit.clear()
    window.ui.searchEdit.returnPressed.emit()
    window.choose_queue(Queue.DEPARTMENT)
    settle(client)
    window.ui.queueTable.selectRow(2)
    shoot(client, args.out / "case.png")
    window.set_language(Language.ENGLISH)
    shoot(client, args.out / "case-english.png")
    window.choose_queue(Queue.OVERDUE)
    shoot(client, args.out / "queue-overdue-english.png")
    window.set_language(Language.KOREAN)
    settle(client)
    shoot_intake(client, args.out)
    select_case_in_progress(client)
    shoot(client, args.out / "case-in-progress.png")
    shoot_dialogs(client, args.out)
    from ..domain.roles import Actor, Role
    from .reports_dialog import ReportsDialog

    reports = ReportsDialog(Actor(None, Role.SUPERVISOR), [], window)
    reports.show()
    settle(client)
    reports.grab().save(str(args.out / "dialog-reports.png"))
    reports.close()

    call_log_shots(client, args.out)
    client.close()
    shoot_sign_in(args.out, width, height)
    for scale in SCALES:
        environment = {**os.environ, "QT_SCALE_FACTOR": scale}
        command = [sys.executable, "-m", "complaints_desk.gui.screenshots", str(args.out), "--size", args.size]
        subprocess.run([*command, "--only-scaled", scale], env=environment, check=True)
    return 0


def shoot_sign_in(out: Path, width: int, height: int) -> None:
    """The sign-in screen over the window, and the status bar's states (drawn from made-up states: no server
    is needed for a picture)."""
    from datetime import UTC, datetime

    from ..domain.roles import Role
    from ..store.local.sync_state import SyncSummary, WaitingPerson
    from ..sync.credentials import LoggedIn
    from ..sync.engine import CatchUpProgress, SyncStatus
    from .signin import DemoAccounts

    demo = DemoAccounts(
        "minwon-demo-2026",
        (
            ("admin", "admin"),
            ("agent", "agent06"),
            ("clerk", "clerk01"),
            ("officer", "road1"),
            ("supervisor", "supervisor1"),
        ),
    )
    client = start(
        out / "store" / "client.sqlite3", server_url="http://127.0.0.1:8470", demo=demo, demo_keyring=True
    )
    window = client.window
    window.resize(width, height)
    window.show()
    settle(client)
    assert client.signin is not None and client.sync is not None
    dialog = client.signin.ask(first=True)
    settle(client)
    QApplication.processEvents()
    dialog.grab().save(str(out / "signin.png"))
    dialog.ui.usernameEdit.setText("clerk01")
    dialog._failed(
        __import__("complaints_desk.domain.errors", fromlist=["DomainError"]).DomainError(
            "password", "아이디 또는 비밀번호가 올바르지 않습니다.", "The username or password is wrong."
        )
    )
    QApplication.processEvents()
    dialog.grab().save(str(out / "signin-error.png"))
    window.set_language(Language.ENGLISH)
    QApplication.processEvents()
    dialog.grab().save(str(out / "signin-english.png"))
    window.set_language(Language.KOREAN)
    dialog.reject()
    client.signin.guard.confirmed = True
    desk, bar = client.sync, client.signin.bar
    bar.close_down()  # the made-up states below, not the store's
    desk.credentials.current = LoggedIn("s1", "clerk01", "선동하", Role.CLERK, "CIVIL", "", True, "C01", True)
    now = datetime.now(UTC)
    states = (
        ("status-online.png", SyncStatus.IDLE, None, SyncSummary(0, (), 0, now, "C01")),
        (
            "status-offline.png",
            SyncStatus.OFFLINE,
            None,
            SyncSummary(5, (WaitingPerson("s1", "선동하", 3), WaitingPerson("s2", "나영자", 2)), 2, now, "C01"),
        ),
        (
            "status-syncing.png",
            SyncStatus.SYNCING,
            CatchUpProgress(123_456, 124, 123_456, True),
            SyncSummary(0, (), 0, None, "C01"),
        ),
    )
    for name, status, progress, summary in states:
        desk.status, desk.progress = status, progress
        bar.closed = False
        bar._show(summary)
        bar.closed = True
        window.statusBar().showMessage("")
        QApplication.processEvents()
        window.grab().save(str(out / name))
        print(out / name)
    from ..store.local.notices import IssuedNotice
    from ..store.local.outbox import RejectedLine

    bar.open_rejected()
    settle(client)
    bar._dialog.show_lines(
        [
            RejectedLine(
                "e1",
                "c1",
                "20261201-C01-0007",
                "가로등 고장",
                "accepted",
                "version_conflict",
                "다른 직원이 먼저 이 민원을 반송했습니다. 서버의 민원은 '반송' 상태입니다.",
                "Another officer sent this case back first.",
                now,
            ),
            RejectedLine(
                "e2",
                "c2",
                "20261201-C01-0009",
                "불법 주차",
                "received",
                "occurred_in_future",
                "변경한 시각이 서버 시각보다 10분 넘게 앞섭니다. 이 PC의 시계를 확인해 주세요.",
                "'occurred_at' is more than 10 minutes ahead of the server's clock.",
                now,
            ),
            RejectedLine(
                "e3",
                "c3",
                "20261201-C01-0011",
                "보도블록 파손",
                "extended",
                "lifecycle",
                "두 번째 연장에는 민원인의 동의가 필요합니다.",
                "A second extension needs the petitioner's consent.",
                now,
                IssuedNotice("20261201-C01-0011-extension-notice.pdf", now, now),
            ),
        ]
    )
    QApplication.processEvents()
    bar._dialog.grab().save(str(out / "rejected.png"))
    client.close()


if __name__ == "__main__":
    raise SystemExit(main())
