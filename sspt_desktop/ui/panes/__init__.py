"""The recorder's structured panes, one editor per pane kind, and their registry.

:data:`EDITORS` maps each :class:`~sspt_desktop.domain.pane_kinds.PaneKind` to its editor
class; adding a pane is one entry here and one in the domain's registry. Every editor takes the
same :class:`PaneServices` and offers ``set_content``, ``content``, ``contentEdited(object)``,
``set_read_only``, ``set_context`` and ``focus_first_field`` (see :class:`StructuredPane`).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from sspt_desktop.domain.pane_kinds import PANES, PaneKind
from sspt_desktop.ui.panes.brainstorm import BrainstormPane
from sspt_desktop.ui.panes.closure import ClosurePane
from sspt_desktop.ui.panes.goals import GoalsPane
from sspt_desktop.ui.panes.pane_context import PaneContext, PaneServices
from sspt_desktop.ui.panes.plan import PlanPane
from sspt_desktop.ui.panes.problem import ProblemPane
from sspt_desktop.ui.panes.strengths import StrengthsPane
from sspt_desktop.ui.panes.structured_pane import StructuredPane
from sspt_desktop.ui.panes.welcome import WelcomePane

EDITORS: Mapping[PaneKind, type[StructuredPane]] = {
    PaneKind.WELCOME: WelcomePane,
    PaneKind.STRENGTHS: StrengthsPane,
    PaneKind.PROBLEM: ProblemPane,
    PaneKind.GOALS: GoalsPane,
    PaneKind.BRAINSTORM: BrainstormPane,
    PaneKind.PLAN: PlanPane,
    PaneKind.CLOSURE: ClosurePane,
}


def create_pane_editor(
    kind: PaneKind, services: PaneServices, parent: QWidget | None = None
) -> StructuredPane:
    """A new editor for ``kind``, showing that kind's empty content."""
    return EDITORS[kind](services, parent)


def editors_in_agenda_order() -> tuple[tuple[str, PaneKind, type[StructuredPane]], ...]:
    """(agenda segment key, kind, editor class) for every pane, in the agenda's order."""
    return tuple((spec.segment_key, spec.kind, EDITORS[spec.kind]) for spec in PANES)


__all__ = [
    "EDITORS",
    "PaneContext",
    "PaneServices",
    "StructuredPane",
    "create_pane_editor",
    "editors_in_agenda_order",
]
