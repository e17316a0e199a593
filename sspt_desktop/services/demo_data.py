"""A realistic, invented sample record for ``--demo``: a few students, one student's referral,
her closed initial meeting and her first follow-up under way, every pane of both filled.

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
from sspt_desktop.domain.case import PriorIntervention
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import Attendee, Role
from sspt_desktop.domain.meeting_arrangements import InvitationMethod, MeetingArrangements
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind
from sspt_desktop.domain.plan_item import PlanDecision, PlanItem, PlanItemReview, Tier
from sspt_desktop.domain.plan_pane import PlanContent, rows_from_chosen
from sspt_desktop.domain.problem_pane import Baseline, ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.services.meeting_session import MeetingSessionService, OpenedMeeting
from sspt_desktop.services.record_details import MeetingDetails
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
_PLANNING = "Ms. Kim", "Ms. Reyes"
#: The library entry (seed 003, Tier 2) the follow-up's phonics group was taken from.
_SMALL_GROUP = "tier2-targeted-small-group-or-individual-interventions"

_CONCERNS = (ConcernArea.ACADEMIC, ConcernArea.LANGUAGE_DEVELOPMENT)
_DESCRIPTION = (
    "Daniela reads aloud slowly and loses the meaning of longer passages. She works hard but "
    "avoids reading in front of the class. Spanish is her home language; her spoken English "
    "is strong."
)
_TRIED = (
    PriorIntervention(
        "Guided reading group, 3 times a week", "8 weeks", "44 to 48 wcpm; benchmark 87"
    ),
    PriorIntervention(
        "Seat near the teacher during reading", "4 weeks", "More on task; fluency unchanged"
    ),
)


def _initial_panes(
    opened: OpenedMeeting, new_id: Callable[[], UUID]
) -> dict[PaneKind, PaneContent]:
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
                responsible=_PLANNING[index],
                location="Classroom" if index == 0 else "Home",
                how_often="daily, 15 minutes" if index == 0 else "three evenings a week",
                progress_measure="one-minute reading probe",
                measure_how_often="weekly",
                family_at_home="Listen to Daniela read one page aloud each evening.",
            )
            for index, row in enumerate(plan.rows)
        ),
        notes="Partner reading during the first 15 minutes of the literacy block.",
    )
    return {
        PaneKind.WELCOME: WelcomeContent(
            attendance=(*(AttendanceRow(a.name, a.role) for a in _ATTENDEES), _INTERPRETER),
            purpose="Share Daniela's strengths and agree on a plan for reading fluency.",
            notes="Introductions made. Mother (Ms. Reyes) attending with a Spanish interpreter.",
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
            notes=(
                "Kind to classmates and helps younger students at recess.\n"
                "Strong in math facts; loves drawing and science experiments.\n"
                "Attendance 97% this year."
            ),
        ),
        PaneKind.PROBLEM: ProblemContent(
            concern_area=ConcernArea.ACADEMIC,
            problem="Reads grade-level text at 48 words correct per minute (benchmark 87).",
            baseline=Baseline(
                "words correct per minute", "one-minute reading probe", "48", day - timedelta(7)
            ),
            where_and_when="Independent reading in class, most in the afternoon.",
            notes="Accuracy is good (95%); speed and phrasing are the concern, not decoding.",
        ),
        PaneKind.GOALS: GoalsContent(
            goals=(goal,), notes="Target is the winter benchmark for the middle of 4th grade."
        ),
        PaneKind.BRAINSTORM: brainstorm,
        PaneKind.PLAN: plan,
        PaneKind.CLOSURE: ClosureContent(
            action_items=(
                ActionItem(new_id(), "Send the plan home in Spanish", "Mr. Chen", day),
                ActionItem(new_id(), "Set up the reading probes", "Ms. Kim", day + timedelta(3)),
            ),
            follow_up_date=day + timedelta(weeks=6),
            follow_up_time=time(15, 30),
            notes="Ms. Reyes thanked the team; Mr. Chen will call her after two weeks.",
        ),
    }


def _follow_up_panes(
    opened: OpenedMeeting, new_id: Callable[[], UUID]
) -> dict[PaneKind, PaneContent]:
    """Every pane of the follow-up under way: the case's goal and plan rows reviewed, new
    ideas chosen and made plan rows, the next follow-up set."""
    meeting_uuid, day = opened.meeting.uuid, opened.meeting.meeting_date
    assert meeting_uuid is not None
    goals, carried = opened.panes.goals, opened.panes.plan
    goal = goals.goals[0]
    brainstorm = BrainstormContent(
        ideas=(
            Idea(
                new_id(),
                "Small-group phonics on words of three or more syllables",
                _SMALL_GROUP,
                chosen=True,
            ),
            Idea(new_id(), "Preview science vocabulary on Mondays", chosen=True),
            Idea(new_id(), "Reader's theatre with classmates"),
            Idea(new_id(), "Bilingual picture dictionary at home"),
        ),
        notes="Reader's theatre kept in mind for the spring, once she reads aloud with ease.",
    )
    plan = rows_from_chosen(
        replace(
            carried,
            reviews=tuple(
                PlanItemReview(row.id, PlanDecision.CONTINUE, "", True, "Done as planned.")
                for row in carried.rows
            ),
            notes="Both rows continue unchanged; the new rows start next Monday.",
        ),
        brainstorm,
        case_id=opened.case.id,
        meeting_id=meeting_uuid,
        start=day + timedelta(days=7 - day.weekday()),
        new_id=new_id,
    )
    added = {row.id for row in plan.rows} - {row.id for row in carried.rows}
    details = iter(
        (
            ("Mrs. Patel", "Resource room", "twice a week", "20 minutes", "weekly"),
            ("Ms. Kim", "Classroom", "every Monday", "10 minutes", "every two weeks"),
        )
    )
    plan = replace(
        plan,
        rows=tuple(
            row if row.id not in added else _new_row(row, goal.id, *next(details))
            for row in plan.rows
        ),
    )
    return {
        PaneKind.WELCOME: WelcomeContent(
            attendance=(*(AttendanceRow(a.name, a.role) for a in _ATTENDEES), _INTERPRETER),
            purpose="Review Daniela's reading plan after six weeks and decide what comes next.",
            notes="Same team as the initial meeting; Mr. Ruiz interpreting again.",
        ),
        PaneKind.STRENGTHS: StrengthsContent(
            items=(
                Strength(
                    "Reads to her little brother in Spanish every evening",
                    StrengthArea.FAMILY_AND_COMMUNITY,
                ),
                Strength("Volunteered to read her science report aloud", StrengthArea.ACADEMIC),
                Strength("Keeps her reading log without reminders", StrengthArea.BEHAVIOURAL),
            ),
            notes="Her partner says she now asks to read first.",
        ),
        PaneKind.PROBLEM: ProblemContent(
            concern_area=ConcernArea.ACADEMIC,
            problem=(
                "Reads grade-level text at 61 words correct per minute (benchmark 87); slows "
                "down on words of three or more syllables."
            ),
            baseline=Baseline(
                "words correct per minute", "one-minute reading probe", "61", day - timedelta(4)
            ),
            where_and_when="Science and social studies texts with new vocabulary.",
            notes="Six weekly probes: 48, 50, 53, 55, 58, 61.",
        ),
        PaneKind.GOALS: replace(
            goals,
            reviews=(GoalReview(goal.id, GoalRating.PROGRESSING, "Now 61 wcpm."),),
            notes="On track for 70 by the goal date if the trend holds.",
        ),
        PaneKind.BRAINSTORM: brainstorm,
        PaneKind.PLAN: plan,
        PaneKind.CLOSURE: ClosureContent(
            action_items=(
                ActionItem(new_id(), "Add Daniela to the phonics group", "Mrs. Patel", day),
                ActionItem(
                    new_id(), "Send the science word list home", "Ms. Kim", day + timedelta(4)
                ),
            ),
            follow_up_date=day + timedelta(weeks=6),
            follow_up_time=time(15, 30),
            notes="Mother will bring the library's Spanish audio book list next time.",
        ),
    }


def _new_row(
    row: PlanItem,
    goal_id: UUID,
    responsible: str,
    location: str,
    how_often: str,
    how_long: str,
    measured: str,
) -> PlanItem:
    return replace(
        row,
        tier=Tier.SELECTED,
        goal_ids=(goal_id,),
        responsible=responsible,
        location=location,
        how_often=how_often,
        how_long=how_long,
        progress_measure="one-minute reading probe with science words",
        measure_how_often=measured,
        family_at_home="Practise the week's five long words at dinner.",
    )


def _details(opened: OpenedMeeting, invited_on: date, how: InvitationMethod) -> MeetingDetails:
    meeting = opened.meeting
    return MeetingDetails(
        meeting.meeting_date,
        meeting.meeting_type,
        meeting.location,
        MeetingArrangements(time(15, 30), how, invited_on),
    )


def seed_demo_record(sessions: sessionmaker[Session], today: date | None = None) -> int:
    """Fill an empty record with the sample students: Daniela's referral, her initial meeting
    closed six weeks ago with every pane filled, and her first follow-up under way today with
    every pane filled (its goal and plan rows carried forward and reviewed). Return the id of
    the follow-up."""
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
    meetings.update_case(
        replace(
            initial.case,
            opened_on=initial_day - timedelta(days=12),
            concern_areas=_CONCERNS,
            description=_DESCRIPTION,
            tried=_TRIED,
        )
    )
    meetings.update_meeting_details(
        initial.meeting_id,
        _details(initial, initial_day - timedelta(days=7), InvitationMethod.PHONE),
    )
    meetings.save_content_batch({initial.meeting_id: _initial_panes(initial, uuid4)})
    meetings.close_meeting(initial.meeting_id)
    calendar["day"] = day
    follow_up = meetings.open_student_meeting(daniela.id, location="Room 12")
    meetings.update_meeting_details(
        follow_up.meeting_id, _details(follow_up, day - timedelta(days=10), InvitationMethod.LETTER)
    )
    meetings.save_content_batch({follow_up.meeting_id: _follow_up_panes(follow_up, uuid4)})
    with sessions.begin() as session:
        for meeting_id in (initial.meeting_id, follow_up.meeting_id):
            row = session.get(MeetingRow, meeting_id)
            assert row is not None
            row.attendees = [
                AttendeeRow(position=i, name=a.name, role=a.role.value)
                for i, a in enumerate(_ATTENDEES)
            ]
    return follow_up.meeting_id
