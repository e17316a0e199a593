"""The Strengths pane: what is going well for the student, each strength tagged with an area."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Any

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    free_text_to_notes,
    read_enum,
    read_objects,
    read_str,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("strengths", first_version=0, steps=(free_text_to_notes,))


class StrengthArea(StrEnum):
    """Where a strength shows (stored codes; the words come from the UI and the forms)."""

    ACADEMIC = "academic"
    SOCIAL_EMOTIONAL = "social_emotional"
    BEHAVIOURAL = "behavioural"
    INTERESTS_AND_TALENTS = "interests_and_talents"
    FAMILY_AND_COMMUNITY = "family_and_community"
    HEALTH = "health"


@dataclass(frozen=True, slots=True)
class Strength:
    """One strength as the team said it, with its area once someone picks one."""

    text: str = ""
    area: StrengthArea | None = None

    def __post_init__(self) -> None:
        limits.one_line("text", self.text)
        if self.area is not None and not isinstance(self.area, StrengthArea):
            raise InvalidField("area", LimitCode.UNKNOWN_VALUE)

    def to_json(self) -> JsonObject:
        return {"text": self.text, "area": None if self.area is None else self.area.value}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Strength:
        return cls(
            text=read_str(data, "text", "text"),
            area=read_enum(data, "area", "area", StrengthArea),
        )


@dataclass(frozen=True, slots=True)
class StrengthsContent:
    """The list of strengths in the order they were said, and free notes.

    An empty entry (Enter pressed, nothing typed yet) is kept and ignored by ``missing()``.
    """

    items: tuple[Strength, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        limits.bounded_items("items", self.items)
        limits.notes("notes", self.notes)

    def named(self) -> tuple[Strength, ...]:
        """The strengths with words in them, for summaries and printing."""
        return tuple(item for item in self.items if not limits.is_blank(item.text))

    def missing(self) -> tuple[Missing, ...]:
        gaps = []
        if not self.named():
            gaps.append(Missing("items", MissingCode.TOO_FEW))
        for index, item in enumerate(self.items):
            if not limits.is_blank(item.text) and item.area is None:
                gaps.append(Missing(f"items[{index}].area", MissingCode.REQUIRED))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "version": FORM.current,
            "items": [item.to_json() for item in self.items],
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: object) -> StrengthsContent:
        current = FORM.upgrade(data)
        rows = read_objects(current, "items", "items")
        return cls(
            items=tuple(
                limits.located(f"items[{i}]", partial(Strength.from_json, row))
                for i, row in enumerate(rows)
            ),
            notes=read_str(current, "notes", "notes"),
        )
