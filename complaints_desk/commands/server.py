"""`complaints-desk server`: run the central server (FastAPI on uvicorn) over SQLite or PostgreSQL."""

from __future__ import annotations

import argparse
import ipaddress
from typing import Any

from ..server.config import ServerSettings
from . import data_dir_parent, fail

DEFAULT_PORT = 8470


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "server",
        parents=[data_dir_parent()],
        help="중앙 서버 실행 (run the central server)",
        description=(
            "민원데스크 중앙 서버를 실행합니다. 기본 데이터베이스는 데이터 폴더의 server.sqlite3이며, "
            "운영에서는 --database-url postgresql+psycopg://… 로 PostgreSQL을 씁니다 (여러 프로세스 가능)."
        ),
    )
    parser.add_argument("--database-url", help="SQLAlchemy URL (default: SQLite server.sqlite3 in the data dir)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument(
        "--token-hours", type=float, default=12.0, help="how long a login token lives (default 12 hours)"
    )
    parser.add_argument(
        "--worker-threads",
        type=int,
        default=ServerSettings.worker_threads,
        help=f"threads (and pooled database connections) for request work (default {ServerSettings.worker_threads})",
    )
    parser.add_argument(
        "--pull-page-bytes",
        type=int,
        default=ServerSettings.pull_page_bytes,
        help=f"a pull page stops adding changes past this many bytes (default {ServerSettings.pull_page_bytes})",
    )
    parser.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="a reverse proxy's address or network whose X-Forwarded-For is believed (repeatable; default none)",
    )
    parser.add_argument(
        "--password-hash-limit",
        type=int,
        default=ServerSettings.password_hash_limit,
        help=f"password checks at once (default {ServerSettings.password_hash_limit}: half the cores)",
    )
    parser.add_argument(
        "--password-hash-queue",
        type=int,
        default=ServerSettings.password_hash_queue,
        help=f"logins that may wait for a check; more are answered 503 (default {ServerSettings.password_hash_queue})",
    )
    parser.add_argument(
        "--password-hash-nice",
        type=int,
        default=ServerSettings.password_hash_nice,
        help=f"CPU nice value of the password-check processes, 0-19 (default {ServerSettings.password_hash_nice})",
    )
    parser.add_argument(
        "--address-lockout-after",
        type=int,
        default=ServerSettings.address_lockout_after,
        help=f"wrong passwords from one address before it is locked out (default {ServerSettings.address_lockout_after})",
    )
    parser.add_argument(
        "--clock-skew-minutes",
        type=float,
        default=5.0,
        help="refuse pushed times later than the server's clock plus this (default 5 minutes)",
    )
    parser.add_argument(
        "--max-event-age-days",
        type=float,
        default=60.0,
        help="refuse pushed times older than this; long enough for an outage's backlog (default 60 days)",
    )
    parser.add_argument(
        "--channels",
        metavar="FILE",
        help="the online channels' settings, a TOML or JSON file: one table per channel "
        "(telegram, line, kakao, meta, sms, alimtalk, email, open311, web) with its tokens, secrets and API base "
        "URLs; docs/channels.md lists the keys. Default: COMPLAINTS_DESK_CHANNELS, else channels.toml in the data "
        "directory when it exists",
    )
    parser.set_defaults(func=run)


def channel_settings(args: argparse.Namespace) -> dict[str, dict[str, str]]:
    """The channels' settings file (TOML or JSON) as {channel: {key: text}}; {} when there is none.
    Raises ValueError with a message in both languages."""
    import json
    import os
    import tomllib
    from pathlib import Path

    from ..store.db import resolve_data_dir

    named = getattr(args, "channels", None) or os.environ.get("COMPLAINTS_DESK_CHANNELS")
    path = Path(named) if named else resolve_data_dir(getattr(args, "data_dir", None)) / "channels.toml"
    if not path.exists():
        if named:
            raise ValueError(f"채널 설정 파일이 없습니다 / channel settings file not found: {path}")
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        loaded = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise ValueError(
            f"채널 설정 파일을 읽을 수 없습니다 / cannot read channel settings {path}: {error}"
        ) from None
    if not isinstance(loaded, dict) or not all(isinstance(v, dict) for v in loaded.values()):
        raise ValueError(
            f"채널 설정은 채널별 표여야 합니다 / channel settings must be one table per channel: {path}"
        )
    return {str(name): {str(k): str(v) for k, v in table.items()} for name, table in loaded.items()}


def database_url_for(args: argparse.Namespace) -> str:
    from ..store.db import SERVER_STORE_FILE, resolve_data_dir, sqlite_url

    if args.database_url:
        return str(args.database_url)
    return sqlite_url(resolve_data_dir(getattr(args, "data_dir", None)) / SERVER_STORE_FILE)


def run(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from ..server.app import serve

    if not 0 < args.port < 65536:
        return fail(f"포트 번호가 올바르지 않습니다 / invalid port: {args.port}")
    if args.token_hours <= 0:
        return fail(f"토큰 유효 시간은 0보다 커야 합니다 / --token-hours must be positive: {args.token_hours}")
    if not 1 <= args.worker_threads <= 256:
        return fail(
            f"작업 스레드 수는 1~256이어야 합니다 / --worker-threads must be 1 to 256: {args.worker_threads}"
        )
    if args.pull_page_bytes < 1024:
        return fail(
            f"pull 페이지 크기는 1024바이트 이상이어야 합니다 / --pull-page-bytes must be at least 1024: {args.pull_page_bytes}"
        )
    if not 1 <= args.password_hash_limit <= 64 or not 0 <= args.password_hash_queue <= 10_000:
        return fail(
            "비밀번호 확인 동시 수는 1~64, 대기 수는 0~10000이어야 합니다 / "
            "--password-hash-limit must be 1 to 64 and --password-hash-queue 0 to 10000"
        )
    if not 0 <= args.password_hash_nice <= 19:
        return fail(f"nice 값은 0~19여야 합니다 / --password-hash-nice must be 0 to 19: {args.password_hash_nice}")
    if args.address_lockout_after < 1:
        return fail(
            f"주소별 잠금 기준은 1 이상이어야 합니다 / --address-lockout-after must be at least 1: "
            f"{args.address_lockout_after}"
        )
    proxies = tuple(args.trusted_proxy)
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            return fail(f"프록시 주소가 올바르지 않습니다 / --trusted-proxy is not an address or network: {proxy}")
    if args.clock_skew_minutes < 0 or args.max_event_age_days <= 0:
        return fail(
            "시계 허용 오차는 0 이상, 이벤트 최대 기간은 0보다 커야 합니다 / "
            "--clock-skew-minutes must be ≥ 0 and --max-event-age-days positive"
        )
    url = database_url_for(args)
    try:
        channels = channel_settings(args)
    except ValueError as error:
        return fail(str(error))
    settings = ServerSettings(
        url,
        token_ttl=timedelta(hours=args.token_hours),
        worker_threads=args.worker_threads,
        pull_page_bytes=args.pull_page_bytes,
        trusted_proxies=proxies,
        password_hash_limit=args.password_hash_limit,
        password_hash_queue=args.password_hash_queue,
        password_hash_nice=args.password_hash_nice,
        address_lockout_after=args.address_lockout_after,
        future_skew=timedelta(minutes=args.clock_skew_minutes),
        max_event_age=timedelta(days=args.max_event_age_days),
        channels=channels,
    )
    serve(url, args.host, args.port, settings=settings)
    return 0
