"""The Welcome pane by keyboard: the attendance table, team roles flagged, purpose, limits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.ui.panes.pane_words import ROLE_ORDER
from sspt_desktop.ui.panes.welcome import AttendanceRowEditor, WelcomePane
from tests.support.pane_driving import (
    focused,
    paste,
    press,
    record_edits,
    settle,
    show_pane,
    tab,
    type_text,
)


def pick_role(qtbot: QtBot, role: Role) -> None:
    """In a focused role combo (showing "not chosen"), step down to ``role`` with the arrows."""
    press(qtbot, Qt.Key.Key_Down, ROLE_ORDER.index(role) + 1)


def test_attendance_typed_by_keyboard(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, WelcomePane)
    edits = record_edits(pane)
    pane.focus_first_field()
    assert focused().accessibleName() == "Name of person 1"
    type_text(qtbot, "Ana Lopez")
    tab(qtbot)
    pick_role(qtbot, Role.FACILITATOR)
    press(qtbot, Qt.Key.Key_Return)  # Enter adds the next person, cursor in the name
    assert focused().accessibleName() == "Name of person 2"
    type_text(qtbot, "Aram Petrosyan")
    tab(qtbot)
    pick_role(qtbot, Role.INTERPRETER)
    tab(qtbot)
    assert focused().accessibleName() == "Language interpreted by person 2"
    type_text(qtbot, "Armenian")
    content = settle(qtbot, pane, edits)
    assert isinstance(content, WelcomeContent)
    assert content.attendance == (
        AttendanceRow("Ana Lopez", Role.FACILITATOR),
        AttendanceRow("Aram Petrosyan", Role.INTERPRETER, "Armenian"),
    )
    # The three team roles nobody holds are flagged next to the table, in words.
    assert pane.roles_missing.isVisible()
    text = pane.roles_missing.text()
    assert "Timekeeper" in text and "Recorder" in text and "Case manager" in text
    assert "Facilitator" not in text


def test_team_roles_flag_clears_when_all_four_are_held(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, WelcomePane)
    edits = record_edits(pane)
    pane.focus_first_field()
    for number, role in enumerate(
        (Role.FACILITATOR, Role.TIMEKEEPER, Role.RECORDER, Role.CASE_MANAGER)
    ):
        if number:
            press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, f"Person {number}")
        tab(qtbot)
        pick_role(qtbot, role)
    tab(qtbot, 3)  # past the language and the Add button, into the purpose
    assert focused() is pane.purpose
    type_text(qtbot, "Plan reading support")
    content = settle(qtbot, pane, edits)
    assert content.missing_team_roles() == ()
    assert not pane.roles_missing.isVisible()
    assert content.purpose == "Plan reading support"
    assert content.missing() == ()
    assert not pane.purpose_gaps.isVisible()


def test_backspace_on_an_empty_person_removes_the_row(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, WelcomePane)
    edits = record_edits(pane)
    pane.focus_first_field()
    type_text(qtbot, "Ana")
    press(qtbot, Qt.Key.Key_Return)
    assert len(pane.attendance.rows()) == 2
    press(qtbot, Qt.Key.Key_Backspace)
    assert len(pane.attendance.rows()) == 1
    assert focused() is pane.attendance.rows()[0].first_field()
    # Backspace in a row with a name deletes a letter, never the row.
    press(qtbot, Qt.Key.Key_Backspace)
    assert len(pane.attendance.rows()) == 1
    assert settle(qtbot, pane, edits).attendance == (AttendanceRow("An"),)


def test_a_line_break_in_a_name_is_refused_at_the_field_and_kept_as_typed(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, WelcomePane)
    edits = record_edits(pane)
    pane.focus_first_field()
    type_text(qtbot, "Ana")
    before = settle(qtbot, pane, edits)
    paste(qtbot, "\nLopez")
    row = pane.attendance.rows()[0]
    assert isinstance(row, AttendanceRowEditor)
    qtbot.waitUntil(lambda: not pane.edit_pending())
    assert row.name.text() == "Ana\nLopez"  # nothing typed is thrown away
    assert row.name.message.isVisible()
    assert "One line only" in row.name.message.text()
    assert pane.content() == before  # the record keeps the last name it could take
    press(qtbot, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)  # undo the paste
    assert row.name.text() == "Ana"
    assert not row.name.message.isVisible()
    press(qtbot, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert settle(qtbot, pane, edits).attendance[0].name == ""  # undo reaches the record too


def test_set_content_shows_without_reporting_an_edit(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, WelcomePane)
    edits = record_edits(pane)
    stored = WelcomeContent(
        attendance=(AttendanceRow("Mia", Role.RECORDER), AttendanceRow("Li", Role.PARENT)),
        purpose="Review",
        notes="kept",
    )
    pane.set_content(stored)
    qtbot.wait(1)  # one turn of the event loop: nothing may be emitted
    assert edits == []
    assert pane.content() == stored
    assert pane.notes.toPlainText() == "kept"
    assert [r.first_field().text() for r in pane.attendance.rows()] == ["Mia", "Li"]
