"""Open311 GeoReport v2 against a real server process, on SQLite and PostgreSQL: every resource in JSON and
XML checked against the specification's field definitions (open311_spec.py), a request filed by an Open311
client arriving as a case in the desktop's to-register queue, and public lists that show only what they may."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from complaints_desk.store.queue import Queue, QueueQuery, queue_window
from tests.integration.conftest import push, wire_event, wire_received
from tests.integration.open311_spec import check
from tests.integration.open311_support import (
    JURISDICTION,
    ROUTED_SERVICE,
    STATUTORY,
    WAITING_SERVICE,
    Office,
    both,
    case_id_of,
    error_of,
    office,
)
from tests.integration.sync_client_support import make_client

__all__ = ["office"]  # the module's fixture


def test_discovery_names_this_endpoint_and_both_formats(office: Office) -> None:
    as_json, as_xml = both(office, "discovery", "discovery")
    [endpoint] = as_json["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == office.base
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert as_xml["endpoints"][0]["formats"] == ["text/xml", "application/json"]
    assert as_json["changeset"] == as_xml["changeset"]


def test_services_are_the_offices_categories_and_share_one_definition(office: Office) -> None:
    as_json, as_xml = both(office, "services", "services")
    codes = [service["service_code"] for service in as_json]
    assert ROUTED_SERVICE in codes and WAITING_SERVICE in codes
    assert STATUTORY not in codes  # a 법정민원 is an application, not a report
    road = next(s for s in as_json if s["service_code"] == ROUTED_SERVICE)
    assert road["service_name"] == "도로 파손" and road["group"] == "도로과"
    assert road["metadata"] is True and road["type"] == "realtime"
    assert "포트홀" in road["keywords"].split(", ")
    assert [s["service_code"] for s in as_xml] == codes

    definition, definition_xml = both(office, f"services/{ROUTED_SERVICE}", "service_definition")
    assert definition["service_code"] == ROUTED_SERVICE
    attributes = {a["code"]: a for a in definition["attributes"]}
    consent = attributes["privacy_consent"]
    assert consent["required"] is True and consent["datatype"] == "singlevaluelist"
    assert "agree" in [value["key"] for value in consent["values"]]
    assert attributes["privacy_notice"]["variable"] is False
    assert "개인정보" in attributes["privacy_notice"]["description"]
    xml_consent = next(a for a in definition_xml["attributes"] if a["code"] == "privacy_consent")
    assert xml_consent["required"] == "true"

    for fmt in ("json", "xml"):
        assert "nope" in error_of(office.get(f"services/nope.{fmt}"), 404)
        assert STATUTORY in error_of(office.get(f"services/{STATUTORY}.{fmt}"), 404)


def _desk_queue(office: Office, tmp_path: Path) -> list[Any]:
    """The agent's desktop, signed in and pulled: its to-register queue."""
    desk = make_client(tmp_path, "desk", office.server.base_url)
    try:
        desk.login("agent")
        desk.sync.pull_once()  # every page up to the newest
        with desk.factory() as session:
            return queue_window(session, QueueQuery(queue=Queue.TO_REGISTER), limit=500)
    finally:
        desk.close()


def test_a_filed_request_is_a_case_waiting_to_be_registered_on_the_desktop(office: Office, tmp_path: Path) -> None:
    posted = office.file("xml")
    assert posted.status_code == 200, posted.text
    [answer] = check("posted", posted.content, xml=True)
    receipt = answer["service_request_id"]
    assert "-O01-" in receipt and "token" not in answer
    assert receipt in answer["service_notice"] and answer["account_id"] == "acct-7"

    [waiting] = [item for item in _desk_queue(office, tmp_path) if item.receipt_no == receipt]
    assert waiting.channel.value == "open311" and waiting.status.value == "received"
    assert waiting.petitioner_name == "홍길동" and waiting.category_name == "가로등 고장"

    [record], [record_xml] = both(office, f"requests/{receipt}", "requests")
    assert record["service_request_id"] == receipt and record["status"] == "open"
    assert record["service_code"] == WAITING_SERVICE and record["service_name"] == "가로등 고장"
    assert record["status_notes"] == "접수됨 (담당 부서 배정 전)"
    assert record["agency_responsible"] is None  # not routed yet
    assert record["address"] == "서울특별시 한빛구 한빛로"
    assert record["address_id"] is None
    assert (record["lat"], record["long"]) == (37.567, 126.978)
    assert record["media_url"] == "https://photos.example.com/streetlight.jpg"
    assert record["description"].startswith("한빛로 12 앞 가로등이")
    for moment in ("requested_datetime", "updated_datetime", "expected_datetime"):
        assert record[moment].endswith("+09:00")
    assert record_xml["requested_datetime"] == record["requested_datetime"]
    assert record_xml["lat"] == "37.567" and record_xml["address_id"] is None
    _no_personal_data(office.get(f"requests/{receipt}.json").text + office.get(f"requests/{receipt}.xml").text)


