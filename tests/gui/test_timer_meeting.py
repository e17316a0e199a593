"""A whole meeting on the agenda timer, driven by keys and buttons, on a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.agenda import PANE_KEYS
from sspt_desktop.domain.clock_text import minutes_and_seconds
from sspt_desktop.domain.meeting import MeetingStatus
from sspt_desktop.domain.meeting_clock import ClockState, WarningLevel
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.services.meeting_timing import MeetingTimingService
from sspt_desktop.ui.timer.meeting_timer import MeetingTimer
from tests.gui.conftest import Launcher
from tests.support.fake_clock import FakeClock
from tests.support.meeting_driving import cursor_in

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_meeting(qtbot: QtBot, running: RunningApp) -> tuple[int, int]:
    service = MeetingRecordService(running.record.sessions)
    student = service.add_student(Student(None, "1029384", "Daniela", "Reyes", "4"))
    assert student.id is not None
    running.window.students.refresh()
    running.window.open_student(student.id)
    meeting = running.window.meeting_view.meeting
    assert meeting is not None and meeting.id is not None
    qtbot.waitUntil(lambda: running.window.timer.snapshot is not None, timeout=2000)
    return student.id, meeting.id


def focused_editor_key(running: RunningApp) -> str | None:
    view = running.window.meeting_view
    for key in PANE_KEYS:
        if cursor_in(view.editor(key)):
            return key
    return None


def state_now(timer: MeetingTimer) -> ClockState | None:
    """The timer's state read afresh: a key or click changes it behind the type checker's
    narrowing of ``timer.state`` from an earlier assert."""
    return timer.state


def press(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key where the person's focus is (a pane's editor, most of the time)."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


def test_a_whole_meeting_by_keyboard_and_buttons(qtbot: QtBot, launch_app: Launcher) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    window = running.window
    _, meeting_id = open_meeting(qtbot, running)
    timer, panel = window.timer, window.timer_panel
    assert timer.allocation is not None
    plan = timer.allocation.seconds
    assert panel.state.text() == "Not started"
    assert panel.fit.text() == "Every segment fits within its seeded range."
    assert panel.countdown.text() == "02:20" and plan[0] == 140

    # F5 starts from inside the pane; the recorder keeps typing, spaces included.
    qtbot.waitUntil(lambda: focused_editor_key(running) == "welcome", timeout=2000)
    press(qtbot, Qt.Key.Key_F5)
    assert state_now(timer) is ClockState.RUNNING
    qtbot.keyClicks(QApplication.focusWidget(), "Mother and aunt attending")
    welcome = window.meeting_view.editor("welcome").content()
    assert welcome.attendance[0].name == "Mother and aunt attending"
    assert state_now(timer) is ClockState.RUNNING

    # Time passes on the fake clock; the poll shows it, in digits, colour and words.
    clock.advance(100)
    qtbot.waitUntil(lambda: panel.countdown.text() == "00:40", timeout=2000)
    assert panel.property("warning") == "last_minute"
    assert panel.state.text() == "▲ Last minute: 40 s left"

    # Ctrl+PgDown from inside the pane moves the agenda, and the pane (cursor in it) follows.
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert timer.snapshot is not None and timer.snapshot.segment_key == "strengths"
    qtbot.waitUntil(lambda: focused_editor_key(running) == "strengths", timeout=2000)
    assert window.meeting_view.current_key() == "strengths"
    assert window.meeting_view.strip.button("strengths").property("segmentState") == "current"
    assert window.meeting_view.strip.button("welcome").property("segmentState") == "done"
    # A done segment shows the time it took beside its plan.
    assert window.meeting_view.strip.button("welcome").text().endswith("2:20 → 1:40 min")
    assert window.meeting_view.strip.button("strengths").text().endswith("2:20 min")

    # Pause with the button; paused time counts for nothing.
    qtbot.mouseClick(panel.buttons["startPause"], Qt.MouseButton.LeftButton)
    assert state_now(timer) is ClockState.PAUSED
    clock.advance(300)
    timer.refresh()
    assert panel.countdown.text() == "02:20"
    # Paused has its own symbol and colour, not only the word.
    assert panel.state.text().startswith("❚❚ Paused")
    assert panel.property("warning") == "paused"
    # Space resumes when the focus is not in something that types (the button gave the
    # cursor back to the pane, where Space is a space).
    in_pane = QApplication.focusWidget()
    assert in_pane is not None
    in_pane.clearFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert state_now(timer) is ClockState.RUNNING
    in_pane.setFocus()

    # +1 minute (Alt+Plus) and -1 minute (the button) on the current segment.
    press(qtbot, Qt.Key.Key_Plus, ALT)
    timer.refresh()
    assert panel.countdown.text() == "03:20"
    assert "3:20 min" in window.meeting_view.strip.button("strengths").text()
    qtbot.mouseClick(panel.buttons["removeMinute"], Qt.MouseButton.LeftButton)
    assert panel.countdown.text() == "02:20"

    # Running over: time up, then over time, shown as "+MM:SS over"; later segments shortened.
    clock.advance(140)
    qtbot.waitUntil(lambda: panel.property("warning") == "time_up", timeout=2000)
    assert panel.state.text() == "■ Time is up"
    clock.advance(112)  # 112 s over; welcome gave back 40 s, so 72 s come off later segments
    qtbot.waitUntil(lambda: panel.countdown.text() == "+01:52", timeout=2000)
    snapshot = timer.snapshot
    assert snapshot is not None and snapshot.warning is WarningLevel.OVERTIME
    assert panel.state.text() == "◆ +01:52 over"
    assert snapshot.shortened_seconds == 72 and sum(snapshot.planned_seconds[2:]) < sum(plan[2:])
    assert "shortened by" in panel.shortened.text()
    assert "late" not in panel.meeting.text()

    # Without rebalancing the later segments keep their plan and the end is announced late.
    qtbot.mouseClick(panel.rebalance, Qt.MouseButton.LeftButton)
    assert not window.timer_actions.rebalance.isChecked()
    timer.refresh()
    assert timer.snapshot is not None and timer.snapshot.planned_seconds[2:] == plan[2:]
    assert "1 min late" in panel.meeting.text() and "ends " in panel.meeting.text()
    qtbot.mouseClick(panel.rebalance, Qt.MouseButton.LeftButton)

    # Pinning keeps the recorder's pane in front while the agenda moves on.
    press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    assert window.meeting_view.pinned
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert timer.snapshot is not None and timer.snapshot.segment_key == "problem"
    assert window.meeting_view.current_key() == "strengths"
    assert focused_editor_key(running) == "strengths"
    qtbot.mouseClick(panel.pin, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: focused_editor_key(running) == "problem", timeout=2000)

    # Ctrl+PgUp goes back a segment, and its time counts again.
    clock.advance(30)
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert timer.snapshot is not None and timer.snapshot.segment_key == "strengths"
    qtbot.waitUntil(lambda: focused_editor_key(running) == "strengths", timeout=2000)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)

    # Walk the rest of the agenda and finish with Ctrl+Shift+F.
    for _ in range(4):
        clock.advance(60)
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert timer.snapshot is not None and timer.snapshot.segment_key == "closure"
    assert panel.segment.text().endswith("last segment")
    clock.advance(45)
    # Finishing asks first (it cannot be undone); No keeps the meeting going.
    confirm_finish(qtbot, QMessageBox.StandardButton.No)
    press(qtbot, Qt.Key.Key_F, CTRL_SHIFT)
    assert state_now(timer) is ClockState.RUNNING
    window.activateWindow()  # as the desktop does when the question closes
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    confirm_finish(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    assert state_now(timer) is ClockState.FINISHED
    # No running figure after Finish: the word, and the meeting's total time against its plan.
    assert panel.countdown.text() == "Finished"
    assert panel.state.text() == "✓ Meeting finished"
    assert panel.meeting.text().startswith("meeting took 11:07 · planned ")
    assert panel.property("warning") == "finished"
    assert "next:" not in panel.segment.text()
    window.timer_actions.timekeeper.setChecked(True)
    assert window.timekeeper.next.text() == ""  # nothing comes after a finished meeting
    window.timer_actions.timekeeper.setChecked(False)
    clock.advance(90)
    timer.refresh()
    assert panel.countdown.text() == "Finished"
    assert not window.timer_actions.next.isEnabled()

    # Planned and actual seconds of every segment are stored with the meeting.
    timings = MeetingTimingService(running.record.sessions).timings(meeting_id)
    assert tuple(t.segment_key for t in timings) == PANE_KEYS
    assert [t.actual_seconds for t in timings] == [100, 252, 90, 60, 60, 60, 45]
    assert timings[0].planned_seconds == 140 and timings[1].planned_seconds == 140
    # The panel's planned total is the stored timings' sum, as the printed notes add it up.
    planned_total = minutes_and_seconds(sum(t.planned_seconds for t in timings))
    assert panel.meeting.text() == f"meeting took 11:07 · planned {planned_total}"
    meeting = MeetingRecordService(running.record.sessions).meeting(meeting_id)
    assert meeting is not None
    assert meeting.status is MeetingStatus.IN_PROGRESS and meeting.total_minutes == 30


def test_meeting_length_is_picked_before_the_start(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app(clock=FakeClock())
    _, meeting_id = open_meeting(qtbot, running)
    panel = running.window.timer_panel
    panel.total.setValue(20)
    assert "less than the seeded minimums" in panel.fit.text()
    assert running.window.timer.allocation is not None
    assert running.window.timer.allocation.total_seconds == 20 * 60
    assert panel.countdown.text() == "01:29"  # 20/27 of welcome's 2 minutes
    meeting = MeetingRecordService(running.record.sessions).meeting(meeting_id)
    assert meeting is not None and meeting.total_minutes == 20
    qtbot.mouseClick(panel.buttons["startPause"], Qt.MouseButton.LeftButton)
    assert not panel.total.isEnabled()
    # The sentence stays while the segments are scaled below their minimums.
    assert panel.fit.isVisibleTo(panel)


def test_timekeeper_window_shows_the_clock_and_no_student_data(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    open_meeting(qtbot, running)
    window = running.window
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    keeper = window.timekeeper
    qtbot.waitUntil(keeper.isVisible, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    clock.advance(100)
    window.timer.refresh()
    assert keeper.segment.text() == "WELCOME / INTRODUCTIONS"
    assert keeper.next.text() == "next: Student Strengths"
    assert keeper.digits.text() == "00:40"
    assert keeper.state.text() == "▲ Last minute: 40 s left"
    assert keeper.meeting.text().startswith("meeting: 28:20 left · ends ")
    assert keeper.property("warning") == "last_minute"
    # Digits at least a quarter of the window's height, at any size.
    for width, height in ((900, 560), (1600, 900), (640, 480)):
        keeper.resize(width, height)

        def resized(h: int = height) -> bool:
            return keeper.height() == h

        qtbot.waitUntil(resized, timeout=2000)
        assert keeper.digits.font().pixelSize() >= keeper.height() / 4
    # Nothing about the student, anywhere in the window.
    texts = [label.text() for label in keeper.findChildren(QLabel)] + [keeper.windowTitle()]
    for text in texts:
        for private in ("Daniela", "Reyes", "1029384", "Mother"):
            assert private not in text
    # The timer's keys work in the timekeeper window too; F11 toggles full screen.
    keeper.activateWindow()
    qtbot.waitUntil(keeper.isActiveWindow, timeout=2000)
    qtbot.keyClick(keeper, Qt.Key.Key_Space)
    assert state_now(window.timer) is ClockState.PAUSED
    qtbot.keyClick(keeper, Qt.Key.Key_PageDown, CTRL)
    assert keeper.segment.text() == "STUDENT STRENGTHS"
    qtbot.keyClick(keeper, Qt.Key.Key_F11)
    qtbot.waitUntil(keeper.isFullScreen, timeout=2000)
    qtbot.keyClick(keeper, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not keeper.isFullScreen(), timeout=2000)
    keeper.close()
    assert not window.timer_actions.timekeeper.isChecked()


def test_a_crashed_meeting_resumes_where_it_was(
    qtbot: QtBot, launch_app: Launcher, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    first = launch_app(clock=clock)
    student_id, meeting_id = open_meeting(qtbot, first)
    timing = MeetingTimingService(first.record.sessions)
    qtbot.keyClick(first.window, Qt.Key.Key_F5)
    clock.advance(150)
    qtbot.keyClick(first.window, Qt.Key.Key_PageDown, CTRL)
    clock.advance(40)
    # Every few seconds of running time the state is saved, without any action.
    qtbot.waitUntil(
        lambda: (timing.load_state(meeting_id) or {}).get("spent", [0, 0])[1] == 40, timeout=3000
    )
    saved = first.window.timer.snapshot
    assert saved is not None
    # The crash: nothing is saved from here on, and a minute later the app is gone.
    monkeypatch.setattr(first.window.timer, "save", lambda: None)
    clock.advance(60)
    first.window.close()
    first.shutdown()

    # The next start says so at once and reopens the meeting, without the resume question.
    questions = answer_resume_question(qtbot, press_escape=True)
    second = launch_app(clock=clock)
    assert questions == ["SSPT Desktop closed unexpectedly"]
    assert second.window.meeting_view.meeting is not None
    assert second.window.meeting_view.meeting.student_id == student_id
    timer = second.window.timer
    snapshot = timer.snapshot
    assert snapshot is not None
    assert state_now(timer) is ClockState.PAUSED and snapshot.segment_key == "strengths"
    assert snapshot.actual_seconds[:2] == (150.0, 40.0)
    assert second.window.meeting_view.current_key() == "strengths"
    assert snapshot.planned_seconds == saved.planned_seconds
    left = saved.planned_seconds[1] - 40
    assert second.window.timer_panel.countdown.text() == f"{left // 60:02d}:{left % 60:02d}"
    # Time while closed counted as paused; resuming goes on from there.
    clock.advance(600)
    second.window.activateWindow()  # as the desktop does when the question closes
    qtbot.waitUntil(second.window.isActiveWindow, timeout=3000)
    qtbot.keyClick(second.window, Qt.Key.Key_F5)
    clock.advance(10)
    timer.refresh()
    left -= 10
    assert second.window.timer_panel.countdown.text() == f"{left // 60:02d}:{left % 60:02d}"


def confirm_finish(qtbot: QtBot, button: QMessageBox.StandardButton) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.windowTitle() == "Finish the meeting's timer?"
        box.button(button).click()

    QTimer.singleShot(0, answer)


def answer_resume_question(qtbot: QtBot, press_escape: bool) -> list[str]:
    """Answer the resume question the way a person would, once it appears."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.windowTitle())
        if press_escape:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    return seen


