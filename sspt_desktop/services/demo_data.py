"""A realistic, invented sample record for ``--demo``: a few students, a closed initial meeting
with every pane filled, and its first follow-up under way.

Every name here is made up. The meeting text follows the agenda of seed 000 so a person trying
the app sees what a recorder would type.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time, timedelta
from uuid import UUID, uuid4

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import Attendee, Role
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanDecision, PlanItemReview, Tier
from sspt_desktop.domain.plan_pane import PlanContent, rows_from_chosen
from sspt_desktop.domain.problem_pane import Baseline, ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.services.meeting_session import MeetingSessionService, OpenedMeeting
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage.models import AttendeeRow, MeetingRow
from sspt_desktop.storage.students import StudentRepository

_STUDENTS = (
    Student(
        None,
        "1029384",
        "Daniela",
        "Reyes",
        "4",
        date(2016, 3, 14),
        LanguageStatus.ENGLISH_LEARNER,
        "es",
        "Ms. Kim (4th grade teacher)",
    ),
    Student(
        None,
        "1031177",
        "Marcus",
        "Thompson",
        "6",
        date(2014, 9, 2),
        LanguageStatus.ENGLISH_ONLY,
        "en",
        "Mr. Alvarez (counselor)",
    ),
    Student(
        None,
        "1040552",
        "Aiyana",
        "Begay",
        "2",
        date(2018, 1, 23),
        LanguageStatus.ENGLISH_ONLY,
        "en",
        "Mrs. Lee (2nd grade teacher)",
    ),
    Student(
        None,
        "1022810",
        "Tuan",
        "Nguyen",
        "5",
        date(2015, 7, 30),
        LanguageStatus.RECLASSIFIED,
        "vi",
        "Ms. Kim (ELD coordinator)",
    ),
    Student(
        None,
        "1037745",
        "Sofia",
        "Hernández",
        "3",
        date(2017, 11, 5),
        LanguageStatus.ENGLISH_LEARNER,
        "es",
        "Mr. Park (3rd grade teacher)",
    ),
)

_ATTENDEES = (
    Attendee("Ms. Ortiz (assistant principal)", Role.FACILITATOR),
    Attendee("Mr. Chen (counselor)", Role.TIMEKEEPER),
    Attendee("Ms. Kim (teacher)", Role.RECORDER),
    Attendee("Mrs. Patel (school psychologist)", Role.CASE_MANAGER),
    Attendee("Ms. Reyes (mother)", Role.PARENT),
)
_INTERPRETER = AttendanceRow("Mr. Ruiz (interpreter)", Role.INTERPRETER, "Spanish")

_PANES = {
    "welcome": "Introductions made. Mother (Ms. Reyes) attending with a Spanish interpreter.",
    "strengths": (
        "Kind to classmates and helps younger students at recess.\n"
        "Strong in math facts; loves drawing and science experiments.\n"
        "Attendance 97% this year."
    ),
    "problem": "",
}


def _initial_panes(opened: OpenedMeeting, new_id: Callable[[], UUID]) -> dict[PaneKind, object]:
    """Every pane of the initial meeting, as a recorder would have filled it."""
    meeting_uuid, day = opened.meeting.uuid, opened.meeting.meeting_date
    assert meeting_uuid is not None
    goal = Goal(
        id=new_id(),
        case_id=opened.case.id,
        introduced_in=meeting_uuid,
        by_date=day + timedelta(weeks=12),
        student_will="read a grade-level passage aloud",
        condition="in a one-minute timed reading",
        baseline="48 words correct per minute",
        target="70 words correct per minute",
        measured_by="weekly one-minute reading probe",
        how_often="every Friday",
    )
    ideas = tuple(
        Idea(new_id(), text, chosen=chosen)
        for text, chosen in (
            ("Repeated reading with a partner", True),
            ("Reading buddy from the 5th grade", False),
            ("Audio books at home in Spanish and English", True),
        )
    )
    brainstorm = BrainstormContent(ideas=ideas, notes="Mother will ask the library for a card.")
    plan = rows_from_chosen(
        PlanContent(),
        brainstorm,
        case_id=opened.case.id,
        meeting_id=meeting_uuid,
        start=day + timedelta(days=1),
        new_id=new_id,
    )
    plan = replace(
        plan,
        rows=tuple(
            replace(
                row,
                tier=Tier.SELECTED,
                goal_ids=(goal.id,),
                responsible="Ms. Kim" if index == 0 else "Ms. Reyes",
                location="Classroom" if index == 0 else "Home",
                how_often="daily, 15 minutes" if index == 0 else "three evenings a week",
                progress_measure="one-minute reading probe",
                measure_how_often="weekly",
                family_at_home="Listen to Daniela read one page aloud each evening.",
            )
            for index, row in enumerate(plan.rows)
        ),
    )
    return {
        PaneKind.WELCOME: WelcomeContent(
            attendance=(
                *(AttendanceRow(a.name, a.role) for a in _ATTENDEES),
                _INTERPRETER,
            ),
            purpose="Share Daniela's strengths and agree on a plan for reading fluency.",
            notes=_PANES["welcome"],
        ),
        PaneKind.STRENGTHS: StrengthsContent(
            items=(
                Strength(
                    "Kind to classmates; helps younger students", StrengthArea.SOCIAL_EMOTIONAL
                ),
                Strength("Strong in math facts", StrengthArea.ACADEMIC),
                Strength(
                    "Loves drawing and science experiments", StrengthArea.INTERESTS_AND_TALENTS
                ),
                Strength("Attendance 97% this year", StrengthArea.BEHAVIOURAL),
            ),
            notes=_PANES["strengths"],
        ),
        PaneKind.PROBLEM: ProblemContent(
            concern_area=ConcernArea.ACADEMIC,
            problem="Reads grade-level text at 48 words correct per minute (benchmark 87).",
            baseline=Baseline(
                "words correct per minute", "one-minute reading probe", "48", day - timedelta(7)
            ),
            where_and_when="Independent reading in class, most in the afternoon.",
        ),
        PaneKind.GOALS: GoalsContent(goals=(goal,)),
        PaneKind.BRAINSTORM: brainstorm,
        PaneKind.PLAN: plan,
        PaneKind.CLOSURE: ClosureContent(
            action_items=(
                ActionItem(new_id(), "Send the plan home in Spanish", "Mr. Chen", day),
                ActionItem(new_id(), "Set up the reading probes", "Ms. Kim", day + timedelta(3)),
            ),
            follow_up_date=day + timedelta(weeks=6),
            follow_up_time=time(15, 30),
        ),
    }


def seed_demo_record(sessions: sessionmaker[Session], today: date | None = None) -> int:
    """Fill an empty record with the sample students: Daniela's initial meeting, closed six
    weeks ago with every pane filled, and her first follow-up under way today (its goals and
    plan carried forward). Return the id of the follow-up."""
    day = today or date.today()
    with sessions.begin() as session:
        for student in _STUDENTS:
            StudentRepository().add(session, student)
    daniela = StudentRecords(sessions).search("1029384")[0]
    assert daniela.id is not None
    initial_day = day - timedelta(weeks=6)
    calendar = {"day": initial_day}
    meetings = MeetingSessionService(sessions, today=lambda: calendar["day"])
    initial = meetings.open_student_meeting(daniela.id, location="Room 12")
    meetings.save_content_batch({initial.meeting_id: _initial_panes(initial, uuid4)})  # type: ignore[dict-item]
    meetings.close_meeting(initial.meeting_id)
    calendar["day"] = day
    follow_up = meetings.open_student_meeting(daniela.id, location="Room 12")
    goals = follow_up.content(PaneKind.GOALS)
    plan = follow_up.content(PaneKind.PLAN)
    assert isinstance(goals, GoalsContent) and isinstance(plan, PlanContent)
    first_goal = goals.goals[0]
    meetings.save_content_batch(
        {
            follow_up.meeting_id: {
                PaneKind.WELCOME: WelcomeContent(
                    attendance=tuple(AttendanceRow(a.name, a.role) for a in _ATTENDEES),
                    purpose="Review Daniela's reading plan after six weeks.",
                    notes=_PANES["welcome"],
                ),
                PaneKind.GOALS: replace(
                    goals,
                    reviews=(GoalReview(first_goal.id, GoalRating.PROGRESSING, "Now 61 wcpm."),),
                ),
                PaneKind.PLAN: replace(
                    plan,
                    reviews=tuple(
                        PlanItemReview(row.id, PlanDecision.CONTINUE, "", True) for row in plan.rows
                    ),
                ),
            }
        }
    )
    with sessions.begin() as session:
        for meeting_id in (initial.meeting_id, follow_up.meeting_id):
            row = session.get(MeetingRow, meeting_id)
            assert row is not None
            row.attendees = [
                AttendeeRow(position=i, name=a.name, role=a.role.value)
                for i, a in enumerate(_ATTENDEES)
            ]
    return follow_up.meeting_id
