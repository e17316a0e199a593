"""The Summary and closure pane: action items, the follow-up meeting, and a close-anyway reason.

The summary of the decisions is computed from the other panes when it is shown or printed
(:mod:`sspt_desktop.domain.closure_check`), never stored, so it cannot disagree with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from functools import partial
from typing import Any
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    date_text,
    free_text_to_notes,
    read_date,
    read_objects,
    read_str,
    read_time,
    read_uuid,
    time_text,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("closure", first_version=0, steps=(free_text_to_notes,))


@dataclass(frozen=True, slots=True)
class ActionItem:
    """Something a person agreed to do after the meeting, by when."""

    id: UUID
    what: str = ""
    owner: str = ""
    due: date | None = None

    def __post_init__(self) -> None:
        limits.uuid_value("id", self.id)
        limits.one_line("what", self.what)
        limits.one_line("owner", self.owner, limits.NAME_MAX)
        limits.optional_date("due", self.due)

    def missing(self, meeting_date: date | None = None) -> tuple[Missing, ...]:
        gaps = [
            Missing(name, MissingCode.REQUIRED)
            for name in ("what", "owner")
            if limits.is_blank(getattr(self, name))
        ]
        if self.due is None:
            gaps.append(Missing("due", MissingCode.REQUIRED))
        elif meeting_date is not None and self.due < meeting_date:
            gaps.append(Missing("due", MissingCode.BEFORE_START))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "id": str(self.id),
            "what": self.what,
            "owner": self.owner,
            "due": date_text(self.due),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ActionItem:
        return cls(
            id=read_uuid(data, "id", "id"),
            what=read_str(data, "what", "what"),
            owner=read_str(data, "owner", "owner"),
            due=read_date(data, "due", "due"),
        )


@dataclass(frozen=True, slots=True)
class ClosureContent:
    """Action items, the follow-up meeting's date and time, the reason the team gave when it
    closed with gaps left, and free notes.

    ``follow_up_time`` is a wall-clock time at the school (whole minutes, no time zone): it is an
    appointment people read, not an instant the software measures.
    """

    action_items: tuple[ActionItem, ...] = ()
    follow_up_date: date | None = None
    follow_up_time: time | None = None
    close_anyway_reason: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        limits.bounded_items("action_items", self.action_items)
        limits.optional_date("follow_up_date", self.follow_up_date)
        when = self.follow_up_time
        if when is not None and (
            not isinstance(when, time) or when.tzinfo is not None or when.second or when.microsecond
        ):
            raise InvalidField("follow_up_time", LimitCode.OUT_OF_RANGE, "whole minutes, local")
        limits.multi_line("close_anyway_reason", self.close_anyway_reason)
        limits.notes("notes", self.notes)

    def missing(self, meeting_date: date | None = None) -> tuple[Missing, ...]:
        """Action items without owner or date, and no follow-up meeting (or one in the past)."""
        gaps: list[Missing] = []
        for index, item in enumerate(self.action_items):
            if limits.is_blank(item.what) and limits.is_blank(item.owner) and item.due is None:
                continue  # an empty row the recorder added and left: nothing was agreed
            gaps.extend(gap.within(f"action_items[{index}]") for gap in item.missing(meeting_date))
        if self.follow_up_date is None:
            gaps.append(Missing("follow_up_date", MissingCode.REQUIRED))
        elif meeting_date is not None and self.follow_up_date <= meeting_date:
            gaps.append(Missing("follow_up_date", MissingCode.BEFORE_START))
        if self.follow_up_time is None:
            gaps.append(Missing("follow_up_time", MissingCode.REQUIRED))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "version": FORM.current,
            "action_items": [item.to_json() for item in self.action_items],
            "follow_up_date": date_text(self.follow_up_date),
            "follow_up_time": time_text(self.follow_up_time),
            "close_anyway_reason": self.close_anyway_reason,
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: object) -> ClosureContent:
        current = FORM.upgrade(data)
        return cls(
            action_items=tuple(
                limits.located(f"action_items[{i}]", partial(ActionItem.from_json, raw))
                for i, raw in enumerate(read_objects(current, "action_items", "action_items"))
            ),
            follow_up_date=read_date(current, "follow_up_date", "follow_up_date"),
            follow_up_time=read_time(current, "follow_up_time", "follow_up_time"),
            close_anyway_reason=read_str(current, "close_anyway_reason", "close_anyway_reason"),
            notes=read_str(current, "notes", "notes"),
        )
