"""How the meeting timer's figures read as figures: a countdown, an overtime count, a length.
Kept apart from the clock so both displays and the notes format time the same way. Words
("3 min 41 s left") are the user interface's, in its language."""

from __future__ import annotations

import math

# Readings are differences of floats; without a little tolerance 221.0000000001 seconds left
# would show as 03:42 instead of 03:41.
EPSILON = 1e-9


def whole_seconds_left(remaining: float) -> int:
    """Seconds left as a countdown shows them: rounded up, so 0 appears only when time is up."""
    return max(0, math.ceil(remaining - EPSILON))


def whole_seconds_over(remaining: float) -> int:
    """Seconds past zero as an overtime count shows them: whole seconds elapsed, rounded down."""
    return max(0, math.floor(-remaining + EPSILON))


def format_clock(remaining: float) -> str:
    """'MM:SS' while time is left, '+MM:SS' once over (minutes grow past 99 if need be)."""
    if remaining > -EPSILON:
        minutes, seconds = divmod(whole_seconds_left(remaining), 60)
        return f"{minutes:02d}:{seconds:02d}"
    minutes, seconds = divmod(whole_seconds_over(remaining), 60)
    return f"+{minutes:02d}:{seconds:02d}"


def whole_seconds(seconds: float) -> int:
    """A time spent in whole seconds, half a second rounding up: how the notes record it."""
    return max(0, math.floor(seconds + 0.5))


def minutes_and_seconds(seconds: int) -> str:
    """'2:20', '30:00': a planned or spent length, as the strip and the printed notes show it."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"
