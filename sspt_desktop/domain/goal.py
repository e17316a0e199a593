"""A measurable goal of a student's case, its readable sentence, its SMART check, and its review.

A goal belongs to the case, not to one meeting: the meeting that set it is ``introduced_in``
and every later meeting records a :class:`GoalReview` of it. A goal is not edited once the
meeting that set it is closed; a follow-up that changes it sets a new goal that ``replaces``
the old one, so every closed meeting still reads as it was agreed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    date_text,
    read_date,
    read_enum,
    read_optional_uuid,
    read_str,
    read_uuid,
    uuid_text,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.problem_pane import ProblemContent
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

GOAL_FORM = VersionedForm("goal", first_version=1)
REVIEW_FORM = VersionedForm("goal_review", first_version=1)

# The first number in a baseline or target ("48 wcpm", "3 of 10 days", "2,5 %").
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class GoalWording:
    """The connecting words of a goal sentence in one language, each with ``{}`` for its part.

    The domain assembles the parts; the words come from the caller: the user interface
    through ``tr()``, the printed forms from ``forms/<language>/``. ``from_to`` has
    ``{baseline}`` and ``{target}``; ``to_target`` is used when no baseline is known.
    """

    by_date: str
    condition: str
    student_will: str
    from_to: str
    to_target: str
    measured_by: str
    how_often: str
    separator: str = ", "
    end: str = "."


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal built from parts: by when, what the student will do, under which condition, from
    which baseline to which target, measured how and how often. Any part may still be empty."""

    id: UUID
    case_id: UUID
    introduced_in: UUID
    by_date: date | None = None
    student_will: str = ""
    condition: str = ""
    baseline: str = ""
    target: str = ""
    measured_by: str = ""
    how_often: str = ""
    replaces: UUID | None = None

    def __post_init__(self) -> None:
        for name in ("id", "case_id", "introduced_in"):
            limits.uuid_value(name, getattr(self, name))
        if self.replaces is not None:
            limits.uuid_value("replaces", self.replaces)
        limits.optional_date("by_date", self.by_date)
        for name in ("student_will", "condition", "baseline", "target", "measured_by", "how_often"):
            limits.one_line(name, getattr(self, name))

    def sentence(
        self, wording: GoalWording, format_date: Callable[[date], str] = date.isoformat
    ) -> str:
        """The goal as one readable sentence; parts not typed yet are left out, not guessed."""
        clauses = []
        if self.by_date is not None:
            clauses.append(wording.by_date.format(format_date(self.by_date)))
        if self.condition.strip():
            clauses.append(wording.condition.format(self.condition.strip()))
        if self.student_will.strip():
            clauses.append(wording.student_will.format(" ".join(self.student_will.split())))
        if self.target.strip():
            if self.baseline.strip():
                clauses.append(
                    wording.from_to.format(
                        baseline=self.baseline.strip(), target=self.target.strip()
                    )
                )
            else:
                clauses.append(wording.to_target.format(target=self.target.strip()))
        if self.measured_by.strip():
            clauses.append(wording.measured_by.format(self.measured_by.strip()))
        if self.how_often.strip():
            clauses.append(wording.how_often.format(self.how_often.strip()))
        return wording.separator.join(clauses) + wording.end if clauses else ""

    def smart_check(
        self, problem: ProblemContent | None = None, meeting_date: date | None = None
    ) -> tuple[Missing, ...]:
        """What keeps the goal from being SMART, one :class:`Missing` per unmet criterion.

        Specific: says what the student will do. Measurable: a target with a number, a measure
        and how often it is taken. Achievable: a baseline to start from and a target that moves
        away from it. Relevant: it measures what the problem pane identified (given ``problem``:
        the goal's baseline or measure mentions the problem's baseline value or measure).
        Time-bound: a by-date, after ``meeting_date`` when that is given.
        """
        gaps: list[Missing] = []
        if limits.is_blank(self.student_will):
            gaps.append(Missing("student_will", MissingCode.SPECIFIC))
        gaps.extend(self._measurable())
        gaps.extend(self._achievable())
        if problem is not None:
            gaps.extend(self._relevant(problem))
        if self.by_date is None or (meeting_date is not None and self.by_date <= meeting_date):
            gaps.append(Missing("by_date", MissingCode.TIME_BOUND))
        return tuple(gaps)

    def _measurable(self) -> list[Missing]:
        gaps = []
        if not _NUMBER.search(self.target):
            gaps.append(Missing("target", MissingCode.MEASURABLE))
        for name in ("measured_by", "how_often"):
            if limits.is_blank(getattr(self, name)):
                gaps.append(Missing(name, MissingCode.MEASURABLE))
        return gaps

    def _achievable(self) -> list[Missing]:
        if limits.is_blank(self.baseline):
            return [Missing("baseline", MissingCode.ACHIEVABLE)]
        start, goal = _first_number(self.baseline), _first_number(self.target)
        if start is not None and goal is not None and start == goal:
            return [Missing("target", MissingCode.ACHIEVABLE)]  # no change to achieve
        return []

    def _relevant(self, problem: ProblemContent) -> list[Missing]:
        if limits.is_blank(problem.problem):
            return [Missing("problem", MissingCode.RELEVANT)]
        ours = (_folded(self.baseline), _folded(self.measured_by))
        theirs = (_folded(problem.baseline.value), _folded(problem.baseline.how_measured))
        if any(a and b and (a in b or b in a) for a in ours for b in theirs):
            return []
        return [Missing("measured_by", MissingCode.RELEVANT)]

    def to_json(self) -> JsonObject:
        return {
            "version": GOAL_FORM.current,
            "id": str(self.id),
            "case_id": str(self.case_id),
            "introduced_in": str(self.introduced_in),
            "replaces": uuid_text(self.replaces),
            "by_date": date_text(self.by_date),
            "condition": self.condition,
            "student_will": self.student_will,
            "baseline": self.baseline,
            "target": self.target,
            "measured_by": self.measured_by,
            "how_often": self.how_often,
        }

    @classmethod
    def from_json(cls, data: object) -> Goal:
        current = GOAL_FORM.upgrade(data)
        return cls(
            id=read_uuid(current, "id", "id"),
            case_id=read_uuid(current, "case_id", "case_id"),
            introduced_in=read_uuid(current, "introduced_in", "introduced_in"),
            replaces=read_optional_uuid(current, "replaces", "replaces"),
            by_date=read_date(current, "by_date", "by_date"),
            condition=read_str(current, "condition", "condition"),
            student_will=read_str(current, "student_will", "student_will"),
            baseline=read_str(current, "baseline", "baseline"),
            target=read_str(current, "target", "target"),
            measured_by=read_str(current, "measured_by", "measured_by"),
            how_often=read_str(current, "how_often", "how_often"),
        )


