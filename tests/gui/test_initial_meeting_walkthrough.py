"""A whole initial meeting in the app a person launches, the way a recorder does it by keyboard:
roles, strengths, problem, goals with the live check, library search and typed ideas, plan rows
from the chosen ideas, the closure check and Close. Reopening the student then shows the next
meeting as a first follow-up, and the closed meeting read-only from the history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.meeting import MeetingStatus, MeetingType, Role
from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.ui.panes import StructuredPane
from sspt_desktop.ui.panes.brainstorm import BrainstormPane
from sspt_desktop.ui.panes.closure import ClosurePane
from sspt_desktop.ui.panes.goals import GoalsPane
from sspt_desktop.ui.panes.plan import PlanPane
from sspt_desktop.ui.panes.plan_row import PlanRowEditor
from sspt_desktop.ui.panes.problem import ProblemPane
from sspt_desktop.ui.panes.welcome import WelcomePane
from tests.gui.conftest import Launcher
from tests.gui.test_meeting_window import add_student, open_by_search
from tests.gui.test_panes_welcome import pick_role
from tests.support.meeting_driving import cursor_in
from tests.support.pane_driving import focused, press, tab, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
Pane = TypeVar("Pane", bound=StructuredPane)

TODAY = date.today()
GOAL_BY = (TODAY + timedelta(weeks=12)).isoformat()
PLAN_START = (TODAY + timedelta(days=7)).isoformat()
FOLLOW_UP = (TODAY + timedelta(weeks=6)).isoformat()


def bring_forward(qtbot: QtBot, running: RunningApp, number: int, kind: type[Pane]) -> Pane:
    """Ctrl+number brings the pane forward with the cursor in its first field."""
    window = running.window
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
    pane = window.meeting_view.current_editor()
    assert isinstance(pane, kind)
    qtbot.waitUntil(lambda: cursor_in(pane), timeout=2000)
    return pane


def settled(qtbot: QtBot, running: RunningApp) -> None:
    """Every pane's edit of this turn reported, and everything reported saved."""
    view = running.window.meeting_view
    qtbot.waitUntil(
        lambda: not any(pane.edit_pending() for pane in view.editors().values()), timeout=2000
    )
    qtbot.waitUntil(lambda: not running.autosaver.has_unsaved, timeout=3000)


def check_lines(pane: ClosurePane) -> list[str]:
    return [pane.check.item(row).text() for row in range(pane.check.count())]


