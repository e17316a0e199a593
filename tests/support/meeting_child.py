"""A child process that runs a short meeting on the demo record as a person would: open the
student, type in two panes, run the timer, print the notes to PDF, quit.

Used to watch the whole process (Qt's C++ included) for network activity from outside.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sspt_desktop.app import launch, parse_args


def main(pdf: Path) -> int:
    app = QApplication(sys.argv[:1])
    running = launch(parse_args(["--demo"]))
    assert running is not None
    window = running.window
    view = window.meeting_view
    QTest.keyClicks(view.editor("welcome").notes, "Mother attending with an interpreter.")
    QTest.keyClick(window, Qt.Key.Key_F5)  # start the timer
    QTest.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(view.editor("strengths").notes, "Kind to classmates.")
    app.processEvents()
    assert window.meeting_view.meeting is not None and window.meeting_view.meeting.id
    running.autosaver.flush()
    window.services.notes.export(window.meeting_view.meeting.id, pdf)
    window.close()
    saved = running.shutdown()
    print("meeting-done" if saved else "not-saved", flush=True)
    os._exit(0 if saved else 1)  # skip interpreter teardown (PySide6 6.12 can abort in it)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
