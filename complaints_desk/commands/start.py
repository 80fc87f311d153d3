"""`complaints-desk start`: the main job on the embedded defaults — the central server on an SQLite file in
the data directory, on loopback, with a demo 구청 when the store is empty."""

from __future__ import annotations

import argparse

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
    from ..server.app import serve

    print(f"중앙 서버: http://{args.host}:{args.port}/  (API 문서: http://{args.host}:{args.port}/docs)")
    serve(url, args.host, args.port)
    return 0
