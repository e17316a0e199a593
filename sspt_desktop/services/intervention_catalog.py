"""The intervention library the brainstorm pane searches: seed 003's entries and the team's own.

The shipped entries come from ``resources/interventions.json``. The team's entries are kept by a
:class:`TeamInterventionStore`; until the record's storage keeps them, the app can use
:class:`InMemoryTeamInterventions`, which forgets them when the app closes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib.resources import files
from typing import Protocol

from sspt_desktop.domain.intervention_library import (
    EntryKind,
    InterventionEntry,
    InterventionLibrary,
    Participants,
    new_team_entry,
)

LIBRARY_RESOURCE = "interventions.json"


def shipped_intervention_library() -> InterventionLibrary:
    """The entries of seed 003, as shipped in ``resources/interventions.json``."""
    text = files("sspt_desktop.resources").joinpath(LIBRARY_RESOURCE).read_text(encoding="utf-8")
    return InterventionLibrary.from_json(text)


class TeamInterventionStore(Protocol):
    """Where a team's own library entries are kept, in the order they were added."""

    def list(self) -> Sequence[InterventionEntry]: ...

    def add(self, entry: InterventionEntry) -> None: ...


class InMemoryTeamInterventions:
    """A :class:`TeamInterventionStore` that keeps entries only while the app runs.

    It stands in until the record's database keeps team entries, and serves tests.
    """

    def __init__(self, entries: Iterable[InterventionEntry] = ()) -> None:
        self._entries = tuple(entries)

    def list(self) -> Sequence[InterventionEntry]:
        return self._entries

    def add(self, entry: InterventionEntry) -> None:
        self._entries = (*self._entries, entry)


class InterventionCatalog:
    """The library the brainstorm pane offers: shipped entries followed by the team's own.

    The merged library is built once and rebuilt only when the team adds an entry, so a search
    on every keystroke never re-reads the file or the store.
    """

    def __init__(
        self, team_entries: TeamInterventionStore, shipped: InterventionLibrary | None = None
    ) -> None:
        self._team_entries = team_entries
        self._shipped = shipped if shipped is not None else shipped_intervention_library()
        self._library = self._shipped.with_team_entries(team_entries.list())

    @property
    def library(self) -> InterventionLibrary:
        return self._library

    def search(self, query: str) -> tuple[InterventionEntry, ...]:
        return self._library.search(query)

    def add_team_entry(
        self,
        title: str,
        *,
        kind: EntryKind = EntryKind.STRATEGY,
        tier: int | None = None,
        description: str = "",
        strategies: Iterable[str] = (),
        participants: Participants | None = None,
    ) -> InterventionEntry:
        """Create the team's entry, keep it, and return it (with its new UUID key)."""
        entry = new_team_entry(
            title,
            kind=kind,
            tier=tier,
            description=description,
            strategies=strategies,
            participants=participants if participants is not None else Participants(),
        )
        # Check it merges before storing it, so a refused entry is never kept.
        merged = self._library.with_team_entries((entry,))
        self._team_entries.add(entry)
        self._library = merged
        return entry
