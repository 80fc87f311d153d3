"""What an attached file really is, read from its content (never its name or the browser's word): the magic
bytes, then Pillow opens and decodes an image (a JPEG at an eighth of its size: every block is still read),
and a PDF must begin with its header and end with its trailer. A file whose content is not what its name
says is refused, in words a citizen understands."""

from __future__ import annotations

import io
import unicodedata
import warnings
from dataclasses import dataclass

from PIL import Image

from ...domain.attachments import CONTENT_TYPES, MAX_FILE_BYTES, extension_of, refuse_file, type_for_name
from ...domain.errors import DomainError

FIELD = "files"
_DESCRIPTIONS = {
    "image/jpeg": "JPG 사진",
    "image/png": "PNG 그림",
    "image/gif": "GIF 그림",
    "image/webp": "WEBP 그림",
    "application/pdf": "PDF 문서",
}
_PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
ALLOWED_WORDS = "사진·그림(JPG, PNG, GIF, WEBP)과 PDF"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str  # what the content is (and the name says)
    data: bytes


def sniff(data: bytes) -> str | None:
    """The content type the first bytes announce, or None for anything we do not take."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def clean_name(name: str) -> str:
    """The file's own name: no folders, no control characters, at most 255 characters (the extension kept)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C").strip()
    if len(base) > 255:
        extension = extension_of(base)
        base = base[: 254 - len(extension)] + "." + extension if extension else base[:255]
    return base


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}MB"


def size_text(size: int) -> str:
    """A file's size as people read it: 820KB, 3.4MB."""
    return megabytes(size) if size >= 1024 * 1024 else f"{max(1, round(size / 1024))}KB"


def check_file(name: str, data: bytes) -> CheckedFile:
    """The file, when its content is an image or PDF of the kind its name says and at most 10 MB;
    DomainError (field "files") otherwise."""
    shown = clean_name(name) or "이름 없는 파일"
    expected = type_for_name(shown)
    if expected is None:
        raise refuse_file(
            FIELD,
            shown,
            f"{ALLOWED_WORDS} 파일만 첨부할 수 있습니다.",
            "Only images (JPG, PNG, GIF, WEBP) and PDF files may be attached.",
            "file_type",
        )
    if len(data) > MAX_FILE_BYTES:
        raise refuse_file(
            FIELD,
            shown,
            f"파일이 {megabytes(MAX_FILE_BYTES)}보다 큽니다(이 파일은 {megabytes(len(data))}).",
            f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.",
            "file_too_large",
        )
    if not data:
        raise refuse_file(FIELD, shown, "빈 파일입니다.", "The file is empty.", "file_empty")
    actual = sniff(data)
    if actual != expected:
        what = _DESCRIPTIONS.get(actual or "", "사진이나 PDF가 아닌 파일")
        raise refuse_file(
            FIELD,
            shown,
            f"이름은 {_DESCRIPTIONS[expected]}이지만 내용은 {what}입니다. 내용이 이름과 다른 파일은 받을 수 없습니다.",
            f"The name says {expected} but the content is {actual or 'something else'}: refused.",
            "file_mismatch",
        )
    if expected == "application/pdf":
        _check_pdf(shown, data)
    else:
        _check_image(shown, data, expected)
    return CheckedFile(shown, expected, data)


def _check_pdf(name: str, data: bytes) -> None:
    header_ok = len(data) > 8 and data[5:6].isdigit() and data[6:7] == b"." and data[7:8].isdigit()
    if not header_ok or b"%%EOF" not in data[-1024:]:
        raise refuse_file(
            FIELD,
            name,
            "PDF 파일이 손상되었거나 완전하지 않습니다(PDF의 시작이나 끝 표시가 없습니다).",
            "The PDF is damaged or incomplete (no header or no trailer).",
            "file_damaged",
        )


def _check_image(name: str, data: bytes, expected: str) -> None:
    damaged = refuse_file(
        FIELD,
        name,
        "그림 파일이 손상되었거나 완전하지 않습니다.",
        "The image is damaged or incomplete.",
        "file_damaged",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format != _PILLOW_FORMATS[expected]:
                    raise damaged
                image.verify()  # the structure (PNG: every chunk's CRC)
            with Image.open(io.BytesIO(data)) as image:
                if image.format == "JPEG":
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()  # the pixels: a truncated or corrupt stream fails here
    except DomainError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise refuse_file(
            FIELD,
            name,
            "그림의 가로·세로 픽셀 수가 너무 큽니다.",
            "The image has too many pixels.",
            "file_too_large",
        ) from None
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, ValueError…) for a bad file
        raise damaged from None


__all__ = ["ALLOWED_WORDS", "CONTENT_TYPES", "FIELD", "CheckedFile", "check_file", "clean_name", "sniff"]
