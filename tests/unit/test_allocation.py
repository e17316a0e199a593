"""Fitting the agenda into the chosen meeting length, and rebalancing after an overrun."""

from __future__ import annotations

import importlib.resources
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sspt_desktop.domain.agenda import Agenda, AgendaSegment, TotalBudget
from sspt_desktop.domain.allocation import (
    Fit,
    allocate,
    allocate_minutes,
    rebalance,
    segment_bounds,
)
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.ui.timer.timer_text import fit_text

# No example database: tests must not leave files in the working tree.
PROPERTY = settings(database=None, deadline=None, max_examples=300)


def shipped_agenda() -> Agenda:
    resources = importlib.resources.files("sspt_desktop.resources")
    return Agenda.from_json(resources.joinpath("agenda.json").read_text(encoding="utf-8"))


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    """Agendas of 1-8 segments with ranges given to the second (so minutes are fractional)."""
    count = draw(st.integers(min_value=1, max_value=8))
    segments = []
    for number in range(count):
        low = draw(st.integers(min_value=1, max_value=900))
        width = draw(st.integers(min_value=0, max_value=900))
        segments.append(
            AgendaSegment(f"s{number}", f"Segment {number}", low / 60, (low + width) / 60)
        )
    return Agenda(segments=tuple(segments), budget=TotalBudget(default=30, minimum=15, maximum=45))


# --- allocate: the shipped agenda -----------------------------------------------------------


def test_thirty_minutes_fit_within_every_range() -> None:
    agenda = shipped_agenda()
    allocation = allocate(agenda, 30 * 60)
    assert allocation.fit is Fit.WITHIN_RANGES
    assert sum(allocation.seconds) == 1800
    for segment, seconds in zip(agenda, allocation.seconds, strict=True):
        assert segment.min_minutes * 60 <= seconds <= segment.max_minutes * 60
    # 3 of the 9 spare minutes go to every range, in proportion to its width.
    assert allocation.seconds == (140, 140, 260, 200, 400, 520, 140)
    assert allocation.seconds_for("plan") == 520
    assert fit_text(allocation) == "Every segment fits within its seeded range."


def test_twenty_minutes_is_below_the_seeded_minimums() -> None:
    agenda = shipped_agenda()
    allocation = allocate(agenda, 20 * 60)
    assert allocation.fit is Fit.BELOW_MINIMUMS
    assert allocation.min_total_seconds == 27 * 60
    assert sum(allocation.seconds) == 1200
    for segment, seconds in zip(agenda, allocation.seconds, strict=True):
        assert seconds < segment.min_minutes * 60
        assert abs(seconds - segment.min_minutes * 60 * 20 / 27) < 1
    assert fit_text(allocation) == (
        "20 minutes is less than the seeded minimums (27 min); "
        "every segment is shortened in proportion."
    )


def test_forty_minutes_is_above_the_seeded_maximums() -> None:
    allocation = allocate(shipped_agenda(), 40 * 60)
    assert allocation.fit is Fit.ABOVE_MAXIMUMS
    assert sum(allocation.seconds) == 2400
    assert fit_text(allocation) == (
        "40 minutes is more than the seeded maximums (36 min); "
        "every segment is lengthened in proportion."
    )


def test_the_ends_of_the_ranges_are_within_ranges() -> None:
    agenda = shipped_agenda()
    lowest = allocate(agenda, 27 * 60)
    highest = allocate(agenda, 36 * 60)
    assert lowest.fit is Fit.WITHIN_RANGES and highest.fit is Fit.WITHIN_RANGES
    assert lowest.seconds == tuple(round(s.min_minutes * 60) for s in agenda)
    assert highest.seconds == tuple(round(s.max_minutes * 60) for s in agenda)


def test_an_odd_total_describes_minutes_and_seconds() -> None:
    allocation = allocate(shipped_agenda(), 20 * 60 + 30)
    assert fit_text(allocation).startswith("20 min 30 s is less than")
    assert sum(allocation.seconds) == 1230


def test_allocate_minutes_checks_the_budget() -> None:
    agenda = shipped_agenda()
    assert allocate_minutes(agenda, 30) == allocate(agenda, 1800)
    for minutes in (14, 46):
        with pytest.raises(InvalidInput, match="between 15 and 45 minutes"):
            allocate_minutes(agenda, minutes)


