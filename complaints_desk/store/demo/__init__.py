"""Demo data: a fictional 서울특별시 한빛구청 with its departments, staff and stations, and a year of
believable cases in every channel, kind and status, each built from real domain events.

    build_demo(engine, cases=1_000_000, seed=1)   # the `complaints-desk demo` command, the queue bench
    ensure_demo(session_factory, cases=2000)      # `complaints-desk start` on an empty store
"""

from __future__ import annotations

from .build import DemoSummary, build_demo, ensure_demo
from .office import OFFICE_NAME

__all__ = ["OFFICE_NAME", "DemoSummary", "build_demo", "ensure_demo"]
