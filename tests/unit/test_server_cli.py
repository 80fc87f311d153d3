"""`complaints-desk server` options: a wrong value is refused in one line with exit status 2 before anything
starts; a good one reaches the server's settings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from complaints_desk.cli import main
from complaints_desk.server import app as server_app
from complaints_desk.server.config import ServerSettings


def _run(*args: str) -> int:
    try:
        return main(["server", *args])
    except SystemExit as exit_:
        return int(exit_.code or 0)


@pytest.mark.parametrize(
    ("option", "value", "needle"),
    [
        ("--port", "0", "invalid port"),
        ("--port", "70000", "invalid port"),
        ("--token-hours", "0", "--token-hours must be positive"),
        ("--worker-threads", "0", "--worker-threads must be 1 to 256"),
        ("--worker-threads", "1000", "--worker-threads must be 1 to 256"),
        ("--max-event-age-days", "0", "--max-event-age-days positive"),
    ],
)
def test_a_wrong_option_is_refused_in_one_line_before_the_server_starts(
    option: str, value: str, needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    started: list[Any] = []
    monkeypatch.setattr(server_app, "serve", lambda *a, **k: started.append(a))
    assert _run("--data-dir", str(tmp_path), option, value) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and needle in err and err.startswith("오류: ")
    assert started == []


def test_the_options_reach_the_server_settings(tmp_path: Path, monkeypatch: Any) -> None:
    seen: dict[str, Any] = {}

    def fake_serve(url: str, host: str, port: int, *, settings: ServerSettings) -> None:
        seen.update(url=url, host=host, port=port, settings=settings)

    monkeypatch.setattr(server_app, "serve", fake_serve)
    assert (
        _run(
            "--data-dir", str(tmp_path), "--port", "8511", "--worker-threads", "4", "--token-hours", "2",
            "--clock-skew-minutes", "2", "--max-event-age-days", "90",
        )
        == 0
    )  # fmt: skip
    settings = seen["settings"]
    assert settings.future_skew == timedelta(minutes=2) and settings.max_event_age == timedelta(days=90)
    assert seen["port"] == 8511 and seen["url"].endswith("server.sqlite3")
    assert settings.worker_threads == 4 and settings.token_ttl == timedelta(hours=2)
