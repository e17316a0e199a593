"""What the panes read from one another, wired in one place so the meeting view needs none of it.

The goals' relevance check reads the problem, the plan ticks the goals and makes rows from the
chosen ideas, the closure check and summary read every pane. Each link is refreshed only when
the pane it reads changed in more than its notes: typing notes costs nothing here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QObject

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.ui.panes.closure import ClosurePane
from sspt_desktop.ui.panes.goals import GoalsPane
from sspt_desktop.ui.panes.plan import PlanPane
from sspt_desktop.ui.panes.structured_pane import StructuredPane

JumpTo = Callable[[PaneKind, str], None]
CloseWith = Callable[[str], None]


def _without_notes(content: Any) -> Any:
    return replace(content, notes="")


class PaneLinks(QObject):
    """Keeps the panes that read other panes in step with them, and hands the closure pane's
    requests (jump to a field, close the meeting) to the callbacks given.

    Signals: none of its own.
    """

    def __init__(
        self,
        editors: Mapping[PaneKind, StructuredPane],
        jump_to: JumpTo,
        close_with: CloseWith,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editors = dict(editors)
        self._contents: dict[PaneKind, Any] = {}
        for kind, editor in self._editors.items():
            editor.contentEdited.connect(partial(self._changed, kind))
            if isinstance(editor, ClosurePane):
                editor.jumpRequested.connect(jump_to)
                editor.closeRequested.connect(close_with)

    def refresh(self) -> None:
        """Give every pane what it reads, from the contents the panes show now (after a load)."""
        self._contents = {kind: editor.content() for kind, editor in self._editors.items()}
        for kind in self._editors:
            self._push(kind)
        self._push_closure()

    def _changed(self, kind: PaneKind, content: Any) -> None:
        before = self._contents.get(kind)
        self._contents[kind] = content
        if before is not None and _without_notes(before) == _without_notes(content):
            return
        self._push(kind)
        if kind is not PaneKind.CLOSURE:
            self._push_closure()

    def _push(self, kind: PaneKind) -> None:
        content = self._contents.get(kind)
        if content is None:
            return
        goals = self._editors.get(PaneKind.GOALS)
        plan = self._editors.get(PaneKind.PLAN)
        if kind is PaneKind.PROBLEM and isinstance(goals, GoalsPane):
            goals.set_problem(content)
        elif kind is PaneKind.GOALS and isinstance(plan, PlanPane):
            plan.set_goals(content.goals)
        elif kind is PaneKind.BRAINSTORM and isinstance(plan, PlanPane):
            plan.set_brainstorm(content)

    def _push_closure(self) -> None:
        closure = self._editors.get(PaneKind.CLOSURE)
        if isinstance(closure, ClosurePane):
            closure.set_meeting_contents(self._contents)
