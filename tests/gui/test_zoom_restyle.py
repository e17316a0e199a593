"""Zooming the text never crashes, even after the application stylesheet was taken away.

Re-applying the application stylesheet (how the zoom used to bring the new font to widgets
that the stylesheet matches) walks Qt's stylesheet cache, which can hold a deleted widget once
the stylesheet has been taken away and put back while windows were alive; the process then
died with a segmentation fault. The windows run in a child process
(``tests/support/restyle_child.py``) so that such a crash fails this test instead of ending the
test run; freed memory is filled with a pattern there, so reading it faults every time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 12


def test_zooming_after_the_stylesheet_came_back_does_not_crash(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
        # Freed memory is overwritten, so a read of a deleted widget faults at once.
        MALLOC_PERTURB_="165",
    )
    child = ["-X", "faulthandler", "-m", "tests.support.restyle_child"]
    done = subprocess.run(
        [sys.executable, *child, str(tmp_path), str(ROUNDS)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert "Fatal Python error" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 0, f"exit code {done.returncode}\nstderr:\n{done.stderr[-3000:]}"
    assert [line for line in lines if line.startswith("problem ")] == []
    assert [line for line in lines if line.startswith("round ")] == [
        f"round {number}" for number in range(ROUNDS)
    ]
    assert lines[-1] == "done"
