"""Small builders for test records."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService


def add_sample_meeting(sessions: sessionmaker[Session], **panes: str) -> int:
    service = MeetingRecordService(sessions)
    number = str(1000 + len(service.find_students()))
    student = service.add_student(Student(None, number, "Test", f"Student{number}", "4"))
    assert student.id is not None
    meeting = service.current_meeting(student.id, location="Room 12")
    assert meeting.id is not None
    service.save_panes(meeting.id, panes)
    return meeting.id
