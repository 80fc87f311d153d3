"""A citizen's browser without a browser, for the web pages' HTTP tests: an httpx client that keeps its
cookies, reads each form's CSRF token and form id from the page as a browser would, and sends the form as
multipart (with files) the way a browser does; and small real files (PNG, JPEG, PDF) made here."""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from PIL import Image

from .conftest import DEPARTMENT, LiveServer, Team, push, wire_event

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


def pulled_events(team: Team, who: str = "agent") -> list[dict[str, Any]]:
    with team.client(who) as client:
        page = client.get("/sync/pull", params={"after": 0, "limit": 5000})
    assert page.status_code == 200, page.text
    events: list[dict[str, Any]] = page.json()["events"]
    return events


def received_event(team: Team, receipt_no: str) -> dict[str, Any]:
    found = [
        e for e in pulled_events(team) if e["type"] == "received" and e["payload"]["receipt_no"] == receipt_no
    ]
    assert len(found) == 1, receipt_no
    return found[0]


def _now(event: dict[str, Any]) -> dict[str, Any]:
    event["occurred_at"] = datetime.now(UTC).isoformat()  # wire_event's: half an hour ago, before the filing
    return event


def route(team: Team, case_id: str) -> None:
    """The agent hands the case to 도로과 (pushed as a desk would)."""
    with team.client("agent") as agent:
        routed = wire_event(team, "agent", "routed", case_id, {"department_code": DEPARTMENT}, base_version=1)
        assert push(agent, [_now(routed)])[0]["status"] == "accepted"


def decide(team: Team, receipt_no: str, decision: str | None, reasons: str = "") -> None:
    """Route a proposal to 도로과; its officer takes it up and (unless `decision` is None) decides it."""
    case_id = received_event(team, receipt_no)["case_id"]
    route(team, case_id)
    events = [_now(wire_event(team, "officer", "accepted", case_id, {}, base_version=2))]
    if decision is not None:
        payload: dict[str, Any] = {"decision": decision, "reasons": reasons}
        if decision == "adopted":
            payload["implementation_date"] = (date.today() + timedelta(days=90)).isoformat()
        events.append(_now(wire_event(team, "officer", "decided", case_id, payload, base_version=3)))
    with team.client("officer") as officer:
        assert {r["status"] for r in push(officer, events)} == {"accepted"}


def answer(team: Team, receipt_no: str, text: str) -> None:
    """Route a complaint to 도로과; its officer takes it up and answers it."""
    case_id = received_event(team, receipt_no)["case_id"]
    route(team, case_id)
    accepted = wire_event(team, "officer", "accepted", case_id, {}, base_version=2)
    answered = wire_event(
        team,
        "officer",
        "answered",
        case_id,
        {"result": "accepted", "answer": text, "notify_channel": "web"},
        base_version=3,
    )
    with team.client("officer") as officer:
        assert [r["status"] for r in push(officer, [_now(accepted), _now(answered)])] == ["accepted", "accepted"]
