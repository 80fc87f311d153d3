"""What the sync engine tells the program around it (sync.engine.SyncEngine's observer): its status, and what
each push, pull and catch-up did (counted as it goes by the tallies at the end). Plain values, no Qt: the GUI
turns them into signals (gui/sync_status.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ..store.local import outbox
from ..store.local.pull import CatchUp, PageSummary


class SyncStatus(StrEnum):
    IDLE = "idle"  # connected, nothing to do
    SYNCING = "syncing"
    OFFLINE = "offline"  # the server cannot be reached: work goes on locally, retried with backoff
    AUTH_REQUIRED = "auth_required"  # the token was refused: an online login is needed
    ERROR = "error"  # something unexpected; retried with backoff
    STOPPED = "stopped"

    @property
    def korean(self) -> str:
        return _KOREAN[self]


_KOREAN = {
    SyncStatus.IDLE: "동기화됨",
    SyncStatus.SYNCING: "동기화 중",
    SyncStatus.OFFLINE: "오프라인 (서버에 연결할 수 없음)",
    SyncStatus.AUTH_REQUIRED: "다시 로그인해야 합니다",
    SyncStatus.ERROR: "동기화 오류",
    SyncStatus.STOPPED: "동기화 중지",
}


@dataclass(frozen=True)
class PushReport:
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejected_cases: tuple[str, ...] = ()
    # whose waiting changes could not be sent (no token of theirs: they must sign in again), and how many
    waiting: tuple[tuple[str | None, int], ...] = ()


@dataclass(frozen=True)
class CatchUpProgress:
    """A first catch-up (many pages): how far it is. `building_indexes` once the pages are in and the search
    and queue indexes it deferred are being built (the queues are not complete until then)."""

    events: int
    pages: int
    cursor: int
    building_indexes: bool = False
    done: bool = False


@dataclass(frozen=True)
class PullReport:
    events: int = 0
    pages: int = 0
    cursor: int = 0
    changed_cases: tuple[str, ...] = ()
    rebased_cases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyncReport:
    push: PushReport = field(default_factory=PushReport)
    pull: PullReport = field(default_factory=PullReport)
    pending: int = 0


class SyncObserver:
    """Override what you need; the defaults do nothing. Called on the engine's worker threads."""

    def status_changed(self, status: SyncStatus, detail: str) -> None:
        return None

    def pushed(self, report: PushReport) -> None:
        return None

    def pulled(self, report: PullReport) -> None:
        return None

    def conflicts(self, case_ids: tuple[str, ...]) -> None:
        """Cases where the server rejected one of our changes (see store.outbox.rejected_events)."""
        return None

    def catching_up(self, progress: CatchUpProgress) -> None:
        """After each page of a catch-up, when its index work starts, and when it is done."""
        return None


@dataclass
class PushTally:
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejected_cases: dict[str, None] = field(default_factory=dict)
    waiting: list[tuple[str | None, int]] = field(default_factory=list)

    def add(self, sent: int, summary: outbox.SettleSummary) -> None:
        self.sent += sent
        self.accepted += summary.accepted
        self.duplicates += summary.duplicates
        self.rejected += summary.rejected
        self.rejected_cases.update(dict.fromkeys(summary.rejected_cases))

    def report(self) -> PushReport:
        return PushReport(
            self.sent,
            self.accepted,
            self.duplicates,
            self.rejected,
            tuple(self.rejected_cases),
            tuple(self.waiting),
        )


@dataclass
class PullTally:
    """What one pull_once has applied so far."""

    cursor: int
    events: int = 0
    pages: int = 0
    changed: dict[str, None] = field(default_factory=dict)  # case ids in first-seen order (an ordered set)
    rebased: dict[str, None] = field(default_factory=dict)
    catch_up: CatchUp | None = None

    def add(self, case_ids: Iterable[str], summary: PageSummary) -> None:
        """A transaction's worth of a page (the cases of its events): all of it, or its first `summary.events`
        (a catch-up let an intake in); the caller counts the page once it is all in."""
        self.events += summary.events
        self.changed.update(dict.fromkeys(case_ids))
        self.rebased.update(dict.fromkeys(summary.rebased_cases))
        self.cursor = summary.cursor

    def report(self) -> PullReport:
        return PullReport(self.events, self.pages, self.cursor, tuple(self.changed), tuple(self.rebased))
