"""The meeting session on the real SQLCipher record: opening a student's meeting in one call,
saving structured content, closing with the closure check, and the follow-up that comes next."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

import pytest

from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import MeetingStatus, MeetingType, Role
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanDecision, PlanItem, PlanItemReview, Tier
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.problem_pane import ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.domain.student import Student
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.services.autosave import PaneAutosaver
from sspt_desktop.services.meeting_session import (
    CloseRefused,
    MeetingSessionService,
    OpenedMeeting,
)
from sspt_desktop.services.pane_saving import MeetingClosed
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage.locations import DataLocations
from tests.support.records import with_notes

MEETING_DAY = date(2026, 3, 2)


class Calendar:
    """Today's date, moved by the test."""

    def __init__(self) -> None:
        self.day = MEETING_DAY

    def today(self) -> date:
        return self.day


@pytest.fixture
def record(locations: DataLocations) -> OpenRecord:
    opened = open_memory_keyed_record(locations)
    yield opened  # type: ignore[misc]
    opened.close()


@pytest.fixture
def calendar() -> Calendar:
    return Calendar()


@pytest.fixture
def service(record: OpenRecord, calendar: Calendar) -> MeetingSessionService:
    return MeetingSessionService(record.sessions, today=calendar.today)


@pytest.fixture
def student_id(record: OpenRecord) -> int:
    added = StudentRecords(record.sessions).add(
        Student(None, "1029384", "Daniela", "Reyes", "4", referred_by="Ms. Kim")
    )
    assert added.id is not None
    return added.id


def complete_panes(opened: OpenedMeeting) -> dict[PaneKind, object]:
    """Everything the closure check asks for, for one meeting."""
    meeting_uuid = opened.meeting.uuid
    assert meeting_uuid is not None
    goal = Goal(
        id=uuid.uuid4(),
        case_id=opened.case.id,
        introduced_in=meeting_uuid,
        by_date=date(2026, 5, 29),
        student_will="read a grade-level passage aloud",
        baseline="48 wcpm",
        target="70 wcpm",
        measured_by="weekly one-minute reading probe",
        how_often="weekly",
    )
    row = PlanItem(
        id=uuid.uuid4(),
        case_id=opened.case.id,
        introduced_in=meeting_uuid,
        what="Repeated reading with a partner",
        tier=Tier.SELECTED,
        goal_ids=(goal.id,),
        responsible="Ms. Kim",
        how_often="daily, 15 minutes",
        start=date(2026, 3, 3),
        progress_measure="one-minute reading probe",
    )
    roles = (Role.FACILITATOR, Role.TIMEKEEPER, Role.RECORDER, Role.CASE_MANAGER)
    return {
        PaneKind.WELCOME: WelcomeContent(
            attendance=tuple(AttendanceRow(f"Person {i}", role) for i, role in enumerate(roles)),
            purpose="Reading fluency",
        ),
        PaneKind.GOALS: GoalsContent(goals=(goal,)),
        PaneKind.PLAN: PlanContent(rows=(row,)),
        PaneKind.CLOSURE: ClosureContent(
            action_items=(ActionItem(uuid.uuid4(), "Send the plan home", "Ms. Kim", MEETING_DAY),),
            follow_up_date=opened.meeting.meeting_date + timedelta(weeks=6),
            follow_up_time=time(15, 30),
        ),
    }


def test_opening_makes_the_case_and_an_initial_meeting_once(
    service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id, location="Room 12")
    assert opened.meeting.meeting_type is MeetingType.INITIAL
    assert opened.meeting.meeting_date == MEETING_DAY
    assert opened.meeting.location == "Room 12"
    assert opened.case.opened_on == MEETING_DAY and opened.case.referred_by == "Ms. Kim"
    assert opened.case.student_id == opened.student.uuid == opened.profile.student_id
    assert opened.meeting.case_id == opened.case.id
    assert opened.agenda.segments[0].key == "welcome"
    assert opened.content(PaneKind.GOALS) == GoalsContent()
    assert opened.goals == () and opened.plan_items == ()
    assert not opened.read_only
    again = service.open_student_meeting(student_id)
    assert again.meeting.id == opened.meeting.id
    assert len(again.history) == 1 and len(again.history[0].meetings) == 1


