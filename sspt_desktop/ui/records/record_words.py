"""The words of the student's record screens, each through Qt's translation.

The domain keeps language statuses as codes; their words come from
:mod:`sspt_desktop.ui.common.domain_words` (re-exported here for the record screens), and this module
adds the record's own messages. Each function looks its words up when called, so a
language loaded at run time applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# The words of the codes themselves live in one module for every screen; the record's modules
# keep importing them from here.
from sspt_desktop.ui.common.domain_words import (
    FORM_LANGUAGES,
    LANGUAGE_STATUS_ORDER,
    form_language_label,
    language_status_label,
)

__all__ = [
    "FORM_LANGUAGES",
    "LANGUAGE_STATUS_ORDER",
    "duplicate_number_text",
    "form_language_label",
    "how_many_more_text",
    "language_status_label",
    "required_text",
    "tr",
]

_CONTEXT = "RecordWords"


def tr(text: str) -> str:
    """Translate ``text`` in the record screens' shared context."""
    return QCoreApplication.translate(_CONTEXT, text)


def required_text() -> str:
    return tr("Needed: the record cannot keep a student without it.")


def duplicate_number_text(number: str) -> str:
    # Built with replace, not format: the typed ID may hold braces.
    return tr("A student with ID %1 is already in the record.").replace("%1", number.strip())


def how_many_more_text(count: int) -> str:
    return tr("%1 more fields need attention: see the messages beside them.").replace(
        "%1", str(count)
    )
