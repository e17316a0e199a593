"""Closing a meeting: the short list of what is still missing, and the summary of decisions.

The closure check is the few gaps the team should fix before the family leaves (issue 7: no
goal, a plan row without owner, measure or start, no follow-up date, a team role unfilled, and
in a follow-up the goals and rows not reviewed). Every other gap stays in its pane's own
``missing()``. A meeting closes when the check is empty or the team gives a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.brainstorm_pane import BrainstormContent
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanDecision, PlanItem
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.problem_pane import ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthsContent
from sspt_desktop.domain.welcome_pane import WelcomeContent

# The plan row fields issue 7 names for the closure check.
_PLAN_ESSENTIALS = frozenset({"responsible", "progress_measure", "start"})


@dataclass(frozen=True, slots=True)
class MeetingPanes:
    """The seven contents of one meeting, typed, for checks that read across panes."""

    welcome: WelcomeContent = field(default_factory=WelcomeContent)
    strengths: StrengthsContent = field(default_factory=StrengthsContent)
    problem: ProblemContent = field(default_factory=ProblemContent)
    goals: GoalsContent = field(default_factory=GoalsContent)
    brainstorm: BrainstormContent = field(default_factory=BrainstormContent)
    plan: PlanContent = field(default_factory=PlanContent)
    closure: ClosureContent = field(default_factory=ClosureContent)


def all_missing(
    panes: MeetingPanes, meeting_id: UUID | None = None, meeting_date: date | None = None
) -> tuple[Missing, ...]:
    """Every gap of every pane, each path starting with its pane kind (``plan.rows[0].tier``)."""
    per_pane = (
        (PaneKind.WELCOME, panes.welcome.missing()),
        (PaneKind.STRENGTHS, panes.strengths.missing()),
        (PaneKind.PROBLEM, panes.problem.missing()),
        (PaneKind.GOALS, panes.goals.missing(panes.problem, meeting_id, meeting_date)),
        (PaneKind.BRAINSTORM, panes.brainstorm.missing()),
        (PaneKind.PLAN, panes.plan.missing(panes.goals.goal_ids(), meeting_id)),
        (PaneKind.CLOSURE, panes.closure.missing(meeting_date)),
    )
    return tuple(gap.within(kind.value) for kind, gaps in per_pane for gap in gaps)


def closure_check(
    panes: MeetingPanes, meeting_id: UUID | None = None, meeting_date: date | None = None
) -> tuple[Missing, ...]:
    """The short list shown before Close meeting, in agenda order."""
    return tuple(gap for gap in all_missing(panes, meeting_id, meeting_date) if _essential(gap))


def may_close(
    panes: MeetingPanes, meeting_id: UUID | None = None, meeting_date: date | None = None
) -> bool:
    """Closing is allowed when nothing essential is missing, or the team recorded why it
    closes anyway (the reason is kept with the closed meeting)."""
    if not closure_check(panes, meeting_id, meeting_date):
        return True
    return not limits.is_blank(panes.closure.close_anyway_reason)


def _essential(gap: Missing) -> bool:
    kind, _, path = gap.field_path.partition(".")
    parts = path.split(".")
    last = parts[-1]
    reviewing = "review" in parts  # a carried-forward goal or row this meeting must evaluate
    if kind == PaneKind.WELCOME:
        return gap.code is MissingCode.ROLE_UNFILLED
    if kind == PaneKind.GOALS:
        return (path == "goals" and gap.code is MissingCode.TOO_FEW) or reviewing
    if kind == PaneKind.PLAN:
        return (
            path == "rows"
            or reviewing
            or (last in _PLAN_ESSENTIALS and gap.code is MissingCode.REQUIRED)
        )
    if kind == PaneKind.CLOSURE:
        return path == "follow_up_date"
    return False


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """The decisions of a meeting as data, for the closure pane and the printed notes to word.

    Computed from the panes each time (never stored), so it always agrees with them.
    """

    strengths: tuple[Strength, ...]
    problem: str
    goals: tuple[Goal, ...]
    plan_rows: tuple[PlanItem, ...]
    action_items: tuple[ActionItem, ...]
    follow_up_date: date | None
    follow_up_time: time | None


def summarize(panes: MeetingPanes) -> MeetingSummary:
    """What was decided: strengths, the problem, current goals and rows (not those replaced or
    stopped),
    the action items with something in them, and the follow-up meeting."""
    replaced_goals = {g.replaces for g in panes.goals.goals if g.replaces is not None}
    replaced_rows = {r.replaces for r in panes.plan.rows if r.replaces is not None}
    stopped = {
        review.plan_item_id for review in panes.plan.reviews if review.decision is PlanDecision.STOP
    }
    return MeetingSummary(
        strengths=panes.strengths.named(),
        problem=panes.problem.problem.strip(),
        goals=tuple(g for g in panes.goals.goals if g.id not in replaced_goals),
        plan_rows=tuple(
            r for r in panes.plan.rows if r.id not in replaced_rows and r.id not in stopped
        ),
        action_items=tuple(
            item
            for item in panes.closure.action_items
            if not (limits.is_blank(item.what) and limits.is_blank(item.owner))
        ),
        follow_up_date=panes.closure.follow_up_date,
        follow_up_time=panes.closure.follow_up_time,
    )
