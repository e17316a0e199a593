"""A child process that opens the app on a data folder and types as a recorder does: a
strength in the list (a structured field) and the Strengths pane's notes, and in ``every`` and
``term`` modes a structured field of every pane kind too (:mod:`tests.support.every_pane`).

``kill`` mode types for ever and prints ``saved N M`` each time the first N characters of the
notes and the first M of the strength are reported durably saved, so the parent can ``kill -9``
it at any moment and check what survived. ``term`` mode types the strength and a paragraph of
notes, prints ``typed 500`` at once (before any save) and waits in the event loop, so the
parent can send SIGTERM as a logout would. ``every`` mode types each pane kind's field and a
line of its notes, prints ``typed`` after the last keystroke, then ``waited`` once the event
loop has run 1.2 s more without anyone asking for a save, so the parent can ``kill -9`` it then:
the one-second promise, in every pane kind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sspt_desktop.app import launch, parse_args
from sspt_desktop.ui.panes.strengths import StrengthsPane
from sspt_desktop.ui.shell.session_end import SessionEndHandler
from tests.support.every_pane import TYPED, structured_field
from tests.support.prompts import ScriptedPrompts

TEXT = "Strength: persistent with puzzles. " * 400
#: Typed into the first strength, a character or two at a time between chunks of notes.
STRENGTH = "Persistent with puzzles and building sets; helps classmates find materials."
#: Typed into every pane's notes in ``every`` mode, after the pane's key.
NOTE = "Notes typed in the {} pane just before the power went."
#: How long ``every`` mode lets the app run after the last keystroke before saying ``waited``.
WAIT_MS = 1200


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
    if mode == "every":
        for key, text in TYPED.items():
            view.show_pane(key)  # as the recorder brings the pane forward with Ctrl+number
            pane = view.editor(key)
            field = structured_field(pane)
            # A few characters at a time, the field and the notes in turn.
            for start in range(0, len(text), 4):
                QTest.keyClicks(field, text[start : start + 4])
                app.processEvents()
            QTest.keyClicks(pane.notes, NOTE.format(key))
        print("typed", flush=True)
        # No flush, no shutdown: only the autosaver's own timing can have saved the last keys.
        QTimer.singleShot(WAIT_MS, lambda: print("waited", flush=True))
        app.exec()
        return 0
    if mode == "term":
        SessionEndHandler(app, running.autosaver.flush)
        QTest.keyClicks(strength, STRENGTH)
        QTest.keyClicks(notes, TEXT[:500])
        for key, text in TYPED.items():
            if key != "strengths":  # the strength above is this pane kind's field
                view.show_pane(key)
                QTest.keyClicks(structured_field(view.editor(key)), text)
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
