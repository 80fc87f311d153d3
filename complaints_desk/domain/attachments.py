"""An attachment as a case's `received` event names it: the contract between the citizens' web pages (which
take the files in) and the desktops (which fetch the bytes from the server when one is opened, never
through pull). The payload key is "attachments": [{"id", "name", "content_type", "size", "sha256"}]."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import DomainError
from .values import check_attachments

PAYLOAD_KEY = "attachments"
# What the web pages take: images and PDF, each at most 10 MB, a few to a filing (4 × 10 MB fit the form's
# body limit, ServerSettings.form_body_bytes).
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 4
CONTENT_TYPES = {
    "image/jpeg": ("jpg", "jpeg", "jfif"),
    "image/png": ("png",),
    "image/gif": ("gif",),
    "image/webp": ("webp",),
    "application/pdf": ("pdf",),
}


@dataclass(frozen=True)
class AttachmentRef:
    id: str
    name: str
    content_type: str
    size: int
    sha256: str

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "content_type": self.content_type,
            "size": self.size,
            "sha256": self.sha256,
        }


def attachment_refs(payload: Mapping[str, Any]) -> list[AttachmentRef]:
    """The attachments a `received` payload names (none when it names none); DomainError when malformed."""
    if payload.get(PAYLOAD_KEY) in (None, []):
        return []
    check_attachments(payload, PAYLOAD_KEY)
    return [
        AttachmentRef(
            str(item["id"]), str(item["name"]), str(item["content_type"]), int(item["size"]), str(item["sha256"])
        )
        for item in payload[PAYLOAD_KEY]
    ]


def extension_of(name: str) -> str:
    """The file name's extension in lower case, without the dot ('' when there is none)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""


def type_for_name(name: str) -> str | None:
    """The content type a file of this name should hold, or None for a name we do not take."""
    extension = extension_of(name)
    return next((kind for kind, extensions in CONTENT_TYPES.items() if extension in extensions), None)


def refuse_file(field: str, name: str, ko: str, en: str, code: str) -> DomainError:
    return DomainError(field, f"{name}: {ko}", f"{name}: {en}", code=code)