def test_closing_with_gaps_needs_a_reason_and_the_next_meeting_is_a_follow_up(
    service: MeetingSessionService, student_id: int, calendar: Calendar
) -> None:
    opened = service.open_student_meeting(student_id)
    with pytest.raises(CloseRefused) as refused:
        service.close_meeting(opened.meeting_id)
    fields = {gap.field_path for gap in refused.value.missing}
    assert {"goals.goals", "plan.rows", "closure.follow_up_date"} <= fields
    assert "welcome.roles.recorder" in fields
    assert service.meeting(opened.meeting_id).meeting.status is not MeetingStatus.CLOSED

    closed = service.close_meeting(opened.meeting_id, reason="The family had to leave early")
    assert closed.meeting.status is MeetingStatus.CLOSED
    assert closed.missing == refused.value.missing
    assert closed.next_meeting_type is MeetingType.FOLLOW_UP_1
    stored = service.meeting(opened.meeting_id)
    assert stored.read_only
    assert stored.content(PaneKind.CLOSURE).close_anyway_reason == (  # type: ignore[attr-defined]
        "The family had to leave early"
    )

    calendar.day = date(2026, 4, 13)
    follow_up = service.open_student_meeting(student_id)
    assert follow_up.meeting.id != opened.meeting_id
    assert follow_up.meeting.meeting_type is MeetingType.FOLLOW_UP_1
    assert follow_up.case.id == opened.case.id
    assert follow_up.meeting.meeting_date == date(2026, 4, 13)
    assert [[m.status for m in h.meetings] for h in follow_up.history] == [
        [MeetingStatus.SCHEDULED, MeetingStatus.CLOSED]
    ]


def test_a_closed_meeting_refuses_every_edit_and_stores_nothing_of_the_batch(
    record: OpenRecord, service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id)
    service.close_meeting(opened.meeting_id, reason="Testing")
    other = StudentRecords(record.sessions).add(Student(None, "555", "Tuan", "Nguyen", "5"))
    assert other.id is not None
    other_meeting = service.open_student_meeting(other.id)
    batch = {
        other_meeting.meeting_id: {PaneKind.STRENGTHS: StrengthsContent(notes="kind")},
        opened.meeting_id: {PaneKind.STRENGTHS: StrengthsContent(notes="too late")},
    }
    with pytest.raises(MeetingClosed, match="closed"):
        service.save_content_batch(batch)
    with pytest.raises(MeetingClosed):
        service.save_content_batch(
            {opened.meeting_id: {PaneKind.PROBLEM: with_notes(PaneKind.PROBLEM, "x")}}
        )
    with pytest.raises(MeetingClosed):
        service.close_meeting(opened.meeting_id, reason="again")
    assert service.meeting(opened.meeting_id).content(PaneKind.STRENGTHS).notes == ""
    assert service.meeting(other_meeting.meeting_id).content(PaneKind.STRENGTHS).notes == ""


def test_a_complete_meeting_closes_without_a_reason_and_its_plan_is_carried_forward(
    service: MeetingSessionService, student_id: int, calendar: Calendar
) -> None:
    opened = service.open_student_meeting(student_id)
    panes = complete_panes(opened)
    service.save_content_batch({opened.meeting_id: panes})  # type: ignore[dict-item]
    closed = service.close_meeting(opened.meeting_id)
    assert closed.missing == ()
    stored = service.meeting(opened.meeting_id)
    assert stored.meeting.status is MeetingStatus.CLOSED
    goal = panes[PaneKind.GOALS].goals[0]  # type: ignore[attr-defined]
    row = panes[PaneKind.PLAN].rows[0]  # type: ignore[attr-defined]

    calendar.day = date(2026, 4, 13)
    follow_up = service.open_student_meeting(student_id)
    assert follow_up.meeting.meeting_type is MeetingType.FOLLOW_UP_1
    assert follow_up.goals == (goal,) and follow_up.plan_items == (row,)
    carried_goals = follow_up.content(PaneKind.GOALS)
    carried_plan = follow_up.content(PaneKind.PLAN)
    assert isinstance(carried_goals, GoalsContent) and carried_goals.goals == (goal,)
    assert isinstance(carried_plan, PlanContent) and carried_plan.rows == (row,)

    # A goal agreed in the closed meeting is not edited: a change is a new goal.
    changed = GoalsContent(goals=(Goal(**{**_fields(goal), "target": "90 wcpm"}),))
    with pytest.raises(MeetingClosed):
        service.save_content_batch({follow_up.meeting_id: {PaneKind.GOALS: changed}})
    # Reviewing them is this meeting's own record.
    reviewed_goals = GoalsContent(
        goals=(goal,), reviews=(GoalReview(goal.id, GoalRating.PROGRESSING, "62 wcpm"),)
    )
    reviewed_plan = PlanContent(
        rows=(row,), reviews=(PlanItemReview(row.id, PlanDecision.STOP, "", True),)
    )
    follow_panes = complete_panes(follow_up)
    follow_panes.update({PaneKind.GOALS: reviewed_goals, PaneKind.PLAN: reviewed_plan})
    service.save_content_batch({follow_up.meeting_id: follow_panes})  # type: ignore[dict-item]
    assert service.close_meeting(follow_up.meeting_id).next_meeting_type is (
        MeetingType.FOLLOW_UP_2
    )
    calendar.day = date(2026, 5, 25)
    second = service.open_student_meeting(student_id)
    assert second.meeting.meeting_type is MeetingType.FOLLOW_UP_2
    carried = second.content(PaneKind.PLAN)
    assert isinstance(carried, PlanContent) and carried.rows == ()  # stopped, not carried


def _fields(goal: Goal) -> dict[str, object]:
    return {name: getattr(goal, name) for name in Goal.__slots__}


