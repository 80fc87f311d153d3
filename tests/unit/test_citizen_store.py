"""The citizens' pages' store, on SQLite and PostgreSQL: attachment bytes kept once in the database and
served only intact, the received event naming them, token buckets that refill with time, and the public
list of proposals that shows a private proposal's title and decision only."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from complaints_desk.domain.attachments import AttachmentRef, attachment_refs
from complaints_desk.domain.channels import Channel
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.ids import new_id
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.values import check_payload_fields
from complaints_desk.store.attachments import attachments_of, read_attachment_bytes, store_bytes
from complaints_desk.store.cases import case_events
from complaints_desk.store.central import rate_limits
from complaints_desk.store.central.citizen import filed_by_form, public_proposals
from complaints_desk.store.central.online import Contact, OnlineFiling, file_online
from complaints_desk.store.db import transaction
from complaints_desk.store.models import AttachmentBlob

NOW = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def _filing(**overrides: object) -> OnlineFiling:
    values: dict[str, object] = {
        "channel": Channel.WEB,
        "kind": Kind.GRIEVANCE,
        "title": "가로등 고장",
        "body": "꺼져 있습니다.",
        "name": "홍길동",
        "phone": "010-1234-5678",
        "reply_channel": "web",
        "privacy_consent": True,
        "contact": Contact("web", "form-token-0123456789abcdef"),
    }
    values.update(overrides)
    return OnlineFiling(**values)  # type: ignore[arg-type]


def test_attachment_bytes_are_kept_once_in_the_database_and_named_by_the_received_event(session_factory) -> None:  # type: ignore[no-untyped-def]
    photo = b"\x89PNG\r\n\x1a\n" + b"pothole" * 1000
    with transaction(session_factory) as session:
        sha = store_bytes(session, None, photo)
        assert store_bytes(session, None, photo) == sha == hashlib.sha256(photo).hexdigest()
        ref = AttachmentRef(new_id(), "포트홀.png", "image/png", len(photo), sha)
        filed = file_online(session, _filing(attachments=(ref,)), now=NOW)
    with transaction(session_factory) as session:
        assert session.query(AttachmentBlob).count() == 1
        received = case_events(session, filed.case_id)[0]
        assert attachment_refs(received.payload) == [ref]
        (row,) = attachments_of(session, filed.case_id)
        assert (row.id, row.event_id, row.filename) == (ref.id, received.id, "포트홀.png")
        assert read_attachment_bytes(session, None, row) == photo
        assert filed_by_form(session, "form-token-0123456789abcdef").receipt_no == filed.receipt_no  # type: ignore[union-attr]
        assert filed_by_form(session, "another-form") is None
        blob = session.get(AttachmentBlob, sha)
        assert blob is not None
        blob.data = b"tampered"
    with transaction(session_factory) as session, pytest.raises(DomainError) as damaged:
        read_attachment_bytes(session, None, attachments_of(session, filed.case_id)[0])
    assert damaged.value.code == "damaged"


def test_a_shared_folder_keeps_the_bytes_instead(session_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with transaction(session_factory) as session:
        sha = store_bytes(session, tmp_path, b"%PDF-1.4 plan %%EOF")
        ref = AttachmentRef(new_id(), "도면.pdf", "application/pdf", 19, sha)
        filed = file_online(session, _filing(attachments=(ref,)), now=NOW)
    with transaction(session_factory) as session:
        assert session.query(AttachmentBlob).count() == 0
        assert read_attachment_bytes(session, tmp_path, attachments_of(session, filed.case_id)[0]).startswith(
            b"%PDF"
        )


def test_attachment_lists_follow_the_value_rules() -> None:
    good = {"id": new_id(), "name": "a.png", "content_type": "image/png", "size": 3, "sha256": "a" * 64}
    check_payload_fields("received", {"attachments": [good], "public": True})
    for bad in ({**good, "sha256": "xyz"}, {**good, "size": -1}, {**good, "id": "1"}, {"id": good["id"]}):
        with pytest.raises(DomainError):
            check_payload_fields("received", {"attachments": [bad]})
    with pytest.raises(DomainError):
        check_payload_fields("received", {"public": "yes"})


def test_a_bucket_gives_its_burst_then_one_token_per_refill(session_factory) -> None:  # type: ignore[no-untyped-def]
    bucket = rate_limits.Bucket(burst=3, refill_seconds=60)
    waits = []
    for second in (0, 1, 2, 3, 30, 61, 62):
        with transaction(session_factory) as session:
            waits.append(
                rate_limits.take(session, "lookup:203.0.113.7", bucket, now=NOW + timedelta(seconds=second))
            )
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert 0 < waits[3] <= 60 and 0 < waits[4] <= 60  # empty: says how long until the next token
    assert waits[5] == 0.0 and waits[6] > 0
    with transaction(session_factory) as session:
        assert rate_limits.take(session, "lookup:198.51.100.1", bucket, now=NOW) == 0.0  # another address
        assert rate_limits.peek(session, "lookup:203.0.113.7", bucket, now=NOW + timedelta(seconds=62)) > 0
        assert rate_limits.peek(session, "unknown", bucket, now=NOW) == 0.0
        assert rate_limits.forget_full(session, NOW + timedelta(hours=1)) == 2


def test_the_public_list_shows_a_private_proposal_by_title_and_decision_only(session_factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(session_factory) as session:
        file_online(
            session,
            _filing(kind=Kind.PROPOSAL, title="공개 제안", body="공개 내용", public=True, contact=None),
            now=NOW,
        )
        file_online(
            session,
            _filing(kind=Kind.PROPOSAL, title="비공개 제안", body="비공개 내용", public=False, contact=None),
            now=NOW,
        )
        file_online(
            session, _filing(kind=Kind.PROPOSAL, title="데스크 제안", body="묻지 않음", contact=None), now=NOW
        )
        file_online(session, _filing(title="일반 민원", contact=None), now=NOW)
    with transaction(session_factory) as session:
        shown, more = public_proposals(session, limit=2)
        assert more is True and len(shown) == 2
        everything, more = public_proposals(session, limit=10)
    assert more is False
    by_title = {p.title: p for p in everything}
    assert set(by_title) == {"공개 제안", "비공개 제안", "데스크 제안"}
    assert by_title["공개 제안"].body == "공개 내용" and by_title["공개 제안"].public
    assert by_title["비공개 제안"].body == "" and not by_title["비공개 제안"].public
    assert by_title["데스크 제안"].body == ""  # nobody asked the proposer: private


def test_a_platform_event_or_a_form_is_taken_in_once(session_factory) -> None:  # type: ignore[no-untyped-def]
    from complaints_desk.store.central.conversations import first_delivery

    with transaction(session_factory) as session:
        assert first_delivery(session, "web", "form-1") is True
        assert first_delivery(session, "web", "form-1") is False  # (rowcount reads -1 on PostgreSQL)
        assert first_delivery(session, "telegram", "form-1") is True
    with transaction(session_factory) as session:
        assert first_delivery(session, "web", "form-1") is False
