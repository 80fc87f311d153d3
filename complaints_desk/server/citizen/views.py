"""The citizens' pages' routers, included by server/app.py."""

from __future__ import annotations

from fastapi import APIRouter

from .filing import router as filing_router
from .lookup import router as lookup_router

router = APIRouter()
router.include_router(lookup_router)
router.include_router(filing_router)
