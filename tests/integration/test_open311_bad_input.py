"""Open311 refusals against a real server process, on SQLite and PostgreSQL: a missing, wrong or revoked
api_key is 403, an unknown service, request, token, resource or format 404, a wrong method 405, a malformed
POST 400, each in the specified error format of the format asked for, nothing filed; a little fuzzing never
gets a 500. And the token flow of a batch endpoint."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.integration.conftest import LiveServer
from tests.integration.open311_spec import check
from tests.integration.open311_support import (
    WAITING_SERVICE,
    Office,
    channels_file,
    error_of,
    filing,
    office,
    start_office,
)

__all__ = ["office"]  # the module's fixture


def _count(office: Office) -> int:
    return len(office.get("requests.json").json())


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_api_key_is_required_and_must_be_live(office: Office, fmt: str) -> None:
    before = _count(office)
    assert "api_key" in error_of(office.file(fmt, api_key=None), 403)
    assert "api_key" in error_of(office.file(fmt, api_key="o311_not-a-key"), 403)
    assert "api_key" in error_of(office.file(fmt, api_key=""), 403)
    with office.team.client("admin") as admin:
        issued = admin.post("/admin/open311-keys", json={"name": f"곧 폐기할 키 {fmt}"}).json()
        assert office.file(fmt, api_key=issued["api_key"]).status_code == 200
        revoked = admin.delete(f"/admin/open311-keys/곧 폐기할 키 {fmt}")
        assert revoked.status_code == 200 and revoked.json()["active"] is False
    error_of(office.file(fmt, api_key=issued["api_key"]), 403)
    assert _count(office) == before + 1  # only the one filed while the key was live


# (overrides of the complete filing, the argument the description must name)
MALFORMED: list[tuple[dict[str, Any], str]] = [
    ({"service_code": None}, "service_code"),
    ({"service_code": ""}, "service_code"),
    ({"lat": None, "long": None, "address_string": None}, "address_string"),
    ({"long": None}, "lat"),
    ({"lat": "north"}, "lat"),
    ({"lat": "91"}, "lat"),
    ({"long": "nan"}, "long"),
    ({"attribute[privacy_consent]": None}, "privacy_consent"),
    ({"attribute[privacy_consent]": "disagree"}, "privacy_consent"),
    ({"attribute[privacy_consent]": "maybe"}, "privacy_consent"),
    ({"first_name": None, "last_name": None}, "last_name"),
    ({"phone": "전화 없음"}, "phone"),
    ({"email": "not-an-address"}, "email"),
    ({"description": "가" * 4001}, "description"),
    ({"description": "널 문자\x00"}, "description"),
    ({"description": "제어 문자 \x07"}, "description"),
    ({"media_url": "javascript:alert(1)"}, "media_url"),
    ({"attribute[kind]": "statutory"}, "kind"),
    ({"attribute[reply_by]": "sms", "phone": None}, "phone"),
    ({"attribute[reply_by]": "mail", "email": None}, "email"),
    ({"attribute[title]": "두 줄\n제목"}, "title"),
    ({"description": "주민번호 900101-1234567 입니다"}, "description"),
]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_malformed_request_is_400_in_the_error_format_and_files_nothing(office: Office, fmt: str) -> None:
    before = _count(office)
    for overrides, named in MALFORMED:
        description = error_of(office.file(fmt, **overrides), 400)
        assert named in description, (overrides, description)
    post: Callable[..., httpx.Response] = office.post
    not_utf8 = post(f"requests.{fmt}", content=b"api_key=" + office.key.encode() + b"&description=%FF%FE")
    assert "UTF-8" in error_of(not_utf8, 400)
    as_json = post(f"requests.{fmt}", json=filing(office.key))
    assert "x-www-form-urlencoded" in error_of(as_json, 400)
    many = "&".join(f"f{i}=x" for i in range(400))
    error_of(post(f"requests.{fmt}", content=many.encode(), headers=_form()), 400)
    assert "nope" in error_of(office.file(fmt, service_code="nope"), 404)
    assert _count(office) == before


def _form() -> dict[str, str]:
    return {"content-type": "application/x-www-form-urlencoded"}


def test_unknown_resources_formats_and_methods_in_the_error_format(office: Office) -> None:
    for fmt in ("json", "xml"):
        error_of(office.get(f"requests/20261122-O01-9999.{fmt}"), 404)
        error_of(office.get(f"tokens/not-a-token.{fmt}"), 404)
        error_of(office.get(f"nothing-here.{fmt}"), 404)
        error_of(httpx.delete(f"{office.base}/requests.{fmt}", timeout=30), 405)
        error_of(httpx.post(f"{office.base}/services.{fmt}", timeout=30), 405)
        error_of(office.get(f"requests.{fmt}", status="pending"), 400)
        error_of(office.get(f"requests.{fmt}", start_date="yesterday"), 400)
        error_of(
            office.get(f"requests.{fmt}", start_date="2026-01-01T00:00:00Z", end_date="2026-06-01T00:00:00Z"), 400
        )
        error_of(
            office.get(f"requests.{fmt}", start_date="2026-03-01T00:00:00Z", end_date="2026-02-01T00:00:00Z"), 400
        )
        error_of(office.get(f"requests.{fmt}", start_date="1800-01-01T00:00:00Z"), 400)
    for path in ("services.html", "services", "requests.yaml", ""):
        response = office.get(path)
        assert response.headers["content-type"].startswith("text/xml")  # XML: the specification's own format
        error_of(response, 404)


def test_fuzzed_requests_never_get_a_500(office: Office) -> None:
    chance = random.Random(311)
    pieces = [
        "",
        "%00",
        "%FF",
        "'",
        '"',
        "<x>",
        "../",
        "😀",
        "한빛로",
        "9" * 300,
        ",",
        ".json",
        "attribute[",
        "[]",
        "\u202e",
    ]
    names = [
        "api_key",
        "service_code",
        "lat",
        "long",
        "attribute[privacy_consent]",
        "attribute[kind][]",
        "attribute[]",
        "start_date",
        "end_date",
        "status",
        "service_request_id",
        "description",
        "phone",
    ]
    statuses: set[int] = set()
    for _ in range(120):
        resource = chance.choice(
            [
                "requests",
                "services",
                f"services/{chance.choice(pieces)}x",
                "tokens/x",
                f"requests/{chance.choice(pieces)}1",
                "discovery",
            ]
        )
        fmt = chance.choice(["json", "xml", "JSON", "txt"])
        body = "&".join(f"{chance.choice(names)}={chance.choice(pieces)}" for _ in range(chance.randint(0, 6)))
        if chance.random() < 0.5:
            response = httpx.post(
                f"{office.base}/{resource}.{fmt}", content=body.encode(), headers=_form(), timeout=30
            )
        else:
            response = httpx.get(f"{office.base}/{resource}.{fmt}?{body}", timeout=30)
        statuses.add(response.status_code)
        assert response.status_code < 500, (resource, fmt, body, response.text)
        if response.status_code >= 400:
            error_of(response, response.status_code)
    assert statuses <= {200, 400, 403, 404, 405}
    assert not [line for line in office.server.log_lines() if line.get("event") == "request_failed"]


@pytest.fixture
def batch_office(live_server_factory: Callable[..., LiveServer], server_db_url: str, tmp_path: Any) -> Office:
    """An endpoint whose services are `batch`: POST answers a token, tokens/{token} the request's id."""
    channels = channels_file(tmp_path, service_type="batch")
    return start_office(live_server_factory(server_db_url, "--channels", str(channels)), service_type="batch")


def test_a_batch_endpoint_answers_a_token_that_leads_to_the_request(batch_office: Office) -> None:
    office = batch_office
    services = check("services", office.get("services.json").json(), xml=False)
    assert {s["type"] for s in services} == {"batch"}
    for fmt in ("json", "xml"):
        posted = office.file(fmt)
        assert posted.status_code == 200, posted.text
        [answer] = check("posted", posted.json() if fmt == "json" else posted.content, xml=fmt == "xml")
        assert answer["token"] and "service_request_id" not in answer
        for answer_fmt in ("json", "xml"):
            response = office.get(f"tokens/{answer['token']}.{answer_fmt}")
            assert response.status_code == 200, response.text
            [found] = check(
                "tokens", response.json() if answer_fmt == "json" else response.content, xml=answer_fmt == "xml"
            )
            assert found["token"] == answer["token"] and "-O01-" in found["service_request_id"]
        [record] = check("requests", office.get(f"requests/{found['service_request_id']}.json").json(), xml=False)
        assert record["service_code"] == WAITING_SERVICE
    error_of(office.get("tokens/0000.json"), 404)
