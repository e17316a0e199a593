"""A child process that opens the app on a data folder and types into a pane for ever.

It prints ``saved N`` each time the first N characters are reported durably saved, then keeps
typing, so the parent can ``kill -9`` it at any moment and check what survived.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sspt_desktop.app import launch, parse_args
from tests.support.prompts import ScriptedPrompts

TEXT = "Strength: persistent with puzzles. " * 400


def main(data_dir: Path) -> None:
    app = QApplication(sys.argv[:1])
    running = launch(parse_args(["--data-dir", str(data_dir)]), prompts=ScriptedPrompts())
    assert running is not None
    students = running.window._record.find_students("")
    assert students and students[0].id is not None
    running.window.open_student(students[0].id)
    editor = running.window.meeting_view.editor("strengths").editor
    typed = 0
    while True:
        chunk = TEXT[typed : typed + 25]
        QTest.keyClicks(editor, chunk)
        typed += len(chunk)
        app.processEvents()
        if running.autosaver.flush(timeout=5):
            print(f"saved {typed}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
