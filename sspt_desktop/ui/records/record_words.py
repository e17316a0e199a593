"""The words the student's record shows for the domain's codes, each through Qt's translation.

The domain keeps language statuses as codes and refusals as :class:`InvalidField` codes; this
module turns them into text a person reads. Each function looks its words up when called, so a
language loaded at run time applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sspt_desktop.domain.student import LanguageStatus

_CONTEXT = "RecordWords"

#: Languages the printed forms for families are planned in (ISO 639-1 codes, in this order).
FORM_LANGUAGES = ("en", "es", "vi")


def tr(text: str) -> str:
    """Translate ``text`` in the record screens' shared context."""
    return QCoreApplication.translate(_CONTEXT, text)


def language_status_label(status: LanguageStatus) -> str:
    return {
        LanguageStatus.ENGLISH_ONLY: tr("English only (EO)"),
        LanguageStatus.INITIALLY_FLUENT: tr("Initially fluent English proficient (IFEP)"),
        LanguageStatus.ENGLISH_LEARNER: tr("English learner (EL)"),
        LanguageStatus.RECLASSIFIED: tr("Reclassified fluent English proficient (RFEP)"),
        LanguageStatus.UNKNOWN: tr("To be determined"),
    }[status]


#: The order the language statuses are offered in: as a school decides them, unknown last.
LANGUAGE_STATUS_ORDER = (
    LanguageStatus.ENGLISH_ONLY,
    LanguageStatus.INITIALLY_FLUENT,
    LanguageStatus.ENGLISH_LEARNER,
    LanguageStatus.RECLASSIFIED,
    LanguageStatus.UNKNOWN,
)


def form_language_label(code: str) -> str:
    """A family's language for printed forms; an unknown code (an older record) shows as is."""
    return {
        "en": tr("English"),
        "es": tr("Spanish (Español)"),
        "vi": tr("Vietnamese (Tiếng Việt)"),
    }.get(code, code)


def required_text() -> str:
    return tr("Needed: the record cannot keep a student without it.")


def duplicate_number_text(number: str) -> str:
    # Built with replace, not format: the typed ID may hold braces.
    return tr("A student with ID %1 is already in the record.").replace("%1", number.strip())


def how_many_more_text(count: int) -> str:
    return tr("%1 more fields need attention: see the messages beside them.").replace(
        "%1", str(count)
    )
