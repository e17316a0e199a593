"""A child process that runs a meeting, to be killed mid-meeting.

It opens the app on a data folder, opens the first student found by the name given, types a
line in the first pane, starts the timer, moves it on the number of segments given, types in
that segment's pane, waits until the text is saved, prints ``<timer state> <segment key>`` and
stays in the event loop until the parent kills it. The timer is left as the fourth argument
says: ``running`` (the default), ``paused`` (paused after moving on), or ``not_started`` (never
started: the segments given must be 0).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sspt_desktop.app import launch, parse_args
from sspt_desktop.domain.meeting_clock import ClockState
from tests.support.prompts import ScriptedPrompts

WELCOME = "Mother attending with an interpreter."
SEGMENT_TEXT = "Reading two grades below level; avoids reading aloud."


def main(
    data_dir: Path, name: str, segments_on: int, leave: ClockState = ClockState.RUNNING
) -> int:
    app = QApplication(sys.argv[:1])
    running = launch(parse_args(["--data-dir", str(data_dir)]), prompts=ScriptedPrompts())
    assert running is not None
    window = running.window
    students = window.services.record.find_students(name)
    assert students and students[0].id is not None
    window.open_student(students[0].id)
    view, timer = window.meeting_view, window.timer
    QTest.keyClicks(view.editor("welcome").notes, WELCOME)
    if leave is ClockState.NOT_STARTED:
        assert segments_on == 0 and timer.state is ClockState.NOT_STARTED
    else:
        assert timer.toggle_pause() and timer.state is ClockState.RUNNING
        for _ in range(segments_on):
            assert timer.next_segment()
        if leave is ClockState.PAUSED:
            assert timer.toggle_pause()  # checked below: the timer is as asked
    app.processEvents()
    key = view.current_key()
    snapshot = timer.snapshot
    assert snapshot is not None and key == snapshot.segment_key
    if key != "welcome":
        QTest.keyClicks(view.editor(key).notes, SEGMENT_TEXT)
    app.processEvents()  # the pane reports this turn's edit to the autosave
    assert running.autosaver.flush(timeout=10)
    # Every timer action saved the state; the timer is still as asked when the parent kills.
    assert timer.state is leave
    print(f"{leave.value} {key}", flush=True)
    return app.exec()


if __name__ == "__main__":
    leave = ClockState(sys.argv[4]) if len(sys.argv) > 4 else ClockState.RUNNING
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), leave))
