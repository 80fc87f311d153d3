"""Starting the desktop client: the local store of a profile, the application (fonts, style, Korean), the
reader pool and the writer, the main window.

A profile is a separate local store (its own client.sqlite3 under profiles/NAME in the data directory): a
training desk beside the real one, or two offices on one machine.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

# The layers under the window come before any Qt module: PySide6's import hook (shibokensupport's feature
# check) reads the source of every module imported after Qt to see whether it uses Qt, about a tenth of a start
# for the store and SQLAlchemy. Only a speed matter: a module missing here is checked, that's all. The sync
# transport (requests, pydantic) is not here: a desk without a server never loads it, and `complaints-desk
# client` imports it before this module when it will sign in (commands/client.py).
from ..store import case_actions, case_view, cases, desk_settings, intake_support, queue, reference  # noqa: F401
from ..store.db import (
    CLIENT_STORE_FILE,
    BackgroundCheckpoints,
    make_engine,
    make_sessionmaker,
    migrate,
    sqlite_url,
)
from ..store.local import desk_intake, outbox  # noqa: F401
from ..store.local.desk_intake import DeskIdentity, rehearse_intake

# isort: split
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from .intake_window import IntakeActions, install_intake
from .language import Language, Languages
from .main_window import LANGUAGE_KEY, MainWindow, Viewer
from .packaged import STYLE_SHEET, resource_text
from .tasks import Tasks
from .warm_up import warm_up_in_background

if TYPE_CHECKING:
    from .signin import DemoAccounts
    from .signin_desk import SignInDesk
    from .sync_desk import DeskSync

# Hangul first: the first of these the machine has is the UI font (fonts-nanum on Linux, Malgun Gothic on
# Windows); Qt falls back per character for anything they lack.
KOREAN_FONTS = (
    "Malgun Gothic",
    "맑은 고딕",
    "NanumBarunGothic",
    "NanumGothic",
    "Noto Sans CJK KR",
    "Apple SD Gothic Neo",
)
_PROFILE = re.compile(r"^[A-Za-z0-9가-힣_.-]{1,40}$")


@dataclass
class LocalStore:
    path: Path
    writer_engine: Engine
    reader_engine: Engine
    writer: sessionmaker[Session]
    readers: sessionmaker[Session]
    checkpoints: BackgroundCheckpoints | None = None  # the writer's WAL copied back by a thread of its own

    def close(self) -> None:
        self.reader_engine.dispose()
        self.writer_engine.dispose()
        if self.checkpoints is not None:
            self.checkpoints.close()


def store_path(data_dir: Path, profile: str | None) -> Path:
    if profile is None:
        return data_dir / CLIENT_STORE_FILE
    if not _PROFILE.match(profile) or profile in {".", ".."}:
        raise ValueError(profile)
    folder = data_dir / "profiles" / profile
    folder.mkdir(parents=True, exist_ok=True)
    return folder / CLIENT_STORE_FILE


def open_store(path: Path) -> LocalStore:
    """Migrate the store (before any window exists) and open its writer and reader engines."""
    writer_engine = make_engine(sqlite_url(path))
    migrate(writer_engine)
    checkpoints = BackgroundCheckpoints(writer_engine)  # (an intake's commit never pays for a checkpoint)
    reader_engine = make_engine(sqlite_url(path), read_only=True)
    return LocalStore(
        path,
        writer_engine,
        reader_engine,
        make_sessionmaker(writer_engine),
        make_sessionmaker(reader_engine),
        checkpoints,
    )


def application(argv: Sequence[str] = ()) -> QApplication:
    """The one QApplication, with a Hangul font and the style sheet."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "complaints-desk", *argv])
    QCoreApplication.setOrganizationName("ComplaintsDesk")
    QCoreApplication.setApplicationName("complaints-desk")
    app.setApplicationDisplayName("민원데스크")
    families = set(QFontDatabase.families())
    chosen = next((f for f in KOREAN_FONTS if f in families), None)
    font = QFont(app.font())
    if chosen:
        font.setFamilies([chosen, *[f for f in KOREAN_FONTS if f in families and f != chosen]])
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(resource_text(STYLE_SHEET))
    return app


