"""At most `limit` password checks (argon2) at once, and at most `queue` logins waiting for one.

Why: argon2 is slow on purpose (about 0.1 s and 64 MiB per check, on up to 4 threads) and releases the GIL
while it works. Unbounded, 16 wrong logins at once took both cores of a small server and pushed the intake's
median latency from 20 ms to 2.7 s. Bounded, a burst of logins waits its turn — on the event loop, holding
no thread — and the checks run on threads counted by their own limiter, never by the request threads'
(settings.worker_threads) that the pushes need. A login that finds the queue full is answered 503 with
Retry-After at once: a refusal the client's transport retries, never a 500 or an unbounded wait.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from ..errors import ApiError

T = TypeVar("T")
RETRY_AFTER_SECONDS = 2


class PasswordGate:
    def __init__(self, limit: int, queue: int) -> None:
        self.limit = max(1, limit)
        self.queue = max(0, queue)
        self._limiter: anyio.CapacityLimiter | None = None

    def _get_limiter(self) -> anyio.CapacityLimiter:
        # Made on first use, inside the event loop that serves the requests.
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.limit)
        return self._limiter

    async def run(self, work: Callable[[], T]) -> T:
        """`work()` on a thread once a slot is free; ApiError 503 if `queue` logins already wait."""
        limiter = self._get_limiter()
        if limiter.available_tokens < 1 and limiter.statistics().tasks_waiting >= self.queue:
            raise busy()
        # The limiter given here replaces the default one: the wait for it is on the event loop, and the
        # thread it runs on is not counted against the request threads.
        return await anyio.to_thread.run_sync(work, limiter=limiter)


def busy() -> ApiError:
    return ApiError(
        503,
        "login_busy",
        f"로그인 요청이 몰려 지금은 처리할 수 없습니다. {RETRY_AFTER_SECONDS}초 후에 다시 시도해 주세요.",
        f"Too many logins at once: please try again in {RETRY_AFTER_SECONDS} seconds.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
