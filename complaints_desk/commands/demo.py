"""`complaints-desk demo --cases N [--seed S] [--now ISO] [--data-dir DIR]`: fill an EMPTY store with a
fictional 서울특별시 한빛구청 and N believable cases (a year of history, every channel, kind and status).

A store that already has cases is refused (exit status 2) rather than mixed with demo data: use another
--data-dir. The same seed and --now give the same store. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
import time

from . import data_dir_parent, fail

_HELP = "시연용 데이터 생성 / build demo data (빈 저장소에만 / empty store only)"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo", help=_HELP, description=_HELP, parents=[data_dir_parent()])
    parser.add_argument("--cases", type=int, default=2000, metavar="N", help="민원 건수 / number of cases")
    parser.add_argument("--seed", type=int, default=1, help="난수 시드 / random seed (same seed, same data)")
    parser.add_argument(
        "--now",
        metavar="ISO",
        help="기준 시각 / the moment the history ends (default: now), e.g. 2026-03-10T11:00+09:00",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from ..domain.errors import DomainError
    from ..store.db import SERVER_STORE_FILE, make_engine, migrate, resolve_data_dir, sqlite_url
    from ..store.demo import OFFICE_NAME, build_demo

    if args.cases < 0:
        return fail(DomainError("cases", "건수는 0 이상이어야 합니다.", "--cases must not be negative."))
    now = None
    if args.now:
        try:
            now = datetime.fromisoformat(args.now)
        except ValueError:
            return fail(
                DomainError("now", f"시각 형식이 올바르지 않습니다: {args.now}", f"Not a date-time: {args.now}")
            )
        if now.tzinfo is None:
            return fail(DomainError("now", "--now에 시간대를 붙여 주세요 (+09:00).", "--now needs a time zone."))
    store = resolve_data_dir(getattr(args, "data_dir", None)) / SERVER_STORE_FILE
    engine = make_engine(sqlite_url(store))
    started = time.perf_counter()
    last_shown = [0.0]

    def progress(done: int, total: int) -> None:
        moment = time.perf_counter()
        if done == total or moment - last_shown[0] > 0.5:
            last_shown[0] = moment
            share = done / total * 100 if total else 100
            print(
                f"\r민원 생성 / cases: {done:,}/{total:,} ({share:.0f}%) {moment - started:.0f}s",
                end="",
                file=sys.stderr,
            )

    try:
        migrate(engine)
        summary = build_demo(
            engine, cases=args.cases, seed=args.seed, now=now and now.astimezone(UTC), progress=progress
        )
    except DomainError as error:
        return fail(error)
    finally:
        engine.dispose()
    print(file=sys.stderr)
    print(
        f"{OFFICE_NAME}: 민원 {summary.cases:,}건, 이벤트 {summary.events:,}건, {summary.seconds:.1f}초 → {store}\n"
        f"{OFFICE_NAME}: {summary.cases:,} cases, {summary.events:,} events in {summary.seconds:.1f} s → {store}"
    )
    return 0
