"""A real server with the KakaoTalk, Meta, SMS/알림톡 and e-mail channels configured against local fakes
(tests/integration/channel_fakes_km.py), a team of staff on it, and what a test does with them: find the case
a conversation filed, answer it through the sync API as a department officer would, read its history."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.integration.channel_fakes_km import (
    GraphFake,
    KakaoSkillClient,
    MetaWebhookClient,
    SmtpFake,
    SolapiFake,
)
from tests.integration.conftest import DEPARTMENT, LiveServer, Team, make_team, push, wire_event
from tests.integration.sync_client_support import pg_schema

KAKAO_SECRET = "kakao-skill-secret-1234"
META_APP_SECRET = "meta-app-secret-5678"
META_VERIFY_TOKEN = "verify-me-please"
PAGE_TOKEN = "EAAG-page-token"
INSTAGRAM_TOKEN = "IGAA-instagram-user-token"
INSTAGRAM_APP_SECRET = "instagram-app-secret-9012"
SOLAPI_KEY, SOLAPI_SECRET = "NCSFAKEKEY000001", "FAKESECRETFAKESECRETFAKESECRET00"
SENDER_NUMBER = "0212345678"
PF_ID = "KA01PF2612010000000000000000001"
TEMPLATE_ID = "KA01TP2612010000000000000000001"
TEMPLATE = "[한빛구청] 민원 처리 결과 안내\n접수번호: #{접수번호}\n제목: #{제목}\n처리 결과는 아래 주소에서 확인하실 수 있습니다.\n#{링크}"
MAIL_FROM = "한빛구청 민원실 <minwon@hanbit.go.kr>"


@dataclass
class Stack:
    server: LiveServer
    team: Team
    graph: GraphFake
    sms: SolapiFake
    mail: SmtpFake
    instagram: GraphFake | None = None  # graph.instagram.com, when the stack has Instagram Login

    @property
    def kakao(self) -> KakaoSkillClient:
        return KakaoSkillClient(self.server.base_url + "/webhooks/kakao", KAKAO_SECRET)

    def meta(self, *, instagram: bool = False) -> MetaWebhookClient:
        return MetaWebhookClient(
            self.server.base_url + "/webhooks/meta", META_APP_SECRET, self.graph, instagram=instagram
        )

    def instagram_login(self) -> MetaWebhookClient:
        """Instagram deliveries as the Instagram app of Instagram Login signs them; replies at its fake."""
        assert self.instagram is not None, "running_stack(..., instagram_login=True)"
        return MetaWebhookClient(
            self.server.base_url + "/webhooks/meta", INSTAGRAM_APP_SECRET, self.instagram, instagram=True
        )


def channel_settings(graph: GraphFake, sms: SolapiFake, mail: SmtpFake) -> dict[str, dict[str, str]]:
    solapi = {
        "api_key": SOLAPI_KEY,
        "api_secret": SOLAPI_SECRET,
        "sender": SENDER_NUMBER,
        "api_base": sms.base_url,
    }
    return {
        "kakao": {"secret": KAKAO_SECRET, "secret_header": "X-Skill-Secret"},
        "meta": {
            "app_secret": META_APP_SECRET,
            "verify_token": META_VERIFY_TOKEN,
            "page_token": PAGE_TOKEN,
            "api_base": graph.base_url + "/v21.0",
        },
        "sms": solapi,
        "alimtalk": {
            **solapi,
            "pf_id": PF_ID,
            "template_id": TEMPLATE_ID,
            "link_fallback": "https://minwon.hanbit.go.kr",
        },
        "email": {"host": "127.0.0.1", "port": str(mail.port), "from": MAIL_FROM, "starttls": "false"},
    }


def _nothing() -> None:
    return None


@contextmanager
def running_stack(request: pytest.FixtureRequest, tmp: Path, *, instagram_login: bool = False) -> Iterator[Stack]:
    """Fakes, a server over SQLite or a fresh PostgreSQL schema (request.param) with --channels, a team; with
    `instagram_login`, Instagram answered through graph.instagram.com's fake (Instagram API with Instagram
    Login) instead of the page's Send API."""
    graph = GraphFake(page_token=PAGE_TOKEN, app_secret=META_APP_SECRET)
    instagram = GraphFake(page_token=INSTAGRAM_TOKEN, app_secret=INSTAGRAM_APP_SECRET, instagram_login=True)
    sms = SolapiFake(
        api_key=SOLAPI_KEY,
        api_secret=SOLAPI_SECRET,
        senders={SENDER_NUMBER},
        pf_id=PF_ID,
        templates={TEMPLATE_ID: TEMPLATE},
    )
    mail = SmtpFake()
    fakes: list[Any] = [graph, sms, mail, *([instagram] if instagram_login else [])]
    for fake in fakes:
        fake.start()
    drop: Callable[[], None] = _nothing
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'server.sqlite3'}"
    else:
        if not request.getfixturevalue("postgres_available"):
            pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
        url, drop = pg_schema()
    path = tmp / "channels.json"
    settings = channel_settings(graph, sms, mail)
    if instagram_login:
        settings["meta"].update(
            instagram_token=INSTAGRAM_TOKEN,
            instagram_api_base=instagram.base_url + "/v21.0",
            instagram_app_secret=INSTAGRAM_APP_SECRET,
        )
    path.write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
    server = LiveServer(url, tmp / "server.log", extra_args=("--channels", str(path))).start()
    try:
        yield Stack(server, make_team(server), graph, sms, mail, instagram if instagram_login else None)
    finally:
        server.kill()
        for fake in fakes:
            fake.stop()
        drop()


