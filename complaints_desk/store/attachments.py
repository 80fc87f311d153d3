"""Attachments: metadata in the database, bytes named by their SHA-256, so the same photo attached to five
cases is stored once and a file can never be swapped under its record. The bytes go to a folder (`root`: a
desktop's data directory, or a folder every server process shares) or, with no folder (`root=None`), into
the database (AttachmentBlob), which every server process reads anyway."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.ids import new_id
from .models import Attachment, AttachmentBlob

MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024


def blob_path(root: Path, sha256: str) -> Path:
    return root / "attachments" / sha256[:2] / sha256


INCOMING_PREFIX = ".incoming-"  # a blob being written (renamed to its SHA-256 when complete)


def _write_blob(root: Path, data: bytes, sha256: str) -> None:
    target = blob_path(root, sha256)
    if target.exists():
        # Kept again: touched, so the server's housekeeping (which deletes unnamed blobs older than an hour)
        # does not take it away before the filing that keeps it now commits its attachment row.
        with contextlib.suppress(OSError):
            os.utime(target)
        if target.exists():
            return
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write to a temporary file and rename, so a crash never leaves a truncated blob under a valid name.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=INCOMING_PREFIX)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def store_bytes(session: Session | None, root: Path | None, data: bytes) -> str:
    """Keep the bytes once per content (in the folder `root`, or in the database when `root` is None, in the
    caller's transaction) and return their SHA-256."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise DomainError(
            "file",
            f"첨부파일은 {MAX_ATTACHMENT_BYTES // (1024 * 1024)}MB 이하여야 합니다.",
            f"An attachment may be at most {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB.",
        )
    sha256 = hashlib.sha256(data).hexdigest()
    if root is not None:
        _write_blob(root, data, sha256)
        return sha256
    if session is None:
        raise ValueError("bytes kept in the database need a session")
    if session.get(AttachmentBlob, sha256) is None:
        session.add(AttachmentBlob(sha256=sha256, size=len(data), data=data, created_at=datetime.now(UTC)))
        session.flush()
    return sha256


def record_attachment(
    session: Session,
    *,
    case_id: str,
    filename: str,
    content_type: str,
    size: int,
    sha256: str,
    event_id: str | None = None,
    attachment_id: str | None = None,
) -> Attachment:
    """The metadata of bytes already kept (store_bytes), in the caller's transaction."""
    name = Path(filename.replace("\\", "/")).name.strip()
    if not name:
        raise DomainError("filename", "파일 이름이 없습니다.", "The file has no name.")
    row = Attachment(
        id=attachment_id or new_id(),
        case_id=case_id,
        event_id=event_id,
        filename=name[:255],
        content_type=content_type[:100] or "application/octet-stream",
        size=size,
        sha256=sha256,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return row


def add_attachment(
    session: Session,
    root: Path | None,
    *,
    case_id: str,
    filename: str,
    content_type: str,
    data: bytes,
    event_id: str | None = None,
    attachment_id: str | None = None,
) -> Attachment:
    """Store the bytes (once per content) and record the attachment in the caller's transaction."""
    if not Path(filename.replace("\\", "/")).name.strip():
        raise DomainError("filename", "파일 이름이 없습니다.", "The file has no name.")
    sha256 = store_bytes(session, root, data)
    return record_attachment(
        session,
        case_id=case_id,
        filename=filename,
        content_type=content_type,
        size=len(data),
        sha256=sha256,
        event_id=event_id,
        attachment_id=attachment_id,
    )


def attachments_of(session: Session, case_id: str) -> list[Attachment]:
    return list(
        session.scalars(select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.created_at))
    )


def attachment_of_case(session: Session, case_id: str, attachment_id: str) -> Attachment | None:
    row = session.get(Attachment, attachment_id)
    return row if row is not None and row.case_id == case_id else None


def _damaged(attachment: Attachment) -> DomainError:
    return DomainError(
        "file",
        f"첨부파일이 손상되었습니다: {attachment.filename}",
        f"The attachment is damaged: {attachment.filename}",
        code="damaged",
    )


def read_attachment(root: Path, attachment: Attachment) -> bytes:
    """The bytes from the folder, checked against the recorded hash (a damaged file is reported, never served)."""
    data = blob_path(root, attachment.sha256).read_bytes()
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise _damaged(attachment)
    return data


def read_attachment_bytes(session: Session, root: Path | None, attachment: Attachment) -> bytes:
    """The bytes wherever they are kept (the database first, then the folder), checked against the hash;
    DomainError `damaged` when they differ, `missing` when they are nowhere."""
    data = session.execute(
        select(AttachmentBlob.data).where(AttachmentBlob.sha256 == attachment.sha256)
    ).scalar_one_or_none()
    if data is None and root is not None and blob_path(root, attachment.sha256).exists():
        return read_attachment(root, attachment)
    if data is None:
        raise DomainError(
            "file",
            f"첨부파일의 내용이 서버에 없습니다: {attachment.filename}",
            f"The attachment's bytes are not on the server: {attachment.filename}",
            code="missing",
        )
    data = bytes(data)
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise _damaged(attachment)
    return data
