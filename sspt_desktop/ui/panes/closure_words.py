"""Words of the Summary and closure pane: the generated summary and the closure check lines."""

from __future__ import annotations

from sspt_desktop.domain.closure_check import MeetingSummary
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.ui.common.domain_words import pane_kind_label as pane_name
from sspt_desktop.ui.panes.goal_card import goal_wording, long_date
from sspt_desktop.ui.panes.pane_words import gap_text, role_label, strength_area_label, tr


def _index(part: str) -> int:
    return int(part.split("[", 1)[1].rstrip("]")) + 1


def check_line(gap: Missing) -> tuple[PaneKind, str, str]:
    """(pane, path inside the pane, words) for one line of the closure check."""
    kind_text, _, path = gap.field_path.partition(".")
    kind = PaneKind(kind_text)
    head = path.split(".")[0]
    last = path.rsplit(".", 1)[-1]
    if gap.code is MissingCode.ROLE_UNFILLED:
        label = role_label(Role(last))
    elif kind is PaneKind.GOALS and head.startswith("goals["):
        label = tr("progress on goal {n}").format(n=_index(head))
    elif kind is PaneKind.PLAN and head.startswith("rows["):
        field = {
            "responsible": tr("who is responsible"),
            "progress_measure": tr("progress measure"),
            "start": tr("start date"),
            "review": tr("review"),
        }.get(last, last)
        label = tr("intervention {n}, {field}").format(n=_index(head), field=field)
    elif path == "goals":
        label = tr("goals")
    elif path == "rows":
        label = tr("interventions")
    elif path == "follow_up_date":
        label = tr("follow-up date")
    else:
        label = path
    return kind, path, f"{pane_name(kind)} · {gap_text(label, gap)}"


def summary_text(summary: MeetingSummary) -> str:
    """The decisions of the meeting as plain text, generated from the panes each time."""
    lines: list[str] = []
    if summary.strengths:
        items = "; ".join(
            s.text if s.area is None else f"{s.text} ({strength_area_label(s.area)})"
            for s in summary.strengths
        )
        lines.append(tr("Strengths: {items}").format(items=items))
    if summary.problem:
        lines.append(tr("Problem: {text}").format(text=" ".join(summary.problem.split())))
    for number, goal in enumerate(summary.goals, start=1):
        lines.append(
            tr("Goal {n}: {sentence}").format(
                n=number, sentence=goal.sentence(goal_wording(), long_date) or "…"
            )
        )
    for row in summary.plan_rows:
        parts = [row.what or "…"]
        if row.responsible:
            parts.append(tr("by {who}").format(who=row.responsible))
        if row.start is not None:
            parts.append(tr("from {date}").format(date=long_date(row.start)))
        if row.review_date is not None:
            parts.append(tr("review {date}").format(date=long_date(row.review_date)))
        lines.append(tr("Plan: {row}").format(row=", ".join(parts)))
    for item in summary.action_items:
        due = "" if item.due is None else long_date(item.due)
        lines.append(
            tr("To do: {what} ({owner}, {due})").format(
                what=item.what or "…", owner=item.owner or "…", due=due or "…"
            )
        )
    if summary.follow_up_date is not None:
        when = long_date(summary.follow_up_date)
        if summary.follow_up_time is not None:
            when += " " + summary.follow_up_time.strftime("%H:%M")
        lines.append(tr("Follow-up meeting: {when}").format(when=when))
    return "\n".join(lines) or tr("The summary fills in as the team decides.")
