#!/usr/bin/env bash
# Smoke test of the frozen one-folder app built by packaging/build.sh.
#
#   0. On Linux, every shared library in the bundle loads and resolves (ldd).
#   1. `sspt-desktop --version` prints "SSPT Desktop <version>" and exits 0.
#   2. `sspt-desktop --demo --quit-after-start` on the offscreen platform exits 0, prints a line
#      starting with "main-window-shown" and then "record-ready" (the agenda, stylesheet, pane prompts and Alembic
#      migrations were all loaded from the bundle), writes no traceback, and removes its
#      throwaway sspt-demo-* folder from the temp directory.
#
# Each run has a time limit (SMOKE_TIMEOUT, default 120 s) and runs from a scratch directory
# with its own temp and XDG folders, so it neither depends on the repository as working
# directory nor touches the user's profile. SSPT_APP overrides the executable's path.
# Exits non-zero with a message on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP="${SSPT_APP:-$ROOT/build/dist/sspt-desktop/sspt-desktop}"
TIMEOUT="${SMOKE_TIMEOUT:-120}"

fail() {
    echo "smoke_test: FAIL: $*" >&2
    exit 1
}

show() {  # label, file: print a captured stream, indented, for the log
    echo "  $1:"
    if [[ -s "$2" ]]; then sed 's/^/    | /' "$2"; else echo "    (empty)"; fi
}

[[ -x "$APP" ]] || fail "no built app at $APP (run packaging/build.sh first)"

VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/sspt_desktop/__init__.py")"
[[ -n "$VERSION" ]] || fail "could not read __version__ from sspt_desktop/__init__.py"

if command -v timeout >/dev/null 2>&1; then
    TIMEOUT_CMD=(timeout --kill-after=10 "$TIMEOUT")
elif command -v gtimeout >/dev/null 2>&1; then  # macOS with coreutils
    TIMEOUT_CMD=(gtimeout --kill-after=10 "$TIMEOUT")
else
    echo "smoke_test: warning: no timeout command; runs are not time-limited" >&2
    TIMEOUT_CMD=()
fi

SANDBOX="$(mktemp -d "${TMPDIR:-/tmp}/sspt-smoke.XXXXXX")"
trap 'rm -rf "$SANDBOX"' EXIT
APP_TMP="$SANDBOX/tmp"
mkdir -p "$APP_TMP" "$SANDBOX/work" "$SANDBOX/config" "$SANDBOX/data" "$SANDBOX/cache" \
    "$SANDBOX/state"

# run NAME ARGS...: run the app in the sandbox; sets RC and leaves NAME.out / NAME.err there.
run() {
    local name="$1"
    shift
    RC=0
    (
        cd "$SANDBOX/work"
        export TMPDIR="$APP_TMP" TMP="$APP_TMP" TEMP="$APP_TMP"
        export XDG_CONFIG_HOME="$SANDBOX/config" XDG_DATA_HOME="$SANDBOX/data"
        export XDG_CACHE_HOME="$SANDBOX/cache" XDG_STATE_HOME="$SANDBOX/state"
        exec ${TIMEOUT_CMD[@]+"${TIMEOUT_CMD[@]}"} "$APP" "$@"
    ) >"$SANDBOX/$name.out" 2>"$SANDBOX/$name.err" </dev/null || RC=$?
    if [[ $RC -eq 124 || $RC -eq 137 ]]; then
        show stdout "$SANDBOX/$name.out"
        show stderr "$SANDBOX/$name.err"
        fail "'sspt-desktop $*' did not finish within ${TIMEOUT} s"
    fi
}

echo "smoke_test: app $APP (expecting version $VERSION)"

# 0. Linux: every shared library in the bundle loads and resolves its dependencies (catches
#    over-eager pruning in the spec and damaged files). ldd also searches the system's own
#    library folders, so this cannot tell a bundled library from one the machine happens to have.
if [[ "$(uname -s)" == "Linux" ]] && command -v ldd >/dev/null 2>&1; then
    problems=""
    while IFS= read -r -d '' library; do
        if ! report="$(ldd "$library" 2>&1)" || grep -q 'not found' <<<"$report"; then
            problems+="${library#"$(dirname "$APP")/"}: $(grep -E 'not found|not a dynamic|error' <<<"$report" | tr -s ' \t' ' ' | tr '\n' ';')"$'\n'
        fi
    done < <(find "$(dirname "$APP")" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)
    while IFS= read -r -d '' link; do
        problems+="${link#"$(dirname "$APP")/"}: dangling symbolic link"$'\n'
    done < <(find "$(dirname "$APP")" -xtype l -print0)
    [[ -z "$problems" ]] || fail "shared libraries in the bundle that cannot load:
