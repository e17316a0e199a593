"""The soak's child: the real app on the demo record, a meeting running on the real clock.

    python tests/benchmarks/soak_child.py MINUTES

Started by ``run.py --soak``, offscreen. It runs ``sspt_desktop.app.main(["--demo"])`` (the
demo opens its sample student's meeting), then shows the timekeeper window, starts the timer
and, for MINUTES of wall time, does what a meeting does: a sentence typed into the pane in
front every 20 s, the next segment every 4 minutes, a 20-second pause every 7 minutes. Every
30 s it prints ``alive SECONDS none=N true=N false=N`` (the reference counts the PySide6
6.12.0 fault drained); at the end it prints ``quitting``, closes the main window and leaves
through ``main``'s return and the interpreter's teardown. Its exit code is ``main``'s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

import sspt_desktop.app
from sspt_desktop.app import RunningApp
from sspt_desktop.domain.meeting_clock import ClockState

TYPE_EVERY_MS = 20_000
NEXT_EVERY_MS = 240_000
PAUSE_EVERY_MS = 420_000
PAUSE_FOR_MS = 20_000
REPORT_EVERY_MS = 30_000


def say(text: str) -> None:
    print(text, flush=True)


class Meeting:
    """What the facilitator and the recorder do, on Qt timers, for the soak's length."""

    def __init__(self, running: RunningApp, minutes: float) -> None:
        self.running = running
        self.window = running.window
        self.started = time.monotonic()
        self.sentences = 0
        self.timers: list[QTimer] = []
        self._every(TYPE_EVERY_MS, self.type_sentence)
        self._every(NEXT_EVERY_MS, self.next_segment)
        self._every(PAUSE_EVERY_MS, self.pause_a_moment)
        self._every(REPORT_EVERY_MS, self.report)
        QTimer.singleShot(round(minutes * 60_000), self.end)
        actions = self.window.timer_actions
        actions.timekeeper.trigger()
        actions.start_pause.trigger()
        self.report()

    def _every(self, interval_ms: int, slot: object) -> None:
        timer = QTimer(self.window)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        timer.start()
        self.timers.append(timer)

    def type_sentence(self) -> None:
        focus = QApplication.focusWidget()
        if not isinstance(focus, QPlainTextEdit):
            key = self.window.meeting_view.current_key()
            if key is None:
                return
            focus = self.window.meeting_view.editor(key).notes
        self.sentences += 1
        QTest.keyClicks(focus, f"Point {self.sentences}: the team agreed on a next step. ")

    def next_segment(self) -> None:
        if self.window.timer_actions.next.isEnabled():
            self.window.timer_actions.next.trigger()

    def pause_a_moment(self) -> None:
        start_pause = self.window.timer_actions.start_pause
        if self.window.timer.state is ClockState.RUNNING:
            start_pause.trigger()
            QTimer.singleShot(PAUSE_FOR_MS, start_pause.trigger)

    def report(self) -> None:
        elapsed = time.monotonic() - self.started
        counts = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
        say(f"alive {elapsed:.0f} none={counts[0]} true={counts[1]} false={counts[2]}")

    def end(self) -> None:
        for timer in self.timers:
            timer.stop()
        self.report()
        say(f"quitting sentences={self.sentences}")
        self.window.close()


def main(minutes: float) -> int:
    original_open_into = sspt_desktop.app.open_into
    meetings: list[Meeting] = []

    def open_into_then_meet(*args: object, **kwargs: object) -> RunningApp | None:
        running = original_open_into(*args, **kwargs)  # type: ignore[arg-type]
        if running is not None:
            QTimer.singleShot(0, lambda: meetings.append(Meeting(running, minutes)))
        return running

    # The meeting starts once the record is open, exactly where the app's own start ends.
    sspt_desktop.app.open_into = open_into_then_meet
    return sspt_desktop.app.main(["--demo"])


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1])))
