"""The meeting timer: which segment is on, how long it has left, and when the meeting will end.

The clock never counts ticks. It keeps the time banked per segment and the reading of an
injectable monotonic clock at which the current run began; every figure is computed from a fresh
reading, so what the UI shows is exact however often (or rarely) it polls, and a 30-minute
meeting can be tested in milliseconds with a fake clock.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.allocation import Allocation, rebalance
from sspt_desktop.domain.clock_snapshot import (
    ClockSnapshot,
    ClockState,
    WarningLevel,
    warning_level,
)
from sspt_desktop.domain.clock_text import EPSILON, format_clock
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting_figures import behind_seconds, seconds_to_next_tick, time_left
from sspt_desktop.domain.saved_clock_state import damaged_state, is_whole, seconds_list, whole_list

__all__ = [
    "STATE_FORMAT",
    "ClockSnapshot",
    "ClockState",
    "MeetingClock",
    "WarningLevel",
    "warning_level",
]

#: Version of the dict written by :meth:`MeetingClock.export_state`.
STATE_FORMAT = 1


class MeetingClock:
    """The timekeeper's state machine for one meeting, driven by a monotonic clock reading.

    It starts NOT_STARTED on the first segment. Commands return ``True`` when they changed
    something and ``False`` when they do not apply in the current state (pausing a timer that
    is not running, going back from the first segment, going forward from the last, anything
    after ``finish``): a key pressed twice must not crash the meeting. Moving forward from the
    last segment does not finish the meeting, because ending it is a deliberate act
    (:meth:`finish`). Paused time is spent by no segment. Moving back to an earlier segment
    resumes its accounting. With rebalancing on (the default), the segments after the current
    one are shortened by the time the meeting runs behind, as
    :mod:`~sspt_desktop.domain.meeting_figures` defines it along with the time left, the
    projected end and the planned total; a segment's plan is fixed when it becomes current, and
    facilitator changes of the current segment (:meth:`add_time`) are kept whether rebalancing
    is on or off.
    """

    def __init__(
        self,
        allocation: Allocation,
        *,
        clock: Callable[[], float] = time.monotonic,
        warning_seconds: float = 60.0,
        time_up_seconds: float = 5.0,
        rebalance: bool = True,
    ) -> None:
        if not math.isfinite(warning_seconds) or warning_seconds < 0:
            raise InvalidInput(
                f"The warning must come 0 seconds or more before the end (got {warning_seconds!r})."
            )
        if not math.isfinite(time_up_seconds) or time_up_seconds <= 0:
            raise InvalidInput(
                f"'Time is up' must show for more than 0 seconds (got {time_up_seconds!r})."
            )
        self._allocation = allocation
        self._agenda: Agenda = allocation.agenda
        self._clock = clock
        self._warning_seconds = float(warning_seconds)
        self._time_up_seconds = float(time_up_seconds)
        self._rebalance = rebalance
        self._total = allocation.total_seconds
        # _plan holds the fixed plan of done and current segments; _reference holds what each
        # segment would get without rebalancing (allocation plus facilitator changes), the
        # ceiling that later segments are shortened from and grow back to.
        self._plan: list[int] = list(allocation.seconds)
        self._reference: list[int] = list(allocation.seconds)
        self._spent: list[float] = [0.0] * len(self._agenda)
        self._state = ClockState.NOT_STARTED
        self._index = 0
        self._run_started: float | None = None

    @property
    def allocation(self) -> Allocation:
        """The allocation the clock was built from."""
        return self._allocation

    @property
    def state(self) -> ClockState:
        """The current :class:`ClockState`."""
        return self._state

    @property
    def index(self) -> int:
        """The index of the current segment in the agenda."""
        return self._index

    @property
    def rebalancing(self) -> bool:
        """Whether later segments are shortened when the meeting runs behind."""
        return self._rebalance

    def start(self) -> bool:
        """Start the meeting on the current segment (NOT_STARTED only)."""
        if self._state is not ClockState.NOT_STARTED:
            return False
        self._state = ClockState.RUNNING
        self._run_started = self._clock()
        return True

    def pause(self) -> bool:
        """Stop counting time (RUNNING only)."""
        if self._state is not ClockState.RUNNING:
            return False
        self._bank(self._clock())
        self._state = ClockState.PAUSED
        self._run_started = None
        return True

    def resume(self) -> bool:
        """Count time again on the current segment (PAUSED only)."""
        if self._state is not ClockState.PAUSED:
            return False
        self._state = ClockState.RUNNING
        self._run_started = self._clock()
        return True

    def toggle_pause(self) -> bool:
        """One Start/Pause key: starts a timer not yet started, pauses or resumes otherwise."""
        if self._state is ClockState.NOT_STARTED:
            return self.start()
        return self.pause() if self._state is ClockState.RUNNING else self.resume()

    def next_segment(self) -> bool:
        """Move to the next segment, keeping running or paused; stays put on the last one."""
        return self.go_to_segment(self._index + 1)

    def previous_segment(self) -> bool:
        """Move back a segment, whose time then counts again; stays put on the first one."""
        return self.go_to_segment(self._index - 1)

    def go_to_segment(self, index: int) -> bool:
        """Make segment ``index`` current (RUNNING or PAUSED; other indexes are ignored)."""
        if self._state not in (ClockState.RUNNING, ClockState.PAUSED):
            return False
        if not 0 <= index < len(self._agenda) or index == self._index:
            return False
        now = self._clock()
        self._bank(now)
        self._plan = self._plan_on_leaving(self._actual(now))
        self._index = index
        return True

    def add_time(self, seconds: int) -> bool:
        """Lengthen (or with a negative value shorten) the current segment; never below 0."""
        if isinstance(seconds, bool) or not isinstance(seconds, int):
            raise InvalidInput(f"Time is added in whole seconds (got {seconds!r}).")
        if self._state is ClockState.FINISHED:
            return False
        old = self._plan[self._index]
        new = max(0, old + seconds)
        if new == old:
            return False
        self._plan[self._index] = new
        self._reference[self._index] = max(0, self._reference[self._index] + new - old)
        return True

    def add_minute(self) -> bool:
        """The +1 minute key."""
        return self.add_time(60)

    def remove_minute(self) -> bool:
        """The -1 minute key."""
        return self.add_time(-60)

    def finish(self) -> bool:
        """End the meeting (RUNNING or PAUSED); the figures stay readable afterwards."""
        if self._state not in (ClockState.RUNNING, ClockState.PAUSED):
            return False
        now = self._clock()
        self._bank(now)
        self._plan = self._plan_on_leaving(self._actual(now))
        self._state = ClockState.FINISHED
        self._run_started = None
        return True

    def set_rebalance(self, enabled: bool) -> None:
        """Turn rebalancing on or off; off, later segments go back to their reference plan."""
        self._rebalance = enabled

    def snapshot(self) -> ClockSnapshot:
        """Read every figure the timer shows, from one clock reading."""
        now = self._clock()
        actual = self._actual(now)
        planned = self._live_plan(actual)
        index = self._index
        segment = self._agenda.segments[index]
        remaining = planned[index] - actual[index]
        active = self._state in (ClockState.RUNNING, ClockState.PAUSED)
        if active:
            warning = warning_level(remaining, self._warning_seconds, self._time_up_seconds)
        else:
            warning = WarningLevel.NORMAL
        spent = math.fsum(actual)
        finished = self._state is ClockState.FINISHED
        left = 0.0 if finished else time_left(planned, actual, index)
        next_title = (
            self._agenda.segments[index + 1].title if index + 1 < len(self._agenda) else None
        )
        return ClockSnapshot(
            state=self._state,
            index=index,
            segment_count=len(self._agenda),
            segment_key=segment.key,
            segment_title=segment.title,
            next_title=next_title,
            remaining_seconds=remaining,
            warning=warning,
            clock_text=format_clock(remaining),
            total_seconds=self._total,
            spent_seconds=spent,
            meeting_left_seconds=left,
            planned_seconds=planned,
            actual_seconds=tuple(actual),
            shortened_seconds=sum(self._reference[index + 1 :]) - sum(planned[index + 1 :]),
            rebalancing=self._rebalance,
            taken_at=now,
            next_change_in_seconds=self._next_change(remaining, left),
        )

    def _next_change(self, remaining: float, left: float) -> float | None:
        """Seconds until the countdown, the time left or the warning level next changes."""
        if self._state is not ClockState.RUNNING:
            return None
        soonest = seconds_to_next_tick(remaining)
        if remaining > 0:
            soonest = min(soonest, seconds_to_next_tick(left))
        for threshold in (self._warning_seconds, 0.0, -self._time_up_seconds):
            if remaining - threshold > EPSILON:
                soonest = min(soonest, remaining - threshold)
        return soonest

    def export_state(self) -> dict[str, Any]:
        """A JSON-able dict to save often, so a meeting survives the app closing or crashing."""
        actual = self._actual(self._clock())
        return {
            "format": STATE_FORMAT,
            "segment_keys": [s.key for s in self._agenda.segments],
            "total_seconds": self._total,
            "state": self._state.value,
            "index": self._index,
            "planned": list(self._plan),
            "reference": list(self._reference),
            "spent": actual,
            "rebalance": self._rebalance,
        }

    def restore_state(self, data: Mapping[str, Any]) -> None:
        """Take up a saved meeting; a running one comes back PAUSED with its saved figures.

        The time between the last save and now counts as paused: nobody knows whether the
        meeting went on while the app was closed, and the facilitator resumes when ready.
        """
        if not isinstance(data, Mapping) or data.get("format") != STATE_FORMAT:
            raise damaged_state("not in a format this version can read")
        keys = [s.key for s in self._agenda.segments]
        if data.get("segment_keys") != keys:
            raise damaged_state("it belongs to a different agenda")
        total, index = data.get("total_seconds"), data.get("index")
        if not is_whole(total) or total <= 0:
            raise damaged_state("no valid meeting length")
        if not is_whole(index) or not 0 <= index < len(keys):
            raise damaged_state("it points at a segment the agenda lacks")
        try:
            state = ClockState(str(data.get("state")))
        except ValueError as exc:
            raise damaged_state("unknown state") from exc
        spent = seconds_list(data.get("spent"), len(keys), "spent")
        plan = whole_list(data.get("planned"), len(keys), "planned")
        reference = whole_list(data.get("reference"), len(keys), "reference")
        enabled = data.get("rebalance")
        if not isinstance(enabled, bool):
            raise damaged_state("it does not say whether to rebalance")
        self._total, self._index, self._rebalance = total, index, enabled
        self._plan, self._reference, self._spent = plan, reference, spent
        self._state = ClockState.PAUSED if state is ClockState.RUNNING else state
        self._run_started = None

    def _bank(self, now: float) -> None:
        """Move the running stretch into the current segment's spent time."""
        if self._state is ClockState.RUNNING and self._run_started is not None:
            # A clock that steps back (only a faulty fake would) must not un-spend time.
            self._spent[self._index] += max(0.0, now - self._run_started)
            self._run_started = now

    def _actual(self, now: float) -> list[float]:
        actual = list(self._spent)
        if self._state is ClockState.RUNNING and self._run_started is not None:
            actual[self._index] += max(0.0, now - self._run_started)
        return actual

    def _plan_on_leaving(self, actual: Sequence[float]) -> list[int]:
        """The plan to fix as the current segment ends now.

        The segment left keeps its own plan, for the planned-versus-actual record; the later
        segments are rebalanced with its unused time counted as saved, which makes up for
        earlier overruns only (see :func:`~sspt_desktop.domain.meeting_figures.behind_seconds`):
        counting it beyond that as room for later segments would plan the same seconds twice
        (a 30-minute meeting would show 30:56 planned after one +1 minute left early).
        """
        return list(self._live_plan(actual, leaving=True))

    def _live_plan(self, actual: Sequence[float], *, leaving: bool = False) -> tuple[int, ...]:
        index = self._index
        if self._state is ClockState.FINISHED:
            return tuple(self._plan)
        base = [*self._plan[: index + 1], *self._reference[index + 1 :]]
        if not self._rebalance:
            return tuple(base)
        # rebalance() needs only what is committed before the later segments: the plans up to
        # the current one, plus the time the meeting runs behind them.
        committed_before = math.fsum(base[:index]) + behind_seconds(
            base, actual, index, leaving=leaving
        )
        result = rebalance(self._agenda, base, index, 0.0, committed_before, self._total)
        return result.planned
