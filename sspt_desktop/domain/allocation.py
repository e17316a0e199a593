"""Fitting the agenda into the meeting length the team picks, and rebalancing what is left.

Seed 000 gives each segment a range (27-36 minutes in all) but asks for a 20-30 minute meeting, so
the timer has to fit the segments into the chosen total while keeping their proportions, and
shorten the segments still to come when one runs over.

Everything here works in whole seconds. Shares are computed with exact fractions and turned into
seconds by largest-remainder rounding, so a plan adds up to its total to the second and no
segment ever lands outside the bounds the arithmetic promises (floating point could push a
share a hair below a minimum and make it round the wrong way).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from sspt_desktop.domain.agenda import Agenda, AgendaSegment
from sspt_desktop.domain.errors import InvalidInput


class Fit(StrEnum):
    """How the chosen total compares with the seeded ranges.

    ``WITHIN_RANGES`` when the total lies between the sum of the minimums and the sum of the
    maximums (both ends included); otherwise every segment is scaled in proportion below its
    minimum or above its maximum, and the timer tells the team so.
    """

    BELOW_MINIMUMS = "below_minimums"
    WITHIN_RANGES = "within_ranges"
    ABOVE_MAXIMUMS = "above_maximums"


def segment_bounds(segment: AgendaSegment) -> tuple[int, int]:
    """The segment's seeded range in whole seconds, as ``(minimum, maximum)``.

    A minimum is at least one second, so a segment with a tiny fractional range still takes part
    in proportional scaling instead of dividing by zero.
    """
    low = max(1, round(segment.min_minutes * 60))
    high = max(low, round(segment.max_minutes * 60))
    return low, high


@dataclass(frozen=True, slots=True)
class Allocation:
    """The planned length of every agenda segment for one meeting, in whole seconds.

    ``seconds`` follows the agenda's order and always adds up to ``total_seconds`` exactly.
    ``fit`` says whether the plan respects the seeded ranges (the user interface words it for
    the timekeeper). Build one with :func:`allocate`.
    """

    agenda: Agenda
    total_seconds: int
    seconds: tuple[int, ...]
    fit: Fit

    @property
    def min_total_seconds(self) -> int:
        """The sum of the seeded minimums, in seconds."""
        return sum(segment_bounds(s)[0] for s in self.agenda.segments)

    @property
    def max_total_seconds(self) -> int:
        """The sum of the seeded maximums, in seconds."""
        return sum(segment_bounds(s)[1] for s in self.agenda.segments)

    def seconds_for(self, key: str) -> int:
        """The planned seconds of the segment that fills pane ``key``."""
        return self.seconds[self.agenda.index_of(key)]


def allocate(agenda: Agenda, total_seconds: int) -> Allocation:
    """Fit the agenda's segments into ``total_seconds``, keeping the seed's proportions.

    Within the ranges, each segment gets its minimum plus a share of the extra time
    proportional to the width of its range, so all segments sit at the same point of their
    ranges. Below the minimums the minimums are scaled down in proportion; above the maximums
    the maximums are scaled up. The agenda's budget is not enforced here (see
    :func:`allocate_minutes`), so callers may plan any positive length.
    """
    _check_positive_int(total_seconds, "The meeting length")
    bounds = [segment_bounds(s) for s in agenda.segments]
    low_total = sum(low for low, _ in bounds)
    high_total = sum(high for _, high in bounds)
    ideal: list[Fraction]
    if total_seconds < low_total:
        fit = Fit.BELOW_MINIMUMS
        ideal = [Fraction(low * total_seconds, low_total) for low, _ in bounds]
    elif total_seconds > high_total:
        fit = Fit.ABOVE_MAXIMUMS
        ideal = [Fraction(high * total_seconds, high_total) for _, high in bounds]
    else:
        fit = Fit.WITHIN_RANGES
        extra = total_seconds - low_total
        width_total = high_total - low_total
        # When every range is a single value, width_total is 0 and so is extra.
        ideal = [
            Fraction(low) + (Fraction((high - low) * extra, width_total) if width_total else 0)
            for low, high in bounds
        ]
    return Allocation(
        agenda=agenda,
        total_seconds=total_seconds,
        seconds=_round_shares(ideal, total_seconds),
        fit=fit,
    )


def allocate_minutes(agenda: Agenda, minutes: int) -> Allocation:
    """:func:`allocate` for a length in minutes, checked against the agenda's budget first."""
    return allocate(agenda, agenda.budget.check(minutes) * 60)


