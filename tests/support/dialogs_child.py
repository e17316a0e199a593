"""A child process that runs the real ``sspt_desktop.app.main`` and opens every dialog.

    python -m tests.support.dialogs_child DATA_DIR PHASE

``dialogs``: add a student (cancelled once, then saved), agenda settings (cancelled, then
saved), About, Edit student (Ctrl+E), Meeting > Referral…, Meeting > Meeting details… and the
brainstorm library's New team entry dialog (each cancelled), the notes PDF's save dialog, the Finish question (No, and Yes on a second
student), and leave the first student's meeting under way; then ten more rounds of the
dialogs that can be repeated, printing ``drift none=N true=N false=N``, how the reference
counts of None, True and False moved over those rounds. ``resume``: open that student again
and answer the resume question. Each phase then quits through the main window, as a person
does, and the process ends through ``main``'s own return and the interpreter's teardown: a
reference-count fault in a binding aborts exactly there.

Every dialog is answered by pressing its buttons: a timer polls for the modal dialog that the
step expects, acts on it, and the step checks afterwards that it was seen. Prints
``step NAME`` after each step that went as expected and ``problem ...`` otherwise, for the
parent to read; the exit code is ``main``'s.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

import sspt_desktop.app
from sspt_desktop.app import RunningApp, StartingApp
from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.security.keychain import Keychain
from sspt_desktop.security.unlock import UnlockPrompts
from sspt_desktop.ui.panes.library_panel import LibraryPanel
from sspt_desktop.ui.records.meeting_details_dialog import MeetingDetailsDialog
from sspt_desktop.ui.records.referral_dialog import ReferralDialog
from sspt_desktop.ui.records.student_dialog import StudentDialog
from sspt_desktop.ui.records.team_entry_dialog import TeamEntryDialog
from sspt_desktop.ui.timer.agenda_settings_dialog import AgendaSettingsDialog

# QTest types ASCII only (it asserts on other characters).
FIRST = ("Lucia", "Fernandez", "7781203")
SECOND = ("Tomas", "Quispe", "7781204")
ANSWER_WITHIN_S = 20.0
REPEATS = 10
Ok = QDialogButtonBox.StandardButton.Ok
Cancel = QDialogButtonBox.StandardButton.Cancel


def say(text: str) -> None:
    print(text, flush=True)


class Answerer:
    """Waits for a modal dialog of ``kind`` and acts on it; ``seen`` says whether it came.

    If another modal dialog, or none, shows within the time allowed, it says so and rejects
    that dialog, so the run goes on to its end and the parent sees the problem.
    """

    def __init__(self, name: str, kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        self.name = name
        self._kind = kind
        self._act = act
        self.seen = False
        self.failed = False
        self._deadline = time.monotonic() + ANSWER_WITHIN_S
        self._poll = QTimer()
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._look)
        self._poll.start()

    def _look(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, self._kind) and modal.isVisible():
            self._poll.stop()
            self.seen = True
            try:
                self._act(modal)
            except Exception as exc:  # said to the parent; the dialog must not stay open
                say(f"problem {self.name}: {type(exc).__name__}: {exc}")
                self.failed = True
                if isinstance(modal, QDialog) and modal.isVisible():
                    modal.reject()
        elif time.monotonic() > self._deadline:
            self._poll.stop()
            say(f"problem {self.name}: expected {self._kind.__name__}, found {modal!r}")
            if isinstance(modal, QDialog):
                modal.reject()

    def done(self) -> None:
        self._poll.stop()
        if not self.seen:
            say(f"problem {self.name}: no dialog")
        elif not self.failed:
            say(f"step {self.name}")


def step(
    name: str, kind: type[QWidget], act: Callable[[QWidget], None], do: Callable[[], object]
) -> None:
    """Do ``do`` (which shows a modal dialog and returns when it closes), answering with ``act``."""
    answerer = Answerer(name, kind, act)
    do()
    answerer.done()


def press(box_button: QDialogButtonBox.StandardButton) -> Callable[[QWidget], None]:
    """Press a standard button of a dialog's button box."""

    def act(dialog: QWidget) -> None:
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None, f"{dialog!r} has no buttons"
        button = box.button(box_button)
        assert button is not None and button.isEnabled(), f"{box_button} not there"
        button.click()

    return act


