"""Engines, sessions and migrations. SQLite runs in WAL mode with foreign keys on and synchronous=FULL, so an
intake is on disk when its transaction returns; PostgreSQL is used as it comes."""

from __future__ import annotations

import ast
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

DATA_ENV = "COMPLAINTS_DESK_DATA"
# The embedded server's store: what `start` serves and what `demo`, `receipt`, `report` and `export` use
# unless given --database-url. The desktop client keeps its own store beside it.
SERVER_STORE_FILE = "server.sqlite3"
CLIENT_STORE_FILE = "client.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "db"


# The stores hold petitioners' names, phones and addresses, and the staff's password hashes: only the account
# that runs the program may read them. Set at creation, and an existing store is tightened when opened.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
BUSY_TIMEOUT_MS = (
    10_000  # how long a SQLite transaction waits for the write lock, unless it asks otherwise (transaction())
)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then $COMPLAINTS_DESK_DATA, then the user's data directory. The folder is made
    (or tightened to) owner-only."""
    chosen = (
        explicit or os.environ.get(DATA_ENV) or platformdirs.user_data_dir("complaints-desk", "ComplaintsDesk")
    )
    path = Path(chosen).expanduser().resolve()
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    _restrict(path, PRIVATE_DIR_MODE)
    return path


def _restrict(path: Path, mode: int) -> None:
    # POSIX modes only: on Windows chmod can do no more than toggle read-only (the profile folder's ACL
    # already keeps other accounts out).
    if os.name == "posix" and path.exists() and path.stat().st_mode & 0o777 != mode:
        path.chmod(mode)


def private_sqlite_file(database: str) -> None:
    """Create the SQLite file owner-only (0600) if it is missing, so SQLite, which gives its -wal and -shm
    files the main file's permissions, creates those owner-only too; tighten an existing file and its side
    files."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.exists() and path.parent.is_dir():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))  # an empty file is an empty store
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in _SQLITE_SIDE_FILES)):
        _restrict(candidate, PRIVATE_FILE_MODE)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA mmap_size=1073741824")
    cursor.close()


REFETCHABLE = (
    "refetchable"  # execution option: the transaction holds only what can be fetched again (transaction())
)
LOCK_WAIT_MS = (
    "lock_wait_ms"  # execution option: how long this transaction waits for the write lock (transaction())
)
_SYNCHRONOUS = "synchronous"  # (the DBAPI connection's info: the level last set on it)
_BUSY_TIMEOUT = "busy_timeout"  # (… and the busy timeout last set on it)


def _sqlite_begin(conn: Any) -> None:
    # The durability of this transaction first: SQLite refuses to change it inside one.
    options = conn.get_execution_options()
    level = "NORMAL" if options.get(REFETCHABLE) else "FULL"
    info = conn.connection.info
    if info.get(_SYNCHRONOUS, "FULL") != level:
        conn.exec_driver_sql(f"PRAGMA synchronous={level}")
        info[_SYNCHRONOUS] = level
    # (set back to the default by the next transaction that does not ask: the connection goes back to the pool)
    wait = int(options.get(LOCK_WAIT_MS, BUSY_TIMEOUT_MS))
    if info.get(_BUSY_TIMEOUT, BUSY_TIMEOUT_MS) != wait:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={wait}")
        info[_BUSY_TIMEOUT] = wait
    # Take the write lock at BEGIN so two writers queue instead of failing halfway (one writer at a time).
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_begin_deferred(conn: Any) -> None:
    # One snapshot for the reader's statements (a count and its window agree), without the write lock.
    conn.exec_driver_sql("BEGIN")


def json_text(value: Any) -> str:
    """JSON as SQLite stores it: Hangul as itself rather than \\uXXXX escapes, which take twice the bytes (a
    received event's payload is mostly Korean text, and the events table is most of a store)."""
    return json.dumps(value, ensure_ascii=False)


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


