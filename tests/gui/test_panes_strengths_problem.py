"""The Strengths and Problem identification panes by keyboard, with their gaps and limits."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.problem_pane import Baseline, BehaviourFunction, ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea
from sspt_desktop.ui.panes.problem import ProblemPane
from sspt_desktop.ui.panes.strengths import StrengthsPane
from tests.support.pane_driving import (
    focused,
    press,
    record_edits,
    settle,
    show_pane,
    tab,
    type_text,
)


def test_strengths_are_a_list_typed_with_enter_each_with_an_area(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, StrengthsPane)
    edits = record_edits(pane)
    assert "none yet" in pane.gaps.text()
    pane.focus_first_field()
    type_text(qtbot, "Loves drawing comics")
    tab(qtbot)
    press(qtbot, Qt.Key.Key_Down, 4)  # not chosen → academic → ... → interests and talents
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Kind to younger students")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # an empty third entry...
    assert len(pane.items.rows()) == 4
    press(qtbot, Qt.Key.Key_Backspace)  # ...and Backspace takes the empty ones away again
    press(qtbot, Qt.Key.Key_Backspace)
    assert len(pane.items.rows()) == 2
    assert focused() is pane.items.rows()[1].first_field()
    content = settle(qtbot, pane, edits)
    assert content.items == (
        Strength("Loves drawing comics", StrengthArea.INTERESTS_AND_TALENTS),
        Strength("Kind to younger students"),
    )
    # The untagged strength is named calmly next to the list.
    assert pane.gaps.isVisible() and "Area of strength 2" in pane.gaps.text()


def test_strengths_undo_and_redo_reach_the_record(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, StrengthsPane)
    edits = record_edits(pane)
    pane.focus_first_field()
    type_text(qtbot, "Curious")
    settle(qtbot, pane, edits)
    press(qtbot, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert settle(qtbot, pane, edits).items[0].text == ""
    press(qtbot, Qt.Key.Key_Y, modifier=Qt.KeyboardModifier.ControlModifier)
    assert settle(qtbot, pane, edits).items[0].text == "Curious"


def test_problem_typed_field_by_field_with_tab(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, ProblemPane)
    edits = record_edits(pane)
    pane.focus_first_field()
    assert focused() is pane.concern_area
    press(qtbot, Qt.Key.Key_Down, 2)  # academic, behaviour
    tab(qtbot)
    type_text(qtbot, "Leaves his seat during independent work")
    tab(qtbot)
    type_text(qtbot, "Times out of seat")
    tab(qtbot)
    type_text(qtbot, "Tally by the teacher")
    tab(qtbot)
    type_text(qtbot, "6 per lesson")
    tab(qtbot)
    type_text(qtbot, "2025-02-14")
    tab(qtbot)
    type_text(qtbot, "Maths, after lunch")
    content = settle(qtbot, pane, edits)
    assert content.baseline == Baseline(
        "Times out of seat", "Tally by the teacher", "6 per lesson", date(2025, 2, 14)
    )
    # Behaviour asks for the suspected function: it is the one gap left.
    assert [gap.field_path for gap in content.missing()] == ["suspected_function"]
    assert "Suspected function" in pane.context_gaps.text()
    tab(qtbot)
    press(qtbot, Qt.Key.Key_Down, 2)
    content = settle(qtbot, pane, edits)
    assert content == ProblemContent(
        concern_area=ConcernArea.BEHAVIOUR,
        problem="Leaves his seat during independent work",
        baseline=Baseline(
            "Times out of seat", "Tally by the teacher", "6 per lesson", date(2025, 2, 14)
        ),
        where_and_when="Maths, after lunch",
        suspected_function=BehaviourFunction.ESCAPE,
    )
    assert content.missing() == ()
    assert not pane.context_gaps.isVisible()


def test_an_impossible_date_gets_a_message_and_is_never_changed(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, ProblemPane)
    edits = record_edits(pane)
    pane.measured_on.setFocus()
    type_text(qtbot, "2025-02-14")
    assert settle(qtbot, pane, edits).baseline.measured_on == date(2025, 2, 14)
    pane.measured_on.selectAll()
    type_text(qtbot, "2025-02-30")
    qtbot.waitUntil(lambda: not pane.edit_pending())
    assert pane.measured_on.text() == "2025-02-30"  # shown as typed, not moved to 2 March
    assert pane.measured_on.message.isVisible()
    assert "Not a possible date" in pane.measured_on.message.text()
    assert pane.content().baseline.measured_on == date(2025, 2, 14)  # last good date kept
    press(qtbot, Qt.Key.Key_Backspace, 2)
    type_text(qtbot, "28")
    assert settle(qtbot, pane, edits).baseline.measured_on == date(2025, 2, 28)
    assert not pane.measured_on.message.isVisible()
    # Clearing the date is allowed: no date yet.
    pane.measured_on.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    assert settle(qtbot, pane, edits).baseline.measured_on is None


def test_a_half_typed_date_says_nothing_until_focus_leaves(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, ProblemPane)
    pane.measured_on.setFocus()
    type_text(qtbot, "2025-0")
    assert not pane.measured_on.message.isVisible()
    tab(qtbot)
    assert pane.measured_on.message.isVisible()
    assert pane.measured_on.text() == "2025-0"
