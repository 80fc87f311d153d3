"""`complaints-desk`: the one command for every program and tool of the project.

Each subcommand lives in its own module under complaints_desk/commands/ with a `register(subparsers)`
function; heavy imports happen only when that subcommand runs, so `--help` and `deadline` stay instant.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__

# In the order `--help` lists them.
COMMAND_MODULES = (
    "start",
    "client",
    "self-test",
    "deadline",
    "demo",
    "server",
    "admin",
    "receipt",
    "report",
    "export",
)


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line and exit status 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"오류: {message} / error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="complaints-desk",
        description="민원데스크 — 민원 접수·접수증·처리기한 관리 (Complaints Desk)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        help="where to keep data (default: $COMPLAINTS_DESK_DATA or the user's data directory)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"complaints_desk.commands.{name.replace('-', '_')}")
        except ModuleNotFoundError as exc:
            if exc.name == f"complaints_desk.commands.{name.replace('-', '_')}":
                continue  # a subcommand that is not part of this build
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(arguments or ["client"])  # no arguments at all: the desktop client
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
