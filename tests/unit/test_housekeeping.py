"""The server's housekeeping, as the outbox worker runs it: the files a failed web filing left in the shared
attachments folder go after an hour, the files of filed cases stay; rate-limit buckets idle long enough to
be full go, the ones in use stay. On SQLite and PostgreSQL (where one process at a time does a round)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from complaints_desk.domain.attachments import AttachmentRef
from complaints_desk.domain.channels import Channel
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.kinds import Kind
from complaints_desk.server.channels.worker import OutboxWorker
from complaints_desk.server.citizen.limits import FILING, LOOKUP
from complaints_desk.store.attachments import blob_path, store_bytes
from complaints_desk.store.central import housekeeping, rate_limits
from complaints_desk.store.central.channel_tables import RateBucket
from complaints_desk.store.central.online import Contact, OnlineFiling, file_online
from complaints_desk.store.db import transaction

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
FILED = b"%PDF-1.7 filed case's photo %%EOF"
FAILED = b"%PDF-1.7 a filing that failed after keeping this %%EOF"
FRESH = b"%PDF-1.7 a filing going on right now %%EOF"


def _age(path: Path, hours: float) -> None:
    moment = (NOW - timedelta(hours=hours)).timestamp()
    os.utime(path, (moment, moment))


def _filing(sha256: str) -> OnlineFiling:
    return OnlineFiling(
        channel=Channel.WEB,
        kind=Kind.GRIEVANCE,
        title="가로등 고장",
        body="한빛로 12 앞 가로등이 사흘째 꺼져 있습니다.",
        name="홍길동",
        phone="010-1234-5678",
        reply_channel="none",
        privacy_consent=True,
        contact=Contact("web", new_id()),
        attachments=(AttachmentRef(new_id(), "lamp.pdf", "application/pdf", len(FILED), sha256),),
    )


class _RolledBack(Exception):
    pass


def _folder_after_three_filings(session_factory: Any, folder: Path) -> dict[str, Path]:
    with transaction(session_factory) as session:
        filed = store_bytes(session, folder, FILED)
        file_online(session, _filing(filed))
    with pytest.raises(_RolledBack), transaction(session_factory) as session:
        failed = store_bytes(session, folder, FAILED)  # the bytes are kept, then the filing fails
        raise _RolledBack
    fresh = store_bytes(None, folder, FRESH)
    paths = {
        "filed": blob_path(folder, filed),
        "failed": blob_path(folder, failed),
        "fresh": blob_path(folder, fresh),
    }
    _age(paths["filed"], 3)
    _age(paths["failed"], 3)
    _age(paths["fresh"], 0.25)
    dead_write = paths["failed"].parent / ".incoming-k3j2h1"  # a write that died before its rename
    dead_write.write_bytes(b"half a file")
    _age(dead_write, 2)
    paths["dead_write"] = dead_write
    return paths


def test_the_worker_removes_a_failed_filings_files_and_idle_buckets_and_keeps_the_live_ones(
    session_factory: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    paths = _folder_after_three_filings(session_factory, folder)
    with transaction(session_factory) as session:
        rate_limits.take(session, "filing:203.0.113.7", FILING, now=NOW - timedelta(hours=3))  # long full again
        rate_limits.take(session, "lookup:203.0.113.8", LOOKUP, now=NOW - timedelta(minutes=2))  # in use

    worker = OutboxWorker(session_factory, {"web": {"attachments_dir": str(folder)}})
    swept = worker.housekeep(now=NOW)

    assert swept == housekeeping.Swept(blobs=2, buckets=1)
    assert not paths["failed"].exists() and not paths["dead_write"].exists()
    assert paths["filed"].read_bytes() == FILED  # a filed case's file stays, however old
    assert paths["fresh"].read_bytes() == FRESH  # under an hour: its filing may not have committed yet
    with session_factory() as session:
        keys = set(session.execute(select(RateBucket.key)).scalars())
    assert keys == {"lookup:203.0.113.8"}
    assert worker.housekeep(now=NOW) == housekeeping.Swept(blobs=0, buckets=0)


def test_bytes_kept_again_by_a_new_filing_are_not_taken_away_under_it(
    session_factory: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    paths = _folder_after_three_filings(session_factory, folder)
    store_bytes(None, folder, FAILED)  # the same photo sent again: the old unnamed file is touched, kept
    with transaction(session_factory) as session:
        swept = housekeeping.sweep(session, attachments_dir=folder, bucket_idle=timedelta(hours=2), now=NOW)
    assert swept is not None and paths["failed"].read_bytes() == FAILED


def test_a_bucket_deleted_under_a_request_is_put_back_full(session_factory: Any) -> None:
    with transaction(session_factory) as session:
        rate_limits.take(session, "filing:198.51.100.1", FILING, now=NOW - timedelta(hours=3))
    with transaction(session_factory) as session:
        assert rate_limits.forget_full(session, NOW - timedelta(hours=2)) == 1
        assert rate_limits.take(session, "filing:198.51.100.1", FILING, now=NOW) == 0.0
        assert session.get(RateBucket, "filing:198.51.100.1").tokens == FILING.burst - 1  # type: ignore[union-attr]


def test_on_postgresql_one_process_at_a_time_does_a_round(session_factory: Any, db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has one server process")
    with transaction(session_factory) as first:
        assert housekeeping.sweep(first, attachments_dir=None, bucket_idle=timedelta(hours=2), now=NOW)
        with transaction(session_factory) as second:
            assert (
                housekeeping.sweep(second, attachments_dir=None, bucket_idle=timedelta(hours=2), now=NOW) is None
            )
