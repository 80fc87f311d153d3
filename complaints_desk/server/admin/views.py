"""/admin/*: the office, departments, staff, categories, routing rules, stations and closures (administrator only).
Each change takes a sequence number and reaches the clients through pull."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter

from ...domain.roles import Role
from ...store.central import admin
from ...sync.protocol import API_PREFIX
from .. import units
from ..deps import FactoryDep, NotifierDep, StaffDep, TokenCacheDep, require
from ..logs import log
from .schemas import (
    CategoryIn,
    ClosureIn,
    DepartmentIn,
    OfficeIn,
    RoutingRuleChange,
    RoutingRuleIn,
    StaffChange,
    StaffIn,
    StationIn,
)

router = APIRouter(prefix=API_PREFIX + "/admin", tags=["admin"], dependencies=[require(Role.ADMIN)])
T = TypeVar("T")


def _change(
    factory: FactoryDep,
    notifier: NotifierDep,
    staff: StaffDep,
    what: str,
    work: Callable[[Any], T],
    *,
    repeatable: bool = False,
) -> T:
    """One change in one transaction (units.write). `repeatable`: running it twice leaves what running it
    once does (an upsert by code, a flag set), so it may run again when a COMMIT's fate is unknown."""
    result = units.write(factory, work, repeatable=repeatable)
    notifier.publish()
    log("admin_change", change=what, admin=staff.username)
    return result


def _read(factory: FactoryDep, work: Callable[[Any], T]) -> T:
    return units.read(factory, work)


@router.get("/departments", summary="부서 목록")
def list_departments(factory: FactoryDep) -> list[dict[str, Any]]:
    return _read(factory, admin.list_departments)


@router.post("/departments", status_code=201, summary="부서 추가·수정")
def put_department(
    body: DepartmentIn, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep
) -> dict[str, Any]:
    return _change(
        factory,
        notifier,
        staff,
        f"department {body.code}",
        lambda s: admin.upsert_department(s, body.code, body.name, body.phone, active=body.active),
        repeatable=True,
    )


@router.get("/staff", summary="직원 목록")
def list_staff(factory: FactoryDep) -> list[dict[str, Any]]:
    return _read(factory, admin.list_staff)


@router.post("/staff", status_code=201, summary="직원 추가")
def add_staff(body: StaffIn, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep) -> dict[str, Any]:
    info = _change(
        factory,
        notifier,
        staff,
        f"staff {body.username}",
        lambda s: admin.create_staff(
            s,
            body.username,
            body.name,
            body.role,
            password=body.password,
            department_code=body.department_code,
            phone=body.phone,
        ),
    )
    return dict(info.as_dict())


@router.patch("/staff/{username}", summary="직원 정보·역할·부서·비밀번호 변경, 비활성화")
def change_staff(
    username: str,
    body: StaffChange,
    factory: FactoryDep,
    notifier: NotifierDep,
    staff: StaffDep,
    cache: TokenCacheDep,
) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True)
    info = _change(
        factory,
        notifier,
        staff,
        f"staff {username}",
        lambda s: admin.update_staff(s, username, changes),
        repeatable=True,
    )
    cache.clear()  # a role, department or password change or a deactivation revoked their tokens: at once here
    return dict(info.as_dict())


@router.get("/categories", summary="민원 분류 목록")
def list_categories(factory: FactoryDep) -> list[dict[str, Any]]:
    return _read(factory, admin.list_categories)


@router.post("/categories", status_code=201, summary="민원 분류 추가·수정")
def put_category(body: CategoryIn, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep) -> dict[str, Any]:
    return _change(
        factory,
        notifier,
        staff,
        f"category {body.code}",
        lambda s: admin.upsert_category(
            s,
            body.code,
            body.name,
            default_department_code=body.default_department_code,
            statutory_days=body.statutory_days,
            active=body.active,
        ),
        repeatable=True,
    )


@router.get("/routing-rules", summary="부서 배정 규칙 목록")
def list_rules(factory: FactoryDep) -> list[dict[str, Any]]:
    return _read(factory, admin.list_routing_rules)


@router.post("/routing-rules", status_code=201, summary="부서 배정 규칙 추가")
def add_rule(body: RoutingRuleIn, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep) -> dict[str, Any]:
    return _change(
        factory,
        notifier,
        staff,
        "routing rule",
        lambda s: admin.add_routing_rule(
            s, body.position, body.department_code, category_code=body.category_code, keywords=body.keywords
        ),
    )


@router.patch("/routing-rules/{rule_id}", summary="배정 규칙 사용·중지")
def change_rule(
    rule_id: str, body: RoutingRuleChange, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep
) -> dict[str, Any]:
    return _change(
        factory,
        notifier,
        staff,
        f"routing rule {rule_id}",
        lambda s: admin.set_routing_rule_active(s, rule_id, body.active),
        repeatable=True,
    )


@router.get("/stations", summary="단말·채널 목록")
def list_stations(factory: FactoryDep) -> list[dict[str, Any]]:
    return _read(factory, admin.list_stations)


@router.post("/stations", status_code=201, summary="온라인 채널 코드 추가")
def add_station(body: StationIn, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep) -> dict[str, Any]:
    return _change(
        factory,
        notifier,
        staff,
        f"station {body.code}",
        lambda s: admin.add_channel_station(s, body.code, body.name),
    )


@router.get("/closures", summary="휴무일 목록")
def list_closures(factory: FactoryDep) -> list[dict[str, Any]]:
    return _read(factory, admin.list_closures)


@router.post("/closures", status_code=201, summary="휴무일 추가")
def add_closure(body: ClosureIn, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep) -> dict[str, Any]:
    return _change(
        factory,
        notifier,
        staff,
        f"closure {body.start_date}",
        lambda s: admin.add_closure(s, body.start_date, body.end_date, body.name),
    )


@router.delete("/closures/{closure_id}", summary="휴무일 삭제")
def delete_closure(
    closure_id: str, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep
) -> dict[str, bool]:
    _change(factory, notifier, staff, f"closure {closure_id}", lambda s: admin.delete_closure(s, closure_id))
    return {"deleted": True}


@router.get("/office", summary="기관 설정 (문서에 찍히는 기관명·주소·대표전화·기관장·처리상황 조회 주소)")
def get_office(factory: FactoryDep) -> dict[str, Any]:
    return _read(factory, admin.get_office)


@router.put("/office", summary="기관 설정 변경")
def put_office(body: OfficeIn, factory: FactoryDep, notifier: NotifierDep, staff: StaffDep) -> dict[str, Any]:
    changes = body.model_dump(exclude_none=True)
    return _change(factory, notifier, staff, "office", lambda s: admin.set_office(s, **changes), repeatable=True)
