"""A citizen's browser without a browser, for the web pages' HTTP tests: an httpx client that keeps its
cookies, reads each form's CSRF token and form id from the page as a browser would, and sends the form as
multipart (with files) the way a browser does; and small real files (PNG, JPEG, PDF) made here."""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from typing import Any

import httpx
from PIL import Image

from .conftest import LiveServer

_INPUT = re.compile(r'<input type="hidden" name="(csrf_token|form_id)" value="([^"]*)">')
_RECEIPT = re.compile(r'id="receipt-no">([^<]+)<')


def png_bytes(size: tuple[int, int] = (120, 80), color: str = "#3a7") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size: tuple[int, int] = (640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#c83").save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    """A one-page PDF made by reportlab (a real header, cross-reference table and trailer)."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "floor plan")
    canvas.save()
    return buffer.getvalue()


def hidden_fields(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in _INPUT.findall(page)}


def receipt_number(page: str) -> str:
    found = _RECEIPT.search(page)
    assert found is not None, page[-3000:]
    return found.group(1).strip()


def notice_text(page: str) -> str:
    """The text of the page's alert box (the refusal's reason), tags removed."""
    found = re.search(r'<div class="notice is-error" role="alert">(.*?)</div>', page, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip() if found else ""


def field_value(page: str, name: str) -> str:
    """What an input or textarea of the page holds (as the browser would show it)."""
    textarea = re.search(rf'<textarea id="{name}" name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    if textarea:
        return html.unescape(textarea.group(1))
    found = re.search(rf'<input id="{name}" name="{name}"[^>]*\svalue="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else ""


COMPLAINT: dict[str, str] = {
    "kind": "grievance",
    "title": "한빛로 123 앞 가로등 고장",
    "body": "밤마다 가로등이 꺼져 있어 지나다니기 무섭습니다.",
    "place": "한빛로 123 앞 버스정류장",
    "name": "홍길동",
    "phone": "010-2345-6789",
    "email": "",
    "reply": "web",
    "consent": "yes",
}


@dataclass
class Citizen:
    server: LiveServer
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.server.base_url, timeout=60)

    def close(self) -> None:
        self.client.close()

    def form(self, path: str = "/minwon/complaint") -> dict[str, str]:
        page = self.client.get(path)
        assert page.status_code == 200, page.text[:500]
        return hidden_fields(page.text)

    def file(
        self,
        path: str = "/minwon/complaint",
        *,
        files: list[tuple[str, bytes, str]] = (),  # type: ignore[assignment]
        hidden: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        **values: str,
    ) -> httpx.Response:
        """Open the form, fill it in (COMPLAINT with `values` over it) and send it."""
        data: dict[str, Any] = {**(hidden if hidden is not None else self.form(path)), **COMPLAINT, **values}
        if path.endswith("proposal"):
            data.pop("kind", None)
        parts = [("files", (name, content, content_type)) for name, content, content_type in files]
        if not parts:  # a browser sends the empty file input as an empty part
            parts = [("files", ("", b"", "application/octet-stream"))]
        return self.client.post(path, data=data, files=parts, headers=headers or {})

    def lookup(self, receipt_no: str, last4: str, *, token: str | None = None) -> httpx.Response:
        hidden = self.form(f"/minwon/status?no={receipt_no}")
        return self.client.post(
            "/minwon/status",
            data={
                "csrf_token": hidden["csrf_token"] if token is None else token,
                "receipt_no": receipt_no,
                "last4": last4,
            },
        )
