"""The words of the referral and meeting-details dialogs beyond the domain's labels.

The labels of codes (meeting types, invitation methods, concern areas) come from
:mod:`sspt_desktop.ui.common.domain_words`; this module adds what only these dialogs say: the concern
check boxes with their Alt letters, the orders choices are offered in, and the messages. Each
function looks its words up when called, so a language loaded at run time applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.meeting import MeetingType
from sspt_desktop.domain.meeting_arrangements import InvitationMethod

_CONTEXT = "CaseWords"


def tr(text: str) -> str:
    """Translate ``text`` in these dialogs' shared context."""
    return QCoreApplication.translate(_CONTEXT, text)


#: The areas in the order the referral form lists them.
CONCERN_ORDER: tuple[ConcernArea, ...] = (
    ConcernArea.ACADEMIC,
    ConcernArea.BEHAVIOUR,
    ConcernArea.ATTENDANCE,
    ConcernArea.SOCIAL_EMOTIONAL,
    ConcernArea.HEALTH,
    ConcernArea.LANGUAGE_DEVELOPMENT,
)


def concern_check_text(area: ConcernArea) -> str:
    """The check box's text, with the letter Alt reaches it by (none clashes in the dialog)."""
    return {
        ConcernArea.ACADEMIC: tr("&Academic"),
        ConcernArea.BEHAVIOUR: tr("Beha&viour"),
        ConcernArea.ATTENDANCE: tr("Atte&ndance"),
        ConcernArea.SOCIAL_EMOTIONAL: tr("&Social-emotional"),
        ConcernArea.HEALTH: tr("&Health"),
        ConcernArea.LANGUAGE_DEVELOPMENT: tr("&Language development"),
    }[area]


#: The meeting types a student's meeting may have, in the order of the meeting log.
STUDENT_MEETING_TYPES: tuple[MeetingType, ...] = (
    MeetingType.INITIAL,
    MeetingType.FOLLOW_UP_1,
    MeetingType.FOLLOW_UP_2,
    MeetingType.FOLLOW_UP_3,
    MeetingType.RECLASSIFICATION,
)


#: How a family may be invited, most usual first, "other" last.
INVITATION_ORDER: tuple[InvitationMethod, ...] = (
    InvitationMethod.LETTER,
    InvitationMethod.PHONE,
    InvitationMethod.EMAIL,
    InvitationMethod.IN_PERSON,
    InvitationMethod.TEXT_MESSAGE,
    InvitationMethod.OTHER,
)


def needed_date_text() -> str:
    return tr("Needed: type the date as YYYY-MM-DD, for example 2025-03-14.")


def invited_after_meeting_text() -> str:
    return tr("The family is invited before the meeting: this date is after the meeting's date.")


def referral_closed_text() -> str:
    return tr(
        "This referral's case is closed, so it can no longer be changed. A new concern starts "
        "a new referral."
    )


def meeting_closed_text() -> str:
    return tr(
        "This meeting is closed, so its details can no longer be changed. Changes belong in "
        "the student's next meeting."
    )


def how_many_more_text(count: int) -> str:
    if count == 1:
        return tr("One more field needs attention: see the message beside it.")
    return tr("%1 more fields need attention: see the messages beside them.").replace(
        "%1", str(count)
    )
