"""Fakes of the platforms' outbound APIs, for the channel tests: each is a small HTTP server on loopback, on a
free port, in a thread of the test process. A subclass answers requests (`handle`) the way its platform
documents, enforcing its limits (auth token, message length, button counts …); the base records every request
it received, can be told to be down (`fail`) and lets a test wait for what it expects (`wait_for`).

    class FakeThing(FakePlatform):
        def handle(self, request: FakeRequest) -> FakeResponse:
            if request.headers.get("authorization") != "Bearer t":
                return FakeResponse.json(401, {"message": "Authentication failed"})
            return FakeResponse.json(200, {})

    with FakeThing() as fake:            # started; stopped at the end
        settings = {"api_base": fake.base_url}
        fake.fail(times=2)               # the next two requests get 503
        fake.wait_for(lambda r: r.path == "/send")

Also what every channel test needs around a real server process: a settings file for `--channels` and the
server's log lines of refused webhooks."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self

# How long a test waits for a platform fake to hear from the server: a ceiling, not a speed (bench/ measures
# that). A message now travels webhook → inbox worker → outbox worker; on a 2-core machine at load 15 one hop
# can wait seconds for the CPU, as the KakaoTalk and Meta fakes (channel_fakes_km) already allow for.
WAIT_SECONDS = 60.0


@dataclass(frozen=True)
class FakeRequest:
    """One request the fake received: the method, the path (without the query), the query string, the
    headers (lower-cased names), the raw body, and when it arrived (time.monotonic())."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes
    at: float

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None


@dataclass(frozen=True)
class FakeResponse:
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, value: Any, headers: Mapping[str, str] | None = None) -> FakeResponse:
        return cls(
            status,
            json.dumps(value, ensure_ascii=False).encode("utf-8"),
            {"Content-Type": "application/json; charset=utf-8", **(headers or {})},
        )


@dataclass
class Outage:
    """Answer `status` to the next `times` requests (None: every one) until `until` (monotonic; None: no end),
    after answering the first `after` as usual (a failure in the middle of a message sent in pieces)."""

    status: int = 503
    times: int | None = None
    until: float | None = None
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    after: int = 0

    def active(self, now: float) -> bool:
        return (self.times is None or self.times > 0) and (self.until is None or now < self.until)


class FakePlatform:
    """Runs `handle` for every request on 127.0.0.1 at a free port, in a thread; records what it received
    (`received`: also the requests answered by an outage) and what it answered (`answered`)."""

    def __init__(self) -> None:
        self.received: list[FakeRequest] = []
        self.answered: list[tuple[FakeRequest, FakeResponse]] = []
        self._outage: Outage | None = None
        self._changed = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- what a subclass provides ----------------------------------------------------------------------

    def handle(self, request: FakeRequest) -> FakeResponse:
        """The platform's answer to a request (called in the server's thread for that request)."""
        raise NotImplementedError

    def outage_response(self, outage: Outage) -> FakeResponse:
        """What the platform answers while it is down (a subclass may give its own error format)."""
        body = outage.body if outage.body is not None else {"error": "Service Unavailable"}
        return FakeResponse.json(outage.status, body, outage.headers)

    # --- running -------------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # The headers and the body go out in two writes: without this, Nagle holds the body back until the
            # client's delayed ACK of the headers (40 ms a request on Linux), which no platform's API does.
            disable_nagle_algorithm = True

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path, _, query = self.path.partition("?")
                request = FakeRequest(
                    self.command,
                    path,
                    query,
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                    time.monotonic(),
                )
                response = fake._respond(request)
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name=type(self).__name__, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Self:
        return self.start() if self._server is None else self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def _respond(self, request: FakeRequest) -> FakeResponse:
        with self._changed:
            outage = self._outage
            down = outage is not None and outage.active(request.at)
            if down and outage is not None and outage.after > 0:
                outage.after -= 1
                down = False
            if down and outage is not None and outage.times is not None:
                outage.times -= 1
        try:
            response = self.outage_response(outage) if down and outage is not None else self.handle(request)
        except Exception as error:  # a bug in the fake shows in the test, not as a hung request
            response = FakeResponse.json(599, {"fake_error": f"{type(error).__name__}: {error}"})
        with self._changed:
            self.received.append(request)
            self.answered.append((request, response))
            self._changed.notify_all()
        return response

    # --- what a test tells it and asks of it -----------------------------------------------------------------

    def fail(
        self,
        *,
        status: int = 503,
        times: int | None = None,
        seconds: float | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        after: int = 0,
    ) -> None:
        """Be down: answer `status` to the next `times` requests, or for `seconds`, or (neither) until
        `recover()`; with `after`, only once that many more requests have been answered as usual."""
        with self._changed:
            until = time.monotonic() + seconds if seconds is not None else None
            self._outage = Outage(status, times, until, body, dict(headers or {}), after)

    def recover(self) -> None:
        with self._changed:
            self._outage = None

    def clear(self) -> None:
        with self._changed:
            self.received.clear()
            self.answered.clear()

    def requests(self, predicate: Callable[[FakeRequest], bool] = lambda r: True) -> list[FakeRequest]:
        with self._changed:
            return [r for r in self.received if predicate(r)]

    def wait_for(
        self,
        predicate: Callable[[FakeRequest], bool],
        *,
        count: int = 1,
        timeout: float = WAIT_SECONDS,
        answered: int | None = None,
    ) -> list[FakeRequest]:
        """Block until `count` received requests match (and, with `answered`, were answered that status);
        returns them. Fails the test with what did arrive when they do not come within `timeout`."""
        deadline = time.monotonic() + timeout

        def matching() -> list[FakeRequest]:
            return [
                r
                for r, response in self.answered
                if predicate(r) and (answered is None or response.status == answered)
            ]

        with self._changed:
            while len(found := matching()) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(r.method, r.path, r.body[:300]) for r in self.received[-10:]]
                    raise AssertionError(
                        f"{type(self).__name__}: {len(found)} of {count} requests came; last: {seen}"
                    )
                self._changed.wait(left)
            return found


