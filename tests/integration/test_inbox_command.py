"""`complaints-desk admin inbox`: the messages the inbox worker gave up on are listed with the citizen's words
and put back to be taken again, and /healthz counts them (the operations page says to watch it)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from complaints_desk.server.channels.base import InboundMessage
from complaints_desk.server.channels.inbox import arrival
from complaints_desk.store.central import inbox
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, transaction
from tests.integration.conftest import REPO


def test_the_inbox_command_lists_the_failed_messages_and_puts_them_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        message = InboundMessage(event_id="77", user_key="9001", text="가로등이 꺼졌어요", context={})
        inbox.accept(session, "telegram", [arrival(message)])
        for day in range(inbox.MAX_ATTEMPTS):
            later = datetime.now(UTC) + timedelta(days=day + 1)
            claim = inbox.claim_due(session, now=later)
            for row in claim.rows:
                inbox.mark_failed(session, claim, row.key, "KeyError: 'step'", now=later)
    engine.dispose()

    def admin(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "complaints_desk.cli", "admin", "inbox", *args, "--database-url", url]
        return subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)

    listed = admin("list")
    assert listed.returncode == 0, listed.stderr
    [line] = listed.stdout.splitlines()
    failed = json.loads(line)
    assert (failed["platform"], failed["event_id"], failed["user_key"]) == ("telegram", "77", "9001")
    assert failed["text"] == "가로등이 꺼졌어요" and "KeyError" in failed["last_error"]

    refused = admin("retry", "telegram")  # half a pair
    assert refused.returncode != 0 and "PLATFORM EVENT_ID" in (refused.stderr + refused.stdout)
    again = admin("retry", "telegram", "77")
    assert again.returncode == 0 and "1" in again.stdout
    assert admin("list").stdout == ""
    with factory() as session:
        assert inbox.failed_count(session) == 0
