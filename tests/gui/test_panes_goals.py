"""The Goals pane: goals built from parts by keyboard, the live sentence and SMART check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.problem_pane import Baseline, ProblemContent
from sspt_desktop.ui.panes import PaneContext
from sspt_desktop.ui.panes.goals import GoalsPane
from tests.support.pane_driving import (
    focused,
    press,
    record_edits,
    settle,
    show_pane,
    tab,
    type_text,
)

CASE = UUID(int=1)
MEETING = UUID(int=2)
EARLIER = UUID(int=3)


def counter() -> Callable[[], UUID]:
    numbers = iter(range(100, 10_000))
    return lambda: UUID(int=next(numbers))


def context() -> PaneContext:
    return PaneContext(
        case_id=CASE,
        meeting_id=MEETING,
        meeting_date=date(2025, 3, 3),
        new_id=counter(),
    )


PROBLEM = ProblemContent(
    problem="Reads slowly",
    baseline=Baseline(
        "Fluency", "one-minute probe", "48 words correct per minute", date(2025, 2, 1)
    ),
)


def test_a_goal_typed_part_by_part_reads_as_a_sentence_and_becomes_smart(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, GoalsPane)
    pane.set_context(context())
    pane.set_problem(PROBLEM)
    edits = record_edits(pane)
    pane.focus_first_field()
    card = pane.cards()[0]
    assert focused() is card.by_date
    assert "Goal 1" in focused().accessibleName()
    type_text(qtbot, "2025-06-06")
    tab(qtbot)
    type_text(qtbot, "read a grade-level passage aloud")
    settle(qtbot, pane, edits)
    assert "Measurable: a target with a number" in card.smart.text()
    assert "Achievable: the baseline to start from" in card.smart.text()
    tab(qtbot)
    type_text(qtbot, "given a one-minute timed reading")
    tab(qtbot)
    type_text(qtbot, "48 words correct per minute")
    tab(qtbot)
    type_text(qtbot, "90 words correct per minute")
    tab(qtbot)
    type_text(qtbot, "one-minute probe")
    tab(qtbot)
    type_text(qtbot, "every week")
    content = settle(qtbot, pane, edits)
    assert isinstance(content, GoalsContent)
    (goal,) = content.goals
    assert (goal.case_id, goal.introduced_in) == (CASE, MEETING)
    assert goal.by_date == date(2025, 6, 6)
    assert goal.target == "90 words correct per minute"
    assert goal.smart_check(PROBLEM, date(2025, 3, 3)) == ()
    assert card.smart.text().startswith("SMART:")
    sentence = card.sentence.text()
    assert "the student will read a grade-level passage aloud" in sentence
    assert "from 48 words correct per minute to 90 words correct per minute" in sentence
    assert "as measured by one-minute probe" in sentence and sentence.endswith("every week.")


def test_at_most_three_goals_and_the_missing_goal_is_named(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, GoalsPane)
    pane.set_context(context())
    edits = record_edits(pane)
    assert "Goals: none yet" in pane.gaps.text()
    for _ in range(3):
        pane.add_button.setFocus()
        press(qtbot, Qt.Key.Key_Space)
    assert len(pane.cards()) == 3
    assert not pane.add_button.isEnabled()
    assert len(settle(qtbot, pane, edits).goals) == 3
    assert not pane.gaps.isVisible()


def test_a_carried_goal_is_shown_read_only_and_reviewed(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, GoalsPane)
    pane.set_context(context())
    earlier = Goal(id=UUID(int=9), case_id=CASE, introduced_in=EARLIER, student_will="read aloud")
    pane.set_content(GoalsContent(goals=(earlier,)))
    edits = record_edits(pane)
    card = pane.cards()[0]
    assert card.student_will.isReadOnly()
    assert "Progress on goal 1" in pane.gaps.text()
    pane.focus_first_field()
    card.rating.setFocus()
    press(qtbot, Qt.Key.Key_Down, 2)
    content = settle(qtbot, pane, edits)
    assert content.goals == (earlier,)
    assert content.reviews == (GoalReview(earlier.id, GoalRating.PROGRESSING),)
