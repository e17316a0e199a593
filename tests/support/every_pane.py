"""One structured field in each pane kind, for the tests that promise typing is never lost:
the text typed there, the field a recorder types it in, and where the record keeps it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.ui.panes import StructuredPane
from sspt_desktop.ui.panes.closure import ClosurePane
from sspt_desktop.ui.panes.goals import GoalsPane
from sspt_desktop.ui.panes.item_list import ItemList
from sspt_desktop.ui.panes.plan import PlanPane
from sspt_desktop.ui.panes.plan_row import PlanRowEditor
from sspt_desktop.ui.panes.problem import ProblemPane

#: The text typed into each pane kind's field, by agenda key; all within the fields' limits.
TYPED: dict[str, str] = {
    "welcome": "Maria Reyes (mother, with an interpreter)",
    "strengths": "Persistent with puzzles and building sets; helps classmates.",
    "problem": "Reads grade-4 passages aloud at 48 words correct per minute.",
    "goals": "read a grade-level passage aloud at 90 words per minute",
    "brainstorm": "Reading buddy with a fifth grader, three mornings a week",
    "plan": "Repeated reading with a partner, 15 minutes daily",
    "closure": "Send the plan home in Spanish by Friday",
}

KINDS: dict[str, PaneKind] = {key: PaneKind(key) for key in TYPED}


def _first_row_field(rows: ItemList) -> QWidget:
    if not rows.rows():
        rows.add_row(focus=False, report=False)
    return rows.rows()[0].first_field()


def structured_field(pane: StructuredPane) -> QWidget:
    """The field of ``pane`` that :data:`TYPED` goes in; a row or card is added if the pane
    has none yet, as the recorder's Add button would."""
    if isinstance(pane, ProblemPane):
        return pane.problem
    if isinstance(pane, GoalsPane):
        if not pane.cards():
            pane.add_goal(report=False)
        return pane.cards()[0].student_will
    if isinstance(pane, PlanPane):
        if not pane.rows.rows():
            pane.rows.add_row(focus=False, report=False)
        row = pane.rows.rows()[0]
        assert isinstance(row, PlanRowEditor)
        return row.what
    if isinstance(pane, ClosurePane):
        return _first_row_field(pane.action_items)
    lists = [child for child in pane.findChildren(ItemList)]
    assert len(lists) == 1, f"{type(pane).__name__} has {len(lists)} lists"
    return _first_row_field(lists[0])


_STORED: dict[PaneKind, Callable[[Any], str]] = {
    PaneKind.WELCOME: lambda c: c.attendance[0].name if c.attendance else "",
    PaneKind.STRENGTHS: lambda c: c.items[0].text if c.items else "",
    PaneKind.PROBLEM: lambda c: c.problem,
    PaneKind.GOALS: lambda c: c.goals[0].student_will if c.goals else "",
    PaneKind.BRAINSTORM: lambda c: c.ideas[0].text if c.ideas else "",
    PaneKind.PLAN: lambda c: c.rows[0].what if c.rows else "",
    PaneKind.CLOSURE: lambda c: c.action_items[0].what if c.action_items else "",
}


def stored_fields(contents: Mapping[PaneKind, Any]) -> dict[str, str]:
    """What each pane kind's field holds in ``contents``, by agenda key ("" if nothing)."""
    return {key: _STORED[kind](contents[kind]) for key, kind in KINDS.items()}
