"""The SSPT meeting agenda: its segments, their minute ranges, and the pane each one fills.

The seeded agenda (seed 000, "Structuring Time") ships as data in ``resources/agenda.json``; this
module only knows its shape and checks it, so a school can edit names, order and ranges without
touching code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sspt_desktop.domain.errors import InvalidInput

#: The recorder's panes, in agenda order. Each seeded segment fills the pane with the same key.
PANE_KEYS: tuple[str, ...] = (
    "welcome",
    "strengths",
    "problem",
    "goals",
    "brainstorm",
    "plan",
    "closure",
)


@dataclass(frozen=True, slots=True)
class AgendaSegment:
    """One step of the meeting, with the minute range the seed gives it.

    ``key`` names the recorder's pane the segment brings forward; a school may rename the
    segment's ``title`` but the key stays, so the record keeps its meaning across agendas.
    """

    key: str
    title: str
    min_minutes: float
    max_minutes: float

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise InvalidInput(f"The agenda segment '{self.key}' has no name.")
        if self.min_minutes <= 0 or self.max_minutes < self.min_minutes:
            raise InvalidInput(
                f"The agenda segment '{self.title}' needs a range like 2 to 3 minutes "
                f"(got {self.min_minutes:g} to {self.max_minutes:g})."
            )


@dataclass(frozen=True, slots=True)
class TotalBudget:
    """The meeting length the team may pick, in minutes (seed 000: 20-30; the app allows wider)."""

    default: int
    minimum: int
    maximum: int

    def check(self, minutes: int) -> int:
        """Return ``minutes`` if it is an allowed total, else raise :class:`InvalidInput`."""
        if not self.minimum <= minutes <= self.maximum:
            raise InvalidInput(
                f"The meeting length must be between {self.minimum} and {self.maximum} minutes "
                f"(got {minutes})."
            )
        return minutes


@dataclass(frozen=True, slots=True)
class Agenda:
    """An ordered list of segments and the total budget; a meeting keeps the agenda it began with."""

    segments: tuple[AgendaSegment, ...]
    budget: TotalBudget
    source: str = ""

    def __post_init__(self) -> None:
        if not self.segments:
            raise InvalidInput("The agenda has no segments.")
        keys = [s.key for s in self.segments]
        if len(set(keys)) != len(keys):
            raise InvalidInput("Two agenda segments share the same pane.")

    def __iter__(self) -> Iterator[AgendaSegment]:
        return iter(self.segments)

    def __len__(self) -> int:
        return len(self.segments)

    def index_of(self, key: str) -> int:
        for index, segment in enumerate(self.segments):
            if segment.key == key:
                return index
        raise KeyError(key)

    @property
    def min_total_minutes(self) -> float:
        return sum(s.min_minutes for s in self.segments)

    @property
    def max_total_minutes(self) -> float:
        return sum(s.max_minutes for s in self.segments)

    def to_json(self) -> str:
        return json.dumps(
            {
                "source": self.source,
                "total_minutes": {
                    "default": self.budget.default,
                    "min": self.budget.minimum,
                    "max": self.budget.maximum,
                },
                "segments": [
                    {
                        "key": s.key,
                        "title": s.title,
                        "min_minutes": s.min_minutes,
                        "max_minutes": s.max_minutes,
                    }
                    for s in self.segments
                ],
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> Agenda:
        """Parse an agenda file, with a message a person can act on when it is wrong."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"The agenda file is not valid JSON (line {exc.lineno}).") from exc
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, data: Any) -> Agenda:
        if not isinstance(data, Mapping):
            raise InvalidInput("The agenda file must hold an object with 'segments'.")
        raw_segments = data.get("segments")
        if not isinstance(raw_segments, Sequence) or isinstance(raw_segments, str):
            raise InvalidInput("The agenda file must list its 'segments'.")
        segments = []
        for number, raw in enumerate(raw_segments, start=1):
            try:
                segments.append(
                    AgendaSegment(
                        key=str(raw["key"]),
                        title=str(raw["title"]),
                        min_minutes=float(raw["min_minutes"]),
                        max_minutes=float(raw["max_minutes"]),
                    )
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise InvalidInput(
                    f"Agenda segment {number} needs key, title, min_minutes and max_minutes."
                ) from exc
        total = data.get("total_minutes", {})
        try:
            budget = TotalBudget(
                default=int(total.get("default", 30)),
                minimum=int(total.get("min", 15)),
                maximum=int(total.get("max", 45)),
            )
        except (AttributeError, TypeError, ValueError) as exc:
            raise InvalidInput(
                "The agenda's 'total_minutes' must give default, min and max."
            ) from exc
        budget.check(budget.default)
        return cls(segments=tuple(segments), budget=budget, source=str(data.get("source", "")))
