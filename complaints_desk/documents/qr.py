"""QR codes drawn as vector squares.

The matrix comes from the `qrcode` package (error correction M: a creased or smudged paper receipt still
scans); it is drawn as filled rectangles, one per horizontal run of dark modules, rather than as a bitmap:
it stays sharp at any printer resolution (a 203-dpi thermal head as well as a 600-dpi laser), adds no image
decoding to the PDF, and costs well under a millisecond. reportlab's own QR widget would also work, but its
encoder is a separate, less used implementation; `qrcode` is the well-kept one the rest of the project uses."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 4  # the white border scanners need, drawn inside the given size
# Every one of the eight masks gives a valid code; qrcode picks one by scoring all eight in pure Python, which
# was 12 ms of a receipt's 20 (every receipt has a new address, so the cache below never helps the first
# print). Mask 2 is the one that scoring picks for most status-page addresses (156 of 200 sampled).
MASK_PATTERN = 2


@lru_cache(maxsize=64)
def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1, mask_pattern=MASK_PATTERN)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw the code for ``data`` in the square whose lower-left corner is (x, y), quiet zone included."""
    matrix = qr_matrix(data)
    modules = len(matrix) + 2 * QUIET_MODULES
    unit = size / modules
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    # One module is one unit and rows count downwards, so every rectangle is four small integers: the path
    # is a few kilobytes of text instead of a thousand formatted floats, and one fill leaves no seams.
    canvas.translate(x + QUIET_MODULES * unit, y + size - QUIET_MODULES * unit)
    canvas.scale(unit, -unit)
    canvas.addLiteral(_path_operators(data) + " f")
    canvas.restoreState()


@lru_cache(maxsize=64)
def _path_operators(data: str) -> str:
    parts: list[str] = []
    for row_index, row in enumerate(qr_matrix(data)):
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            parts.append(f"{start} {row_index} {column - start} 1 re")
    return "\n".join(parts)


def clear_cache() -> None:
    """Forget the codes drawn so far (benches measure a first print)."""
    qr_matrix.cache_clear()
    _path_operators.cache_clear()
