"""The whole-meeting figures of the timer, defined once for the panel, the room and the notes.

Every figure is in seconds of running time: paused time is spent by no segment and moves no
plan. With ``planned`` and ``actual`` one entry per agenda segment and ``index`` the current one:

Planned seconds of a segment
    For a segment already left: the plan it had when it was left (its share of the meeting
    plus the facilitator's +/-1 minutes), kept as it was for the planned-versus-actual record
    whether the segment ended early or ran over. For the current segment: its plan now. For a
    later segment: its reference length (its share plus its own +/-1 minutes), less what
    rebalancing cuts from it.

Planned total
    The sum of the segments' planned seconds, and nothing else: the notes' "Whole meeting" row
    adds up its column. It is the meeting's length plus the +/-1 minutes rebalancing did not
    take back from later segments, less what rebalancing cut because the meeting ran behind.

Behind
    How far the meeting runs behind its plan (:func:`behind_seconds`): what the segments left so
    far took beyond their plans, net of what they saved, plus the current segment's overrun (not
    its unused time, which it may still use). Never negative: finishing early makes up for
    earlier overruns but banks nothing beyond them. A meeting that is ahead ends early;
    rebalancing never lengthens a segment past its reference.

Rebalancing
    Cuts the later segments so that the plans of the segments up to the current one, plus the
    time behind, plus the later segments fit the meeting's length (down to their seeded
    minimums; see :func:`~sspt_desktop.domain.allocation.rebalance`). Off, later segments keep
    their reference lengths and the meeting ends late by as much as it runs behind.

Time left
    :func:`time_left`: the current segment's remaining time (none once it is over: an
    overrunning segment is assumed to stop now) plus each later segment's planned time not yet
    spent. 0 once the meeting is finished.

Projected end
    Now plus the time left, always: ``ends_at = taken_at + time left`` on the monotonic clock,
    and :func:`projected_end` on the wall clock. While the current segment runs within its plan
    the end stands still; while paused or over time it moves with the clock.

Projected length and lateness
    The time spent plus the time left; it is late by however much it exceeds the meeting's
    length (early when negative).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from sspt_desktop.domain.clock_text import EPSILON


def behind_seconds(
    planned: Sequence[int], actual: Sequence[float], index: int, *, leaving: bool = False
) -> float:
    """Seconds the meeting runs behind its plan at segment ``index`` (0 when on time or ahead).

    ``leaving``: the current segment ends now, so its unused time counts as saved too.
    """
    done = math.fsum(actual[j] - planned[j] for j in range(index))
    current = actual[index] - planned[index]
    return max(0.0, done + (current if leaving else max(0.0, current)))


def time_left(planned: Sequence[int], actual: Sequence[float], index: int) -> float:
    """Seconds of running time left in the meeting from segment ``index``; see the module."""
    current = max(0.0, planned[index] - actual[index])
    return current + math.fsum(
        max(0.0, planned[j] - actual[j]) for j in range(index + 1, len(planned))
    )


def projected_end(left_seconds: float, now: datetime) -> datetime:
    """The wall-clock time the meeting is projected to end: ``now`` plus the time left."""
    return now + timedelta(seconds=max(0.0, left_seconds))


def seconds_to_next_tick(remaining: float) -> float:
    """How long until a countdown showing ``remaining`` seconds changes its figure, in (0, 1].

    The countdown shows whole seconds rounded up, then whole seconds over rounded down (see
    :mod:`~sspt_desktop.domain.clock_text`); either way its figure changes when the remaining
    time crosses a whole number, so the next change is at the next whole number below.
    """
    return remaining - (math.ceil(remaining - EPSILON) - 1)
