#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring, so tests reach a
# real Secret Service without touching the person's own keychain (the keyring lives in a
# throwaway XDG_DATA_HOME). Usage: tests/support/with_secret_service.sh COMMAND [ARGS...]
set -euo pipefail

if [ "${SSPT_IN_SECRET_SERVICE:-}" != "1" ]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install dbus gnome-keyring)" >&2; exit 1; }
  done
  export SSPT_IN_SECRET_SERVICE=1
  exec dbus-run-session -- "$0" "$@"
fi

keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
# A password on stdin creates and unlocks the "login" collection without a prompt.
eval "$(printf 'test-keyring-password' | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