def make_engine(url: str, *, echo: bool = False, read_only: bool = False, **kwargs: Any) -> Engine:
    """`read_only` (SQLite): an engine for readers beside the one writer, such as the desktop's screen reads:
    its transactions begin deferred, so a reader never takes the write lock or waits for it, and it refuses
    to write."""
    if url.startswith("sqlite"):
        private_sqlite_file(make_url(url).database or "")
        kwargs.setdefault("json_serializer", json_text)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        if read_only:
            event.listen(engine, "connect", _sqlite_query_only)

        @event.listens_for(engine, "connect")
        def _no_pysqlite_transactions(dbapi_connection: Any, _record: Any) -> None:
            # pysqlite's own transaction handling defers BEGIN; we issue it ourselves (see _sqlite_begin).
            dbapi_connection.isolation_level = None

        event.listen(engine, "begin", _sqlite_begin_deferred if read_only else _sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)  # the server turns it off (a round trip per checkout)
    return create_engine(url, echo=echo, **kwargs)


# SQLSTATEs meaning the session is gone or cannot be had now, not that the statement was wrong: class 08
# (connection exception), 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown, a failover),
# 57P02 crash_shutdown, 57P03 cannot_connect_now (the server is starting up or shutting down).
_DISCONNECT_STATES = ("08", "57P01", "57P02", "57P03")


