"""The keys a student row carries for search, ordering and duplicate IDs, derived in one place.

``search_key`` holds the first name, the last name, the full name both ways (with and without
the space, so "DanielaReyes" typed as one word finds her) and the ID, each in the caseless,
accentless form of :func:`~sspt_desktop.domain.text_search.search_key`, one per line: typed
text never holds a line break, so a match never runs from one part into the next.
``sort_key`` orders by last name then first name the way people expect: case ignored and an
accented letter beside its plain one ("Núñez" with "Nunez", before "Ortiz").
``number_key`` is the ID casefolded, so an ID differing only in case is found as taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from sspt_desktop.domain.text_search import search_key

# Below every printable character, so "Li" sorts before "Lin" whatever the first names are.
_SORT_SEPARATOR = "\x1f"


@dataclass(frozen=True, slots=True)
class StudentKeys:
    """The derived keys of one student row."""

    search_key: str
    sort_key: str
    number_key: str


def number_key(student_number: str) -> str:
    return student_number.strip().casefold()


def student_keys(first_name: str, last_name: str, student_number: str) -> StudentKeys:
    first, last = search_key(first_name), search_key(last_name)
    number = search_key(student_number)
    parts: tuple[str, ...] = (first, last, f"{first} {last}", f"{last} {first}")
    parts += (f"{first}{last}", f"{last}{first}", number)
    sort = _SORT_SEPARATOR.join(
        (last, first, last_name.casefold(), first_name.casefold(), number_key(student_number))
    )
    return StudentKeys("\n".join(parts), sort, number_key(student_number))


def like_pattern(typed: str) -> str | None:
    """The ``LIKE`` pattern (escape character ``\\``) that finds ``typed`` anywhere in a
    search key, with ``%`` and ``_`` matching themselves; ``None`` when nothing was typed."""
    key = search_key(typed)
    if not key:
        return None
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