def find_viewer(session: Session, username: str | None) -> Viewer:
    """Who works at this desk. Until sign-in exists the desk names them (`--user`); without one, nobody."""
    member = reference.staff_member(session, username) if username else None
    if member is None:
        return Viewer()
    return Viewer(member.id, member.name, member.department_code, member.department_name)


@dataclass
class Client:
    app: QApplication
    store: LocalStore
    tasks: Tasks
    languages: Languages
    window: MainWindow
    intake: IntakeActions | None = None
    sync: DeskSync | None = None  # with a server: the sign-in, the engine and the status bar
    signin: SignInDesk | None = None
    phone_calls: Any = None  # gui.phone_calls.PhoneCallsDock, with a server
    call_watcher: Any = None  # sync.cti.CallWatcher

    def close(self) -> None:
        if self.call_watcher is not None:
            self.call_watcher.stop()
        if self.signin is not None:
            self.signin.close()
        self.window.close()
        self.tasks.close()
        self.store.close()


def _attach_details(client: Client) -> None:
    """ "Show in full" asks the server through the sync transport (it records the view), and only while the
    desk is connected and someone is signed in; the button follows the connection."""
    from ..sync.engine import SyncStatus
    from .case_details import TransportDetails

    sync = client.sync
    assert sync is not None
    panel = client.window.ui.casePanel

    def online() -> bool:
        return sync.current is not None and sync.status in (SyncStatus.IDLE, SyncStatus.SYNCING)

    details = TransportDetails(sync.transport, online=online)
    panel.attach_details(details)
    sync.statusChanged.connect(panel.recheck_details_source)  # a bound method: dropped once the panel is gone


def _attach_phone_calls(client: Client) -> None:
    """The phone calls panel (F9), fed by the server's CTI calls while someone is signed in; a call's number
    opens the phone intake with it filled in."""
    from ..sync.cti import CallWatcher
    from .phone_calls import PhoneCallsDock

    sync = client.sync
    assert sync is not None
    dock = PhoneCallsDock(client.tasks, client.window)
    client.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    client.window.add_case_action(dock.toggle, toolbar=False)

    def arrived(calls: list[object]) -> None:
        dock.panel.add_calls(calls)  # type: ignore[arg-type]
        dock.show()

    watcher = CallWatcher(
        sync.transport,
        lambda calls: sync.post(lambda: arrived(list(calls))),
        signed_in=lambda: sync.current is not None,
    )

    def take_call(phone: str) -> None:
        if client.intake is None:
            return
        from .intake import Mode

        form = client.intake.open(Mode.PHONE).form
        if not form.ui.phoneEdit.text():
            form.ui.phoneEdit.setText(phone)

    dock.panel.takeCall.connect(take_call)
    sync.signedIn.connect(lambda _result: watcher.start())
    client.phone_calls = dock
    client.call_watcher = watcher


def _signed_in_identity(client: Client) -> DeskIdentity | None:
    """The intake's identity as the sign-in gives it (before the desk's first pull brings the staff rows)."""
    current = client.sync.current if client.sync is not None else None
    if current is None:
        return None
    return DeskIdentity(current.actor, current.station_code, offline=current.offline_numbering)


def _follow_numbering(client: Client) -> None:
    """The intake numbers receipts as the signed-in person's sign-in allows (sync.credentials.LoggedIn)."""
    current = client.sync.current if client.sync is not None else None
    if client.intake is not None:
        client.intake.offline = True if current is None else current.offline_numbering


