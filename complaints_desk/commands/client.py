"""`complaints-desk client`: the desktop client over its local store (client.sqlite3 in the data directory, or
profiles/NAME/client.sqlite3 with --profile)."""

from __future__ import annotations

import argparse

from . import data_dir_parent, fail


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "client",
        parents=[data_dir_parent()],
        help="open the desktop client (데스크톱 클라이언트)",
        description="Open the desktop client over its local store.",
    )
    parser.add_argument("--profile", help="keep a separate local store under profiles/NAME in the data directory")
    parser.add_argument(
        "--user", help="the staff username working at this desk, for 'my cases' (until sign-in is built)"
    )
    parser.add_argument(
        "--demo", type=int, default=0, metavar="N", help="fill an empty local store with N demo cases first"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store.db import resolve_data_dir

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
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
    from ..gui.app import run as run_client

    return run_client(path, username=args.user, profile=args.profile, demo_cases=args.demo)
