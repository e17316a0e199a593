"""Finding, when the record opens, the meeting a crash interrupted: the one the running marker
names, whatever its timer was doing, or else one whose timer was saved running."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import update

from sspt_desktop.domain.allocation import allocate
from sspt_desktop.domain.meeting import MeetingType
from sspt_desktop.domain.meeting_clock import ClockState, MeetingClock
from sspt_desktop.domain.segment_timing import segment_timings
from sspt_desktop.domain.student import Student
from sspt_desktop.services.agenda_catalog import AgendaCatalog
from sspt_desktop.services.clean_shutdown import CLEAN, CleanShutdownMarker, LastRun
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
        timer=ClockState.RUNNING,
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


def crashed_with(meeting_id: int | None) -> LastRun:
    return LastRun(clean=False, open_meeting_id=meeting_id)


def test_the_marked_meeting_is_found_with_its_timer_paused(record: OpenRecord) -> None:
    _, other = add_meeting(record, "Ana", "Lopez", "1000")
    student_id, meeting_id = add_meeting(record, "Daniela", "Reyes", "1029384")
    run_timer(record, other, 1, pause=False)  # an older version's crash: not the one marked
    run_timer(record, meeting_id, 2, pause=True)
    found = finder(record).find(crashed_with(meeting_id))
    assert found == InterruptedMeeting(
        meeting_id=meeting_id,
        student_id=student_id,
        student_short_name="Daniela R.",
        meeting_type=MeetingType.INITIAL,
        meeting_date=date.today(),
        segment_title="Problem Identification",
        timer=ClockState.PAUSED,
    )
    # After a clean shutdown only a timer saved running (by an older version) tells a crash.
    clean = finder(record).find(CLEAN)
    assert clean is not None and clean.meeting_id == other


def test_the_marked_meeting_is_found_with_its_timer_not_started(record: OpenRecord) -> None:
    _, meeting_id = add_meeting(record, "Daniela", "Reyes", "1029384")
    found = finder(record).find(crashed_with(meeting_id))
    assert found is not None and found.meeting_id == meeting_id
    assert found.timer is ClockState.NOT_STARTED and found.segment_title is None
    assert finder(record).find(CLEAN) is None


def test_a_marked_meeting_that_was_closed_or_never_named_is_not_reported(
    record: OpenRecord,
) -> None:
    _, meeting_id = add_meeting(record, "Daniela", "Reyes", "1029384")
    run_timer(record, meeting_id, 1, pause=True)
    assert finder(record).find(crashed_with(None)) is None
    with record.sessions.begin() as session:
        session.execute(
            update(MeetingRow).where(MeetingRow.id == meeting_id).values(status="closed")
        )
    assert finder(record).find(crashed_with(meeting_id)) is None


def test_a_marked_meeting_whose_timer_cannot_be_read_reopens_without_a_segment(
    record: OpenRecord,
) -> None:
    _, meeting_id = add_meeting(record, "Daniela", "Reyes", "1029384")
    with record.sessions.begin() as session:
        session.execute(
            update(MeetingRow)
            .where(MeetingRow.id == meeting_id)
            .values(timer_state_json="{not json")
        )
    found = finder(record).find(crashed_with(meeting_id))
    assert found is not None and found.meeting_id == meeting_id
    assert found.timer is ClockState.PAUSED and found.segment_title is None


def test_the_marker_tells_a_clean_end_from_a_stop(locations: DataLocations) -> None:
    marker = CleanShutdownMarker(locations)
    assert marker.last_run() == CLEAN
    marker.start()
    assert marker.last_run() == LastRun(clean=False, open_meeting_id=None)
    marker.meeting_opened(7)
    marker.meeting_opened(12)
    assert marker.last_run() == LastRun(clean=False, open_meeting_id=12)
    assert CleanShutdownMarker(locations).last_run() == LastRun(clean=False, open_meeting_id=12)
    marker.clear()
    assert marker.last_run() == CLEAN
    # Nothing but the marker itself is left in the folder (no half-written copy).
    marker.meeting_opened(3)
    assert [p.name for p in locations.data_dir.iterdir() if "running" in p.name] == ["running.json"]
    marker.path.write_text("{torn", encoding="utf-8")
    assert marker.last_run() == LastRun(clean=False, open_meeting_id=None)
    marker.path.write_text('{"open_meeting": true}', encoding="utf-8")
    assert marker.last_run() == LastRun(clean=False, open_meeting_id=None)
