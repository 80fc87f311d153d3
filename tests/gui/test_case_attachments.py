"""A citizen's attached files on the case panel: listed from the case's receipt, fetched from the server only
when one is opened (never with the case), checked against the filed hash, opened in the viewer; offline the
button says the files are on the server; a damaged download is refused with the reason."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from complaints_desk.domain.attachments import AttachmentRef
from complaints_desk.domain.channels import Channel
from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.roles import Role
from complaints_desk.gui import case_attachments
from complaints_desk.gui.app import Client
from complaints_desk.gui.case_details import Petitioner
from complaints_desk.store.cases import record_event
from complaints_desk.sync.protocol import ProblemDetail
from complaints_desk.sync.transport import ServerRefused
from tests.support import received_payload

from .conftest import settle

PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2048
DIGEST = hashlib.sha256(PHOTO).hexdigest()


class FakeServer:
    """The server's side of 원문 보기 and the attachments (a stand-in: no network in this test)."""

    def __init__(self) -> None:
        self.online = True
        self.fetched: list[str] = []
        self.damaged = False

    def is_online(self) -> bool:
        return self.online

    def fetch(self, case_id: str) -> Petitioner:
        return Petitioner("홍길동", "010-1234-5678", "", "")

    def fetch_attachment(self, case_id: str, attachment: AttachmentRef) -> bytes:
        self.fetched.append(attachment.id)
        if self.damaged:
            raise ServerRefused(
                200,
                ProblemDetail(
                    code="damaged",
                    field="attachment_id",
                    message_ko="내려받은 첨부파일이 접수 때의 파일과 다릅니다.",
                    message_en="differs",
                ),
            )
        return PHOTO


def _filed_with_photo(session: Session) -> str:
    case_id = new_id()
    payload = received_payload(
        channel=Channel.WEB.value, title="인도 파손 (사진 첨부)", receipt_no="20261201-W01-9901"
    )
    payload["attachments"] = [
        {
            "id": new_id(),
            "name": "인도 파손.png",
            "content_type": "image/png",
            "size": len(PHOTO),
            "sha256": DIGEST,
        }
    ]
    # filed now: its clocks run from now, whatever day the test runs on
    received_at = datetime.now(UTC)
    payload["due_at"] = (received_at + timedelta(days=14)).isoformat()
    payload["registration_due_at"] = (received_at + timedelta(days=2)).isoformat()
    record_event(
        session,
        Event(
            new_id(),
            case_id,
            EventType.RECEIVED,
            received_at,
            None,
            Role.SYSTEM,
            station_code="W01",
            payload=payload,
        ),
    )
    return case_id


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "attachments"
    monkeypatch.setattr(case_attachments, "CACHE", folder)
    return folder


def test_an_attached_photo_is_fetched_when_opened_and_only_then(client: Client, qtbot: Any, cache: Path) -> None:
    done: list[str] = []
    client.tasks.write(_filed_with_photo, done.append)
    qtbot.waitUntil(lambda: bool(done))
    panel = client.window.ui.casePanel
    server = FakeServer()
    panel.attach_details(server)
    box = panel.attachments
    viewed: list[Path] = []
    box.open_file = viewed.append
    panel.show_case(done[0])
    settle(client, qtbot)
    assert box.isVisible() and box.ui.attachmentsList.count() == 1
    assert box.ui.attachmentsList.item(0).text() == "인도 파손.png  ·  2 KB"
    assert server.fetched == []  # showing the case fetched nothing
    assert box.ui.openButton.isEnabled()

    box.ui.openButton.click()
    qtbot.waitUntil(lambda: bool(viewed), timeout=10_000)
    assert viewed[0].read_bytes() == PHOTO and viewed[0].parent == cache and viewed[0].suffix == ".png"
    box.ui.openButton.click()  # the second time from the desk's cache
    qtbot.waitUntil(lambda: len(viewed) == 2)
    assert len(server.fetched) == 1

    server.online = False
    panel.attach_details(server)
    assert not box.ui.openButton.isEnabled() and "서버에 연결되어야" in box.ui.openButton.toolTip()


def test_a_damaged_download_is_refused_with_the_reason(client: Client, qtbot: Any, cache: Path) -> None:
    done: list[str] = []
    client.tasks.write(_filed_with_photo, done.append)
    qtbot.waitUntil(lambda: bool(done))
    panel = client.window.ui.casePanel
    server = FakeServer()
    server.damaged = True
    panel.attach_details(server)
    box = panel.attachments
    box.open_file = lambda _path: pytest.fail("a damaged file must not be opened")
    panel.show_case(done[0])
    settle(client, qtbot)
    box.ui.openButton.click()
    qtbot.waitUntil(lambda: "다릅니다" in box.ui.statusLabel.text(), timeout=10_000)
    assert not list(cache.glob("*.png"))


def test_a_case_without_attachments_shows_no_list(client: Client, qtbot: Any) -> None:
    panel = client.window.ui.casePanel
    found: list[Any] = []
    client.window.ui.queueTable.selectRow(0)
    settle(client, qtbot)
    found.append(panel.case)
    assert found[0] is not None and not found[0].attachments
    assert not panel.attachments.isVisible()
