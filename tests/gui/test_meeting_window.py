"""The thin slice as a person uses it: open a student, type, close, reopen, print."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.agenda import PANE_KEYS
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.ui.panes.problem import ProblemPane
from tests.gui.conftest import Launcher
from tests.support.dialog_buttons import press_button
from tests.support.meeting_driving import cursor_in


def add_student(running: RunningApp, first: str = "Daniela", last: str = "Reyes") -> int:
    service = MeetingRecordService(running.record.sessions)
    student = service.add_student(Student(None, "1029384", first, last, "4"))
    assert student.id is not None
    running.window.students.refresh()
    return student.id


def open_by_search(qtbot: QtBot, running: RunningApp, text: str) -> None:
    window = running.window
    qtbot.keyClicks(window.students.search_box, text)
    qtbot.waitUntil(lambda: window.students.model.rowCount() == 1, timeout=2000)
    qtbot.keyClick(window.students.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.meeting_view.meeting is not None, timeout=2000)


def test_typed_text_survives_closing_and_reopening(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    view = running.window.meeting_view
    # The first pane is in front with the cursor in it: the recorder can type at once.
    assert view.current_key() == "welcome"
    welcome = view.editor("welcome")
    qtbot.waitUntil(lambda: cursor_in(welcome), timeout=2000)  # the first attendee's name
    qtbot.keyClicks(QApplication.focusWidget(), "Ms. Reyes (mother)")
    qtbot.keyClicks(welcome.notes, "Mother attending with an interpreter.")
    qtbot.keyClick(running.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.current_key() == "strengths"
    qtbot.keyClicks(QApplication.focusWidget(), "Kind to classmates; strong in math facts.")
    # Saved without anyone asking, within a second.
    qtbot.waitUntil(lambda: not running.autosaver.has_unsaved, timeout=2000)
    qtbot.waitUntil(lambda: "saved" in running.window.autosave_status.text(), timeout=2000)
    running.window.close()
    running.shutdown()

    again = launch_app()
    open_by_search(qtbot, again, "1029384")
    view = again.window.meeting_view
    welcome = view.editor("welcome").content()
    assert welcome.notes == "Mother attending with an interpreter."
    assert [row.name for row in welcome.attendance] == ["Ms. Reyes (mother)"]
    strengths = view.editor("strengths").content()
    assert [item.text for item in strengths.items] == ["Kind to classmates; strong in math facts."]


def test_loading_a_meeting_does_not_count_as_an_edit(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Daniela")
    assert not running.autosaver.has_unsaved
    assert running.window.autosave_status.text() == ""


def test_ctrl_and_a_number_brings_that_pane_forward(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    view = running.window.meeting_view
    for number, key in enumerate(PANE_KEYS, start=1):
        qtbot.keyClick(
            running.window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert view.current_key() == key
        # The cursor lands in the pane's first field.
        qtbot.waitUntil(partial(cursor_in, view.editor(key)), timeout=2000)
        assert view.strip.button(key).isChecked()


def test_search_finds_by_name_or_id_and_says_when_nothing_matches(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    service = MeetingRecordService(running.record.sessions)
    service.add_student(Student(None, "1001", "Marcus", "Thompson", "6"))
    service.add_student(Student(None, "1002", "Aiyana", "Begay", "2"))
    panel = running.window.students
    panel.refresh()
    assert panel.model.rowCount() == 2
    qtbot.keyClicks(panel.search_box, "1002")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, "nobody here")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=2000)
    assert panel.empty_hint.isVisibleTo(running.window)


def test_meeting_notes_print_to_a_pdf_with_what_was_typed(
    qtbot: QtBot, launch_app: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    view = running.window.meeting_view
    qtbot.keyClick(running.window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.editor("problem").notes, "Reads 48 wcpm on grade-4 passages.")
    target = tmp_path / "notes.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF"))
    )
    qtbot.keyClick(running.window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert target.exists()
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "SSPT Meeting Notes" in text
    assert "Daniela Reyes" in text
    assert "Problem Identification" in text
    assert "Reads 48 wcpm on grade-4 passages." in text
    assert "Initial meeting" in text
    # No half-written temporary file is left beside it.
    assert not any(p.name.startswith(".notes-") for p in tmp_path.iterdir())


def test_the_window_says_how_the_record_is_protected(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    assert "keychain" in running.window.security_status.text().lower()


def test_nothing_typed_reaches_any_file_in_the_clear(
    qtbot: QtBot, launch_app: Launcher, data_dir: Path
) -> None:
    """Logs, settings, the key file: none of them receives what the recorder typed."""
    running = launch_app()
    add_student(running, first="Xochiquetzal", last="Ramírez-Okafor")
    open_by_search(qtbot, running, "Xochiquetzal")
    qtbot.keyClick(running.window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    problem = running.window.meeting_view.editor("problem")
    assert isinstance(problem, ProblemPane)
    qtbot.keyClicks(problem.problem, "Throws chairs when asked to read aloud")
    qtbot.waitUntil(lambda: not running.autosaver.has_unsaved, timeout=2000)
    running.window.close()
    running.shutdown()
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files)
    for path in files:
        content = path.read_bytes()
        for needle in (b"Xochiquetzal", b"Okafor", b"Throws chairs", b"1029384"):
            assert needle not in content, f"{needle!r} in {path.name}"


def test_adding_a_student_checks_the_form_and_opens_their_meeting(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    from PySide6.QtCore import QTimer

    from sspt_desktop.ui.records.student_dialog import StudentDialog

    running = launch_app()
    add_student(running)  # ID 1029384 is taken
    seen: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StudentDialog)
        try:
            qtbot.keyClicks(dialog.first_name, "Sofia")
            dialog.last_name.setText("Hernández")  # QTest types ASCII only
            qtbot.keyClicks(dialog.student_number, "1029384")
            press_button(qtbot, dialog)
            seen.append(dialog.problem.text())
            dialog.student_number.setText("1037745")
            press_button(qtbot, dialog)
        finally:
            if dialog.isVisible():  # never leave a modal dialog waiting for a person
                dialog.reject()

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(running.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["A student with ID 1029384 is already in the record."]
    assert running.window.meeting_view.header.text().startswith("Sofia Hernández (ID 1037745)")


def test_choosing_the_open_student_again_changes_nothing(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    window = running.window
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.timer.snapshot is not None
    editor = window.meeting_view.editor("welcome")
    qtbot.keyClicks(editor.notes, "Introductions")
    qtbot.keyClick(window.students.search_box, Qt.Key.Key_Return)  # the same student again
    assert window.meeting_view.editor("welcome") is editor
    assert editor.content().notes == "Introductions"
    assert window.timer.state is not None and window.timer.state.value == "running"


def test_an_unsaved_meeting_is_not_swapped_out(
    qtbot: QtBot, launch_app: Launcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    running = launch_app()
    first = add_student(running)
    service = MeetingRecordService(running.record.sessions)
    other = service.add_student(Student(None, "555", "Tuan", "Nguyen", "5"))
    running.window.open_student(first)
    qtbot.keyClicks(running.window.meeting_view.editor("welcome").notes, "typed during a failure")
    warnings: list[str] = []
    monkeypatch.setattr(running.autosaver, "flush", lambda timeout=10.0: False)
    monkeypatch.setattr(running.autosaver.__class__, "has_unsaved", property(lambda self: True))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: warnings.append(args[1]))
    assert other.id is not None
    running.window.open_student(other.id)
    assert warnings == ["This meeting stays open for now"]
    assert running.window.meeting_view.editor("welcome").content().notes == (
        "typed during a failure"
    )


def test_shutdown_keeps_its_first_answer(
    qtbot: QtBot, launch_app: Launcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exit code must say when the last typing could not be saved, however often asked."""
    running = launch_app()
    monkeypatch.setattr(running.autosaver, "close", lambda timeout=10.0: False)
    assert running.shutdown() is False
    assert running.shutdown() is False
