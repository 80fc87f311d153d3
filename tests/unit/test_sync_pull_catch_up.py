"""A catch-up (a pull far behind the server) defers index work to its end: the store it leaves must be the one
a page-by-page pull leaves, and one cut short (killed, or the network gone) must be finished, searchable and
with every index, when the engine next runs."""

from __future__ import annotations

import gc
import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import uuid
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from requests import PreparedRequest, Response
from requests.adapters import BaseAdapter

from complaints_desk.domain.channels import Channel
from complaints_desk.domain.events import Event
from complaints_desk.domain.kinds import Kind
from complaints_desk.store import reference
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
from complaints_desk.store.indexes import DEFERRED_INDEXES
from complaints_desk.store.intake import Intake
from complaints_desk.store.local import outbox
from complaints_desk.store.local.deferred import DEFERRED_SEARCH, finish_deferred
from complaints_desk.store.local.pull import apply_incoming_page
from complaints_desk.store.local.rebase import ServerHistoryError
from complaints_desk.store.search import fts_query
from complaints_desk.sync.engine import SyncEngine
from complaints_desk.sync.protocol import PulledEvent
from complaints_desk.sync.pull_codec import parse_pull_page
from complaints_desk.sync.transport import Offline, Transport
from tests.unit.test_lifecycle_paths import STORIES, _events
from tests.unit.test_sync_outbox import CLERK

PAGE = 25
ROOT = Path(__file__).resolve().parents[2]


def _history(copies: int) -> list[dict[str, Any]]:
    """Every story `copies` times, interleaved (later pages change cases earlier pages brought), as the
    server sends its events: seq and case_version numbered, on the wire."""
    cases: list[list[Event]] = []
    for copy in range(copies):
        for number, story in enumerate(STORIES.values()):
            received, *rest = _events(story)
            receipt = f"20261120-S01-{copy * len(STORIES) + number + 1:04d}"
            received = Event(**{**received.__dict__, "payload": {**received.payload, "receipt_no": receipt}})
            cases.append([received, *rest])
    wire: list[dict[str, Any]] = []
    for turn in range(max(len(c) for c in cases)):
        for case in cases:
            if turn < len(case):
                item = case[turn]
                wire.append(
                    PulledEvent(
                        **{**item.__dict__, "payload": dict(item.payload)},
                        seq=len(wire) + 1,
                        case_version=turn + 1,
                        recorded_at=item.occurred_at.astimezone(UTC),
                    ).model_dump(mode="json")
                )
    return wire


def _pages(wire: list[dict[str, Any]]) -> dict[int, bytes]:
    pages = {}
    for first in range(0, len(wire), PAGE):
        chunk = wire[first : first + PAGE]
        body = {
            "events": chunk,
            "reference": [],
            "next_after": chunk[-1]["seq"],
            "has_more": first + PAGE < len(wire),
        }
        pages[chunk[0]["seq"] - 1] = json.dumps(body, ensure_ascii=False).encode()
    return pages


