"""Students and their profiles: rows to domain objects and back, search, duplicate IDs.

Search is one ``LIKE`` per typed word on the ``search_key`` column (see
:mod:`sspt_desktop.storage.student_keys`), with ``%`` and ``_`` escaped so they match
themselves; the list is ordered by ``sort_key``. The index on ``(sort_key, id, search_key)``
(revision 0003) serves both: SQLite walks it in list order and tests the words on its
entries, so only matching students' rows are read. Nothing here commits.
"""

from __future__ import annotations

import uuid as uuid_module
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.domain.student_profile import Caregiver, StudentProfile
from sspt_desktop.domain.text_search import search_key
from sspt_desktop.storage.models import CaregiverRow, StudentRow
from sspt_desktop.storage.student_keys import like_pattern, number_key, student_keys
from sspt_desktop.storage.utc_timestamp import utc_now

_PROFILE_FIELDS = (
    "school",
    "teacher",
    "home_language",
    "eld_level",
    "iep",
    "plan_504",
    "suspected_disability",
    "foster_youth",
    "homeless",
    "ethnicity",
)


def student_from_row(row: StudentRow) -> Student:
    return Student(
        id=row.id,
        student_number=row.student_number,
        first_name=row.first_name,
        last_name=row.last_name,
        grade=row.grade,
        birth_date=row.birth_date,
        language_status=LanguageStatus(row.language_status),
        preferred_language=row.preferred_language,
        referred_by=row.referred_by,
        uuid=UUID(row.uuid),
    )


def profile_from_row(row: StudentRow) -> StudentProfile:
    return StudentProfile(
        student_id=UUID(row.uuid),
        language_status=LanguageStatus(row.language_status),
        caregivers=tuple(
            Caregiver(
                name=c.name,
                relationship=c.relation,
                phone=c.phone,
                email=c.email,
                preferred_language=c.preferred_language,
                interpreter_needed=c.interpreter_needed,
            )
            for c in row.caregivers
        ),
        **{name: getattr(row, name) for name in _PROFILE_FIELDS},
    )


def _write(row: StudentRow, student: Student, profile: StudentProfile | None) -> None:
    row.student_number = student.student_number.strip()
    row.first_name = student.first_name.strip()
    row.last_name = student.last_name.strip()
    row.grade = student.grade
    row.birth_date = student.birth_date
    row.language_status = student.language_status.value
    row.preferred_language = student.preferred_language
    row.referred_by = student.referred_by
    keys = student_keys(row.first_name, row.last_name, row.student_number)
    row.search_key, row.sort_key, row.number_key = keys.search_key, keys.sort_key, keys.number_key
    if profile is None:
        return
    for name in _PROFILE_FIELDS:
        setattr(row, name, getattr(profile, name))
    row.caregivers = [
        CaregiverRow(
            position=i,
            name=c.name,
            relation=c.relationship,
            phone=c.phone,
            email=c.email,
            preferred_language=c.preferred_language,
            interpreter_needed=c.interpreter_needed,
        )
        for i, c in enumerate(profile.caregivers)
    ]


class StudentRepository:
    """Students: search by name or ID, add, edit, fetch with or without their profile."""

    def search(self, session: Session, text: str = "", limit: int = 200) -> list[Student]:
        """Students whose names or ID contain every typed word, caseless and accentless."""
        query = select(StudentRow).order_by(StudentRow.sort_key, StudentRow.id)
        for word in search_key(text).split():
            pattern = like_pattern(word)
            if pattern is not None:
                query = query.where(StudentRow.search_key.like(pattern, escape="\\"))
        return [student_from_row(row) for row in session.scalars(query.limit(limit))]

    def get(self, session: Session, student_id: int) -> Student | None:
        row = session.get(StudentRow, student_id)
        return student_from_row(row) if row is not None else None

    def row(self, session: Session, student_id: int) -> StudentRow | None:
        return session.get(StudentRow, student_id)

    def by_uuid(self, session: Session, student_uuid: UUID) -> StudentRow | None:
        return session.scalar(select(StudentRow).where(StudentRow.uuid == str(student_uuid)))

    def profile(self, session: Session, student_id: int) -> StudentProfile | None:
        query = (
            select(StudentRow)
            .where(StudentRow.id == student_id)
            .options(selectinload(StudentRow.caregivers))
        )
        row = session.scalar(query)
        return profile_from_row(row) if row is not None else None

    def add(
        self, session: Session, student: Student, profile: StudentProfile | None = None
    ) -> Student:
        """Store a new student (a UUID is made unless the student brings one)."""
        now = utc_now()
        public = student.uuid if student.uuid is not None else uuid_module.uuid4()
        row = StudentRow(uuid=str(public), created_at=now, updated_at=now)
        if profile is None:
            profile = StudentProfile(student_id=public, language_status=student.language_status)
        _write(row, student, profile)
        session.add(row)
        session.flush()
        return student_from_row(row)

    def update(
        self, session: Session, student: Student, profile: StudentProfile | None = None
    ) -> Student:
        """Change a stored student's fields (and, given one, the whole profile)."""
        if student.id is None:
            raise LookupError("a student not stored yet")
        row = session.get(StudentRow, student.id)
        if row is None:
            raise LookupError(f"student {student.id}")
        _write(row, student, profile)
        row.updated_at = utc_now()
        session.flush()
        return student_from_row(row)

    def number_taken(
        self, session: Session, student_number: str, except_id: int | None = None
    ) -> bool:
        """Whether another student has this ID, ignoring case and surrounding spaces."""
        query = select(StudentRow.id).where(StudentRow.number_key == number_key(student_number))
        if except_id is not None:
            query = query.where(StudentRow.id != except_id)
        return session.scalar(query.limit(1)) is not None
