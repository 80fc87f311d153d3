"""`complaints-desk start`: the main job on the embedded defaults — the central server on an SQLite file in
the data directory, on loopback, with a demo 구청 when the store is empty, run as its own process; then a
desktop client at the sign-in screen, the server's address filled in and the demo accounts listed. Closing the
client stops the server. On a machine with no display it says so in one line, keeps the server running and
prints the command that opens a client against it."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import data_dir_parent

DEMO_PASSWORD = "minwon-demo-2026"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "start",
        parents=[data_dir_parent()],
        help="run the main job: embedded server with demo data (서버와 데모 데이터 실행)",
        description="Start the embedded central server (SQLite, loopback) with demo data when the store is empty.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8470)
    parser.add_argument("--database-url", help="default: server.sqlite3 in the data directory")
    parser.add_argument("--demo-cases", type=int, default=2000, help="cases to generate into an empty store")
    parser.add_argument("--no-serve", action="store_true", help="prepare the store and exit (for scripts)")
    parser.add_argument(
        "--no-client", action="store_true", help="serve only; print the command that opens a client"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from ..domain.deadlines import due_at, period_for
    from ..domain.kinds import Kind
    from ..store import reference
    from ..store.central.accounts import hash_password
    from ..store.db import (
        SERVER_STORE_FILE,
        make_engine,
        make_sessionmaker,
        migrate,
        resolve_data_dir,
        sqlite_url,
        transaction,
    )
    from ..store.demo.build import ensure_demo
    from ..store.intake import calendar_for

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    url = args.database_url or sqlite_url(data_dir / SERVER_STORE_FILE)
    engine = make_engine(url)
    migrate(engine)
    factory = make_sessionmaker(engine)
    added = ensure_demo(factory, cases=args.demo_cases)
    with transaction(factory) as session:
        given = reference.give_passwords_to_staff_without(session, hash_password(DEMO_PASSWORD))
        accounts = reference.one_account_per_role(session)
        # Load the holiday tables now, so the first intake is as quick as every other one.
        calendar = calendar_for(session)
    engine.dispose()
    due_at(datetime.now(ZoneInfo("Asia/Seoul")), period_for(Kind.OTHER), calendar)

    print(f"민원데스크 데이터: {data_dir}")
    print(f"저장소: {engine.url.render_as_string(hide_password=True)}")
    if added:
        print(f"데모 민원 {added:,}건을 만들었습니다.")
    if given:
        print(f"데모 계정 {len(given)}개의 비밀번호: {DEMO_PASSWORD}")
    for role, username in sorted(accounts.items()):
        print(f"  {role:<10} {username}")
    if args.no_serve:
        return 0
    base = f"http://{args.host}:{args.port}"
    # a polite stop (SIGTERM) runs the clean-up below, which stops the server process too
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(0))
    server = subprocess.Popen(
        _command(data_dir, "server", "--database-url", url, "--host", args.host, "--port", str(args.port))
    )
    try:
        if not _healthy(base, server):
            print(
                "오류: 중앙 서버가 시작되지 않았습니다 / error: the central server did not start", file=sys.stderr
            )
            return 1
        print(f"중앙 서버: {base}/  (API 문서: {base}/docs)")
        print(f"시민용 인터넷 민원 / citizens' pages: {base}/minwon/  (Open311: {base}/open311/v2/discovery.json)")
        client = _command(data_dir, "client", "--server", base)
        shown = " ".join(client[2:]).replace("complaints_desk.cli", "complaints-desk", 1)
        if args.no_client or not has_display():
            if not args.no_client:
                print("화면(디스플레이)이 없어 클라이언트를 열지 않습니다 / no display: the client is not opened")
            print(f"클라이언트 열기 / open a client: {shown}")
            return server.wait()
        from ..gui.signin import DEMO_ACCOUNTS_ENV, DemoAccounts

        demo = DemoAccounts(DEMO_PASSWORD, tuple(sorted(accounts.items())))
        environment = {**os.environ, DEMO_ACCOUNTS_ENV: demo.to_environment()}
        print(f"클라이언트를 엽니다 / opening a client: {shown}")
        # its own process group: a stop of `start` stops the client and its demo keyring session with it
        opened = subprocess.Popen(client, env=environment, start_new_session=True)
        try:
            opened.wait()
        finally:
            if opened.poll() is None:
                if sys.platform == "win32":
                    opened.terminate()
                else:
                    os.killpg(opened.pid, signal.SIGTERM)
                opened.wait(timeout=15)
        return 0
    except (KeyboardInterrupt, SystemExit):
        return 0
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


def _command(data_dir: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "complaints_desk.cli", "--data-dir", str(data_dir), *arguments]


def has_display() -> bool:
    """Windows and macOS always have one; elsewhere an X or Wayland display must be named."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _healthy(base: str, server: subprocess.Popen[bytes], seconds: float = 60.0) -> bool:
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.2)
    return False
