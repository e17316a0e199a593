"""The hard limits every typed value meets before the domain accepts it, kept in one place.

One-line fields (names, places, owners, short answers) refuse line breaks and control
characters, so nothing accepted can later break a table row, a list entry or a printed cell.
Multi-line fields (notes, descriptions) keep whatever a text box or a paste gives them, exactly
as typed: line breaks of every kind (``\r``, U+2028), tabs and other control characters that a
paste from a word processor or a spreadsheet brings (form feeds, vertical tabs); only NUL and
lone surrogates, which no one types and which cannot be stored as text, are refused. Printing
is where such characters are made harmless, never here by losing what was typed. Every text
has a maximum length; notes allow 200,000 characters so a 100,000-character paste is kept.
Dates must lie in a range a school record can mean, and timestamps must be timezone-aware UTC.

Errors are :class:`InvalidField`: an :class:`InvalidInput` that names the field (a path such
as ``goals[0].target``) and carries a code the user interface translates. Messages never
quote the value, so they are safe to log.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar
from uuid import UUID

from sspt_desktop.domain.errors import InvalidInput

#: A person's name, a role-holder, an owner.
NAME_MAX = 120
#: Any other one-line answer: a place, a measure, "by June 5", an intervention's name.
ONE_LINE_MAX = 500
#: A short multi-line text: a problem statement, a case description, a close-anyway reason.
PARAGRAPH_MAX = 20_000
#: Free notes of a pane: a 100,000-character paste fits twice.
NOTES_MAX = 200_000
#: Entries in any list (attendees, strengths, ideas, plan rows): keeps layout and print finite.
LIST_MAX = 200
#: Dates a school record can mean; anything outside is a typing slip, not a real date.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)

# Characters that end a line without being control characters.
_LINE_SEPARATORS = frozenset("\u2028\u2029")
# Multi-line text keeps every character a text box or a paste can hold but NUL.
_MULTI_LINE_ALLOWED = frozenset("\n\t\r\u2028\u2029") | frozenset(
    chr(c) for c in [*range(0x01, 0x20), *range(0x7F, 0xA0)]
)


class LimitCode(StrEnum):
    """Why a value was refused; the user interface words each code with ``tr()``."""

    NOT_TEXT = "not_text"
    TOO_LONG = "too_long"
    LINE_BREAK = "line_break"
    CONTROL_CHARACTER = "control_character"
    BROKEN_CHARACTER = "broken_character"
    TOO_MANY = "too_many"
    IMPOSSIBLE_DATE = "impossible_date"
    NAIVE_TIMESTAMP = "naive_timestamp"
    NOT_A_UUID = "not_a_uuid"
    UNKNOWN_VALUE = "unknown_value"
    OUT_OF_RANGE = "out_of_range"
    DAMAGED = "damaged"
    NEWER_VERSION = "newer_version"


class InvalidField(InvalidInput):
    """A value the domain refuses, with the field it was typed in and why (a :class:`LimitCode`).

    ``field`` is a path such as ``attendance[2].name`` so the form can put the message at the
    field; ``str(error)`` is an English sentence for logs that never contains the value.
    """

    def __init__(self, field: str, code: LimitCode, detail: str = "") -> None:
        self.field = field
        self.code = code
        suffix = f" ({detail})" if detail else ""
        super().__init__(f"{field}: {code.value}{suffix}")


# Every character the loop below could refuse: controls (Cc), line separators, surrogates (Cs).
# One regular-expression search finds none in a 100,000-character note in well under a
# millisecond, where the loop takes about 17 ms: the notes are checked on every keystroke.
_SUSPECT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SUSPECT_MULTI_LINE = re.compile(r"[\x00\ud800-\udfff]")


def _check_characters(field: str, value: str, *, allowed: frozenset[str]) -> None:
    suspect = {frozenset(): _SUSPECT_ONE_LINE, _MULTI_LINE_ALLOWED: _SUSPECT_MULTI_LINE}.get(
        allowed
    )
    if suspect is not None and suspect.search(value) is None:
        return
    for char in value:
        if char in allowed:
            continue
        if char in "\n\r" or char in _LINE_SEPARATORS:
            raise InvalidField(field, LimitCode.LINE_BREAK)
        category = unicodedata.category(char)
        if category == "Cc":
            raise InvalidField(field, LimitCode.CONTROL_CHARACTER, f"U+{ord(char):04X}")
        if category == "Cs":
            # A lone surrogate cannot be written as UTF-8: storing it would fail later.
            raise InvalidField(field, LimitCode.BROKEN_CHARACTER)


def _check_text(field: str, value: object, max_length: int) -> str:
    if not isinstance(value, str):
        raise InvalidField(field, LimitCode.NOT_TEXT)
    if len(value) > max_length:
        raise InvalidField(field, LimitCode.TOO_LONG, f"at most {max_length} characters")
    return value


def one_line(field: str, value: object, max_length: int = ONE_LINE_MAX) -> str:
    """Return ``value`` if it is one line of text within ``max_length`` characters."""
    text = _check_text(field, value, max_length)
    # Format characters (right-to-left marks, emoji joiners) are text, not control: they stay.
    _check_characters(field, text, allowed=frozenset())
    return text


def multi_line(field: str, value: object, max_length: int = PARAGRAPH_MAX) -> str:
    """Return ``value`` if it is text within ``max_length``, kept exactly as typed (only NUL
    and lone surrogates are refused)."""
    text = _check_text(field, value, max_length)
    _check_characters(field, text, allowed=_MULTI_LINE_ALLOWED)
    return text


def notes(field: str, value: object) -> str:
    """Return a pane's free notes if they fit :data:`NOTES_MAX`."""
    return multi_line(field, value, NOTES_MAX)


