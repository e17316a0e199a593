"""The live agenda timer of the open meeting: reads the domain clock and saves what it reports.

All arithmetic is the domain's (:class:`~sspt_desktop.domain.meeting_clock.MeetingClock`); this
controller only turns commands into clock calls, reads a snapshot when the shown figures are due
to change, tells the widgets what changed, and hands the state to the timing service on every
action and every few seconds of running time, so a crash loses at most those few seconds.

It does not poll. Each snapshot says how long until the countdown's seconds (or the warning
level) next change, and a single-shot precise timer is armed for that moment, so the digits turn
within a millisecond or two of the true second instead of up to a poll interval late, and the
screen is redrawn once a second rather than ten times.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.allocation import Allocation, allocate
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting_clock import ClockSnapshot, ClockState, MeetingClock, WarningLevel
from sspt_desktop.domain.segment_timing import segment_timings

if TYPE_CHECKING:
    from sspt_desktop.services.meeting_timing import MeetingTimingService

log = logging.getLogger(__name__)

_URGENCY = {
    WarningLevel.NORMAL: 0,
    WarningLevel.LAST_MINUTE: 1,
    WarningLevel.TIME_UP: 2,
    WarningLevel.OVERTIME: 3,
}


class MeetingTimer(QObject):
    """Runs the open meeting's :class:`MeetingClock` for the widgets, and keeps it saved.

    The clock reading is injectable (``clock``), so tests run a whole meeting in milliseconds;
    the refresh timer only decides when the screen is refreshed, never how time is counted. It
    fires on the next second boundary of the shown countdown while the timer runs, every
    ``idle_refresh_ms`` while it is paused or not started (the projected end moves with the
    wall clock), and not at all once the meeting is finished.

    Signals:
        snapshotChanged(object): a fresh :class:`ClockSnapshot`, after every refresh and action.
        segmentChanged(str): the key of the segment that became current (also on load).
        warningReached(object): the :class:`WarningLevel` a running segment has just reached
            (last minute, time up or over time); for the chime, not sent on segment changes.
        loaded(bool): a meeting's timer was loaded (``True``) or unloaded (``False``).
        saveFailed(str): the timer state could not be written; the timer keeps running.
    """

    snapshotChanged = Signal(object)
    segmentChanged = Signal(str)
    warningReached = Signal(object)
    loaded = Signal(bool)
    saveFailed = Signal(str)

    def __init__(
        self,
        timing: MeetingTimingService | None,
        clock: Callable[[], float] = time.monotonic,
        *,
        idle_refresh_ms: int = 1000,
        save_every_seconds: float = 5.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timing_service = timing
        self._clock_source = clock
        self._save_every = save_every_seconds
        self._meeting_id: int | None = None
        self._agenda: Agenda | None = None
        self._clock: MeetingClock | None = None
        self._total_minutes = 30
        self._last: ClockSnapshot | None = None
        self._last_save = 0.0
        self._warning_seconds = 60
        self._idle_refresh_ms = idle_refresh_ms
        self._ticking = False
        # One shot, re-armed by every refresh for the moment the shown figures next change.
        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.timeout.connect(self.refresh)

    def set_timing(self, timing: MeetingTimingService) -> None:
        """Give the timer its store once the record is open (the window exists before that)."""
        self._timing_service = timing

    def _timing(self) -> MeetingTimingService:
        if self._timing_service is None:
            raise RuntimeError("The meeting timer has no record to save to yet.")
        return self._timing_service

    # -- what the widgets read -------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    @property
    def clock(self) -> MeetingClock | None:
        return self._clock

    @property
    def allocation(self) -> Allocation | None:
        return self._clock.allocation if self._clock is not None else None

    @property
    def total_minutes(self) -> int:
        return self._total_minutes

    @property
    def snapshot(self) -> ClockSnapshot | None:
        """The snapshot the widgets last rendered."""
        return self._last

    @property
    def state(self) -> ClockState | None:
        return self._clock.state if self._clock is not None else None

    @property
    def next_refresh_in_ms(self) -> int | None:
        """Milliseconds until the screen is next refreshed on its own (``None``: not armed)."""
        return self._tick.remainingTime() if self._tick.isActive() else None

    def monotonic(self) -> float:
        """A reading of the clock the timer runs on (the injected one in tests)."""
        return self._clock_source()

    # -- loading ---------------------------------------------------------------------------------

    def load(
        self,
        meeting_id: int,
        agenda: Agenda,
        total_minutes: int,
        saved_state: dict[str, Any] | None = None,
    ) -> None:
        """Take up a meeting: a fresh timer, or ``saved_state`` (which comes back paused)."""
        self.unload()
        self._meeting_id = meeting_id
        self._agenda = agenda
        self._warning_seconds = self._timing().warning_seconds()
        minutes = total_minutes
        if saved_state is not None and isinstance(saved_state.get("total_seconds"), int):
            minutes = max(1, round(saved_state["total_seconds"] / 60))
        self._total_minutes = minutes
        self._clock = self._new_clock(minutes)
        if saved_state is not None:
            try:
                self._clock.restore_state(saved_state)
            except InvalidInput as exc:
                # The meeting goes on with a fresh timer; the person is told why.
                self._clock = self._new_clock(total_minutes)
                self._total_minutes = total_minutes
                self.saveFailed.emit(str(exc))
        self._last = None
        self._last_save = self._clock_source()
        self._ticking = True
        self.loaded.emit(True)
        self.refresh()

    def unload(self) -> None:
        """Leave the meeting: a running timer is paused and everything is saved first."""
        if self._clock is None:
            return
        if self._clock.state is ClockState.RUNNING:
            self._clock.pause()
        self.save()
        self._stop_ticking()
        self._clock = None
        self._meeting_id = None
        self._last = None
        self.loaded.emit(False)

    def stop(self, *, save: bool = True) -> None:
        """Stop refreshing for good (the app is shutting down); saves unless told not to."""
        if save:
            self.save()
        self._stop_ticking()

    def _stop_ticking(self) -> None:
        self._ticking = False
        self._tick.stop()

    def set_total_minutes(self, minutes: int) -> bool:
        """Plan the meeting for ``minutes`` (before it starts only)."""
        if self._clock is None or self._agenda is None or self._meeting_id is None:
            return False
        if self._clock.state is not ClockState.NOT_STARTED or minutes == self._total_minutes:
            return False
        self._agenda.budget.check(minutes)
        self._total_minutes = minutes
        rebalancing = self._clock.rebalancing
        self._clock = self._new_clock(minutes)
        self._clock.set_rebalance(rebalancing)  # the facilitator's choice outlives the length
        try:
            self._timing().set_total_minutes(self._meeting_id, minutes)
        except Exception as exc:  # a failed save must never stop the meeting
            self._report_save_failure(exc)
        self.refresh()
        return True

    # -- commands (keys, buttons and menus all come here) ----------------------------------------

    def toggle_pause(self) -> bool:
        return self._act(lambda c: c.toggle_pause())

    def next_segment(self) -> bool:
        return self._act(lambda c: c.next_segment())

    def previous_segment(self) -> bool:
        return self._act(lambda c: c.previous_segment())

    def add_minute(self) -> bool:
        return self._act(lambda c: c.add_minute())

    def remove_minute(self) -> bool:
        return self._act(lambda c: c.remove_minute())

    def finish(self) -> bool:
        return self._act(lambda c: c.finish())

    def set_rebalance(self, enabled: bool) -> bool:
        def change(clock: MeetingClock) -> bool:
            if clock.rebalancing == enabled:
                return False
            clock.set_rebalance(enabled)
            return True

        return self._act(change)

    def _act(self, command: Callable[[MeetingClock], bool]) -> bool:
        if self._clock is None:
            return False
        changed = command(self._clock)
        if changed:
            self.save()
            self.refresh()
        return changed

    # -- refreshing and saving ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the clock now, tell the widgets, save if enough running time has passed, and
        arm the refresh for the moment the shown figures next change."""
        clock = self._clock
        if clock is None:
            return
        snapshot = clock.snapshot()
        previous = self._last
        self._last = snapshot
        if previous is None or previous.index != snapshot.index:
            self.segmentChanged.emit(snapshot.segment_key)
        elif (
            snapshot.state is ClockState.RUNNING
            and _URGENCY[snapshot.warning] > _URGENCY[previous.warning]
        ):
            reached = snapshot.warning
            if reached is WarningLevel.OVERTIME and previous.warning is not WarningLevel.TIME_UP:
                # A refresh that came late (a busy or sleeping laptop) skipped "time is up";
                # announce that rather than nothing.
                reached = WarningLevel.TIME_UP
            self.warningReached.emit(reached)
        self.snapshotChanged.emit(snapshot)
        if (
            snapshot.state is ClockState.RUNNING
            and snapshot.taken_at - self._last_save >= self._save_every
        ):
            self.save()
        self._arm(snapshot)

    def _arm(self, snapshot: ClockSnapshot) -> None:
        if not self._ticking or self._clock is None:
            return
        wait = snapshot.next_change_in_seconds
        if wait is None:
            if snapshot.state is ClockState.FINISHED:
                self._tick.stop()  # nothing moves any more
                return
            wait = self._idle_refresh_ms / 1000
        # The widgets took some time to draw since the reading; the boundary did not wait.
        wait -= max(0.0, self._clock_source() - snapshot.taken_at)
        # Rounded up: a millisecond late shows the new second, a hair early the old one.
        self._tick.start(max(1, min(self._idle_refresh_ms, math.ceil(wait * 1000))))

    def save(self) -> None:
        """Write the timer state and the segment timings (once the timer has been started)."""
        clock, meeting_id, agenda = self._clock, self._meeting_id, self._agenda
        if clock is None or meeting_id is None or agenda is None:
            return
        self._last_save = self._clock_source()
        if clock.state is ClockState.NOT_STARTED:
            return
        snapshot = clock.snapshot()
        try:
            self._timing().save_progress(
                meeting_id,
                clock.export_state(),
                segment_timings(agenda, snapshot.planned_seconds, snapshot.actual_seconds),
                self._total_minutes,
                started=True,
            )
        except Exception as exc:  # a failed save must never stop the meeting
            self._report_save_failure(exc)

    def _report_save_failure(self, exc: Exception) -> None:
        log.warning("Could not save the meeting timer: %s", type(exc).__name__)
        self.saveFailed.emit(
            self.tr(
                "The timer could not be saved just now; it keeps running and will try again "
                "in a few seconds."
            )
        )

    def _new_clock(self, minutes: int) -> MeetingClock:
        assert self._agenda is not None
        return MeetingClock(
            allocate(self._agenda, minutes * 60),
            clock=self._clock_source,
            warning_seconds=float(self._warning_seconds),
        )