def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    """Press a message box's button."""

    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        pressed = box.button(button)
        assert pressed is not None, f"{button} not offered"
        pressed.click()

    return act


def fill_student(first: str, last: str, number: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, StudentDialog)
        fields = (dialog.first_name, dialog.last_name, dialog.student_number, dialog.grade)
        for edit, text in zip(fields, (first, last, number, "5"), strict=True):
            QTest.keyClicks(edit, text)
        press(Ok)(dialog)

    return act


def save_file(path: Path) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None, "not Qt's own file dialog"
        # Set, not typed: typing a path makes the dialog's completer pop up over the button.
        name.setText(str(path))
        # Qt's file dialog labels its accepting button Save; it is the box's accept button.
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        accept = [
            b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
        ]
        assert len(accept) == 1 and accept[0].isEnabled(), "no Save button to press"
        accept[0].click()

    return act


def student_id(running: RunningApp, number: str) -> int:
    found = [
        s for s in running.window.services.record.find_students("") if s.student_number == number
    ]
    assert len(found) == 1 and found[0].id is not None
    return found[0].id


def reference_counts() -> dict[str, int]:
    gc.collect()
    return {
        "none": sys.getrefcount(None),
        "true": sys.getrefcount(True),
        "false": sys.getrefcount(False),
    }


def open_dialogs(running: RunningApp, notes_pdf: Path) -> Iterator[None]:
    """The steps; each ``yield`` hands control back to the app's event loop, as a person's
    pause between two dialogs does (a closed dialog is deleted only there)."""
    window = running.window
    step("add-student-cancel", StudentDialog, press(Cancel), window.add_student_action.trigger)
    yield
    step("add-student", StudentDialog, fill_student(*FIRST), window.add_student_action.trigger)
    yield
    first = student_id(running, FIRST[2])
    assert window.meeting_view.meeting is not None
    assert window.meeting_view.meeting.student_id == first
    yield from agenda_about_finish(running)
    QTest.keyClicks(window.meeting_view.editor("welcome").notes, "Grandmother attending.")
    step("notes-pdf", QFileDialog, save_file(notes_pdf), window.print_notes_action.trigger)
    yield
    if not notes_pdf.exists():
        say("problem notes-pdf: no file written")
    actions = window.timer_actions
    actions.start_pause.trigger()
    step("finish-no", QMessageBox, answer(QMessageBox.StandardButton.No), actions.finish.trigger)
    yield
    if window.timer.state is not ClockState.RUNNING:
        say("problem finish-no: the timer did not keep running")
    step(
        "add-second-student",
        StudentDialog,
        fill_student(*SECOND),
        window.add_student_action.trigger,
    )
    yield
    actions.start_pause.trigger()
    step("finish-yes", QMessageBox, answer(QMessageBox.StandardButton.Yes), actions.finish.trigger)
    yield
    if window.timer.state is not ClockState.FINISHED:
        say("problem finish-yes: the timer did not finish")
    # Back to the first student: the timer left under way comes back paused, without a
    # question; started again, it is under way when the app quits.
    window.open_student(first)
    if window.timer.state is not ClockState.PAUSED:
        say(f"problem back-to-first: its timer is {window.timer.state}, not paused")
    actions.start_pause.trigger()
    if window.timer.state is ClockState.RUNNING:
        say("step back-to-first")
    else:
        say("problem back-to-first: its timer did not start again")
    yield
    # The same dialogs again and again: what one round leaks, many rounds show. Python 3.12
    # made None, True and False immortal (their counts never move); on 3.11 a binding that
    # drops a reference to them per call drains them round after round.
    before = reference_counts()
    for _ in range(REPEATS):
        yield from agenda_about_finish(running, "again-")
    after = reference_counts()
    say("drift " + " ".join(f"{k}={after[k] - before[k]}" for k in before))


