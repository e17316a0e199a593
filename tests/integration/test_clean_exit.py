"""Every dialog of the main window opened and closed, then a quit: the process exits cleanly.

With PySide6 6.12.0, quitting after Agenda settings had been opened and cancelled aborted in
the interpreter's teardown ("bool_dealloc", exit code 134): the fault shows only when the real
``main`` returns and Python shuts down, so the app runs in a child process
(``tests/support/dialogs_child.py``) and the test reads its exit code and its error output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

DIALOG_STEPS = [
    "add-student-cancel",
    "add-student",
    "agenda-cancel",
    "agenda-save",
    "about",
    "notes-pdf",
    "finish-no",
    "add-second-student",
    "finish-yes",
    "back-to-first",
]
RESUME_STEPS = ["resume-question"]


def run_child(data_dir: Path, phase: str, keyring_file: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="tests.support.file_keyring.FileKeyring",
        SSPT_TEST_KEYRING_FILE=str(keyring_file),
        PYTHONPATH=str(REPO),
    )
    # Bounded: a dialog nobody answers would otherwise wait for ever.
    return subprocess.run(
        [sys.executable, "-m", "tests.support.dialogs_child", str(data_dir), phase],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def assert_clean(done: subprocess.CompletedProcess[str], steps: list[str]) -> None:
    lines = done.stdout.splitlines()
    problems = [line for line in lines if line.startswith("problem ")]
    assert problems == [], f"{problems}\nstderr:\n{done.stderr[-3000:]}"
    assert [line.removeprefix("step ") for line in lines if line.startswith("step ")] == steps
    assert "quitting" in lines
    assert "Fatal Python error" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 0, f"exit code {done.returncode}\nstderr:\n{done.stderr[-3000:]}"


def test_every_dialog_then_quit_exits_cleanly(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    keyring_file = tmp_path / "keyring.json"
    assert_clean(run_child(data_dir, "dialogs", keyring_file), DIALOG_STEPS)
    assert (tmp_path / "notes.pdf").read_bytes().startswith(b"%PDF")
    # The first student's meeting was left under way: the next start asks to resume it.
    assert_clean(run_child(data_dir, "resume", keyring_file), RESUME_STEPS)
