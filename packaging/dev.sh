#!/usr/bin/env bash
# Sets up everything SSPT Desktop needs on a Debian/Ubuntu machine, then runs it or tests it.
#   bash packaging/dev.sh demo   set up, then launch the app on a throwaway demo database
#   bash packaging/dev.sh test   set up, then run lint, type checks, the layer contract and all tests
#   bash packaging/dev.sh package  set up, then build the one-folder app and smoke-test it
#   bash packaging/dev.sh setup  set up only
#   bash packaging/dev.sh lock [--upgrade]  refresh packaging/requirements.lock (pinned, hashed)
# Idempotent: a second run installs nothing new and reuses the virtual environment in .venv.
# Python packages come only from packaging/requirements.lock (exact versions and hashes).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv

say() { printf '==> %s\n' "$*" >&2; }

install_system_packages() {
  local wanted missing=()
  wanted=$(grep -vE '^\s*(#|$)' packaging/debian-packages.txt)
  if ! command -v dpkg-query >/dev/null; then
    say "Not a Debian/Ubuntu system: install the equivalents of packaging/debian-packages.txt by hand."
    return
  fi
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  say "Installing system packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "Run as root or install sudo to add: ${missing[*]}"; exit 1; }
    sudo=sudo
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

LOCK=packaging/requirements.lock

ensure_venv() {
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { say "SSPT Desktop needs Python 3.11 or newer (found $(python3 --version))."; exit 1; }
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating the virtual environment in $VENV"
    python3 -m venv "$VENV"
  fi
  # Reinstall only when the lock or the package's declaration changed since the last install.
  # Every package comes from the lock, at its pinned version and hash: what CI passed with is
  # what a school installs. The app itself is then installed alone, without resolving anything.
  if [ ! -f "$VENV/.installed" ] || [ "$LOCK" -nt "$VENV/.installed" ] \
    || [ pyproject.toml -nt "$VENV/.installed" ]; then
    say "Installing the locked dependencies ($LOCK) and SSPT Desktop into $VENV"
    "$VENV/bin/python" -m pip install --quiet --require-hashes -r "$LOCK"
    "$VENV/bin/python" -m pip install --quiet --no-deps --no-build-isolation -e .
    "$VENV/bin/python" -m pip check
    touch "$VENV/.installed"
  fi
}

refresh_lock() {
  # A new release is adopted on evidence: refresh, run the whole test command, and commit the
  # lock only if it passes (see the README on the PySide6 6.12.0 exclusion).
  local tools
  tools=$(mktemp -d)
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install --quiet 'pip-tools==7.6.2'
  "$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras \
    --no-emit-find-links --no-emit-index-url --extra test --extra package \
    --output-file "$LOCK" "$@" pyproject.toml
  rm -rf "$tools"
  say "Wrote $LOCK; now run: bash packaging/dev.sh test"
}

run_checks() {
  say "ruff (lint and format)"
  "$VENV/bin/ruff" check sspt_desktop tests packaging
  "$VENV/bin/ruff" format --check sspt_desktop tests packaging
  say "mypy (strict on domain, storage, security, services, printing)"
  "$VENV/bin/mypy"
  say "import-linter (layers point one way; Qt only in the UI)"
  "$VENV/bin/lint-imports"
  say "pytest (with a real Secret Service in a private D-Bus session)"
  local status=0
  SSPT_REQUIRE_SECRET_SERVICE=1 QT_QPA_PLATFORM=offscreen \
    tests/support/with_secret_service.sh "$VENV/bin/python" -m pytest "$@" || status=$?
  if [ "$status" -eq 5 ]; then
    say "pytest collected no tests: that is a failure."
    exit 1
  fi
  return "$status"
}

command=${1:-help}
shift || true
case "$command" in
  setup) install_system_packages; ensure_venv ;;
  demo) install_system_packages; ensure_venv; exec "$VENV/bin/python" -m sspt_desktop --demo "$@" ;;
  test) install_system_packages; ensure_venv; run_checks "$@" ;;
  package)
    install_system_packages; ensure_venv
    PYTHON="$VENV/bin/python" bash packaging/build.sh
    bash packaging/smoke_test.sh ;;
  lock) refresh_lock "$@" ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
