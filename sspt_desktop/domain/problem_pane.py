"""The Problem identification pane: the concern in observable, measurable terms, with its baseline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    date_text,
    free_text_to_notes,
    read_date,
    read_enum,
    read_object,
    read_str,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("problem", first_version=0, steps=(free_text_to_notes,))


class BehaviourFunction(StrEnum):
    """The suspected function of a behaviour (seed 003's Behavior Intervention Plan asks for
    "a hypothesized function"); ``TO_BE_DETERMINED`` until an assessment says more."""

    ATTENTION = "attention"
    ESCAPE = "escape"
    TANGIBLE = "tangible"
    SENSORY = "sensory"
    TO_BE_DETERMINED = "to_be_determined"


@dataclass(frozen=True, slots=True)
class Baseline:
    """Where the student is now: what was measured, how, the value, and when.

    ``value`` is text ("48 words correct per minute", "3 of 10 days") because teams measure in
    every unit; the goal's achievability check compares it with the target by its first number.
    """

    what: str = ""
    how_measured: str = ""
    value: str = ""
    measured_on: date | None = None

    def __post_init__(self) -> None:
        limits.one_line("what", self.what)
        limits.one_line("how_measured", self.how_measured)
        limits.one_line("value", self.value)
        limits.optional_date("measured_on", self.measured_on)

    def missing(self) -> tuple[Missing, ...]:
        gaps = [
            Missing(name, MissingCode.REQUIRED)
            for name in ("what", "how_measured", "value")
            if limits.is_blank(getattr(self, name))
        ]
        if self.measured_on is None:
            gaps.append(Missing("measured_on", MissingCode.REQUIRED))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "what": self.what,
            "how_measured": self.how_measured,
            "value": self.value,
            "measured_on": date_text(self.measured_on),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Baseline:
        return cls(
            what=read_str(data, "what", "what"),
            how_measured=read_str(data, "how_measured", "how_measured"),
            value=read_str(data, "value", "value"),
            measured_on=read_date(data, "measured_on", "measured_on"),
        )


@dataclass(frozen=True, slots=True)
class ProblemContent:
    """The problem statement of the meeting (seed 002, "Define Needs"), and free notes.

    ``suspected_function`` matters only when the concern is behaviour; it is kept otherwise.
    """

    concern_area: ConcernArea | None = None
    problem: str = ""
    baseline: Baseline = Baseline()
    where_and_when: str = ""
    suspected_function: BehaviourFunction | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        if self.concern_area is not None and not isinstance(self.concern_area, ConcernArea):
            raise InvalidField("concern_area", LimitCode.UNKNOWN_VALUE)
        limits.multi_line("problem", self.problem)
        if not isinstance(self.baseline, Baseline):
            raise InvalidField("baseline", LimitCode.DAMAGED)
        limits.multi_line("where_and_when", self.where_and_when)
        if self.suspected_function is not None and not isinstance(
            self.suspected_function, BehaviourFunction
        ):
            raise InvalidField("suspected_function", LimitCode.UNKNOWN_VALUE)
        limits.notes("notes", self.notes)

    def missing(self) -> tuple[Missing, ...]:
        gaps = []
        if self.concern_area is None:
            gaps.append(Missing("concern_area", MissingCode.REQUIRED))
        if limits.is_blank(self.problem):
            gaps.append(Missing("problem", MissingCode.REQUIRED))
        gaps.extend(gap.within("baseline") for gap in self.baseline.missing())
        if limits.is_blank(self.where_and_when):
            gaps.append(Missing("where_and_when", MissingCode.REQUIRED))
        if self.concern_area is ConcernArea.BEHAVIOUR and self.suspected_function is None:
            gaps.append(Missing("suspected_function", MissingCode.REQUIRED))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "version": FORM.current,
            "concern_area": None if self.concern_area is None else self.concern_area.value,
            "problem": self.problem,
            "baseline": self.baseline.to_json(),
            "where_and_when": self.where_and_when,
            "suspected_function": (
                None if self.suspected_function is None else self.suspected_function.value
            ),
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: object) -> ProblemContent:
        current = FORM.upgrade(data)
        raw_baseline = read_object(current.get("baseline", {}), "baseline")
        return cls(
            concern_area=read_enum(current, "concern_area", "concern_area", ConcernArea),
            problem=read_str(current, "problem", "problem"),
            baseline=limits.located("baseline", lambda: Baseline.from_json(raw_baseline)),
            where_and_when=read_str(current, "where_and_when", "where_and_when"),
            suspected_function=read_enum(
                current, "suspected_function", "suspected_function", BehaviourFunction
            ),
            notes=read_str(current, "notes", "notes"),
        )
