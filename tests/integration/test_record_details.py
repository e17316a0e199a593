"""Editing the referral and a meeting's details through the meeting session, on the real
SQLCipher record: what is stored comes back, and a closed case or meeting refuses and keeps
what it held."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time

import pytest

from sspt_desktop.domain.case import Case, CaseOutcome, PriorIntervention
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import MeetingType
from sspt_desktop.domain.meeting_arrangements import InvitationMethod, MeetingArrangements
from sspt_desktop.domain.student import Student
from sspt_desktop.domain.text_limits import InvalidField
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.services.pane_saving import MeetingClosed
from sspt_desktop.services.record_details import CaseClosed, MeetingDetails
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage.case_records import CaseRepository
from sspt_desktop.storage.locations import DataLocations

MEETING_DAY = date(2026, 3, 2)


@pytest.fixture
def record(locations: DataLocations) -> Iterator[OpenRecord]:
    opened = open_memory_keyed_record(locations)
    yield opened
    opened.close()


@pytest.fixture
def service(record: OpenRecord) -> MeetingSessionService:
    return MeetingSessionService(record.sessions, today=lambda: MEETING_DAY)


@pytest.fixture
def student_id(record: OpenRecord) -> int:
    added = StudentRecords(record.sessions).add(Student(None, "1029384", "Daniela", "Reyes", "4"))
    assert added.id is not None
    return added.id


def referral(case: Case) -> Case:
    return replace(
        case,
        opened_on=date(2026, 2, 20),
        referred_by="Ms. Kim (teacher)",
        concern_areas=(ConcernArea.ACADEMIC, ConcernArea.LANGUAGE_DEVELOPMENT),
        description="Reads 48 words a minute; the class reads 90.\nAvoids reading aloud.",
        tried=(
            PriorIntervention("Small-group reading", "6 weeks", "48 → 52 wcpm, flat"),
            PriorIntervention("Seat near the board", "since October", ""),
        ),
    )


def test_the_referral_is_stored_and_shown_when_the_meeting_is_opened_again(
    service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id)
    stored = service.update_case(referral(opened.case))
    again = service.open_student_meeting(student_id)
    assert again.case == stored == referral(opened.case)
    assert again.history[0].case == stored


def test_updating_the_referral_never_closes_the_case(
    service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id)
    sneaked = replace(referral(opened.case), closed_on=MEETING_DAY, outcome=CaseOutcome.OTHER)
    stored = service.update_case(sneaked)
    assert stored.closed_on is None and stored.outcome is None
    assert service.open_student_meeting(student_id).case.closed_on is None


def test_a_closed_case_refuses_its_referral_and_keeps_what_it_held(
    record: OpenRecord, service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id)
    closed = replace(opened.case, closed_on=MEETING_DAY, outcome=CaseOutcome.GOALS_MET)
    with record.sessions.begin() as session:
        CaseRepository().update(session, closed)
    with pytest.raises(CaseClosed, match="closed"):
        service.update_case(referral(opened.case))
    with record.sessions() as session:
        assert CaseRepository().get(session, opened.case.id) == closed


def test_a_referral_of_another_student_is_refused(
    record: OpenRecord, service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id)
    other = StudentRecords(record.sessions).add(Student(None, "555", "Tuan", "Nguyen", "5"))
    assert other.uuid is not None
    with pytest.raises(InvalidInput, match="no longer in the record"):
        service.update_case(replace(referral(opened.case), student_id=other.uuid))
    assert service.open_student_meeting(student_id).case == opened.case


def details(kind: MeetingType = MeetingType.RECLASSIFICATION) -> MeetingDetails:
    return MeetingDetails(
        meeting_date=date(2026, 3, 9),
        meeting_type=kind,
        location="Salle 12 · bibliothèque",
        arrangements=MeetingArrangements(
            start_time=time(15, 30),
            invited_how=InvitationMethod.TEXT_MESSAGE,
            invited_on=date(2026, 2, 27),
        ),
    )


def test_meeting_details_are_stored_and_come_back(
    service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id)
    meeting = service.update_meeting_details(opened.meeting_id, details())
    assert (meeting.meeting_date, meeting.meeting_type, meeting.location) == (
        date(2026, 3, 9),
        MeetingType.RECLASSIFICATION,
        "Salle 12 · bibliothèque",
    )
    again = service.meeting(opened.meeting_id)
    assert again.meeting.meeting_date == date(2026, 3, 9)
    assert again.meeting.meeting_type is MeetingType.RECLASSIFICATION
    assert again.meeting.location == "Salle 12 · bibliothèque"
    assert again.arrangements == details().arrangements
    assert again.history[0].meetings[0].meeting_date == date(2026, 3, 9)


def test_a_closed_meeting_refuses_its_details_and_keeps_what_it_held(
    service: MeetingSessionService, student_id: int
) -> None:
    opened = service.open_student_meeting(student_id)
    service.close_meeting(opened.meeting_id, reason="The family had to leave early")
    with pytest.raises(MeetingClosed, match="closed"):
        service.update_meeting_details(opened.meeting_id, details())
    after = service.meeting(opened.meeting_id)
    assert after.meeting.meeting_date == MEETING_DAY
    assert after.meeting.meeting_type is MeetingType.INITIAL
    assert after.arrangements == MeetingArrangements()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"location": "Room 12\nlibrary"}, "location"),
        ({"location": "x" * 201}, "location"),
        ({"meeting_type": MeetingType.SCHOOL_WIDE}, "meeting_type"),
        ({"meeting_date": date(1899, 12, 31)}, "meeting_date"),
        (
            {"arrangements": MeetingArrangements(invited_on=date(2026, 3, 10))},
            "invited_on",
        ),
    ],
)
def test_meeting_details_the_record_cannot_mean_are_refused_naming_the_field(
    change: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {
        "meeting_date": date(2026, 3, 9),
        "meeting_type": MeetingType.INITIAL,
        "location": "Room 12",
        "arrangements": MeetingArrangements(),
        **change,
    }
    with pytest.raises(InvalidField) as refused:
        MeetingDetails(**values)  # type: ignore[arg-type]
    assert refused.value.field == field
