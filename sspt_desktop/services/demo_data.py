"""A realistic, invented sample record for ``--demo``: a few students and one meeting under way.

Every name here is made up. The meeting text follows the agenda of seed 000 so a person trying
the app sees what a recorder would type.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.meeting import Attendee, Role
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.services.case_continuation import current_or_new_meeting
from sspt_desktop.services.pane_saving import PaneSaver
from sspt_desktop.storage.models import AttendeeRow
from sspt_desktop.storage.students import StudentRepository
from sspt_desktop.storage.utc_timestamp import utc_now

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

_PANES = {
    "welcome": "Introductions made. Mother (Ms. Reyes) attending with a Spanish interpreter.",
    "strengths": (
        "Kind to classmates and helps younger students at recess.\n"
        "Strong in math facts; loves drawing and science experiments.\n"
        "Attendance 97% this year."
    ),
    "problem": "",
}


def seed_demo_record(sessions: sessionmaker[Session], today: date | None = None) -> int:
    """Fill an empty record with the sample students; return the id of the sample meeting."""
    students = StudentRepository()
    day = today or date.today()
    now = utc_now()
    with sessions.begin() as session:
        stored = [students.add(session, s) for s in _STUDENTS]
        daniela = stored[0]
        assert daniela.id is not None
        row = students.row(session, daniela.id)
        assert row is not None
        meeting = current_or_new_meeting(
            session, row, today=day, now=now, agenda_json=None, location="Room 12"
        )
        meeting.attendees = [
            AttendeeRow(position=i, name=a.name, role=a.role.value)
            for i, a in enumerate(_ATTENDEES)
        ]
        PaneSaver().save(
            session, {meeting.id: {PaneKind(k): text for k, text in _PANES.items()}}, now
        )
        return meeting.id
