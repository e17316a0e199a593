"""What goes into the real SQLCipher record comes out: every pane content type, the case, its
goals and plan items, and the student's profile (Hypothesis, through the services and
repositories the app uses, on an encrypted file)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.case import Case
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.student import Student
from sspt_desktop.domain.student_profile import StudentProfile
from sspt_desktop.services.meeting_session import MeetingSessionService, OpenedMeeting
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage.case_records import CaseRepository
from sspt_desktop.storage.locations import DataLocations
from tests.support import record_strategies as records

PROPERTY = settings(database=None, deadline=None, max_examples=25)


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenRecord]:
    folder: Path = tmp_path_factory.mktemp("round-trips")
    opened = open_memory_keyed_record(DataLocations(folder))
    yield opened
    opened.close()


def new_student(sessions: sessionmaker[Session]) -> Student:
    number = uuid.uuid4().hex[:12]
    return StudentRecords(sessions).add(Student(None, number, "Zoë", "Núñez", "4"))


def open_meeting(record: OpenRecord) -> OpenedMeeting:
    student = new_student(record.sessions)
    assert student.id is not None
    return MeetingSessionService(record.sessions).open_student_meeting(student.id)


def stored_again(record: OpenRecord, meeting_id: int, kind: PaneKind) -> PaneContent:
    return MeetingSessionService(record.sessions).meeting(meeting_id).content(kind)


SIMPLE_PANES = [
    (PaneKind.WELCOME, records.welcome),
    (PaneKind.STRENGTHS, records.strengths),
    (PaneKind.PROBLEM, records.problem),
    (PaneKind.BRAINSTORM, records.brainstorm),
    (PaneKind.CLOSURE, records.closure),
]


@pytest.mark.parametrize(("kind", "contents"), SIMPLE_PANES, ids=[k for k, _ in SIMPLE_PANES])
def test_every_meeting_owned_pane_content_comes_back_as_stored(
    record: OpenRecord, kind: PaneKind, contents: st.SearchStrategy[PaneContent]
) -> None:
    opened = open_meeting(record)
    service = MeetingSessionService(record.sessions)

    @PROPERTY
    @given(content=contents)
    def round_trip(content: PaneContent) -> None:
        service.save_content_batch({opened.meeting_id: {kind: content}})
        assert stored_again(record, opened.meeting_id, kind) == content

    round_trip()


def test_goals_are_the_case_s_records_and_come_back_with_the_pane(record: OpenRecord) -> None:
    opened = open_meeting(record)
    assert opened.meeting.uuid is not None
    service = MeetingSessionService(record.sessions)

    @PROPERTY
    @given(content=records.goals)
    def round_trip(content: GoalsContent) -> None:
        ours = GoalsContent(
            goals=tuple(
                replace(goal, case_id=opened.case.id, introduced_in=opened.meeting.uuid)
                for goal in content.goals
            ),
            reviews=content.reviews,
            notes=content.notes,
        )
        service.save_content_batch({opened.meeting_id: {PaneKind.GOALS: ours}})
        again = service.meeting(opened.meeting_id)
        assert again.content(PaneKind.GOALS) == ours
        # The case holds exactly the goals the pane lists (removed ones are gone).
        assert {goal.id: goal for goal in again.goals} == {goal.id: goal for goal in ours.goals}

    round_trip()


def test_plan_items_are_the_case_s_records_and_come_back_with_the_pane(
    record: OpenRecord,
) -> None:
    opened = open_meeting(record)
    assert opened.meeting.uuid is not None
    service = MeetingSessionService(record.sessions)

    @PROPERTY
    @given(content=records.plan)
    def round_trip(content: PlanContent) -> None:
        ours = PlanContent(
            rows=tuple(
                replace(row, case_id=opened.case.id, introduced_in=opened.meeting.uuid)
                for row in content.rows
            ),
            reviews=content.reviews,
            notes=content.notes,
        )
        service.save_content_batch({opened.meeting_id: {PaneKind.PLAN: ours}})
        again = service.meeting(opened.meeting_id)
        assert again.content(PaneKind.PLAN) == ours
        assert list(again.plan_items) == list(ours.rows)

    round_trip()


def test_a_case_comes_back_as_stored(record: OpenRecord) -> None:
    student = new_student(record.sessions)
    assert student.uuid is not None
    cases = CaseRepository()

    @PROPERTY
    @given(case=records.cases())
    def round_trip(case: Case) -> None:
        ours = replace(case, id=uuid.uuid4(), student_id=student.uuid)
        with record.sessions.begin() as session:
            cases.add(session, ours)
        with record.sessions() as session:
            assert cases.get(session, ours.id) == ours
        changed = replace(ours, description=ours.description + " (updated)")
        with record.sessions.begin() as session:
            cases.update(session, changed)
        with record.sessions() as session:
            assert cases.get(session, ours.id) == changed

    round_trip()


names = st.one_of(records.one_line, st.text(min_size=1, max_size=30)).filter(
    lambda text: bool(text.strip()) and len(text) <= 120 and text.isprintable()
)


def test_a_student_and_profile_come_back_as_stored_and_edited(record: OpenRecord) -> None:
    students = StudentRecords(record.sessions)

    @PROPERTY
    @given(profile=records.student_profiles, first=names, last=names, grade=records.one_line)
    def round_trip(profile: StudentProfile, first: str, last: str, grade: str) -> None:
        public = uuid.uuid4()
        student = Student(
            None,
            public.hex[:16],
            first,
            last,
            grade[:120],
            date(2015, 2, 28),
            profile.language_status,
            "vi",
            "Ms. Kim",
            uuid=public,
        )
        ours = replace(profile, student_id=public)
        added = students.add(student, ours)
        assert added.id is not None
        assert added == replace(student, id=added.id)
        assert students.profile(added.id) == ours
        # Edited: every field can change after creation, the caregivers with it.
        edited_profile = replace(ours, caregivers=ours.caregivers[1:], iep=not ours.iep)
        edited = replace(added, first_name=last, last_name=first)
        assert students.edit(edited, edited_profile) == edited
        assert students.get(added.id) == edited
        assert students.profile(added.id) == edited_profile

    round_trip()
