"""The recorder's meeting as one use case: open a student's meeting, save what is typed, close it.

:meth:`MeetingSessionService.open_student_meeting` returns in one call (one transaction)
everything the window shows: the student and profile, the case, the meeting and its
arrangements, the agenda it runs on, every pane's typed content, the case's goals and plan
items, and the student's history. No Qt here; the window only shows and forwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.case import Case
from sspt_desktop.domain.closure_check import MeetingPanes, closure_check
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.meeting import Meeting, MeetingStatus, MeetingType
from sspt_desktop.domain.meeting_arrangements import MeetingArrangements
from sspt_desktop.domain.meeting_sequence import next_meeting_type
from sspt_desktop.domain.missing import Missing
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind
from sspt_desktop.domain.plan_item import PlanItem
from sspt_desktop.domain.student import Student
from sspt_desktop.domain.student_profile import StudentProfile
from sspt_desktop.services.agenda_catalog import agenda_in_session
from sspt_desktop.services.case_continuation import closed_types, current_or_new_meeting
from sspt_desktop.services.pane_saving import ContentBatch, MeetingClosed, PaneSaver
from sspt_desktop.services.record_details import (
    MeetingDetails,
    update_meeting_details,
    update_referral,
)
from sspt_desktop.storage.case_records import (
    CaseRepository,
    GoalRepository,
    PlanItemRepository,
    case_from_row,
)
from sspt_desktop.storage.models import MeetingRow
from sspt_desktop.storage.pane_contents import PaneContentRepository
from sspt_desktop.storage.repositories import MeetingRepository, meeting_from_row
from sspt_desktop.storage.students import StudentRepository, profile_from_row, student_from_row
from sspt_desktop.storage.utc_timestamp import utc_now


@dataclass(frozen=True, slots=True)
class HistoryMeeting:
    """One meeting in a student's history: what, when, and where it stands."""

    meeting_id: int
    uuid: UUID
    meeting_type: MeetingType
    meeting_date: date
    status: MeetingStatus


@dataclass(frozen=True, slots=True)
class CaseHistory:
    """One of the student's cases with its meetings, newest first; ``case.status`` says
    whether it is open."""

    case: Case
    meetings: tuple[HistoryMeeting, ...]


@dataclass(frozen=True, slots=True)
class OpenedMeeting:
    """Everything the meeting window shows for one student's current meeting."""

    student: Student
    profile: StudentProfile
    case: Case
    meeting: Meeting
    arrangements: MeetingArrangements
    agenda: Agenda
    panes: MeetingPanes
    goals: tuple[Goal, ...]
    plan_items: tuple[PlanItem, ...]
    history: tuple[CaseHistory, ...]

    @property
    def meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    def content(self, kind: PaneKind) -> PaneContent:
        content: PaneContent = getattr(self.panes, kind.value)
        return content

    @property
    def read_only(self) -> bool:
        return self.meeting.status is MeetingStatus.CLOSED


class CloseRefused(InvalidInput):
    """Closing was refused: something essential is missing and no reason was given.
    ``missing`` is the closure check's short list, for the form to jump to."""

    def __init__(self, missing: tuple[Missing, ...]) -> None:
        self.missing = missing
        super().__init__(
            "Something essential is still missing. Fill it in, or give the reason the team is "
            "closing the meeting anyway."
        )


@dataclass(frozen=True, slots=True)
class ClosedMeeting:
    """The closed meeting, what was still missing when it closed, and the type the student's
    next meeting will have."""

    meeting: Meeting
    missing: tuple[Missing, ...]
    next_meeting_type: MeetingType


