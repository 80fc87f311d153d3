"""GET /healthz: the process is up and its database answers (load balancers probe this), and how many
messengers' messages the inbox worker gave up on (`complaints-desk admin inbox`: citizens with no answer)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from ..store.central.inbox import failed_count
from ..store.central.sequence import latest_seq
from . import units
from .deps import FactoryDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="상태 확인 (health check)")
async def healthz(factory: FactoryDep) -> dict[str, Any]:
    return await run_in_threadpool(units.read, factory, _health)


def _health(session: Session) -> dict[str, Any]:
    return {"status": "ok", "latest_seq": latest_seq(session), "inbox_failed": failed_count(session)}


@router.get("/livez", summary="프로세스 생존 확인 (no database)")
async def livez() -> dict[str, str]:
    return {"status": "ok"}
