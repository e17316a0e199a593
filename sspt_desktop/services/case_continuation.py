"""Which meeting a student's record continues with: the open one, or a new one of the right type.

A student's meetings belong to a case (the referral). While the open case has a meeting that
is not closed, that meeting continues. Otherwise a new meeting is made in the open case, of
the type :func:`~sspt_desktop.domain.meeting_sequence.next_meeting_type` gives for the case's
closed meetings, and the case's current goals and plan rows are carried into its goals and
plan panes (by reference) for the team to review. A student without an open case gets a new
case and an initial meeting.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from sspt_desktop.domain.case import Case
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import Meeting, MeetingStatus, MeetingType
from sspt_desktop.domain.meeting_sequence import next_meeting_type
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanDecision
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.text_limits import InvalidField
from sspt_desktop.storage.case_records import CaseRepository, GoalRepository, PlanItemRepository
from sspt_desktop.storage.models import CaseRow, MeetingRow, StudentRow
from sspt_desktop.storage.pane_contents import PaneContentRepository, read_content, stored_form
from sspt_desktop.storage.repositories import MeetingRepository

NewId = Callable[[], UUID]


def closed_types(session: Session, case_id: int) -> list[MeetingType]:
    query = select(MeetingRow.meeting_type).where(
        MeetingRow.case_id == case_id, MeetingRow.status == MeetingStatus.CLOSED.value
    )
    return [MeetingType(kind) for kind in session.scalars(query)]


def _new_case(
    session: Session, student: StudentRow, today: date, now: datetime, new_id: NewId
) -> CaseRow:
    try:
        case = Case(
            id=new_id(),
            student_id=UUID(student.uuid),
            opened_on=today,
            created_at=now,
            referred_by=student.referred_by,
        )
    except InvalidField:
        # A referral typed before names were limited: the student keeps it as typed.
        case = Case(id=new_id(), student_id=UUID(student.uuid), opened_on=today, created_at=now)
    return CaseRepository().add(session, case)


def current_or_new_meeting(
    session: Session,
    student: StudentRow,
    *,
    today: date,
    now: datetime,
    agenda_json: str | None,
    location: str = "",
    new_id: NewId = uuid.uuid4,
) -> MeetingRow:
    """The meeting the student's record continues with (made, with its case, if needed)."""
    cases = CaseRepository()
    case = cases.open_row(session, student.id)
    if case is not None:
        open_meeting = session.scalars(
            select(MeetingRow)
            .where(MeetingRow.case_id == case.id, MeetingRow.status != MeetingStatus.CLOSED.value)
            .order_by(MeetingRow.meeting_date.desc(), MeetingRow.id.desc())
        ).first()
        if open_meeting is not None:
            return open_meeting
    else:
        case = _new_case(session, student, today, now, new_id)
    previous = session.scalars(
        select(MeetingRow.id)
        .where(MeetingRow.student_id == student.id)
        .order_by(MeetingRow.meeting_date.desc(), MeetingRow.id.desc())
    ).first()
    meeting = Meeting(
        id=None,
        student_id=student.id,
        meeting_type=next_meeting_type(closed_types(session, case.id)),
        meeting_date=today,
        location=location,
        previous_meeting_id=previous,
        uuid=new_id(),
    )
    row = MeetingRepository().add(session, meeting, agenda_json, case_id=case.id)
    _carry_forward(session, row, case, previous, now)
    return row


def _carry_forward(
    session: Session, row: MeetingRow, case: CaseRow, previous: int | None, now: datetime
) -> None:
    """Put the case's current goals and plan rows into the new meeting's panes: those not
    replaced by a later one, and rows the last meeting did not stop."""
    goals = GoalRepository().for_case(session, case.id)
    items = PlanItemRepository().for_case(session, case.id)
    if not goals and not items:
        return
    stopped: set[UUID] = set()
    panes = PaneContentRepository()
    if previous is not None:
        stored = panes.stored(session, previous).get(PaneKind.PLAN)
        if stored is not None:
            last_plan = read_content(PaneKind.PLAN, stored, None, {i.id: i for i in items})
            assert isinstance(last_plan, PlanContent)
            stopped = {
                review.plan_item_id
                for review in last_plan.reviews
                if review.decision is PlanDecision.STOP
            }
    replaced = {g.replaces for g in goals} | {i.replaces for i in items}
    current_goals = tuple(g for g in goals if g.id not in replaced)
    current_items = tuple(i for i in items if i.id not in replaced and i.id not in stopped)
    panes.write(session, row.id, PaneKind.GOALS, stored_form(GoalsContent(current_goals)), now)
    panes.write(session, row.id, PaneKind.PLAN, stored_form(PlanContent(current_items)), now)
