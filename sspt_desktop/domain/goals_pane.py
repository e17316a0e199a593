"""The Goals pane: the case's goals this meeting works on, its reviews of them, and free notes.

In an initial meeting the pane holds the goals the team sets (one to three). In a follow-up it
also holds the goals carried forward from the case, each with this meeting's
:class:`GoalReview`. Goals are case-owned records (see :mod:`sspt_desktop.domain.goal`): in
the JSON form kept with the meeting they may be inline objects or references by UUID, which
the reader resolves through the case's goals, so storage can keep goals as rows of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.goal import Goal, GoalReview
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    free_text_to_notes,
    read_case_records,
    read_each,
    read_str,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.problem_pane import ProblemContent
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("goals", first_version=0, steps=(free_text_to_notes,))

#: Seed practice: one to three goals a team can monitor.
MAX_GOALS = 3


@dataclass(frozen=True, slots=True)
class GoalsContent:
    """The goals in the order shown, this meeting's reviews of carried-forward goals, notes."""

    goals: tuple[Goal, ...] = ()
    reviews: tuple[GoalReview, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        limits.bounded_items("goals", self.goals)
        limits.bounded_items("reviews", self.reviews)
        ids = [goal.id for goal in self.goals]
        if len(set(ids)) != len(ids):
            raise InvalidField("goals", LimitCode.DAMAGED, "a goal listed twice")
        limits.notes("notes", self.notes)

    def goal_ids(self) -> frozenset[UUID]:
        return frozenset(goal.id for goal in self.goals)

    def review_of(self, goal_id: UUID) -> GoalReview | None:
        return next((review for review in self.reviews if review.goal_id == goal_id), None)

    def set_in(self, meeting_id: UUID) -> tuple[Goal, ...]:
        """The goals the meeting ``meeting_id`` set (as opposed to carried forward)."""
        return tuple(goal for goal in self.goals if goal.introduced_in == meeting_id)

    def missing(
        self,
        problem: ProblemContent | None = None,
        meeting_id: UUID | None = None,
        meeting_date: date | None = None,
    ) -> tuple[Missing, ...]:
        """No goal, more than three, each goal's SMART gaps, and (given ``meeting_id``) the
        carried-forward goals this meeting has not rated yet."""
        gaps: list[Missing] = []
        replaced = {goal.replaces for goal in self.goals if goal.replaces is not None}
        current = [goal for goal in self.goals if goal.id not in replaced]
        if not current:
            gaps.append(Missing("goals", MissingCode.TOO_FEW))
        elif len(current) > MAX_GOALS:
            gaps.append(Missing("goals", MissingCode.TOO_MANY))
        for index, goal in enumerate(self.goals):
            if goal.id in replaced:
                continue
            gaps.extend(
                gap.within(f"goals[{index}]") for gap in goal.smart_check(problem, meeting_date)
            )
        if meeting_id is not None:
            for index, goal in enumerate(self.goals):
                if goal.introduced_in == meeting_id:
                    continue
                review = self.review_of(goal.id)
                if review is None:
                    gaps.append(Missing(f"goals[{index}].review", MissingCode.REQUIRED))
                else:
                    gaps.extend(gap.within(f"goals[{index}].review") for gap in review.missing())
        for index, review in enumerate(self.reviews):
            if review.goal_id not in self.goal_ids():
                gaps.append(Missing(f"reviews[{index}].goal_id", MissingCode.UNKNOWN_REFERENCE))
        return tuple(gaps)

    def to_json(self, inline_goals: bool = True) -> JsonObject:
        """The meeting's form of the pane. With ``inline_goals=False`` goals are written as
        their UUIDs only, for storage that keeps the goals as case-owned rows."""
        return {
            "version": FORM.current,
            "goals": [goal.to_json() if inline_goals else str(goal.id) for goal in self.goals],
            "reviews": [review.to_json() for review in self.reviews],
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: object, case_goals: Mapping[UUID, Goal] | None = None) -> GoalsContent:
        """Read the pane; goals written as UUIDs are looked up in ``case_goals``."""
        current = FORM.upgrade(data)
        goals = read_case_records(current, "goals", case_goals or {}, Goal.from_json, "goal")
        reviews = read_each(current, "reviews", GoalReview.from_json)
        return cls(goals=goals, reviews=reviews, notes=read_str(current, "notes", "notes"))
