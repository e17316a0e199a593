#!/usr/bin/env bash
# Build the one-folder SSPT Desktop app with PyInstaller: build/dist/sspt-desktop/.
#
# Runs from anywhere; works from the repository root. Uses the Python that runs it, normally the
# project's virtualenv (set PYTHON to choose another). Idempotent: --clean and --noconfirm
# replace the previous build and PyInstaller's cache.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -n "${VIRTUAL_ENV:-}" ]]; then
        PYTHON="$VIRTUAL_ENV/bin/python"
    elif [[ -x "$ROOT/.venv/bin/python" ]]; then
        PYTHON="$ROOT/.venv/bin/python"
    else
        PYTHON="python3"
    fi
fi

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: PyInstaller is not installed for $PYTHON; run: $PYTHON -m pip install -e '.[package]'" >&2
    exit 1
fi
if ! "$PYTHON" -c "import sspt_desktop" 2>/dev/null; then
    echo "build.sh: sspt_desktop is not importable by $PYTHON; run: $PYTHON -m pip install -e ." >&2
    exit 1
fi

echo "build.sh: building with $("$PYTHON" --version) and PyInstaller $("$PYTHON" -m PyInstaller --version)"
start=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --clean packaging/sspt_desktop.spec \
    --distpath build/dist --workpath build/work
echo "build.sh: built build/dist/sspt-desktop in $((SECONDS - start)) s ($(du -sh build/dist/sspt-desktop | cut -f1))"
