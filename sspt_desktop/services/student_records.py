"""Students: add and edit with the full profile, search as you type, refuse duplicate IDs.

Typed fields are checked by the domain (:func:`~sspt_desktop.domain.student_profile.check_student`
and the profile's own limits) before anything is stored, so the refusal names the field. An ID
differing from another only in case or surrounding spaces is the same student.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy.exc
from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.student import Student
from sspt_desktop.domain.student_profile import StudentProfile, check_student
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.storage.errors import RecordUnavailable
from sspt_desktop.storage.students import StudentRepository


class DuplicateStudentNumber(InvalidInput):
    """Another student already has this ID (ignoring case)."""

    def __init__(self, student_number: str) -> None:
        self.field = "student_number"
        super().__init__(f"A student with ID {student_number.strip()} is already in the record.")


@contextmanager
def _saving() -> Iterator[None]:
    try:
        yield
    except sqlalchemy.exc.DBAPIError:
        raise RecordUnavailable(
            "The student could not be saved just now (the disk may be full or the "
            "database busy). Nothing else changed; try again in a moment."
        ) from None


def _checked(student: Student, profile: StudentProfile | None) -> None:
    check_student(student)
    if profile is None:
        return
    if profile.language_status is not student.language_status:
        raise InvalidField("language_status", LimitCode.DAMAGED, "profile and student differ")
    if student.uuid is not None and profile.student_id != student.uuid:
        raise InvalidField("student_id", LimitCode.DAMAGED, "the profile of another student")


class StudentRecords:
    """The students of the record. Each call is one short transaction."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._students = StudentRepository()

    def search(self, text: str = "", limit: int = 200) -> list[Student]:
        """Students whose name or ID holds every typed word, ignoring case and accents in
        every script; ``%`` and ``_`` match themselves. Sorted by last, then first name."""
        with self._sessions() as session:
            return self._students.search(session, text, limit)

    def get(self, student_id: int) -> Student | None:
        with self._sessions() as session:
            return self._students.get(session, student_id)

    def profile(self, student_id: int) -> StudentProfile | None:
        with self._sessions() as session:
            return self._students.profile(session, student_id)

    def add(self, student: Student, profile: StudentProfile | None = None) -> Student:
        """Store a new student (and profile). The profile names the student by UUID, so a
        student added with a profile must carry the same UUID."""
        _checked(student, profile)
        if profile is not None and student.uuid is None:
            raise InvalidField("student_id", LimitCode.DAMAGED, "the student has no UUID")
        with _saving(), self._sessions.begin() as session:
            if self._students.number_taken(session, student.student_number):
                raise DuplicateStudentNumber(student.student_number)
            return self._students.add(session, student, profile)

    def edit(self, student: Student, profile: StudentProfile | None = None) -> Student:
        """Change a stored student's fields (and, given one, the whole profile): a typo in a
        name is never permanent."""
        _checked(student, profile)
        if student.id is None:
            raise InvalidInput("Only a student already in the record can be edited.")
        with _saving(), self._sessions.begin() as session:
            if self._students.number_taken(session, student.student_number, student.id):
                raise DuplicateStudentNumber(student.student_number)
            try:
                return self._students.update(session, student, profile)
            except LookupError:
                raise InvalidInput("That student is no longer in the record.") from None
