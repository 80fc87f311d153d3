#!/usr/bin/env bash
# The project's two entry points on a fresh Linux machine (root, Python 3.11):
#   ./dev.sh start   install what is needed, then run the main job on the embedded defaults
#   ./dev.sh test    install what is needed, then run the whole test suite
# Both are idempotent: what is already installed is not installed again.
set -euo pipefail
cd "$(dirname "$0")"

# Korean fonts for PDFs and screens, poppler for PDF checks, Xvfb and Qt's X/EGL libraries for the GUI,
# zbar to decode QR codes in tests, gnome-keyring and dbus (dbus-run-session) for the demo keyring where the
# machine has no keyring of its own (the client keeps sign-in tokens in the OS keyring).
SYSTEM_PACKAGES=(fonts-nanum poppler-utils xvfb xauth libzbar0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
  libreoffice-calc  # tests/unit/test_documents_xlsx_print.py: soffice --headless --convert-to pdf
  chromium  # tests/integration/test_citizen_browser.py: the citizens' pages in headless Chromium (Playwright)
  libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  gnome-keyring dbus)

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing system packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
  [ -x .venv/bin/python ] || python3 -m venv .venv
  local stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
  if [ ! -f "$stamp" ]; then
    echo "installing Python packages into .venv (log: .venv/pip-install.log)" >&2
    # The build backend's notices go to the log; on a failure its end is shown.
    if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e '.[test]'; } \
      >.venv/pip-install.log 2>&1; then
      tail -n 40 .venv/pip-install.log >&2
      exit 1
    fi
    touch "$stamp"
  fi
}

start_postgres_if_stopped() {
  command -v pg_ctlcluster >/dev/null 2>&1 || return 0
  pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
  local version
  version=$(ls /etc/postgresql 2>/dev/null | head -n 1)
  [ -n "$version" ] && pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
}

command=${1:-start}
shift || true
install_system_packages
install_python_packages
case "$command" in
  start)
    exec .venv/bin/complaints-desk start "$@"
    ;;
  test)
    start_postgres_if_stopped
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: ./dev.sh start|test" >&2
    exit 2
    ;;
esac
