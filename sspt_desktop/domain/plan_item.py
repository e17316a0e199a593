"""One row of a student's intervention plan, and a meeting's review of it.

Like goals, plan items belong to the case: the meeting that agreed a row is ``introduced_in``,
later meetings review it (continue, modify, stop; delivered as planned or not). A row is not
edited after its meeting closes; a follow-up that modifies it adds a row that ``replaces`` it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum, StrEnum
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    date_text,
    read_bool,
    read_date,
    read_enum,
    read_int,
    read_list,
    read_optional_uuid,
    read_str,
    read_uuid,
    uuid_text,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

ITEM_FORM = VersionedForm("plan_item", first_version=1)
REVIEW_FORM = VersionedForm("plan_item_review", first_version=1)

# Seed 003: progress is judged over six to eight weeks of monitoring; the earliest is the default.
DEFAULT_REVIEW_AFTER = timedelta(weeks=6)
# Seed 003: a student-specific Tier 3 plan is reviewed at least monthly.
TIER_3_REVIEW_AFTER = timedelta(weeks=4)


class Tier(IntEnum):
    """The tiers of support of seed 003: universal, selected, intensive."""

    UNIVERSAL = 1
    SELECTED = 2
    INTENSIVE = 3


def default_review_date(start: date, tier: Tier | None) -> date:
    """When a row is reviewed unless the team says otherwise (seed 003's intervals)."""
    return start + (TIER_3_REVIEW_AFTER if tier is Tier.INTENSIVE else DEFAULT_REVIEW_AFTER)


_ONE_LINE_FIELDS = (
    "what",
    "responsible",
    "location",
    "how_often",
    "how_long",
    "progress_measure",
    "measure_how_often",
)


@dataclass(frozen=True, slots=True)
class PlanItem:
    """An agreed intervention: what, tier, the goals it serves, who, where, how often and how
    long, from when, when it is reviewed, how progress is measured and how often, and what the
    family does at home. ``review_on`` left empty means :func:`default_review_date`.
    ``from_idea`` is the brainstorm idea the row was made from, so it is not made twice."""

    id: UUID
    case_id: UUID
    introduced_in: UUID
    what: str = ""
    tier: Tier | None = None
    goal_ids: tuple[UUID, ...] = ()
    responsible: str = ""
    location: str = ""
    how_often: str = ""
    how_long: str = ""
    start: date | None = None
    review_on: date | None = None
    progress_measure: str = ""
    measure_how_often: str = ""
    family_at_home: str = ""
    from_idea: UUID | None = None
    replaces: UUID | None = None

    def __post_init__(self) -> None:
        for name in ("id", "case_id", "introduced_in"):
            limits.uuid_value(name, getattr(self, name))
        for name in ("from_idea", "replaces"):
            if getattr(self, name) is not None:
                limits.uuid_value(name, getattr(self, name))
        for name in _ONE_LINE_FIELDS:
            limits.one_line(name, getattr(self, name))
        if self.tier is not None and not isinstance(self.tier, Tier):
            raise InvalidField("tier", LimitCode.UNKNOWN_VALUE)
        limits.bounded_items("goal_ids", self.goal_ids)
        for index, goal_id in enumerate(self.goal_ids):
            limits.uuid_value(f"goal_ids[{index}]", goal_id)
        limits.optional_date("start", self.start)
        limits.optional_date("review_on", self.review_on)
        limits.multi_line("family_at_home", self.family_at_home)

    @property
    def review_date(self) -> date | None:
        """The date this row is due for review: as typed, else the seed's default after start."""
        if self.review_on is not None:
            return self.review_on
        return None if self.start is None else default_review_date(self.start, self.tier)

    def missing(self, goal_ids: frozenset[UUID] | None = None) -> tuple[Missing, ...]:
        """The row's gaps; given the case's ``goal_ids``, also goals it names that do not exist."""
        gaps = [
            Missing(name, MissingCode.REQUIRED)
            for name in ("what", "responsible", "progress_measure")
            if limits.is_blank(getattr(self, name))
        ]
        if self.tier is None:
            gaps.append(Missing("tier", MissingCode.REQUIRED))
        if not self.goal_ids:
            gaps.append(Missing("goal_ids", MissingCode.REQUIRED))
        elif goal_ids is not None:
            gaps.extend(
                Missing(f"goal_ids[{i}]", MissingCode.UNKNOWN_REFERENCE)
                for i, goal_id in enumerate(self.goal_ids)
                if goal_id not in goal_ids
            )
        if self.start is None:
            gaps.append(Missing("start", MissingCode.REQUIRED))
        elif self.review_on is not None and self.review_on <= self.start:
            gaps.append(Missing("review_on", MissingCode.BEFORE_START))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        data: JsonObject = {
            "version": ITEM_FORM.current,
            "id": str(self.id),
            "case_id": str(self.case_id),
            "introduced_in": str(self.introduced_in),
            "tier": None if self.tier is None else int(self.tier),
            "goal_ids": [str(goal_id) for goal_id in self.goal_ids],
            "start": date_text(self.start),
            "review_on": date_text(self.review_on),
            "family_at_home": self.family_at_home,
            "from_idea": uuid_text(self.from_idea),
            "replaces": uuid_text(self.replaces),
        }
        data.update({name: getattr(self, name) for name in _ONE_LINE_FIELDS})
        return data

    @classmethod
    def from_json(cls, data: object) -> PlanItem:
        current = ITEM_FORM.upgrade(data)
        tier = read_int(current, "tier", "tier")
        if tier is not None and tier not in set(Tier):
            raise InvalidField("tier", LimitCode.UNKNOWN_VALUE)
        goal_ids = tuple(
            read_uuid({"id": raw}, "id", f"goal_ids[{i}]")
            for i, raw in enumerate(read_list(current, "goal_ids", "goal_ids"))
        )
        return cls(
            id=read_uuid(current, "id", "id"),
            case_id=read_uuid(current, "case_id", "case_id"),
            introduced_in=read_uuid(current, "introduced_in", "introduced_in"),
            what=read_str(current, "what", "what"),
            tier=None if tier is None else Tier(tier),
            goal_ids=goal_ids,
            responsible=read_str(current, "responsible", "responsible"),
            location=read_str(current, "location", "location"),
            how_often=read_str(current, "how_often", "how_often"),
            how_long=read_str(current, "how_long", "how_long"),
            start=read_date(current, "start", "start"),
            review_on=read_date(current, "review_on", "review_on"),
            progress_measure=read_str(current, "progress_measure", "progress_measure"),
            measure_how_often=read_str(current, "measure_how_often", "measure_how_often"),
            family_at_home=read_str(current, "family_at_home", "family_at_home"),
            from_idea=read_optional_uuid(current, "from_idea", "from_idea"),
            replaces=read_optional_uuid(current, "replaces", "replaces"),
        )


class PlanDecision(StrEnum):
    """What a follow-up decides for a plan row (seed 002, "Evaluate Plan": update as needed)."""

    CONTINUE = "continue"
    MODIFY = "modify"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class PlanItemReview:
    """One meeting's review of one plan row: the decision, what changes when it is modified,
    whether it was delivered as planned (fidelity, seed 003), and notes."""

    plan_item_id: UUID
    decision: PlanDecision | None = None
    changes: str = ""
    delivered_as_planned: bool | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        limits.uuid_value("plan_item_id", self.plan_item_id)
        if self.decision is not None and not isinstance(self.decision, PlanDecision):
            raise InvalidField("decision", LimitCode.UNKNOWN_VALUE)
        if self.delivered_as_planned is not None and not isinstance(
            self.delivered_as_planned, bool
        ):
            raise InvalidField("delivered_as_planned", LimitCode.UNKNOWN_VALUE)
        limits.multi_line("changes", self.changes)
        limits.multi_line("notes", self.notes)

    def missing(self) -> tuple[Missing, ...]:
        gaps = []
        if self.decision is None:
            gaps.append(Missing("decision", MissingCode.REQUIRED))
        elif self.decision is PlanDecision.MODIFY and limits.is_blank(self.changes):
            gaps.append(Missing("changes", MissingCode.REQUIRED))
        if self.delivered_as_planned is None:
            gaps.append(Missing("delivered_as_planned", MissingCode.REQUIRED))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "version": REVIEW_FORM.current,
            "plan_item_id": str(self.plan_item_id),
            "decision": None if self.decision is None else self.decision.value,
            "changes": self.changes,
            "delivered_as_planned": self.delivered_as_planned,
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: object) -> PlanItemReview:
        current = REVIEW_FORM.upgrade(data)
        fidelity = current.get("delivered_as_planned")
        return cls(
            plan_item_id=read_uuid(current, "plan_item_id", "plan_item_id"),
            decision=read_enum(current, "decision", "decision", PlanDecision),
            changes=read_str(current, "changes", "changes"),
            delivered_as_planned=(
                None
                if fidelity is None
                else read_bool(current, "delivered_as_planned", "delivered_as_planned")
            ),
            notes=read_str(current, "notes", "notes"),
        )
