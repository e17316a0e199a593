"""A realistic, invented sample record for ``--demo``: a few students and one meeting under way.

Every name here is made up. The meeting text follows the agenda of seed 000 so a person trying
the app sees what a recorder would type.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.meeting import Attendee, Meeting, MeetingType, Role
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.storage.repositories import MeetingRepository, StudentRepository

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

_PANES = {
    "welcome": "Introductions made. Mother (Ms. Reyes) attending with a Spanish interpreter.",
    "strengths": (
        "Kind to classmates and helps younger students at recess.\n"
        "Strong in math facts; loves drawing and science experiments.\n"
        "Attendance 97% this year."
    ),
    "problem": "",
}


def seed_demo_record(sessions: sessionmaker[Session]) -> int:
    """Fill an empty record with the sample students; return the id of the sample meeting."""
    students = StudentRepository()
    meetings = MeetingRepository()
    with sessions.begin() as session:
        stored = [students.add(session, s) for s in _STUDENTS]
        daniela = stored[0]
        assert daniela.id is not None
        meeting = meetings.add(
            session,
            Meeting(
                id=None,
                student_id=daniela.id,
                meeting_type=MeetingType.INITIAL,
                meeting_date=date.today(),
                location="Room 12",
                attendees=[
                    Attendee("Ms. Ortiz (assistant principal)", Role.FACILITATOR),
                    Attendee("Mr. Chen (counselor)", Role.TIMEKEEPER),
                    Attendee("Ms. Kim (teacher)", Role.RECORDER),
                    Attendee("Mrs. Patel (school psychologist)", Role.CASE_MANAGER),
                    Attendee("Ms. Reyes (mother)", Role.PARENT),
                ],
                panes=dict(_PANES),
            ),
        )
        assert meeting.id is not None
        return meeting.id