class MeetingSessionService:
    """Opening, saving and closing a student's meeting; each call is one transaction.

    ``today`` and ``now`` are injectable so tests control dates; ``now`` must be aware."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = utc_now,
        new_id: Callable[[], UUID] = uuid.uuid4,
    ) -> None:
        self._sessions = sessions
        self._today = today
        self._now = now
        self._new_id = new_id
        self._students = StudentRepository()
        self._cases = CaseRepository()
        self._meetings = MeetingRepository()
        self._panes = PaneContentRepository()
        self._goals = GoalRepository()
        self._items = PlanItemRepository()
        self._saver = PaneSaver()

    def open_student_meeting(self, student_id: int, location: str = "") -> OpenedMeeting:
        """The student's current meeting with everything shown; a new case and meeting of the
        right type are made when the student has none open."""
        with self._sessions.begin() as session:
            student = self._students.row(session, student_id)
            if student is None:
                raise InvalidInput("That student is no longer in the record.")
            school_agenda = agenda_in_session(session, None)
            row = current_or_new_meeting(
                session,
                student,
                today=self._today(),
                now=self._now(),
                agenda_json=school_agenda.to_json(),
                location=location,
                new_id=self._new_id,
            )
            return self._opened(session, student_id, row)

    def meeting(self, meeting_id: int) -> OpenedMeeting:
        """Any stored meeting (closed ones too) with everything shown, read as stored."""
        with self._sessions() as session:
            row = self._meetings.row(session, meeting_id)
            if row is None or row.student_id is None:
                raise InvalidInput("That meeting is no longer in the record.")
            return self._opened(session, row.student_id, row)

    def _opened(self, session: Session, student_id: int, row: MeetingRow) -> OpenedMeeting:
        student_row = self._students.row(session, student_id)
        assert student_row is not None and row.case is not None
        session.refresh(row)
        goals = self._goals.for_case(session, row.case.id)
        items = self._items.for_case(session, row.case.id)
        panes = self._panes.read(
            session, row.id, {g.id: g for g in goals}, {i.id: i for i in items}
        )
        arrangements = self._meetings.arrangements(session, row.id)
        assert arrangements is not None
        return OpenedMeeting(
            student=student_from_row(student_row),
            profile=profile_from_row(student_row),
            case=case_from_row(row.case, student_row.uuid),
            meeting=meeting_from_row(row),
            arrangements=arrangements,
            agenda=agenda_in_session(session, row.id),
            panes=panes,
            goals=tuple(goals),
            plan_items=tuple(items),
            history=self._history(session, student_id),
        )

    def history(self, student_id: int) -> tuple[CaseHistory, ...]:
        """The student's cases and their meetings, newest first, each with its status."""
        with self._sessions() as session:
            return self._history(session, student_id)

    def _history(self, session: Session, student_id: int) -> tuple[CaseHistory, ...]:
        cases = self._cases.rows_for_student(session, student_id)
        student = self._students.row(session, student_id)
        assert student is not None
        query = (
            select(
                MeetingRow.id,
                MeetingRow.uuid,
                MeetingRow.meeting_type,
                MeetingRow.meeting_date,
                MeetingRow.status,
                MeetingRow.case_id,
            )
            .where(MeetingRow.student_id == student_id)
            .order_by(MeetingRow.meeting_date.desc(), MeetingRow.id.desc())
        )
        by_case: dict[int | None, list[HistoryMeeting]] = {}
        for meeting_id, public, kind, day, status, case_id in session.execute(query):
            by_case.setdefault(case_id, []).append(
                HistoryMeeting(
                    meeting_id, UUID(public), MeetingType(kind), day, MeetingStatus(status)
                )
            )
        return tuple(
            CaseHistory(case_from_row(case, student.uuid), tuple(by_case.get(case.id, ())))
            for case in cases
        )

    def save_content_batch(self, batch: ContentBatch) -> None:
        """Store the content of panes of one or more meetings in one durable commit (the
        autosave's unit). Goals and plan items go to the case's rows in the same commit.
        Raises :class:`MeetingClosed` (storing nothing) if any meeting is closed."""
        with self._sessions.begin() as session:
            self._saver.save(session, batch, self._now())

    def update_case(self, case: Case) -> Case:
        """Store the referral's fields of ``case`` and return the case as stored; a closed
        case refuses (:class:`~sspt_desktop.services.record_details.CaseClosed`)."""
        with self._sessions.begin() as session:
            return update_referral(session, case)

    def update_meeting_details(self, meeting_id: int, details: MeetingDetails) -> Meeting:
        """Store the meeting's date, type, location, start time and invitation and return
        the meeting as stored; a closed meeting refuses (:class:`MeetingClosed`)."""
        with self._sessions.begin() as session:
            return update_meeting_details(session, meeting_id, details, self._now())

    def close_meeting(self, meeting_id: int, reason: str | None = None) -> ClosedMeeting:
        """Close the meeting after the domain's closure check. With something essential
        missing, closing needs a reason (given here or typed in the closure pane); the
        meeting is then stored closed, with when and why, and is read-only from then on."""
        with self._sessions.begin() as session:
            row = self._meetings.row(session, meeting_id)
            if row is None:
                raise InvalidInput("That meeting is no longer in the record.")
            if row.status == MeetingStatus.CLOSED.value:
                raise MeetingClosed(meeting_id)
            if reason is not None:
                limits.multi_line("close_anyway_reason", reason)
            case_id = row.case_id
            goals = self._goals.for_case(session, case_id) if case_id is not None else []
            items = self._items.for_case(session, case_id) if case_id is not None else []
            panes = self._panes.read(
                session, row.id, {g.id: g for g in goals}, {i.id: i for i in items}
            )
            if reason is not None and reason.strip():
                closure = replace(panes.closure, close_anyway_reason=reason)
                self._saver.save(session, {meeting_id: {PaneKind.CLOSURE: closure}}, self._now())
                panes = replace(panes, closure=closure)
            missing = closure_check(panes, UUID(row.uuid), row.meeting_date)
            given = panes.closure.close_anyway_reason
            if missing and limits.is_blank(given):
                raise CloseRefused(missing)
            now = self._now()
            row.status = MeetingStatus.CLOSED.value
            row.closed_at = now
            row.updated_at = now
            row.close_reason = given
            row.follow_up_date = panes.closure.follow_up_date
            session.flush()
            following = (
                next_meeting_type(closed_types(session, case_id))
                if case_id is not None
                else MeetingType.INITIAL
            )
            return ClosedMeeting(meeting_from_row(row), missing, following)
