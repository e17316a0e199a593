"""When and where a meeting is held, and how and when the family was invited.

Kept beside :class:`~sspt_desktop.domain.meeting.Meeting` (date, type, location, status) so
existing callers keep working; storage pairs one with each meeting. The start time is a
wall-clock time at the school, as people read it on an invitation, not a measured instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.text_limits import InvalidField, LimitCode


class InvitationMethod(StrEnum):
    """How the family was invited (codes; the user interface supplies the words)."""

    LETTER = "letter"
    PHONE = "phone"
    EMAIL = "email"
    TEXT_MESSAGE = "text_message"
    IN_PERSON = "in_person"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class MeetingArrangements:
    """A meeting's start time, and the family invitation: how and on which day."""

    start_time: time | None = None
    invited_how: InvitationMethod | None = None
    invited_on: date | None = None

    def __post_init__(self) -> None:
        when = self.start_time
        if when is not None and (
            not isinstance(when, time) or when.tzinfo is not None or when.second or when.microsecond
        ):
            raise InvalidField("start_time", LimitCode.OUT_OF_RANGE, "whole minutes, local")
        if self.invited_how is not None and not isinstance(self.invited_how, InvitationMethod):
            raise InvalidField("invited_how", LimitCode.UNKNOWN_VALUE)
        limits.optional_date("invited_on", self.invited_on)
