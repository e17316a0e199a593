"""Small builders for test records."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind, empty_content
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.services.meeting_session import MeetingSessionService


def with_notes(kind: PaneKind, notes: str) -> PaneContent:
    """The pane kind's empty content holding ``notes``, as a recorder typing only in the
    pane's notes leaves it."""
    # Every content type is a frozen dataclass with ``notes``; the Protocol cannot say so.
    content: PaneContent = dataclasses.replace(empty_content(kind), notes=notes)  # type: ignore[type-var]
    return content


def add_sample_meeting(sessions: sessionmaker[Session], **notes: str) -> int:
    """A new student's meeting in Room 12, each pane named by keyword holding those notes."""
    records = MeetingRecordService(sessions)
    number = str(1000 + len(records.find_students()))
    student = records.add_student(Student(None, number, "Test", f"Student{number}", "4"))
    assert student.id is not None
    meetings = MeetingSessionService(sessions)
    meeting_id = meetings.open_student_meeting(student.id, location="Room 12").meeting_id
    if notes:
        contents = {
            PaneKind(pane): with_notes(PaneKind(pane), text) for pane, text in notes.items()
        }
        meetings.save_content_batch({meeting_id: contents})
    return meeting_id