def start(
    path: Path,
    *,
    username: str | None = None,
    profile: str | None = None,
    demo_cases: int = 0,
    server_url: str | None = None,
    demo: DemoAccounts | None = None,
    demo_keyring: bool = False,
    backoff_cap: float = 30.0,
) -> Client:
    """Open the client on the store at `path`: the window shows at once, in Korean, and fills from the pool.
    With `server_url`, the desk signs in and syncs (gui/signin_desk.py; `client.signin.ask()` opens the
    sign-in screen); without, it only shows the local store."""
    app = application()
    store = open_store(path)
    tasks = Tasks(store.readers, store.writer)
    languages = Languages()
    languages.use(Language.KOREAN)
    # Who works here and in which language are asked before the window's own reads: the window lists every
    # case until it knows the viewer, whose own queue then replaces that listing (its reads not yet begun are
    # skipped, and its full count never starts). The answers come through the event loop, so `client` is
    # there by then.

    def chosen_language(value: str | None) -> None:
        if value == Language.ENGLISH.value:
            client.window.set_language(Language.ENGLISH)

    tasks.read(lambda s: desk_settings.recall(s, LANGUAGE_KEY), chosen_language)

    def find_who() -> None:
        if server_url is None:  # with a server, the sign-in says who works here
            # (set_viewer looked up when the answer comes: install_intake wraps it)
            tasks.read(lambda s: find_viewer(s, username), lambda viewer: client.window.set_viewer(viewer))

    if not demo_cases:
        find_who()
    window = MainWindow(tasks, languages, Viewer(), profile=profile)
    client = Client(app, store, tasks, languages, window, install_intake(window, tasks))
    if server_url is not None:
        from .signin_desk import SignInDesk
        from .sync_desk import DeskSync

        client.sync = DeskSync(tasks, server_url, backoff_cap=backoff_cap, demo_keyring=demo_keyring)
        # Connected before the sign-in desk's own slots, which set the viewer and so make the intake read
        # the desk's identity: by then it knows how this sign-in numbers receipts (the server's counter once
        # it has confirmed it, else the clock range that a restored workstation cannot repeat).
        client.sync.signedIn.connect(lambda _result: _follow_numbering(client))
        client.sync.signedOut.connect(lambda _waiting: _follow_numbering(client))
        client.signin = SignInDesk(window, client.sync, demo=demo, username=username)
        if client.intake is not None:
            client.intake.signed_in = lambda: _signed_in_identity(client)
        _attach_details(client)
        _attach_phone_calls(client)

    if demo_cases:
        from ..store.demo.build import ensure_demo

        def filled(added: int) -> None:
            find_who()
            if added:
                window.refresh()

        # The demo builder writes through its own connections of the writer's engine, on the writer thread.
        tasks.write(lambda _s: ensure_demo(store.writer, cases=demo_cases), filled)
    _settle_the_interpreter()
    _warm_up_once_usable(window, tasks)
    return client


def _warm_up_once_usable(window: MainWindow, tasks: Tasks) -> None:
    """A moment after the first window of a queue is on screen (the start is over: the viewer's own queue
    follows the first listing, and the warm-up must not compete with it), load on a thread what the first
    intake would otherwise wait for (gui.warm_up), and have the writer rehearse the intake's statements in a
    transaction it rolls back (the writer's first use: its compiled statements and ORM paths)."""

    def warm_up() -> None:
        warm_up_in_background()
        tasks.rehearse(rehearse_intake)

    def loaded(_number: int) -> None:
        window.model.windowLoaded.disconnect(loaded)
        QTimer.singleShot(WARM_UP_AFTER_MS, warm_up)

    window.model.windowLoaded.connect(loaded)


WARM_UP_AFTER_MS = 1500


# How long a thread may keep the interpreter while another asks for it (CPython's default: 5 ms). Every call
# from Qt into Python on the GUI thread (a table repaint makes some two thousand) waits for the interpreter
# while a worker runs Python (a catch-up page, a queue window): a shorter turn bounds each wait.
SWITCH_INTERVAL_S = 0.001
_settled: list[bool] = []


def _settle_the_interpreter() -> None:
    """Once per process, when the window is built: shorter turns on the interpreter for the GUI thread's sake,
    and everything made so far (modules, Qt's wrappers, SQLAlchemy's caches: most of the heap, and all of it
    long-lived) left out of the garbage collector's full passes, each of which would otherwise walk it all while
    every thread, the GUI's too, waits."""
    if _settled:
        return
    _settled.append(True)
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    gc.freeze()  # no collection first: it would cost the start a full pass, for the little garbage there is


def run(
    path: Path,
    *,
    username: str | None,
    profile: str | None,
    demo_cases: int,
    server_url: str | None = None,
    demo: DemoAccounts | None = None,
    demo_keyring: bool = False,
) -> int:
    client = start(
        path,
        username=username,
        profile=profile,
        demo_cases=demo_cases,
        server_url=server_url,
        demo=demo,
        demo_keyring=demo_keyring,
    )
    client.window.show()
    if client.signin is not None:
        client.signin.ask(first=True)
    status = client.app.exec()
    client.close()
    return status
