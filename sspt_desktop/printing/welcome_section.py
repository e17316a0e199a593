"""The Welcome pane printed: who was at the table in which role, roles unfilled, the purpose."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.welcome_pane import AttendanceRow
from sspt_desktop.printing.print_styles import EMPTY, NOTE_LINE, grid, subheading
from sspt_desktop.printing.print_words import PrintWords
from sspt_desktop.printing.printed_text import paragraph, text_block
from sspt_desktop.printing.section_context import SectionContext


def _role(row: AttendanceRow, words: PrintWords) -> str:
    if row.role is None:
        return words["not_filled"]
    role = words.code("role", row.role)
    if limits.is_blank(row.language):
        return role
    return str(words.section("welcome")["interpreting"]).format(role=role, language=row.language)


def welcome_section(context: SectionContext) -> list[Flowable]:
    pane, words = context.panes.welcome, context.words
    own = words.section("welcome")
    story: list[Flowable] = [*subheading(own["attendance"])]
    rows = [
        (words.or_blank(row.name), _role(row, words))
        for row in pane.attendance
        if not (limits.is_blank(row.name) and row.role is None)
    ]
    if rows:
        widths = [3.6 * inch, 3.4 * inch]
        story.extend(grid([own["name"], own["role"]], rows, widths, see_below=words["see_below"]))
    else:
        story.append(paragraph(own["no_attendance"], EMPTY))
    unfilled = pane.missing_team_roles()
    if unfilled:
        story.extend(subheading(own["missing_roles"]))
        story.append(paragraph(", ".join(words.code("role", r) for r in unfilled), NOTE_LINE))
    story.extend(subheading(own["purpose"]))
    if limits.is_blank(pane.purpose):
        story.append(paragraph(words["not_filled"], EMPTY))
    else:
        story.extend(text_block(pane.purpose, NOTE_LINE))
    return story
