"""The intervention-library entries a team added, kept with the record (encrypted like it)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from sspt_desktop.domain.intervention_library import InterventionEntry
from sspt_desktop.storage.models import TeamInterventionRow
from sspt_desktop.storage.utc_timestamp import utc_now


class TeamInterventionRepository:
    """Team entries in the order they were added, as the library document writes them."""

    def list(self, session: Session) -> Sequence[InterventionEntry]:
        query = select(TeamInterventionRow).order_by(TeamInterventionRow.id)
        return [
            InterventionEntry.from_mapping(json.loads(row.entry_json), f"Team entry {row.id}")
            for row in session.scalars(query)
        ]

    def add(self, session: Session, entry: InterventionEntry) -> None:
        session.add(
            TeamInterventionRow(
                key=entry.key,
                entry_json=json.dumps(entry.to_mapping(), ensure_ascii=False),
                created_at=utc_now(),
            )
        )
        session.flush()