@pytest.mark.parametrize("total", [0, -60, 1.5, True, "1800"])
def test_a_total_that_is_not_a_positive_whole_number_is_refused(total: object) -> None:
    with pytest.raises(InvalidInput, match="whole number of seconds above 0"):
        allocate(shipped_agenda(), total)  # type: ignore[arg-type]


def test_fractional_minutes_and_fixed_ranges() -> None:
    agenda = Agenda(
        segments=(
            AgendaSegment("a", "A", 2.5, 2.5),
            AgendaSegment("b", "B", 1, 1),
        ),
        budget=TotalBudget(30, 15, 45),
    )
    assert segment_bounds(agenda.segments[0]) == (150, 150)
    assert allocate(agenda, 210).seconds == (150, 60)
    assert allocate(agenda, 210).fit is Fit.WITHIN_RANGES


# --- allocate: properties -------------------------------------------------------------------


@PROPERTY
@given(agenda=agendas(), total=st.integers(min_value=1, max_value=20_000))
def test_allocation_adds_up_keeps_order_and_respects_ranges(agenda: Agenda, total: int) -> None:
    allocation = allocate(agenda, total)
    bounds = [segment_bounds(s) for s in agenda]
    low_total = sum(low for low, _ in bounds)
    high_total = sum(high for _, high in bounds)
    assert sum(allocation.seconds) == total
    assert len(allocation.seconds) == len(agenda)
    assert all(seconds >= 0 for seconds in allocation.seconds)
    if total < low_total:
        assert allocation.fit is Fit.BELOW_MINIMUMS
        ideal = [Fraction(low * total, low_total) for low, _ in bounds]
        assert all(
            seconds <= low for seconds, (low, _) in zip(allocation.seconds, bounds, strict=True)
        )
    elif total > high_total:
        assert allocation.fit is Fit.ABOVE_MAXIMUMS
        ideal = [Fraction(high * total, high_total) for _, high in bounds]
        assert all(
            seconds >= high for seconds, (_, high) in zip(allocation.seconds, bounds, strict=True)
        )
    else:
        assert allocation.fit is Fit.WITHIN_RANGES
        ideal = [
            low + Fraction((high - low) * (total - low_total), high_total - low_total or 1)
            for low, high in bounds
        ]
        for seconds, (low, high) in zip(allocation.seconds, bounds, strict=True):
            assert low <= seconds <= high
    # Each segment is its own exact share rounded by less than a second: order and proportion.
    for seconds, share in zip(allocation.seconds, ideal, strict=True):
        assert abs(seconds - share) < 1


# --- rebalance: examples --------------------------------------------------------------------

PLAN_30 = (140, 140, 260, 200, 400, 520, 140)
MINIMUMS = (120, 120, 240, 180, 360, 480, 120)


def test_on_time_nothing_changes() -> None:
    result = rebalance(shipped_agenda(), PLAN_30, 2, 100, 280, 1800)
    assert result.planned == PLAN_30
    assert result.cut_seconds == 0
    assert result.overrun_seconds == 0
    assert result.projected_seconds == 1800
    assert result.feasible


def test_an_overrun_is_taken_from_the_later_segments_in_proportion() -> None:
    # The welcome ran 2 minutes over its 140 s.
    result = rebalance(shipped_agenda(), PLAN_30, 0, 260, 0, 1800)
    assert result.planned[0] == 140
    assert result.cut_seconds == 120
    assert result.projected_seconds == 1800
    assert sum(result.planned[1:]) + 260 == 1800
    later = result.planned[1:]
    assert all(new >= low for new, low in zip(later, MINIMUMS[1:], strict=True))
    # The later segments have 160 s of slack above their minimums; each loses 3/4 of its own.
    assert later == (125, 245, 185, 370, 490, 125)


def test_when_the_minimums_cannot_absorb_it_the_overrun_is_projected() -> None:
    result = rebalance(shipped_agenda(), PLAN_30, 0, 600, 0, 1800)
    assert result.planned == (140, *MINIMUMS[1:])
    assert result.cut_seconds == sum(PLAN_30[1:]) - sum(MINIMUMS[1:])
    assert result.overrun_seconds == 600 + sum(MINIMUMS[1:]) - 1800
    assert not result.feasible


