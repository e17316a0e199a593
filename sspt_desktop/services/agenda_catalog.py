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


def _parsed(stored: str | None) -> Agenda | None:
    if not stored:
        return None
    try:
        return Agenda.from_json(stored)
    except InvalidInput:
        # A damaged agenda must not stop a meeting: the caller falls back.
        return None


def agenda_in_session(session: Session, meeting_id: int | None) -> Agenda:
    """The agenda meeting ``meeting_id`` began with, else the school's, else the seed's,
    read in the caller's transaction."""
    if meeting_id is not None:
        agenda = _parsed(MeetingRepository().agenda_json(session, meeting_id))
        if agenda is not None:
            return agenda
    agenda = _parsed(SettingsRepository().get(session, SCHOOL_AGENDA_KEY))
    return agenda if agenda is not None else shipped_agenda()


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
            return agenda_in_session(session, None)

    def save_school_agenda(self, agenda: Agenda) -> None:
        with self._sessions.begin() as session:
            self._settings.put(session, SCHOOL_AGENDA_KEY, agenda.to_json())

    def for_meeting(self, meeting_id: int) -> Agenda:
        with self._sessions() as session:
            return agenda_in_session(session, meeting_id)