# --- around the server process ---------------------------------------------------------------------------


def write_channel_settings(path: Path, channels: Mapping[str, Mapping[str, str]]) -> Path:
    """The settings file `complaints-desk server --channels FILE` reads (JSON)."""
    path.write_text(json.dumps(channels, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def refusals_logged(log_lines: list[dict[str, Any]], channel: str) -> list[dict[str, Any]]:
    """The server's log lines for webhooks it refused on this channel (a bad signature or secret …)."""
    return [
        line for line in log_lines if line.get("event") == "webhook_refused" and line.get("channel") == channel
    ]


def eventually(check: Callable[[], Any], *, timeout: float = WAIT_SECONDS, every: float = 0.1) -> Any:
    """Call `check` until it returns something truthy (returned) or `timeout` passes (the last value is
    asserted, so the failure says what was seen)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            assert value, f"not within {timeout} s: {value!r}"
            return value
        time.sleep(every)


# --- the case a channel filed, as the desktops see it ------------------------------------------------------


def pulled_events(team: Any, who: str = "supervisor", *, case_id: str | None = None) -> list[dict[str, Any]]:
    """Every event `who` pulls through the sync API (a case's only, with `case_id`), oldest first."""
    events: list[dict[str, Any]] = []
    after = 0
    with team.client(who) as client:
        while True:
            response = client.get("/sync/pull", params={"after": after, "limit": 1000})
            assert response.status_code == 200, response.text
            page = response.json()
            events.extend(e for e in page["events"] if case_id is None or e["case_id"] == case_id)
            after = page["next_after"]
            if not page["has_more"]:
                return events


def filed_case(team: Any, receipt_no: str, who: str = "agent") -> list[dict[str, Any]]:
    """The events of the case with this receipt number, as `who` pulls them; fails when there is none."""
    events = pulled_events(team, who)
    received = [e for e in events if e["type"] == "received" and e["payload"].get("receipt_no") == receipt_no]
    assert len(received) == 1, f"{len(received)} cases numbered {receipt_no}"
    return [e for e in events if e["case_id"] == received[0]["case_id"]]


def cases_of_channel(team: Any, channel: str, who: str = "agent") -> list[dict[str, Any]]:
    """The received events of every case filed through `channel` (each case once)."""
    return [
        e for e in pulled_events(team, who) if e["type"] == "received" and e["payload"].get("channel") == channel
    ]


def answer_case(
    team: Any, case_id: str, answer: str, *, department: str = "ROAD", officer: str | None = None
) -> list[dict[str, Any]]:
    """The agent routes the case to `department`, its officer (the team's `officer` for ROAD,
    `other_officer` for PARK) accepts it and answers it, each pushed through the sync API as a desktop
    pushes it; returns the pushed events."""
    officer = officer or {"ROAD": "officer", "PARK": "other_officer"}[department]
    from datetime import UTC, datetime

    from complaints_desk.domain.ids import new_id

    version = max(e["case_version"] for e in pulled_events(team, "supervisor", case_id=case_id))
    steps = [
        ("agent", "routed", {"department_code": department}),
        (officer, "accepted", {}),
        (officer, "answered", {"result": "accepted", "answer": answer}),
    ]
    pushed: list[dict[str, Any]] = []
    for offset, (who, kind, payload) in enumerate(steps):
        staff = team.staff[who]
        event = {
            "id": new_id(),
            "case_id": case_id,
            "type": kind,
            "occurred_at": datetime.now(UTC).isoformat(),
            "actor_id": staff["id"],
            "actor_role": staff["role"],
            "actor_department": staff["department_code"],
            "station_code": team.station_code,
            "base_version": version + offset,
            "payload": payload,
        }
        with team.client(who) as client:
            response = client.post("/sync/push", json={"events": [event]})
        assert response.status_code == 200, response.text
        assert response.json()["results"][0]["status"] == "accepted", response.text
        pushed.append(event)
    return pushed


def delivery_reports(team: Any, case_id: str, who: str = "supervisor") -> list[dict[str, Any]]:
    """The case's reply_sent / reply_failed events, as a desktop pulls them."""
    return [e for e in pulled_events(team, who, case_id=case_id) if e["type"] in ("reply_sent", "reply_failed")]


def to_register_on_desktop(tmp_path: Path, base_url: str, who: str = "agent") -> list[Any]:
    """The "to register" queue (등록 대기) of a desktop client that signs in as `who` and pulls from the
    server: its store.queue items."""
    from complaints_desk.store.queue import Queue, QueueQuery, queue_window

    from .sync_client_support import make_client

    desk = make_client(tmp_path, f"{who}-desk", base_url)
    try:
        desk.login(who)
        report = desk.sync.pull_once()
        assert report is not None
        with desk.factory() as session:
            return queue_window(session, QueueQuery(queue=Queue.TO_REGISTER), limit=1000)
    finally:
        desk.close()
