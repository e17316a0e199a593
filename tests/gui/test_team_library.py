"""The team's own intervention-library entries: added from the brainstorm pane by keyboard,
found and added as an idea at once, refused at the field when the record cannot keep them, and
still in the library after the app is closed and started again on the same record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.intervention_library import EntryKind, EntryOrigin, InterventionEntry
from sspt_desktop.domain.student import Student
from sspt_desktop.services.intervention_catalog import (
    InMemoryTeamInterventions,
    InterventionCatalog,
)
from sspt_desktop.ui.panes import PaneServices
from sspt_desktop.ui.panes.brainstorm import BrainstormPane
from sspt_desktop.ui.records.team_entry_dialog import TeamEntryDialog
from tests.gui.conftest import Launcher
from tests.support.dialog_buttons import press_button
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

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def in_dialog(
    qtbot: QtBot, act: Callable[[TeamEntryDialog], None], done: list[bool]
) -> Callable[[], None]:
    """Run ``act`` on the modal entry dialog once it is open with the cursor in its title,
    then mark ``done``; never leave it waiting. A button's Alt letter clicks it a moment
    later (Qt shows the press first), so this looks again until the dialog is there."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TeamEntryDialog):
            QTimer.singleShot(10, run)
            return
        try:
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.entry_title, timeout=3000)
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()
            done.append(True)

    return run


def type_entry(qtbot: QtBot, seen: list[str]) -> Callable[[TeamEntryDialog], None]:
    def fill(dialog: TeamEntryDialog) -> None:
        seen.append(dialog.entry_title.text())  # what was searched for, as a start
        press(qtbot, Qt.Key.Key_A, modifier=CTRL)
        type_text(qtbot, "Lunch-time reading buddies")
        tab(qtbot)
        assert focused() is dialog.tier
        press(qtbot, Qt.Key.Key_Down, 2)
        assert dialog.tier.currentText() == "Tier 2 (selected)"
        tab(qtbot)
        assert focused() is dialog.description
        paste(qtbot, "A fifth-grader reads with the student\nthree lunches a week. 午餐伙伴")
        press_button(qtbot, dialog)

    return fill


def test_a_team_entry_is_added_by_keyboard_and_becomes_an_idea_at_once(qtbot: QtBot) -> None:
    team = InMemoryTeamInterventions()
    catalog = InterventionCatalog(team)
    pane = show_pane(
        qtbot,
        BrainstormPane,
        PaneServices(search_library=catalog.search, add_library_entry=catalog.add_team_entry),
    )
    edits = record_edits(pane)
    pane.library.query.setFocus()
    type_text(qtbot, "lunch buddies")
    assert pane.library.shown_entries() == []
    seen: list[str] = []
    done: list[bool] = []
    QTimer.singleShot(0, in_dialog(qtbot, type_entry(qtbot, seen), done))
    press(qtbot, Qt.Key.Key_E, modifier=ALT)  # New team entry…
    qtbot.waitUntil(lambda: bool(done), timeout=3000)

    assert seen == ["lunch buddies"]
    assert [(e.title, e.tier, e.origin) for e in team.list()] == [
        ("Lunch-time reading buddies", 2, EntryOrigin.TEAM)
    ]
    entry = team.list()[0]
    assert entry.description == (
        "A fifth-grader reads with the student\nthree lunches a week. 午餐伙伴"
    )
    assert entry.kind is EntryKind.STRATEGY
    # The new entry is found, selected and in the keyboard's reach: Ctrl+Enter adds it.
    assert pane.library.selected() == entry
    # The pane's window has the keyboard again once the dialog is gone.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.library.results, timeout=3000)
    press(qtbot, Qt.Key.Key_Return, modifier=CTRL)
    content = settle(qtbot, pane, edits)
    assert [(i.text, i.library_key) for i in content.ideas] == [
        ("Lunch-time reading buddies", entry.key)
    ]


def test_an_entry_the_library_cannot_keep_is_said_at_the_field_and_kept_as_typed(
    qtbot: QtBot,
) -> None:
    team = InMemoryTeamInterventions()
    catalog = InterventionCatalog(team)
    pane = show_pane(
        qtbot,
        BrainstormPane,
        PaneServices(search_library=catalog.search, add_library_entry=catalog.add_team_entry),
    )
    said: list[str] = []

    def fill(dialog: TeamEntryDialog) -> None:
        press_button(qtbot, dialog)  # no title yet
        said.append(dialog.entry_title.message.text())
        assert dialog.isVisible() and focused() is dialog.entry_title
        paste(qtbot, "Check-in\nCheck-out")  # two lines copied from a list
        press_button(qtbot, dialog)
        said.append(dialog.entry_title.message.text())
        assert dialog.isVisible() and dialog.entry_title.text() == "Check-in\nCheck-out"
        press(qtbot, Qt.Key.Key_Escape)

    pane.library.new_entry_button.setFocus()
    done: list[bool] = []
    QTimer.singleShot(0, in_dialog(qtbot, fill, done))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    assert "Needed" in said[0]
    assert "One line only" in said[1]
    assert team.list() == ()
    # Back where the search was.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.library.query, timeout=3000)


def test_without_a_store_the_library_offers_no_new_entry(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, BrainstormPane)
    assert not pane.library.new_entry_button.isVisibleTo(pane)
    assert pane.library.new_team_entry() is None


def open_brainstorm(qtbot: QtBot, running: RunningApp) -> BrainstormPane:
    window = running.window
    found = window.services.students.search("1029384")
    if found:
        student = found[0]
    else:
        student = window.services.students.add(Student(None, "1029384", "Daniela", "Reyes", "4"))
    assert student.id is not None
    window.students.refresh()
    window.open_student(student.id)
    qtbot.waitUntil(lambda: window.meeting_view.opened is not None, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    pane = window.meeting_view.editor("brainstorm")
    assert isinstance(pane, BrainstormPane)
    qtbot.waitUntil(pane.isVisible, timeout=3000)
    return pane


def test_team_entries_persist_across_a_relaunch_on_the_same_record(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    pane = open_brainstorm(qtbot, running)
    pane.library.query.setFocus()
    type_text(qtbot, "lunch buddies")
    seen: list[str] = []
    done: list[bool] = []
    QTimer.singleShot(0, in_dialog(qtbot, type_entry(qtbot, seen), done))
    press(qtbot, Qt.Key.Key_E, modifier=ALT)
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    added = pane.library.selected()
    assert added is not None and added.title == "Lunch-time reading buddies"
    running.window.close()
    running.shutdown()

    again = launch_app()
    pane = open_brainstorm(qtbot, again)
    pane.library.query.setFocus()
    type_text(qtbot, "reading buddies")
    shown: list[InterventionEntry] = pane.library.shown_entries()
    team = [e for e in shown if e.origin is EntryOrigin.TEAM]
    assert team == [added]
    # Shipped entries are still there beside it.
    assert any(e.origin is EntryOrigin.SEED for e in again.window.services.library.search(""))
