"""The outbox worker alone: how many queued replies a second it sends and settles (issue #12).

    .venv/bin/python -m bench.outbox_bench [--messages 2000] [--chats 200] [--latency-ms 0,30]
        [--database postgresql|sqlite]

Queues `--messages` Telegram replies to `--chats` chats in a fresh PostgreSQL schema (or a SQLite file), then
runs the worker's claim–send–settle rounds (OutboxWorker.run_once, in this process) until none is due, its
Telegram channel pointed at a Bot API fake in this process that answers sendMessage 200 after
`--latency-ms` (0: the database's cost alone; 30: about a real platform's round trip). webhook_bench measures
the whole pipeline, where the inbox worker can be the slower stage; this isolates the outbox's own rate.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bench.common import scratch_database
from complaints_desk.server.channels import registry
from complaints_desk.server.channels.worker import OutboxWorker
from complaints_desk.store.central import outbound
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction

TOKEN = "424242:bench-token"


def _fake_bot_api(latency: float) -> tuple[ThreadingHTTPServer, list[int]]:
    sent = [0]
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall between

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if latency:
                time.sleep(latency)
            with lock:
                sent[0] += 1
            body = json.dumps({"ok": True, "result": {"message_id": sent[0], "date": 0}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, sent


def one_run(args: argparse.Namespace, latency_ms: float, tmp: Path) -> float:
    url, drop = scratch_database(args.database, tmp / f"run-{latency_ms:g}", name="outbox")
    (tmp / f"run-{latency_ms:g}").mkdir(exist_ok=True)
    fake, sent = _fake_bot_api(latency_ms / 1000)
    engine = make_engine(url)
    try:
        migrate(engine)
        factory = make_sessionmaker(engine)
        with transaction(factory) as session:
            for n in range(args.messages):
                outbound.enqueue(
                    session,
                    platform="telegram",
                    address=str(9_000_000 + n % args.chats),
                    purpose="reply",
                    body={"text": f"안내 {n}"},
                    order_key=n,
                )
        base = f"http://127.0.0.1:{fake.server_address[1]}"
        worker = OutboxWorker(factory, {"telegram": {"token": TOKEN, "api_base": base}})
        registry.adapters()  # the channels' imports (LINE's SDK takes seconds): not part of the figure
        started = time.perf_counter()
        try:
            while worker.run_once():
                pass
        finally:
            worker.stop()
        elapsed = time.perf_counter() - started
        assert sent[0] == args.messages, (sent[0], args.messages)
        return float(args.messages) / elapsed
    finally:
        engine.dispose()
        fake.shutdown()
        drop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--latency-ms", default="0,30", help="the fake's answer delay(s), comma-separated")
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    args = parser.parse_args(argv)
    print(
        f"outbox bench: {args.messages} replies to {args.chats} chats, {args.database}; load {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for latency in (float(value) for value in args.latency_ms.split(",")):
            rate = one_run(args, latency, Path(tmp))
            print(f"  platform answers in {latency:4g} ms: {rate:7.1f} replies/s   load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
