"""Which agenda applies: the seeded one, the school's edited one, or the one a meeting began with."""

from __future__ import annotations

from importlib.resources import files

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.storage.repositories import MeetingRepository, SettingsRepository

SCHOOL_AGENDA_KEY = "agenda"


def shipped_agenda() -> Agenda:
    """The agenda of seed 000, as shipped in ``resources/agenda.json``."""
    text = files("sspt_desktop.resources").joinpath("agenda.json").read_text(encoding="utf-8")
    return Agenda.from_json(text)


class AgendaCatalog:
    """Finds the agenda for the school and for each meeting.

    A meeting keeps the agenda it started with (stored on the meeting as JSON), so a school
    editing its agenda later never changes the record of meetings already held.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._settings = SettingsRepository()
        self._meetings = MeetingRepository()

    def school_agenda(self) -> Agenda:
        with self._sessions() as session:
            stored = self._settings.get(session, SCHOOL_AGENDA_KEY)
        if stored is None:
            return shipped_agenda()
        try:
            return Agenda.from_json(stored)
        except InvalidInput:
            # A damaged setting must not stop a meeting: fall back to the seeded agenda.
            return shipped_agenda()

    def save_school_agenda(self, agenda: Agenda) -> None:
        with self._sessions.begin() as session:
            self._settings.put(session, SCHOOL_AGENDA_KEY, agenda.to_json())

    def for_meeting(self, meeting_id: int) -> Agenda:
        with self._sessions() as session:
            stored = self._meetings.agenda_json(session, meeting_id)
        if stored:
            try:
                return Agenda.from_json(stored)
            except InvalidInput:
                pass
        return self.school_agenda()
