"""The Brainstorm and select pane printed: the ideas in the order they came, the chosen marked."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.printing.print_styles import EMPTY, grid
from sspt_desktop.printing.printed_text import paragraph
from sspt_desktop.printing.section_context import SectionContext


def brainstorm_section(context: SectionContext) -> list[Flowable]:
    own = context.words.section("brainstorm")
    ideas = [idea for idea in context.panes.brainstorm.ideas if not limits.is_blank(idea.text)]
    if not ideas:
        return [paragraph(own["none"], EMPTY)]
    rows = [[idea.text, own["chosen_mark"] if idea.chosen else ""] for idea in ideas]
    widths = [5.7 * inch, 1.3 * inch]
    see_below = context.words["see_below"]
    return grid([own["idea"], own["chosen"]], rows, widths, see_below=see_below)
