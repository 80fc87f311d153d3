"""A short-lived, in-process cache of bearer token → staff member, so that a busy client (a push every few
hundred milliseconds) does not cost a database round trip per request just to be recognised.

How revocation still takes effect:

- Entries live at most TTL_SECONDS (5 s), and never past the token's own expiry. A token revoked or a staff
  member deactivated, re-roled or moved to another department through ANOTHER server process is therefore
  refused here within 5 seconds at the latest (every process checks the database again after that).
- A change made through THIS process takes effect at once: POST /auth/revoke evicts its token, and every
  admin change to a staff member (which revokes that member's tokens in the database) empties the cache.
- A lookup that was already reading the database when an eviction happened does not put its (possibly
  stale) answer into the cache: every eviction bumps a generation number, and an answer is kept only if the
  generation is the one it started with.

Only the token's SHA-256 hash is kept as the key, as in the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from ..store.central.accounts import StaffInfo, hash_token

TTL_SECONDS = 5.0
MAX_ENTRIES = 10_000  # far more tokens than staff; when full, the cache is simply emptied

Lookup = Callable[[str, datetime], tuple[StaffInfo, datetime] | None]


class TokenCache:
    def __init__(self, ttl: float = TTL_SECONDS, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        # token hash -> (staff, usable until: monotonic seconds, token expiry: aware datetime)
        self._entries: dict[str, tuple[StaffInfo, float, datetime]] = {}
        self._generation = 0

    def get(self, token: str) -> StaffInfo | None:
        """The cached staff member for a live token, or None (not cached, too old, or the token expired)."""
        key = hash_token(token)
        entry = self._entries.get(key)
        if entry is None:
            return None
        staff, until, expires_at = entry
        if time.monotonic() >= until or datetime.now(UTC) >= expires_at:
            self._entries.pop(key, None)
            return None
        return staff

    def lookup(self, token: str, load: Lookup) -> StaffInfo | None:
        """Ask the database (`load(token, now)`, blocking) and remember a live answer; refusals are not kept."""
        generation = self._generation
        found = load(token, datetime.now(UTC))
        if found is None:
            return None
        staff, expires_at = found
        if generation == self._generation:  # no eviction while we were reading
            if len(self._entries) >= self.max_entries:
                self._entries.clear()
            self._entries[hash_token(token)] = (staff, time.monotonic() + self.ttl, expires_at)
        return staff

    def evict(self, token: str) -> None:
        """Forget one token (it was just revoked through this process)."""
        self._generation += 1
        self._entries.pop(hash_token(token), None)

    def clear(self) -> None:
        """Forget every token (a staff member's tokens were revoked, or their role or department changed)."""
        self._generation += 1
        self._entries.clear()
