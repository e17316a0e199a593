"""Keeping the meeting timer with the record: its state for crash recovery, and the times spent.

The timer itself (:class:`~sspt_desktop.domain.meeting_clock.MeetingClock`) lives in the
domain; this service only stores what it reports. It is called on every timer action and every
few seconds while the timer runs, so each call is one short transaction that writes the saved
state, the meeting's length and status, and the planned and actual seconds of every segment
together: after a crash, the state and the timings always agree.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import MeetingStatus
from sspt_desktop.domain.segment_timing import SegmentTiming
from sspt_desktop.storage.repositories import MeetingTimerRepository, SettingsRepository

WARNING_SECONDS_KEY = "timer_warning_seconds"
DEFAULT_WARNING_SECONDS = 60
#: The warning may come from 10 seconds to 5 minutes before a segment ends.
WARNING_SECONDS_RANGE = (10, 300)


class MeetingTimingService:
    """Saves and loads a meeting's timer state and segment timings; no Qt, one commit per call.

    ``save_progress`` is the timer's autosave: the exported clock state (JSON) goes to the
    meeting's ``timer_state_json``, the planned and actual seconds of every segment to
    ``segment_timings``, and the meeting's length (and, once the timer has started, the
    ``in_progress`` status) to the meeting row. The school-wide warning point is kept with the
    record's settings.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._timers = MeetingTimerRepository()
        self._settings = SettingsRepository()

    def load_state(self, meeting_id: int) -> dict[str, Any] | None:
        """The saved timer state of the meeting, or ``None`` if none (or it is unreadable)."""
        with self._sessions() as session:
            stored = self._timers.timer_state_json(session, meeting_id)
        if not stored:
            return None
        try:
            data = json.loads(stored)
        except json.JSONDecodeError:
            # A damaged state must not stop the meeting; the timer simply starts afresh.
            return None
        return data if isinstance(data, dict) else None

    def save_progress(
        self,
        meeting_id: int,
        state: Mapping[str, Any],
        timings: Sequence[SegmentTiming],
        total_minutes: int,
        started: bool,
    ) -> None:
        """Store the timer state, the segment timings and the meeting's length in one commit."""
        status = MeetingStatus.IN_PROGRESS if started else None
        with self._sessions.begin() as session:
            self._timers.save_timer_state(
                session, meeting_id, json.dumps(dict(state)), total_minutes, status
            )
            self._timers.replace_segment_timings(session, meeting_id, timings)

    def clear_state(self, meeting_id: int) -> None:
        """Forget the saved timer state (the team chose to start the timer again)."""
        with self._sessions.begin() as session:
            self._timers.save_timer_state(session, meeting_id, None)

    def set_total_minutes(self, meeting_id: int, minutes: int) -> None:
        """Keep the length the team picked before starting, so reopening shows it again."""
        with self._sessions.begin() as session:
            self._timers.set_total_minutes(session, meeting_id, minutes)

    def timings(self, meeting_id: int) -> list[SegmentTiming]:
        """The planned and actual seconds stored for each segment, in agenda order."""
        with self._sessions() as session:
            return self._timers.segment_timings(session, meeting_id)

    def warning_seconds(self) -> int:
        """How long before a segment's end its colour changes (the school's setting)."""
        with self._sessions() as session:
            stored = self._settings.get(session, WARNING_SECONDS_KEY)
        try:
            value = int(stored) if stored is not None else DEFAULT_WARNING_SECONDS
        except ValueError:
            return DEFAULT_WARNING_SECONDS
        low, high = WARNING_SECONDS_RANGE
        return value if low <= value <= high else DEFAULT_WARNING_SECONDS

    def set_warning_seconds(self, seconds: int) -> None:
        low, high = WARNING_SECONDS_RANGE
        if not low <= seconds <= high:
            raise InvalidInput(
                f"The warning must come between {low} seconds and {high // 60} minutes before "
                f"a segment ends (got {seconds} seconds)."
            )
        with self._sessions.begin() as session:
            self._settings.put(session, WARNING_SECONDS_KEY, str(seconds))
