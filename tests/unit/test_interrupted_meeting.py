"""Finding, when the record opens, the meeting whose timer a crash left running."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import update

from sspt_desktop.domain.allocation import allocate
from sspt_desktop.domain.meeting import MeetingType
from sspt_desktop.domain.meeting_clock import MeetingClock
from sspt_desktop.domain.segment_timing import segment_timings
from sspt_desktop.domain.student import Student
from sspt_desktop.services.agenda_catalog import AgendaCatalog
from sspt_desktop.services.interrupted_meeting import InterruptedMeeting, InterruptedMeetingFinder
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.services.meeting_timing import MeetingTimingService
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.storage.locations import DataLocations
from sspt_desktop.storage.models import MeetingRow
from tests.support.fake_clock import FakeClock


@pytest.fixture
def record(locations: DataLocations) -> Iterator[OpenRecord]:
    opened = open_memory_keyed_record(locations)
    yield opened
    opened.close()


def finder(record: OpenRecord) -> InterruptedMeetingFinder:
    return InterruptedMeetingFinder(record.sessions, AgendaCatalog(record.sessions).for_meeting)


def add_meeting(record: OpenRecord, first: str, last: str, number: str) -> tuple[int, int]:
    student = MeetingRecordService(record.sessions).add_student(
        Student(None, number, first, last, "4")
    )
    assert student.id is not None
    # The meeting runs on the school's agenda, as every meeting the app opens does.
    opened = MeetingSessionService(record.sessions).open_student_meeting(student.id)
    return student.id, opened.meeting_id


def run_timer(record: OpenRecord, meeting_id: int, segments_on: int, *, pause: bool) -> None:
    """Start the meeting's timer, move on ``segments_on`` segments, and save it as the app does."""
    agenda = AgendaCatalog(record.sessions).for_meeting(meeting_id)
    clock = FakeClock()
    timer = MeetingClock(allocate(agenda, 30 * 60), clock=clock)
    timer.start()
    for _ in range(segments_on):
        clock.advance(120)
        timer.next_segment()
    clock.advance(30)
    if pause:
        timer.pause()
    snapshot = timer.snapshot()
    MeetingTimingService(record.sessions).save_progress(
        meeting_id,
        timer.export_state(),
        segment_timings(agenda, snapshot.planned_seconds, snapshot.actual_seconds),
        30,
        started=True,
    )


def test_a_timer_saved_running_names_its_meeting_and_segment(record: OpenRecord) -> None:
    student_id, meeting_id = add_meeting(record, "Daniela", "Reyes", "1029384")
    run_timer(record, meeting_id, 2, pause=False)
    found = finder(record).find()
    assert found == InterruptedMeeting(
        meeting_id=meeting_id,
        student_id=student_id,
        student_short_name="Daniela R.",
        meeting_type=MeetingType.INITIAL,
        meeting_date=date.today(),
        segment_title="Problem Identification",
    )


def test_nothing_was_interrupted_in_a_fresh_or_cleanly_left_record(record: OpenRecord) -> None:
    assert finder(record).find() is None
    _, not_started = add_meeting(record, "Ana", "Lopez", "1000")
    _, paused = add_meeting(record, "Ben", "Ngo", "1001")
    run_timer(record, paused, 1, pause=True)  # what a clean quit or leaving the student saves
    assert finder(record).find() is None
    run_timer(record, not_started, 1, pause=False)
    found = finder(record).find()
    assert found is not None and found.meeting_id == not_started


def test_a_closed_meeting_is_not_reopened(record: OpenRecord) -> None:
    _, meeting_id = add_meeting(record, "Daniela", "Reyes", "1029384")
    run_timer(record, meeting_id, 1, pause=False)
    with record.sessions.begin() as session:
        session.execute(
            update(MeetingRow).where(MeetingRow.id == meeting_id).values(status="closed")
        )
    assert finder(record).find() is None


def test_the_latest_of_several_running_timers_is_the_one_reopened(record: OpenRecord) -> None:
    # Only a record written by an older version (whose quit saved timers as running) has several.
    _, older = add_meeting(record, "Ana", "Lopez", "1000")
    _, newer = add_meeting(record, "Ben", "Ngo", "1001")
    run_timer(record, older, 1, pause=False)
    run_timer(record, newer, 3, pause=False)
    found = finder(record).find()
    assert found is not None and found.meeting_id == newer and found.segment_title == "Goal Setting"


def test_a_saved_timer_that_no_longer_fits_reopens_without_naming_a_segment(
    record: OpenRecord,
) -> None:
    _, meeting_id = add_meeting(record, "Daniela", "Reyes", "1029384")
    run_timer(record, meeting_id, 2, pause=False)
    timing = MeetingTimingService(record.sessions)
    state = timing.load_state(meeting_id)
    assert state is not None
    state["segment_keys"] = ["welcome", "other"]
    with record.sessions.begin() as session:
        session.execute(
            update(MeetingRow)
            .where(MeetingRow.id == meeting_id)
            .values(timer_state_json=json.dumps(state))
        )
    found = finder(record).find()
    assert found is not None and found.meeting_id == meeting_id
    assert found.segment_title is None
    with record.sessions.begin() as session:
        session.execute(
            update(MeetingRow)
            .where(MeetingRow.id == meeting_id)
            .values(timer_state_json="{not json")
        )
    assert finder(record).find() is None
