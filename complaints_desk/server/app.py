"""The app factory and the blocking `serve` used by `complaints-desk server` and `complaints-desk start`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import partial
from typing import Any

from fastapi import FastAPI
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from .. import __version__
from ..store.central.sequence import latest_seq
from ..store.db import make_engine, make_sessionmaker, migrate, transaction
from . import units
from .auth.gate import PasswordGate
from .channels.inbox_worker import InboxWorker
from .channels.worker import OutboxWorker
from .config import ServerSettings
from .errors import install as install_errors
from .logs import configure_logging, log
from .middleware import RequestGuard
from .notify import Notifier
from .token_cache import TokenCache

# The citizens' pages that take a filing with its attachments (server/citizen/): a larger body limit.
CITIZEN_FORM_PREFIX = "/minwon/"
# Open311 GeoReport v2 (server/open311/): small forms (a 4,000-character description), the webhooks' limit.
OPEN311_PREFIX = "/open311/"


def create_app(database_url: str | ServerSettings, **overrides: object) -> FastAPI:
    """Build the server over one database (SQLite or PostgreSQL URL). Migrations run here unless
    `migrate_on_start=False`; any ServerSettings field may be overridden by keyword."""
    settings = database_url if isinstance(database_url, ServerSettings) else ServerSettings(database_url)
    if overrides:
        settings = replace(settings, **overrides)  # type: ignore[arg-type]
    configure_logging()
    engine = make_engine(settings.database_url, **_pool_options(settings.database_url, settings.worker_threads))
    if settings.migrate_on_start:
        migrate(engine)
    factory = make_sessionmaker(engine)
    _stamp_reference(factory)
    notifier = Notifier(settings.database_url, partial(units.read, factory, latest_seq))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        notifier.start()
        _app.state.password_gate.start()
        if settings.run_outbox_worker:
            _app.state.outbox.start()
        if settings.run_inbox_worker:
            _app.state.inbox.start()
        log("server_started", database=engine.url.render_as_string(hide_password=True), version=__version__)
        try:
            yield
        finally:
            _app.state.inbox.stop()
            _app.state.outbox.stop()
            notifier.stop()
            _app.state.password_gate.close()
            engine.dispose()
            log("server_stopped")

    app = FastAPI(
        title="민원데스크 중앙 서버 (Complaints Desk central server)",
        version=__version__,
        lifespan=lifespan,
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.factory = factory
    app.state.notifier = notifier
    app.state.token_cache = TokenCache()
    app.state.password_gate = PasswordGate(
        settings.password_hash_limit, settings.password_hash_queue, settings.password_hash_nice
    )
    app.state.outbox = OutboxWorker(
        factory,
        settings.channels,
        poll_seconds=settings.outbox_poll_seconds,
        batch=settings.outbox_batch,
        published=notifier.publish,
        housekeeping_seconds=settings.housekeeping_interval.total_seconds(),
    )
    app.state.inbox = InboxWorker(
        factory,
        poll_seconds=settings.inbox_poll_seconds,
        batch=settings.inbox_batch,
        published=notifier.publish,
        replies_queued=app.state.outbox.wake,
    )
    app.state.next_cleanup = 0.0  # monotonic seconds: the first login cleans up
    install_errors(app)
    _include_routers(app)
    app.add_middleware(
        RequestGuard,
        max_body_bytes=settings.max_body_bytes,
        route_limits=(
            ("/webhooks/", settings.webhook_body_bytes),
            (OPEN311_PREFIX, settings.webhook_body_bytes),
            (CITIZEN_FORM_PREFIX, settings.form_body_bytes),
        ),
        page_prefixes=(CITIZEN_FORM_PREFIX, "/status/"),
    )
    if settings.trusted_proxies:
        # Outermost, so the request log and the login's address both see the client, not the proxy: the
        # right-most X-Forwarded-For entry that is not a trusted proxy (the left-most is whatever the client
        # wrote). uvicorn's own copy of this is turned off in `serve`: it trusts 127.0.0.1 by default.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    return app


def _pool_options(url: str, threads: int = ServerSettings.worker_threads) -> dict[str, Any]:
    if url.startswith("sqlite"):
        return {}
    # Every database call of a request runs on the worker thread pool (settings.worker_threads; each thread
    # holds at most one connection at a time), so that many connections, and a few spare: four processes
    # stay well under PostgreSQL's default max_connections of 100. No pre-ping: it costs a round trip per
    # checkout. A connection the database dropped fails its first statement, which invalidates the pool, and
    # the request's unit of work runs again on a fresh connection (server/units.py: every endpoint's database
    # work goes through it); pool_recycle retires old connections.
    return {
        "pool_size": threads,
        "max_overflow": 4,
        "pool_timeout": 30,
        "pool_pre_ping": False,
        "pool_recycle": 1800,
    }


def _stamp_reference(factory: object) -> None:
    from sqlalchemy.orm import Session, sessionmaker

    from ..store.central.sequence import align_counter, stamp_unsequenced_reference

    assert isinstance(factory, sessionmaker)
    typed: sessionmaker[Session] = factory
    with transaction(typed) as session:
        align_counter(session)
        stamped = stamp_unsequenced_reference(session)
    if stamped:
        log("reference_stamped", rows=stamped)


def _include_routers(app: FastAPI) -> None:
    from .admin.views import router as admin_router
    from .auth.views import router as auth_router
    from .calls.cti import router as cti_router
    from .calls.cti import webhook_router as cti_webhook_router
    from .calls.views import router as calls_router
    from .cases.views import router as cases_router
    from .channels.webhooks import router as webhooks_router
    from .citizen.views import router as citizen_router
    from .health import router as health_router
    from .open311.admin import router as open311_keys_router
    from .open311.views import router as open311_router
    from .stations.views import router as stations_router
    from .status_page import router as status_router
    from .sync.views import router as sync_router

    app.include_router(health_router)
    app.include_router(cti_webhook_router)  # before /webhooks/{name}: /webhooks/cti/{token} has its own route
    for router in (
        auth_router,
        sync_router,
        stations_router,
        cases_router,
        calls_router,
        cti_router,
        admin_router,
        status_router,
        webhooks_router,
        open311_keys_router,
        open311_router,
        citizen_router,
    ):
        app.include_router(router)


def serve(
    database_url: str, host: str = "127.0.0.1", port: int = 8470, *, settings: ServerSettings | None = None
) -> None:
    """Run the server until interrupted (blocking)."""
    import uvicorn

    app = create_app(settings or ServerSettings(database_url))
    uvicorn.run(
        app, host=host, port=port, log_level="warning", access_log=False, lifespan="on", proxy_headers=False
    )
