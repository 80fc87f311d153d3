"""Hangul fonts are found or the program says what to install; dates read the Korean way."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from complaints_desk.documents import fonts
from complaints_desk.documents.formatting import date_ko, datetime_ko, due_ko, minutes_ko, percent_ko


def test_dates_read_the_korean_way() -> None:
    moment = datetime(2026, 11, 22, 5, 5, tzinfo=UTC)  # 14:05 in Seoul, a Sunday
    assert datetime_ko(moment) == "2026. 11. 22.(일) 14:05"
    assert date_ko(date(2026, 7, 3)) == "2026. 7. 3.(금)"
    assert due_ko(datetime(2026, 12, 1, 14, 59, 59, tzinfo=UTC)) == "2026. 12. 1.(화)까지"  # 23:59:59 Seoul
    assert due_ko(datetime(2026, 7, 13, 1, 30, tzinfo=UTC)) == "2026. 7. 13.(월) 10:30까지"  # an hour deadline
    assert minutes_ko(3 * 1440 + 250) == "3일 4시간"
    assert minutes_ko(320) == "5시간 20분"
    assert minutes_ko(None) == "-"
    assert percent_ko(2, 3) == "66.7%" and percent_ko(0, 0) == "-"
    with pytest.raises(ValueError):
        datetime_ko(datetime(2026, 11, 22, 14, 5))


def test_a_configured_font_that_is_not_hangul_is_refused_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"nothing here")
    monkeypatch.setenv(fonts.FONT_ENV, str(bogus))
    fonts.reset_for_tests()
    try:
        with pytest.raises(fonts.FontNotFoundError) as caught:
            fonts.register_fonts()
        assert "fonts-nanum" in caught.value.ko and "한글 글꼴을 찾을 수 없습니다" in caught.value.ko
        assert str(bogus) in str(caught.value)
        latin_only = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        if latin_only.exists():  # a real TrueType font without Hangul is no better than none
            monkeypatch.setenv(fonts.FONT_ENV, str(latin_only))
            with pytest.raises(fonts.FontNotFoundError):
                fonts.register_fonts()
    finally:
        monkeypatch.delenv(fonts.FONT_ENV)
        fonts.reset_for_tests()
    assert fonts.register_fonts().regular.name in {"NanumGothic.ttf", "malgun.ttf"}


def test_the_configured_font_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    barun = Path("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf")
    if not barun.exists():
        pytest.skip("NanumBarunGothic is not installed")
    monkeypatch.setenv(fonts.FONT_ENV, str(barun))
    fonts.reset_for_tests()
    try:
        choice = fonts.register_fonts()
        assert choice.regular == barun and choice.bold == barun  # no bold given: the one face serves both
    finally:
        monkeypatch.delenv(fonts.FONT_ENV)
        fonts.reset_for_tests()
        fonts.register_fonts()
