"""`complaints-desk receipt`, `report summary` and `export cases` over a local store; bad input is one line
on stderr and exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from documents_support import make_samples, pdf_text

from complaints_desk.cli import main
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    from complaints_desk.store.db import SERVER_STORE_FILE as LOCAL_STORE_NAME  # what the commands open

    engine = make_engine(f"sqlite:///{tmp_path / LOCAL_STORE_NAME}")
    migrate(engine)
    make_samples(make_sessionmaker(engine))
    engine.dispose()
    return tmp_path


def test_receipt_report_and_export_write_their_files(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = data_dir / "r.pdf"
    assert (
        main(
            [
                "receipt",
                "20261122-C03-0002",
                "--out",
                str(out),
                "--format",
                "thermal",
                "--reprint",
                "--data-dir",
                str(data_dir),
            ]
        )
        == 0
    )
    text = pdf_text(out.read_bytes())
    assert "20261122-C03-0002" in text and "재발급" in text
    summary = data_dir / "s.pdf"
    assert (
        main(
            [
                "report",
                "summary",
                "--from",
                "2026-10-01",
                "--to",
                "2026-11-30",
                "--department",
                "PARK",
                "--out",
                str(summary),
                "--data-dir",
                str(data_dir),
            ]
        )
        == 0
    )
    assert "공원녹지과" in pdf_text(summary.read_bytes())
    sheet = data_dir / "c.xlsx"
    assert (
        main(
            [
                "export",
                "cases",
                "--from",
                "2026-10-01",
                "--to",
                "2026-11-30",
                "--out",
                str(sheet),
                "--data-dir",
                str(data_dir),
            ]
        )
        == 0
    )
    assert sheet.stat().st_size > 0
    assert "7건" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["receipt", "20261122-C03-9999", "--out", "{d}/x.pdf"],  # unknown receipt number
        ["receipt", "2026-11-22", "--out", "{d}/x.pdf"],  # not a receipt number
        ["receipt", "20261122-C03-0002", "--out", "{d}/missing/x.pdf"],  # no such folder
        ["report", "summary", "--from", "2026-11-30", "--to", "2026-11-01", "--out", "{d}/x.pdf"],  # from > to
        ["report", "summary", "--from", "2026-02-30", "--to", "2026-03-01", "--out", "{d}/x.pdf"],  # impossible
        [
            "report",
            "summary",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--department",
            "NOPE",
            "--out",
            "{d}/x.pdf",
        ],
        ["export", "cases", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "{d}/x.txt"],
        ["export", "cases", "--from", "2026-13-01", "--to", "2026-11-30", "--out", "{d}/x.csv"],
    ],
)
def test_bad_input_is_one_line_and_status_2(
    data_dir: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.replace("{d}", str(data_dir)) for a in argv] + ["--data-dir", str(data_dir)]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("오류:")
    assert not list(data_dir.glob("x.*"))


def test_a_missing_store_is_reported_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["receipt", "20261122-C03-0002", "--out", str(tmp_path / "x.pdf"), "--data-dir", str(tmp_path)]) == 2
    )
    assert "저장소가 없습니다" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.sqlite3"))
