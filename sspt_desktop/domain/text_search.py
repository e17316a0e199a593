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


# Invisible characters a paste or a keyboard may slip in (soft hyphen, zero-width joiners, the
# combining grapheme joiner) would make a name that looks right fail to match.
_COMBINING_GRAPHEME_JOINER = 0x034F


class _DroppedCharacters(dict[int, int | None]):
    """A ``str.translate`` table that decides each character once, the first time it is seen.

    It maps an accent or an invisible character to None (dropped) and any other to itself, so
    a keystroke costs one C-level lookup per character instead of two Unicode database calls.
    It only grows with the distinct characters people type (a few hundred per script).
    """

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        # Marks with a combining class are the accents of every script (Latin acute, Greek
        # tonos, Hebrew points, Arabic harakat). Vowel signs of Indic and Thai scripts have
        # class 0: they spell the word rather than accent it, so they stay.
        dropped = (
            unicodedata.combining(ch) != 0
            or code == _COMBINING_GRAPHEME_JOINER
            or unicodedata.category(ch) == "Cf"
        )
        result = None if dropped else code
        self[code] = result
        return result


_DROPPED = _DroppedCharacters()


def _without_marks(text: str) -> str:
    return unicodedata.normalize("NFKD", text).translate(_DROPPED)


def _one_pass(text: str) -> str:
    # Marks go before casefolding too: casefolding turns the Greek iota subscript (a mark) into
    # a letter iota, which would set an alpha with iota subscript apart from a plain alpha.
    return _without_marks(_without_marks(text).casefold())


def search_key(text: str) -> str:
    """Return ``text`` casefolded, compatibility-decomposed, without accents or invisibles.

    Runs of whitespace become one space and the ends are trimmed, so words typed with a double
    space or a trailing space still match. Applying it twice gives the same result as once.
    """
    if text.isascii():
        # Most typing is plain ASCII, where casefolding is lower() and nothing decomposes.
        return " ".join(text.lower().split())
    key = text
    for _ in range(_MAX_PASSES):
        folded = _one_pass(key)
        if folded == key:
            break
        key = folded
    return " ".join(key.split())
