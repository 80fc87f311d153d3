"""A demo keyring where the machine has none: the client keeps its tokens and the workstation's secret in the
OS keyring (sync.credentials), and a Linux machine without a desktop session has no Secret Service, so
sign-in would be refused. There, and only there, the client is run inside `dbus-run-session` with Debian's
`gnome-keyring-daemon --unlock` (a real Secret Service) unlocked by a random password kept per machine in the
data directory (mode 0600, never in the repository). A working keyring (a user's desktop keyring) is never
shadowed: it is detected first (not the fail or null backend, and a round-trip works).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path

DEMO_KEYRING_ENV = "COMPLAINTS_DESK_DEMO_KEYRING"  # set inside the demo keyring's session (the window says so)
PASSWORD_FILE = "demo-keyring.password"
KEYRING_DIR = "demo-keyring"
_PROBE_SERVICE = "complaints-desk-probe"


def keyring_works() -> bool:
    """A usable keyring backend answers: not the fail/null backend, and a value set can be read back."""
    try:
        import keyring
        import keyring.errors
        from keyring.backends import fail, null
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    value = secrets.token_hex(8)
    try:
        backend.set_password(_PROBE_SERVICE, "probe", value)
        readable = backend.get_password(_PROBE_SERVICE, "probe") == value
        backend.delete_password(_PROBE_SERVICE, "probe")
    except Exception:  # any backend failure means: not usable here
        return False
    return readable


def available() -> bool:
    return shutil.which("gnome-keyring-daemon") is not None and shutil.which("dbus-run-session") is not None


def machine_password(data_dir: Path) -> Path:
    """The demo keyring's password file: made once with a random password, readable only by its owner."""
    path = data_dir / PASSWORD_FILE
    if not path.exists() or not path.read_text(encoding="utf-8").strip():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(secrets.token_urlsafe(24))
    os.chmod(path, 0o600)
    return path


def wrapped(command: Sequence[str], data_dir: Path) -> list[str]:
    """`command` inside a D-Bus session with an unlocked gnome-keyring (its keyrings under the data
    directory, not the user's own)."""
    password = machine_password(data_dir)
    keyrings = data_dir / KEYRING_DIR
    keyrings.mkdir(mode=0o700, exist_ok=True)
    script = (
        'XDG_DATA_HOME="$1" gnome-keyring-daemon --unlock --components=secrets < "$2" > /dev/null '
        '|| { echo "gnome-keyring-daemon failed" >&2; exit 1; }; shift 2; exec "$@"'
    )
    return ["dbus-run-session", "--", "sh", "-c", script, "sh", str(keyrings), str(password), *command]


def inside() -> bool:
    return os.environ.get(DEMO_KEYRING_ENV) == "1"
