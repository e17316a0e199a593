"""Words for the timer, shared by the meeting view's panel and the timekeeper window.

Colour is never the only signal: every warning level also has a symbol and words, and both
widgets build their lines here so the room and the laptop always say the same thing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from sspt_desktop.domain.clock_text import format_clock
from sspt_desktop.domain.meeting_clock import ClockSnapshot, ClockState, WarningLevel

#: A shape per level, so the state reads without colour (and on a black-and-white projector).
SYMBOLS = {
    WarningLevel.NORMAL: "●",
    WarningLevel.LAST_MINUTE: "▲",
    WarningLevel.TIME_UP: "■",
    WarningLevel.OVERTIME: "◆",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimerText", text)


def end_time(snapshot: ClockSnapshot, now: datetime) -> datetime:
    """The wall-clock time the meeting is projected to end, from ``now``."""
    return now + timedelta(seconds=max(0.0, snapshot.projected_end_in_seconds))


def meeting_line(snapshot: ClockSnapshot, now: datetime) -> str:
    """'meeting: 21:10 left · ends 15:28' (with ', 3 min late' when it cannot end on time)."""
    if snapshot.state is ClockState.FINISHED:
        return _tr("meeting finished after %1").replace(
            "%1", format_clock(snapshot.spent_seconds).lstrip("+")
        )
    left = snapshot.meeting_remaining_seconds
    if left >= 0:
        budget = _tr("meeting: %1 left").replace("%1", format_clock(left))
    else:
        budget = _tr("meeting: %1 over").replace("%1", format_clock(left))
    ends = _tr("ends %1").replace("%1", f"{end_time(snapshot, now):%H:%M}")
    late_minutes = round(snapshot.projected_overrun_seconds / 60)
    if late_minutes >= 1:
        ends += _tr(", %1 min late").replace("%1", str(late_minutes))
    return f"{budget} · {ends}"


def state_words(snapshot: ClockSnapshot) -> str:
    """The state in words with its symbol, e.g. '▲ Last minute: 45 s left'."""
    if snapshot.state in (ClockState.NOT_STARTED, ClockState.FINISHED):
        return snapshot.state_text
    return f"{SYMBOLS[snapshot.warning]} {snapshot.state_text}"


def next_line(snapshot: ClockSnapshot) -> str:
    if snapshot.next_title is None:
        return _tr("last segment")
    return _tr("next: %1").replace("%1", snapshot.next_title)


def shortened_line(snapshot: ClockSnapshot) -> str:
    """Says how much the later segments lost to rebalancing, or '' when nothing was cut."""
    if snapshot.state is ClockState.FINISHED or snapshot.shortened_seconds <= 0:
        return ""
    minutes, seconds = divmod(snapshot.shortened_seconds, 60)
    amount = (
        f"{minutes} min {seconds} s"
        if minutes and seconds
        else (f"{minutes} min" if minutes else f"{seconds} s")
    )
    return _tr("later segments shortened by %1").replace("%1", amount)


def warning_property(snapshot: ClockSnapshot | None) -> str:
    """The value of the ``warning`` style property: a level, or 'paused' / 'idle'."""
    if snapshot is None or snapshot.state in (ClockState.NOT_STARTED, ClockState.FINISHED):
        return "idle"
    return snapshot.warning.value
