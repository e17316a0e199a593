"""A child process that opens the app on a data folder and types into the Strengths pane: a
strength in the list (a structured field) and the pane's notes, as a recorder does.

``kill`` mode types for ever and prints ``saved N M`` each time the first N characters of the
notes and the first M of the strength are reported durably saved, so the parent can ``kill -9``
it at any moment and check what survived. ``term`` mode types the strength and a paragraph of
notes, prints ``typed 500`` at once (before any save) and waits in the event loop, so the
parent can send SIGTERM as a logout would.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sspt_desktop.app import launch, parse_args
from sspt_desktop.ui.panes.strengths import StrengthsPane
from sspt_desktop.ui.session_end import SessionEndHandler
from tests.support.prompts import ScriptedPrompts

TEXT = "Strength: persistent with puzzles. " * 400
#: Typed into the first strength, a character or two at a time between chunks of notes.
STRENGTH = "Persistent with puzzles and building sets; helps classmates find materials."


def main(data_dir: Path, mode: str) -> int:
    app = QApplication(sys.argv[:1])
    running = launch(parse_args(["--data-dir", str(data_dir)]), prompts=ScriptedPrompts())
    assert running is not None
    students = running.window.services.record.find_students("")
    assert students and students[0].id is not None
    running.window.open_student(students[0].id)
    view = running.window.meeting_view
    view.show_pane("strengths")  # the pane's first strength is made, for the cursor
    pane = view.editor("strengths")
    assert isinstance(pane, StrengthsPane) and len(pane.items.rows()) == 1
    strength = pane.items.rows()[0].first_field()
    notes = pane.notes
    if mode == "term":
        SessionEndHandler(app, running.autosaver.flush)
        QTest.keyClicks(strength, STRENGTH)
        QTest.keyClicks(notes, TEXT[:500])
        print("typed 500", flush=True)
        app.exec()
        code = 0 if running.shutdown() else 1
        # Leave without interpreter finalization: PySide6 6.12 can crash while tearing down
        # QTest's objects at exit, which would hide the exit code this test is about.
        sys.stdout.flush()
        os._exit(code)
    typed = in_strength = 0
    while True:
        chunk = TEXT[typed : typed + 25]
        QTest.keyClicks(notes, chunk)
        typed += len(chunk)
        if in_strength < len(STRENGTH):
            QTest.keyClicks(strength, STRENGTH[in_strength : in_strength + 2])
            in_strength = min(in_strength + 2, len(STRENGTH))
        app.processEvents()  # the pane reports this turn's edit
        if not view.editor("strengths").edit_pending() and running.autosaver.flush(timeout=5):
            print(f"saved {typed} {in_strength}", flush=True)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
