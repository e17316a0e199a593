"""The meeting timer, driven by a fake monotonic clock so a whole meeting runs in milliseconds."""

from __future__ import annotations

import importlib.resources
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.allocation import Allocation, allocate
from sspt_desktop.domain.clock_text import format_clock
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting_clock import ClockState, MeetingClock, WarningLevel, warning_level
from sspt_desktop.ui.timer.timer_text import spoken_duration, state_text
from tests.support.fake_clock import FakeClock

PLAN_30 = (140, 140, 260, 200, 400, 520, 140)
MINIMUMS = (120, 120, 240, 180, 360, 480, 120)


def shipped_agenda() -> Agenda:
    resources = importlib.resources.files("sspt_desktop.resources")
    return Agenda.from_json(resources.joinpath("agenda.json").read_text(encoding="utf-8"))


def thirty_minutes() -> Allocation:
    return allocate(shipped_agenda(), 1800)


def make_clock(*, rebalance: bool = True) -> tuple[MeetingClock, FakeClock]:
    fake = FakeClock()
    return MeetingClock(thirty_minutes(), clock=fake, rebalance=rebalance), fake


def test_a_whole_meeting_on_plan_with_warnings_at_the_right_moments() -> None:
    clock, fake = make_clock()
    clock.start()
    for index, planned in enumerate(PLAN_30):
        snap = clock.snapshot()
        assert (snap.index, snap.remaining_seconds, snap.warning) == (
            index,
            planned,
            WarningLevel.NORMAL,
        )
        fake.advance(planned - 60.5)
        assert clock.snapshot().warning is WarningLevel.NORMAL
        fake.advance(0.5)  # exactly one minute left
        assert clock.snapshot().warning is WarningLevel.LAST_MINUTE
        fake.advance(59.75)  # binary fractions keep the fake clock exact
        assert clock.snapshot().warning is WarningLevel.LAST_MINUTE
        fake.advance(0.25)  # exactly at zero
        assert clock.snapshot().warning is WarningLevel.TIME_UP
        assert clock.snapshot().clock_text == "00:00"
        if index < len(PLAN_30) - 1:
            assert clock.next_segment()
    fake.advance(4.75)
    assert clock.snapshot().warning is WarningLevel.TIME_UP
    fake.advance(0.25)
    assert clock.snapshot().warning is WarningLevel.OVERTIME
    assert not clock.next_segment()  # the last segment does not finish the meeting by itself
    assert clock.finish()
    snap = clock.snapshot()
    assert snap.state is ClockState.FINISHED
    assert snap.warning is WarningLevel.NORMAL
    assert state_text(snap) == "Meeting finished"
    assert snap.planned_seconds == PLAN_30
    assert snap.actual_seconds == pytest.approx((*PLAN_30[:-1], PLAN_30[-1] + 5), abs=1e-6)
    assert snap.spent_seconds == pytest.approx(1805, abs=1e-6)
    assert snap.meeting_left_seconds == 0
    assert snap.projected_overrun_seconds == pytest.approx(5, abs=1e-6)
    fake.advance(600)
    assert clock.snapshot().actual_seconds == snap.actual_seconds


def test_before_the_start_nothing_but_start_and_time_changes_apply() -> None:
    clock, fake = make_clock()
    fake.advance(300)
    snap = clock.snapshot()
    assert snap.state is ClockState.NOT_STARTED
    assert snap.remaining_seconds == 140
    assert state_text(snap) == "Not started"
    assert snap.meeting_left_seconds == 1800
    assert snap.segment_title == "Welcome / Introductions"
    assert snap.next_title == "Student Strengths"
    for command in (
        clock.pause,
        clock.resume,
        clock.next_segment,
        clock.previous_segment,
        clock.finish,
    ):
        assert not command()
    assert clock.add_minute()
    assert clock.snapshot().remaining_seconds == 200
    assert clock.start() and not clock.start()


