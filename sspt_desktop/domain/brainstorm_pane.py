"""The Brainstorm and select pane: ideas typed without judging, then the chosen ones marked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    free_text_to_notes,
    read_bool,
    read_objects,
    read_str,
    read_uuid,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("brainstorm", first_version=0, steps=(free_text_to_notes,))

LIBRARY_KEY_MAX = 120


@dataclass(frozen=True, slots=True)
class Idea:
    """One idea as it was said. ``library_key`` names the intervention-library entry it was
    taken from (empty when typed freely); ``chosen`` marks the ideas the plan is made from."""

    id: UUID
    text: str = ""
    library_key: str = ""
    chosen: bool = False

    def __post_init__(self) -> None:
        limits.uuid_value("id", self.id)
        limits.one_line("text", self.text)
        limits.one_line("library_key", self.library_key, LIBRARY_KEY_MAX)
        if not isinstance(self.chosen, bool):
            raise InvalidField("chosen", LimitCode.UNKNOWN_VALUE)

    def to_json(self) -> JsonObject:
        return {
            "id": str(self.id),
            "text": self.text,
            "library_key": self.library_key,
            "chosen": self.chosen,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Idea:
        return cls(
            id=read_uuid(data, "id", "id"),
            text=read_str(data, "text", "text"),
            library_key=read_str(data, "library_key", "library_key"),
            chosen=read_bool(data, "chosen", "chosen"),
        )


@dataclass(frozen=True, slots=True)
class BrainstormContent:
    """The ideas in the order they came, and free notes. The meeting owns its ideas; only the
    chosen ones become case-owned plan items (see :func:`plan_pane.rows_from_chosen`)."""

    ideas: tuple[Idea, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        limits.bounded_items("ideas", self.ideas)
        ids = [idea.id for idea in self.ideas]
        if len(set(ids)) != len(ids):
            raise InvalidField("ideas", LimitCode.DAMAGED, "an idea listed twice")
        limits.notes("notes", self.notes)

    def chosen(self) -> tuple[Idea, ...]:
        return tuple(idea for idea in self.ideas if idea.chosen and not limits.is_blank(idea.text))

    def missing(self) -> tuple[Missing, ...]:
        return () if self.chosen() else (Missing("ideas", MissingCode.TOO_FEW),)

    def to_json(self) -> JsonObject:
        return {
            "version": FORM.current,
            "ideas": [idea.to_json() for idea in self.ideas],
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: object) -> BrainstormContent:
        current = FORM.upgrade(data)
        return cls(
            ideas=tuple(
                limits.located(f"ideas[{i}]", partial(Idea.from_json, raw))
                for i, raw in enumerate(read_objects(current, "ideas", "ideas"))
            ),
            notes=read_str(current, "notes", "notes"),
        )