class CannedPulls(BaseAdapter):
    """GET /sync/pull answered from memory; `before_page(after)` runs before each answer (to cut it short)."""

    def __init__(self, pages: dict[int, bytes], before_page: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self.pages, self.before_page = pages, before_page

    def send(self, request: PreparedRequest, *args: Any, **kwargs: Any) -> Response:
        after = int(parse_qs(urlsplit(request.url or "").query)["after"][0])
        if self.before_page is not None:
            self.before_page(after)
        response = Response()
        response.status_code = 200
        response._content = self.pages[after]
        response.headers["Content-Type"] = "application/json"
        response.request = request
        response.url = request.url or ""
        return response

    def close(self) -> None:
        return None


class Unreachable(BaseAdapter):
    def send(self, request: PreparedRequest, *args: Any, **kwargs: Any) -> Response:
        raise requests.ConnectionError("no route to host")

    def close(self) -> None:
        return None


def _store(path: Path) -> Any:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    return engine


def _engine(engine: Any, adapter: BaseAdapter) -> SyncEngine:
    return SyncEngine(make_sessionmaker(engine), Transport("http://test.invalid", adapter=adapter), page_size=PAGE)


def _page_by_page(path: Path, pages: dict[int, bytes]) -> None:
    """The reference: every page applied as an ordinary pull applies it, indexes kept up as it goes."""
    engine = _store(path)
    factory = make_sessionmaker(engine)
    for body in pages.values():
        page = parse_pull_page(body)
        with transaction(factory) as session:
            apply_incoming_page(session, page.events, page.reference, next_after=page.next_after)
    engine.dispose()


def _snapshot(path: Path) -> dict[str, Any]:
    """What a user of the store can tell apart: rows, schema, search answers, the cursor, leftovers."""
    db = sqlite3.connect(path)
    try:
        words = ["불법주차", "01012345678", "12345678", "한빛로", "홍길동"]
        found = {
            word: db.execute(
                "SELECT c.id FROM cases c WHERE c.rowid IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ?)"
                " ORDER BY c.id",
                (fts_query(word),),
            ).fetchall()
            for word in words
        }
        return {
            "cases": db.execute("SELECT * FROM cases ORDER BY id").fetchall(),
            "events": db.execute("SELECT * FROM events ORDER BY seq").fetchall(),
            "schema": db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall(),
            "search": found,
            "cursor": db.execute("SELECT cursor FROM sync_state").fetchall(),
            "meta": db.execute("SELECT key FROM meta WHERE key LIKE 'pull.%'").fetchall(),
        }
    finally:
        db.close()


def _deferred(path: Path) -> dict[str, Any]:
    db = sqlite3.connect(path)
    try:
        return {key: json.loads(value) for key, value in db.execute("SELECT key, value FROM meta")}
    finally:
        db.close()


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[int, bytes], dict[str, Any]]:
    pages = _pages(_history(copies=8))
    assert len(pages) > 4
    reference_path = tmp_path_factory.mktemp("reference") / "page-by-page.sqlite3"
    _page_by_page(reference_path, pages)
    expected = _snapshot(reference_path)
    assert all(expected["search"].values()), "every probe finds cases"
    return pages, expected


def _collector() -> tuple[tuple[int, int, int], int]:
    return gc.get_threshold(), gc.get_freeze_count()


def _collector_as_it_was(before: tuple[tuple[int, int, int], int]) -> bool:
    """The thresholds are back, and the catch-up neither froze nor unfroze anything: the frozen count (of the
    test process's earlier desks, whose start froze their heap) may only have shrunk as frozen objects died."""
    thresholds, frozen = before
    now = gc.get_freeze_count()
    return gc.get_threshold() == thresholds and now <= frozen and (now > 0 or frozen == 0)


