"""`complaints-desk deadline`: what a clerk or a script sees on stdout, stderr and in the exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from complaints_desk.cli import main

REPO = Path(__file__).resolve().parents[2]


def deadline(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(["deadline", *args])
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(status: int, out: str, err: str, *needles: str) -> None:
    assert status == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, f"expected one line, got {err!r}"
    assert err.startswith("오류: ") and " / error: " in err
    for needle in needles:
        assert needle in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["grievance", "2026-02-13T10:00"], "2026-02-26T23:59:59+09:00"),
        (["inquiry-procedure", "2024-12-06T10:06:58"], "2024-12-16T23:59:59+09:00"),
        (["other", "2026-07-10T16:30"], "2026-07-13T10:30:00+09:00"),
        (["other", "2026-05-12T12:30"], "2026-05-12T16:00:00+09:00"),
        (["statutory", "2026-05-21T14:30", "--days", "3"], "2026-05-27T14:30:00+09:00"),
        (["proposal", "2026-04-30T10:00"], "2026-06-01T23:59:59+09:00"),
        (["other", "2026-07-10T07:30Z"], "2026-07-13T10:30:00+09:00"),  # UTC input, Seoul output
        (["GRIEVANCE", "2026-02-13 10:00"], "2026-02-26T23:59:59+09:00"),
    ],
)
def test_prints_the_due_moment_in_seoul(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    assert deadline(capsys, *args) == (0, expected + "\n", "")


def test_extensions(capsys: pytest.CaptureFixture[str]) -> None:
    received = ["grievance", "2026-02-13T10:00"]
    assert deadline(capsys, *received, "--extend", "7")[1] == "2026-03-10T23:59:59+09:00\n"
    twice = deadline(capsys, *received, "--extend", "7", "--extend", "7", "--consent")
    assert twice[1] == "2026-03-19T23:59:59+09:00\n"
    assert deadline(capsys, "other", "2026-07-10T16:30", "--extend", "2h")[1] == "2026-07-13T13:30:00+09:00\n"


def test_second_extension_without_consent_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    result = deadline(capsys, "grievance", "2026-02-13T10:00", "--extend", "7", "--extend", "7")
    assert_one_line_error(*result, "consent", "동의")


def test_third_extension_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    result = deadline(capsys, "grievance", "2026-02-13", "--consent", *["--extend", "3"] * 3)
    assert_one_line_error(*result, "세 번째", "third")


def test_extension_longer_than_the_original_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(*deadline(capsys, "grievance", "2026-02-13", "--extend", "8"), "8일", "7일")


def test_extension_in_the_wrong_unit_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(*deadline(capsys, "other", "2026-07-10T16:30", "--extend", "2"), "extend")
    assert_one_line_error(*deadline(capsys, "other", "2026-07-10T16:30", "--extend", "soon"), "soon")


def test_workload_is_no_reason_to_extend(capsys: pytest.CaptureFixture[str]) -> None:
    result = deadline(capsys, "grievance", "2026-02-13", "--extend", "3", "--reason", "workload")
    assert_one_line_error(*result, "업무량")


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["complaintz", "2026-02-13"], ("kind", "complaintz", "grievance")),
        (["grievance", "2026-02-30"], ("received_at", "2026-02-30")),
        (["grievance", "yesterday"], ("received_at",)),
        (["statutory", "2026-05-21T14:30"], ("days",)),
        (["statutory", "2026-05-21T14:30", "--days", "three"], ("days", "three")),
        (["grievance", "2026-02-13", "--days", "3"], ("days", "법정민원")),
        (["grievance", "2026-02-13", "--closed", "2026-02-20", "2026-02-19"], ("closed",)),
        (["grievance", "2026-02-13", "--closure", "2026-02-31"], ("closure",)),
    ],
)
def test_bad_input_is_one_clear_line_and_status_2(
    capsys: pytest.CaptureFixture[str], args: list[str], needles: tuple[str, ...]
) -> None:
    assert_one_line_error(*deadline(capsys, *args), *needles)


def test_missing_argument_is_one_line_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(*deadline(capsys, "grievance"), "RECEIVED_AT")
    assert_one_line_error(*deadline(capsys, "grievance", "2026-02-13", "--closed", "2026-02-19"), "--closed")


def test_clock_stops_given_as_dates_cover_whole_days(capsys: pytest.CaptureFixture[str]) -> None:
    stopped = deadline(capsys, "grievance", "2026-02-13T10:00", "--closed", "2026-02-19", "2026-02-20")
    assert stopped[1] == "2026-03-03T23:59:59+09:00\n"
    partly = deadline(capsys, "grievance", "2026-02-13T10:00", "--closed", "2026-02-19T15:00", "2026-02-23T10:00")
    assert partly[1] == "2026-03-04T23:59:59+09:00\n"
    hours = deadline(capsys, "other", "2026-05-12T10:00", "--closed", "2026-05-12T11:00", "2026-05-12T14:00")
    assert hours[1] == "2026-05-12T16:00:00+09:00\n"


def test_office_closures(capsys: pytest.CaptureFixture[str]) -> None:
    result = deadline(capsys, "grievance", "2026-02-13T10:00", "--closure", "2026-02-19..2026-02-20")
    assert result == (0, "2026-03-03T23:59:59+09:00\n", "")


def test_explain_adds_one_korean_line_after_the_due_moment(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = deadline(capsys, "grievance", "2026-02-13T10:00", "--explain")
    first, second = out.splitlines()
    assert (status, first, err) == (0, "2026-02-26T23:59:59+09:00", "")
    assert "고충민원" in second and "7일" in second and "설날" in second


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "complaints_desk.cli", "deadline", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_as_a_program() -> None:
    ok = _run("grievance", "2026-02-13T10:00")
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "2026-02-26T23:59:59+09:00\n", "")
    bad = _run("grievance", "2026-02-30")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and "received_at" in bad.stderr