def test_a_plan_already_below_the_minimums_is_not_cut_further() -> None:
    agenda = shipped_agenda()
    plan = allocate(agenda, 1200).seconds
    result = rebalance(agenda, plan, 1, plan[1] + 60, plan[0], 1200)
    assert result.planned == plan
    assert result.overrun_seconds == 60


def test_on_the_last_segment_only_the_overrun_is_reported() -> None:
    result = rebalance(shipped_agenda(), PLAN_30, 6, 200, 1660, 1800)
    assert result.planned == PLAN_30
    assert result.overrun_seconds == 60


def test_elapsed_time_is_rounded_to_the_nearest_second() -> None:
    result = rebalance(shipped_agenda(), PLAN_30, 0, 200.4, 0.0, 1800)
    assert result.committed_seconds == 200
    assert result.cut_seconds == 60


@pytest.mark.parametrize(
    ("planned", "index", "current", "before", "message"),
    [
        (PLAN_30[:-1], 0, 0.0, 0.0, "has 6 segments but the agenda has 7"),
        ((*PLAN_30[:-1], -1), 0, 0.0, 0.0, "0 or more"),
        (PLAN_30, 7, 0.0, 0.0, "no agenda segment number 8"),
        (PLAN_30, -1, 0.0, 0.0, "no agenda segment number 0"),
        (PLAN_30, 0, -1.0, 0.0, "time spent in the current segment"),
        (PLAN_30, 0, 0.0, float("nan"), "time spent before"),
    ],
)
def test_rebalance_refuses_bad_input(
    planned: tuple[int, ...], index: int, current: float, before: float, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        rebalance(shipped_agenda(), planned, index, current, before, 1800)


# --- rebalance: properties ------------------------------------------------------------------


@st.composite
def situations(draw: st.DrawFn) -> tuple[Agenda, tuple[int, ...], int, int, int, int]:
    agenda = draw(agendas())
    total = draw(st.integers(min_value=1, max_value=20_000))
    plan = allocate(agenda, total).seconds
    index = draw(st.integers(min_value=0, max_value=len(agenda) - 1))
    current = draw(st.integers(min_value=0, max_value=2 * total))
    before = draw(st.integers(min_value=0, max_value=2 * total))
    return agenda, plan, index, current, before, total


@PROPERTY
@given(situation=situations())
def test_rebalance_keeps_done_segments_and_minimums_and_meets_the_total(
    situation: tuple[Agenda, tuple[int, ...], int, int, int, int],
) -> None:
    agenda, plan, index, current, before, total = situation
    result = rebalance(agenda, plan, index, current, before, total)
    assert result.planned[: index + 1] == plan[: index + 1]
    later_old, later_new = plan[index + 1 :], result.planned[index + 1 :]
    floors = [
        min(segment_bounds(s)[0], p)
        for s, p in zip(agenda.segments[index + 1 :], later_old, strict=True)
    ]
    for new, old, floor in zip(later_new, later_old, floors, strict=True):
        assert floor <= new <= old
    spent = before + max(plan[index], current)
    assert result.committed_seconds == spent
    assert result.cut_seconds == sum(later_old) - sum(later_new)
    if spent + sum(floors) <= total <= spent + sum(later_old):
        assert spent + sum(later_new) == total
        assert result.overrun_seconds == 0
    elif total > spent + sum(later_old):
        assert later_new == later_old
    else:
        assert list(later_new) == floors
        assert result.overrun_seconds == spent + sum(floors) - total


@PROPERTY
@given(situation=situations())
def test_rebalancing_a_rebalanced_plan_changes_nothing(
    situation: tuple[Agenda, tuple[int, ...], int, int, int, int],
) -> None:
    # The clock recomputes the plan on every reading; it must not drift.
    agenda, plan, index, current, before, total = situation
    once = rebalance(agenda, plan, index, current, before, total)
    twice = rebalance(agenda, once.planned, index, current, before, total)
    assert twice.planned == once.planned
