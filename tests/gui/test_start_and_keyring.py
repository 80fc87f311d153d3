"""The README's main command and the keyring: `complaints-desk start` runs the server as its own process and,
with no display, says so in one line, keeps serving and prints the command that opens a client; a stop of
`start` stops its server. A working keyring is detected (never shadowed); where none answers, the demo
keyring (gnome-keyring in a D-Bus session) is a real Secret Service the client signs in through."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends import fail

from complaints_desk.commands import demo_keyring
from complaints_desk.commands.start import DEMO_PASSWORD
from tests.integration.conftest import REPO, LiveServer, free_port


def test_start_without_a_display_keeps_the_server_running_and_prints_the_client_command(tmp_path: Path) -> None:
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    command = [sys.executable, "-m", "complaints_desk.cli", "--data-dir", str(tmp_path), "start"]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--demo-cases", "20"],
        cwd=REPO,
        env={**environment, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any("클라이언트 열기" in line for line in lines):
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
        output = "".join(lines)
        assert "디스플레이" in output and "no display" in output, output
        [open_line] = [line for line in lines if "클라이언트 열기" in line]
        assert f"client --server http://127.0.0.1:{port}" in open_line and "complaints-desk" in open_line
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
        time.sleep(0.5)
        assert process.poll() is None  # still serving
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    with pytest.raises(httpx.HTTPError):  # its server went with it
        httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)


def test_a_working_keyring_is_kept_and_the_fail_backend_is_not() -> None:
    assert demo_keyring.keyring_works()  # the tests' in-memory keyring answers a round-trip
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not demo_keyring.keyring_works()
    finally:
        keyring.set_keyring(previous)


def test_the_demo_keyrings_password_is_random_per_machine_and_private(tmp_path: Path) -> None:
    first = demo_keyring.machine_password(tmp_path)
    secret = first.read_text(encoding="utf-8")
    assert len(secret) >= 24 and (first.stat().st_mode & 0o777) == 0o600
    assert demo_keyring.machine_password(tmp_path).read_text(encoding="utf-8") == secret  # kept


SIGN_IN = textwrap.dedent(
    """
    import json, sys
    import keyring
    from PySide6.QtCore import QEventLoop, QTimer
    from complaints_desk.commands import demo_keyring
    from complaints_desk.gui.app import start

    store, server, username, password = sys.argv[1:5]
    client = start(__import__("pathlib").Path(store), server_url=server, demo_keyring=demo_keyring.inside())
    client.window.show()
    dialog = client.signin.ask(first=True)
    dialog.ui.usernameEdit.setText(username)
    dialog.ui.passwordEdit.setText(password)
    loop = QEventLoop()
    client.sync.signedIn.connect(lambda _r: loop.quit())
    QTimer.singleShot(30_000, loop.quit)
    dialog.submit()
    loop.exec()
    person = client.sync.current
    token = keyring.get_password("complaints-desk", f"{server}#{username}")
    print(json.dumps({
        "backend": type(keyring.get_keyring()).__module__,
        "works": demo_keyring.keyring_works(),
        "signed_in": person is not None and person.online,
        "station": person.station_code if person else None,
        "token_kept": bool(token),
        "note_shown": not client.signin.bar.keyring.isHidden(),
        "dialog_note": not dialog.ui.keyringNote.isHidden(),
        "error": dialog.ui.messageLabel.text() + dialog.ui.passwordError.text(),
    }))
    client.close()
    """
)


def test_signing_in_through_a_real_gnome_keyring(
    demo_server: LiveServer, accounts: dict[str, str], tmp_path: Path
) -> None:
    if not demo_keyring.available():
        pytest.skip("gnome-keyring-daemon or dbus-run-session is not installed (./dev.sh installs both)")
    arguments = [str(tmp_path / "client.sqlite3"), demo_server.base_url, accounts["supervisor"], DEMO_PASSWORD]
    command = demo_keyring.wrapped([sys.executable, "-c", SIGN_IN, *arguments], tmp_path)
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        demo_keyring.DEMO_KEYRING_ENV: "1",
        "HOME": str(tmp_path),  # nothing of the machine's own keyrings is touched
    }
    done = subprocess.run(command, cwd=REPO, env=environment, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["backend"] == "keyring.backends.SecretService", result
    assert result["works"] and result["signed_in"] and result["token_kept"], result
    assert result["station"] and result["note_shown"] and result["dialog_note"], result
    assert (tmp_path / demo_keyring.KEYRING_DIR / "keyrings").is_dir()  # the demo keyring's own files


def test_the_client_on_a_machine_with_no_display_says_so_in_one_line(tmp_path: Path) -> None:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "complaints_desk.cli", "--data-dir", str(tmp_path), "client"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert (
        len(done.stderr.strip().splitlines()) == 1 and "디스플레이" in done.stderr and "no display" in done.stderr
    )