def test_paused_time_counts_for_no_segment() -> None:
    clock, fake = make_clock()
    assert clock.toggle_pause()  # starts
    fake.advance(30)
    assert clock.toggle_pause()  # pauses
    assert clock.state is ClockState.PAUSED
    fake.advance(500)
    snap = clock.snapshot()
    assert snap.remaining_seconds == pytest.approx(110)
    assert state_text(snap) == "Paused: 1 min 50 s left"
    assert snap.meeting_left_seconds == pytest.approx(1770)
    assert not clock.pause()
    assert clock.toggle_pause()  # resumes
    fake.advance(20)
    assert clock.snapshot().remaining_seconds == pytest.approx(90)
    assert clock.snapshot().spent_seconds == pytest.approx(50)


def test_moving_while_paused_stays_paused_and_previous_resumes_accounting() -> None:
    clock, fake = make_clock()
    clock.start()
    fake.advance(100)
    assert clock.next_segment()
    fake.advance(40)
    clock.pause()
    assert clock.previous_segment()
    assert clock.state is ClockState.PAUSED
    fake.advance(1000)
    clock.resume()
    fake.advance(25)
    snap = clock.snapshot()
    assert snap.index == 0
    assert snap.actual_seconds[:2] == pytest.approx((125, 40))
    assert snap.remaining_seconds == pytest.approx(15)
    assert not clock.previous_segment()
    assert not clock.go_to_segment(7) and not clock.go_to_segment(-1)
    assert clock.go_to_segment(6)
    assert clock.snapshot().next_title is None


def test_an_overrun_is_rebalanced_and_the_shown_plan_holds_when_moving_on() -> None:
    clock, fake = make_clock()
    clock.start()
    fake.advance(140 + 120)
    snap = clock.snapshot()
    assert snap.warning is WarningLevel.OVERTIME
    assert state_text(snap) == "+02:00 over"
    assert snap.planned_seconds == (140, 125, 245, 185, 370, 490, 125)
    assert snap.shortened_seconds == 120
    assert snap.projected_overrun_seconds == pytest.approx(0)
    assert snap.meeting_left_seconds == pytest.approx(1800 - 260)
    assert snap.ends_at == pytest.approx(snap.taken_at + 1540)
    clock.next_segment()
    after = clock.snapshot()
    assert after.planned_seconds == snap.planned_seconds
    assert after.remaining_seconds == 125
    # Leaving a segment 60 s early gives that time back to the later segments: 45 s of the cut
    # remains, shared in proportion to their slack.
    fake.advance(65)
    clock.next_segment()
    snap = clock.snapshot()
    assert snap.planned_seconds == (140, 125, 253, 194, 387, 507, 134)
    assert snap.shortened_seconds == 45 - 7
    assert snap.projected_overrun_seconds == pytest.approx(0)
    assert snap.meeting_left_seconds == pytest.approx(1800 - 325)
    # A segment left early but given back no more than its plan: the plan ends on the total.
    assert 325 + sum(snap.planned_seconds[2:]) == 1800


def test_an_overrun_without_rebalancing_moves_the_projected_end() -> None:
    clock, fake = make_clock(rebalance=False)
    clock.start()
    fake.advance(260)
    snap = clock.snapshot()
    assert snap.planned_seconds == PLAN_30
    assert snap.shortened_seconds == 0
    assert snap.projected_overrun_seconds == pytest.approx(120)
    clock.set_rebalance(True)
    assert clock.rebalancing
    assert clock.snapshot().projected_overrun_seconds == pytest.approx(0)
    clock.set_rebalance(False)
    assert clock.snapshot().planned_seconds == PLAN_30


def test_a_long_overrun_stops_at_the_minimums_and_projects_the_late_end() -> None:
    clock, fake = make_clock()
    clock.start()
    fake.advance(600)
    snap = clock.snapshot()
    assert snap.planned_seconds == (140, *MINIMUMS[1:])
    late = 600 + sum(MINIMUMS[1:]) - 1800
    assert snap.projected_overrun_seconds == pytest.approx(late)
    assert snap.meeting_left_seconds == pytest.approx(sum(MINIMUMS[1:]))


