"""The student's case and its records: round trips through their JSON forms, the next meeting
type, plan rows from chosen ideas with seed 003's review dates, the closure check, the summary."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.case import Case, CaseOutcome, CaseStatus
from sspt_desktop.domain.closure_check import (
    MeetingPanes,
    all_missing,
    closure_check,
    may_close,
    summarize,
)
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal, GoalReview
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import MeetingType, Role
from sspt_desktop.domain.meeting_sequence import follow_up_number, next_meeting_type
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.plan_item import (
    PlanDecision,
    PlanItem,
    PlanItemReview,
    Tier,
    default_review_date,
)
from sspt_desktop.domain.plan_pane import PlanContent, rows_from_chosen
from sspt_desktop.domain.student import LanguageStatus
from sspt_desktop.domain.student_profile import StudentProfile
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from tests.support import record_strategies as rs

PROPERTY = settings(database=None, deadline=None, max_examples=80)
RECORDS: dict[str, st.SearchStrategy[Any]] = {
    "case": rs.cases(),
    "goal": rs.goals_records,
    "goal_review": rs.goal_reviews,
    "plan_item": rs.plan_items,
    "plan_item_review": rs.plan_reviews,
    "student_profile": rs.student_profiles,
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_record_round_trips_through_its_json_form(name: str) -> None:
    @PROPERTY
    @given(RECORDS[name])
    def round_trip(record: Any) -> None:
        data = json.loads(json.dumps(record.to_json(), ensure_ascii=False))
        assert data["version"] == 1
        assert type(record).from_json(data) == record

    round_trip()


@PROPERTY
@given(rs.other_zone_times)
def test_a_case_keeps_its_timestamp_in_utc(moment: datetime) -> None:
    case = Case(uuid4(), uuid4(), date(2025, 10, 1), moment)
    assert case.created_at == moment
    assert case.created_at.tzinfo is UTC
    assert Case.from_json(case.to_json()) == case


def test_a_case_refuses_naive_timestamps_and_closing_before_it_opened() -> None:
    with pytest.raises(InvalidField) as raised:
        Case(uuid4(), uuid4(), date(2025, 10, 1), datetime(2025, 10, 1, 8, 0))
    assert (raised.value.field, raised.value.code) == ("created_at", LimitCode.NAIVE_TIMESTAMP)
    with pytest.raises(InvalidField) as raised:
        Case(uuid4(), uuid4(), date(2025, 10, 1), datetime.now(UTC), closed_on=date(2025, 9, 1))
    assert raised.value.field == "closed_on"
    data = Case(uuid4(), uuid4(), date(2025, 10, 1), datetime.now(UTC)).to_json()
    with pytest.raises(InvalidField) as raised:
        Case.from_json({**data, "created_at": "2025-10-01T08:00:00"})
    assert raised.value.field == "created_at"
    with pytest.raises(InvalidField) as raised:
        Case.from_json({**data, "concern_areas": ["academic", "cooking"]})
    assert raised.value.field == "concern_areas[1]"


def test_a_case_is_closed_exactly_when_it_has_a_closing_date() -> None:
    case = Case(uuid4(), uuid4(), date(2025, 10, 1), datetime.now(UTC))
    assert case.status is CaseStatus.OPEN
    assert case.missing() == (
        Missing("referred_by", MissingCode.REQUIRED),
        Missing("concern_areas", MissingCode.TOO_FEW),
        Missing("description", MissingCode.REQUIRED),
    )
    closed = replace(
        case,
        referred_by="Ms. Kim",
        concern_areas=(ConcernArea.ACADEMIC, ConcernArea.LANGUAGE_DEVELOPMENT),
        description="Reading below grade level",
        closed_on=date(2026, 2, 1),
    )
    assert closed.status is CaseStatus.CLOSED
    assert closed.missing() == (Missing("outcome", MissingCode.REQUIRED),)
    assert replace(closed, outcome=CaseOutcome.GOALS_MET).missing() == ()


@pytest.mark.parametrize(
    ("closed", "expected", "number"),
    [
        ([], MeetingType.INITIAL, 0),
        ([MeetingType.RECLASSIFICATION], MeetingType.INITIAL, 0),
        ([MeetingType.INITIAL], MeetingType.FOLLOW_UP_1, 1),
        ([MeetingType.INITIAL, MeetingType.RECLASSIFICATION], MeetingType.FOLLOW_UP_1, 1),
        ([MeetingType.INITIAL, MeetingType.FOLLOW_UP_1], MeetingType.FOLLOW_UP_2, 2),
        (
            [MeetingType.INITIAL, MeetingType.FOLLOW_UP_1, MeetingType.FOLLOW_UP_2],
            MeetingType.FOLLOW_UP_3,
            3,
        ),
        (
            [
                MeetingType.INITIAL,
                MeetingType.FOLLOW_UP_1,
                MeetingType.FOLLOW_UP_2,
                MeetingType.FOLLOW_UP_3,
            ],
            MeetingType.FOLLOW_UP_3,
            4,
        ),
    ],
)
def test_the_next_meeting_type_follows_the_closed_meetings_of_the_case(
    closed: list[MeetingType], expected: MeetingType, number: int
) -> None:
    assert next_meeting_type(closed) is expected
    assert follow_up_number(closed) == number


def test_review_dates_default_to_seed_003_intervals() -> None:
    start = date(2025, 10, 20)
    assert default_review_date(start, Tier.SELECTED) == start + timedelta(weeks=6)
    assert default_review_date(start, None) == start + timedelta(weeks=6)
    assert default_review_date(start, Tier.INTENSIVE) == start + timedelta(weeks=4)
    row = PlanItem(uuid4(), uuid4(), uuid4(), tier=Tier.SELECTED, start=start)
    assert row.review_date == date(2025, 12, 1)
    assert replace(row, review_on=date(2025, 12, 8)).review_date == date(2025, 12, 8)
    assert replace(row, start=None).review_date is None


def sequential_ids() -> Iterator[UUID]:
    for number in range(1, 1000):
        yield UUID(int=number)


def test_rows_come_from_the_chosen_ideas_once() -> None:
    case_id, meeting_id = uuid4(), uuid4()
    chosen = Idea(uuid4(), "Check-in/check-out", library_key="tier2-cico", chosen=True)
    brainstorm = BrainstormContent(
        ideas=(chosen, Idea(uuid4(), "Move seat"), Idea(uuid4(), "", chosen=True))
    )
    ids = sequential_ids()
    plan = rows_from_chosen(
        PlanContent(notes="kept"),
        brainstorm,
        case_id=case_id,
        meeting_id=meeting_id,
        start=date(2025, 10, 20),
        new_id=lambda: next(ids),
    )
    assert plan.notes == "kept"
    assert [(row.what, row.from_idea, row.id) for row in plan.rows] == [
        ("Check-in/check-out", chosen.id, UUID(int=1))
    ]
    again = rows_from_chosen(
        plan,
        brainstorm,
        case_id=case_id,
        meeting_id=meeting_id,
        start=None,
        new_id=lambda: next(ids),
    )
    assert again == plan


def test_plan_rows_report_owner_measure_start_tier_and_goals() -> None:
    goal_id = uuid4()
    row = PlanItem(uuid4(), uuid4(), uuid4(), what="Lunch bunch", goal_ids=(uuid4(),))
    assert row.missing(frozenset({goal_id})) == (
        Missing("responsible", MissingCode.REQUIRED),
        Missing("progress_measure", MissingCode.REQUIRED),
        Missing("tier", MissingCode.REQUIRED),
        Missing("goal_ids[0]", MissingCode.UNKNOWN_REFERENCE),
        Missing("start", MissingCode.REQUIRED),
    )
    early_review = replace(
        row,
        goal_ids=(goal_id,),
        responsible="Mr. Chen",
        progress_measure="Daily point card",
        tier=Tier.SELECTED,
        start=date(2025, 10, 20),
        review_on=date(2025, 10, 1),
    )
    assert early_review.missing(frozenset({goal_id})) == (
        Missing("review_on", MissingCode.BEFORE_START),
    )


def test_a_plan_review_asks_what_changes_when_modified_and_whether_delivered() -> None:
    item = uuid4()
    assert PlanItemReview(item).missing() == (
        Missing("decision", MissingCode.REQUIRED),
        Missing("delivered_as_planned", MissingCode.REQUIRED),
    )
    assert PlanItemReview(item, PlanDecision.MODIFY, delivered_as_planned=False).missing() == (
        Missing("changes", MissingCode.REQUIRED),
    )
    assert PlanItemReview(item, PlanDecision.CONTINUE, delivered_as_planned=True).missing() == ()


def test_a_profile_asks_for_the_eld_level_of_an_english_learner() -> None:
    profile = StudentProfile(uuid4(), language_status=LanguageStatus.ENGLISH_LEARNER)
    assert Missing("eld_level", MissingCode.REQUIRED) in profile.missing()
    with pytest.raises(InvalidField) as raised:
        StudentProfile(uuid4(), eld_level=6)
    assert raised.value.field == "eld_level"


def complete_meeting() -> tuple[MeetingPanes, UUID]:
    case_id, meeting_id = uuid4(), uuid4()
    goal = Goal(
        uuid4(),
        case_id,
        meeting_id,
        by_date=date(2026, 1, 30),
        student_will="read aloud",
        baseline="48 wcpm",
        target="70 wcpm",
        measured_by="ORF probe",
        how_often="every two weeks",
    )
    row = PlanItem(
        uuid4(),
        case_id,
        meeting_id,
        what="Small-group fluency",
        tier=Tier.SELECTED,
        goal_ids=(goal.id,),
        responsible="Ms. Kim",
        start=date(2025, 10, 20),
        progress_measure="ORF probe",
    )
    panes = MeetingPanes(
        welcome=WelcomeContent(
            attendance=tuple(
                AttendanceRow(name, role)
                for name, role in [
                    ("Ms. Ortiz", Role.FACILITATOR),
                    ("Mr. Chen", Role.TIMEKEEPER),
                    ("Ms. Kim", Role.RECORDER),
                    ("Mrs. Patel", Role.CASE_MANAGER),
                ]
            ),
        ),
        goals=GoalsContent(goals=(goal,)),
        plan=PlanContent(rows=(row,)),
        closure=ClosureContent(
            action_items=(ActionItem(uuid4(), "Send plan home", "Ms. Kim", date(2025, 10, 15)),),
            follow_up_date=date(2025, 12, 1),
            follow_up_time=time(14, 30),
        ),
    )
    return panes, meeting_id


def test_the_closure_check_is_the_short_list_of_issue_7() -> None:
    panes, meeting_id = complete_meeting()
    assert closure_check(panes, meeting_id, date(2025, 10, 14)) == ()
    assert may_close(panes, meeting_id)
    # Other gaps (no purpose, strengths, problem...) stay in their panes, not in the check.
    assert Missing("welcome.purpose", MissingCode.REQUIRED) in all_missing(panes, meeting_id)

    gappy = replace(
        panes,
        welcome=WelcomeContent(attendance=panes.welcome.attendance[:3]),
        goals=GoalsContent(),
        plan=PlanContent(
            rows=(replace(panes.plan.rows[0], responsible="", start=None, tier=None),)
        ),
        closure=replace(panes.closure, follow_up_date=None),
    )
    assert closure_check(gappy, meeting_id) == (
        Missing("welcome.roles.case_manager", MissingCode.ROLE_UNFILLED),
        Missing("goals.goals", MissingCode.TOO_FEW),
        Missing("plan.rows[0].responsible", MissingCode.REQUIRED),
        Missing("plan.rows[0].start", MissingCode.REQUIRED),
        Missing("closure.follow_up_date", MissingCode.REQUIRED),
    )
    assert not may_close(gappy, meeting_id)
    reason = replace(
        gappy, closure=replace(gappy.closure, close_anyway_reason="Family had to leave")
    )
    assert may_close(reason, meeting_id)


def test_a_follow_up_must_review_what_it_carries_forward() -> None:
    panes, _ = complete_meeting()
    follow_up = uuid4()
    goal, row = panes.goals.goals[0], panes.plan.rows[0]
    assert closure_check(panes, follow_up) == (
        Missing("goals.goals[0].review", MissingCode.REQUIRED),
        Missing("plan.rows[0].review", MissingCode.REQUIRED),
    )
    reviewed = replace(
        panes,
        goals=replace(panes.goals, reviews=(GoalReview(goal.id),)),
        plan=replace(
            panes.plan,
            reviews=(PlanItemReview(row.id, PlanDecision.STOP, delivered_as_planned=True),),
        ),
    )
    assert closure_check(reviewed, follow_up) == (
        Missing("goals.goals[0].review.rating", MissingCode.REQUIRED),
    )
    assert summarize(reviewed).plan_rows == ()
    assert summarize(panes).plan_rows == (row,)


def test_the_summary_is_computed_from_the_panes() -> None:
    panes, _ = complete_meeting()
    panes = replace(
        panes,
        closure=replace(
            panes.closure, action_items=(*panes.closure.action_items, ActionItem(uuid4()))
        ),
    )
    summary = summarize(panes)
    assert summary.goals == panes.goals.goals
    assert summary.action_items == panes.closure.action_items[:1]
    assert (summary.follow_up_date, summary.follow_up_time) == (date(2025, 12, 1), time(14, 30))
    assert summary.problem == ""
    assert UTC is UTC