@pytest.mark.parametrize("wrong", ["typed", ProblemContent(notes="typed")])
def test_only_the_panes_own_content_type_is_stored_and_a_refusal_stores_nothing(
    service: MeetingSessionService, student_id: int, wrong: object
) -> None:
    """A plain string (as free-text panes once sent) or another pane's content is refused,
    not retried for ever by the autosave, and nothing of its batch is stored."""
    opened = service.open_student_meeting(student_id)
    strengths = StrengthsContent(
        items=(Strength("Helps younger students", StrengthArea.SOCIAL_EMOTIONAL),), notes="old"
    )
    service.save_content_batch({opened.meeting_id: {PaneKind.STRENGTHS: strengths}})
    batch = {PaneKind.WELCOME: with_notes(PaneKind.WELCOME, "kept?"), PaneKind.STRENGTHS: wrong}
    with pytest.raises(InvalidField) as refused:
        service.save_content_batch({opened.meeting_id: batch})  # type: ignore[dict-item]
    assert refused.value.field == "strengths" and refused.value.code is LimitCode.DAMAGED
    again = service.meeting(opened.meeting_id)
    assert again.content(PaneKind.STRENGTHS) == strengths
    assert again.content(PaneKind.WELCOME).notes == ""


def test_the_autosaver_stores_structured_content_durably(
    record: OpenRecord, service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id)
    panes = complete_panes(opened)
    saver = PaneAutosaver(service.save_content_batch, quiet_s=30, max_delay_s=60)
    try:
        for kind, content in panes.items():
            saver.submit(opened.meeting_id, kind, content)  # type: ignore[arg-type]
        problem = with_notes(PaneKind.PROBLEM, "Reads 48 wcpm")
        saver.submit(opened.meeting_id, PaneKind.PROBLEM, problem)
        assert saver.flush(timeout=10)
    finally:
        saver.close()
    again = service.meeting(opened.meeting_id)
    for kind, content in panes.items():
        assert again.content(kind) == content
    assert again.content(PaneKind.PROBLEM) == problem
    assert again.meeting.created_at is not None
    assert again.meeting.created_at.tzinfo is UTC
    assert again.meeting.created_at <= datetime.now(UTC)


def test_a_goal_of_another_case_is_refused(service: MeetingSessionService, student_id: int) -> None:
    opened = service.open_student_meeting(student_id)
    assert opened.meeting.uuid is not None
    stranger = Goal(id=uuid.uuid4(), case_id=UUID(int=7), introduced_in=opened.meeting.uuid)
    with pytest.raises(Exception, match="case_id"):
        service.save_content_batch(
            {opened.meeting_id: {PaneKind.GOALS: GoalsContent(goals=(stranger,))}}
        )
    assert service.meeting(opened.meeting_id).goals == ()


def test_the_demo_record_shows_a_closed_initial_meeting_and_an_open_follow_up(
    record: OpenRecord,
) -> None:
    from sspt_desktop.domain.closure_check import all_missing
    from sspt_desktop.services.demo_data import seed_demo_record

    follow_up_id = seed_demo_record(record.sessions, today=MEETING_DAY)
    service = MeetingSessionService(record.sessions)
    follow_up = service.meeting(follow_up_id)
    assert follow_up.meeting.meeting_type is MeetingType.FOLLOW_UP_1
    assert not follow_up.read_only
    (case,) = follow_up.history
    initial_entry = case.meetings[1]
    assert initial_entry.meeting_type is MeetingType.INITIAL
    assert initial_entry.status is MeetingStatus.CLOSED
    initial = service.meeting(initial_entry.meeting_id)
    assert all_missing(initial.panes, initial.meeting.uuid, initial.meeting.meeting_date) == ()
    assert follow_up.goals and follow_up.plan_items
    # Every pane of both meetings is filled: its structured part and its notes.
    for opened in (initial, follow_up):
        for kind in PaneKind:
            content = opened.content(kind)
            assert content.notes.strip(), (opened.meeting.meeting_type, kind)
            assert content != with_notes(kind, content.notes), (opened.meeting.meeting_type, kind)
        assert opened.arrangements.start_time is not None
        assert opened.arrangements.invited_how is not None
    # The follow-up could close as it stands: the carried goal and rows are reviewed, and the
    # ideas chosen in it became plan rows of its own.
    assert all_missing(follow_up.panes, follow_up.meeting.uuid, MEETING_DAY) == ()
    ideas = follow_up.panes.brainstorm.ideas
    assert len(ideas) >= 3 and any(i.chosen for i in ideas) and not all(i.chosen for i in ideas)
    from_ideas = {row.from_idea for row in follow_up.panes.plan.rows}
    assert {i.id for i in ideas if i.chosen} <= from_ideas
    carried = [row for row in follow_up.plan_items if row.introduced_in == initial.meeting.uuid]
    assert {r.plan_item_id for r in follow_up.panes.plan.reviews} == {r.id for r in carried}
    assert follow_up.case.description and follow_up.case.concern_areas and follow_up.case.tried
