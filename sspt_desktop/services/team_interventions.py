"""The team's own intervention-library entries, kept in the record so they persist."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.intervention_library import InterventionEntry
from sspt_desktop.storage.team_interventions import TeamInterventionRepository


class StoredTeamInterventions:
    """A :class:`~sspt_desktop.services.intervention_catalog.TeamInterventionStore` backed
    by the record's database: each entry added is committed at once."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._repository = TeamInterventionRepository()

    def list(self) -> Sequence[InterventionEntry]:
        with self._sessions() as session:
            return self._repository.list(session)

    def add(self, entry: InterventionEntry) -> None:
        with self._sessions.begin() as session:
            self._repository.add(session, entry)