def _no_personal_data(text: str) -> None:
    for secret in (
        "홍길동",
        "길동",
        "010-1234-5678",
        "1234-5678",
        "hong@example.com",
        "101동",
        "202호",
        "acct-7",
        "device-42",
    ):
        assert secret not in text, secret


def test_a_routed_service_names_its_department(office: Office) -> None:
    posted = office.file("json", service_code=ROUTED_SERVICE, description="포트홀이 깊어 위험합니다.")
    [answer] = check("posted", posted.json(), xml=False)
    [record], _ = both(office, f"requests/{answer['service_request_id']}", "requests")
    assert record["agency_responsible"] == "도로과" and record["status_notes"] == "담당 부서로 배정됨"
    assert "도로과" in answer["service_notice"]


def test_requests_lists_filter_as_the_specification_says(office: Office) -> None:
    first = office.file("json", description="필터 시험 하나").json()[0]["service_request_id"]
    second = office.file("json", service_code=ROUTED_SERVICE, description="포트홀 필터 시험 둘").json()[0][
        "service_request_id"
    ]
    listed, listed_xml = both(office, "requests", "requests")
    ids = [r["service_request_id"] for r in listed]
    assert first in ids and second in ids and ids.index(second) < ids.index(first)  # newest first
    assert [r["service_request_id"] for r in listed_xml] == ids

    by_id, _ = both(office, "requests", "requests", service_request_id=f"{second},NOPE-1,{first}")
    assert [r["service_request_id"] for r in by_id] == [second, first]
    # service_request_id overrides every other argument
    overriding, _ = both(office, "requests", "requests", service_request_id=first, status="closed")
    assert [r["service_request_id"] for r in overriding] == [first]

    routed, _ = both(office, "requests", "requests", service_code=ROUTED_SERVICE)
    assert {r["service_code"] for r in routed} == {ROUTED_SERVICE} and second in [
        r["service_request_id"] for r in routed
    ]
    several, _ = both(office, "requests", "requests", service_code=f"{ROUTED_SERVICE},{WAITING_SERVICE}")
    assert {first, second} <= {r["service_request_id"] for r in several}

    case_id = case_id_of(office.team, first)
    withdrawn = wire_event(office.team, "agent", "withdrawn", case_id, {"reason": "민원인 요청"}, base_version=1)
    assert push(office.team.client("agent"), [withdrawn])[0]["status"] == "accepted"
    closed, closed_xml = both(office, "requests", "requests", status="closed")
    assert first in [r["service_request_id"] for r in closed] and {r["status"] for r in closed} == {"closed"}
    gone = next(r for r in closed if r["service_request_id"] == first)
    assert gone["status_notes"] == "민원인이 취하함" and gone["expected_datetime"] is None
    assert gone["updated_datetime"] == withdrawn["occurred_at"]  # when it was closed
    assert {r["status"] for r in closed_xml} == {"closed"}
    still_open, _ = both(office, "requests", "requests", status="open")
    assert first not in [r["service_request_id"] for r in still_open]
    assert {r["status"] for r in still_open} == {"open"}
    both_statuses, _ = both(office, "requests", "requests", status="open,closed")
    assert {first, second} <= {r["service_request_id"] for r in both_statuses}

    long_ago, _ = both(
        office, "requests", "requests", start_date="2020-01-01T00:00:00Z", end_date="2020-03-01T00:00:00+09:00"
    )
    assert long_ago == []
    around, _ = both(office, "requests", "requests", start_date=_days_ago(1), end_date=_days_ago(-1))
    assert {first, second} <= {r["service_request_id"] for r in around}