def _first_number(text: str) -> float | None:
    match = _NUMBER.search(text)
    return None if match is None else float(match.group().replace(",", "."))


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


class GoalRating(StrEnum):
    """How a follow-up rates a goal's progress (seed 002, "Evaluate Plan")."""

    MET = "met"
    PROGRESSING = "progressing"
    NOT_PROGRESSING = "not_progressing"
    NOT_ENOUGH_DATA = "not_enough_data"


@dataclass(frozen=True, slots=True)
class GoalReview:
    """One meeting's evaluation of one goal of the case; the meeting owns it."""

    goal_id: UUID
    rating: GoalRating | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        limits.uuid_value("goal_id", self.goal_id)
        if self.rating is not None and not isinstance(self.rating, GoalRating):
            raise InvalidField("rating", LimitCode.UNKNOWN_VALUE)
        limits.multi_line("notes", self.notes)

    def missing(self) -> tuple[Missing, ...]:
        return () if self.rating is not None else (Missing("rating", MissingCode.REQUIRED),)

    def to_json(self) -> JsonObject:
        return {
            "version": REVIEW_FORM.current,
            "goal_id": str(self.goal_id),
            "rating": None if self.rating is None else self.rating.value,
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: object) -> GoalReview:
        current = REVIEW_FORM.upgrade(data)
        return cls(
            goal_id=read_uuid(current, "goal_id", "goal_id"),
            rating=read_enum(current, "rating", "rating", GoalRating),
            notes=read_str(current, "notes", "notes"),
        )
