"""Students and meetings as plain records: find and add students, read a meeting as stored.

The window opens, saves and closes meetings through :class:`~sspt_desktop.services.
meeting_session.MeetingSessionService`; this service keeps the student list, the meeting the
notes export reads, and a text-only way to write panes' notes that scripts and the benchmarks
use (each text becomes that pane's notes, see :mod:`pane_saving`). Which meeting comes next is
decided by :mod:`sspt_desktop.domain.meeting_sequence`, in one place for both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.student import Student
from sspt_desktop.services.case_continuation import current_or_new_meeting
from sspt_desktop.services.pane_saving import ContentBatch, PaneSaver
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage.repositories import MeetingRepository, meeting_from_row
from sspt_desktop.storage.students import StudentRepository
from sspt_desktop.storage.utc_timestamp import utc_now


class MeetingRecordService:
    """Students and their meetings, for the main window. Each call is one short transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], today: Callable[[], date] = date.today
    ) -> None:
        self._sessions = sessions
        self._today = today
        self._students = StudentRecords(sessions)
        self._student_rows = StudentRepository()
        self._meetings = MeetingRepository()
        self._saver = PaneSaver()

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

    def current_meeting(
        self, student_id: int, location: str = "", agenda_json: str | None = None
    ) -> Meeting:
        """The student's open meeting, or a new one of the right type dated today (in the
        student's open case, or a new case)."""
        with self._sessions.begin() as session:
            student = self._student_rows.row(session, student_id)
            if student is None:
                raise InvalidInput("That student is no longer in the record.")
            row = current_or_new_meeting(
                session,
                student,
                today=self._today(),
                now=utc_now(),
                agenda_json=agenda_json,
                location=location,
            )
            session.flush()
            session.refresh(row)
            return meeting_from_row(row)

    def save_panes(self, meeting_id: int, texts: Mapping[str, str]) -> None:
        self.save_pane_batch({meeting_id: {PaneKind(pane): text for pane, text in texts.items()}})

    def save_pane_batch(self, batch: ContentBatch) -> None:
        """Write panes of one or more meetings in one durable commit (the autosave's unit):
        a text becomes its pane's notes, the rest of the pane's content is kept; typed
        content is stored whole."""
        with self._sessions.begin() as session:
            self._saver.save(session, batch, utc_now())
