"""A student's case: the referral that an initial meeting and its follow-ups continue.

Seed 002 starts the support process with "Express Concern": the school logs a referral. The
case is that referral: who referred the student and when, the areas of concern, a description,
and what was tried before (with how long and what the data showed). Its goals and plan items
are records of their own (:mod:`goal`, :mod:`plan_item`) that name the case by UUID.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from typing import Any
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    date_text,
    read_date,
    read_enum,
    read_list,
    read_objects,
    read_str,
    read_uuid,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("case", first_version=1)


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class CaseOutcome(StrEnum):
    """Why a case closed (codes; the words come from the user interface and the forms)."""

    GOALS_MET = "goals_met"
    REFERRED_FOR_ASSESSMENT = "referred_for_assessment"  # seed 002: suspected disability
    LEFT_SCHOOL = "left_school"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class PriorIntervention:
    """Something tried before the referral: what, for how long, and what the data showed."""

    what: str = ""
    how_long: str = ""
    data_showed: str = ""

    def __post_init__(self) -> None:
        limits.one_line("what", self.what)
        limits.one_line("how_long", self.how_long)
        limits.multi_line("data_showed", self.data_showed)

    def to_json(self) -> JsonObject:
        return {"what": self.what, "how_long": self.how_long, "data_showed": self.data_showed}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PriorIntervention:
        return cls(
            what=read_str(data, "what", "what"),
            how_long=read_str(data, "how_long", "how_long"),
            data_showed=read_str(data, "data_showed", "data_showed"),
        )


@dataclass(frozen=True, slots=True)
class Case:
    """A referral and everything the team does about it until it closes.

    The case is closed exactly when ``closed_on`` is set, so an open case with a closing date
    cannot exist. ``created_at`` is when the record was made, timezone-aware and kept in UTC.
    """

    id: UUID
    student_id: UUID
    opened_on: date
    created_at: datetime
    referred_by: str = ""
    concern_areas: tuple[ConcernArea, ...] = ()
    description: str = ""
    tried: tuple[PriorIntervention, ...] = ()
    closed_on: date | None = None
    outcome: CaseOutcome | None = None
    outcome_notes: str = ""

    def __post_init__(self) -> None:
        limits.uuid_value("id", self.id)
        limits.uuid_value("student_id", self.student_id)
        limits.school_date("opened_on", self.opened_on)
        object.__setattr__(self, "created_at", limits.utc_timestamp("created_at", self.created_at))
        limits.one_line("referred_by", self.referred_by, limits.NAME_MAX)
        for index, area in enumerate(self.concern_areas):
            if not isinstance(area, ConcernArea):
                raise InvalidField(f"concern_areas[{index}]", LimitCode.UNKNOWN_VALUE)
        if len(set(self.concern_areas)) != len(self.concern_areas):
            raise InvalidField("concern_areas", LimitCode.DAMAGED, "an area listed twice")
        limits.multi_line("description", self.description)
        limits.bounded_items("tried", self.tried)
        limits.optional_date("closed_on", self.closed_on)
        if self.closed_on is not None and self.closed_on < self.opened_on:
            raise InvalidField("closed_on", LimitCode.IMPOSSIBLE_DATE, "before the case opened")
        if self.outcome is not None and not isinstance(self.outcome, CaseOutcome):
            raise InvalidField("outcome", LimitCode.UNKNOWN_VALUE)
        limits.multi_line("outcome_notes", self.outcome_notes)

    @property
    def status(self) -> CaseStatus:
        return CaseStatus.OPEN if self.closed_on is None else CaseStatus.CLOSED

    def missing(self) -> tuple[Missing, ...]:
        gaps = []
        if limits.is_blank(self.referred_by):
            gaps.append(Missing("referred_by", MissingCode.REQUIRED))
        if not self.concern_areas:
            gaps.append(Missing("concern_areas", MissingCode.TOO_FEW))
        if limits.is_blank(self.description):
            gaps.append(Missing("description", MissingCode.REQUIRED))
        if self.closed_on is not None and self.outcome is None:
            gaps.append(Missing("outcome", MissingCode.REQUIRED))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "version": FORM.current,
            "id": str(self.id),
            "student_id": str(self.student_id),
            "opened_on": self.opened_on.isoformat(),
            "created_at": self.created_at.isoformat(),
            "referred_by": self.referred_by,
            "concern_areas": [area.value for area in self.concern_areas],
            "description": self.description,
            "tried": [item.to_json() for item in self.tried],
            "closed_on": date_text(self.closed_on),
            "outcome": None if self.outcome is None else self.outcome.value,
            "outcome_notes": self.outcome_notes,
        }

    @classmethod
    def from_json(cls, data: object) -> Case:
        current = FORM.upgrade(data)
        opened_on = read_date(current, "opened_on", "opened_on")
        if opened_on is None:
            raise InvalidField("opened_on", LimitCode.IMPOSSIBLE_DATE)
        areas = tuple(
            read_enum({"area": raw}, "area", f"concern_areas[{i}]", ConcernArea)
            for i, raw in enumerate(read_list(current, "concern_areas", "concern_areas"))
        )
        return cls(
            id=read_uuid(current, "id", "id"),
            student_id=read_uuid(current, "student_id", "student_id"),
            opened_on=opened_on,
            created_at=_read_timestamp(current, "created_at"),
            referred_by=read_str(current, "referred_by", "referred_by"),
            concern_areas=tuple(area for area in areas if area is not None),
            description=read_str(current, "description", "description"),
            tried=tuple(
                limits.located(f"tried[{i}]", partial(PriorIntervention.from_json, raw))
                for i, raw in enumerate(read_objects(current, "tried", "tried"))
            ),
            closed_on=read_date(current, "closed_on", "closed_on"),
            outcome=read_enum(current, "outcome", "outcome", CaseOutcome),
            outcome_notes=read_str(current, "outcome_notes", "outcome_notes"),
        )


def _read_timestamp(data: Mapping[str, Any], key: str) -> datetime:
    text = read_str(data, key, key)
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidField(key, LimitCode.NAIVE_TIMESTAMP) from exc
    return limits.utc_timestamp(key, value)
