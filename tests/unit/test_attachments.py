"""Attachments are stored once per content and come back intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import event, received_payload

from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.events import EventType
from complaints_desk.domain.ids import new_id
from complaints_desk.store.attachments import add_attachment, attachments_of, blob_path, read_attachment
from complaints_desk.store.cases import record_event
from complaints_desk.store.db import transaction


def test_same_photo_on_two_cases_is_stored_once(sqlite_session_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    photo = b"\x89PNG fake photo of a pothole" * 100
    case_ids = [new_id(), new_id()]
    with transaction(sqlite_session_factory) as session:
        for number, case_id in enumerate(case_ids, start=1):
            record_event(
                session,
                event(
                    EventType.RECEIVED, case_id, payload=received_payload(receipt_no=f"20261120-C03-000{number}")
                ),
            )
            add_attachment(
                session,
                tmp_path,
                case_id=case_id,
                filename="../../포트홀.png",
                content_type="image/png",
                data=photo,
            )
    with transaction(sqlite_session_factory) as session:
        first = attachments_of(session, case_ids[0])[0]
        second = attachments_of(session, case_ids[1])[0]
        assert first.filename == "포트홀.png"  # no path from the sender survives
        assert first.sha256 == second.sha256
        assert read_attachment(tmp_path, second) == photo
    assert len(list((tmp_path / "attachments").rglob("*"))) == 2  # one folder, one blob


def test_a_damaged_file_is_reported_not_served(sqlite_session_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case_id = new_id()
    with transaction(sqlite_session_factory) as session:
        record_event(session, event(EventType.RECEIVED, case_id, payload=received_payload()))
        row = add_attachment(
            session, tmp_path, case_id=case_id, filename="a.txt", content_type="text/plain", data=b"x"
        )
    blob_path(tmp_path, row.sha256).write_bytes(b"tampered")
    with pytest.raises(DomainError) as error:
        read_attachment(tmp_path, row)
    assert error.value.code == "damaged"
