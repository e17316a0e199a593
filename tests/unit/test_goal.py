"""A goal's readable sentence and its SMART check."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import uuid4

import pytest

from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview, GoalWording
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.problem_pane import Baseline, ProblemContent

ENGLISH = GoalWording(
    by_date="By {}",
    condition="when {}",
    student_will="the student will {}",
    from_to="from {baseline} to {target}",
    to_target="to {target}",
    measured_by="as measured by {}",
    how_often="{}",
)
MEETING_DAY = date(2025, 10, 14)
PROBLEM = ProblemContent(
    concern_area=ConcernArea.ACADEMIC,
    problem="Reads grade-4 passages slowly",
    baseline=Baseline("oral reading fluency", "DIBELS ORF probe", "48 wcpm", date(2025, 10, 6)),
    where_and_when="Independent reading",
)


def smart_goal() -> Goal:
    return Goal(
        id=uuid4(),
        case_id=uuid4(),
        introduced_in=uuid4(),
        by_date=date(2026, 1, 30),
        condition="given a grade-4 passage",
        student_will="read aloud",
        baseline="48 wcpm",
        target="70 wcpm",
        measured_by="DIBELS ORF probe",
        how_often="every two weeks",
    )


def test_the_sentence_reads_the_parts_in_order() -> None:
    assert smart_goal().sentence(ENGLISH) == (
        "By 2026-01-30, when given a grade-4 passage, the student will read aloud, "
        "from 48 wcpm to 70 wcpm, as measured by DIBELS ORF probe, every two weeks."
    )


def test_the_sentence_leaves_out_what_is_not_typed_and_uses_the_callers_date_format() -> None:
    goal = replace(smart_goal(), condition="", baseline="", how_often=" ")
    assert goal.sentence(ENGLISH, lambda day: day.strftime("%d/%m/%Y")) == (
        "By 30/01/2026, the student will read aloud, to 70 wcpm, as measured by DIBELS ORF probe."
    )
    empty = Goal(uuid4(), uuid4(), uuid4())
    assert empty.sentence(ENGLISH) == ""


def test_a_smart_goal_has_no_gaps() -> None:
    assert smart_goal().smart_check(PROBLEM, MEETING_DAY) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"student_will": "  "}, (Missing("student_will", MissingCode.SPECIFIC),)),
        ({"target": "read better"}, (Missing("target", MissingCode.MEASURABLE),)),
        ({"how_often": ""}, (Missing("how_often", MissingCode.MEASURABLE),)),
        (
            {"baseline": "", "measured_by": "ORF probe"},
            (Missing("baseline", MissingCode.ACHIEVABLE),),
        ),
        ({"target": "48 wcpm"}, (Missing("target", MissingCode.ACHIEVABLE),)),
        (
            {"baseline": "3 tantrums a day", "measured_by": "teacher tally"},
            (Missing("measured_by", MissingCode.RELEVANT),),
        ),
        ({"by_date": None}, (Missing("by_date", MissingCode.TIME_BOUND),)),
        ({"by_date": MEETING_DAY}, (Missing("by_date", MissingCode.TIME_BOUND),)),
    ],
)
def test_the_smart_check_names_each_unmet_criterion(
    changes: dict[str, object], expected: tuple[Missing, ...]
) -> None:
    goal = replace(smart_goal(), **changes)  # type: ignore[arg-type]
    assert goal.smart_check(PROBLEM, MEETING_DAY) == expected


def test_relevance_needs_a_stated_problem_and_is_skipped_without_one() -> None:
    goal = smart_goal()
    assert goal.smart_check(ProblemContent(), MEETING_DAY) == (
        Missing("problem", MissingCode.RELEVANT),
    )
    assert goal.smart_check(None) == ()


def test_a_target_going_down_is_achievable() -> None:
    goal = replace(
        smart_goal(),
        baseline="5 exits a day",
        target="1 exit a day",
        measured_by="DIBELS ORF probe",
    )
    assert goal.smart_check() == ()


def test_goals_pane_counts_current_goals_and_asks_carried_ones_for_a_review() -> None:
    meeting = uuid4()
    earlier = smart_goal()
    replacement = replace(smart_goal(), id=uuid4(), introduced_in=meeting, replaces=earlier.id)
    pane = GoalsContent(goals=(earlier, replacement))
    assert pane.missing(PROBLEM, meeting, MEETING_DAY) == (
        Missing("goals[0].review", MissingCode.REQUIRED),
    )
    reviewed = replace(pane, reviews=(GoalReview(earlier.id, GoalRating.NOT_PROGRESSING),))
    assert reviewed.missing(PROBLEM, meeting, MEETING_DAY) == ()
    assert reviewed.set_in(meeting) == (replacement,)
    unrated = replace(pane, reviews=(GoalReview(earlier.id),))
    assert unrated.missing(PROBLEM, meeting, MEETING_DAY) == (
        Missing("goals[0].review.rating", MissingCode.REQUIRED),
    )


def test_goals_pane_wants_one_to_three_goals() -> None:
    assert GoalsContent().missing() == (Missing("goals", MissingCode.TOO_FEW),)
    four = GoalsContent(goals=tuple(smart_goal() for _ in range(4)))
    assert four.missing(PROBLEM, None, MEETING_DAY) == (Missing("goals", MissingCode.TOO_MANY),)
    stray = GoalsContent(goals=(smart_goal(),), reviews=(GoalReview(uuid4()),))
    assert stray.missing(PROBLEM, None, MEETING_DAY) == (
        Missing("reviews[0].goal_id", MissingCode.UNKNOWN_REFERENCE),
    )
