"""After a crash or a kill: which meeting was open, so the next start can reopen it at once.

Two ways tell a crash from a clean quit. The running marker
(:mod:`sspt_desktop.services.clean_shutdown`) is left behind by any run that did not shut
down, and names the meeting that run had open, whatever its timer was doing: running, paused,
never started. Without the marker (a record last used by an older version, or a marker that
could not be written), a timer saved as *running* still tells it: every way of leaving a
meeting on purpose pauses its running timer before the last save (opening another student
unloads the timer, and the clean shutdown in ``RunningApp.shutdown`` does the same). Only one
app opens a data folder at a time (the instance lock is taken before the record opens), so
when the record opens no other process can still be running that meeting.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.allocation import allocate
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import MeetingStatus, MeetingType
from sspt_desktop.domain.meeting_clock import ClockState, MeetingClock
from sspt_desktop.services.clean_shutdown import CLEAN, LastRun
from sspt_desktop.storage.repositories import (
    MeetingRepository,
    MeetingTimerRepository,
    StudentRepository,
)


@dataclass(frozen=True, slots=True)
class InterruptedMeeting:
    """The meeting that was open when the app last stopped without shutting down.

    ``segment_title`` is the agenda segment a running or paused timer was in at its last save
    (where it comes back, paused), or ``None`` when the saved timer no longer fits the
    meeting's agenda and the timer will start afresh, or when the timer was not started or had
    finished. ``timer`` is what the timer was doing at its last save (never started when it
    had nothing saved); a running one comes back paused. The student's ``short_name`` is what
    people say in the room.
    """

    meeting_id: int
    student_id: int
    student_short_name: str
    meeting_type: MeetingType
    meeting_date: date
    segment_title: str | None
    timer: ClockState


class InterruptedMeetingFinder:
    """Finds the :class:`InterruptedMeeting`, if any, once the record is open; no Qt, reads only.

    ``agenda_for`` gives a meeting's own agenda (the one it started with), so the segment named
    is the one the restored timer shows. Only a meeting that opening its student reopens is
    reported: the message promises that meeting, not another.
    """

    def __init__(
        self, sessions: sessionmaker[Session], agenda_for: Callable[[int], Agenda]
    ) -> None:
        self._sessions = sessions
        self._agenda_for = agenda_for
        self._timers = MeetingTimerRepository()
        self._meetings = MeetingRepository()
        self._students = StudentRepository()

    def find(self, last_run: LastRun = CLEAN) -> InterruptedMeeting | None:
        """The meeting a crash interrupted, or ``None``: the one the running marker names when
        the last run did not shut down cleanly, else the latest whose timer was saved running."""
        with self._sessions() as session:
            found = self._marked(session, last_run) or self._latest_running(session)
        if found is None:
            return None
        # Outside the first session: every session takes the record's write lock.
        meeting, state = found
        if state is None or meeting.timer in (ClockState.NOT_STARTED, ClockState.FINISHED):
            return meeting
        return replace(meeting, segment_title=self._segment_title(meeting.meeting_id, state))

    def _marked(
        self, session: Session, last_run: LastRun
    ) -> tuple[InterruptedMeeting, dict[str, Any] | None] | None:
        """The meeting the running marker names, with its saved timer (``None`` when there is
        none or it cannot be read: the timer then starts afresh)."""
        if last_run.clean or last_run.open_meeting_id is None:
            return None
        meeting_id = last_run.open_meeting_id
        found = self._describe(session, meeting_id)
        if found is None:
            return None  # closed since, or gone: opening its student would show another
        stored = self._timers.timer_state_json(session, meeting_id)
        if not stored:
            return replace(found, timer=ClockState.NOT_STARTED), None
        state = _saved_state(stored)
        standing = _standing(state)
        if state is None or standing is None:
            # Under way by all we know; what cannot be read starts afresh, as the message says.
            return replace(found, timer=ClockState.PAUSED), None
        return replace(found, timer=standing), state

    def _latest_running(
        self, session: Session
    ) -> tuple[InterruptedMeeting, dict[str, Any] | None] | None:
        for meeting_id, stored in self._timers.states_under_way(session):
            state = _saved_state(stored)
            if state is None or _standing(state) is not ClockState.RUNNING:
                continue
            found = self._describe(session, meeting_id)
            if found is not None:
                return found, state
        return None

    def _describe(self, session: Session, meeting_id: int) -> InterruptedMeeting | None:
        meeting = self._meetings.get(session, meeting_id)
        if meeting is None or meeting.student_id is None:
            return None
        student = self._students.get(session, meeting.student_id)
        if student is None or student.id is None:
            return None
        open_ones = [
            m
            for m in self._meetings.for_student(session, student.id)
            if m.status is not MeetingStatus.CLOSED
        ]
        if not open_ones or open_ones[0].id != meeting_id:
            return None  # opening the student would show another meeting
        return InterruptedMeeting(
            meeting_id=meeting_id,
            student_id=student.id,
            student_short_name=student.short_name,
            meeting_type=meeting.meeting_type,
            meeting_date=meeting.meeting_date,
            segment_title=None,
            timer=ClockState.RUNNING,
        )

    def _segment_title(self, meeting_id: int, state: dict[str, Any]) -> str | None:
        """Where the restored timer will stand, checked by the clock that will restore it."""
        agenda = self._agenda_for(meeting_id)
        total = state.get("total_seconds")
        try:
            seconds = max(60, round(total / 60) * 60) if isinstance(total, int) else 60
            clock = MeetingClock(allocate(agenda, seconds))
            clock.restore_state(state)
        except InvalidInput:
            return None
        return agenda.segments[clock.index].title


def _saved_state(stored: str) -> dict[str, Any] | None:
    try:
        data = json.loads(stored)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def _standing(state: dict[str, Any] | None) -> ClockState | None:
    """What a saved timer was doing, or ``None`` when that cannot be read."""
    if state is None:
        return None
    try:
        return ClockState(str(state.get("state")))
    except ValueError:
        return None
