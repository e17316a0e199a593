"""After a crash or a kill, the next start says so at once and reopens the meeting where it
stood, whatever its timer was doing (running, paused, never started); after a clean quit it
says nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.domain.student import Student
from sspt_desktop.security.keychain import Keychain
from sspt_desktop.services.clean_shutdown import MARKER_NAME
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.services.meeting_timing import MeetingTimingService
from sspt_desktop.services.record_opening import open_record
from sspt_desktop.storage.locations import DataLocations
from tests.gui.conftest import Launcher
from tests.integration.test_kill_nine import child_lines
from tests.support.fake_clock import FakeClock
from tests.support.file_keyring import FileKeyring
from tests.support.prompts import ScriptedPrompts
from tests.support.timer_child import SEGMENT_TEXT, WELCOME

REPO = Path(__file__).resolve().parents[2]
NOTICE_TITLE = "SSPT Desktop closed unexpectedly"


class MessageBoxes:
    """Answers every message box as a person would (its Escape button: OK for the notice),
    recording its title and text; runs while the app starts, so it must poll."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        self.seen.append((box.windowTitle(), box.text()))
        button = box.escapeButton()
        assert button is not None, "every message here has an Escape answer"
        button.click()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def boxes() -> Iterator[MessageBoxes]:
    answering = MessageBoxes()
    yield answering
    answering.stop()


def expected_notice(short_name: str, segment: str, *, was_paused: bool = False) -> str:
    return notice_start(short_name) + (
        f" The meeting reopens where it stood: {segment}, timer paused"
        + (", as it was." if was_paused else ".")
    )


def notice_start(short_name: str) -> str:
    today = QLocale().toString(QDate.currentDate(), "d MMM yyyy")
    return (
        f"SSPT Desktop closed unexpectedly during the meeting for {short_name} (Initial "
        f"meeting, {today}). Your notes are saved."
    )


def test_the_notice_names_the_meeting_in_plain_words() -> None:
    from sspt_desktop.domain.meeting import MeetingType
    from sspt_desktop.services.interrupted_meeting import InterruptedMeeting
    from sspt_desktop.ui.shell.interrupted_meeting_notice import notice_text

    meeting = InterruptedMeeting(
        1, 2, "Ana %2 <b>", MeetingType.INITIAL, date(2026, 11, 25), None, ClockState.RUNNING
    )
    text = notice_text(meeting)
    assert text.startswith(
        "SSPT Desktop closed unexpectedly during the meeting for Ana %2 <b> (Initial meeting, "
        + QLocale().toString(QDate(2026, 11, 25), "d MMM yyyy")
        + "). Your notes are saved. The meeting reopens;"
    )


def test_a_clean_quit_with_the_timer_running_says_nothing_next_time(
    launch_app: Launcher, boxes: MessageBoxes
) -> None:
    clock = FakeClock()
    first = launch_app(clock=clock)
    service = MeetingRecordService(first.record.sessions)
    student = service.add_student(Student(None, "1029384", "Daniela", "Reyes", "4"))
    assert student.id is not None
    first.window.students.refresh()
    first.window.open_student(student.id)
    meeting = first.window.meeting_view.meeting
    assert meeting is not None and meeting.id is not None
    timer = first.window.timer
    assert timer.toggle_pause()
    clock.advance(90)
    assert timer.next_segment()
    clock.advance(30)
    timer.refresh()
    assert timer.state is ClockState.RUNNING
    first.window.close()
    first.shutdown()

    second = launch_app(clock=clock)
    assert boxes.seen == []
    assert second.window.meeting_view.meeting is None
    # The quit left the timer paused, so it is still there for the team, with its figures.
    state = MeetingTimingService(second.record.sessions).load_state(meeting.id)
    assert state is not None and state["state"] == "paused" and state["index"] == 1
    assert state["spent"][:2] == [90.0, 30.0]
    # Opening the student asks, as after any stop; Escape keeps the timer where it was.
    second.window.open_student(student.id)
    assert [title for title, _ in boxes.seen] == ["Resume the meeting timer?"]
    assert second.window.timer.state is ClockState.PAUSED
    assert second.window.meeting_view.current_key() == "strengths"


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("SSPT_TEST_KEYRING_FILE", str(path))
    return path


@pytest.fixture
def keychain(keyring_file: Path) -> Keychain:
    """The app in this test and the child it kills share one keychain, kept in a file."""
    return Keychain(FileKeyring())


