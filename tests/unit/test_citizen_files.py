"""An attached file is judged by its content: what its first bytes, Pillow's decoder or a PDF's header and
trailer say, never its name or the browser's word; a file whose content is not what its name says is
refused in words a citizen understands."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from complaints_desk.domain.errors import DomainError
from complaints_desk.server.citizen.files import check_file, clean_name, size_text


def _image(kind: str, size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#48c").save(buffer, kind)
    return buffer.getvalue()


def _pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "plan")
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "kind", "content_type"),
    [
        ("사진.jpg", "JPEG", "image/jpeg"),
        ("사진.JPEG", "JPEG", "image/jpeg"),
        ("그림.png", "PNG", "image/png"),
        ("움짤.gif", "GIF", "image/gif"),
        ("사진.webp", "WEBP", "image/webp"),
    ],
)
def test_images_are_taken_for_what_they_are(name: str, kind: str, content_type: str) -> None:
    checked = check_file(name, _image(kind))
    assert (checked.name, checked.content_type) == (name, content_type)


def test_a_pdf_with_its_header_and_trailer_is_taken() -> None:
    assert check_file("도면.pdf", _pdf()).content_type == "application/pdf"


def _refusal(name: str, data: bytes) -> DomainError:
    with pytest.raises(DomainError) as refused:
        check_file(name, data)
    assert refused.value.field == "files"
    return refused.value


def test_content_unlike_the_name_is_refused() -> None:
    assert "이름은 JPG 사진이지만 내용은 PNG 그림입니다" in _refusal("사진.jpg", _image("PNG")).ko
    assert "내용은 PDF 문서입니다" in _refusal("사진.png", _pdf()).ko
    assert "사진이나 PDF가 아닌 파일" in _refusal("문서.pdf", b"<html><script>alert(1)</script></html>").ko
    assert _refusal("사진.jpg", _image("PNG")).code == "file_mismatch"


def test_names_we_do_not_take_and_damaged_files_are_refused() -> None:
    assert "PDF 파일만 첨부할 수 있습니다" in _refusal("악성.exe", b"MZ" + b"\x00" * 64).ko
    assert "PDF 파일만" in _refusal("그림.svg", b"<svg onload='alert(1)'/>").ko
    assert "PDF 파일만" in _refusal("이름없음", _image("PNG")).ko
    whole = _image("JPEG", (640, 480))
    assert _refusal("잘린.jpg", whole[: len(whole) // 2]).code == "file_damaged"
    png = _image("PNG")
    assert _refusal("깨진.png", png[:40] + b"\x00" * 8 + png[48:]).code == "file_damaged"  # a chunk's CRC
    assert _refusal("끝없는.pdf", _pdf()[:-300]).code == "file_damaged"
    assert _refusal("빈.png", b"").code == "file_empty"


def test_a_file_over_ten_megabytes_is_refused_before_it_is_decoded() -> None:
    refused = _refusal("큰사진.jpg", b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024))
    assert refused.code == "file_too_large" and "10.0MB보다 큽니다" in refused.ko


def test_an_image_of_too_many_pixels_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, "PNG")  # 144 Mpx in a few kB
    assert _refusal("폭탄.png", buffer.getvalue()).code == "file_too_large"


def test_names_lose_their_folders_and_control_characters() -> None:
    assert clean_name("C:\\Users\\홍길동\\사진.jpg") == "사진.jpg"
    assert clean_name("../../etc/\x00pass\u202ewd.png") == "passwd.png"
    long = "가" * 300 + ".pdf"
    assert len(clean_name(long)) == 255 and clean_name(long).endswith(".pdf")
    assert (size_text(800), size_text(300 * 1024), size_text(3 * 1024 * 1024)) == ("1KB", "300KB", "3.0MB")