def run_the_meeting(qtbot: QtBot, running: RunningApp) -> None:
    window = running.window
    view = window.meeting_view
    qtbot.keyClick(window, Qt.Key.Key_F5)  # the timekeeper starts the clock
    assert window.timer.state is ClockState.RUNNING

    # 1. Welcome: the four team roles and the mother; Enter adds the next person.
    welcome = bring_forward(qtbot, running, 1, WelcomePane)
    people = (
        ("Ana Lopez", Role.FACILITATOR),
        ("Ben Ortega", Role.TIMEKEEPER),
        ("Carla Diaz", Role.RECORDER),
        ("Dev Patel", Role.CASE_MANAGER),
        ("Maria Reyes", Role.PARENT),
    )
    for number, (name, role) in enumerate(people):
        if number:
            press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, name)
        tab(qtbot)
        pick_role(qtbot, role)
    tab(qtbot, 3)  # past the language and the Add button, into the purpose
    assert focused() is welcome.purpose
    type_text(qtbot, "Plan support for reading fluency")

    # 2. Strengths: a list typed with Enter.
    bring_forward(qtbot, running, 2, StructuredPane)
    type_text(qtbot, "Kind to classmates")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Strong in math facts")

    # 3. Problem: concern area, the problem, its baseline.
    problem = bring_forward(qtbot, running, 3, ProblemPane)
    assert focused() is problem.concern_area
    press(qtbot, Qt.Key.Key_Down)  # academic
    tab(qtbot)
    type_text(qtbot, "Reads grade-4 passages aloud at 48 words correct per minute")
    tab(qtbot)
    type_text(qtbot, "Oral reading fluency")
    tab(qtbot)
    type_text(qtbot, "One-minute timed reading")
    tab(qtbot)
    type_text(qtbot, "48 words correct per minute")
    tab(qtbot)
    type_text(qtbot, TODAY.isoformat())
    tab(qtbot)
    type_text(qtbot, "Reading aloud in class, mornings")

    # 4. Goals: one goal built part by part; the check says what is missing as it is typed.
    goals = bring_forward(qtbot, running, 4, GoalsPane)
    card = goals.cards()[0]
    assert focused() is card.by_date
    type_text(qtbot, GOAL_BY)
    tab(qtbot)
    type_text(qtbot, "read a grade-level passage aloud")
    qtbot.waitUntil(lambda: "Measurable" in card.smart.text(), timeout=2000)
    for part in (
        "given a one-minute timed reading",
        "48 words correct per minute",
        "90 words correct per minute",
        "one-minute fluency probe",
        "every week",
    ):
        tab(qtbot)
        type_text(qtbot, part)
    # SMART, relevance included: the goals pane read the problem typed in pane 3.
    qtbot.waitUntil(lambda: card.smart.text().startswith("SMART:"), timeout=2000)

    # 5. Brainstorm: a typed idea chosen with Space, then one from the library.
    brainstorm = bring_forward(qtbot, running, 5, BrainstormPane)
    type_text(qtbot, "Reading buddy with a fifth grader")
    tab(qtbot)
    assert focused().accessibleName() == "Idea 1 chosen"
    press(qtbot, Qt.Key.Key_Space)
    brainstorm.library.query.setFocus()
    type_text(qtbot, "mentor")
    shown = brainstorm.library.shown_entries()
    assert shown, "the library finds entries as the search is typed"
    press(qtbot, Qt.Key.Key_Return, modifier=CTRL)  # adds the best match as idea 2
    qtbot.waitUntil(lambda: len(brainstorm.content().ideas) == 2, timeout=2000)
    second = brainstorm.ideas.rows()[1]
    second.focus_fields()[0].setFocus()
    tab(qtbot)
    assert focused().accessibleName() == "Idea 2 chosen"
    press(qtbot, Qt.Key.Key_Space)
    ideas = brainstorm.content().ideas
    assert [(idea.chosen, idea.library_key) for idea in ideas] == [
        (True, ""),
        (True, shown[0].key),
    ]

    # 6. Plan: rows from the chosen ideas in one step, then who, when and the measure.
    plan = bring_forward(qtbot, running, 6, PlanPane)
    assert focused() is plan.from_ideas
    press(qtbot, Qt.Key.Key_Space)
    rows = plan.rows.rows()
    # The rows' goal check boxes show on the next turn of the event loop, as keys are read.
    qtbot.waitUntil(
        lambda: all(any(box.isVisible() for box in row.findChildren(QCheckBox)) for row in rows),
        timeout=2000,
    )
    assert len(rows) == 2
    for row, who in zip(rows, ("Ms. Rivera", "Mr. Ortega"), strict=True):
        assert isinstance(row, PlanRowEditor)
        row.what.setFocus()
        tab(qtbot)
        assert focused() is row.tier
        press(qtbot, Qt.Key.Key_Down, 2)
        tab(qtbot)
        assert focused().accessibleName().endswith("serves goal 1")
        press(qtbot, Qt.Key.Key_Space)
        tab(qtbot)
        type_text(qtbot, who)
        tab(qtbot, 3)  # where, how often, how long
        tab(qtbot)
        assert focused() is row.start
        type_text(qtbot, PLAN_START)
        tab(qtbot, 2)  # the review date keeps the six-week default
        type_text(qtbot, "Words correct per minute")
        tab(qtbot)
        type_text(qtbot, "weekly")

    # 7. Closure: an action item; the check names the follow-up date and jumps to it.
    closure = bring_forward(qtbot, running, 7, ClosurePane)
    type_text(qtbot, "Send the plan home in Spanish")
    tab(qtbot)
    type_text(qtbot, "Ms. Rivera")
    settled(qtbot, running)
    lines = check_lines(closure)
    assert len(lines) == 1 and "follow-up date" in lines[0], lines
    assert not closure.close_button.isEnabled()
    closure.check.setFocus()
    closure.check.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is closure.follow_up_date
    type_text(qtbot, FOLLOW_UP)
    qtbot.waitUntil(lambda: check_lines(closure) == ["Nothing essential is missing."])
    assert closure.close_button.isEnabled()
    closure.close_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # Close meeting
    qtbot.waitUntil(lambda: view.read_only, timeout=3000)


