"""The Intervention plan pane: rows from the chosen ideas, Tab across a row, Enter adds one."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.plan_item import PlanItem, Tier
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.ui.panes import PaneContext
from sspt_desktop.ui.panes.plan import PlanPane
from sspt_desktop.ui.panes.plan_row import PlanRowEditor
from tests.support.pane_driving import (
    focused,
    press,
    record_edits,
    settle,
    show_pane,
    tab,
    type_text,
)

CASE, MEETING = UUID(int=1), UUID(int=2)
GOAL = Goal(id=UUID(int=7), case_id=CASE, introduced_in=MEETING, student_will="read aloud")


def context() -> PaneContext:
    numbers = iter(range(100, 10_000))
    return PaneContext(
        case_id=CASE,
        meeting_id=MEETING,
        meeting_date=date(2025, 3, 3),
        new_id=lambda: UUID(int=next(numbers)),
    )


def test_rows_from_chosen_ideas_then_filled_across_with_tab(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, PlanPane)
    pane.set_context(context())
    pane.set_goals((GOAL,))
    ideas = BrainstormContent(
        ideas=(
            Idea(UUID(int=50), "Reading buddy", chosen=True),
            Idea(UUID(int=51), "Not this one"),
            Idea(UUID(int=52), "Check-in/check-out", chosen=True),
        )
    )
    pane.set_brainstorm(ideas)
    edits = record_edits(pane)
    pane.focus_first_field()
    assert focused() is pane.from_ideas
    press(qtbot, Qt.Key.Key_Space)
    content = settle(qtbot, pane, edits)
    assert [(r.what, r.from_idea) for r in content.rows] == [
        ("Reading buddy", UUID(int=50)),
        ("Check-in/check-out", UUID(int=52)),
    ]
    pane.from_ideas.click()  # a second time adds nothing
    assert len(pane.content().rows) == 2
    row = pane.rows.rows()[0]
    assert isinstance(row, PlanRowEditor)
    row.what.setFocus()
    tab(qtbot)
    assert focused() is row.tier
    press(qtbot, Qt.Key.Key_Down, 2)
    tab(qtbot)
    assert focused().accessibleName() == "Intervention 1 serves goal 1"
    press(qtbot, Qt.Key.Key_Space)
    tab(qtbot)
    type_text(qtbot, "Ms Rivera")
    tab(qtbot)
    type_text(qtbot, "Library")
    tab(qtbot)
    type_text(qtbot, "3 times a week")
    tab(qtbot)
    type_text(qtbot, "20 minutes")
    tab(qtbot)
    type_text(qtbot, "2025-03-10")
    assert row.review_on.placeholderText().startswith("2025-04-21")  # six weeks, seed 003
    tab(qtbot, 2)
    type_text(qtbot, "Words correct per minute")
    tab(qtbot)
    type_text(qtbot, "weekly")
    tab(qtbot)
    assert focused() is row.family_at_home
    type_text(qtbot, "Read together 10 minutes each night")
    first = settle(qtbot, pane, edits).rows[0]
    assert first.tier is Tier.SELECTED
    assert first.goal_ids == (GOAL.id,)
    assert (first.responsible, first.location, first.how_often, first.how_long) == (
        "Ms Rivera",
        "Library",
        "3 times a week",
        "20 minutes",
    )
    assert first.start == date(2025, 3, 10) and first.review_on is None
    assert first.review_date == date(2025, 4, 21)
    assert first.missing() == ()
    # Enter in a one-line field adds the next row, after this one.
    row.what.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert len(pane.rows.rows()) == 3
    assert focused() is pane.rows.rows()[1].first_field()
    type_text(qtbot, "Mentor")
    content = settle(qtbot, pane, edits)
    assert [r.what for r in content.rows] == ["Reading buddy", "Mentor", "Check-in/check-out"]
    assert content.rows[1].introduced_in == MEETING


def test_stored_rows_and_a_carried_row(qtbot: QtBot) -> None:
    pane = show_pane(qtbot, PlanPane)
    pane.set_context(context())
    carried = PlanItem(id=UUID(int=60), case_id=CASE, introduced_in=UUID(int=3), what="Old")
    ours = PlanItem(id=UUID(int=61), case_id=CASE, introduced_in=MEETING, what="New")
    stored = PlanContent(rows=(carried, ours), notes="n")
    pane.set_content(stored)
    assert pane.content() == stored
    rows = pane.rows.rows()
    assert isinstance(rows[0], PlanRowEditor) and isinstance(rows[1], PlanRowEditor)
    assert rows[0].what.isReadOnly() and not rows[1].what.isReadOnly()
    assert "Intervention 1: review" in pane.gaps.text()
