"""What a pane editor is given rather than looks up: the meeting it belongs to and the library."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol
from uuid import UUID, uuid4

from sspt_desktop.domain.intervention_library import InterventionEntry

#: Stands for the case or meeting until the pane is told which (a new goal still needs an id).
NO_RECORD = UUID(int=0)

LibrarySearch = Callable[[str], Sequence[InterventionEntry]]


class AddLibraryEntry(Protocol):
    """Keeps a team's own library entry and returns it (for example
    ``InterventionCatalog.add_team_entry``)."""

    def __call__(
        self, title: str, *, tier: int | None = None, description: str = ""
    ) -> InterventionEntry: ...


def _no_library(_query: str) -> Sequence[InterventionEntry]:
    return ()


@dataclass(frozen=True, slots=True)
class PaneContext:
    """The meeting a pane shows: its case and id (new goals, rows and ideas belong to them),
    its date (goals must end after it, action items are due after it) and how new ids are
    made (tests give a counter)."""

    case_id: UUID = NO_RECORD
    meeting_id: UUID = NO_RECORD
    meeting_date: date | None = None
    new_id: Callable[[], UUID] = field(default=uuid4)


@dataclass(frozen=True, slots=True)
class PaneServices:
    """What the panes use from the rest of the app, given by the composition root.

    ``search_library`` is the intervention library's search (for example
    ``InterventionCatalog.search``): a query in, entries best first out;
    ``add_library_entry`` keeps an entry the team adds.
    """

    search_library: LibrarySearch = _no_library
    #: How the team's own entries are kept; ``None`` offers no way to add one.
    add_library_entry: AddLibraryEntry | None = None
