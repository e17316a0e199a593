"""The intervention library the brainstorm pane offers: seed 003's supports and alternatives.

The shipped entries (every Tier 1, Tier 2 and Tier 3 support and strategy of the bulletin, and
the 13 alternatives to suspension of its Attachment C) live as data in
``resources/interventions.json``; this module knows the document's shape, checks it, merges the
entries a team adds, and searches them as a person types.

The bulletin lists its tiered items under "Supports and Strategies" without telling which is
which, so the shipped tiered entries all carry the kind ``support``; ``strategy`` is there for
entries a team adds.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sspt_desktop.domain import text_search
from sspt_desktop.domain.errors import InvalidInput

#: The version of the library document this code reads and writes.
LIBRARY_FORMAT = 1

TIERS: tuple[int, ...] = (1, 2, 3)


class EntryKind(StrEnum):
    """What an entry is: a tiered support, a strategy, or an alternative to suspension."""

    SUPPORT = "support"
    STRATEGY = "strategy"
    ALTERNATIVE_TO_SUSPENSION = "alternative_to_suspension"


class EntryOrigin(StrEnum):
    """Where an entry came from: shipped with the app from a seed, or added by the team."""

    SEED = "seed"
    TEAM = "team"


@dataclass(frozen=True, slots=True)
class Participants:
    """Who takes part in an intervention: those the seed wants there, and those it welcomes."""

    desired: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class InterventionEntry:
    """One support, strategy or alternative to suspension a team may pick as an idea.

    ``key`` stays the same across releases for shipped entries (a slug) and is a UUID for a
    team's own, so an idea in the record can point back to its entry. ``seed_section`` names
    the heading of the seed an entry came from (parts joined by " > "), empty for team entries.
    """

    key: str
    title: str
    kind: EntryKind
    tier: int | None = None
    description: str = ""
    strategies: tuple[str, ...] = ()
    participants: Participants = Participants()
    seed_section: str = ""
    origin: EntryOrigin = EntryOrigin.SEED

    def __post_init__(self) -> None:
        if not self.key.strip():
            raise InvalidInput("An intervention entry has no key.")
        if not self.title.strip():
            raise InvalidInput(f"The intervention entry '{self.key}' has no title.")
        if self.tier is not None and self.tier not in TIERS:
            raise InvalidInput(
                f"The intervention entry '{self.key}' has tier {self.tier}; "
                "the tier must be 1, 2, 3 or none."
            )
        if self.origin is EntryOrigin.SEED and not self.seed_section.strip():
            raise InvalidInput(
                f"The intervention entry '{self.key}' does not say which seed section it is from."
            )

    def to_mapping(self) -> dict[str, Any]:
        """The entry as the library document writes it (``origin`` only for team entries)."""
        mapping: dict[str, Any] = {
            "key": self.key,
            "title": self.title,
            "tier": self.tier,
            "kind": self.kind.value,
            "description": self.description,
            "strategies": list(self.strategies),
            "participants": {
                "desired": list(self.participants.desired),
                "optional": list(self.participants.optional),
            },
            "seed_section": self.seed_section,
        }
        if self.origin is not EntryOrigin.SEED:
            mapping["origin"] = self.origin.value
        return mapping

    @classmethod
    def from_mapping(cls, data: Any, label: str = "An intervention entry") -> InterventionEntry:
        """Read one entry; ``label`` says which one in the messages ("Entry 3", say)."""
        if not isinstance(data, Mapping):
            raise InvalidInput(f"{label} must be an object with a key and a title.")
        key = data.get("key")
        if not isinstance(key, str) or not key.strip():
            raise InvalidInput(f"{label} needs a 'key' (text).")
        named = f"{label} ('{key}')"
        title = _text(data, "title", named, required=True)
        kind_value = data.get("kind")
        try:
            kind = EntryKind(str(kind_value))
        except ValueError as exc:
            allowed = ", ".join(k.value for k in EntryKind)
            raise InvalidInput(f"{named}: 'kind' must be one of {allowed}.") from exc
        tier = data.get("tier")
        if tier is not None and (
            not isinstance(tier, int) or isinstance(tier, bool) or tier not in TIERS
        ):
            raise InvalidInput(f"{named}: 'tier' must be 1, 2, 3 or null.")
        origin_value = data.get("origin", EntryOrigin.SEED.value)
        try:
            origin = EntryOrigin(str(origin_value))
        except ValueError as exc:
            raise InvalidInput(f"{named}: 'origin' must be 'seed' or 'team'.") from exc
        raw_participants = data.get("participants", {})
        if not isinstance(raw_participants, Mapping):
            raise InvalidInput(f"{named}: 'participants' must hold 'desired' and 'optional'.")
        try:
            return cls(
                key=key,
                title=title,
                kind=kind,
                tier=tier,
                description=_text(data, "description", named),
                strategies=_texts(data, "strategies", named),
                participants=Participants(
                    desired=_texts(raw_participants, "desired", f"{named} participants"),
                    optional=_texts(raw_participants, "optional", f"{named} participants"),
                ),
                seed_section=_text(data, "seed_section", named),
                origin=origin,
            )
        except InvalidInput as exc:
            if str(exc).startswith(label):
                raise
            raise InvalidInput(f"{named}: {exc}") from exc


def new_team_entry(
    title: str,
    *,
    kind: EntryKind = EntryKind.STRATEGY,
    tier: int | None = None,
    description: str = "",
    strategies: Iterable[str] = (),
    participants: Participants = Participants(),
) -> InterventionEntry:
    """A team's own entry, with a fresh UUID key so it never collides with a shipped one."""
    return InterventionEntry(
        key=str(uuid.uuid4()),
        title=title.strip(),
        kind=kind,
        tier=tier,
        description=description.strip(),
        strategies=tuple(s.strip() for s in strategies if s.strip()),
        participants=participants,
        origin=EntryOrigin.TEAM,
    )


