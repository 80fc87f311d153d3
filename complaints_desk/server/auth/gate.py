"""At most `limit` password checks (argon2) at once, at a lower CPU priority, and at most `queue` logins
waiting for one.

Why: argon2 is slow on purpose (about 0.1 s of a core and 64 MiB per check, on 4 threads: its parallelism)
and releases the GIL while it works, so it competes with the intake for the cores, not for the GIL.
Unbounded, 16 wrong logins at once took both cores of a small server and pushed the intake's median latency
from 20 ms to 2.7 s. Here a burst of logins waits its turn on the event loop, holding no thread, and the
checks run in `limit` worker processes (never on the request threads, settings.worker_threads, that the
pushes need) at a higher nice value, so a push that needs a core gets it first and a check uses what is
left. Processes, not threads: a low-priority thread that the scheduler pauses while it holds the GIL would
stall every request of the server (a priority inversion); a process shares no GIL. A login that finds the
queue full is answered 503 with Retry-After at once: a refusal the client's transport retries, never a 500.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import anyio

from ..errors import ApiError
from ..logs import log
from . import password_worker

RETRY_AFTER_SECONDS = 2


class PasswordGate:
    def __init__(self, limit: int, queue: int, nice: int = 0) -> None:
        self.limit = max(1, limit)
        self.queue = max(0, queue)
        self.nice = nice
        self.verifications = 0  # argon2 verifications the workers ran for this process: logged, for tests
        self._limiter: anyio.CapacityLimiter | None = None
        self._pool: ProcessPoolExecutor | None = None

    def _get_limiter(self) -> anyio.CapacityLimiter:
        # Made on first use, inside the event loop that serves the requests.
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.limit)
        return self._limiter

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the server process has threads (and a database pool) a fork would copy.
            self._pool = ProcessPoolExecutor(
                max_workers=self.limit,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=password_worker.start,
                initargs=(self.nice,),
            )
        return self._pool

    def start(self) -> None:
        """Start a worker now, so that the first login does not wait for it to start."""
        self._get_pool().submit(password_worker.check, None, "")

    async def check(self, password_hash: str | None, password: str) -> bool:
        """Whether the password matches, checked by a worker once a slot is free (a dummy hash for a missing
        one, so that unknown usernames cost the same); ApiError 503 if `queue` logins already wait."""
        limiter = self._get_limiter()
        if limiter.available_tokens < 1 and limiter.statistics().tasks_waiting >= self.queue:
            raise busy()
        async with limiter:
            pool = self._get_pool()
            try:
                matched, verified = await asyncio.get_running_loop().run_in_executor(
                    pool, password_worker.check, password_hash, password
                )
            except BrokenProcessPool:
                # A worker died (killed, out of memory): start afresh for the next login, refuse this one.
                log("password_worker_lost", reason="broken process pool")
                if self._pool is pool:
                    self._pool = None
                raise busy() from None
        self.verifications += verified
        return matched

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


def busy() -> ApiError:
    return ApiError(
        503,
        "login_busy",
        f"로그인 요청이 몰려 지금은 처리할 수 없습니다. {RETRY_AFTER_SECONDS}초 후에 다시 시도해 주세요.",
        f"Too many logins at once: please try again in {RETRY_AFTER_SECONDS} seconds.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