def is_disconnect(error: BaseException) -> bool:
    """True when a database call failed because its connection was dropped or could not be made: SQLAlchemy
    marks those it recognises (`connection_invalidated`, from the dialect's is_disconnect); a psycopg error
    raised outside SQLAlchemy (psycopg_connection, for the push pipelines) is known by its SQLSTATE, or is marked
    there when its connection closed without one; a failed connect carries no statement. Anything else (a constraint, a
    serialisation failure, bad SQL) is not one."""
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    sqlstate = getattr(error.orig, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate.startswith(_DISCONNECT_STATES):
        return True
    return isinstance(error, OperationalError) and error.statement is None


# SQLSTATEs of a lock not had: deadlock_detected, serialization_failure, lock_not_available.
_CONTENTION_STATES = ("40P01", "40001", "55P03")


def is_contention(error: BaseException) -> bool:
    """True when a database call failed for want of a lock, and its transaction was rolled back with nothing
    of it saved: SQLite's "database is locked" after its busy timeout, a PostgreSQL deadlock or
    serialisation failure. The same work may well succeed when tried again (the answer is 503, not 500)."""
    if not isinstance(error, DBAPIError):
        return False
    sqlstate = getattr(error.orig, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate in _CONTENTION_STATES:
        return True
    return isinstance(error, OperationalError) and "database is locked" in str(error.orig)


@contextmanager
def psycopg_connection(session: Session, statement: str) -> Iterator[Any]:
    """The session's own psycopg connection, for what SQLAlchemy cannot express (a pipeline). A psycopg error
    raised inside comes out as SQLAlchemy's exception for it (IntegrityError, OperationalError, ...), which
    the callers' retries speak; `statement` names the work in it. A connection lost without a word from the
    server (a network cut, a half-open socket) fails with no SQLSTATE and leaves psycopg's connection closed:
    it is marked `connection_invalidated`, as SQLAlchemy marks the disconnects it sees (is_disconnect), and
    kept out of the pool."""
    import psycopg

    raw: Any = session.connection().connection.driver_connection
    try:
        yield raw
    except psycopg.Error as error:
        lost = bool(raw.closed)
        if lost:
            session.connection().invalidate()
        raise DBAPIError.instance(statement, {}, error, psycopg.Error, connection_invalidated=lost) from error


def invalidate_pool(engine: Engine) -> None:
    """After a disconnect, make sure no pooled connection older than it is handed out again: the others were
    most likely dropped with it (a database restart or failover ends them all). The pool is replaced: its idle
    connections are closed now, and connections in use stay with the old pool and are closed with it. (When
    SQLAlchemy saw the disconnect itself it has already retired them; doing it again costs nothing worth
    saving on so rare an event, and the disconnects raised outside SQLAlchemy need it.)"""
    engine.dispose()


CHECKPOINT_SECONDS = 0.2


def _no_auto_checkpoint(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


class BackgroundCheckpoints:
    """For a store with one busy writer and people waiting on it (the desktop's): the WAL is copied back into the
    database file by a thread of its own every CHECKPOINT_SECONDS, not by whichever commit crosses SQLite's
    threshold (1,000 pages). That commit waited for the copy and its fsyncs, which an intake made during a
    catch-up felt as a stall of up to a second on a busy disk. The checkpoints are PASSIVE: they never wait for
    or block a writer or a reader, and the sqlite3 module releases the GIL while they run. The writer's
    connections are made with wal_autocheckpoint=0 from here on; `close` stops the thread."""

    def __init__(self, engine: Engine, *, interval: float = CHECKPOINT_SECONDS) -> None:
        database = engine.url.database
        if engine.dialect.name != "sqlite" or not database or database == ":memory:":
            raise ValueError(f"background checkpoints are for a SQLite file: {engine.url!r}")
        event.listen(engine, "connect", _no_auto_checkpoint)
        engine.dispose()  # connections made before would go on checkpointing by themselves
        self.interval = interval
        self._connection = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoints", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.checkpoint()

    def checkpoint(self) -> None:
        try:
            self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error:  # (a disk error: the next one tries again, and SQLite checkpoints at close)
            log.exception("WAL checkpoint failed")

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.checkpoint()
        self._connection.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(
    factory: sessionmaker[Session], *, refetchable: bool = False, lock_wait: float | None = None
) -> Iterator[Session]:
    """The caller's unit of work: commit on success, roll back on any error, so nothing is half-written.

    `refetchable` (SQLite): the transaction holds only what can be fetched again and says so itself (pulled
    pages of a catch-up, with the cursor that says how far they go): it commits with synchronous=NORMAL, which
    in WAL mode skips the fsync of the commit. It is still atomic and the store stays consistent; what a power
    cut (not a crash of the program: the data is in the operating system's hands by then) can lose is the
    newest such transactions since the last synchronous=FULL commit, which fsyncs the WAL and so everything
    written before it too. Every other transaction keeps synchronous=FULL.

    `lock_wait` (SQLite): seconds this transaction waits for the write lock at BEGIN before it fails with
    "database is locked" (is_contention), instead of the busy timeout every other one waits (BUSY_TIMEOUT_MS):
    for work whose caller must be answered within a deadline (a KakaoTalk skill request)."""
    session = factory()
    try:
        if session.get_bind().dialect.name == "sqlite":
            options: dict[str, Any] = {REFETCHABLE: True} if refetchable else {}
            if lock_wait is not None:
                options[LOCK_WAIT_MS] = max(1, int(lock_wait * 1000))
            if options:
                session.connection(execution_options=options)
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def limit_lock_wait(session: Session, seconds: float) -> None:
    """On PostgreSQL, this transaction's waits for a row or table lock end after `seconds` with
    lock_not_available (55P03, is_contention) instead of going on (SET LOCAL: the transaction's alone). SQLite
    takes its one lock at BEGIN: there it is transaction()'s `lock_wait`."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL lock_timeout = {max(1, int(seconds * 1000))}"))


def head_revisions() -> set[str]:
    """The heads of the history in db/versions, read from each revision file's `revision` and `down_revision`
    lines without importing Alembic (which costs a desktop start about a third of a second), or an empty set
    when a file says it in another way: then Alembic itself decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        try:
            found = {
                name: ast.literal_eval(value)
                for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8"))
            }
            revisions.add(str(found["revision"]))
            down = found.get("down_revision")
            parents.update([down] if isinstance(down, str) else [str(d) for d in down or ()])
        except (KeyError, ValueError, SyntaxError, TypeError):
            return set()
    return revisions - parents


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _up_to_date(engine: Engine) -> bool:
    """The store is at the history's heads already (the usual start): no Alembic, one small read."""
    heads = head_revisions()
    if not heads:
        return False
    with engine.connect() as connection:
        try:
            current = {
                str(v) for v in connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
            }
        except DBAPIError:
            return False  # a new store: no version table yet
    return current == heads


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest Alembic revision (client and server share one history)."""
    if _up_to_date(engine):
        return
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with engine.begin() as connection:
        if set(MigrationContext.configure(connection).get_current_heads()) != heads:
            # A migration may alter an index a client's cut-short catch-up dropped (store.local.deferred): put
            # them back first, so the migration meets the schema its revision describes.
            from .indexes import restore_deferred_indexes

            restore_deferred_indexes(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def sqlite_file(factory: sessionmaker[Session] | None) -> str | None:
    """The SQLite file a session factory's sessions are bound to (None: another database, or in memory)."""
    bind = factory.kw.get("bind") if factory is not None else None
    if bind is None or bind.dialect.name != "sqlite":
        return None
    database = bind.url.database
    return database if database and database != ":memory:" and not database.startswith("file:") else None
