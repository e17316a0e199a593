"""The content of a meeting's panes: one row per meeting and pane kind, holding the content's
versioned JSON form. Goals and plan rows are written by reference (their records are the
case's, see :mod:`case_records`) and resolved through the case's records when read.
Nothing here commits.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from sspt_desktop.domain.closure_check import MeetingPanes
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.json_form import JsonObject
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind, content_from_json
from sspt_desktop.domain.plan_item import PlanItem
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.storage.models import PaneContentRow

_KINDS = {kind.value: kind for kind in PaneKind}


def stored_form(content: PaneContent) -> JsonObject:
    """The JSON kept with the meeting: goals and plan rows as UUIDs, the rest as is."""
    if isinstance(content, GoalsContent):
        return content.to_json(inline_goals=False)
    if isinstance(content, PlanContent):
        return content.to_json(inline_rows=False)
    return content.to_json()


def read_content(
    kind: PaneKind,
    data: object,
    case_goals: Mapping[UUID, Goal] | None = None,
    case_items: Mapping[UUID, PlanItem] | None = None,
) -> PaneContent:
    """A pane's typed content from any version of its stored JSON."""
    if kind is PaneKind.GOALS:
        return GoalsContent.from_json(data, case_goals or {})
    if kind is PaneKind.PLAN:
        return PlanContent.from_json(data, case_items or {})
    return content_from_json(kind, data)


class PaneContentRepository:
    """Pane content rows of meetings."""

    def stored(self, session: Session, meeting_id: int) -> dict[PaneKind, JsonObject]:
        """The stored JSON of each pane of the meeting that has any, by kind."""
        return self.stored_for(session, (meeting_id,)).get(meeting_id, {})

    def stored_for(
        self, session: Session, meeting_ids: Iterable[int]
    ) -> dict[int, dict[PaneKind, JsonObject]]:
        ids = list(meeting_ids)
        found: dict[int, dict[PaneKind, JsonObject]] = {i: {} for i in ids}
        if not ids:
            return found
        query = select(PaneContentRow).where(PaneContentRow.meeting_id.in_(ids))
        for row in session.scalars(query):
            kind = _KINDS.get(row.kind)
            if kind is not None:
                found[row.meeting_id][kind] = json.loads(row.content_json)
        return found

    def read(
        self,
        session: Session,
        meeting_id: int,
        case_goals: Mapping[UUID, Goal] | None = None,
        case_items: Mapping[UUID, PlanItem] | None = None,
    ) -> MeetingPanes:
        """Every pane's typed content (an empty content where nothing is stored yet)."""
        contents = {
            kind.value: read_content(kind, data, case_goals, case_items)
            for kind, data in self.stored(session, meeting_id).items()
        }
        return MeetingPanes(**contents)  # type: ignore[arg-type]

    def write(
        self, session: Session, meeting_id: int, kind: PaneKind, data: JsonObject, now: datetime
    ) -> None:
        """Insert or replace one pane's stored JSON."""
        text = json.dumps(data, ensure_ascii=False)
        row = session.scalar(
            select(PaneContentRow).where(
                PaneContentRow.meeting_id == meeting_id, PaneContentRow.kind == kind.value
            )
        )
        if row is None:
            session.add(
                PaneContentRow(
                    meeting_id=meeting_id, kind=kind.value, content_json=text, updated_at=now
                )
            )
        else:
            row.content_json = text
            row.updated_at = now
