"""The timing service keeps the timer's state and planned-versus-actual seconds with the meeting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sspt_desktop.domain.allocation import allocate
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import MeetingStatus
from sspt_desktop.domain.meeting_clock import ClockState, MeetingClock
from sspt_desktop.domain.segment_timing import segment_timings
from sspt_desktop.services.agenda_catalog import shipped_agenda
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.services.meeting_timing import DEFAULT_WARNING_SECONDS, MeetingTimingService
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.storage.locations import DataLocations
from tests.support.fake_clock import FakeClock
from tests.support.records import add_sample_meeting


@pytest.fixture
def record(locations: DataLocations) -> Iterator[OpenRecord]:
    opened = open_memory_keyed_record(locations)
    yield opened
    opened.close()


def test_progress_is_saved_and_read_back_in_one_piece(record: OpenRecord) -> None:
    meeting_id = add_sample_meeting(record.sessions)
    service = MeetingTimingService(record.sessions)
    agenda = shipped_agenda()
    clock = FakeClock()
    timer = MeetingClock(allocate(agenda, 25 * 60), clock=clock)
    assert service.load_state(meeting_id) is None
    timer.start()
    clock.now += 150.4
    timer.next_segment()
    clock.now += 30.0
    snapshot = timer.snapshot()
    service.save_progress(
        meeting_id,
        timer.export_state(),
        segment_timings(agenda, snapshot.planned_seconds, snapshot.actual_seconds),
        25,
        started=True,
    )
    state = service.load_state(meeting_id)
    assert state is not None and state["index"] == 1 and state["state"] == "running"
    timings = service.timings(meeting_id)
    assert [t.segment_key for t in timings] == [s.key for s in agenda]
    assert [t.actual_seconds for t in timings[:3]] == [150, 30, 0]
    assert [t.planned_seconds for t in timings] == list(snapshot.planned_seconds)
    meeting = MeetingRecordService(record.sessions).meeting(meeting_id)
    assert meeting is not None
    assert meeting.status is MeetingStatus.IN_PROGRESS and meeting.total_minutes == 25

    # A second save updates the same rows; a restored clock comes back paused where it was.
    clock.now += 10.0
    timer.finish()
    snapshot = timer.snapshot()
    service.save_progress(
        meeting_id,
        timer.export_state(),
        segment_timings(agenda, snapshot.planned_seconds, snapshot.actual_seconds),
        25,
        started=True,
    )
    assert [t.actual_seconds for t in service.timings(meeting_id)[:2]] == [150, 40]
    again = MeetingClock(allocate(agenda, 25 * 60), clock=clock)
    again.restore_state(service.load_state(meeting_id) or {})
    assert again.state is ClockState.FINISHED


def test_clearing_and_damaged_state(record: OpenRecord) -> None:
    meeting_id = add_sample_meeting(record.sessions)
    service = MeetingTimingService(record.sessions)
    service.save_progress(meeting_id, {"format": 1}, [], 30, started=False)
    assert service.load_state(meeting_id) == {"format": 1}
    service.clear_state(meeting_id)
    assert service.load_state(meeting_id) is None
    service.set_total_minutes(meeting_id, 20)
    meeting = MeetingRecordService(record.sessions).meeting(meeting_id)
    assert meeting is not None and meeting.total_minutes == 20


def test_warning_point_is_a_school_setting_within_bounds(record: OpenRecord) -> None:
    service = MeetingTimingService(record.sessions)
    assert service.warning_seconds() == DEFAULT_WARNING_SECONDS
    service.set_warning_seconds(90)
    assert service.warning_seconds() == 90
    with pytest.raises(InvalidInput, match="between 10 seconds and 5 minutes"):
        service.set_warning_seconds(5)


def test_timings_must_match_the_agenda() -> None:
    agenda = shipped_agenda()
    with pytest.raises(InvalidInput):
        segment_timings(agenda, [60], [1.0])
    rows = segment_timings(agenda, [60] * len(agenda), [59.5] + [0.0] * (len(agenda) - 1))
    assert rows[0].actual_seconds == 60 and rows[0].title == agenda.segments[0].title
