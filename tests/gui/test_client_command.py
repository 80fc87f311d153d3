"""`complaints-desk client` is wired into the one command; a bad profile name is refused in Korean and
English with status 2; each profile keeps its own store under the data directory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from complaints_desk.cli import build_parser
from complaints_desk.gui.app import store_path


def test_the_client_is_a_subcommand_with_its_options() -> None:
    args = build_parser().parse_args(
        ["client", "--data-dir", "/tmp/x", "--profile", "training", "--user", "road1"]
    )
    assert args.command == "client" and args.profile == "training" and args.user == "road1" and args.demo == 0


def test_a_profile_keeps_its_own_store(tmp_path: Path) -> None:
    assert store_path(tmp_path, None) == tmp_path / "client.sqlite3"
    assert store_path(tmp_path, "교육용") == tmp_path / "profiles" / "교육용" / "client.sqlite3"
    assert store_path(tmp_path, "교육용").parent.is_dir()
    for bad in ("../up", "a/b", "", "x" * 41):
        with pytest.raises(ValueError):
            store_path(tmp_path, bad)


def test_a_bad_profile_name_is_refused_before_any_window(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "complaints_desk.cli", "client", "--data-dir", str(tmp_path), "--profile", "../x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "프로필" in done.stderr and "profile" in done.stderr
    assert not (tmp_path / "client.sqlite3").exists()
