"""The Goals pane printed: each goal as one sentence and by its parts; in a follow-up, the
progress this meeting recorded for each goal carried forward."""

from __future__ import annotations

from reportlab.platypus import Flowable

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.goal import Goal, GoalReview
from sspt_desktop.printing.print_styles import BODY, EMPTY, fields, subheading
from sspt_desktop.printing.print_words import PrintWords
from sspt_desktop.printing.printed_text import paragraph
from sspt_desktop.printing.section_context import SectionContext


def _heading(goal: Goal, number: int, context: SectionContext, replaced: bool) -> str:
    own = context.words.section("goals")
    parts = [str(own["goal"]).format(n=number)]
    if context.carried(goal.introduced_in):
        parts.append(own["carried"])
    if goal.replaces is not None:
        earlier = context.goal_number(goal.replaces)
        if earlier is not None:
            parts.append(str(own["replaces"]).format(n=earlier))
    if replaced:
        parts.append(own["replaced"])
    return " · ".join(parts)


def _parts(goal: Goal, words: PrintWords) -> list[tuple[str, str]]:
    labels = words.section("goals")["parts"]
    return [
        (labels["by_date"], words.long_date(goal.by_date)),
        (labels["condition"], words.or_blank(goal.condition)),
        (labels["student_will"], words.or_blank(goal.student_will)),
        (labels["baseline"], words.or_blank(goal.baseline)),
        (labels["target"], words.or_blank(goal.target)),
        (labels["measured_by"], words.or_blank(goal.measured_by)),
        (labels["how_often"], words.or_blank(goal.how_often)),
    ]


def _review(review: GoalReview | None, words: PrintWords) -> list[tuple[str, str]]:
    own = words.section("goals")
    if review is None or (review.rating is None and limits.is_blank(review.notes)):
        return [(own["review"], own["not_reviewed"])]
    rating = (
        words["not_filled"] if review.rating is None else words.code("goal_rating", review.rating)
    )
    rows = [(own["review"], rating)]
    if not limits.is_blank(review.notes):
        rows.append((words["notes"], review.notes))
    return rows


def goals_section(context: SectionContext) -> list[Flowable]:
    pane, words = context.panes.goals, context.words
    if not pane.goals:
        return [paragraph(words.section("goals")["none"], EMPTY)]
    replaced = {goal.replaces for goal in pane.goals if goal.replaces is not None}
    story: list[Flowable] = []
    for number, goal in enumerate(pane.goals, start=1):
        story.extend(subheading(_heading(goal, number, context, goal.id in replaced)))
        sentence = goal.sentence(words.goal_wording(), words.long_date)
        if sentence:
            story.append(paragraph(sentence, BODY))
        rows = _parts(goal, words)
        review = pane.review_of(goal.id)
        if context.carried(goal.introduced_in) or review is not None:
            rows += _review(review, words)
        story.extend(fields(rows))
    return story
