"""The meeting timer and the meeting view beside it: looking back at a closed meeting leaves the
open meeting's timer running, a timer refresh never re-lays the view out or moves the keyboard
focus, and a finished timer leaves every segment marked done with its planned and actual time."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.agenda import PANE_KEYS
from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.services.meeting_timing import MeetingTimingService
from sspt_desktop.ui.shell.main_window import MainWindow
from tests.gui.conftest import Launcher
from tests.gui.test_layout_200 import styled, zoom_to  # noqa: F401  (styled is a fixture)
from tests.gui.test_meeting_window import add_student, open_by_search
from tests.gui.test_timer_meeting import confirm_finish, state_now
from tests.support.fake_clock import FakeClock

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def choose_in_history(qtbot: QtBot, window: MainWindow, closed: bool) -> None:
    """Click the student's closed meeting, or the open one, in the side panel's history."""
    history: QListWidget = window.glance.history
    rows = [
        row for row in range(history.count()) if ("(closed)" in history.item(row).text()) == closed
    ]
    assert len(rows) == 1, window.glance.meeting_lines()
    item = history.item(rows[0])
    history.scrollToItem(item)
    qtbot.mouseClick(
        history.viewport(), Qt.MouseButton.LeftButton, pos=history.visualItemRect(item).center()
    )


def strip_states(window: MainWindow) -> dict[str, str]:
    strip = window.meeting_view.strip
    return {key: str(strip.button(key).property("segmentState")) for key in PANE_KEYS}


def a_follow_up_with_a_closed_meeting_behind(qtbot: QtBot, running: RunningApp) -> int:
    """The student's initial meeting closed, their follow-up open; the follow-up's id."""
    window = running.window
    student_id = add_student(running)
    open_by_search(qtbot, running, "Reyes")
    initial = window.meeting_view.opened
    assert initial is not None
    assert window.close_meeting(initial.meeting_id, "The family moved the meeting.")
    window.open_student(student_id)
    follow_up = window.meeting_view.opened
    assert follow_up is not None and not follow_up.read_only
    return follow_up.meeting_id


def test_looking_at_a_closed_meeting_keeps_the_open_meetings_timer_running(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    window, view, timer = running.window, running.window.meeting_view, running.window.timer
    follow_up = a_follow_up_with_a_closed_meeting_behind(qtbot, running)
    qtbot.waitUntil(lambda: timer.snapshot is not None, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    window.timer_actions.timekeeper.setChecked(True)
    clock.advance(50)
    timer.refresh()
    assert window.timekeeper.digits.text() == "01:30"

    choose_in_history(qtbot, window, closed=True)
    assert view.read_only
    assert "current" not in strip_states(window).values()
    # The open meeting's timer goes on: the room's window keeps counting, and it is saved as
    # running (so a crash now would still be told at the next start).
    assert timer.meeting_id == follow_up and state_now(timer) is ClockState.RUNNING
    clock.advance(40)
    qtbot.waitUntil(lambda: window.timekeeper.digits.text() == "00:50", timeout=2000)
    clock.advance(10)
    timer.refresh()
    saved = MeetingTimingService(running.record.sessions).load_state(follow_up)
    assert saved is not None and saved["state"] == ClockState.RUNNING.value
    # The timer's keys still drive the open meeting, and leave the closed one as it is.
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    assert timer.snapshot is not None and timer.snapshot.segment_key == "strengths"
    assert view.read_only and view.current_key() == "welcome"
    assert "current" not in strip_states(window).values()
    assert "STRENGTHS" in window.timekeeper.segment.text()

    choose_in_history(qtbot, window, closed=False)
    assert not view.read_only and view.opened is not None and view.opened.meeting_id == follow_up
    assert state_now(timer) is ClockState.RUNNING  # no question, no pause: it never stopped
    assert window.timer_panel.isVisible()
    states = strip_states(window)
    assert states["welcome"] == "done" and states["strengths"] == "current", states
    assert view.current_key() == "strengths"
    # The welcome took the time spent looking back at the closed meeting, too.
    assert view.strip.button("welcome").text().endswith("2:20 → 1:40 min")
    clock.advance(5)
    qtbot.waitUntil(lambda: window.timer_panel.countdown.text() == "02:15", timeout=2000)
    window.timer_actions.timekeeper.setChecked(False)


class ShowCounter(QObject):
    """Counts the times the watched widgets are shown."""

    def __init__(self, widgets: Sequence[QWidget]) -> None:
        super().__init__()
        self.shown = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown += 1
        return False


@pytest.mark.usefixtures("styled")
def test_timer_refreshes_at_200_percent_leave_the_layout_and_the_focus_alone(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    window, view, panel = running.window, running.window.meeting_view, running.window.timer_panel
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    window.resize(1280, 800)
    try:
        zoom_to(window, 2.0)
        qtbot.waitUntil(lambda: view.compact_level == 2 and panel.compact, timeout=3000)
        qtbot.keyClick(window, Qt.Key.Key_F5)
        QApplication.processEvents()  # starting hides the length box: that may fit again
        panel.more.setFocus(Qt.FocusReason.TabFocusReason)
        assert QApplication.focusWidget() is panel.more
        # The controls the compact panel keeps in More: a re-fit would show them again.
        hidden = [panel.buttons["addMinute"], panel.buttons["finishMeeting"], panel.pin]
        assert not any(widget.isVisible() for widget in hidden)
        counter = ShowCounter(hidden)
        for _ in range(5):
            clock.advance(1)
            timer_text = panel.countdown.text()
            window.timer.refresh()
            assert panel.countdown.text() != timer_text
            QApplication.processEvents()
            QApplication.processEvents()
        assert counter.shown == 0
        assert QApplication.focusWidget() is panel.more
        assert view.compact_level == 2

        # A real change of size fits the view again, and the focus stays where it was.
        window.resize(1280, 780)
        qtbot.waitUntil(lambda: window.height() == 780, timeout=2000)
        QApplication.processEvents()
        assert view.compact_level == 2
        assert QApplication.focusWidget() is panel.more

        # Room enough for the full panel: a focused More hands the focus to the first of the
        # commands it held, and going compact again hands it back instead of dropping it.
        window.resize(1800, 1400)
        qtbot.waitUntil(lambda: view.compact_level < 2, timeout=3000)
        assert QApplication.focusWidget() is panel.buttons["finishMeeting"]
        panel.buttons["addMinute"].setFocus(Qt.FocusReason.TabFocusReason)
        window.resize(1280, 800)
        qtbot.waitUntil(lambda: view.compact_level == 2, timeout=3000)
        assert QApplication.focusWidget() is panel.more
    finally:
        zoom_to(window, 1.0)


def test_after_finish_every_segment_is_done_with_its_time(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    window, strip = running.window, running.window.meeting_view.strip
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    clock.advance(100)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    clock.advance(75)
    window.timer.refresh()
    assert strip_states(window)["strengths"] == "current"
    confirm_finish(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    assert state_now(window.timer) is ClockState.FINISHED

    states = strip_states(window)
    assert set(states.values()) == {"done"}, states
    assert strip.button("welcome").text().endswith("2:20 → 1:40 min")
    # The segment that was current when the timer finished shows the time it took.
    assert strip.button("strengths").text().endswith("2:20 → 1:15 min")
    # One never reached took no time, and says so.
    assert strip.button("closure").text().endswith("→ 0:00 min")
    assert "1:15 taken" in strip.button("strengths").accessibleName().replace(" min", "")
