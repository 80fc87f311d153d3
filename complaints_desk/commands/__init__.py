"""Subcommands of `complaints-desk`, one module each, registered by complaints_desk/cli.py."""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import DomainError


def fail(error: DomainError | str, status: int = 2) -> int:
    """One line on stderr, Korean then English, and the exit status for bad input."""
    if isinstance(error, DomainError):
        line = f"오류: {error.field}: {error.ko} / error: {error.en}"
    else:
        line = f"오류: {error}"
    print(line, file=sys.stderr)
    return status


def data_dir_parent() -> argparse.ArgumentParser:
    """`--data-dir` accepted after the subcommand too (`complaints-desk demo --data-dir X`)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="where to keep data (default: $COMPLAINTS_DESK_DATA or the user's data directory)",
    )
    return parent
