"""At most `limit` password checks (argon2) at once, at a lower CPU priority, and at most `queue` logins
waiting for one.

Why: argon2 is slow on purpose (about 0.1 s of a core and 64 MiB per check, on 4 threads: its parallelism)
and releases the GIL while it works, so it competes with the intake for the cores, not for the GIL.
Unbounded, 16 wrong logins at once took both cores of a small server and pushed the intake's median latency
from 20 ms to 2.7 s. Here a burst of logins waits its turn on the event loop, holding no thread; the checks
run on the gate's own threads, never on the request threads (settings.worker_threads) that the pushes need,
and those threads run at a higher nice value (Linux: per thread, inherited by the threads argon2 starts), so
a push that needs a core gets it first and a check uses what is left. A login that finds the queue full is
answered 503 with Retry-After at once: a refusal the client's transport retries, never a 500.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import anyio

from ..errors import ApiError
from ..logs import log

T = TypeVar("T")
RETRY_AFTER_SECONDS = 2


class PasswordGate:
    def __init__(self, limit: int, queue: int, nice: int = 0) -> None:
        self.limit = max(1, limit)
        self.queue = max(0, queue)
        self.nice = nice
        self._limiter: anyio.CapacityLimiter | None = None
        self._executor = ThreadPoolExecutor(
            max_workers=self.limit, thread_name_prefix="password-check", initializer=self._lower_priority
        )

    def _lower_priority(self) -> None:
        if self.nice <= 0 or not hasattr(os, "setpriority"):
            return
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), self.nice)
        except OSError as error:  # not allowed here: checks run at the normal priority, still bounded
            log("password_check_priority", reason=str(error))

    def _get_limiter(self) -> anyio.CapacityLimiter:
        # Made on first use, inside the event loop that serves the requests.
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.limit)
        return self._limiter

    async def run(self, work: Callable[[], T]) -> T:
        """`work()` on one of the gate's threads once a slot is free; ApiError 503 if `queue` logins wait."""
        limiter = self._get_limiter()
        if limiter.available_tokens < 1 and limiter.statistics().tasks_waiting >= self.queue:
            raise busy()
        async with limiter:
            return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def busy() -> ApiError:
    return ApiError(
        503,
        "login_busy",
        f"로그인 요청이 몰려 지금은 처리할 수 없습니다. {RETRY_AFTER_SECONDS}초 후에 다시 시도해 주세요.",
        f"Too many logins at once: please try again in {RETRY_AFTER_SECONDS} seconds.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