@dataclass(frozen=True, slots=True)
class _SearchRow:
    """An entry's text in search form, computed once so a keystroke only compares strings."""

    entry: InterventionEntry
    title: str
    title_words: tuple[str, ...]
    everything: str


_WORD_SPLIT = re.compile(r"[\W_]+")


def _search_row(entry: InterventionEntry) -> _SearchRow:
    title = text_search.search_key(entry.title)
    parts = [entry.title, entry.description, *entry.strategies]
    return _SearchRow(
        entry=entry,
        title=title,
        title_words=tuple(w for w in _WORD_SPLIT.split(title) if w),
        everything="\n".join(text_search.search_key(p) for p in parts),
    )


# Ranks, best first: the title starts with what was typed; every typed word starts a word of
# the title; the words are found somewhere (inside a title word, the description, a strategy).
_TITLE_PREFIX, _TITLE_WORDS, _ELSEWHERE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class InterventionLibrary:
    """The shipped entries and the team's own, searchable as a person types.

    Entries keep the document's order (tier by tier, then the alternatives to suspension), which
    is also how equally good search matches are ordered. The library is immutable: adding a
    team's entries gives a new library.
    """

    entries: tuple[InterventionEntry, ...]
    source: str = ""
    _rows: tuple[_SearchRow, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for entry in self.entries:
            if entry.key in seen:
                raise InvalidInput(f"Two intervention entries share the key '{entry.key}'.")
            seen.add(entry.key)
        object.__setattr__(self, "_rows", tuple(_search_row(e) for e in self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, key: str) -> InterventionEntry:
        for candidate in self.entries:
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    def of_kind(self, kind: EntryKind) -> tuple[InterventionEntry, ...]:
        return tuple(e for e in self.entries if e.kind is kind)

    def of_tier(self, tier: int) -> tuple[InterventionEntry, ...]:
        return tuple(e for e in self.entries if e.tier == tier)

    def with_team_entries(self, team: Iterable[InterventionEntry]) -> InterventionLibrary:
        """This library followed by the team's entries (a clashing key is refused)."""
        added = tuple(team)
        for entry in added:
            if entry.origin is not EntryOrigin.TEAM:
                raise InvalidInput(f"The entry '{entry.key}' is not a team entry.")
        return InterventionLibrary(entries=self.entries + added, source=self.source)

    def search(self, query: str) -> tuple[InterventionEntry, ...]:
        """Entries matching every typed word, best first; all entries for an empty query.

        A word matches when it occurs in the title, the description or a strategy, ignoring
        case and accents. Only the query is normalised here: entries were normalised once.
        """
        typed = text_search.search_key(query)
        if not typed:
            return self.entries
        words = typed.split(" ")
        ranked: list[tuple[int, int, InterventionEntry]] = []
        for position, row in enumerate(self._rows):
            if not all(word in row.everything for word in words):
                continue
            if row.title.startswith(typed):
                rank = _TITLE_PREFIX
            elif all(any(t.startswith(w) for t in row.title_words) for w in words):
                rank = _TITLE_WORDS
            else:
                rank = _ELSEWHERE
            ranked.append((rank, position, row.entry))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return tuple(entry for _, _, entry in ranked)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": LIBRARY_FORMAT,
                "source": self.source,
                "entries": [e.to_mapping() for e in self.entries],
            },
            indent=2,
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> InterventionLibrary:
        """Parse a library document, with a message naming the entry and field that is wrong."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput(
                f"The intervention library is not valid JSON (line {exc.lineno})."
            ) from exc
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, data: Any) -> InterventionLibrary:
        if not isinstance(data, Mapping):
            raise InvalidInput("The intervention library must be an object with 'entries'.")
        version = data.get("format")
        if isinstance(version, bool) or not isinstance(version, int):
            raise InvalidInput("The intervention library does not say its 'format'.")
        if version > LIBRARY_FORMAT:
            raise InvalidInput(
                f"The intervention library has format {version}, newer than this version of "
                f"the app reads ({LIBRARY_FORMAT}); update the app."
            )
        if version < 1:
            raise InvalidInput(f"The intervention library has an unknown format {version}.")
        raw_entries = data.get("entries")
        if not isinstance(raw_entries, Sequence) or isinstance(raw_entries, str):
            raise InvalidInput("The intervention library must list its 'entries'.")
        source = data.get("source", "")
        if not isinstance(source, str):
            raise InvalidInput("The intervention library's 'source' must be text.")
        entries = tuple(
            InterventionEntry.from_mapping(raw, f"Entry {number}")
            for number, raw in enumerate(raw_entries, start=1)
        )
        return cls(entries=entries, source=source)


def _text(data: Mapping[str, Any], name: str, label: str, *, required: bool = False) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise InvalidInput(f"{label}: '{name}' must be text.")
    if required and not value.strip():
        raise InvalidInput(f"{label}: '{name}' is empty.")
    return value


def _texts(data: Mapping[str, Any], name: str, label: str) -> tuple[str, ...]:
    value = data.get(name, [])
    if (
        not isinstance(value, Sequence)
        or isinstance(value, str)
        or not all(isinstance(item, str) for item in value)
    ):
        raise InvalidInput(f"{label}: '{name}' must be a list of text.")
    return tuple(value)
