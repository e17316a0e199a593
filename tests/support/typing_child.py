"""A child process that opens the app on a data folder and types into a pane.

``kill`` mode types for ever and prints ``saved N`` each time the first N characters are
reported durably saved, so the parent can ``kill -9`` it at any moment and check what survived.
``term`` mode types a paragraph, prints ``typed N`` at once (before any save) and waits in the
event loop, so the parent can send SIGTERM as a logout would.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sspt_desktop.app import launch, parse_args
from sspt_desktop.ui.session_end import SessionEndHandler
from tests.support.prompts import ScriptedPrompts

TEXT = "Strength: persistent with puzzles. " * 400


def main(data_dir: Path, mode: str) -> int:
    app = QApplication(sys.argv[:1])
    running = launch(parse_args(["--data-dir", str(data_dir)]), prompts=ScriptedPrompts())
    assert running is not None
    students = running.window.services.record.find_students("")
    assert students and students[0].id is not None
    running.window.open_student(students[0].id)
    editor = running.window.meeting_view.editor("strengths").editor
    if mode == "term":
        SessionEndHandler(app, running.autosaver.flush)
        QTest.keyClicks(editor, TEXT[:500])
        print("typed 500", flush=True)
        app.exec()
        code = 0 if running.shutdown() else 1
        # Leave without interpreter finalization: PySide6 6.12 can crash while tearing down
        # QTest's objects at exit, which would hide the exit code this test is about.
        sys.stdout.flush()
        os._exit(code)
    typed = 0
    while True:
        chunk = TEXT[typed : typed + 25]
        QTest.keyClicks(editor, chunk)
        typed += len(chunk)
        app.processEvents()
        if running.autosaver.flush(timeout=5):
            print(f"saved {typed}", flush=True)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
