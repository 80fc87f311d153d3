"""`complaints-desk admin inbox list | retry PLATFORM EVENT_ID ... | retry --all`: the messengers' messages
the inbox worker gave up on (each tried MAX_ATTEMPTS times: a bug, not the database), with the citizen's words
and the last error, and putting them back to be taken again once the cause is mended. /healthz counts them."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any


def register(actions: Any, common: Callable[[], argparse.ArgumentParser]) -> None:
    parser: argparse.ArgumentParser = actions.add_parser(
        "inbox", help="처리하지 못한 메신저 메시지 보기·다시 처리 (the inbox's failed messages)"
    )
    verbs = parser.add_subparsers(dest="inbox_action", metavar="list|retry", required=True)
    listing = verbs.add_parser(
        "list", parents=[common()], help="처리하지 못한 메시지 목록 (JSON lines, oldest first)"
    )
    listing.add_argument("--limit", type=int, default=200)
    listing.set_defaults(func=run_list)
    retry = verbs.add_parser("retry", parents=[common()], help="다시 처리하도록 되돌리기 (take them again)")
    retry.add_argument("keys", nargs="*", metavar="PLATFORM EVENT_ID", help="pairs, as `list` prints them")
    retry.add_argument("--all", action="store_true", help="every failed message")
    retry.set_defaults(func=run_retry)


def run_list(args: argparse.Namespace) -> int:
    from ..store.central import inbox
    from .admin import _guarded, _in_transaction

    def work() -> int:
        for message in _in_transaction(args, lambda s: inbox.failed_messages(s, limit=args.limit)):
            print(json.dumps(message.as_dict(), ensure_ascii=False))
        return 0

    return _guarded(work)


def run_retry(args: argparse.Namespace) -> int:
    from ..store.central import inbox
    from .admin import _guarded, _in_transaction

    def work() -> int:
        if args.all == bool(args.keys) or len(args.keys) % 2:
            raise ValueError(
                "PLATFORM EVENT_ID 쌍을 주거나 --all 하나만 주세요 / give PLATFORM EVENT_ID pairs, or --all alone"
            )
        pairs = None if args.all else list(zip(args.keys[::2], args.keys[1::2], strict=True))
        count = _in_transaction(args, lambda s: inbox.retry_failed(s, pairs))
        print(f"다시 처리합니다 / queued again: {count}")
        return 0 if count or args.all else 1

    return _guarded(work)
