"""Shared pieces of every layout: paragraph styles in the Hangul face, line wrapping that breaks between words
and inside a word only when it alone is too long, document metadata, and a canvas that knows the total page
count ("3 / 12 쪽")."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .fonts import BOLD, REGULAR, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef1f5")
ACCENT = colors.HexColor("#1f4e79")
ALERT = colors.HexColor("#b00020")


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles. Lines break between words (어절), as Korean official documents set them, and inside a
    word only when it alone is wider than the line (a long title written without spaces, an address):
    reportlab's `wordWrap="CJK"` breaks between any two characters, which cuts "30일" into "30" and "일" and
    "행정기관" into "행" and "정기관" at a line's end. A NO-BREAK SPACE (formatting.keep_units) holds too."""
    register_fonts()
    base = ParagraphStyle(
        "base", fontName=REGULAR, fontSize=10, leading=15, textColor=INK, wordWrap=None, splitLongWords=True
    )
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12, textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=20, leading=28, alignment=1),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=BOLD, fontSize=14, leading=20, spaceBefore=6, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=BOLD, fontSize=9, leading=12),
        "box": ParagraphStyle("box", parent=base, fontSize=9.5, leading=14),
        "item": ParagraphStyle("item", parent=base, fontSize=9.5, leading=14, leftIndent=11, firstLineIndent=-11),
    }


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points: breaks at spaces, and inside a word only when the word alone is too
    long (a long Korean title without spaces, a URL)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if stringWidth(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for ch in word:
                if stringWidth(line + ch, font, size) > width and line:
                    lines.append(line)
                    line = ch
                else:
                    line += ch
        lines.append(line)
    return lines


def set_metadata(canvas: Canvas, title: str, author: str, subject: str = "") -> None:
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject or title)
    canvas.setCreator("민원데스크 Complaints Desk")


def numbered_canvas(draw_page: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that holds its pages until save() so each can be decorated with its number and the
    total (``draw_page(canvas, number, total)``)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                draw_page(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas
