"""Words for the timer, shared by the meeting view's panel and the timekeeper window.

Colour is never the only signal: every warning level also has a symbol and words, and both
widgets build their lines here so the room and the laptop always say the same thing.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from sspt_desktop.domain.allocation import Allocation, Fit
from sspt_desktop.domain.clock_text import format_clock, minutes_and_seconds, whole_seconds_left
from sspt_desktop.domain.meeting_clock import ClockSnapshot, ClockState, WarningLevel
from sspt_desktop.domain.meeting_figures import projected_end

#: A shape per level, so the state reads without colour (and on a black-and-white projector).
SYMBOLS = {
    WarningLevel.NORMAL: "●",
    WarningLevel.LAST_MINUTE: "▲",
    WarningLevel.TIME_UP: "■",
    WarningLevel.OVERTIME: "◆",
}
#: Paused and finished have shapes of their own, told apart from every level's. Two heavy bars
#: rather than U+23F8, which the fonts of many Linux desktops lack (it would show as a box).
PAUSED_SYMBOL = "❚❚"
FINISHED_SYMBOL = "✓"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimerText", text)


def end_time(snapshot: ClockSnapshot, now: datetime) -> datetime:
    """The wall-clock time the meeting is projected to end: ``now`` plus the time left."""
    return projected_end(snapshot.meeting_left_seconds, now)


def countdown_text(snapshot: ClockSnapshot) -> str:
    """The big figure: the segment's countdown, or 'Finished' once the meeting has ended."""
    if snapshot.state is ClockState.FINISHED:
        return _tr("Finished")
    return snapshot.clock_text


def meeting_line(snapshot: ClockSnapshot, now: datetime) -> str:
    """'meeting: 21:10 left · ends 15:28' (with ', 3 min late' when it cannot end on time).

    The time left and the end are one figure read two ways (end = now + left, see
    :mod:`~sspt_desktop.domain.meeting_figures`), so they never disagree.
    """
    if snapshot.state is ClockState.FINISHED:
        return (
            _tr("meeting took %1 · planned %2")
            .replace("%1", minutes_and_seconds(snapshot.actual_total_seconds))
            .replace("%2", minutes_and_seconds(snapshot.planned_total_seconds))
        )
    left = _tr("meeting: %1 left").replace("%1", format_clock(snapshot.meeting_left_seconds))
    ends = _tr("ends %1").replace("%1", f"{end_time(snapshot, now):%H:%M}")
    late_minutes = round(snapshot.projected_overrun_seconds / 60)
    if late_minutes >= 1:
        ends += _tr(", %1 min late").replace("%1", str(late_minutes))
    return f"{left} · {ends}"


def spoken_duration(seconds: int) -> str:
    """'3 min 41 s', '5 min' or '41 s': a length a screen reader says clearly."""
    minutes, rest = divmod(max(0, seconds), 60)
    if minutes == 0:
        return _tr("%1 s").replace("%1", str(rest))
    if rest == 0:
        return _tr("%1 min").replace("%1", str(minutes))
    return _tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(rest))


def state_text(snapshot: ClockSnapshot) -> str:
    """The state in words, without a symbol: 'Not started', '3 min 41 s left', 'Last minute:
    41 s left', 'Time is up', '+01:12 over', 'Paused: …' or 'Meeting finished'.

    Composed here from the snapshot's state, warning level and time left; the clock itself
    keeps no words. Also the countdown's accessible description, for screen readers.
    """
    if snapshot.state is ClockState.NOT_STARTED:
        return _tr("Not started")
    if snapshot.state is ClockState.FINISHED:
        return _tr("Meeting finished")
    remaining = snapshot.remaining_seconds
    left = spoken_duration(whole_seconds_left(remaining))
    if snapshot.warning is WarningLevel.NORMAL:
        text = _tr("%1 left").replace("%1", left)
    elif snapshot.warning is WarningLevel.LAST_MINUTE:
        text = _tr("Last minute: %1 left").replace("%1", left)
    elif snapshot.warning is WarningLevel.TIME_UP:
        text = _tr("Time is up")
    else:
        text = _tr("%1 over").replace("%1", format_clock(remaining))
    if snapshot.state is ClockState.PAUSED:
        return _tr("Paused: %1").replace("%1", text)
    return text


def state_words(snapshot: ClockSnapshot) -> str:
    """The state in words with its symbol, e.g. '▲ Last minute: 45 s left' or '❚❚ Paused: …'."""
    text = state_text(snapshot)
    if snapshot.state is ClockState.NOT_STARTED:
        return text
    if snapshot.state is ClockState.FINISHED:
        return f"{FINISHED_SYMBOL} {text}"
    if snapshot.state is ClockState.PAUSED:
        return f"{PAUSED_SYMBOL} {text}"
    return f"{SYMBOLS[snapshot.warning]} {text}"


def _length_text(seconds: int) -> str:
    """'30 minutes', '1 minute', '45 seconds' or '20 min 30 s', to start a sentence."""
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        words = _tr("1 minute") if minutes == 1 else _tr("%1 minutes")
        return words.replace("%1", str(minutes))
    if minutes == 0:
        words = _tr("1 second") if rest == 1 else _tr("%1 seconds")
        return words.replace("%1", str(rest))
    return spoken_duration(seconds)


def fit_text(allocation: Allocation) -> str:
    """One sentence on how the chosen length fits the seeded ranges, for the timekeeper."""
    if allocation.fit is Fit.BELOW_MINIMUMS:
        return (
            _tr(
                "%1 is less than the seeded minimums (%2); every segment is shortened in "
                "proportion."
            )
            .replace("%2", spoken_duration(allocation.min_total_seconds))
            .replace("%1", _length_text(allocation.total_seconds))
        )
    if allocation.fit is Fit.ABOVE_MAXIMUMS:
        return (
            _tr(
                "%1 is more than the seeded maximums (%2); every segment is lengthened in "
                "proportion."
            )
            .replace("%2", spoken_duration(allocation.max_total_seconds))
            .replace("%1", _length_text(allocation.total_seconds))
        )
    return _tr("Every segment fits within its seeded range.")


def next_line(snapshot: ClockSnapshot) -> str:
    """'next: Goal Setting', 'last segment', or nothing once the meeting is finished."""
    if snapshot.state is ClockState.FINISHED:
        return ""
    if snapshot.next_title is None:
        return _tr("last segment")
    return _tr("next: %1").replace("%1", snapshot.next_title)


def shortened_line(snapshot: ClockSnapshot) -> str:
    """Says how much the later segments lost to rebalancing, or '' when nothing was cut."""
    if snapshot.state is ClockState.FINISHED or snapshot.shortened_seconds <= 0:
        return ""
    amount = spoken_duration(snapshot.shortened_seconds)
    return _tr("later segments shortened by %1").replace("%1", amount)


def warning_property(snapshot: ClockSnapshot | None) -> str:
    """The value of the ``warning`` style property: a level, or 'paused', 'finished' or 'idle'.

    Paused wins over the level: a paused timer is not counting down, whatever it shows.
    """
    if snapshot is None or snapshot.state is ClockState.NOT_STARTED:
        return "idle"
    if snapshot.state is ClockState.FINISHED:
        return "finished"
    if snapshot.state is ClockState.PAUSED:
        return "paused"
    return snapshot.warning.value
