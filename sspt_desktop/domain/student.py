"""The student a meeting is about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from sspt_desktop.domain.errors import InvalidInput


class LanguageStatus(StrEnum):
    """English-language status as the district reports it (seed 001 counts meetings by it).

    Values are stored codes; the user interface and the printed forms supply the words.
    """

    ENGLISH_ONLY = "EO"
    ENGLISH_LEARNER = "EL"
    INITIALLY_FLUENT = "IFEP"
    RECLASSIFIED = "RFEP"
    UNKNOWN = "TBD"


@dataclass(frozen=True, slots=True)
class Student:
    """A student with an SSPT record. ``id`` is ``None`` until the student is stored.

    ``preferred_language`` is the family's language for printed forms (an ISO 639-1 code).
    """

    id: int | None
    student_number: str
    first_name: str
    last_name: str
    grade: str = ""
    birth_date: date | None = None
    language_status: LanguageStatus = LanguageStatus.UNKNOWN
    preferred_language: str = "en"
    referred_by: str = ""
    #: Public identity for export, import and a shared server; ``None`` until storage assigns it.
    uuid: UUID | None = None

    def __post_init__(self) -> None:
        if not self.first_name.strip() or not self.last_name.strip():
            raise InvalidInput("A student needs a first and a last name.")
        if not self.student_number.strip():
            raise InvalidInput("A student needs an ID number.")

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def short_name(self) -> str:
        """First name and last initial, as people say it in the meeting room."""
        return f"{self.first_name} {self.last_name[:1]}."