def test_plus_and_minus_one_minute_on_the_current_segment() -> None:
    clock, fake = make_clock()
    clock.start()
    fake.advance(100)
    assert clock.add_minute()
    snap = clock.snapshot()
    assert snap.remaining_seconds == pytest.approx(100)
    # The added minute comes out of the later segments, so the meeting still ends on time.
    assert snap.planned_seconds[0] == 200
    assert snap.projected_overrun_seconds == pytest.approx(0)
    assert clock.remove_minute() and clock.remove_minute()
    assert clock.snapshot().remaining_seconds == pytest.approx(-20)
    assert clock.remove_minute()  # 80 -> 20
    assert clock.remove_minute()  # 20 -> 0, never below
    assert not clock.remove_minute()
    assert clock.snapshot().planned_seconds[0] == 0
    assert not clock.add_time(0)
    with pytest.raises(InvalidInput, match="whole seconds"):
        clock.add_time(1.5)  # type: ignore[arg-type]


def test_an_added_minute_without_rebalancing_makes_the_meeting_longer() -> None:
    clock, fake = make_clock(rebalance=False)
    clock.start()
    clock.add_minute()
    fake.advance(10)
    assert clock.snapshot().projected_overrun_seconds == pytest.approx(60)
    clock.finish()
    assert not clock.add_minute()


def test_polling_often_or_rarely_reads_the_same_time() -> None:
    often, fake_often = make_clock()
    rarely, fake_rarely = make_clock()
    often.start()
    rarely.start()
    for _ in range(10_000):
        fake_often.advance(0.0137)
        often.snapshot()
    fake_rarely.advance(0.0137 * 10_000)
    assert often.snapshot().remaining_seconds == pytest.approx(
        rarely.snapshot().remaining_seconds, abs=1e-6
    )


def test_a_clock_that_steps_back_never_unspends_time() -> None:
    clock, fake = make_clock()
    clock.start()
    fake.advance(-5)
    assert clock.snapshot().remaining_seconds == 140
    clock.pause()
    assert clock.snapshot().spent_seconds == 0


def test_plain_words_for_screen_readers() -> None:
    clock, fake = make_clock()
    clock.start()
    clock.add_time(160)
    fake.advance(300 - 221)
    assert state_text(clock.snapshot()) == "3 min 41 s left"
    fake.advance(221 - 41)
    assert state_text(clock.snapshot()) == "Last minute: 41 s left"
    fake.advance(41)
    assert state_text(clock.snapshot()) == "Time is up"
    fake.advance(72)
    assert state_text(clock.snapshot()) == "+01:12 over"


def test_formatting() -> None:
    assert format_clock(221) == "03:41"
    assert format_clock(221.3) == "03:42"  # a countdown rounds up
    assert format_clock(221 + 1e-12) == "03:41"
    assert format_clock(0) == "00:00"
    assert format_clock(-0.4) == "+00:00"
    assert format_clock(-72.9) == "+01:12"
    assert format_clock(6000) == "100:00"
    assert spoken_duration(221) == "3 min 41 s"
    assert spoken_duration(300) == "5 min"
    assert spoken_duration(41) == "41 s"
    assert warning_level(-5, 60, 5) is WarningLevel.OVERTIME
    assert warning_level(-4.9, 60, 5) is WarningLevel.TIME_UP


def test_thresholds_are_configurable_and_checked() -> None:
    fake = FakeClock()
    clock = MeetingClock(thirty_minutes(), clock=fake, warning_seconds=120, time_up_seconds=10)
    clock.start()
    fake.advance(20)
    assert clock.snapshot().warning is WarningLevel.LAST_MINUTE
    fake.advance(129)
    assert clock.snapshot().warning is WarningLevel.TIME_UP
    with pytest.raises(InvalidInput, match="warning"):
        MeetingClock(thirty_minutes(), warning_seconds=-1)
    with pytest.raises(InvalidInput, match="Time is up"):
        MeetingClock(thirty_minutes(), time_up_seconds=0)


