"""Webhook acknowledgement under 50 concurrent senders (docs/architecture.md budget: p99 ≤ 200 ms), and the
deliveries per second the server sustains, beside a bare endpoint's figures measured in the same run.

    .venv/bin/python -m bench.webhook_bench [--senders 50] [--seconds 10] [--rate 25] [--repeat 3]
        [--database postgresql|sqlite]

Starts one real server process (`complaints-desk server --channels FILE`) on a fresh PostgreSQL schema (or a
SQLite file), its Telegram channel pointed at a minimal Bot API fake in this process (sendMessage answered
at once; the outbox worker's replies are counted there). Each sender is a thread with its own keep-alive
HTTP/1.1 connection and its own private chat, posting Telegram Updates with the valid secret token header:
the conversation's real steps in turn (text messages and callback queries for the buttons: 민원, what, where,
name, how to be answered, consent, 접수), so every seventh update files a numbered case. Runs:

- bare, closed loop: GET /livez (no database), each sender again as soon as it has its answer;
- webhook, closed loop: the Updates the same way. Capacity: webhook deliveries acknowledged per second (and
  the outbox's replies that reached the fake per second over the run and its drain). Its latency is not the
  budget's: with 50 senders always waiting, p50 ≈ 50 / (deliveries per second) (Little's law);
- bare and webhook, paced: the senders together offer --rate requests per second on a fixed schedule;
  latency from the scheduled send time (a server that falls behind is charged for the wait). The budget's
  p99 is this run's;
- after the paced webhook run, "ack to taken": from the webhook's inbox row to the inbox worker's
  transaction that took the message (the case filed, the replies queued), read from channel_inbound;
- KakaoTalk skill requests, paced the same way: Kakao's skill is answered inline (the SkillResponse carries
  the replies and the receipt number), so its latency is the whole step, filing included.

After each webhook run the outbox is drained, and "to receipt" is what a citizen waits for: from sending the
confirming step (접수) to its receipt number reaching the fake (acknowledgement, the inbox worker's filing,
the outbox's sendMessage).

With --repeat N the runs are repeated N times and the medians printed last. PASS: the paced webhook p99
≤ 200 ms in every round and no refused delivery. The load generator and the fake share the machine's cores with the server
and the database: the figures are a lower bound of what a separate sender would see.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import requests

from bench.common import scratch_database

REPO = Path(__file__).resolve().parents[1]
TOKEN = "424242:bench-token"
SECRET = "bench-webhook-secret_0123456789"
BUDGET_P99_MS = 200.0
KAKAO_SECRET = "bench-kakao-skill-secret"
# A KakaoTalk chatbot cannot write first: its conversation asks how to send the answer and for a phone.
KAKAO_STEPS = (
    "민원",
    "한빛로 12 앞 가로등이 사흘째 꺼져 있어 밤길이 어둡습니다.",
    "없음",
    "홍길동",
    "문자(SMS)로 받기",
    "010-9876-5432",
    "동의",
    "접수",
)
RECEIPT_MARK = "접수번호:"  # in the message that carries the receipt number (domain.conversation.filed_reply)
STEPS: tuple[tuple[str, str], ...] = (
    ("text", "민원"),
    ("text", "한빛로 12 앞 가로등이 사흘째 꺼져 있어 밤길이 어둡습니다."),
    ("button", "없음"),
    ("text", "홍길동"),
    ("button", "channel"),
    ("button", "동의"),
    ("button", "접수"),
)


class FilingClock:
    """When each chat sent its confirming step (접수), and how long until its receipt number reached the fake:
    what the citizen waits for, message sent → receipt number back."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sent_at: dict[int, float] = {}
        self.waits: list[float] = []  # milliseconds

    def confirming(self, chat_id: int) -> None:
        with self._lock:
            self._sent_at[chat_id] = time.perf_counter()

    def receipt(self, chat_id: int) -> None:
        with self._lock:
            sent_at = self._sent_at.pop(chat_id, None)
            if sent_at is not None:
                self.waits.append((time.perf_counter() - sent_at) * 1000)

    def take(self) -> list[float]:
        with self._lock:
            waits, self.waits = self.waits, []
            return waits


