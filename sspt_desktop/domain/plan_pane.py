"""The Intervention plan pane: the case's plan rows this meeting agrees or reviews, and notes.

Plan items are case-owned records (see :mod:`sspt_desktop.domain.plan_item`). As with goals,
the meeting's JSON form may hold them inline or as UUID references resolved through the case,
and the pane holds this meeting's :class:`PlanItemReview` of rows carried forward.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.brainstorm_pane import BrainstormContent
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    free_text_to_notes,
    read_case_records,
    read_each,
    read_str,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.plan_item import PlanItem, PlanItemReview
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("plan", first_version=0, steps=(free_text_to_notes,))


@dataclass(frozen=True, slots=True)
class PlanContent:
    """The plan rows in the order shown, this meeting's reviews of carried-forward rows, notes."""

    rows: tuple[PlanItem, ...] = ()
    reviews: tuple[PlanItemReview, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        limits.bounded_items("rows", self.rows)
        limits.bounded_items("reviews", self.reviews)
        ids = [row.id for row in self.rows]
        if len(set(ids)) != len(ids):
            raise InvalidField("rows", LimitCode.DAMAGED, "a plan row listed twice")
        limits.notes("notes", self.notes)

    def review_of(self, item_id: UUID) -> PlanItemReview | None:
        return next((review for review in self.reviews if review.plan_item_id == item_id), None)

    def missing(
        self, goal_ids: frozenset[UUID] | None = None, meeting_id: UUID | None = None
    ) -> tuple[Missing, ...]:
        """No row, each row's gaps (owner, measure, start...), goals named that are not in
        ``goal_ids``, and (given ``meeting_id``) carried-forward rows not reviewed yet."""
        gaps: list[Missing] = []
        replaced = {row.replaces for row in self.rows if row.replaces is not None}
        if not [row for row in self.rows if row.id not in replaced]:
            gaps.append(Missing("rows", MissingCode.TOO_FEW))
        for index, row in enumerate(self.rows):
            carried = meeting_id is not None and row.introduced_in != meeting_id
            if row.id not in replaced and not carried:
                gaps.extend(gap.within(f"rows[{index}]") for gap in row.missing(goal_ids))
            if carried:
                review = self.review_of(row.id)
                if review is None:
                    gaps.append(Missing(f"rows[{index}].review", MissingCode.REQUIRED))
                else:
                    gaps.extend(gap.within(f"rows[{index}].review") for gap in review.missing())
        known = {row.id for row in self.rows}
        for index, review in enumerate(self.reviews):
            if review.plan_item_id not in known:
                gaps.append(
                    Missing(f"reviews[{index}].plan_item_id", MissingCode.UNKNOWN_REFERENCE)
                )
        return tuple(gaps)

    def to_json(self, inline_rows: bool = True) -> JsonObject:
        """The meeting's form of the pane; ``inline_rows=False`` writes rows as UUIDs only."""
        return {
            "version": FORM.current,
            "rows": [row.to_json() if inline_rows else str(row.id) for row in self.rows],
            "reviews": [review.to_json() for review in self.reviews],
            "notes": self.notes,
        }

    @classmethod
    def from_json(
        cls, data: object, case_items: Mapping[UUID, PlanItem] | None = None
    ) -> PlanContent:
        """Read the pane; rows written as UUIDs are looked up in ``case_items``."""
        current = FORM.upgrade(data)
        rows = read_case_records(current, "rows", case_items or {}, PlanItem.from_json, "plan row")
        reviews = read_each(current, "reviews", PlanItemReview.from_json)
        return cls(rows=rows, reviews=reviews, notes=read_str(current, "notes", "notes"))


def rows_from_chosen(
    plan: PlanContent,
    brainstorm: BrainstormContent,
    *,
    case_id: UUID,
    meeting_id: UUID,
    start: date | None,
    new_id: Callable[[], UUID],
) -> PlanContent:
    """The plan with one new row per chosen idea that has no row yet (the one-step "rows from
    the chosen ideas"); running it twice adds nothing. ``new_id`` makes the rows' UUIDs."""
    made = {row.from_idea for row in plan.rows if row.from_idea is not None}
    added = tuple(
        PlanItem(
            id=new_id(),
            case_id=case_id,
            introduced_in=meeting_id,
            what=idea.text,
            start=start,
            from_idea=idea.id,
        )
        for idea in brainstorm.chosen()
        if idea.id not in made
    )
    return PlanContent(rows=plan.rows + added, reviews=plan.reviews, notes=plan.notes)
