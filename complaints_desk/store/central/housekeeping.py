"""The server's periodic housekeeping (run by the outbox worker, server/channels/worker.py): the bytes of
web filings that failed after keeping them in the shared folder (the filing's transaction rolled back, the
file stayed), and rate-limit buckets idle long enough to be full again (a missing bucket is a full one).

On PostgreSQL every server process's worker runs it; a transaction-scoped advisory lock lets one of them at a
time do it and the others skip that round. The deletes are safe side by side anyway: a blob is removed only
when no attachment row names its bytes and it is older than an hour (a filing that keeps the same bytes again
touches the file first, store.attachments.store_bytes), a bucket only when it was untouched for longer than
it takes to fill (store.central.rate_limits.take puts back a bucket deleted under it)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..attachments import INCOMING_PREFIX
from ..models import Attachment
from . import rate_limits

ORPHAN_AGE = timedelta(hours=1)  # a filing keeps its bytes and commits within seconds; an hour is plenty
_LOCK_KEY = 0x4D494E574F4E01  # pg_try_advisory_xact_lock's key for this housekeeping ("MINWON" 1)
_BATCH = 500


@dataclass(frozen=True)
class Swept:
    blobs: int
    buckets: int


def sweep(
    session: Session, *, attachments_dir: Path | None, bucket_idle: timedelta, now: datetime
) -> Swept | None:
    """One round, in the caller's transaction; None when another process is doing it (PostgreSQL)."""
    postgresql = session.get_bind().dialect.name == "postgresql"
    if postgresql and not session.execute(select(func.pg_try_advisory_xact_lock(_LOCK_KEY))).scalar():
        return None
    buckets = rate_limits.forget_full(session, now - bucket_idle)
    blobs = forget_orphan_blobs(session, attachments_dir, older_than=now - ORPHAN_AGE) if attachments_dir else 0
    return Swept(blobs=blobs, buckets=buckets)


def forget_orphan_blobs(session: Session, root: Path, *, older_than: datetime) -> int:
    """Delete the files under `root`/attachments no attachment row names and not written (or kept again)
    since `older_than`, and the temporary files of writes that died; returns how many."""
    cutoff = older_than.timestamp()
    removed = 0
    candidates: dict[str, Path] = {}
    for path in _old_files(root / "attachments", cutoff):
        if path.name.startswith(INCOMING_PREFIX):
            path.unlink(missing_ok=True)
            removed += 1
        elif len(path.name) == 64:
            candidates[path.name] = path
    names = sorted(candidates)
    for start in range(0, len(names), _BATCH):
        chunk = names[start : start + _BATCH]
        named = set(session.execute(select(Attachment.sha256).where(Attachment.sha256.in_(chunk))).scalars())
        for sha256 in chunk:
            path = candidates[sha256]
            if sha256 in named or not _older(path, cutoff):  # looked at again: a filing may have kept it since
                continue
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _old_files(folder: Path, cutoff: float) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for path in folder.glob("*/*"):
        if path.is_file() and _older(path, cutoff):
            yield path


def _older(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except FileNotFoundError:
        return False
