"""Open311's rules without a server: what a POST and a list query may say, what a public record shows, the
API keys as the store keeps them (SQLite and PostgreSQL), the administrator's command, and the spec checker
itself (it must be able to fail)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from complaints_desk.cli import main
from complaints_desk.domain.case import CaseState
from complaints_desk.domain.channels import Channel
from complaints_desk.domain.errors import DomainError
from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.open311 import open311_status, service_definition, statuses_for, w3
from complaints_desk.domain.open311_input import read_list_query, read_submission, zipcode_of
from complaints_desk.domain.open311_view import Open311Details, PublicCase, public_record
from complaints_desk.domain.statuses import OPEN_STATUSES, Status
from complaints_desk.store.central import open311
from complaints_desk.store.central.open311_tables import Open311Key
from complaints_desk.store.db import transaction
from tests.integration.open311_spec import check

NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)


def _params(**values: str) -> dict[str, list[str]]:
    base = {
        "service_code": "streetlight",
        "address_string": "서울특별시 한빛구 한빛로 12",
        "last_name": "홍",
        "first_name": "길동",
        "attribute[privacy_consent]": "agree",
    }
    base.update(values)
    return {key: [value] for key, value in base.items()}


def test_a_submission_reads_the_specifications_arguments() -> None:
    submission = read_submission(
        _params(
            description="가로등이 꺼졌습니다\n둘째 줄", lat="37.5", long="127", **{"attribute[kind]": "proposal"}
        )
    )
    assert submission.name == "홍길동" and submission.kind is Kind.PROPOSAL
    assert submission.title == "가로등이 꺼졌습니다" and (submission.lat, submission.long) == (37.5, 127.0)
    assert read_submission(_params(first_name="John", last_name="Smith")).name == "John Smith"
    assert read_submission(_params(phone="01012345678")).phone == "010-1234-5678"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"attribute[privacy_consent]": "disagree"}, "attribute[privacy_consent]"),
        ({"address_string": ""}, "address_string"),
        ({"lat": "37.5"}, "lat"),
        ({"last_name": "", "first_name": ""}, "last_name"),
        ({"media_url": "ftp://example.com/x"}, "media_url"),
        ({"attribute[disclosure]": "secret"}, "attribute[disclosure]"),
    ],
)
def test_a_submission_refuses_with_the_argument_named(values: dict[str, str], field: str) -> None:
    with pytest.raises(DomainError) as refused:
        read_submission(_params(**values))
    assert refused.value.field == field and refused.value.ko and refused.value.en


def test_the_postal_code_is_read_from_the_address() -> None:
    assert zipcode_of("04524 서울특별시 중구 세종대로 110") == "04524"
    assert zipcode_of("서울특별시 중구 세종대로 110 (04524)") == "04524"
    assert zipcode_of("서울특별시 한빛구 한빛로 12345번길") == ""


def test_a_list_query_defaults_to_the_last_90_days_and_refuses_longer() -> None:
    query = read_list_query({}, NOW)
    assert (query.start, query.end) == (NOW - timedelta(days=90), NOW)
    only_start = read_list_query({"start_date": ["2026-01-01T00:00:00Z"]}, NOW)
    assert only_start.end - only_start.start == timedelta(days=90)
    day = read_list_query({"start_date": ["2026-11-01"], "end_date": ["2026-11-01"]}, NOW)
    assert w3(day.start) == "2026-11-01T00:00:00+09:00" and w3(day.end) == "2026-11-01T23:59:59+09:00"
    listed = read_list_query({"service_request_id": ["a,b", "c"], "status": ["OPEN"]}, NOW)
    assert listed.receipts == ("A", "B", "C") and listed.statuses == {"open"}
    with pytest.raises(DomainError):
        read_list_query({"start_date": ["2026-01-01T00:00:00Z"], "end_date": ["2026-06-01T00:00:00Z"]}, NOW)


def test_statuses_are_open_or_closed() -> None:
    assert {open311_status(s) for s in OPEN_STATUSES} == {"open"}
    assert {open311_status(s) for s in set(Status) - OPEN_STATUSES} == {"closed"}
    assert statuses_for(frozenset({"open", "closed"})) == frozenset(Status)


def _case(**changes: Any) -> CaseState:
    base = CaseState(
        id="c1",
        receipt_no="20261122-O01-0001",
        kind=Kind.GRIEVANCE,
        channel=Channel.OPEN311,
        status=Status.RECEIVED,
        title="가로등 고장",
        body="홍길동입니다. 010-1234-5678 로 연락 주세요.",
        petitioner_name="홍길동",
        petitioner_phone="010-1234-5678",
        petitioner_address="서울특별시 한빛구 한빛로 99",
        petitioner_email="hong@example.com",
        reply_channel="open311",
        received_at=NOW,
        registered_at=NOW,
        due_at=NOW + timedelta(days=7),
        period_amount=7,
        period_unit="days",
    )
    return replace(base, **changes)


def test_a_public_record_shows_no_person_and_checks_against_the_specification() -> None:
    details = Open311Details(
        "홍길동입니다. 010-1234-5678",
        "서울특별시 한빛구 한빛로 12",
        "A-1",
        "04524",
        37.566535,
        126.977969,
        "",
        "full",
    )
    record = public_record(PublicCase(_case(), "streetlight", "가로등 고장", "", details))
    check("requests", [record], xml=False)
    assert record["description"] == "홍*동입니다. 010-****-5678"
    assert record["address"] == "서울특별시 한빛구 한빛로" and record["address_id"] is None
    assert (record["lat"], record["long"]) == (37.567, 126.978) and record["zipcode"] == "04524"
    elsewhere = public_record(PublicCase(_case(channel=Channel.WEB, place=""), "uncategorized", "고충민원", ""))
    assert elsewhere["address"] is None  # never the petitioner's own address
    private = public_record(PublicCase(_case(), "x", "x", "", privacy_requested=True))
    assert private["description"] is None


def test_the_checker_fails_answers_the_specification_would_not_take() -> None:
    good = {"service_code": "a", "service_name": "b", "metadata": True, "type": "realtime"}
    check("services", [good], xml=False)
    for bad in (
        {**good, "metadata": "true"},
        {**good, "type": "later"},
        {k: v for k, v in good.items() if k != "service_code"},
        {**good, "extra": 1},
    ):
        with pytest.raises(AssertionError):
            check("services", [bad], xml=False)
    with pytest.raises(AssertionError):
        check(
            "requests",
            [
                {
                    "service_request_id": "1",
                    "status": "open",
                    "service_code": "a",
                    "requested_datetime": "2026-11-22 09:00",
                }
            ],
            xml=False,
        )
    with pytest.raises(AssertionError):
        check("services", b"<services><service/></services>", xml=True)  # no XML declaration
    check("service_definition", service_definition("a"), xml=False)


def test_keys_are_kept_hashed_and_revoked_keys_stop_working(session_factory: Any) -> None:
    with transaction(session_factory) as session:
        info, secret = open311.issue_key(session, "한빛 앱")
        with pytest.raises(DomainError):
            open311.issue_key(session, "한빛 앱")
    with transaction(session_factory) as session:
        stored = session.execute(select(Open311Key)).scalar_one()
        assert secret not in (stored.key_hash, stored.key_prefix) and secret.startswith(stored.key_prefix)
        found = open311.key_for(session, secret)
        assert found is not None and found.id == info.id
        assert open311.key_for(session, secret + "x") is None
    with transaction(session_factory) as session:
        open311.revoke_key(session, "한빛 앱")
        assert open311.key_for(session, secret) is None
        [listed] = open311.list_keys(session)
        assert not listed.active and listed.last_used_at is not None


def test_the_administrators_command_issues_lists_and_revokes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert main(["admin", "open311-key", "add", "민원 앱", "--database-url", url]) == 0
    issued = capsys.readouterr().out
    secret = next(line.split(": ", 1)[1] for line in issued.splitlines() if line.startswith("api_key: "))
    assert main(["admin", "open311-key", "list", "--database-url", url]) == 0
    listing = capsys.readouterr().out
    assert "민원 앱" in listing and secret not in listing and '"active": true' in listing
    assert main(["admin", "open311-key", "revoke", "민원 앱", "--database-url", url]) == 0
    assert main(["admin", "open311-key", "revoke", "없는 앱", "--database-url", url]) == 2
    assert main(["admin", "open311-key", "list", "--database-url", url]) == 0
    assert '"active": false' in capsys.readouterr().out
