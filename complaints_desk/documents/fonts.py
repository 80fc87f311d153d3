"""Finding and registering a Hangul TrueType font, once per process.

Order: an explicit path (parameter, then $COMPLAINTS_DESK_FONT), then Malgun Gothic (Windows), Nanum Gothic
(Linux, `fonts-nanum`), Noto Sans CJK/KR TrueType files, and Apple SD Gothic Neo (macOS, a .ttc collection:
its subfonts are tried in turn). When nothing usable is found, FontNotFoundError says what to install: a
PDF of empty boxes handed to a citizen is worse than no PDF."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT_ENV = "COMPLAINTS_DESK_FONT"
BOLD_ENV = "COMPLAINTS_DESK_FONT_BOLD"
REGULAR = "CDSans"
BOLD = "CDSans-Bold"
_PROBE = "민원접수증홍길동"  # glyphs every document uses: a font without them is not a Hangul font


class FontNotFoundError(RuntimeError):
    """No Hangul TrueType font could be found or loaded; ``ko``/``en`` say what to do."""

    def __init__(self, ko: str, en: str) -> None:
        super().__init__(f"{ko} / {en}")
        self.ko = ko
        self.en = en


@dataclass(frozen=True)
class FontChoice:
    regular: Path
    bold: Path
    regular_index: int = 0
    bold_index: int = 0


def _windows_dirs() -> list[Path]:
    windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
    local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
    return [windir / "Fonts", local]


_LINUX_DIRS = [
    Path("/usr/share/fonts/truetype/nanum"),
    Path("/usr/share/fonts/nanum"),
    Path("/usr/share/fonts/truetype/nanum-gothic"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/noto-cjk"),
]
_MAC_DIRS = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library/Fonts"]

# (regular file, bold file) pairs by preference; a missing bold falls back to the regular face.
_CANDIDATES = [
    ("malgun.ttf", "malgunbd.ttf"),
    ("NanumGothic.ttf", "NanumGothicBold.ttf"),
    ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf"),
    ("NotoSansKR-Regular.ttf", "NotoSansKR-Bold.ttf"),
    ("AppleSDGothicNeo.ttc", "AppleSDGothicNeo.ttc"),
    ("AppleGothic.ttf", "AppleGothic.ttf"),
]


def _search_dirs() -> list[Path]:
    if sys.platform.startswith("win"):
        return _windows_dirs()
    if sys.platform == "darwin":
        return _MAC_DIRS + _LINUX_DIRS
    return _LINUX_DIRS + _MAC_DIRS


def _load(path: Path, index: int, name: str) -> TTFont | None:
    """The font when it loads and has Hangul; None otherwise (CFF outlines or a font without Hangul)."""
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError):
        return None
    widths = font.face.charWidths
    if not all(ord(ch) in widths for ch in _PROBE):
        return None
    _keep_tables(font)
    return font


def _keep_tables(font: TTFont) -> None:
    """Every subset reportlab embeds copies the tables it needs out of the font file, the 4 MB glyph table
    of a Hangul font among them (a millisecond per document). The tables never change: copy each once."""
    face = font.face
    read = face.get_table
    tables: dict[str, bytes] = {}

    def get_table(tag: str) -> bytes:
        data = tables.get(tag)
        if data is None:
            data = tables[tag] = read(tag)
        return data

    face.get_table = get_table


def _load_any(path: Path, name: str) -> tuple[TTFont, int] | None:
    indexes = range(8) if path.suffix.lower() == ".ttc" else range(1)
    for index in indexes:
        font = _load(path, index, name)
        if font is not None:
            return font, index
    return None


def _not_found(detail: str = "") -> FontNotFoundError:
    extra_ko = f" ({detail})" if detail else ""
    return FontNotFoundError(
        "한글 글꼴을 찾을 수 없습니다"
        + extra_ko
        + ": Debian/Ubuntu는 'sudo apt-get install fonts-nanum', Fedora는 'sudo dnf install naver-nanum-gothic-fonts'로 "
        "나눔고딕을 설치하거나, Windows에서는 맑은 고딕이 있는지 확인하거나, 환경변수 "
        f"{FONT_ENV}에 한글 TrueType(.ttf) 글꼴 파일 경로를 지정해 주세요.",
        "No Hangul font found"
        + (f" ({detail})" if detail else "")
        + ": install Nanum Gothic (Debian/Ubuntu: 'sudo apt-get install fonts-nanum'), make sure Malgun Gothic "
        f"is present on Windows, or set {FONT_ENV} to the path of a Korean TrueType (.ttf) font.",
    )


_lock = threading.Lock()
_registered: FontChoice | None = None


def register_fonts(
    path: str | os.PathLike[str] | None = None, bold_path: str | os.PathLike[str] | None = None
) -> FontChoice:
    """Register the Hangul faces as ``CDSans``/``CDSans-Bold`` (once; later calls are free) and return the
    files used. Parsing a TrueType file takes about half a second, so it must happen once per process, not
    per document."""
    global _registered
    if _registered is not None and path is None:
        return _registered
    with _lock:
        if _registered is not None and path is None:
            return _registered
        explicit = path or os.environ.get(FONT_ENV)
        explicit_bold = bold_path or os.environ.get(BOLD_ENV)
        pairs: list[tuple[Path, Path | None]] = []
        if explicit:
            pairs.append((Path(explicit), Path(explicit_bold) if explicit_bold else None))
        else:
            for directory in _search_dirs():
                for regular, bold in _CANDIDATES:
                    if (directory / regular).is_file():
                        pairs.append((directory / regular, directory / bold))
        for regular_path, bold_candidate in pairs:
            loaded = _load_any(regular_path, REGULAR)
            if loaded is None:
                continue
            regular_font, regular_index = loaded
            bold_loaded = _load_any(bold_candidate, BOLD) if bold_candidate and bold_candidate.is_file() else None
            if bold_loaded is None:  # a single face: bold text is set in the regular weight
                bold_loaded = _load_any(regular_path, BOLD)
                bold_candidate = regular_path
            assert bold_loaded is not None and bold_candidate is not None
            bold_font, bold_index = bold_loaded
            # Binary streams: ASCII85-encoding the embedded font subsets costs milliseconds per receipt and
            # makes the file a quarter larger, for 7-bit transports nobody uses for PDFs any more.
            rl_config.useA85 = 0
            pdfmetrics.registerFont(regular_font)
            pdfmetrics.registerFont(bold_font)
            # Paragraph markup <b> and the Table/Platypus font family lookup need the mapping.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = FontChoice(regular_path, bold_candidate, regular_index, bold_index)
            return _registered
        if explicit:
            raise _not_found(
                f"{explicit}: 파일이 없거나 한글 TrueType 글꼴이 아닙니다 / missing or not a Hangul TrueType font"
            )
        raise _not_found()


def reset_for_tests() -> None:
    """Forget the registered choice so a test can try another configuration (reportlab keeps the old faces)."""
    global _registered
    with _lock:
        _registered = None


MISSING_GLYPH = "□"  # shown where the Hangul font has no glyph (an emoji in a title): never silently dropped


def printable(text: str, font: str = REGULAR) -> str:
    """``text`` with every character the document font cannot draw replaced by a visible □, so that a title
    with an emoji keeps its length and its shape instead of losing characters without a trace. A Hangul
    font with colour emoji does not exist on the machines this prints on; the replacement is honest."""
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    glyphs = pdfmetrics.getFont(font).face.charToGlyph
    if all(ord(ch) in glyphs for ch in text):
        return text
    return "".join(ch if ord(ch) in glyphs or ch in "\n\r\t" else MISSING_GLYPH for ch in text)
