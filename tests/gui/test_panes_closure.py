"""The Summary and closure pane: action items, follow-up, the check that jumps, Close meeting."""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.closure_pane import ActionItem
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanItem, Tier
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthsContent
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.ui.panes import PaneContext
from sspt_desktop.ui.panes.closure import ClosurePane
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
GOAL = Goal(
    id=UUID(int=7),
    case_id=CASE,
    introduced_in=MEETING,
    by_date=date(2025, 6, 6),
    student_will="read aloud",
)
TEAM = WelcomeContent(
    attendance=tuple(
        AttendanceRow(name, role)
        for name, role in (
            ("Ana", Role.FACILITATOR),
            ("Bo", Role.TIMEKEEPER),
            ("Cy", Role.RECORDER),
            ("Di", Role.CASE_MANAGER),
        )
    )
)
ROW = PlanItem(
    id=UUID(int=8),
    case_id=CASE,
    introduced_in=MEETING,
    what="Reading buddy",
    tier=Tier.SELECTED,
    goal_ids=(GOAL.id,),
    responsible="Ms Rivera",
    start=date(2025, 3, 10),
    progress_measure="wcpm",
)


def closure_pane(qtbot: QtBot) -> ClosurePane:
    numbers = iter(range(100, 10_000))
    pane = show_pane(qtbot, ClosurePane)
    pane.set_context(
        PaneContext(CASE, MEETING, date(2025, 3, 3), new_id=lambda: UUID(int=next(numbers)))
    )
    return pane


def check_lines(pane: ClosurePane) -> list[str]:
    return [pane.check.item(i).text() for i in range(pane.check.count())]


def test_the_check_lists_what_is_missing_and_each_line_jumps(qtbot: QtBot) -> None:
    pane = closure_pane(qtbot)
    pane.set_meeting_contents({PaneKind.WELCOME: WelcomeContent()})
    lines = check_lines(pane)
    assert any("Timekeeper" in line for line in lines)
    assert any(line.startswith("Goals") for line in lines)
    assert any("follow-up date" in line for line in lines)
    assert not pane.close_button.isEnabled()  # gaps and no reason
    pane.check.setFocus()
    pane.check.setCurrentRow(0)
    with qtbot.waitSignal(pane.jumpRequested) as jump:
        press(qtbot, Qt.Key.Key_Return)
    assert jump.args == [PaneKind.WELCOME, "roles.facilitator"]
    last = pane.check.count() - 1
    pane.check.setCurrentRow(last)
    with qtbot.waitSignal(pane.jumpRequested) as jump:
        press(qtbot, Qt.Key.Key_Return)
    assert jump.args == [PaneKind.CLOSURE, "follow_up_date"]
    assert focused() is pane.follow_up_date


def test_action_items_follow_up_and_close(qtbot: QtBot) -> None:
    pane = closure_pane(qtbot)
    pane.set_meeting_contents(
        {
            PaneKind.WELCOME: TEAM,
            PaneKind.STRENGTHS: StrengthsContent(items=(Strength("Kind"),)),
            PaneKind.GOALS: GoalsContent(goals=(GOAL,)),
            PaneKind.PLAN: PlanContent(rows=(ROW,)),
        }
    )
    edits = record_edits(pane)
    pane.focus_first_field()
    type_text(qtbot, "Send the plan home")
    tab(qtbot)
    type_text(qtbot, "Ms Rivera")
    tab(qtbot)
    type_text(qtbot, "2025-03-07")
    press(qtbot, Qt.Key.Key_Return)
    assert focused().accessibleName() == "Action 2"
    press(qtbot, Qt.Key.Key_Backspace)  # the empty second action goes again
    tab(qtbot, 4)  # owner, due, Add, follow-up date
    assert focused() is pane.follow_up_date
    type_text(qtbot, "2025-04-21")
    tab(qtbot)
    type_text(qtbot, "25:00")
    tab(qtbot)
    assert "Not a time" in pane.follow_up_time.message.text()
    pane.follow_up_time.setFocus()
    pane.follow_up_time.selectAll()
    type_text(qtbot, "15:30")
    content = settle(qtbot, pane, edits)
    assert content.action_items == (
        ActionItem(UUID(int=100), "Send the plan home", "Ms Rivera", date(2025, 3, 7)),
    )
    assert (content.follow_up_date, content.follow_up_time) == (date(2025, 4, 21), time(15, 30))
    assert check_lines(pane) == ["Nothing essential is missing."]
    summary = pane.summary.text()
    assert "Reading buddy" in summary and "Send the plan home" in summary and "15:30" in summary
    assert pane.close_button.isEnabled()
    with qtbot.waitSignal(pane.closeRequested) as closing:
        pane.close_button.click()
    assert closing.args == [""]


def test_closing_with_gaps_needs_a_reason(qtbot: QtBot) -> None:
    pane = closure_pane(qtbot)
    pane.set_meeting_contents({})
    edits = record_edits(pane)
    assert not pane.close_button.isEnabled()
    pane.reason.setFocus()
    type_text(qtbot, "Family had to leave early")
    settle(qtbot, pane, edits)
    assert pane.close_button.isEnabled()
    with qtbot.waitSignal(pane.closeRequested) as closing:
        pane.close_button.click()
    assert closing.args == ["Family had to leave early"]
    pane.set_read_only(True)
    assert not pane.close_button.isEnabled()
    assert pane.check.isEnabled()  # the list can still be read and followed