def agenda_about_finish(running: RunningApp, prefix: str = "") -> Iterator[None]:
    """Agenda settings cancelled and saved, About, and (once the timer runs) Finish → No."""
    window = running.window
    step(
        f"{prefix}add-student-cancel",
        StudentDialog,
        press(Cancel),
        window.add_student_action.trigger,
    )
    yield
    step(
        f"{prefix}agenda-cancel",
        AgendaSettingsDialog,
        press(Cancel),
        window.agenda_settings_action.trigger,
    )
    yield
    step(
        f"{prefix}agenda-save",
        AgendaSettingsDialog,
        press(Ok),
        window.agenda_settings_action.trigger,
    )
    yield
    about = next(a for a in window.findChildren(QAction) if "About" in a.text())
    step(f"{prefix}about", QMessageBox, answer(QMessageBox.StandardButton.Ok), about.trigger)
    yield
    # Edit student: the action Ctrl+E triggers (offscreen, no window is active for a key).
    assert window.edit_student_action.shortcut().toString() == "Ctrl+E"
    step(
        f"{prefix}edit-student-cancel",
        StudentDialog,
        press(Cancel),
        window.edit_student_action.trigger,
    )
    yield
    step(f"{prefix}referral-cancel", ReferralDialog, press(Cancel), window.referral_action.trigger)
    yield
    step(
        f"{prefix}meeting-details-cancel",
        MeetingDetailsDialog,
        press(Cancel),
        window.meeting_details_action.trigger,
    )
    yield
    library = window.meeting_view.editor("brainstorm").findChild(LibraryPanel)
    assert library is not None, "the brainstorm pane has no library"
    step(
        f"{prefix}team-entry-cancel",
        TeamEntryDialog,
        press(Cancel),
        library.new_entry_button.click,
    )
    yield
    if window.timer_actions.finish.isEnabled():
        no = answer(QMessageBox.StandardButton.No)
        step(f"{prefix}finish-no", QMessageBox, no, window.timer_actions.finish.trigger)
        yield


def resume_meeting(running: RunningApp) -> Iterator[None]:
    window = running.window
    first = student_id(running, FIRST[2])
    yes = answer(QMessageBox.StandardButton.Yes)
    step("resume-question", QMessageBox, yes, lambda: window.open_student(first))
    yield
    if window.timer.state is not ClockState.PAUSED:
        say("problem resume-question: the timer was not taken up paused")


def main(data_dir: Path, phase: str) -> int:
    original_open_into = sspt_desktop.app.open_into

    def open_into_then_drive(
        starting: StartingApp,
        keychain: Keychain | None = None,
        prompts: UnlockPrompts | None = None,
    ) -> RunningApp | None:
        running = original_open_into(starting, keychain, prompts)
        if running is not None:
            QTimer.singleShot(0, lambda: drive(running))
        return running

    def drive(running: RunningApp) -> None:
        if phase == "dialogs":
            steps = open_dialogs(running, data_dir.parent / "notes.pdf")
        else:
            steps = resume_meeting(running)
        QTimer.singleShot(0, lambda: next_step(running, steps))

    def next_step(running: RunningApp, steps: Iterator[None]) -> None:
        try:
            next(steps)
        except StopIteration:
            pass
        except Exception as exc:  # reported to the parent; the app still quits normally
            say(f"problem {phase}: {type(exc).__name__}: {exc}")
        else:
            QTimer.singleShot(0, lambda: next_step(running, steps))
            return
        say("quitting")
        running.window.close()

    # The driver takes over once the record is open, exactly where the app's own start ends.
    sspt_desktop.app.open_into = open_into_then_drive
    return sspt_desktop.app.main(["--data-dir", str(data_dir)])


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
