"""The server's limits, through a real server process on SQLite and PostgreSQL: pull pages bounded in bytes,
sync parameters out of range refused as input, chunked bodies counted as they arrive, the SQLite store owner-only (docs/operations.md)."""

from __future__ import annotations

import os
import select
import socket
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import LiveServer, Team, make_team, push, wire_received

PAGE_BYTES = 20_000


def _latest(team: Team) -> int:
    with team.client("supervisor") as client:
        return int(client.get("/sync/wait", params={"after": 0, "timeout": 0}).json()["latest"])


def test_a_pull_page_stops_at_its_byte_limit_and_a_bigger_event_still_comes_through(
    live_server_factory: Callable[..., LiveServer], server_db_url: str
) -> None:
    team = make_team(live_server_factory(server_db_url, "--pull-page-bytes", str(PAGE_BYTES)))
    cursor = _latest(team)
    # About 6 KB each in UTF-8: three fit in a page, a fourth would not; the last alone is past the limit.
    intakes = [wire_received(team, body="보도 위 불법주차 " * 200) for _ in range(7)]
    intakes.append(wire_received(team, body="가" * (PAGE_BYTES // 2)))
    with team.client("agent") as agent:
        for intake in intakes:
            push(agent, [intake])
    pulled: list[str] = []
    pages: list[tuple[int, int, bool]] = []
    with team.client("supervisor") as supervisor:
        while True:
            response = supervisor.get("/sync/pull", params={"after": cursor, "limit": 1000})
            assert response.status_code == 200, response.text
            page = response.json()
            pages.append((len(response.content), len(page["events"]), page["has_more"]))
            pulled.extend(event["id"] for event in page["events"])
            assert page["events"], "a page never comes back empty while something is left"
            assert page["next_after"] == page["events"][-1]["seq"]
            cursor = page["next_after"]
            if not page["has_more"]:
                break
    assert pulled == [intake["id"] for intake in intakes]  # all of them, in order, none twice
    assert len(pages) > 2, pages
    for size, count, _more in pages:
        assert size <= PAGE_BYTES or count == 1, pages
    assert pages[-1][0] > PAGE_BYTES and pages[-1][1] == 1  # the big one alone: the client never stalls
    assert all(more for _size, _count, more in pages[:-1])


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/sync/pull", {"after": "99999999999999999999"}, "after"),
        ("/sync/pull", {"after": str(2**63)}, "after"),
        ("/sync/pull", {"after": "-1"}, "after"),
        ("/sync/pull", {"limit": "99999999999999999999"}, "limit"),
        ("/sync/pull", {"limit": "0"}, "limit"),
        ("/sync/wait", {"after": "99999999999999999999", "timeout": "0"}, "after"),
        ("/sync/wait", {"after": "-5", "timeout": "0"}, "after"),
        ("/sync/wait", {"timeout": "nan"}, "timeout"),
        ("/sync/wait", {"timeout": "inf"}, "timeout"),
        ("/sync/wait", {"timeout": "-1"}, "timeout"),
    ],
)
def test_sync_parameters_out_of_range_are_refused_as_input(
    shared_team: Team, path: str, params: dict[str, str], field: str
) -> None:
    with shared_team.client("supervisor") as client:
        response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "invalid" and body["field"] == f"query.{field}"
    assert body["message_ko"] and body["message_en"]


def test_the_largest_cursor_is_an_empty_answer(shared_team: Team) -> None:
    with shared_team.client("supervisor") as client:
        page = client.get("/sync/pull", params={"after": 2**63 - 1}).json()
        waited = client.get("/sync/wait", params={"after": 2**63 - 1, "timeout": 0}).json()
    assert page["events"] == [] and page["has_more"] is False and page["next_after"] == 2**63 - 1
    assert waited["changed"] is False


def _chunked_push(server: LiveServer, headers: dict[str, str], chunks: list[bytes]) -> tuple[int, dict[str, Any]]:
    """POST /sync/push with Transfer-Encoding: chunked and no Content-Length, over a raw socket: stops
    sending as soon as the server answers (it may answer, and close, before the body is all sent).
    `headers`: the token and the workstation's proof (Team.headers)."""
    with socket.create_connection((server.host, server.port), timeout=30) as sock:
        sock.sendall(
            (
                "POST /api/v1/sync/push HTTP/1.1\r\n"
                f"Host: {server.host}:{server.port}\r\n"
                + "".join(f"{name}: {value}\r\n" for name, value in headers.items())
                + "Content-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n\r\n"
            ).encode()
        )
        try:
            for chunk in [*chunks, b""]:
                if select.select([sock], [], [], 0)[0]:
                    break  # answered already
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        while b"\r\n\r\n" not in answer or len(answer.partition(b"\r\n\r\n")[2]) < _length(answer):
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, httpx.Response(status, content=body[: _length(answer)]).json()


def _length(answer: bytes) -> int:
    for line in answer.partition(b"\r\n\r\n")[0].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def test_a_chunked_body_over_the_limit_is_refused_as_it_arrives(shared_team: Team) -> None:
    before = _latest(shared_team)
    filler = b" " * 65536  # whitespace inside a valid JSON document: only its size is wrong
    intake = httpx.Request("POST", "/", json={"events": [wire_received(shared_team)]}).content
    chunks = [intake[:-1], *([filler] * 48), intake[-1:]]  # 3 MB in all, no Content-Length
    status, body = _chunked_push(shared_team.server, shared_team.headers("agent"), chunks)
    assert status == 413, body
    assert body["code"] == "too_large" and body["message_ko"] and body["message_en"]
    assert _latest(shared_team) == before  # nothing written
    rejected = [line for line in shared_team.server.log_lines() if line.get("event") == "request_rejected"]
    assert rejected and rejected[-1]["status"] == 413


def test_a_chunked_body_under_the_limit_is_accepted(shared_team: Team) -> None:
    intake = httpx.Request("POST", "/", json={"events": [wire_received(shared_team)]}).content
    chunks = [intake[i : i + 100] for i in range(0, len(intake), 100)]
    status, body = _chunked_push(shared_team.server, shared_team.headers("agent"), chunks)
    assert status == 200, body
    assert [r["status"] for r in body["results"]] == ["accepted"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_server_keeps_its_sqlite_store_owner_only(
    live_server_factory: Callable[..., LiveServer], tmp_path: Path
) -> None:
    store = tmp_path / "server.sqlite3"
    previous = os.umask(0o022)  # the server inherits it: without its own care, the store would be world-readable
    try:
        team = make_team(live_server_factory())
    finally:
        os.umask(previous)
    with team.client("agent") as agent:
        push(agent, [wire_received(team)])
    for path in (store, store.with_name("server.sqlite3-wal"), store.with_name("server.sqlite3-shm")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
