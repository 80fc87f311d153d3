"""`complaints-desk self-test` through the CLI in a subprocess, with no display and no QT_QPA_PLATFORM (the
command sets offscreen itself): a working client passes every check, the intake went through the outbox and
its receipt PDF is on disk; a broken store fails with the check named in Korean and English and status 1; a
folder that already holds a store is refused (the self-test never writes into a real desk's store)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

CHECKS = ("주 화면 열기", "접수 저장", "접수증 PDF 만들기", "접수한 민원이 목록에 보임", "닫기")


def _self_test(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    return subprocess.run(
        [sys.executable, "-m", "complaints_desk.cli", "self-test", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_self_test_passes_and_leaves_the_intake_and_its_receipt(tmp_path: Path) -> None:
    done = _self_test("--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for check in CHECKS:
        assert any(check in line and "통과 / ok" in line for line in lines), (check, done.stdout)
    assert "self-test passed" in lines[-1]
    pdfs = list(tmp_path.glob("접수증-*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF-")
    with sqlite3.connect(tmp_path / "client.sqlite3") as db:
        (receipt_no,) = db.execute("SELECT receipt_no FROM cases").fetchone()
        queued = db.execute("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").fetchone()[0]
    assert receipt_no in pdfs[0].name and receipt_no in done.stdout
    assert queued >= 1  # taken the way the intake form takes it: on its way to the server


def test_a_temporary_store_is_used_and_removed_without_data_dir(tmp_path: Path) -> None:
    done = _self_test()
    assert done.returncode == 0, done.stderr
    store_line = next(line for line in done.stdout.splitlines() if "주 화면 열기" in line)
    store = Path(store_line.rsplit("— ", 1)[1])
    assert store.name == "client.sqlite3" and not store.parent.exists()


def test_a_store_that_cannot_open_fails_naming_the_check(tmp_path: Path) -> None:
    (tmp_path / "client.sqlite3-wal").mkdir()  # SQLite cannot open its write-ahead log
    done = _self_test("--data-dir", str(tmp_path))
    assert done.returncode == 1
    assert "실패 / FAILED" in done.stderr
    assert (
        "로컬 저장소와 주 화면 열기" in done.stderr and "open the local store and the main window" in done.stderr
    )


def test_a_folder_with_a_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "client.sqlite3").write_bytes(b"")
    done = _self_test("--data-dir", str(tmp_path))
    assert done.returncode == 2
    assert "이미 저장소가 있습니다" in done.stderr and "already holds a store" in done.stderr