# --- the desktop side, through the sync API ----------------------------------------------------------------


def pulled_events(team: Team, who: str = "supervisor") -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    after = 0
    with team.client(who) as client:
        while True:
            page = client.get("/sync/pull", params={"after": after, "limit": 1000})
            assert page.status_code == 200, page.text
            body = page.json()
            events.extend(body["events"])
            after = body["next_after"]
            if not body["has_more"]:
                return events


def cases_received(team: Team, receipt_no: str) -> list[dict[str, Any]]:
    return [
        e for e in pulled_events(team) if e["type"] == "received" and e["payload"].get("receipt_no") == receipt_no
    ]


def case_history(team: Team, case_id: str) -> list[dict[str, Any]]:
    return [e for e in pulled_events(team) if e["case_id"] == case_id]


def case_now(team: Team, case_id: str) -> dict[str, Any]:
    with team.client("supervisor") as client:
        response = client.get(f"/cases/{case_id}")
    assert response.status_code == 200, response.text
    case: dict[str, Any] = response.json()["case"]
    return case


def _now_event(
    team: Team, who: str, kind: str, case_id: str, payload: dict[str, Any], version: int
) -> dict[str, Any]:
    event = wire_event(team, who, kind, case_id, payload, base_version=version)
    event["occurred_at"] = datetime.now(UTC).isoformat()
    return event


def answer_case(team: Team, case_id: str, answer: str, **extra: Any) -> None:
    """The agent routes the case to the officer's department, the officer accepts and answers it."""
    version = int(case_now(team, case_id)["version"])
    with team.client("agent") as agent:
        results = push(
            agent, [_now_event(team, "agent", "routed", case_id, {"department_code": DEPARTMENT}, version)]
        )
    assert [r["status"] for r in results] == ["accepted"], results
    with team.client("officer") as officer:
        accepted = _now_event(team, "officer", "accepted", case_id, {}, version + 1)
        answered = _now_event(
            team, "officer", "answered", case_id, {"result": "accepted", "answer": answer, **extra}, version + 2
        )
        results = push(officer, [accepted, answered])
    assert [r["status"] for r in results] == ["accepted", "accepted"], results
