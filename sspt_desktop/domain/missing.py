"""What a record still lacks: reported, never refused.

A pane keeps whatever was typed, however incomplete; its ``missing()`` lists the gaps as
:class:`Missing` items so the closure check can show them as a short list that jumps to the
field. Items carry codes, not sentences: the user interface words them with ``tr()`` and the
printed forms take their words from ``forms/<language>/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MissingCode(StrEnum):
    """Why a field counts as missing. SMART codes name the criterion a goal does not meet yet."""

    #: Nothing typed where something is needed.
    REQUIRED = "required"
    #: Fewer entries than the meeting needs (no goal, no chosen idea).
    TOO_FEW = "too_few"
    #: More entries than the seeds' practice (more than three goals).
    TOO_MANY = "too_many"
    #: A reference to a goal, idea or plan item that is not in the record.
    UNKNOWN_REFERENCE = "unknown_reference"
    #: A date before the date it follows (review before start, due before the meeting).
    BEFORE_START = "before_start"
    #: A meeting team role (seed 000) nobody holds.
    ROLE_UNFILLED = "role_unfilled"
    #: An interpreter without the language they interpret.
    LANGUAGE = "language"
    SPECIFIC = "specific"
    MEASURABLE = "measurable"
    ACHIEVABLE = "achievable"
    RELEVANT = "relevant"
    TIME_BOUND = "time_bound"


@dataclass(frozen=True, slots=True)
class Missing:
    """One gap: the field's path inside its record (``goals[1].target``) and why it counts."""

    field_path: str
    code: MissingCode

    def within(self, prefix: str) -> Missing:
        """The same gap seen from the record that holds this one (``plan`` + ``rows[0].owner``)."""
        return Missing(f"{prefix}.{self.field_path}" if prefix else self.field_path, self.code)
