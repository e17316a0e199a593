"""The recorder's use cases: find a student, open their meeting, keep what was typed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import sqlalchemy.exc
from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import Meeting, MeetingStatus, MeetingType
from sspt_desktop.domain.student import Student
from sspt_desktop.storage.errors import RecordUnavailable
from sspt_desktop.storage.repositories import MeetingRepository, StudentRepository

_FOLLOW_UPS = (
    MeetingType.FOLLOW_UP_1,
    MeetingType.FOLLOW_UP_2,
    MeetingType.FOLLOW_UP_3,
)


def next_meeting_type(previous: list[Meeting]) -> MeetingType:
    """Initial first; then first, second, third follow-up (seed 000's meeting types)."""
    referral_meetings = [m for m in previous if m.meeting_type.is_student_referral]
    if not referral_meetings:
        return MeetingType.INITIAL
    follow_ups = sum(1 for m in referral_meetings if m.meeting_type in _FOLLOW_UPS)
    return _FOLLOW_UPS[min(follow_ups, len(_FOLLOW_UPS) - 1)]


class MeetingRecordService:
    """Students and their meetings, for the main window. Each call is one short transaction."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._students = StudentRepository()
        self._meetings = MeetingRepository()

    def find_students(self, text: str = "") -> list[Student]:
        with self._sessions() as session:
            return self._students.search(session, text)

    def student(self, student_id: int) -> Student | None:
        with self._sessions() as session:
            return self._students.get(session, student_id)

    def add_student(self, student: Student) -> Student:
        try:
            with self._sessions.begin() as session:
                if self._students.number_taken(session, student.student_number):
                    raise InvalidInput(
                        f"A student with ID {student.student_number} is already in the record."
                    )
                return self._students.add(session, student)
        except sqlalchemy.exc.DBAPIError:
            raise RecordUnavailable(
                "The student could not be saved just now (the disk may be full or the "
                "database busy). Nothing else changed; try again in a moment."
            ) from None

    def meetings_for(self, student_id: int) -> list[Meeting]:
        with self._sessions() as session:
            return self._meetings.for_student(session, student_id)

    def meeting(self, meeting_id: int) -> Meeting | None:
        with self._sessions() as session:
            return self._meetings.get(session, meeting_id)

    def current_meeting(
        self, student_id: int, location: str = "", agenda_json: str | None = None
    ) -> Meeting:
        """The student's open meeting, or a new one of the right type dated today."""
        with self._sessions.begin() as session:
            meetings = self._meetings.for_student(session, student_id)
            for meeting in meetings:
                if meeting.status is not MeetingStatus.CLOSED:
                    return meeting
            new = Meeting(
                id=None,
                student_id=student_id,
                meeting_type=next_meeting_type(meetings),
                meeting_date=date.today(),
                location=location,
                previous_meeting_id=meetings[0].id if meetings else None,
            )
            return self._meetings.add(session, new, agenda_json)

    def save_panes(self, meeting_id: int, texts: Mapping[str, str]) -> None:
        self.save_pane_batch({meeting_id: texts})

    def save_pane_batch(self, batch: Mapping[int, Mapping[str, str]]) -> None:
        """Write pane texts of one or more meetings in one durable commit (the autosave's unit)."""
        with self._sessions.begin() as session:
            for meeting_id, texts in batch.items():
                self._meetings.save_panes(session, meeting_id, texts)
