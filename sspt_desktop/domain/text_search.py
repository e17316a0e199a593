"""The one form text takes before searching: caseless and accentless, in every script.

Search-as-you-type in the intervention library (and, later, in the list of students) compares
what a person types with what was stored. People type "nunez" for "Núñez", "ZOE" for "Zoë",
"ζωη" for "Ζωή", and some keyboards send an accent as its own combining character, so both
sides go through :func:`search_key` and are compared as plain strings.
"""

from __future__ import annotations

import unicodedata

# Casefolding can produce characters that decompose, and compatibility decomposition can
# produce capitals (U+210C BLACK-LETTER CAPITAL H becomes "H"), so one pass is not always
# stable. A few passes reach the fixed point for every character Unicode has; the limit only
# guards against a future Unicode version surprising us with an endless loop.
_MAX_PASSES = 4


def _one_pass(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_key(text: str) -> str:
    """Return ``text`` casefolded, compatibility-decomposed, without combining marks.

    Runs of whitespace become one space and the ends are trimmed, so words typed with a double
    space or a trailing space still match. Applying it twice gives the same result as once.
    """
    key = text
    for _ in range(_MAX_PASSES):
        folded = _one_pass(key)
        if folded == key:
            break
        key = folded
    return " ".join(key.split())
