"""An office with an Open311 endpoint for the tests: a real server process (SQLite or PostgreSQL) with its
channels file, the team, three categories (one routed at once by a rule, one left to register, one
statutory and so not a service) and an API key issued through the administrator's API."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.integration.conftest import LiveServer, Team, _create_pg_schema, _drop_pg_schema, make_team
from tests.integration.open311_spec import check

JURISDICTION = "hanbit.go.kr"
ROUTED_SERVICE = "road-damage"  # a routing rule sends it to ROAD at once
WAITING_SERVICE = "streetlight"  # no rule: it waits in "to register"
STATUTORY = "road-occupancy"  # a 법정민원: not an Open311 service


@dataclass
class Office:
    server: LiveServer
    team: Team
    key: str

    @property
    def base(self) -> str:
        return self.server.base_url + "/open311/v2"

    def get(self, path: str, **params: Any) -> httpx.Response:
        return httpx.get(f"{self.base}/{path}", params=params or None, timeout=30)

    def post(self, path: str, data: Any = None, **kwargs: Any) -> httpx.Response:
        return httpx.post(f"{self.base}/{path}", data=data, timeout=30, **kwargs)

    def file(self, fmt: str = "json", **overrides: Any) -> httpx.Response:
        return self.post(f"requests.{fmt}", data=filing(self.key, **overrides))


def filing(key: str, **overrides: Any) -> dict[str, Any]:
    """A complete POST requests form; an override of None leaves that argument out."""
    form: dict[str, Any] = {
        "api_key": key,
        "jurisdiction_id": JURISDICTION,
        "service_code": WAITING_SERVICE,
        "lat": "37.566535",
        "long": "126.977969",
        "address_string": "서울특별시 한빛구 한빛로 12, 101동 202호 (한빛동)",
        "first_name": "길동",
        "last_name": "홍",
        "phone": "010-1234-5678",
        "email": "hong@example.com",
        "description": "한빛로 12 앞 가로등이 일주일째 꺼져 있습니다. 밤에 너무 어둡습니다.",
        "media_url": "https://photos.example.com/streetlight.jpg",
        "device_id": "device-42",
        "account_id": "acct-7",
        "attribute[privacy_consent]": "agree",
    }
    form.update(overrides)
    return {key: value for key, value in form.items() if value is not None}


def start_office(server: LiveServer, *, service_type: str = "realtime") -> Office:
    team = make_team(server)
    with team.client("admin") as admin:
        for body in (
            {"code": ROUTED_SERVICE, "name": "도로 파손", "default_department_code": "ROAD"},
            {"code": WAITING_SERVICE, "name": "가로등 고장", "default_department_code": "PARK"},
            {"code": STATUTORY, "name": "도로점용허가", "default_department_code": "ROAD", "statutory_days": 20},
        ):
            assert admin.post("/admin/categories", json=body).status_code in (200, 201)
        rule = {"position": 1, "department_code": "ROAD", "category_code": ROUTED_SERVICE, "keywords": ["포트홀"]}
        assert admin.post("/admin/routing-rules", json=rule).status_code in (200, 201)
        issued = admin.post("/admin/open311-keys", json={"name": f"시험 앱 ({service_type})"})
        assert issued.status_code == 201, issued.text
    return Office(server, team, issued.json()["api_key"])


def channels_file(directory: Path, **settings: str) -> Path:
    path = directory / "channels.toml"
    lines = ["[open311]", f'jurisdiction_id = "{JURISDICTION}"', *(f'{k} = "{v}"' for k, v in settings.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    """One office per module and database: the tests use their own filings."""
    tmp = tmp_path_factory.mktemp("open311")
    schema = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'server.sqlite3'}"
    else:
        if not request.getfixturevalue("postgres_available"):
            pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
        schema, url = _create_pg_schema()
    server = LiveServer(url, tmp / "server.log", extra_args=("--channels", str(channels_file(tmp)))).start()
    try:
        yield start_office(server)
    finally:
        server.kill()
        if schema is not None:
            _drop_pg_schema(schema)


def both(office: Office, path: str, resource: str, *, expect: int = 200, **params: Any) -> tuple[Any, Any]:
    """GET a resource in JSON and in XML; both answers checked against the specification. Returns both
    values (the XML one with its leaves as text)."""
    as_json = office.get(f"{path}.json", **params)
    as_xml = office.get(f"{path}.xml", **params)
    assert as_json.status_code == expect, as_json.text
    assert as_xml.status_code == expect, as_xml.text
    assert as_json.headers["content-type"] == "application/json; charset=utf-8"
    assert as_xml.headers["content-type"] == "text/xml; charset=utf-8"
    return check(resource, as_json.json(), xml=False), check(resource, as_xml.content, xml=True)


def error_of(response: httpx.Response, status: int) -> str:
    """The specified error answer (in the response's format) with this status: its description."""
    assert response.status_code == status, response.text
    xml = response.headers["content-type"].startswith("text/xml")
    [error] = check("errors", response.content if xml else response.json(), xml=xml)
    assert int(error["code"]) == status
    return str(error["description"])


def case_id_of(team: Team, receipt_no: str) -> str:
    with team.client("agent") as agent:
        after = 0
        while True:
            page = agent.get("/sync/pull", params={"after": after, "limit": 5000}).json()
            for event in page["events"]:
                if event["type"] == "received" and event["payload"].get("receipt_no") == receipt_no:
                    return str(event["case_id"])
            if not page["has_more"]:
                raise AssertionError(f"no case {receipt_no}")
            after = page["next_after"]