def test_declining_to_resume_starts_the_timer_afresh(
    qtbot: QtBot, launch_app: Launcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    first = launch_app(clock=clock)
    student_id, meeting_id = open_meeting(qtbot, first)
    qtbot.keyClick(first.window, Qt.Key.Key_F5)
    clock.advance(20)
    first.window.close()
    first.shutdown()
    second = launch_app(clock=clock)
    answer_resume_question(qtbot, press_escape=False)
    second.window.open_student(student_id)
    assert state_now(second.window.timer) is ClockState.NOT_STARTED
    assert MeetingTimingService(second.record.sessions).load_state(meeting_id) is None


def test_chime_plays_at_each_warning_when_switched_on(qtbot: QtBot, launch_app: Launcher) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    open_meeting(qtbot, running)
    played: list[str] = []

    class Recorder:
        def play_file(self, path: Path) -> None:
            assert path.is_file() and path.suffix == ".wav"
            played.append(path.name)

    window = running.window
    window.chime.set_player(Recorder())
    assert not window.timer_actions.chime.isChecked()  # off by default
    qtbot.keyClick(window, Qt.Key.Key_F5)
    clock.advance(100)
    window.timer.refresh()
    assert played == []
    window.timer_actions.chime.trigger()
    clock.advance(60)
    window.timer.refresh()
    clock.advance(10)
    window.timer.refresh()
    assert played == ["chime_time_up.wav"]
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    clock.advance(81)
    window.timer.refresh()
    clock.advance(60)
    window.timer.refresh()
    assert played == ["chime_time_up.wav", "chime_warning.wav", "chime_time_up.wav"]


def test_switching_students_mid_meeting_keeps_both_timers_without_questions(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    student_id, _meeting_id = open_meeting(qtbot, running)
    window = running.window
    qtbot.keyClick(window, Qt.Key.Key_F5)
    clock.advance(30)
    other = MeetingRecordService(running.record.sessions).add_student(
        Student(None, "777", "Tuan", "Nguyen", "5")
    )
    assert other.id is not None
    window.open_student(other.id)  # the first meeting's timer is paused and saved
    assert state_now(window.timer) is ClockState.NOT_STARTED
    window.open_student(student_id)  # back, with no crash-recovery question
    assert state_now(window.timer) is ClockState.PAUSED
    snapshot = window.timer.snapshot
    assert snapshot is not None and snapshot.actual_seconds[0] == 30.0


def test_starting_from_the_length_box_leaves_the_cursor_in_the_pane(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app(clock=FakeClock())
    open_meeting(qtbot, running)
    window = running.window
    window.timer_panel.total.setFocus()
    qtbot.keyClick(window.timer_panel.total, Qt.Key.Key_F5)
    assert state_now(window.timer) is ClockState.RUNNING
    assert focused_editor_key(running) == "welcome"


def test_the_timekeeper_window_leaves_the_keyboard_with_the_recorder(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app(clock=FakeClock())
    open_meeting(qtbot, running)
    window = running.window
    qtbot.waitUntil(lambda: focused_editor_key(running) == "welcome", timeout=2000)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # A window manager hands focus to a new window a moment after it shows; give it the chance.
    with qtbot.waitSignal(app.focusWindowChanged, timeout=500, raising=False):
        press(qtbot, Qt.Key.Key_T, CTRL)
    assert window.timekeeper.isVisible()
    assert QApplication.activeWindow() is window
    assert focused_editor_key(running) == "welcome"
    press(qtbot, Qt.Key.Key_A)
    press(qtbot, Qt.Key.Key_Space)
    assert window.meeting_view.editor("welcome").content().attendance[0].name.endswith("a ")
    assert state_now(window.timer) is ClockState.NOT_STARTED


def test_the_printed_notes_show_planned_and_actual_minutes(
    qtbot: QtBot, launch_app: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    clock = FakeClock()
    running = launch_app(clock=clock)
    open_meeting(qtbot, running)
    window = running.window
    qtbot.keyClick(window, Qt.Key.Key_F5)
    clock.advance(95)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    clock.advance(200)
    target = tmp_path / "notes.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF"))
    )
    assert state_now(window.timer) is ClockState.RUNNING
    window.print_notes_action.trigger()
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Agenda timing" in text
    assert "Welcome / Introductions\n2:20\n1:35" in text  # planned, then actual
    assert "Student Strengths\n2:20\n3:20" in text
    assert text.rstrip().endswith("4:55")  # the whole meeting's actual time closes the table