def _days_ago(days: int) -> str:
    from datetime import UTC, datetime, timedelta

    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_public_lists_show_only_open311_and_public_cases_and_respect_privacy(office: Office) -> None:
    team = office.team
    phone_case = wire_received(team, title="전화로 받은 민원", category_code=WAITING_SERVICE)
    public = wire_received(
        team,
        channel="web",
        title="한빛공원에 그늘막을 설치해 주세요",
        body="여름에 그늘이 없습니다. 제 번호는 010-9876-5432 입니다.",
        place="서울특별시 한빛구 한빛동 123-4 한빛아파트 101동",
        category_code=WAITING_SERVICE,
        public=True,
    )
    private = wire_received(
        team,
        channel="web",
        title="비공개 요청 제안",
        body="이 내용은 공개 목록에 나오면 안 됩니다.",
        place="경기도 양평군 양평읍 양근리 산 12",
        public=True,
        privacy_requested=True,
    )
    results = push(team.client("agent"), [phone_case, public, private])
    assert [r["status"] for r in results] == ["accepted"] * 3, results
    receipts = {
        name: e["payload"]["receipt_no"]
        for name, e in (("phone", phone_case), ("public", public), ("private", private))
    }

    listed, _ = both(office, "requests", "requests")
    ids = [r["service_request_id"] for r in listed]
    assert receipts["phone"] not in ids
    assert receipts["public"] in ids and receipts["private"] in ids
    for fmt in ("json", "xml"):
        error_of(office.get(f"requests/{receipts['phone']}.{fmt}"), 404)

    [shown], _ = both(office, f"requests/{receipts['public']}", "requests")
    assert shown["address"] == "서울특별시 한빛구 한빛동"
    assert shown["description"] == "여름에 그늘이 없습니다. 제 번호는 010-****-5432 입니다."
    assert shown["service_code"] == WAITING_SERVICE and shown["status_notes"] == "접수됨 (담당 부서 배정 전)"
    [withheld], [withheld_xml] = both(office, f"requests/{receipts['private']}", "requests")
    assert withheld["description"] is None and withheld_xml["description"] is None
    assert withheld["address"] == "경기도 양평군 양평읍 양근리"
    assert withheld["service_code"] == "uncategorized" and withheld["service_name"] == "고충민원"
    text = office.get("requests.json").text + office.get("requests.xml").text
    assert "이 내용은 공개 목록에" not in text and "홍길동" not in text and "010-1234-5678" not in text
    assert "9876" not in text and "123-4" not in text and "산 12" not in text


def test_an_open311_client_may_ask_that_the_description_stay_private(office: Office) -> None:
    receipt = office.file(
        "json", description="개인적인 사정이 담긴 내용", **{"attribute[disclosure]": "title_only"}
    ).json()[0]["service_request_id"]
    [record], [record_xml] = both(office, f"requests/{receipt}", "requests")
    assert record["description"] is None and record_xml["description"] is None
    assert record["address"] == "서울특별시 한빛구 한빛로"


def test_html_is_kept_as_text_in_both_formats(office: Office) -> None:
    script = '<script>alert("x")</script> & <b>굵게</b>'
    receipt = office.file("json", description=script).json()[0]["service_request_id"]
    as_xml = office.get(f"requests/{receipt}.xml")
    assert b"<script>" not in as_xml.content and b"&lt;script&gt;" in as_xml.content
    [record_xml] = check("requests", as_xml.content, xml=True)
    [record] = check("requests", office.get(f"requests/{receipt}.json").json(), xml=False)
    assert record["description"] == record_xml["description"] == script


def test_the_jurisdiction_is_checked_when_given(office: Office) -> None:
    both(office, "services", "services", jurisdiction_id=JURISDICTION)
    for fmt in ("json", "xml"):
        assert "elsewhere.go.kr" in error_of(office.get(f"services.{fmt}", jurisdiction_id="elsewhere.go.kr"), 404)
    error_of(office.file("xml", jurisdiction_id="elsewhere.go.kr"), 404)


def test_the_administrators_keys_are_listed_without_the_key(office: Office) -> None:
    with office.team.client("admin") as admin:
        keys = admin.get("/admin/open311-keys").json()
        assert keys and all("api_key" not in key and key["prefix"] for key in keys)
        assert not office.key.startswith(keys[0]["prefix"]) or len(keys[0]["prefix"]) < len(office.key)
        assert office.key not in json.dumps(keys)
        refused = httpx.get(
            office.server.api + "/admin/open311-keys", headers=office.team.headers("agent"), timeout=30
        )
    assert refused.status_code == 403