@dataclass(frozen=True, slots=True)
class Rebalance:
    """The plan after shortening the segments still to come, and what it projects.

    ``planned`` has one entry per agenda segment; entries up to and including ``current_index``
    are exactly the ones given to :func:`rebalance`. ``committed_seconds`` is the time already
    used by earlier segments plus the current segment's length (its plan, or its elapsed time
    once it has run over). ``cut_seconds`` is how much was taken from the later segments.
    ``overrun_seconds`` is how far the meeting is projected to run past its total even after
    the cut (0 when the later segments could absorb it all).
    """

    planned: tuple[int, ...]
    current_index: int
    committed_seconds: int
    total_seconds: int
    cut_seconds: int

    @property
    def projected_seconds(self) -> int:
        """The projected running length of the whole meeting under this plan."""
        return self.committed_seconds + sum(self.planned[self.current_index + 1 :])

    @property
    def overrun_seconds(self) -> int:
        """Seconds the meeting is projected to run past its total (0 if on time or early)."""
        return max(0, self.projected_seconds - self.total_seconds)

    @property
    def feasible(self) -> bool:
        """Whether the meeting still fits its total under this plan."""
        return self.projected_seconds <= self.total_seconds


def rebalance(
    agenda: Agenda,
    planned: Sequence[int],
    current_index: int,
    elapsed_in_current: float,
    elapsed_before: float,
    total_seconds: int,
) -> Rebalance:
    """Shorten the segments after the current one so the meeting ends on its total.

    ``planned`` gives the plan of the segments done and the current one, and for the later
    segments the lengths they would have without rebalancing: those are a ceiling, as this never
    lengthens a segment (a meeting that is ahead simply ends early). ``elapsed_before`` is the
    time spent on all earlier segments and ``elapsed_in_current`` the time spent so far on the
    current one; the time they commit is rounded to the nearest second.

    The room left is ``total - elapsed_before - max(planned[current], elapsed_in_current)``.
    When the later segments need more than that, the difference is cut from them in proportion
    to each one's slack above its floor, where the floor is its seeded minimum, or its planned
    length if that is already lower (a plan below the minimums is never cut further). Cutting in
    proportion to slack keeps the segments at the same point of their ranges, as
    :func:`allocate` would for a shorter meeting. When even the floors do not fit, every later
    segment sits at its floor and ``overrun_seconds`` tells how late the meeting will end.
    Earlier segments and the current one are never changed.
    """
    count = len(agenda)
    if len(planned) != count:
        raise InvalidInput(
            f"The plan has {len(planned)} segments but the agenda has {count}; "
            "start the meeting timer again from the agenda."
        )
    for value in planned:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidInput(
                f"Planned lengths must be whole seconds of 0 or more (got {value!r})."
            )
    if not 0 <= current_index < count:
        raise InvalidInput(f"There is no agenda segment number {current_index + 1}.")
    for name, elapsed in (
        ("in the current segment", elapsed_in_current),
        ("before", elapsed_before),
    ):
        if not math.isfinite(elapsed) or elapsed < 0:
            raise InvalidInput(
                f"The time spent {name} must be 0 seconds or more (got {elapsed!r})."
            )
    _check_positive_int(total_seconds, "The meeting length")

    committed = round(elapsed_before + max(planned[current_index], elapsed_in_current))
    later = list(planned[current_index + 1 :])
    floors = [
        min(segment_bounds(segment)[0], length)
        for segment, length in zip(agenda.segments[current_index + 1 :], later, strict=True)
    ]
    excess = sum(later) - (total_seconds - committed)
    slack = [length - floor for length, floor in zip(later, floors, strict=True)]
    cut = min(max(excess, 0), sum(slack))
    if cut == 0:
        new_later = later
    elif cut == sum(slack):
        new_later = floors
    else:
        slack_total = sum(slack)
        cuts = _round_shares([Fraction(cut * s, slack_total) for s in slack], cut)
        new_later = [length - c for length, c in zip(later, cuts, strict=True)]
    return Rebalance(
        planned=tuple(planned[: current_index + 1]) + tuple(new_later),
        current_index=current_index,
        committed_seconds=committed,
        total_seconds=total_seconds,
        cut_seconds=cut,
    )


def _round_shares(ideal: Sequence[Fraction], total: int) -> tuple[int, ...]:
    """Round exact non-negative shares that add up to ``total`` into whole numbers that do too.

    Largest-remainder rounding: every share is rounded down, then the seconds still missing go
    one each to the shares with the largest fractional parts (earlier segments first on a tie,
    so the result is deterministic). A share is thus never moved by a second or more, which is
    what keeps rounded plans inside the bounds of their exact shares.
    """
    floors = [math.floor(share) for share in ideal]
    missing = total - sum(floors)
    by_remainder = sorted(range(len(ideal)), key=lambda i: (-(ideal[i] - floors[i]), i))
    for i in by_remainder[:missing]:
        floors[i] += 1
    return tuple(floors)


def _check_positive_int(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidInput(f"{what} must be a whole number of seconds above 0 (got {value!r}).")
