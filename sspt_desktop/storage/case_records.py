"""Cases, and the goals and plan items a case owns: rows to domain objects and back.

Goals and plan items are stored as the domain's JSON form of the record, keyed by UUID, with
the case, the introducing meeting and the position as columns (see :mod:`models` for why).
Nothing here commits; the caller's session is the transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Generic, TypeVar
from uuid import UUID

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sspt_desktop.domain.case import Case, CaseOutcome, PriorIntervention
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.plan_item import PlanItem
from sspt_desktop.storage.models import CaseRow, GoalRow, MeetingRow, PlanItemRow, StudentRow
from sspt_desktop.storage.utc_timestamp import utc_now


def case_from_row(row: CaseRow, student_uuid: str) -> Case:
    return Case(
        id=UUID(row.uuid),
        student_id=UUID(student_uuid),
        opened_on=row.opened_on,
        created_at=row.created_at,
        referred_by=row.referred_by,
        concern_areas=tuple(ConcernArea(code) for code in json.loads(row.concern_areas)),
        description=row.description,
        tried=tuple(PriorIntervention.from_json(item) for item in json.loads(row.tried_json)),
        closed_on=row.closed_on,
        outcome=None if row.outcome is None else CaseOutcome(row.outcome),
        outcome_notes=row.outcome_notes,
    )


def _write_case(row: CaseRow, case: Case) -> None:
    row.opened_on = case.opened_on
    row.referred_by = case.referred_by
    row.concern_areas = json.dumps([area.value for area in case.concern_areas])
    row.description = case.description
    row.tried_json = json.dumps([item.to_json() for item in case.tried], ensure_ascii=False)
    row.closed_on = case.closed_on
    row.outcome = None if case.outcome is None else case.outcome.value
    row.outcome_notes = case.outcome_notes


class CaseRepository:
    """A student's cases (referrals), newest first."""

    def row(self, session: Session, case_uuid: UUID) -> CaseRow | None:
        return session.scalar(select(CaseRow).where(CaseRow.uuid == str(case_uuid)))

    def get(self, session: Session, case_uuid: UUID) -> Case | None:
        row = self.row(session, case_uuid)
        return None if row is None else self._case(session, row)

    def _case(self, session: Session, row: CaseRow) -> Case:
        student_uuid = session.scalar(
            select(StudentRow.uuid).where(StudentRow.id == row.student_id)
        )
        assert student_uuid is not None
        return case_from_row(row, student_uuid)

    def rows_for_student(self, session: Session, student_id: int) -> list[CaseRow]:
        query = (
            select(CaseRow)
            .where(CaseRow.student_id == student_id)
            .order_by(CaseRow.opened_on.desc(), CaseRow.id.desc())
        )
        return list(session.scalars(query))

    def for_student(self, session: Session, student_id: int) -> list[Case]:
        student_uuid = session.scalar(select(StudentRow.uuid).where(StudentRow.id == student_id))
        if student_uuid is None:
            return []
        return [case_from_row(r, student_uuid) for r in self.rows_for_student(session, student_id)]

    def open_row(self, session: Session, student_id: int) -> CaseRow | None:
        """The student's open case (the newest, should there ever be two)."""
        query = (
            select(CaseRow)
            .where(CaseRow.student_id == student_id, CaseRow.closed_on.is_(None))
            .order_by(CaseRow.opened_on.desc(), CaseRow.id.desc())
        )
        return session.scalars(query).first()

    def add(self, session: Session, case: Case) -> CaseRow:
        """Store a new case for the student the case names by UUID."""
        student_id = session.scalar(
            select(StudentRow.id).where(StudentRow.uuid == str(case.student_id))
        )
        if student_id is None:
            raise LookupError("the case's student is not in the record")
        row = CaseRow(
            uuid=str(case.id),
            student_id=student_id,
            created_at=case.created_at,
            updated_at=case.created_at,
        )
        _write_case(row, case)
        session.add(row)
        session.flush()
        return row

    def update(self, session: Session, case: Case) -> None:
        row = self.row(session, case.id)
        if row is None:
            raise LookupError("no such case")
        _write_case(row, case)
        row.updated_at = utc_now()


_R = TypeVar("_R", Goal, PlanItem)
_Row = TypeVar("_Row", GoalRow, PlanItemRow)


class _CaseRecords(Generic[_R, _Row]):
    """What goals and plan items share: rows keyed by UUID holding the record's JSON."""

    row_type: type[_Row]
    record_type: type[_R]

    def for_case(self, session: Session, case_id: int) -> list[_R]:
        """The case's records in the order meetings introduced them, then their position."""
        table = self.row_type
        query = (
            select(table)
            .join(MeetingRow, MeetingRow.id == table.introduced_in_id)
            .where(table.case_id == case_id)
            .order_by(MeetingRow.meeting_date, MeetingRow.id, table.position, table.id)
        )
        return [self._record(row) for row in session.scalars(query)]

    def _record(self, row: _Row) -> _R:
        return self.record_type.from_json(json.loads(row.record_json))

    def rows_by_uuid(self, session: Session, ids: Sequence[UUID]) -> dict[UUID, _Row]:
        if not ids:
            return {}
        table = self.row_type
        query = select(table).where(table.uuid.in_([str(i) for i in ids]))
        return {UUID(row.uuid): row for row in session.scalars(query)}

    def save(
        self, session: Session, record: _R, case_id: int, meeting_id: int, position: int
    ) -> None:
        """Insert or update one record introduced in ``meeting_id`` (row id)."""
        table = self.row_type
        row = session.scalar(select(table).where(table.uuid == str(record.id)))
        now = utc_now()
        if row is None:
            row = table(uuid=str(record.id), created_at=now)
            session.add(row)
        row.case_id = case_id
        row.introduced_in_id = meeting_id
        row.position = position
        row.replaces = None if record.replaces is None else str(record.replaces)
        row.record_json = json.dumps(record.to_json(), ensure_ascii=False)
        row.updated_at = now
        self._columns(row, record)

    def _columns(self, row: _Row, record: _R) -> None:
        """Hook for the columns a kind of record keeps beside its JSON."""

    def delete_introduced_except(
        self, session: Session, meeting_id: int, keep: Sequence[UUID]
    ) -> None:
        """Remove records ``meeting_id`` introduced that its pane no longer lists."""
        table = self.row_type
        statement = delete(table).where(table.introduced_in_id == meeting_id)
        if keep:
            statement = statement.where(table.uuid.not_in([str(i) for i in keep]))
        session.execute(statement)


class GoalRepository(_CaseRecords[Goal, GoalRow]):
    """The goals of a case."""

    row_type = GoalRow
    record_type = Goal


class PlanItemRepository(_CaseRecords[PlanItem, PlanItemRow]):
    """The plan items of a case; the tier is also a column, for reports by tier."""

    row_type = PlanItemRow
    record_type = PlanItem

    def _columns(self, row: PlanItemRow, record: PlanItem) -> None:
        row.tier = None if record.tier is None else int(record.tier)