def test_a_catch_up_leaves_the_store_a_page_by_page_pull_leaves(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, expected = history
    seen: list[dict[str, Any]] = []
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    sync = _engine(engine, CannedPulls(pages, before_page=lambda after: seen.append(_deferred(path))))
    collector = _collector()
    report = sync.pull_once()
    engine.dispose()
    assert report.pages == len(pages)
    assert _collector_as_it_was(collector), "the garbage collector is as it was"
    # while it ran, the indexes were down and new cases waited for the search index …
    assert any(DEFERRED_INDEXES in state and DEFERRED_SEARCH in state for state in seen)
    # … and once it has reported, nothing tells it from a pull that kept every index up page by page
    assert _snapshot(path) == expected


def test_local_intakes_before_and_during_a_catch_up_are_found_with_the_pulled_cases(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    factory = make_sessionmaker(engine)

    def intake(title: str) -> None:
        with transaction(factory) as session:
            reference.ensure_station(session, "C03", "창구 3번")
            outbox.record_local_intake(
                session,
                Intake(Kind.GRIEVANCE, Channel.COUNTER, title, "", "김민원", "010-9999-0000"),
                actor=CLERK,
                station_code="C03",
            )

    def between_pages(after: int) -> None:
        if after == 3 * PAGE:
            intake("둘째 신고")

    intake("가로등 고장 첫째")  # before: the catch-up starts on a store with one case
    sync = _engine(engine, CannedPulls(pages, before_page=between_pages))
    sync.pull_once()
    engine.dispose()
    db = sqlite3.connect(path)
    try:
        for words in ("가로등", "둘째"):
            hits = db.execute("SELECT rowid FROM case_fts WHERE case_fts MATCH ?", (fts_query(words),)).fetchall()
            assert len(hits) == 1, words
        assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == len(expected["cases"]) + 2
    finally:
        db.close()
    got = _snapshot(path)
    assert got["schema"] == expected["schema"] and got["meta"] == []
    assert got["search"]["불법주차"] == expected["search"]["불법주차"]


_KILLED_CLIENT = textwrap.dedent(
    """
    import json, os, signal, sys
    sys.path[:0] = [sys.argv[4], sys.argv[4] + "/tests"]
    from tests.unit.test_sync_pull_catch_up import CannedPulls, _engine, _store

    path, pages_file, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    pages = {int(k): v.encode() for k, v in json.loads(open(pages_file, encoding="utf-8").read()).items()}

    def before_page(after):
        if after == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    _engine(_store(path), CannedPulls(pages, before_page)).pull_once()
    """
)


def _killed_midway(tmp_path: Path, pages: dict[int, bytes]) -> Path:
    path = tmp_path / "client.sqlite3"
    pages_file = tmp_path / "pages.json"
    pages_file.write_text(json.dumps({k: v.decode() for k, v in pages.items()}, ensure_ascii=False), "utf-8")
    kill_at = 4 * PAGE
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_CLIENT, str(path), str(pages_file), str(kill_at), str(ROOT)],
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    db = sqlite3.connect(path)
    try:
        # killed when the page after kill_at was asked for: on the engine's thread, or on its read-ahead thread
        # while one of the two pages before it was being written (projected pages are read two ahead; that
        # transaction is lost, whole)
        (cursor,) = db.execute("SELECT cursor FROM sync_state").fetchone()
        assert cursor in (kill_at - 2 * PAGE, kill_at - PAGE, kill_at)
        assert db.execute("SELECT count(*), max(seq) FROM events").fetchone() == (cursor, cursor)
    finally:
        db.close()
    left = _deferred(path)
    assert left[DEFERRED_INDEXES] and left[DEFERRED_SEARCH], "killed with its index work still deferred"
    return path


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_catch_up_killed_midway_is_finished_when_the_engine_next_runs(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, expected = history
    path = _killed_midway(tmp_path, pages)
    engine = _store(path)
    _engine(engine, CannedPulls(pages)).pull_once()
    engine.dispose()
    assert _snapshot(path) == expected


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_deferred_work_is_finished_even_when_the_server_cannot_be_reached(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, expected = history
    path = _killed_midway(tmp_path, pages)
    engine = _store(path)
    collector = _collector()
    with pytest.raises(Offline):
        _engine(engine, Unreachable()).pull_once()
    engine.dispose()
    assert _collector_as_it_was(collector)
    got = _snapshot(path)
    assert got["schema"] == expected["schema"] and got["meta"] == []
    pulled = {row[0] for row in got["cases"]}
    for word, cases in expected["search"].items():  # the cases pulled before the kill are all found again
        assert got["search"][word] == [case for case in cases if case[0] in pulled], word


def test_a_catch_up_cut_off_by_the_network_leaves_what_it_pulled_complete(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, expected = history
    path = tmp_path / "client.sqlite3"
    engine = _store(path)

    def network_gone(after: int) -> None:
        if after == 4 * PAGE:
            raise requests.ConnectionError("connection reset")

    collector = _collector()
    with pytest.raises(Offline):
        _engine(engine, CannedPulls(pages, before_page=network_gone)).pull_once()
    assert _collector_as_it_was(collector)
    got = _snapshot(path)
    assert got["cursor"] == [(4 * PAGE,)] and got["schema"] == expected["schema"] and got["meta"] == []
    pulled = {row[0] for row in got["cases"]}
    for word, cases in expected["search"].items():
        assert got["search"][word] == [case for case in cases if case[0] in pulled], word
    _engine(engine, CannedPulls(pages)).pull_once()  # back online: the rest comes
    engine.dispose()
    assert _snapshot(path) == expected


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_deferred_work_is_done_in_small_steps_that_each_commit(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    pages, expected = history
    path = _killed_midway(tmp_path, pages)
    engine = _store(path)
    factory = make_sessionmaker(engine)
    steps = []
    while True:
        with transaction(factory) as session:
            done = finish_deferred(session, step=7, index_step=1)
        steps.append(_deferred(path))
        if done:
            break
    engine.dispose()
    indexes = len(steps[0].get(DEFERRED_INDEXES, [])) + 1
    assert len(steps) > indexes + 2, "one index a step, then seven cases a step"
    assert steps[-1] == {}
    got = _snapshot(path)
    pulled = {row[0] for row in got["cases"]}
    assert got["schema"] == expected["schema"]
    for word, cases in expected["search"].items():
        assert got["search"][word] == [case for case in cases if case[0] in pulled], word


_MIGRATION_TOUCHING_AN_INDEX = '''
"""a later schema change that rebuilds an index a catch-up may have dropped"""
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute('DROP INDEX "{name}"')
    op.execute({sql!r})
'''


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_new_migration_meets_every_index_even_after_a_catch_up_was_cut_short(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client updated to a release with a migration, whose last catch-up was killed: the migration runs
    against the indexes its revision knows, and the deferred search work is still finished afterwards."""
    import shutil

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from complaints_desk.store import db as store_db

    pages, expected = history
    path = _killed_midway(tmp_path, pages)
    name, sql = _deferred(path)[DEFERRED_INDEXES][0]
    migrations = tmp_path / "migrations"
    shutil.copytree(store_db.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    config = Config()
    config.set_main_option("script_location", str(store_db.MIGRATIONS_DIR))
    (head,) = ScriptDirectory.from_config(config).get_heads()
    (migrations / "versions" / "9999_touch_an_index.py").write_text(
        _MIGRATION_TOUCHING_AN_INDEX.format(head=head, name=name, sql=sql), "utf-8"
    )
    monkeypatch.setattr(store_db, "MIGRATIONS_DIR", migrations)

    engine = _store(path)
    assert DEFERRED_INDEXES not in _deferred(path) and DEFERRED_SEARCH in _deferred(path)
    _engine(engine, CannedPulls(pages)).pull_once()
    engine.dispose()
    got = _snapshot(path)
    assert got == expected


def test_a_catch_up_page_that_does_not_apply_fails_the_pull_and_keeps_what_came_before(
    tmp_path: Path, history: tuple[dict[int, bytes], dict[str, Any]]
) -> None:
    # The read-ahead thread decodes the next page only once the current one is written: a page that is never
    # written must still let it go, or the pull would hang instead of failing.
    pages, expected = history
    broken = dict(pages)
    body = json.loads(broken[3 * PAGE])
    stray = next(e for e in body["events"] if e["type"] != "received")
    stray["case_id"] = str(uuid.UUID(int=1))  # a case the server never sent: the history does not apply
    broken[3 * PAGE] = json.dumps(body, ensure_ascii=False).encode()
    path = tmp_path / "client.sqlite3"
    engine = _store(path)
    outcome: list[BaseException | None] = []

    def pull() -> None:
        try:
            _engine(engine, CannedPulls(broken)).pull_once()
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=pull, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "the pull hung"
    assert isinstance(outcome[0], ServerHistoryError)
    got = _snapshot(path)
    assert got["cursor"] == [(3 * PAGE,)] and got["schema"] == expected["schema"] and got["meta"] == []
    engine.dispose()
