"""A webhook whose transaction cannot get the database's write lock in time (SQLite's busy timeout while
another writer holds it; a PostgreSQL deadlock) saved nothing: it is tried once more and then answered 503
with Retry-After, never 500, and the platform's redelivery is taken into the inbox as if it were the first."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from complaints_desk.server.channels.base import WebhookRequest
from complaints_desk.server.channels.inbox_worker import InboxWorker
from complaints_desk.server.channels.telegram import ADAPTER as TELEGRAM
from complaints_desk.server.channels.webhooks import _accept
from complaints_desk.server.errors import DatabaseUnavailable
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate


def _message() -> Any:
    update = {
        "update_id": 5,
        "message": {"message_id": 1, "date": 1764547200, "chat": {"id": 9, "type": "private"}, "text": "민원"},
    }
    return TELEGRAM.parse(WebhookRequest(json.dumps(update).encode(), {}, {}))[0]


def test_a_webhook_that_cannot_get_the_write_lock_is_answered_503_and_taken_when_delivered_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "server.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)

    @event.listens_for(engine, "connect")
    def _impatient(dbapi_connection: Any, _record: Any) -> None:  # after the store's own pragmas
        dbapi_connection.execute("PRAGMA busy_timeout=100")

    engine.dispose()  # the pool's connections so far had the store's 10 s
    factory = make_sessionmaker(engine)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of a long transaction
    try:
        with pytest.raises(DatabaseUnavailable) as busy:
            _accept(factory, TELEGRAM, [_message()])
        assert busy.value.busy and not busy.value.while_committing
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _accept(factory, TELEGRAM, [_message()]) == 1  # Telegram delivers the update again: not a duplicate
    assert InboxWorker(factory).run_once() == 1  # and it goes through the conversation
    engine.dispose()
