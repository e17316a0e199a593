"""Repositories: the only code that turns rows into domain objects and back.

Each method takes the session it works in, so the caller (a service) decides what is one
transaction; nothing here commits.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sspt_desktop.domain.meeting import Attendee, Meeting, MeetingStatus, MeetingType, Role
from sspt_desktop.domain.meeting_arrangements import InvitationMethod, MeetingArrangements
from sspt_desktop.domain.segment_timing import SegmentTiming
from sspt_desktop.storage.models import (
    AttendeeRow,
    MeetingRow,
    SegmentTimingRow,
    SettingRow,
)
from sspt_desktop.storage.students import StudentRepository
from sspt_desktop.storage.utc_timestamp import utc_now

__all__ = [
    "MeetingRepository",
    "MeetingTimerRepository",
    "SettingsRepository",
    "StudentRepository",
]


def _now() -> datetime:
    return utc_now()


def meeting_from_row(row: MeetingRow) -> Meeting:
    """The meeting's own fields and attendees (its panes are read by :mod:`pane_contents`)."""
    return Meeting(
        id=row.id,
        student_id=row.student_id,
        meeting_type=MeetingType(row.meeting_type),
        meeting_date=row.meeting_date,
        location=row.location,
        status=MeetingStatus(row.status),
        total_minutes=row.total_minutes,
        attendees=[Attendee(a.name, Role(a.role)) for a in row.attendees],
        previous_meeting_id=row.previous_meeting_id,
        created_at=row.created_at,
        uuid=UUID(row.uuid),
        case_id=None if row.case is None else UUID(row.case.uuid),
    )


class MeetingRepository:
    """Meetings with their attendees (see :mod:`pane_contents` for their panes' content)."""

    def get(self, session: Session, meeting_id: int) -> Meeting | None:
        row = self.row(session, meeting_id)
        return meeting_from_row(row) if row is not None else None

    def row(self, session: Session, meeting_id: int) -> MeetingRow | None:
        query = (
            select(MeetingRow)
            .where(MeetingRow.id == meeting_id)
            .options(selectinload(MeetingRow.attendees))
        )
        return session.scalar(query)

    def rows_for_student(self, session: Session, student_id: int) -> list[MeetingRow]:
        """The student's meetings, newest first."""
        query = (
            select(MeetingRow)
            .where(MeetingRow.student_id == student_id)
            .order_by(MeetingRow.meeting_date.desc(), MeetingRow.id.desc())
            .options(selectinload(MeetingRow.attendees))
        )
        return list(session.scalars(query))

    def for_student(self, session: Session, student_id: int) -> list[Meeting]:
        return [meeting_from_row(row) for row in self.rows_for_student(session, student_id)]

    def add(
        self,
        session: Session,
        meeting: Meeting,
        agenda_json: str | None = None,
        case_id: int | None = None,
    ) -> MeetingRow:
        """Store a new meeting (in the case of row id ``case_id``) with its attendees; its
        panes' content is written by :class:`~sspt_desktop.storage.pane_contents.
        PaneContentRepository`."""
        now = _now()
        row = MeetingRow(
            uuid=str(meeting.uuid or uuid_module.uuid4()),
            student_id=meeting.student_id,
            case_id=case_id,
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
        session.add(row)
        session.flush()
        return row

    def touch(self, session: Session, meeting_id: int, now: datetime) -> None:
        row = session.get(MeetingRow, meeting_id)
        if row is not None:
            row.updated_at = now

    def agenda_json(self, session: Session, meeting_id: int) -> str | None:
        return session.scalar(select(MeetingRow.agenda_json).where(MeetingRow.id == meeting_id))

    def arrangements(self, session: Session, meeting_id: int) -> MeetingArrangements | None:
        row = session.get(MeetingRow, meeting_id)
        if row is None:
            return None
        return MeetingArrangements(
            start_time=row.start_time,
            invited_how=(
                None if row.invitation_method is None else InvitationMethod(row.invitation_method)
            ),
            invited_on=row.invited_on,
        )

    def set_arrangements(
        self, session: Session, meeting_id: int, arrangements: MeetingArrangements
    ) -> None:
        row = session.get(MeetingRow, meeting_id)
        if row is None:
            raise LookupError(f"meeting {meeting_id}")
        row.start_time = arrangements.start_time
        row.invitation_method = (
            None if arrangements.invited_how is None else arrangements.invited_how.value
        )
        row.invited_on = arrangements.invited_on
        row.updated_at = _now()


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
        # A closed meeting stays closed: a timer saved late never reopens it.
        if status is not None and row.status != MeetingStatus.CLOSED.value:
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
