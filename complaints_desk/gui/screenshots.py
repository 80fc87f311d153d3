"""Pictures of the client's main screens over a demo store, to look at (and to show):

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m complaints_desk.gui.screenshots DIR [--cases 3000]

DIR gets one PNG per queue (queue-mine.png …), a search, a selected case, the same in English, the case
actions' dialogs (dialog-extended.png, dialog-answered.png, dialog-transferred.png …) and the reports
dialog, and the window
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
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ..store.queue import Queue
from .app import Client, start
from .language import Language
from .main_window import QUEUES

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


def shoot(client: Client, path: Path) -> None:
    settle(client)
    client.window.grab().save(str(path))
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
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(n) for n in args.size.split("x"))
    if args.only_scaled:  # the same monitor at a higher scaling: fewer logical pixels
        width, height = round(width / float(args.only_scaled)), round(height / float(args.only_scaled))
    (args.out / "store").mkdir(exist_ok=True)
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
    window.set_language(Language.ENGLISH)
    shoot(client, args.out / "case-english.png")
    window.choose_queue(Queue.OVERDUE)
    shoot(client, args.out / "queue-overdue-english.png")
    window.set_language(Language.KOREAN)
    settle(client)
    client.close()
    for scale in SCALES:
        environment = {**os.environ, "QT_SCALE_FACTOR": scale}
        command = [sys.executable, "-m", "complaints_desk.gui.screenshots", str(args.out), "--size", args.size]
        subprocess.run([*command, "--only-scaled", scale], env=environment, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
