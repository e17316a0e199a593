"""The areas a concern about a student falls in, shared by the referral and the problem pane."""

from __future__ import annotations

from enum import StrEnum


class ConcernArea(StrEnum):
    """Areas of concern a referral names (the issue's referral form; seed 002 "Gather Data").

    Values are stored codes; the user interface and the printed forms supply the words.
    """

    ACADEMIC = "academic"
    BEHAVIOUR = "behaviour"
    ATTENDANCE = "attendance"
    SOCIAL_EMOTIONAL = "social_emotional"
    HEALTH = "health"
    LANGUAGE_DEVELOPMENT = "language_development"
