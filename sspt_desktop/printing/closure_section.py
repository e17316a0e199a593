"""The Summary and closure pane printed: the summary of decisions generated from the other
panes, the action items, the follow-up meeting, what the closure check still finds open, and
the reason the team gave for closing anyway."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.closure_check import MeetingSummary, closure_check, summarize
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.printing.print_styles import EMPTY, NOTE_LINE, grid, item, subheading
from sspt_desktop.printing.print_words import PrintWords
from sspt_desktop.printing.printed_text import paragraph, text_block
from sspt_desktop.printing.section_context import SectionContext


def summary_lines(summary: MeetingSummary, words: PrintWords) -> list[str]:
    """The decisions of the meeting, one line each, in the form's words."""
    own = words.section("closure")
    lines: list[str] = []
    if summary.strengths:
        with_area = words.section("strengths")["with_area"]
        items = "; ".join(
            s.text
            if s.area is None
            else str(with_area).format(text=s.text, area=words.code("strength_area", s.area))
            for s in summary.strengths
        )
        lines.append(str(own["summary_strengths"]).format(items=items))
    if summary.problem:
        text = " ".join(summary.problem.split())
        lines.append(str(own["summary_problem"]).format(text=text))
    for number, goal in enumerate(summary.goals, start=1):
        sentence = goal.sentence(words.goal_wording(), words.long_date) or words["not_filled"]
        lines.append(str(own["summary_goal"]).format(n=number, sentence=sentence))
    for row in summary.plan_rows:
        parts = [words.or_blank(row.what)]
        if row.responsible.strip():
            parts.append(str(own["summary_by"]).format(who=row.responsible))
        if row.start is not None:
            parts.append(str(own["summary_from"]).format(date=words.long_date(row.start)))
        if row.review_date is not None:
            parts.append(str(own["summary_review"]).format(date=words.long_date(row.review_date)))
        lines.append(str(own["summary_plan"]).format(row=", ".join(parts)))
    if summary.follow_up_date is not None:
        when = words.date_and_time(summary.follow_up_date, summary.follow_up_time)
        lines.append(str(own["summary_follow_up"]).format(when=when))
    return lines


def _index(part: str) -> int:
    return int(part.split("[", 1)[1].rstrip("]")) + 1


def check_line(gap: Missing, words: PrintWords) -> str:
    """One open item of the closure check: the pane, the field and what it still needs."""
    labels = words.section("closure")["check_fields"]
    kind_text, _, path = gap.field_path.partition(".")
    head, last = path.split(".")[0], path.rsplit(".", 1)[-1]
    if gap.code is MissingCode.ROLE_UNFILLED:
        label = words.code("role", Role(last))
    elif kind_text == PaneKind.GOALS and head.startswith("goals["):
        label = str(labels["goal_review"]).format(n=_index(head))
    elif kind_text == PaneKind.PLAN and head.startswith("rows["):
        field = labels.get(last, last)
        label = str(labels["row_field"]).format(n=_index(head), field=field)
    else:
        label = str(labels.get(path, path))
    return f"{words.pane(kind_text)} · {words.gap(label, gap)}"


def closure_section(context: SectionContext) -> list[Flowable]:
    panes, words = context.panes, context.words
    own = words.section("closure")
    closure = panes.closure
    story: list[Flowable] = [*subheading(own["summary"])]
    lines = summary_lines(summarize(panes), words)
    story.extend(item(line) for line in lines)
    if not lines:
        story.append(paragraph(own["summary_none"], EMPTY))
    story.extend(subheading(own["action_items"]))
    actions = [
        [words.or_blank(a.what), words.or_blank(a.owner), words.long_date(a.due)]
        for a in closure.action_items
        if not (limits.is_blank(a.what) and limits.is_blank(a.owner) and a.due is None)
    ]
    if actions:
        header = [own["what"], own["owner"], own["due"]]
        widths = [3.9 * inch, 1.8 * inch, 1.3 * inch]
        story.extend(grid(header, actions, widths, see_below=words["see_below"]))
    else:
        story.append(paragraph(own["no_action_items"], EMPTY))
    story.extend(subheading(own["follow_up"]))
    when = words.date_and_time(closure.follow_up_date, closure.follow_up_time)
    story.append(paragraph(when, NOTE_LINE))
    story.extend(subheading(own["check"]))
    gaps = closure_check(panes, context.meeting_id, context.meeting_date)
    story.extend(item(check_line(gap, words)) for gap in gaps)
    if not gaps:
        story.append(paragraph(own["check_none"], NOTE_LINE))
    if not limits.is_blank(closure.close_anyway_reason):
        story.extend(subheading(own["close_anyway"]))
        story.extend(text_block(closure.close_anyway_reason, NOTE_LINE))
    return story
