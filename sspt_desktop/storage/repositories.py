"""Repositories: the only code that turns rows into domain objects and back.

Each method takes the session it works in, so the caller (a service) decides what is one
transaction; nothing here commits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from sspt_desktop.domain.meeting import Attendee, Meeting, MeetingStatus, MeetingType, Role
from sspt_desktop.domain.segment_timing import SegmentTiming
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.storage.models import (
    AttendeeRow,
    MeetingRow,
    PaneTextRow,
    SegmentTimingRow,
    SettingRow,
    StudentRow,
)


def _now() -> datetime:
    return datetime.now()


def _student(row: StudentRow) -> Student:
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
    )


def _meeting(row: MeetingRow) -> Meeting:
    return Meeting(
        id=row.id,
        student_id=row.student_id,
        meeting_type=MeetingType(row.meeting_type),
        meeting_date=row.meeting_date,
        location=row.location,
        status=MeetingStatus(row.status),
        total_minutes=row.total_minutes,
        attendees=[Attendee(a.name, Role(a.role)) for a in row.attendees],
        panes={p.pane: p.body for p in row.panes},
        previous_meeting_id=row.previous_meeting_id,
        created_at=row.created_at,
    )


class StudentRepository:
    """Students: search by name or ID, add, fetch."""

    def search(self, session: Session, text: str = "", limit: int = 200) -> list[Student]:
        query = select(StudentRow).order_by(StudentRow.last_name, StudentRow.first_name)
        words = text.split()
        for word in words:
            pattern = f"%{word}%"
            query = query.where(
                or_(
                    StudentRow.first_name.ilike(pattern),
                    StudentRow.last_name.ilike(pattern),
                    StudentRow.student_number.ilike(pattern),
                )
            )
        return [_student(row) for row in session.scalars(query.limit(limit))]

    def get(self, session: Session, student_id: int) -> Student | None:
        row = session.get(StudentRow, student_id)
        return _student(row) if row is not None else None

    def add(self, session: Session, student: Student) -> Student:
        now = _now()
        row = StudentRow(
            student_number=student.student_number.strip(),
            first_name=student.first_name.strip(),
            last_name=student.last_name.strip(),
            grade=student.grade,
            birth_date=student.birth_date,
            language_status=student.language_status.value,
            preferred_language=student.preferred_language,
            referred_by=student.referred_by,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        return _student(row)

    def number_taken(self, session: Session, student_number: str) -> bool:
        query = select(StudentRow.id).where(StudentRow.student_number == student_number.strip())
        return session.scalar(query) is not None


class MeetingRepository:
    """Meetings with their attendees and pane texts."""

    def get(self, session: Session, meeting_id: int) -> Meeting | None:
        query = (
            select(MeetingRow)
            .where(MeetingRow.id == meeting_id)
            .options(selectinload(MeetingRow.attendees), selectinload(MeetingRow.panes))
        )
        row = session.scalar(query)
        return _meeting(row) if row is not None else None

    def for_student(self, session: Session, student_id: int) -> list[Meeting]:
        query = (
            select(MeetingRow)
            .where(MeetingRow.student_id == student_id)
            .order_by(MeetingRow.meeting_date.desc(), MeetingRow.id.desc())
            .options(selectinload(MeetingRow.attendees), selectinload(MeetingRow.panes))
        )
        return [_meeting(row) for row in session.scalars(query)]

    def add(self, session: Session, meeting: Meeting, agenda_json: str | None = None) -> Meeting:
        now = _now()
        row = MeetingRow(
            student_id=meeting.student_id,
            meeting_type=meeting.meeting_type.value,
            meeting_date=meeting.meeting_date,
            location=meeting.location,
            status=meeting.status.value,
            total_minutes=meeting.total_minutes,
            previous_meeting_id=meeting.previous_meeting_id,
            agenda_json=agenda_json,
            close_reason="",
            created_at=now,
            updated_at=now,
        )
        row.attendees = [
            AttendeeRow(position=i, name=a.name, role=a.role.value)
            for i, a in enumerate(meeting.attendees)
        ]
        row.panes = [
            PaneTextRow(pane=key, body=body, updated_at=now) for key, body in meeting.panes.items()
        ]
        session.add(row)
        session.flush()
        return _meeting(row)

    def save_panes(self, session: Session, meeting_id: int, texts: Mapping[str, str]) -> None:
        """Write pane texts (insert or update) for one meeting."""
        now = _now()
        existing = {
            row.pane: row
            for row in session.scalars(
                select(PaneTextRow).where(
                    PaneTextRow.meeting_id == meeting_id, PaneTextRow.pane.in_(list(texts))
                )
            )
        }
        for pane, body in texts.items():
            row = existing.get(pane)
            if row is None:
                session.add(
                    PaneTextRow(meeting_id=meeting_id, pane=pane, body=body, updated_at=now)
                )
            else:
                row.body = body
                row.updated_at = now
        meeting = session.get(MeetingRow, meeting_id)
        if meeting is not None:
            meeting.updated_at = now

    def agenda_json(self, session: Session, meeting_id: int) -> str | None:
        return session.scalar(select(MeetingRow.agenda_json).where(MeetingRow.id == meeting_id))


class SettingsRepository:
    """School-wide settings stored with the record (encrypted like everything else)."""

    def get(self, session: Session, key: str) -> str | None:
        row = session.get(SettingRow, key)
        return row.value if row is not None else None

    def put(self, session: Session, key: str, value: str) -> None:
        row = session.get(SettingRow, key)
        if row is None:
            session.add(SettingRow(key=key, value=value))
        else:
            row.value = value


class MeetingTimerRepository:
    """The meeting timer's saved state and the planned-versus-actual time of each segment."""

    def timer_state_json(self, session: Session, meeting_id: int) -> str | None:
        return session.scalar(
            select(MeetingRow.timer_state_json).where(MeetingRow.id == meeting_id)
        )

    def save_timer_state(
        self,
        session: Session,
        meeting_id: int,
        state_json: str | None,
        total_minutes: int | None = None,
        status: MeetingStatus | None = None,
    ) -> None:
        """Store the timer state (and, when given, the meeting's length and status)."""
        row = session.get(MeetingRow, meeting_id)
        if row is None:
            raise LookupError(f"meeting {meeting_id}")
        row.timer_state_json = state_json
        if total_minutes is not None:
            row.total_minutes = total_minutes
        if status is not None:
            row.status = status.value
        row.updated_at = _now()

    def states_under_way(self, session: Session) -> list[tuple[int, str]]:
        """``(meeting id, timer state JSON)`` of the student meetings under way that have a saved
        timer, most recently written first (to find one a crash interrupted)."""
        query = (
            select(MeetingRow.id, MeetingRow.timer_state_json)
            .where(
                MeetingRow.status == MeetingStatus.IN_PROGRESS.value,
                MeetingRow.student_id.is_not(None),
                MeetingRow.timer_state_json.is_not(None),
            )
            .order_by(MeetingRow.updated_at.desc(), MeetingRow.id.desc())
        )
        return [(meeting_id, state) for meeting_id, state in session.execute(query) if state]

    def set_total_minutes(self, session: Session, meeting_id: int, minutes: int) -> None:
        row = session.get(MeetingRow, meeting_id)
        if row is None:
            raise LookupError(f"meeting {meeting_id}")
        row.total_minutes = minutes

    def replace_segment_timings(
        self, session: Session, meeting_id: int, timings: Sequence[SegmentTiming]
    ) -> None:
        """Make the meeting's segment rows exactly ``timings`` (updating rows in place)."""
        existing = {
            row.position: row
            for row in session.scalars(
                select(SegmentTimingRow).where(SegmentTimingRow.meeting_id == meeting_id)
            )
        }
        wanted = {timing.position for timing in timings}
        for position, row in existing.items():
            if position not in wanted:
                session.delete(row)
        for timing in timings:
            found = existing.get(timing.position)
            if found is None:
                row = SegmentTimingRow(meeting_id=meeting_id, position=timing.position)
                session.add(row)
            else:
                row = found
            row.segment_key = timing.segment_key
            row.title = timing.title
            row.planned_seconds = timing.planned_seconds
            row.actual_seconds = timing.actual_seconds

    def segment_timings(self, session: Session, meeting_id: int) -> list[SegmentTiming]:
        query = (
            select(SegmentTimingRow)
            .where(SegmentTimingRow.meeting_id == meeting_id)
            .order_by(SegmentTimingRow.position)
        )
        return [
            SegmentTiming(
                position=row.position,
                segment_key=row.segment_key,
                title=row.title,
                planned_seconds=row.planned_seconds,
                actual_seconds=row.actual_seconds,
            )
            for row in session.scalars(query)
        ]
