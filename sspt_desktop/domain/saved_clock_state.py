"""Checks for a meeting timer's saved state: it comes back from the database after a crash,
so every field is checked before the clock trusts it, with a message a person can act on."""

from __future__ import annotations

import math
from typing import Any, TypeGuard

from sspt_desktop.domain.errors import InvalidInput


def damaged_state(detail: str) -> InvalidInput:
    return InvalidInput(
        f"The saved meeting timer cannot be used ({detail}); "
        "start the timer again from the meeting's agenda."
    )


def is_whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def whole_list(raw: Any, count: int, name: str) -> list[int]:
    return [int(value) for value in seconds_list(raw, count, name, whole=True)]


def seconds_list(raw: Any, count: int, name: str, *, whole: bool = False) -> list[float]:
    if not isinstance(raw, list) or len(raw) != count:
        raise damaged_state(f"its '{name}' list does not match the agenda")
    for value in raw:
        number = is_whole(value) or (not whole and isinstance(value, float))
        if not number or not math.isfinite(value) or value < 0:
            raise damaged_state(f"its '{name}' list holds {value!r}, not a length of time")
    return [float(value) for value in raw]
