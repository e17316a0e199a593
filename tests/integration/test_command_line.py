"""The app as launched from a shell: --version, --demo, and never a network connection."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sspt_desktop import __version__

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def run(
    args: list[str], tmp_path: Path, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path), PYTHONPATH=str(REPO))
    command = (
        [sys.executable, "-c", code, *args]
        if code
        else [sys.executable, "-m", "sspt_desktop", *args]
    )
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )


def test_version(tmp_path: Path) -> None:
    result = run(["--version"], tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"SSPT Desktop {__version__}"


def test_an_unknown_option_is_explained(tmp_path: Path) -> None:
    result = run(["--colour", "blue"], tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments: --colour" in result.stderr


def test_the_demo_starts_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = run(["--demo", "--quit-after-start"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("main-window-shown ")
    assert not list(tmp_path.glob("sspt-demo-*"))


NETWORK_WATCH = """
import socket, sys
attempts = []
def watch(event, args):
    if event == "socket.connect" and args[0].family in (socket.AF_INET, socket.AF_INET6):
        attempts.append((event, repr(args[1])))
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
        attempts.append((event, repr(args[0])))
sys.addaudithook(watch)
from sspt_desktop.app import main
code = main(sys.argv[1:])
print("network-attempts", len(attempts), attempts)
sys.exit(code)
"""


def test_the_app_never_touches_the_network(tmp_path: Path) -> None:
    """Opening, seeding, showing and closing the demo makes no IP connection or name lookup."""
    result = run(["--demo", "--quit-after-start"], tmp_path, code=NETWORK_WATCH)
    assert result.returncode == 0, result.stderr
    assert "network-attempts 0 []" in result.stdout


def test_a_killed_demo_leaves_nothing_behind_for_long(tmp_path: Path) -> None:
    """A demo killed with -9 cannot clean up; the next demo removes its unreadable folder."""
    abandoned = tmp_path / "sspt-demo-abandoned"
    abandoned.mkdir()
    (abandoned / "sspt.db").write_bytes(b"encrypted pages of a dead demo")
    starting = tmp_path / "sspt-demo-just-starting"
    starting.mkdir()
    an_hour_ago = time.time() - 3600
    os.utime(abandoned, (an_hour_ago, an_hour_ago))
    result = run(["--demo", "--quit-after-start"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert not abandoned.exists()
    assert starting.exists()


def traced_network_calls(strace: str, command: list[str], tmp_path: Path) -> list[str]:
    """Run ``command`` under strace; the connect/send calls it made to an IP address."""
    trace = tmp_path / "network.trace"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path), PYTHONPATH=str(REPO))
    result = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace), *command],
        env=env, capture_output=True, text=True, timeout=180, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return [line for line in trace.read_text().splitlines() if "AF_INET" in line]  # and INET6


def test_a_whole_meeting_makes_no_network_connection(tmp_path: Path) -> None:
    """Watched from outside with strace, so Qt's own C++ code is covered too: opening the
    record, typing, the timer, printing and quitting connect to no IP address."""
    strace = shutil.which("strace")
    assert strace, "install strace (packaging/debian-packages.txt lists it)"
    # The watch itself works: a connection attempt to this machine is seen.
    probe = "import socket; s = socket.socket(); s.settimeout(1); s.connect_ex(('127.0.0.1', 9))"
    assert traced_network_calls(strace, [sys.executable, "-c", probe], tmp_path) != []

    pdf = tmp_path / "notes.pdf"
    meeting = [sys.executable, "-m", "tests.support.meeting_child", str(pdf)]
    assert traced_network_calls(strace, meeting, tmp_path) == []
    assert pdf.exists() and pdf.stat().st_size > 1000
