"""A student added while the search box holds a filter appears in the list, selected."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from sspt_desktop.ui.records.student_dialog import StudentDialog
from sspt_desktop.ui.shell.student_list import StudentRole
from tests.gui.conftest import Launcher
from tests.gui.test_meeting_window import add_student


def test_a_student_added_under_a_filter_shows_in_the_list(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    add_student(running)  # Daniela Reyes
    students = window.students
    qtbot.keyClicks(students.search_box, "Reyes")
    qtbot.waitUntil(lambda: students.model.rowCount() == 1)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StudentDialog)
        qtbot.keyClicks(dialog.first_name, "Tuan")
        qtbot.keyClicks(dialog.last_name, "Nguyen")
        qtbot.keyClicks(dialog.student_number, "1022810")
        qtbot.keyClicks(dialog.grade, "5")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    window.add_student_action.trigger()

    view = window.meeting_view
    qtbot.waitUntil(lambda: view.student is not None and view.student.last_name == "Nguyen")
    shown = [
        students.model.index(row).data(StudentRole).last_name
        for row in range(students.model.rowCount())
    ]
    assert "Nguyen" in shown
    current = students.list.currentIndex().data(StudentRole)
    assert current is not None and current.last_name == "Nguyen"
    # The search that hid the new student is cleared, so nothing filters them out again.
    assert students.search_box.text() == ""
