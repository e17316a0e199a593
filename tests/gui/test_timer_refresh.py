"""The timer refreshes the screen when its seconds turn, not on a poll: the armed delays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.ui.timer.meeting_timer import MeetingTimer
from tests.gui.conftest import Launcher
from tests.gui.test_timer_meeting import open_meeting, state_now
from tests.support.fake_clock import FakeClock


def due(timer: MeetingTimer) -> int:
    delay = timer.next_refresh_in_ms
    assert delay is not None
    return int(delay)


def test_the_refresh_is_armed_for_the_next_second_boundary(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    open_meeting(qtbot, running)
    window = running.window
    timer, panel = window.timer, window.timer_panel
    # Not started: only the projected end moves, with the wall clock; once a second is enough.
    assert 900 < due(timer) <= 1000
    qtbot.keyClick(window, Qt.Key.Key_F5)  # every action re-arms
    assert state_now(timer) is ClockState.RUNNING
    assert 900 < due(timer) <= 1000  # 140.0 s left: the figure turns in exactly one second
    clock.advance(0.75)
    timer.refresh()
    assert 150 < due(timer) <= 250  # 139.25 s left: 02:20 turns to 02:19 in 250 ms
    assert panel.countdown.text() == "02:20"
    # The armed refresh fires by itself and shows the new second.
    clock.advance(0.25)
    with qtbot.waitSignal(timer.snapshotChanged, timeout=1000):
        pass
    assert panel.countdown.text() == "02:19"
    clock.advance(79.5)  # 59.5 s left: the warning and the figure turn together
    timer.refresh()
    assert 400 < due(timer) <= 500
    qtbot.keyClick(window, Qt.Key.Key_F5)  # paused
    assert state_now(timer) is ClockState.PAUSED
    assert 900 < due(timer) <= 1000
    # After Finish nothing moves, so nothing is armed.
    timer.finish()
    assert timer.next_refresh_in_ms is None
    assert panel.countdown.text() == "Finished"
