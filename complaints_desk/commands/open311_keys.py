"""`complaints-desk admin open311-key add NAME | list | revoke NAME`: the API keys Open311 clients file
requests with (POST /open311/v2/requests). `add` prints the key once; the server keeps only its hash."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any


def register(actions: Any, common: Callable[[], argparse.ArgumentParser]) -> None:
    parser: argparse.ArgumentParser = actions.add_parser(
        "open311-key", help="Open311 API 키 발급·목록·폐기 (Open311 API keys)"
    )
    keys = parser.add_subparsers(dest="key_action", metavar="add|list|revoke", required=True)
    add = keys.add_parser("add", parents=[common()], help="키 발급: 키는 이때 한 번만 보입니다 (issue a key)")
    add.add_argument("name", help="the client's name, e.g. '한빛구 스마트 민원 앱'")
    add.set_defaults(func=run_add)
    listing = keys.add_parser("list", parents=[common()], help="키 목록 (JSON lines; never the keys)")
    listing.set_defaults(func=run_list)
    revoke = keys.add_parser("revoke", parents=[common()], help="키 폐기 (revoke a key at once)")
    revoke.add_argument("name")
    revoke.set_defaults(func=run_revoke)


def run_add(args: argparse.Namespace) -> int:
    from ..store.central import open311
    from .admin import _guarded, _in_transaction

    def work() -> int:
        info, secret = _in_transaction(args, lambda s: open311.issue_key(s, args.name))
        print(f"발급했습니다 / issued: {info.name}")
        print(f"api_key: {secret}")
        print("이 키는 다시 볼 수 없습니다. 지금 클라이언트에 전해 주세요. / This key is not shown again.")
        return 0

    return _guarded(work)


def run_list(args: argparse.Namespace) -> int:
    from ..store.central import open311
    from .admin import _guarded, _in_transaction

    def work() -> int:
        for info in _in_transaction(args, open311.list_keys):
            print(json.dumps(info.as_dict(), ensure_ascii=False))
        return 0

    return _guarded(work)


def run_revoke(args: argparse.Namespace) -> int:
    from ..store.central import open311
    from .admin import _guarded, _in_transaction

    def work() -> int:
        info = _in_transaction(args, lambda s: open311.revoke_key(s, args.name))
        print(f"폐기했습니다 / revoked: {info.name} ({info.prefix}…)")
        return 0

    return _guarded(work)
