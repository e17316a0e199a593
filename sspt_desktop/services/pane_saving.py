"""Saving what was typed into a meeting's panes, one durable transaction per batch.

A batch maps meetings to pane kinds to each pane's typed content, stored whole (the window
submits a pane's whole content on every edit). The goals and plan panes are stored by
reference: their goals and plan items go to the case's own rows, by UUID, in the same
transaction. A closed meeting refuses every edit, so an agreed record stays as agreed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.orm import Session

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import MeetingStatus
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind, spec_for_kind
from sspt_desktop.domain.plan_item import PlanItem
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.storage.case_records import GoalRepository, PlanItemRepository
from sspt_desktop.storage.models import MeetingRow
from sspt_desktop.storage.pane_contents import PaneContentRepository, stored_form

ContentBatch = Mapping[int, Mapping[PaneKind, PaneContent]]


class MeetingClosed(InvalidInput):
    """An edit reached a meeting that is closed; nothing of the batch was stored."""

    def __init__(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        super().__init__(
            "This meeting is closed, so it can no longer be changed. Changes belong in the "
            "student's next meeting."
        )


class PaneSaver:
    """Writes content batches inside the caller's session (the caller commits)."""

    def __init__(self) -> None:
        self._panes = PaneContentRepository()
        self._goals = GoalRepository()
        self._items = PlanItemRepository()

    def save(self, session: Session, batch: ContentBatch, now: datetime) -> None:
        rows: dict[int, MeetingRow] = {}
        for meeting_id in batch:
            row = session.get(MeetingRow, meeting_id)
            if row is None:
                raise LookupError(f"meeting {meeting_id}")
            if row.status == MeetingStatus.CLOSED.value:
                raise MeetingClosed(meeting_id)
            for key, content in batch[meeting_id].items():
                # Refused rather than failing on every retry: only the pane kind's own
                # content type is stored (a plain string, as free-text panes once sent, is not).
                if not isinstance(content, spec_for_kind(PaneKind(key)).content_type):
                    raise InvalidField(str(key), LimitCode.DAMAGED, "not this pane's content")
            rows[meeting_id] = row
        for meeting_id, contents in batch.items():
            row = rows[meeting_id]
            for key, content in contents.items():
                kind = PaneKind(key)
                if isinstance(content, GoalsContent):
                    self._save_goals(session, row, content)
                elif isinstance(content, PlanContent):
                    self._save_items(session, row, content)
                self._panes.write(session, meeting_id, kind, stored_form(content), now)
            row.updated_at = now

    def _save_goals(self, session: Session, row: MeetingRow, content: GoalsContent) -> None:
        self._save_records(session, row, "goals", content.goals, self._goals)

    def _save_items(self, session: Session, row: MeetingRow, content: PlanContent) -> None:
        self._save_records(session, row, "rows", content.rows, self._items)

    def _save_records(
        self,
        session: Session,
        row: MeetingRow,
        field: str,
        records: Sequence[Goal | PlanItem],
        repository: GoalRepository | PlanItemRepository,
    ) -> None:
        """Records this meeting introduced are written; records carried forward from an
        earlier meeting must already be the case's, and unchanged once that meeting closed."""
        case = row.case
        if case is None:
            if records:
                raise InvalidField(field, LimitCode.DAMAGED, "a meeting without a case")
            return
        meeting_uuid = UUID(row.uuid)
        stored = repository.rows_by_uuid(session, [record.id for record in records])
        introduced_here = []
        for position, record in enumerate(records):
            path = f"{field}[{position}]"
            if str(record.case_id) != case.uuid:
                raise InvalidField(f"{path}.case_id", LimitCode.DAMAGED, "another case")
            existing = stored.get(record.id)
            if record.introduced_in == meeting_uuid:
                if existing is not None and existing.introduced_in_id != row.id:
                    raise InvalidField(f"{path}.introduced_in", LimitCode.DAMAGED)
                repository.save(session, record, case.id, row.id, position)  # type: ignore[arg-type]
                introduced_here.append(record.id)
                continue
            if existing is None:
                raise InvalidField(path, LimitCode.DAMAGED, "carried forward, not in the case")
            if json.loads(existing.record_json) == record.to_json():
                continue
            origin = session.get(MeetingRow, existing.introduced_in_id)
            if origin is None or origin.status == MeetingStatus.CLOSED.value:
                # Agreed in a closed meeting: a change is a new record that replaces it.
                raise MeetingClosed(existing.introduced_in_id)
            repository.save(
                session,
                record,  # type: ignore[arg-type]
                case.id,
                existing.introduced_in_id,
                existing.position,
            )
        repository.delete_introduced_except(session, row.id, introduced_here)
