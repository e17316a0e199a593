"""What the meeting timer shows at one instant: its state, warning level and figures.

Kept apart from :mod:`~sspt_desktop.domain.meeting_clock` (which computes them) so the
displays depend on a small, frozen value and the clock module stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sspt_desktop.domain.clock_text import whole_seconds


class ClockState(StrEnum):
    """Where the meeting timer is: not started, running, paused, or finished for good."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class WarningLevel(StrEnum):
    """How urgent the current segment's time is, for colour, sound and screen readers.

    ``NORMAL`` while more than the warning threshold is left; ``LAST_MINUTE`` from the threshold
    down to just above zero; ``TIME_UP`` from zero until the time-up grace has passed (remaining
    in ``(-grace, 0]``), so the change is announced once; ``OVERTIME`` after that. A timer that is
    not started or finished is always ``NORMAL``.
    """

    NORMAL = "normal"
    LAST_MINUTE = "last_minute"
    TIME_UP = "time_up"
    OVERTIME = "overtime"


def warning_level(remaining: float, warning_seconds: float, time_up_seconds: float) -> WarningLevel:
    """The :class:`WarningLevel` for ``remaining`` seconds left (negative when over)."""
    if remaining > warning_seconds:
        return WarningLevel.NORMAL
    if remaining > 0:
        return WarningLevel.LAST_MINUTE
    if remaining > -time_up_seconds:
        return WarningLevel.TIME_UP
    return WarningLevel.OVERTIME


@dataclass(frozen=True, slots=True)
class ClockSnapshot:
    """Everything the timer shows, read at one instant; the UI renders it and keeps nothing.

    It holds states, levels and figures, never words: the user interface says the state in
    its own language from ``state``, ``warning`` and ``remaining_seconds``.

    Lengths are seconds of running time (pauses excluded), with the meanings defined in
    :mod:`~sspt_desktop.domain.meeting_figures`. ``remaining_seconds`` is negative once the
    current segment is over. ``planned_seconds`` is the plan of every segment (after
    rebalancing) and ``actual_seconds`` the time spent per segment, the running stretch
    included. ``total_seconds`` is the meeting's length as chosen; ``meeting_left_seconds`` the
    time left in the whole meeting, from which the projected end, the projected length and the
    lateness follow (properties), so no two of them can disagree. ``taken_at`` is the monotonic
    reading used. ``next_change_in_seconds`` is how long until the countdown's figure or the
    warning level changes while the timer runs (``None`` otherwise), so a display can refresh
    exactly then instead of polling.
    """

    state: ClockState
    index: int
    segment_count: int
    segment_key: str
    segment_title: str
    next_title: str | None
    remaining_seconds: float
    warning: WarningLevel
    clock_text: str
    total_seconds: int
    spent_seconds: float
    meeting_left_seconds: float
    planned_seconds: tuple[int, ...]
    actual_seconds: tuple[float, ...]
    shortened_seconds: int
    rebalancing: bool
    taken_at: float
    next_change_in_seconds: float | None

    @property
    def planned_total_seconds(self) -> int:
        """The sum of the segments' planned seconds (the notes' "Whole meeting" row)."""
        return sum(self.planned_seconds)

    @property
    def actual_total_seconds(self) -> int:
        """The whole seconds spent, segment by segment, added up as the notes add them."""
        return sum(whole_seconds(spent) for spent in self.actual_seconds)

    @property
    def ends_at(self) -> float:
        """The monotonic reading at which the meeting is projected to end: now plus time left."""
        return self.taken_at + self.meeting_left_seconds

    @property
    def projected_length_seconds(self) -> float:
        """How long the meeting will have run when it ends: time spent plus time left."""
        return self.spent_seconds + self.meeting_left_seconds

    @property
    def projected_overrun_seconds(self) -> float:
        """How far the projected length is past the meeting's length (negative when early)."""
        return self.projected_length_seconds - self.total_seconds
