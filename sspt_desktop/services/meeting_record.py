"""Students and meetings as plain records: find and add students, read a meeting as stored.

The window opens, saves and closes meetings, and reads their panes' typed content, through
:class:`~sspt_desktop.services.meeting_session.MeetingSessionService`; this service keeps the
student list and reads a meeting's own fields (type, date, status, attendees).
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.student import Student
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage.repositories import MeetingRepository


class MeetingRecordService:
    """Students and their meetings, for the main window. Each call is one short transaction."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._students = StudentRecords(sessions)
        self._meetings = MeetingRepository()

    @property
    def students(self) -> StudentRecords:
        return self._students

    def find_students(self, text: str = "") -> list[Student]:
        return self._students.search(text)

    def student(self, student_id: int) -> Student | None:
        return self._students.get(student_id)

    def add_student(self, student: Student) -> Student:
        return self._students.add(student)

    def meeting(self, meeting_id: int) -> Meeting | None:
        with self._sessions() as session:
            return self._meetings.get(session, meeting_id)
