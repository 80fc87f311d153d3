"""Attachments: metadata in the database, bytes on disk named by their SHA-256, so the same photo attached
to five cases is stored once and a file can never be swapped under its record."""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.ids import new_id
from .models import Attachment

MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024


def blob_path(root: Path, sha256: str) -> Path:
    return root / "attachments" / sha256[:2] / sha256


def _write_blob(root: Path, data: bytes, sha256: str) -> None:
    target = blob_path(root, sha256)
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write to a temporary file and rename, so a crash never leaves a truncated blob under a valid name.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def add_attachment(
    session: Session,
    root: Path,
    *,
    case_id: str,
    filename: str,
    content_type: str,
    data: bytes,
    event_id: str | None = None,
) -> Attachment:
    """Store the bytes (once per content) and record the attachment in the caller's transaction."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise DomainError(
            "file",
            f"첨부파일은 {MAX_ATTACHMENT_BYTES // (1024 * 1024)}MB 이하여야 합니다.",
            f"An attachment may be at most {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB.",
        )
    name = Path(filename).name.strip()
    if not name:
        raise DomainError("filename", "파일 이름이 없습니다.", "The file has no name.")
    sha256 = hashlib.sha256(data).hexdigest()
    _write_blob(root, data, sha256)
    row = Attachment(
        id=new_id(),
        case_id=case_id,
        event_id=event_id,
        filename=name[:255],
        content_type=content_type[:100] or "application/octet-stream",
        size=len(data),
        sha256=sha256,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return row


def attachments_of(session: Session, case_id: str) -> list[Attachment]:
    return list(
        session.scalars(select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.created_at))
    )


def read_attachment(root: Path, attachment: Attachment) -> bytes:
    """The bytes, checked against the recorded hash (a damaged file is reported, never served)."""
    data = blob_path(root, attachment.sha256).read_bytes()
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise DomainError(
            "file",
            f"첨부파일이 손상되었습니다: {attachment.filename}",
            f"The attachment is damaged: {attachment.filename}",
            code="damaged",
        )
    return data
