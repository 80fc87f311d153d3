"""Every module under server/channels/ that defines `ADAPTER` (a Messenger or a Sender) is a channel: found
here, so that adding one touches nothing else."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from .base import Messenger, Sender

PACKAGE = __name__.rpartition(".")[0]


@cache
def adapters() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for module_info in pkgutil.iter_modules(importlib.import_module(PACKAGE).__path__):
        module = importlib.import_module(f"{PACKAGE}.{module_info.name}")
        for adapter in getattr(module, "ADAPTERS", ()) or (
            (module.ADAPTER,) if hasattr(module, "ADAPTER") else ()
        ):
            if adapter.name in found:
                raise RuntimeError(f"two channels are called {adapter.name!r}")
            found[adapter.name] = adapter
    return found


def messenger(name: str) -> Messenger | None:
    """The messenger whose webhook is /webhooks/{name}, or None."""
    adapter = adapters().get(name)
    return adapter if adapter is not None and hasattr(adapter, "parse") else None


def sender(name: str) -> Sender | None:
    return adapters().get(name)
