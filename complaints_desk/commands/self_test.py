"""`complaints-desk self-test [--data-dir DIR]`: open the desktop client offscreen on a throw-away local store
(a temporary folder unless --data-dir), take one intake, write its receipt PDF, close. One line a check, in
Korean and English; exit status 0 when every check passed, 1 when one failed (the line says which)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from . import fail

if TYPE_CHECKING:
    from ..gui.self_test import Check

_HELP = "데스크톱 클라이언트 자체 점검 / check that the desktop client works on this machine"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("self-test", help=_HELP, description=_HELP)
    # Not the shared --data-dir: the self-test never touches the desk's real store unless told where to work.
    parser.add_argument(
        "--data-dir",
        dest="self_test_dir",
        metavar="DIR",
        help="점검용 저장소를 둘 폴더 (기본: 임시 폴더) / where to put the throw-away store (default: a temp dir)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform == "linux":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display: the window opens offscreen
    try:
        from ..gui.self_test import run_checks
    except ImportError as error:  # PySide6 or its system libraries missing
        return fail(f"데스크톱 화면을 열 수 없습니다 / cannot open the desktop client: {error}", 1)
    if args.self_test_dir:
        folder = Path(args.self_test_dir).expanduser()
        if (folder / "client.sqlite3").exists():
            return fail(
                f"점검용 폴더에 이미 저장소가 있습니다: {folder} (빈 폴더를 지정하세요) / "
                f"the folder already holds a store: {folder} (give an empty one)"
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return fail(f"점검용 폴더를 만들 수 없습니다 / cannot make the folder: {folder}: {error}", 1)
        return _report(run_checks(folder))
    with tempfile.TemporaryDirectory(prefix="complaints-desk-self-test-") as tmp:
        return _report(run_checks(Path(tmp)))


def _report(checks: list[Check]) -> int:
    for check in checks:
        print(check.line(), file=sys.stdout if check.ok else sys.stderr)
    failed = [c for c in checks if not c.ok]
    if failed:
        print(f"자체 점검 실패: {failed[0].ko} / self-test failed: {failed[0].en}", file=sys.stderr)
        return 1
    print(f"자체 점검 통과 ({len(checks)}개 항목) / self-test passed ({len(checks)} checks)")
    return 0
