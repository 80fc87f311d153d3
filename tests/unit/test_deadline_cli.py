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
        # 법 §19②: a Friday 23:30 receipt still makes Friday day 1 (광복절 8/15 and its substitute 8/17 skipped).
        (["inquiry-procedure", "2026-08-07T23:30"], "2026-08-18T23:59:59+09:00"),
        (["inquiry-procedure", "2026-08-08T10:00"], "2026-08-19T23:59:59+09:00"),  # Saturday: Monday is day 1
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


def test_a_grievance_extended_twice_with_consent(capsys: pytest.CaptureFixture[str]) -> None:
    # Due Thu 2/26 (설 2/16–18 skipped). First extension, 5 days: Fri 2/27 is day 1, 2/28–3/2 off (weekend,
    # 삼일절 substitute), 3/3–3/6 days 2–5 → Fri 3/6. Second, 7 days: 3/9–3/13, 3/16, 3/17 → Tue 3/17.
    status, out, err = deadline(
        capsys, "grievance", "2026-02-13T10:00", "--extend", "5", "--extend", "7", "--consent", "--explain"
    )
    due, explanation = out.splitlines()
    assert (status, due, err) == (0, "2026-03-17T23:59:59+09:00", "")
    ko, en = explanation.split(" / ")
    assert "연장 1회차 5일" in ko and "1일째 02-27(금): 기존 기한 02-26(목) 다음 근무일" in ko
    assert "5일째(말일) 03-06(금)" in ko and "연장 2회차 7일" in ko and "7일째(말일) 03-17(화)" in ko
    assert "extension 2: 7 days" in en and "day 1 Mon 03-09" in en and "the last day: Tue 03-17" in en


def test_a_statutory_extension_runs_in_working_hours_from_the_due_moment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 3 days = 24 working hours: Thu 5/21 14:30 → Wed 5/27 14:30; 24 more → Mon 6/1 14:30 (not 5/29 23:59:59,
    # which counting 6 days from receipt would give).
    status, out, err = deadline(
        capsys, "statutory", "2026-05-21T14:30", "--days", "3", "--extend", "3", "--explain"
    )
    due, explanation = out.splitlines()
    assert (status, due, err) == (0, "2026-06-01T14:30:00+09:00", "")
    assert "기존 기한 05-27(수) 14:30부터 이어서" in explanation
    assert "running on from the due moment Wed 05-27 14:30" in explanation


def test_an_extension_after_a_clock_stop(capsys: pytest.CaptureFixture[str]) -> None:
    # The supplement 2/19 15:00–2/23 10:00 makes the 7 days end Wed 3/4; the extension's day 1 is Thu 3/5:
    # 3/5, 3/6, 3/9–3/13 → Fri 3/13.
    stopped = ["grievance", "2026-02-13T10:00", "--closed", "2026-02-19T15:00", "2026-02-23T10:00"]
    status, out, err = deadline(capsys, *stopped, "--extend", "7", "--explain")
    due, explanation = out.splitlines()
    assert (status, due, err) == (0, "2026-03-13T23:59:59+09:00", "")
    assert "시계 정지로 근무일 3일 제외" in explanation and "1일째 03-05(목): 기존 기한 03-04(수)" in explanation
    # In working hours: stopped 3 working hours on 5/22, due 5/27 17:30; 24 more working hours → 6/1 17:30.
    hours = ["statutory", "2026-05-21T14:30", "--days", "3", "--closed", "2026-05-22T10:00", "2026-05-22T14:00"]
    assert deadline(capsys, *hours, "--extend", "3")[1] == "2026-06-01T17:30:00+09:00\n"


def test_second_extension_without_consent_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    result = deadline(capsys, "grievance", "2026-02-13T10:00", "--extend", "7", "--extend", "7")
    assert_one_line_error(*result, "consent", "동의")


def test_third_extension_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    result = deadline(capsys, "grievance", "2026-02-13", "--consent", *["--extend", "3"] * 3)
    assert_one_line_error(*result, "세 번째", "third")
    assert result[2] == (
        "오류: extend: 처리기간은 두 번까지만 연장할 수 있습니다(시행령 제21조). 세 번째 연장은 허용되지 않습니다."
        " / error: A deadline may be extended twice at most (영 §21); a third extension is not allowed.\n"
    )


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


def test_explain_adds_one_line_after_the_due_moment(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = deadline(capsys, "grievance", "2026-02-13T10:00", "--explain")
    first, second = out.splitlines()
    assert (status, first, err) == (0, "2026-02-26T23:59:59+09:00", "")
    assert "고충민원" in second and "7일" in second and "설날" in second


def test_explain_says_which_day_was_day_1_what_was_skipped_and_the_last_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = deadline(capsys, "inquiry-procedure", "2026-08-07T23:30", "--explain")
    due, explanation = out.splitlines()
    assert (status, due, err) == (0, "2026-08-18T23:59:59+09:00", "")
    ko, en = explanation.split(" / ")
    assert "1일째 08-07(금): 접수일이 근무일이므로 접수 시각(23:30)과 관계없이 산입" in ko
    assert (
        "건너뛴 날: 08-08(토)–08-09(일) 주말, 08-15(토) 광복절, 08-16(일) 주말, 08-17(월) 광복절 대체 휴일" in ko
    )
    assert "7일째(말일) 08-18(화)" in ko and "처리기한 2026-08-18 23:59:59" in ko
    assert "day 1 Fri 08-07: the day of receipt is a working day, so it counts whatever the hour (23:30)" in en
    assert "Sat 08-08–Sun 08-09 weekend" in en and "Mon 08-17 holiday (광복절 대체 휴일)" in en
    assert "day 7, the last day: Tue 08-18" in en


def test_explain_of_a_saturday_receipt_says_why_monday_is_day_1(capsys: pytest.CaptureFixture[str]) -> None:
    out = deadline(capsys, "inquiry-procedure", "2026-08-08T10:00", "--explain")[1]
    assert out.startswith("2026-08-19T23:59:59+09:00\n")
    assert "1일째 08-10(월): 접수일 08-08(토)은 주말이라 다음 근무일" in out
    assert "day 1 Mon 08-10: the day of receipt, Sat 08-08, is a weekend, so the next working day" in out


def test_explain_of_an_hour_period_received_at_lunch(capsys: pytest.CaptureFixture[str]) -> None:
    out = deadline(capsys, "other", "2026-05-12T12:30", "--explain")[1]
    assert out.startswith("2026-05-12T16:00:00+09:00\n")
    assert "다음 근무시간 05-12(화) 13:00부터" in out and "from the next working hour, Tue 05-12 13:00" in out


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