class FakeBotApi:
    """sendMessage answered 200 at once; counts what arrives, and notes each receipt number's arrival."""

    def __init__(self, clock: FilingClock) -> None:
        self.sent = 0
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # The headers and the body go out in two writes: without this, Nagle holds the body back until the
            # client's delayed ACK of the headers (40 ms a request on Linux), which no platform's API does.
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                sent = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                if RECEIPT_MARK in str(sent.get("text", "")):
                    clock.receipt(int(sent["chat_id"]))
                with fake._lock:
                    fake.sent += 1
                    number = fake.sent
                body = json.dumps({"ok": True, "result": {"message_id": number, "date": 0}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, channels: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    out = log.open("wb")
    command = [sys.executable, "-m", "complaints_desk.cli", "server", "--database-url", url, "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--channels", str(channels)],
        cwd=REPO,
        stdout=out,
        stderr=out,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if requests.get(base + "/healthz", timeout=2).ok:
                return process, base
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server did not start: {log.read_text(errors='replace')[-2000:]}")


class Sender:
    """One chat's keep-alive connection; each call sends the conversation's next step."""

    _update_ids = iter(range(1, 10**12))
    _ids_lock = threading.Lock()

    def __init__(self, base: str, chat_id: int, first_step: int = 0, clock: FilingClock | None = None) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)
        self.chat_id = chat_id
        self.sent = 0
        self.step = first_step  # chats at different steps: the filings spread over time, as citizens' do
        self.refused = 0
        self.clock = clock
        self.kakao_step = first_step

    def _update(self) -> bytes:
        with Sender._ids_lock:
            update_id = next(Sender._update_ids)
        how, text = STEPS[self.step % len(STEPS)]
        if self.step % len(STEPS) == len(STEPS) - 1 and self.clock is not None:
            self.clock.confirming(self.chat_id)
        self.step += 1
        self.sent += 1
        user = {"id": self.chat_id, "is_bot": False, "first_name": "시민"}
        chat = {"id": self.chat_id, "type": "private", "first_name": "시민"}
        if how == "text":
            update: dict[str, Any] = {
                "update_id": update_id,
                "message": {
                    "message_id": self.step,
                    "from": user,
                    "chat": chat,
                    "date": int(time.time()),
                    "text": text,
                },
            }
        else:
            update = {
                "update_id": update_id,
                "callback_query": {
                    "id": str(update_id),
                    "from": user,
                    "chat_instance": "1",
                    "data": text,
                    "message": {"message_id": self.step, "chat": chat, "date": int(time.time()), "text": "…"},
                },
            }
        return json.dumps(update, ensure_ascii=False).encode("utf-8")

    def _request(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> int:
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                response.read()
                return response.status
            except (http.client.RemoteDisconnected, ConnectionError):
                self.connection.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def webhook(self) -> None:
        headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
        if self._request("POST", "/webhooks/telegram", self._update(), headers) != 200:
            self.refused += 1

    def kakao(self) -> None:
        """A skill request: answered inline (SkillResponse), so its answer is the receipt number itself."""
        utterance = KAKAO_STEPS[self.kakao_step % len(KAKAO_STEPS)]
        self.kakao_step += 1
        user = f"kakao-{self.chat_id}"
        payload = {
            "intent": {"id": "fallback", "name": "폴백 블록"},
            "userRequest": {
                "timezone": "Asia/Seoul",
                "block": {"id": "fallback", "name": "폴백 블록"},
                "utterance": utterance,
                "lang": "ko",
                "user": {"id": user, "type": "botUserKey", "properties": {"botUserKey": user}},
            },
            "bot": {"id": "bench-bot", "name": "민원 챗봇"},
            "action": {"name": "민원 접수", "clientExtra": None, "params": {}, "id": "skill", "detailParams": {}},
            "contexts": [],
        }
        headers = {"Content-Type": "application/json", "X-Skill-Secret": KAKAO_SECRET}
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        if self._request("POST", "/webhooks/kakao", body, headers) != 200:
            self.refused += 1

    def bare(self) -> None:
        if self._request("GET", "/livez", None, {}) != 200:
            self.refused += 1


@dataclass(frozen=True)
class Figures:
    per_second: float
    p50: float
    p99: float
    refused: int


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


def run(senders: list[Sender], call: Callable[[Sender], None], seconds: float, rate: float | None) -> Figures:
    """All senders for `seconds`: closed loop (rate None) or paced at `rate` requests/s together."""
    latencies: list[list[float]] = [[] for _ in senders]
    refused_before = sum(s.refused for s in senders)
    start = time.perf_counter() + 0.2
    end = start + seconds

    def work(index: int, sender: Sender) -> None:
        interval = len(senders) / rate if rate else 0.0
        scheduled = start + (index / len(senders)) * interval
        while True:
            now = time.perf_counter()
            if rate:
                if scheduled >= end:
                    return
                if scheduled > now:
                    time.sleep(scheduled - now)
                began = scheduled
                scheduled += interval
            else:
                if now >= end:
                    return
                began = now if now >= start else start
                if now < start:
                    time.sleep(start - now)
            call(sender)
            latencies[index].append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=work, args=(i, s)) for i, s in enumerate(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    samples = [x for per in latencies for x in per]
    elapsed = max(time.perf_counter(), end) - start
    refused = sum(s.refused for s in senders) - refused_before
    return Figures(len(samples) / elapsed, _percentile(samples, 0.5), _percentile(samples, 0.99), refused)


def _waits(waits: list[float], seconds: float) -> Figures:
    """Message sent → receipt number back at the fake, for the filings of one run (per second: filings)."""
    return Figures(len(waits) / seconds, _percentile(waits, 0.5), _percentile(waits, 0.99), 0)


def _inbox_waits(url: str, since: datetime, seconds: float) -> Figures:
    """The inbox's own wait, from the webhook's row to the inbox worker's transaction that took it (the
    conversation step, the case filed, the replies queued), for the messages taken in since `since`."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT received_at, processed_at FROM channel_inbound WHERE processed_at IS NOT NULL")
        ).all()
    engine.dispose()
    waits = []
    for received, processed in rows:
        received_at, processed_at = _moment(received), _moment(processed)
        if received_at >= since:
            waits.append((processed_at - received_at).total_seconds() * 1000)
    return Figures(len(waits) / seconds, _percentile(waits, 0.5), _percentile(waits, 0.99), 0)


def _moment(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def one_round(args: argparse.Namespace, tmp: Path, number: int) -> dict[str, Figures | float]:
    clock = FilingClock()
    fake = FakeBotApi(clock)
    channels = tmp / f"channels-{number}.json"
    channels.write_text(
        json.dumps(
            {
                "telegram": {"token": TOKEN, "secret_token": SECRET, "api_base": fake.base_url},
                "kakao": {"secret": KAKAO_SECRET},
            }
        ),
        "utf-8",
    )
    url, drop = scratch_database(args.database, tmp / f"round-{number}", name="server")
    (tmp / f"round-{number}").mkdir(exist_ok=True)
    process, base = start_server(url, channels, tmp / f"server-{number}.log")
    try:
        senders = [Sender(base, 7_000_000 + number * 1000 + n, n % len(STEPS), clock) for n in range(args.senders)]
        for sender in senders[:5]:  # the first delivery imports the channels: not part of any figure
            sender.webhook()

        def drain() -> None:
            expected = sum(s.sent for s in senders)  # every update so far is answered by one message
            deadline = time.perf_counter() + 120
            while fake.sent < expected and time.perf_counter() < deadline:
                time.sleep(0.02)

        drain()
        clock.take()
        figures: dict[str, Figures | float] = {}
        figures["bare, closed"] = run(senders, Sender.bare, args.seconds, None)
        sent_before, started = fake.sent, time.perf_counter()
        figures["webhook, closed"] = run(senders, Sender.webhook, args.seconds, None)
        drain()
        figures["replies sent/s"] = (fake.sent - sent_before) / (time.perf_counter() - started)
        figures["to receipt, closed"] = _waits(clock.take(), args.seconds)
        figures["bare, paced"] = run(senders, Sender.bare, args.seconds, args.rate)
        paced_from = datetime.now(UTC)
        figures["webhook, paced"] = run(senders, Sender.webhook, args.seconds, args.rate)
        drain()
        figures["ack to taken, paced"] = _inbox_waits(url, paced_from, args.seconds)
        figures["to receipt, paced"] = _waits(clock.take(), args.seconds)
        # KakaoTalk's skill answers inline within Kakao's 5 s: the same senders, its conversation, paced.
        figures["kakao, paced"] = run(senders, Sender.kakao, args.seconds, args.rate)
        return figures
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        fake.server.shutdown()
        drop()
        _report_problems(tmp / f"server-{number}.log")


def _report_problems(log: Path) -> None:
    """The server's warnings and errors, counted by what they say (a refused delivery shows why)."""
    seen: dict[str, int] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("level") in ("warning", "error"):
            key = f"{entry.get('event')} {entry.get('status', '')} {str(entry.get('error', ''))[:700]}".strip()
            seen[key] = seen.get(key, 0) + 1
        elif entry.get("event") == "request" and entry.get("status") not in (200, None):
            key = f"request {entry.get('path')} {entry.get('status')}"
            seen[key] = seen.get(key, 0) + 1
    for key, count in sorted(seen.items(), key=lambda item: -item[1])[:10]:
        print(f"  server log: {count} × {key}")


def _print(title: str, figures: dict[str, Figures | float]) -> None:
    print(f"\n{title}")
    for name, value in figures.items():
        if isinstance(value, Figures):
            print(
                f"  {name:16} {value.per_second:8.1f} /s   p50 {value.p50:7.1f} ms   p99 {value.p99:7.1f} ms"
                f"   refused {value.refused}"
            )
        else:
            print(f"  {name:16} {value:8.1f} /s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senders", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=25.0, help="the paced runs' requests per second")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--logs", metavar="DIR", help="keep the server logs (JSON lines) in DIR")
    args = parser.parse_args(argv)
    print(
        f"webhook bench: {args.senders} senders, {args.seconds:g} s a run, paced at {args.rate:g}/s, "
        f"{args.database}, {os.cpu_count()} cores; load: {os.getloadavg()[0]:.1f}"
    )
    rounds: list[dict[str, Figures | float]] = []
    with tempfile.TemporaryDirectory(prefix="webhook-bench-") as tmp:
        for number in range(args.repeat):
            rounds.append(one_round(args, Path(tmp), number))
            _print(f"round {number + 1} (load {os.getloadavg()[0]:.1f})", rounds[-1])
        if args.logs:
            Path(args.logs).mkdir(parents=True, exist_ok=True)
            for log in Path(tmp).glob("server-*.log"):
                shutil.copy(log, Path(args.logs) / log.name)
    medians: dict[str, Figures | float] = {}
    for name, first in rounds[0].items():
        values = [r[name] for r in rounds]
        if isinstance(first, Figures):
            figures = [v for v in values if isinstance(v, Figures)]
            medians[name] = Figures(
                statistics.median(f.per_second for f in figures),
                statistics.median(f.p50 for f in figures),
                statistics.median(f.p99 for f in figures),
                sum(f.refused for f in figures),
            )
        else:
            medians[name] = statistics.median(float(v) for v in values if isinstance(v, float))
    _print(f"median of {len(rounds)}", medians)
    paced = [r["webhook, paced"] for r in rounds]
    receipts = [r["to receipt, paced"] for r in rounds]
    refused = sum(f.refused for r in rounds for f in r.values() if isinstance(f, Figures))
    worst = max(f.p99 for f in paced if isinstance(f, Figures))
    ok = worst <= BUDGET_P99_MS and refused == 0
    rounds_p99 = ", ".join(f"{f.p99:.1f}" for f in paced if isinstance(f, Figures))
    print(
        f"\nbudget: webhook acknowledgement p99 ≤ {BUDGET_P99_MS:.0f} ms with {args.senders} senders "
        f"(paced at {args.rate:g}/s) in every round: {rounds_p99} ms; refused {refused} → {'PASS' if ok else 'FAIL'}"
    )
    print(
        "message sent → receipt number back (paced), p99 by round: "
        + ", ".join(f"{f.p99:.1f}" for f in receipts if isinstance(f, Figures))
        + f" ms; load: {os.getloadavg()[0]:.1f}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