def test_a_whole_initial_meeting_by_keyboard_then_its_follow_up(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    view = window.meeting_view
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    opened = view.opened
    assert opened is not None and opened.meeting.meeting_type is MeetingType.INITIAL
    initial_id = opened.meeting_id

    run_the_meeting(qtbot, running)

    # Closed: stored so, every pane read-only, the header says it, the clock stopped for good.
    session = MeetingSessionService(running.record.sessions)
    stored = session.meeting(initial_id)
    assert stored.meeting.status is MeetingStatus.CLOSED
    assert stored.panes.goals.goals[0].target == "90 words correct per minute"
    assert [item.text for item in stored.panes.strengths.items] == [
        "Kind to classmates",
        "Strong in math facts",
    ]
    assert all(pane.is_read_only() for pane in view.editors().values())
    assert "Closed" in view.header.text()
    assert window.timer.meeting_id is None and not window.timer_panel.isVisible()
    saved_clock = running.window.services.timing.load_state(initial_id)
    assert saved_clock is not None and saved_clock["state"] == ClockState.FINISHED.value
    assert "First follow-up" in window.statusBar().currentMessage()
    # Nothing in a closed pane takes a keystroke.
    view.show_pane("strengths")
    notes = view.editor("strengths").notes
    notes.setFocus()
    type_text(qtbot, "typed after closing")
    assert notes.toPlainText() == ""
    assert not running.autosaver.has_unsaved

    # Choosing the student again opens the next meeting: a first follow-up of the same case.
    window.students.search_box.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.opened is not None and view.opened.meeting_id != initial_id)
    follow_up = view.opened
    assert follow_up is not None and not follow_up.read_only
    assert follow_up.meeting.meeting_type is MeetingType.FOLLOW_UP_1
    assert follow_up.case.id == opened.case.id
    assert window.timer.meeting_id == follow_up.meeting_id
    assert not view.editor("welcome").is_read_only()
    # The goal agreed in the initial meeting is carried forward, read-only, for its review.
    goals = view.editor("goals")
    assert isinstance(goals, GoalsPane)
    (carried,) = goals.cards()
    assert carried.carried and carried.target.text() == "90 words correct per minute"
    assert carried.target.isReadOnly()
    lines = window.glance.meeting_lines()
    assert len(lines) == 2
    assert "First follow-up (open)" in lines[0] and "shown" in lines[0]
    assert "Initial meeting (closed)" in lines[1]

    # Enter on the closed meeting in the history shows it again, read-only, as it was closed.
    history = window.glance.history
    history.setFocus()
    history.setCurrentRow(1)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.opened is not None and view.opened.meeting_id == initial_id)
    assert view.read_only
    assert all(pane.is_read_only() for pane in view.editors().values())
    welcome = view.editor("welcome").content()
    assert [row.name for row in welcome.attendance][:2] == ["Ana Lopez", "Ben Ortega"]
    for pane in view.editors().values():
        for field in pane.findChildren(QLineEdit):
            assert field.isReadOnly() or field.property("keepEnabledWhenReadOnly")
        for text in pane.findChildren(QPlainTextEdit):
            assert text.isReadOnly()
        for control in (*pane.findChildren(QComboBox), *pane.findChildren(QAbstractButton)):
            assert not control.isEnabled() or control.property("keepEnabledWhenReadOnly")
    # The closed meeting has no timer of its own; the open follow-up's stays loaded meanwhile.
    assert window.timer.meeting_id == follow_up.meeting_id
    assert not window.timer_panel.isVisible()
    assert "shown" in window.glance.meeting_lines()[1]
