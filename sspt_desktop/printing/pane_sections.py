"""The printed-section registry: pane kind → the function that prints that pane's content.

This is the printing's entry of the one registry of the structured record (agenda segment →
pane kind → editor widget → printed section, see :mod:`sspt_desktop.domain.pane_kinds`):
adding a pane is one entry here. Each section prints its pane's structured part; the pane's
free notes follow below it, as typed, for every kind alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reportlab.platypus import Flowable

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind, empty_content
from sspt_desktop.printing.brainstorm_section import brainstorm_section
from sspt_desktop.printing.closure_section import closure_section
from sspt_desktop.printing.goals_section import goals_section
from sspt_desktop.printing.plan_section import plan_section
from sspt_desktop.printing.print_styles import EMPTY, NOTE_LINE, subheading
from sspt_desktop.printing.printed_text import paragraph, text_block
from sspt_desktop.printing.problem_section import problem_section
from sspt_desktop.printing.section_context import SectionContext
from sspt_desktop.printing.strengths_section import strengths_section
from sspt_desktop.printing.welcome_section import welcome_section

PrintedSection = Callable[[SectionContext], list[Flowable]]

SECTIONS: Mapping[PaneKind, PrintedSection] = {
    PaneKind.WELCOME: welcome_section,
    PaneKind.STRENGTHS: strengths_section,
    PaneKind.PROBLEM: problem_section,
    PaneKind.GOALS: goals_section,
    PaneKind.BRAINSTORM: brainstorm_section,
    PaneKind.PLAN: plan_section,
    PaneKind.CLOSURE: closure_section,
}


def pane_content(kind: PaneKind, context: SectionContext) -> PaneContent:
    content: PaneContent = getattr(context.panes, kind.value)
    return content


def pane_section(kind: PaneKind, context: SectionContext) -> list[Flowable]:
    """The printed section of one pane: its structured part, then its notes. A pane nobody
    touched says so in one line instead of printing a form of empty fields."""
    content = pane_content(kind, context)
    if content == empty_content(kind) and kind is not PaneKind.CLOSURE:
        # The closure section still prints what the check finds open.
        return [paragraph(context.words["empty_pane"], EMPTY)]
    story = SECTIONS[kind](context)
    if not limits.is_blank(content.notes):
        story.extend(subheading(context.words["notes"]))
        story.extend(text_block(content.notes, NOTE_LINE))
    return story
