"""The school edits its agenda: names, order, ranges, reset, and plain messages when wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.services.agenda_catalog import shipped_agenda
from sspt_desktop.ui.timer.agenda_settings_dialog import AgendaSettingsDialog
from tests.gui.conftest import Launcher
from tests.support.dialog_buttons import press_button


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, f"no cell at row {row}, column {column}"
    return item


def test_edit_move_validate_reset_and_save(qtbot: QtBot) -> None:
    seeded = shipped_agenda()
    saved: list[tuple[Agenda, int]] = []
    dialog = AgendaSettingsDialog(seeded, seeded, 60, lambda a, w: saved.append((a, w)))
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == len(seeded)

    # A blank name is refused with a message, and the dialog stays open.
    cell(table, 1, 0).setText("   ")
    press_button(qtbot, dialog)
    assert saved == []
    assert "has no name" in dialog.problem.text() and dialog.problem.isVisibleTo(dialog)

    # A range whose maximum is below its minimum is refused too.
    cell(table, 1, 0).setText("Strengths")
    high = table.cellWidget(2, 2)
    assert isinstance(high, QDoubleSpinBox)
    high.setValue(1.0)
    press_button(qtbot, dialog)
    assert saved == [] and "needs a range like 2 to 3 minutes" in dialog.problem.text()

    # Reset brings the seeded agenda back; moving a row keeps its pane key.
    qtbot.mouseClick(dialog.reset, Qt.MouseButton.LeftButton)
    assert cell(table, 1, 0).text() == "Student Strengths"
    table.setCurrentCell(1, 0)
    qtbot.mouseClick(dialog.up, Qt.MouseButton.LeftButton)
    assert table.currentRow() == 0
    cell(table, 0, 0).setText("Strengths first")
    dialog.warning.setValue(90)
    press_button(qtbot, dialog)
    agenda, warning = saved[0]
    assert [s.key for s in agenda][:2] == ["strengths", "welcome"]
    assert agenda.segments[0].title == "Strengths first" and warning == 90


def test_the_schools_agenda_applies_to_new_meetings_only(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    """Through the main window: a renamed segment shows in the next new meeting, while a
    meeting that had already begun keeps the agenda it started with."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sspt_desktop.domain.student import Student
    from sspt_desktop.services.meeting_record import MeetingRecordService

    running = launch_app()
    window = running.window
    service = MeetingRecordService(running.record.sessions)
    first = service.add_student(Student(None, "2001", "Marcus", "Thompson", "6"))
    second = service.add_student(Student(None, "2002", "Aiyana", "Begay", "2"))
    assert first.id is not None and second.id is not None
    window.students.refresh()
    window.open_student(first.id)
    assert window.meeting_view.strip.button("welcome").text().startswith("Welcome / Introductions")

    def rename_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AgendaSettingsDialog)
        cell(dialog.table, 0, 0).setText("Welcome and purpose")
        press_button(qtbot, dialog)

    QTimer.singleShot(0, rename_and_save)
    window.agenda_settings_action.trigger()

    window.open_student(second.id)
    assert window.meeting_view.strip.button("welcome").text().startswith("Welcome and purpose")
    window.open_student(first.id)
    assert window.meeting_view.strip.button("welcome").text().startswith("Welcome / Introductions")
