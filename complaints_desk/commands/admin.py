"""`complaints-desk admin …`: the administrator's tools on the server's database (the first admin account,
departments, staff, categories, routing rules, stations, closures, Open311 API keys). The same changes are available over
HTTP at /api/v1/admin/* for an administrator who is logged in."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from . import data_dir_parent, fail


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "admin",
        help="서버 관리: 기관 설정·관리자·부서·직원·분류·배정규칙·단말·휴무일 (server administration)",
        description="중앙 서버 데이터베이스를 직접 관리합니다 (서버 명령과 같은 --database-url).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = actions.add_parser(name, parents=[_common()], help=help_text)
        sub.set_defaults(func=func)
        return sub

    p = action("create-admin", "첫 관리자 계정 만들기 (create an administrator)", run_create_admin)
    p.add_argument("username")
    p.add_argument("--name", required=True, help="이름 (e.g. 홍길동)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    p = action("add-department", "부서 추가·수정", run_add_department)
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--phone", default="")

    p = action("add-staff", "직원 추가", run_add_staff)
    p.add_argument("username")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=["agent", "clerk", "officer", "supervisor", "admin"])
    p.add_argument("--department", help="department code (officers need one)")
    p.add_argument("--phone", default="")
    p.add_argument("--password-stdin", action="store_true")

    p = action("set-staff", "직원 역할·부서 변경, 비활성화", run_set_staff)
    p.add_argument("username")
    p.add_argument("--role", choices=["agent", "clerk", "officer", "supervisor", "admin"])
    p.add_argument("--department")
    p.add_argument("--deactivate", action="store_true")
    p.add_argument("--activate", action="store_true")

    p = action("add-category", "민원 분류 추가·수정", run_add_category)
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--department", help="default department code")
    p.add_argument("--statutory-days", type=int)

    p = action("add-rule", "부서 배정 규칙 추가", run_add_rule)
    p.add_argument("department")
    p.add_argument("--position", type=int, default=100)
    p.add_argument("--category")
    p.add_argument("--keyword", action="append", default=[], help="repeatable")

    p = action("add-channel", "온라인 채널 단말 코드 추가 (e.g. W01 웹)", run_add_channel)
    p.add_argument("code")
    p.add_argument("name")

    p = action("add-closure", "휴무일 추가 (YYYY-MM-DD)", run_add_closure)
    p.add_argument("start")
    p.add_argument("end")
    p.add_argument("name")

    p = action("office", "기관 설정: 문서에 찍히는 기관명·주소·대표전화·기관장·처리상황 조회 주소", run_office)
    p.add_argument("--name", help="기관명 (e.g. 서울특별시 한빛구청)")
    p.add_argument("--address", help="기관 주소")
    p.add_argument("--phone", help="대표전화 (e.g. 02-2150-3000)")
    p.add_argument("--head-title", help="통지문 명의 (e.g. 서울특별시 한빛구청장)")
    p.add_argument(
        "--status-url",
        help="시민용 처리상황 조회 주소 (e.g. https://minwon.hanbit.go.kr/status/); 접수번호가 붙습니다",
    )

    p = action("list", "목록 보기 (JSON lines)", run_list)
    p.add_argument("what", choices=["departments", "staff", "categories", "rules", "stations", "closures"])

    from . import inbox, open311_keys

    open311_keys.register(actions, _common)
    inbox.register(actions, _common)


def _common() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False, parents=[data_dir_parent()])
    parent.add_argument("--database-url", help="the server's database (default: server.sqlite3 in the data dir)")
    return parent


def _in_transaction(args: argparse.Namespace, work: Callable[[Any], Any]) -> Any:
    from ..store.db import make_engine, make_sessionmaker, migrate, transaction
    from .server import database_url_for

    engine = make_engine(database_url_for(args))
    try:
        migrate(engine)
        with transaction(make_sessionmaker(engine)) as session:
            return work(session)
    finally:
        engine.dispose()


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("비밀번호 (password): ")
    if getpass.getpass("비밀번호 확인 (again): ") != first:
        raise ValueError("비밀번호가 서로 다릅니다 / the passwords differ")
    return first


def _guarded(work: Callable[[], int]) -> int:
    from ..domain.errors import DomainError

    try:
        return work()
    except DomainError as error:
        return fail(error)
    except ValueError as error:
        return fail(str(error))


def run_create_admin(args: argparse.Namespace) -> int:
    return _add_staff(args, role="admin", department=None, phone="")


def run_add_staff(args: argparse.Namespace) -> int:
    return _add_staff(args, role=args.role, department=args.department, phone=args.phone)


def _add_staff(args: argparse.Namespace, *, role: str, department: str | None, phone: str) -> int:
    from ..store.central import admin

    def work() -> int:
        password = _read_password(args)
        info = _in_transaction(
            args,
            lambda s: admin.create_staff(
                s, args.username, args.name, role, password=password, department_code=department, phone=phone
            ),
        )
        print(f"만들었습니다 / created: {info.username} ({info.role.korean}, {info.role.value})")
        return 0

    return _guarded(work)


def run_set_staff(args: argparse.Namespace) -> int:
    from ..store.central import admin

    changes: dict[str, Any] = {}
    if args.role:
        changes["role"] = args.role
    if args.department:
        changes["department_code"] = args.department
    if args.deactivate or args.activate:
        changes["active"] = bool(args.activate)

    def work() -> int:
        info = _in_transaction(args, lambda s: admin.update_staff(s, args.username, changes))
        print(f"바꾸었습니다 / updated: {info.username} ({info.role.value}, {info.department_code or '-'})")
        return 0

    return _guarded(work)


def _simple(args: argparse.Namespace, work: Callable[[Any], Any], label: str) -> int:
    def run() -> int:
        _in_transaction(args, work)
        print(f"저장했습니다 / saved: {label}")
        return 0

    return _guarded(run)


def run_add_department(args: argparse.Namespace) -> int:
    from ..store.central import admin

    return _simple(args, lambda s: admin.upsert_department(s, args.code, args.name, args.phone), args.code)


def run_add_category(args: argparse.Namespace) -> int:
    from ..store.central import admin

    return _simple(
        args,
        lambda s: admin.upsert_category(
            s, args.code, args.name, default_department_code=args.department, statutory_days=args.statutory_days
        ),
        args.code,
    )


def run_add_rule(args: argparse.Namespace) -> int:
    from ..store.central import admin

    return _simple(
        args,
        lambda s: admin.add_routing_rule(
            s, args.position, args.department, category_code=args.category, keywords=args.keyword
        ),
        f"{args.department} {args.keyword}",
    )


def run_add_channel(args: argparse.Namespace) -> int:
    from ..store.central import admin

    return _simple(args, lambda s: admin.add_channel_station(s, args.code, args.name), args.code)


def run_add_closure(args: argparse.Namespace) -> int:
    from datetime import date

    from ..store.central import admin

    def work(session: Any) -> Any:
        try:
            start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
        except ValueError:
            raise ValueError(
                f"날짜는 YYYY-MM-DD 형식입니다 / dates are YYYY-MM-DD: {args.start} {args.end}"
            ) from None
        return admin.add_closure(session, start, end, args.name)

    return _simple(args, work, args.name)


def run_office(args: argparse.Namespace) -> int:
    """With no option, prints the settings as they stand; otherwise changes the ones given."""
    from ..store.central import admin

    changes = {
        "name": args.name,
        "address": args.address,
        "phone": args.phone,
        "head_title": args.head_title,
        "status_url_base": args.status_url,
    }

    def work() -> int:
        if any(value is not None for value in changes.values()):
            record = _in_transaction(args, lambda s: admin.set_office(s, **changes))
        else:
            record = _in_transaction(args, admin.get_office)
        print(json.dumps(record, ensure_ascii=False, default=str))
        return 0

    return _guarded(work)


def run_list(args: argparse.Namespace) -> int:
    from ..store.central import admin

    readers = {
        "departments": admin.list_departments,
        "staff": admin.list_staff,
        "categories": admin.list_categories,
        "rules": admin.list_routing_rules,
        "stations": admin.list_stations,
        "closures": admin.list_closures,
    }

    def work() -> int:
        for record in _in_transaction(args, readers[args.what]):
            print(json.dumps(record, ensure_ascii=False, default=str))
        return 0

    return _guarded(work)
