"""The Strengths pane printed: each strength as the team said it, with its area."""

from __future__ import annotations

from reportlab.platypus import Flowable

from sspt_desktop.printing.print_styles import EMPTY, item
from sspt_desktop.printing.printed_text import paragraph
from sspt_desktop.printing.section_context import SectionContext


def strengths_section(context: SectionContext) -> list[Flowable]:
    words = context.words
    own = words.section("strengths")
    named = context.panes.strengths.named()
    if not named:
        return [paragraph(own["none"], EMPTY)]
    return [
        item(
            strength.text
            if strength.area is None
            else str(own["with_area"]).format(
                text=strength.text, area=words.code("strength_area", strength.area)
            )
        )
        for strength in named
    ]