def school_date(field: str, value: object) -> date:
    """Return ``value`` if it is a date (not a datetime) a school record can mean."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidField(field, LimitCode.IMPOSSIBLE_DATE)
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise InvalidField(field, LimitCode.IMPOSSIBLE_DATE, "outside 1900-2199")
    return value


def optional_date(field: str, value: object) -> date | None:
    return None if value is None else school_date(field, value)


def parse_date(field: str, text: str) -> date:
    """An ISO date (``2025-03-14``) as typed or stored; 30 February is refused, naming the field."""
    try:
        parsed = date.fromisoformat(text)
    except (TypeError, ValueError) as exc:
        raise InvalidField(field, LimitCode.IMPOSSIBLE_DATE) from exc
    return school_date(field, parsed)


def utc_timestamp(field: str, value: object) -> datetime:
    """Return ``value`` if it is a timezone-aware datetime, normalised to UTC; naive is refused."""
    if not isinstance(value, datetime):
        raise InvalidField(field, LimitCode.NAIVE_TIMESTAMP)
    offset = value.utcoffset()
    if offset is None:
        raise InvalidField(field, LimitCode.NAIVE_TIMESTAMP)
    if offset != timedelta(0) or value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value


def uuid_value(field: str, value: object) -> UUID:
    if isinstance(value, UUID):
        return value
    raise InvalidField(field, LimitCode.NOT_A_UUID)


_Item = TypeVar("_Item")


def bounded_items(field: str, items: Sequence[_Item], max_items: int = LIST_MAX) -> None:
    """Refuse a list longer than ``max_items`` (the layout and the printed form stay finite)."""
    if len(items) > max_items:
        raise InvalidField(field, LimitCode.TOO_MANY, f"at most {max_items}")


def is_blank(text: str) -> bool:
    return not text.strip()


_Built = TypeVar("_Built")


def located(prefix: str, build: Callable[[], _Built]) -> _Built:
    """Build an item so that a refusal inside it names the whole path (``attendance[2].name``)."""
    try:
        return build()
    except InvalidField as error:
        raise InvalidField(f"{prefix}.{error.field}", error.code) from error
