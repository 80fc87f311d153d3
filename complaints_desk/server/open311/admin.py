"""/api/v1/admin/open311-keys: the API keys Open311 clients file requests with (administrator only). A key
is shown once, when it is issued; the server keeps only its hash. Revoking keeps the key's record."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from ...domain.roles import Role
from ...store.central import open311
from ...sync.protocol import API_PREFIX
from .. import units
from ..deps import FactoryDep, StaffDep, require
from ..logs import log

router = APIRouter(prefix=API_PREFIX + "/admin/open311-keys", tags=["admin"], dependencies=[require(Role.ADMIN)])


class KeyIn(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="the client's name, e.g. 한빛구 스마트 민원 앱")


@router.get("", summary="Open311 API 키 목록")
def list_keys(factory: FactoryDep) -> list[dict[str, Any]]:
    return [key.as_dict() for key in units.read(factory, open311.list_keys)]


@router.post("", status_code=201, summary="Open311 API 키 발급 (키는 이때 한 번만 보입니다)")
def issue_key(body: KeyIn, factory: FactoryDep, staff: StaffDep) -> dict[str, Any]:
    info, secret = units.write(factory, lambda s: open311.issue_key(s, body.name))
    log("admin_change", change=f"open311 key {info.name} issued", admin=staff.username)
    return {**info.as_dict(), "api_key": secret}


@router.delete("/{name}", summary="Open311 API 키 폐기")
def revoke_key(name: str, factory: FactoryDep, staff: StaffDep) -> dict[str, Any]:
    info = units.write(factory, lambda s: open311.revoke_key(s, name), repeatable=True)
    log("admin_change", change=f"open311 key {info.name} revoked", admin=staff.username)
    return info.as_dict()
