"""Putting values into translated wording's numbered places (``%1``, ``%2`` …) in one pass.

Chained ``str.replace`` calls corrupt a value that itself contains a later marker: a student
named "Ana %2" in ``"%1 · %2"`` would have her "%2" replaced by the meeting type. Qt's
``QString.arg`` does one pass, but PySide6 gives Python strings, so this does the same.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"%([1-9])")


def fill_placeholders(wording: str, *values: str) -> str:
    """``wording`` with ``%1`` … ``%9`` replaced by ``values`` in order; each marker is read
    from the wording only, never from a value already put in. A marker with no value stays."""

    def value(found: re.Match[str]) -> str:
        index = int(found.group(1)) - 1
        return values[index] if index < len(values) else found.group(0)

    return _MARKER.sub(value, wording)
