"""The words the pane editors show for missing-field and refusal codes, through Qt's translation.

The domain stores codes and never words; the words of roles, areas, tiers and ratings come
from :mod:`sspt_desktop.ui.common.domain_words` (re-exported here for the panes), and this module
words what a pane still lacks and why a value was refused. Every function looks
its words up when called, so a language loaded at run time applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

# The words of the codes themselves live in one module for every screen; the panes' modules
# keep importing them from here.
from sspt_desktop.ui.common.domain_words import (
    ROLE_ORDER,
    behaviour_function_label,
    concern_area_label,
    rating_label,
    role_label,
    strength_area_label,
    tier_label,
)

__all__ = [
    "ROLE_ORDER",
    "behaviour_function_label",
    "concern_area_label",
    "gap_text",
    "not_chosen",
    "rating_label",
    "refusal_text",
    "role_label",
    "strength_area_label",
    "tier_label",
    "tr",
]

_CONTEXT = "PaneWords"


def tr(text: str) -> str:
    """Translate ``text`` in the panes' shared context."""
    return QCoreApplication.translate(_CONTEXT, text)


def not_chosen() -> str:
    """The first entry of every choice: nothing picked yet (a gap, never a refusal)."""
    return tr("(not chosen)")


def gap_text(field_label: str, gap: Missing) -> str:
    """One gap in calm words: the field's label and what it still needs."""
    phrase = {
        MissingCode.REQUIRED: tr("{field}: still to fill in"),
        MissingCode.TOO_FEW: tr("{field}: none yet"),
        MissingCode.TOO_MANY: tr("{field}: more than the three a team can monitor"),
        MissingCode.UNKNOWN_REFERENCE: tr("{field}: refers to something no longer here"),
        MissingCode.BEFORE_START: tr("{field}: earlier than the date it follows"),
        MissingCode.ROLE_UNFILLED: tr("{field}: nobody holds this role yet"),
        MissingCode.LANGUAGE: tr("{field}: which language is interpreted?"),
        MissingCode.SPECIFIC: tr("{field}: not specific yet"),
        MissingCode.MEASURABLE: tr("{field}: not measurable yet"),
        MissingCode.ACHIEVABLE: tr("{field}: not achievable from the baseline yet"),
        MissingCode.RELEVANT: tr("{field}: not tied to the problem yet"),
        MissingCode.TIME_BOUND: tr("{field}: not time-bound yet"),
    }[gap.code]
    return phrase.format(field=field_label)


def refusal_text(error: InvalidField, max_length: int | None = None) -> str:
    """Why a value was not taken into the record, said at the field; what was typed stays."""
    kept = tr("The record keeps the last accepted value until this is fixed.")
    if error.code is LimitCode.TOO_LONG and max_length is not None:
        reason = tr("Too long: at most {count} characters.").format(count=f"{max_length:,}")
    else:
        reason = {
            LimitCode.LINE_BREAK: tr("One line only: remove the line break."),
            LimitCode.CONTROL_CHARACTER: tr("Contains an invisible control character."),
            LimitCode.BROKEN_CHARACTER: tr("Contains a broken character."),
            LimitCode.TOO_LONG: tr("Too long."),
            LimitCode.TOO_MANY: tr("Too many entries."),
            LimitCode.IMPOSSIBLE_DATE: tr(
                "Not a possible date: type it as YYYY-MM-DD, for example 2025-03-14."
            ),
            LimitCode.OUT_OF_RANGE: tr("Not a time: type it as HH:MM, for example 15:30."),
        }.get(error.code, tr("This value cannot be kept."))
    return f"{reason} {kept}"
