"""A whole 45-minute meeting of timer refreshes in the real main window, on a fake clock.

PySide6 6.12.0 on Python 3.11 dropped a reference to ``None`` on every ``QLabel.setText()``
(and to ``True``/``False`` in some calls): the timer panel's refreshes took ``None``'s count to
zero three or four minutes into a meeting and the app aborted ("none_dealloc"). A test that
runs for one second never sees that, so this one drives over ten thousand refreshes (the
timekeeper window open, text typed, segments moved, the timer paused and resumed) and checks
that the reference counts of ``None``, ``True`` and ``False`` do not drift. A leak fast enough
to matter either aborts the test run or fails the drift check.

Only public parts of the timer are used (``refresh``, ``snapshot`` and the actions), so the
test does not depend on how the timer schedules its own refreshes.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.agenda import PANE_KEYS
from sspt_desktop.domain.meeting_clock import ClockState, WarningLevel
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.ui.shell.main_window import MainWindow
from tests.gui.conftest import Launcher
from tests.support.fake_clock import FakeClock
from tests.support.meeting_driving import cursor_in

# About 20 s of CPU: over ten thousand real refreshes cannot be made much cheaper.
pytestmark = pytest.mark.slow

# A 200 ms step: five refreshes per second of meeting time where the app makes about one,
# and events (repaints included) processed after every one, as the running app does; about
# 13,500 refreshes in well under 30 s of CPU.
TICK_S = 0.2


def ticks(seconds: float) -> int:
    return round(seconds / TICK_S)


MEETING_TICKS = ticks(45 * 60)
WARM_UP_TICKS = ticks(100)  # caches, fonts and lazily built objects settle before counting
TYPE_EVERY = ticks(90)  # a sentence every 90 s
NEXT_EVERY = ticks(6 * 60)  # a segment every 6 minutes: the last one runs into over time
PAUSE_EVERY = ticks(500)  # pause for a minute every 500 s
PAUSE_TICKS = ticks(60)
# A reference dropped on every refresh takes a count down by thousands (PySide6 6.12.0 dropped
# one to None per label update and aborted the app); one kept on every refresh takes it up as
# much. With PySide6 6.11.3, once every pane has been built, the counts never fall and rise by
# a few hundred over this meeting (None +506, True +164, False +323 measured, the same to a
# few units run after run), so each may fall by at most FALL_BOUND and rise by at most
# RISE_BOUND: about twice what was measured, a small fraction of one per refresh.
FALL_BOUND = 200
RISE_BOUND = 1_000

# Python 3.12 made None, True and False immortal (PEP 683): their reference counts are a
# fixed sentinel that never reaches zero, so a C extension's refcount bug cannot abort the
# app there and the drift check means nothing. The meeting still runs, to keep the process
# and every widget alive for the whole meeting.
COUNTS_ARE_REAL = sys.version_info < (3, 12)


def counts(running: RunningApp) -> dict[str, int]:
    # Nothing in flight on the autosave thread, whose frames hold references of their own.
    assert running.autosaver.flush(timeout=10)
    gc.collect()
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


def open_student(qtbot: QtBot, running: RunningApp) -> None:
    service = MeetingRecordService(running.record.sessions)
    student = service.add_student(Student(None, "5550123", "Amara", "Okafor", "6"))
    assert student.id is not None
    running.window.students.refresh()
    running.window.open_student(student.id)
    qtbot.waitUntil(lambda: running.window.timer.snapshot is not None, timeout=3000)


def cursor_in_pane(window: MainWindow) -> bool:
    pane = window.meeting_view.current_editor()
    return pane is not None and cursor_in(pane)


def focused_notes(window: MainWindow) -> QPlainTextEdit:
    """The notes of the pane in front, which has the cursor."""
    assert cursor_in_pane(window), f"focus is on {QApplication.focusWidget()!r}, not a pane"
    pane = window.meeting_view.current_editor()
    assert pane is not None
    return pane.notes


class MeetingDriver:
    """Moves the fake clock by ticks and does what a facilitator and a recorder do."""

    def __init__(self, running: RunningApp, clock: FakeClock) -> None:
        self.window = running.window
        self.clock = clock
        self.ticks = 0
        self.sentences = 0
        self.segment_moves = 0
        self.pauses = 0

    def run(self, ticks: int) -> None:
        window, actions = self.window, self.window.timer_actions
        paused_at: int | None = None
        for _ in range(ticks):
            self.ticks += 1
            self.clock.advance(TICK_S)
            window.timer.refresh()
            tick = self.ticks
            QApplication.processEvents()
            if tick % TYPE_EVERY == 0:
                self.sentences += 1
                QTest.keyClicks(focused_notes(window), f"Note {self.sentences}: reads aloud. ")
            if tick % NEXT_EVERY == 0 and actions.next.isEnabled():
                actions.next.trigger()
                self.segment_moves += 1
            if tick % PAUSE_EVERY == 0 and window.timer.state is ClockState.RUNNING:
                actions.start_pause.trigger()
                paused_at = tick
                self.pauses += 1
            elif paused_at is not None and tick - paused_at == PAUSE_TICKS:
                actions.start_pause.trigger()
                paused_at = None
        if paused_at is not None:
            actions.start_pause.trigger()


def test_a_45_minute_meeting_of_refreshes_leaks_no_references(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    window = running.window
    open_student(qtbot, running)
    window.timer_actions.timekeeper.trigger()
    qtbot.waitUntil(window.timekeeper.isVisible, timeout=3000)
    # The timekeeper window never takes the keyboard: the cursor stays in the pane.
    qtbot.waitUntil(lambda: cursor_in_pane(window), timeout=3000)
    window.timer_actions.start_pause.trigger()
    assert window.timer.state is ClockState.RUNNING

    driver = MeetingDriver(running, clock)
    # Every pane in front once (Ctrl+1 … as the recorder does), one back-and-forth and a
    # little of everything before counting, so that what is built once (each pane on first
    # use, fonts, style data, the first save) is not counted as drift.
    for number in range(1, len(PANE_KEYS) + 1):
        window.meeting_view.show_pane_number(number)
        QApplication.processEvents()
    window.timer_actions.next.trigger()
    window.timer_actions.previous.trigger()
    qtbot.waitUntil(lambda: cursor_in_pane(window), timeout=3000)
    driver.run(WARM_UP_TICKS)
    before = counts(running)
    driver.run(MEETING_TICKS)
    QApplication.processEvents()
    after = counts(running)

    # The meeting really happened: every segment reached, over time on the last, every sentence typed.
    snapshot = window.timer.snapshot
    assert snapshot is not None and snapshot.state is ClockState.RUNNING
    assert snapshot.segment_key == "closure"
    assert snapshot.warning is WarningLevel.OVERTIME
    assert driver.sentences >= 30 and driver.pauses >= 5 and driver.segment_moves >= 6
    assert window.timekeeper.isVisible()
    assert window.timekeeper.digits.text() == window.timer_panel.countdown.text()
    assert window.timer_panel.countdown.text() == snapshot.clock_text
    typed = "".join(window.meeting_view.editor(key).content().notes for key in PANE_KEYS)
    assert typed.count("reads aloud.") == driver.sentences

    if COUNTS_ARE_REAL:
        drift = {name: after[name] - before[name] for name in before}
        assert all(-FALL_BOUND <= change <= RISE_BOUND for change in drift.values()), (
            f"reference counts drifted over {MEETING_TICKS} refreshes: {drift}"
        )
