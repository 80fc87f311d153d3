"""`complaints-desk client` (and `complaints-desk` with no arguments): the desktop client over its local store
(client.sqlite3 in the data directory, or profiles/NAME/client.sqlite3 with --profile), signing in to
--server (default: the server it last signed in to, else the embedded one on 127.0.0.1:8470).

Where the machine has no working keyring, the client is run inside a demo keyring (commands/demo_keyring.py)."""

from __future__ import annotations

import argparse
import os
import sys

from . import data_dir_parent, fail

DEFAULT_SERVER = "http://127.0.0.1:8470"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "client",
        parents=[data_dir_parent()],
        help="open the desktop client (데스크톱 클라이언트)",
        description="Open the desktop client over its local store and sign in to the server.",
    )
    parser.add_argument(
        "--server", help=f"the central server's address (default: the last one, else {DEFAULT_SERVER})"
    )
    parser.add_argument("--profile", help="keep a separate local store under profiles/NAME in the data directory")
    parser.add_argument(
        "--offline-only",
        action="store_true",
        help="show the local store without signing in or syncing (a look at a copy of a store)",
    )
    parser.add_argument(
        "--user",
        help="the username to fill in on the sign-in screen (with --offline-only: whose 'my cases' to show)",
    )
    parser.add_argument(
        "--demo", type=int, default=0, metavar="N", help="fill an empty local store with N demo cases first"
    )
    parser.set_defaults(func=run)


def _last_server(path: object) -> str | None:
    from pathlib import Path

    from ..store.db import make_engine, make_sessionmaker, migrate, sqlite_url, transaction
    from ..store.local.sync_state import sync_state

    assert isinstance(path, Path)
    if not path.exists():
        return None
    engine = make_engine(sqlite_url(path))
    try:
        migrate(engine)
        with transaction(make_sessionmaker(engine)) as session:
            return sync_state(session).server_url
    finally:
        engine.dispose()


def run(args: argparse.Namespace) -> int:
    from ..store.db import resolve_data_dir
    from . import demo_keyring

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    if not args.offline_only:
        # Signing in and syncing need the transport (requests, pydantic): imported before Qt is, as gui.app
        # does with the store, so that PySide6's import hook does not read their sources.
        from ..sync import transport  # noqa: F401
    try:
        from ..gui.app import store_path
    except ImportError as error:  # PySide6 or its system libraries missing
        return fail(f"데스크톱 화면을 열 수 없습니다 / cannot open the desktop client: {error}", 1)
    try:
        path = store_path(data_dir, args.profile)
    except ValueError:
        return fail(
            f"프로필 이름은 글자, 숫자, '.', '_', '-'로 40자까지입니다 / a profile name is up to 40 letters, digits, "
            f"'.', '_' or '-': {args.profile!r}"
        )
    from .start import has_display

    if not has_display() and not os.environ.get("QT_QPA_PLATFORM"):
        return fail(
            "화면(디스플레이)이 없어 데스크톱 클라이언트를 열 수 없습니다. 화면이 있는 컴퓨터에서 실행하세요 / "
            "no display: the desktop client cannot open here (run it on a machine with a display)",
            1,
        )
    server = None
    if not args.offline_only:
        server = args.server or _last_server(path) or DEFAULT_SERVER
        if not demo_keyring.inside() and not demo_keyring.keyring_works() and demo_keyring.available():
            command = [sys.executable, "-m", "complaints_desk.cli", "--data-dir", str(data_dir), "client"]
            command += ["--server", server]
            if args.profile:
                command += ["--profile", args.profile]
            if args.demo:
                command += ["--demo", str(args.demo)]
            environment = {**os.environ, demo_keyring.DEMO_KEYRING_ENV: "1"}
            wrapped = demo_keyring.wrapped(command, data_dir)
            os.execvpe(wrapped[0], wrapped, environment)  # this process becomes the demo keyring's session
    from ..gui.app import run as run_client
    from ..gui.signin import DemoAccounts

    return run_client(
        path,
        username=args.user,
        profile=args.profile,
        demo_cases=args.demo,
        server_url=server,
        demo=DemoAccounts.from_environment(),
        demo_keyring=demo_keyring.inside(),
    )