$problems"
    echo "smoke_test: ok: every shared library in the bundle loads and resolves"
fi

# 1. --version
started=$SECONDS
run version --version
show stdout "$SANDBOX/version.out"
[[ $RC -eq 0 ]] || { show stderr "$SANDBOX/version.err"; fail "--version exited with $RC"; }
expected="SSPT Desktop $VERSION"
actual="$(head -n 1 "$SANDBOX/version.out" | tr -d '\r')"
[[ "$actual" == "$expected" ]] || fail "--version printed '$actual', expected '$expected'"
echo "smoke_test: ok: --version ($((SECONDS - started)) s)"

# 2. --demo on the offscreen platform
started=$SECONDS
QT_QPA_PLATFORM=offscreen run demo --demo --quit-after-start
show stdout "$SANDBOX/demo.out"
show stderr "$SANDBOX/demo.err"
[[ $RC -eq 0 ]] || fail "--demo --quit-after-start exited with $RC"
grep -q '^main-window-shown' "$SANDBOX/demo.out" \
    || fail "--demo --quit-after-start did not report main-window-shown"
# The window shows first; this line says the record then opened (migrations, demo data).
grep -q '^record-ready' "$SANDBOX/demo.out" \
    || fail "--demo --quit-after-start did not report record-ready"
if grep -q 'Traceback' "$SANDBOX/demo.err"; then
    fail "--demo --quit-after-start wrote a Python traceback"
fi
leftovers="$(find "$APP_TMP" -mindepth 1 -maxdepth 1 -name 'sspt-demo-*' -print)"
[[ -z "$leftovers" ]] || fail "the demo left its temp folder behind: $leftovers"
echo "smoke_test: ok: --demo --quit-after-start ($((SECONDS - started)) s), demo folder removed"

# 3. Optional (SMOKE_KEYCHAIN=1): a new record in a fresh data folder, its key kept in a real
#    Secret Service (a throwaway GNOME Keyring in a private D-Bus session, from the test
#    support script). Proves keyring's backend discovery, Alembic from an empty database and
#    the instance lock in the frozen app. Off by default: without a keychain the app would ask
#    for a passphrase in a dialog.
if [[ "${SMOKE_KEYCHAIN:-0}" == "1" ]]; then
    helper="$ROOT/tests/support/with_secret_service.sh"
    [[ -x "$helper" ]] || fail "SMOKE_KEYCHAIN=1 needs $helper"
    started=$SECONDS
    RC=0
    (
        cd "$SANDBOX/work"
        export TMPDIR="$APP_TMP" TMP="$APP_TMP" TEMP="$APP_TMP" QT_QPA_PLATFORM=offscreen
        export XDG_CONFIG_HOME="$SANDBOX/config" XDG_CACHE_HOME="$SANDBOX/cache"
        export XDG_STATE_HOME="$SANDBOX/state"
        exec ${TIMEOUT_CMD[@]+"${TIMEOUT_CMD[@]}"} "$helper" "$APP" --data-dir "$SANDBOX/record" \
            --quit-after-start
    ) >"$SANDBOX/keychain.out" 2>"$SANDBOX/keychain.err" </dev/null || RC=$?
    show stdout "$SANDBOX/keychain.out"
    show stderr "$SANDBOX/keychain.err"
    [[ $RC -eq 0 ]] || fail "--data-dir DIR --quit-after-start with a keychain exited with $RC"
    grep -q '^record-ready' "$SANDBOX/keychain.out" \
        || fail "--data-dir DIR --quit-after-start did not report record-ready"
    [[ -s "$SANDBOX/record/sspt.db" ]] || fail "no database was created in the data folder"
    echo "smoke_test: ok: new record with its key in the keychain ($((SECONDS - started)) s)"
fi

others="$(find "$APP_TMP" "$SANDBOX/work" "$SANDBOX/config" "$SANDBOX/data" "$SANDBOX/state" \
    -mindepth 1 -print)"
if [[ -n "$others" ]]; then
    echo "smoke_test: note: the demo wrote outside its own folder:"
    echo "${others//$SANDBOX/  <sandbox>}"
fi

echo "smoke_test: PASS"