def run_meeting_and_kill(
    data_dir: Path,
    keyring_file: Path,
    segments_on: int,
    leave: ClockState = ClockState.RUNNING,
) -> str:
    """Run the meeting in a child, kill it with the timer as ``leave`` says, and give the
    segment it stood in."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="tests.support.file_keyring.FileKeyring",
        SSPT_TEST_KEYRING_FILE=str(keyring_file),
        PYTHONPATH=str(REPO),
    )
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.timer_child",
            str(data_dir),
            "Reyes",
            str(segments_on),
            leave.value,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = next(child_lines(child), "").strip()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert line.startswith(f"{leave.value} "), f"the child did not get its meeting going: {line!r}"
    # Killed without shutting down: the running marker names the meeting for the next start.
    assert (data_dir / MARKER_NAME).exists()
    return line.split()[1]


@pytest.mark.slow
def test_after_a_kill_the_next_start_reopens_the_meeting_where_it_stood(
    launch_app: Launcher,
    boxes: MessageBoxes,
    keychain: Keychain,
    keyring_file: Path,
    data_dir: Path,
) -> None:
    record = open_record(DataLocations(data_dir), keychain, ScriptedPrompts())
    service = MeetingRecordService(record.sessions)
    service.add_student(Student(None, "1000", "Ana", "Lopez", "3"))
    daniela = service.add_student(Student(None, "1029384", "Daniela", "Reyes", "4"))
    record.close()

    segment = run_meeting_and_kill(data_dir, keyring_file, segments_on=2)
    assert segment == "problem"

    running = launch_app()
    # Said at once: before the recorder has touched anything, and only once.
    assert boxes.seen == [(NOTICE_TITLE, expected_notice("Daniela R.", "Problem Identification"))]
    window = running.window
    meeting = window.meeting_view.meeting
    assert meeting is not None and meeting.student_id == daniela.id
    assert window.meeting_view.editor("welcome").content().notes == WELCOME
    assert window.meeting_view.editor("problem").content().notes == SEGMENT_TEXT
    timer = window.timer
    snapshot = timer.snapshot
    assert timer.state is ClockState.PAUSED
    assert snapshot is not None and snapshot.segment_key == "problem" and snapshot.index == 2
    assert window.meeting_view.current_key() == "problem"
    assert window.meeting_view.current_editor() is window.meeting_view.editor("problem")
    assert window.meeting_view.editor("welcome").notes.toPlainText() == WELCOME
    # The time the app was closed counted as paused: it stays still until the team resumes.
    spent = snapshot.actual_seconds
    timer.refresh()
    assert timer.snapshot is not None and timer.snapshot.actual_seconds == spent


def add_students(data_dir: Path, keychain: Keychain) -> Student:
    record = open_record(DataLocations(data_dir), keychain, ScriptedPrompts())
    service = MeetingRecordService(record.sessions)
    service.add_student(Student(None, "1000", "Ana", "Lopez", "3"))
    daniela = service.add_student(Student(None, "1029384", "Daniela", "Reyes", "4"))
    record.close()
    return daniela


@pytest.mark.slow
def test_after_a_kill_with_the_timer_paused_the_meeting_reopens_paused_where_it_stood(
    launch_app: Launcher,
    boxes: MessageBoxes,
    keychain: Keychain,
    keyring_file: Path,
    data_dir: Path,
) -> None:
    daniela = add_students(data_dir, keychain)
    segment = run_meeting_and_kill(data_dir, keyring_file, 2, ClockState.PAUSED)
    assert segment == "problem"

    running = launch_app()
    # Said at once and truthfully (the timer was paused), and no resume question after it.
    assert boxes.seen == [
        (NOTICE_TITLE, expected_notice("Daniela R.", "Problem Identification", was_paused=True))
    ]
    window = running.window
    meeting = window.meeting_view.meeting
    assert meeting is not None and meeting.student_id == daniela.id
    assert window.meeting_view.editor("welcome").content().notes == WELCOME
    assert window.meeting_view.editor("problem").content().notes == SEGMENT_TEXT
    timer = window.timer
    snapshot = timer.snapshot
    assert timer.state is ClockState.PAUSED
    assert snapshot is not None and snapshot.segment_key == "problem" and snapshot.index == 2
    assert window.meeting_view.current_key() == "problem"


@pytest.mark.slow
def test_after_a_kill_before_the_timer_started_the_meeting_reopens_not_started(
    launch_app: Launcher,
    boxes: MessageBoxes,
    keychain: Keychain,
    keyring_file: Path,
    data_dir: Path,
) -> None:
    daniela = add_students(data_dir, keychain)
    segment = run_meeting_and_kill(data_dir, keyring_file, 0, ClockState.NOT_STARTED)
    assert segment == "welcome"

    running = launch_app()
    assert boxes.seen == [
        (
            NOTICE_TITLE,
            notice_start("Daniela R.") + " The meeting reopens; its timer had not been "
            "started, so start it when the team is ready.",
        )
    ]
    window = running.window
    meeting = window.meeting_view.meeting
    assert meeting is not None and meeting.student_id == daniela.id
    assert window.meeting_view.editor("welcome").content().notes == WELCOME
    assert window.timer.state is ClockState.NOT_STARTED
    assert window.meeting_view.current_key() == "welcome"


@pytest.mark.parametrize("leave", [ClockState.PAUSED, ClockState.NOT_STARTED])
def test_a_clean_quit_with_the_timer_paused_or_not_started_says_nothing_next_time(
    launch_app: Launcher, boxes: MessageBoxes, data_dir: Path, leave: ClockState
) -> None:
    clock = FakeClock()
    first = launch_app(clock=clock)
    marker = data_dir / MARKER_NAME
    student = MeetingRecordService(first.record.sessions).add_student(
        Student(None, "1029384", "Daniela", "Reyes", "4")
    )
    assert student.id is not None
    first.window.students.refresh()
    first.window.open_student(student.id)
    timer = first.window.timer
    if leave is ClockState.PAUSED:
        assert timer.toggle_pause()
        clock.advance(60)
        assert timer.toggle_pause()
    assert timer.state is leave
    # While the app runs, the marker names the open meeting: a kill now would be reported.
    meeting = first.window.meeting_view.meeting
    assert meeting is not None and meeting.id is not None
    assert f'"open_meeting": {meeting.id}' in marker.read_text(encoding="utf-8")
    first.window.close()
    first.shutdown()
    assert not marker.exists()

    second = launch_app(clock=clock)
    assert boxes.seen == []
    assert second.window.meeting_view.meeting is None