def test_a_running_meeting_comes_back_paused_with_its_figures() -> None:
    clock, fake = make_clock()
    clock.start()
    fake.advance(300.25)  # 160.25 s over in the welcome
    clock.next_segment()
    clock.add_minute()
    fake.advance(12.5)
    before = clock.snapshot()
    saved = json.loads(json.dumps(clock.export_state()))

    later = FakeClock(start=50.0)  # a new process: monotonic readings start elsewhere
    restored = MeetingClock(thirty_minutes(), clock=later)
    restored.restore_state(saved)
    later.advance(3600)  # time the app was closed, or waited to be resumed, counts as paused
    after = restored.snapshot()
    assert after.state is ClockState.PAUSED
    assert after.index == 1
    assert after.actual_seconds == pytest.approx(before.actual_seconds, abs=1e-9)
    assert after.planned_seconds == before.planned_seconds
    assert after.remaining_seconds == pytest.approx(before.remaining_seconds, abs=1e-9)
    restored.resume()
    later.advance(10)
    assert restored.snapshot().remaining_seconds == pytest.approx(
        before.remaining_seconds - 10, abs=1e-9
    )


@pytest.mark.parametrize("finish", [False, True])
def test_not_started_and_finished_meetings_round_trip(finish: bool) -> None:
    clock, fake = make_clock(rebalance=False)
    if finish:
        clock.start()
        fake.advance(90)
        clock.finish()
    restored = MeetingClock(thirty_minutes(), clock=FakeClock())
    restored.restore_state(json.loads(json.dumps(clock.export_state())))
    assert restored.state is clock.state
    assert not restored.rebalancing
    assert restored.snapshot().actual_seconds == clock.snapshot().actual_seconds


def _saved() -> dict[str, Any]:
    clock, _ = make_clock()
    clock.start()
    return clock.export_state()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": 99}, "format"),
        ({"segment_keys": ["welcome"]}, "different agenda"),
        ({"total_seconds": 0}, "meeting length"),
        ({"state": "sleeping"}, "unknown state"),
        ({"index": 7}, "segment the agenda lacks"),
        ({"planned": [1, 2]}, "'planned' list does not match"),
        ({"planned": [1.5] * 7}, "'planned' list holds 1.5"),
        ({"reference": [-1] * 7}, "'reference' list holds -1"),
        ({"spent": [float("inf")] * 7}, "'spent' list holds inf"),
        ({"spent": [True] * 7}, "'spent' list holds True"),
        ({"rebalance": "yes"}, "whether to rebalance"),
    ],
)
def test_a_damaged_saved_state_is_refused(change: dict[str, Any], message: str) -> None:
    clock, _ = make_clock()
    with pytest.raises(InvalidInput, match=message) as raised:
        clock.restore_state({**_saved(), **change})
    assert "start the timer again" in str(raised.value)
    assert clock.state is ClockState.NOT_STARTED


# --- exact time after any sequence of operations --------------------------------------------

OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(min_value=0, max_value=400, allow_nan=False)),
        st.tuples(
            st.sampled_from(["pause", "resume", "next", "previous", "plus", "minus"]),
            st.just(0.0),
        ),
    ),
    max_size=60,
)


@settings(database=None, deadline=None, max_examples=200)
@given(operations=OPERATIONS)
def test_remaining_time_is_exact_after_any_operations(
    operations: list[tuple[str, float]],
) -> None:
    # A simple model, counting time by hand; rebalancing is off so the plan is easy to follow.
    clock, fake = make_clock(rebalance=False)
    clock.start()
    spent = [0.0] * 7
    plan = list(PLAN_30)
    index, running = 0, True
    for name, value in operations:
        if name == "advance":
            fake.advance(value)
            if running:
                spent[index] += value
        elif name == "pause":
            assert clock.pause() == running
            running = False
        elif name == "resume":
            assert clock.resume() == (not running)
            running = True
        elif name == "next":
            assert clock.next_segment() == (index < 6)
            index = min(index + 1, 6)
        elif name == "previous":
            assert clock.previous_segment() == (index > 0)
            index = max(index - 1, 0)
        else:
            delta = 60 if name == "plus" else -60
            assert clock.add_time(delta) == (max(0, plan[index] + delta) != plan[index])
            plan[index] = max(0, plan[index] + delta)
        snap = clock.snapshot()
        assert snap.index == index
        assert snap.state is (ClockState.RUNNING if running else ClockState.PAUSED)
        assert snap.remaining_seconds == pytest.approx(plan[index] - spent[index], abs=1e-6)
        assert snap.actual_seconds == pytest.approx(spent, abs=1e-6)
        assert snap.planned_seconds == tuple(plan)
