"""The Intervention plan pane printed: one table row per intervention, its header repeated on
every page the table reaches; in a follow-up, this meeting's reviews of the rows carried forward.

Twelve fields do not fit twelve columns on a portrait page, so related fields share a column,
one above the other (who above where, start above review), as the header says.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from sspt_desktop.domain.plan_item import PlanItem, PlanItemReview
from sspt_desktop.printing.print_styles import EMPTY, grid, subheading
from sspt_desktop.printing.print_words import PrintWords
from sspt_desktop.printing.printed_text import paragraph
from sspt_desktop.printing.section_context import SectionContext

_WIDTHS = [1.3 * inch, 0.6 * inch, 1.0 * inch, 0.9 * inch, 1.0 * inch, 0.95 * inch, 1.25 * inch]
_REVIEW_WIDTHS = [1.7 * inch, 0.9 * inch, 1.0 * inch, 1.7 * inch, 1.7 * inch]


def _pair(first: str, second: str) -> str:
    return f"{first}\n{second}"


def _goals(row: PlanItem, context: SectionContext) -> str:
    own = context.words.section("plan")
    numbers = [context.goal_number(goal_id) for goal_id in row.goal_ids]
    named = [str(own["goal_ref"]).format(n=n) for n in numbers if n is not None]
    if None in numbers:
        named.append(own["unknown_goal"])
    return "\n".join(named) or context.words["not_filled"]


def _what(row: PlanItem, context: SectionContext, replaced: bool) -> str:
    words = context.words
    own = words.section("plan")
    lines = [words.or_blank(row.what)]
    lines.append(words["not_filled"] if row.tier is None else words.code("tier", row.tier))
    if context.carried(row.introduced_in):
        lines.append(f"({own['carried']})")
    if replaced:
        lines.append(f"({own['replaced']})")
    return "\n".join(lines)


def _row(row: PlanItem, context: SectionContext, replaced: bool) -> list[str]:
    words = context.words
    blank = words.or_blank
    return [
        _what(row, context, replaced),
        _goals(row, context),
        _pair(blank(row.responsible), blank(row.location)),
        _pair(blank(row.how_often), blank(row.how_long)),
        _pair(words.short_date(row.start), words.short_date(row.review_date)),
        _pair(blank(row.progress_measure), blank(row.measure_how_often)),
        blank(row.family_at_home),
    ]


def _review(row: PlanItem, review: PlanItemReview | None, words: PrintWords) -> list[str]:
    own = words.section("plan")
    if review is None:
        return [words.or_blank(row.what)] + [words["not_filled"]] * 4
    decision = (
        words["not_filled"]
        if review.decision is None
        else words.code("plan_decision", review.decision)
    )
    delivered = {None: words["not_filled"], True: own["yes"], False: own["no"]}[
        review.delivered_as_planned
    ]
    return [
        words.or_blank(row.what),
        decision,
        delivered,
        words.or_blank(review.changes),
        words.or_blank(review.notes),
    ]


def plan_section(context: SectionContext) -> list[Flowable]:
    pane, words = context.panes.plan, context.words
    own = words.section("plan")
    if not pane.rows:
        return [paragraph(own["none"], EMPTY)]
    columns = own["columns"]
    header = [
        _pair(columns["what"], columns["tier"]),
        columns["goals"],
        _pair(columns["who"], columns["where"]),
        _pair(columns["how_often"], columns["how_long"]),
        _pair(columns["start"], columns["review"]),
        _pair(columns["measure"], columns["measure_how_often"]),
        columns["family"],
    ]
    replaced = {row.replaces for row in pane.rows if row.replaces is not None}
    see_below = words["see_below"]
    rows = [_row(row, context, row.id in replaced) for row in pane.rows]
    story = grid(header, rows, _WIDTHS, see_below=see_below)
    reviewed = [
        row
        for row in pane.rows
        if context.carried(row.introduced_in) or pane.review_of(row.id) is not None
    ]
    if reviewed:
        story.extend(subheading(own["reviews"]))
        review_header = [
            columns["what"],
            own["decision"],
            own["delivered"],
            own["changes"],
            own["review_notes"],
        ]
        reviews = [_review(row, pane.review_of(row.id), words) for row in reviewed]
        story.extend(grid(review_header, reviews, _REVIEW_WIDTHS, see_below=see_below))
    return story
