"""Editing the referral (the case) and a meeting's details, inside the caller's transaction.

The meeting session service calls these; they live apart so each use case stays small. A
closed case or a closed meeting is the team's settled record: an edit reaching one is refused
and nothing is stored (changes belong in the student's next meeting or a new referral).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.case import Case, CaseStatus
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import Meeting, MeetingStatus, MeetingType
from sspt_desktop.domain.meeting_arrangements import MeetingArrangements
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.services.pane_saving import MeetingClosed
from sspt_desktop.storage.case_records import CaseRepository
from sspt_desktop.storage.repositories import MeetingRepository, meeting_from_row

#: A meeting's location, as long as the record's column holds.
LOCATION_MAX = 200


class CaseClosed(InvalidInput):
    """An edit reached a referral whose case is closed; nothing was stored."""

    def __init__(self) -> None:
        super().__init__(
            "This referral's case is closed, so it can no longer be changed. A new concern "
            "starts a new referral."
        )


@dataclass(frozen=True, slots=True)
class MeetingDetails:
    """What the team sets about a meeting before or while it runs: its date, type, location,
    start time and how and when the family was invited."""

    meeting_date: date
    meeting_type: MeetingType
    location: str = ""
    arrangements: MeetingArrangements = field(default_factory=MeetingArrangements)

    def __post_init__(self) -> None:
        limits.school_date("meeting_date", self.meeting_date)
        if (
            not isinstance(self.meeting_type, MeetingType)
            or not self.meeting_type.is_student_referral
        ):
            raise InvalidField("meeting_type", LimitCode.UNKNOWN_VALUE)
        limits.one_line("location", self.location, LOCATION_MAX)
        arrangements = self.arrangements
        if arrangements.invited_on is not None and arrangements.invited_on > self.meeting_date:
            # An invitation is sent before the meeting; a later date is a typing slip.
            raise InvalidField("invited_on", LimitCode.IMPOSSIBLE_DATE, "after the meeting")


def update_referral(session: Session, case: Case) -> Case:
    """Store the referral's own fields of ``case`` (date, referred by, concern areas,
    description, what was tried); whether and how the case closed stays as stored.
    Raises :class:`CaseClosed` for a closed case, :class:`InvalidInput` for a missing one."""
    cases = CaseRepository()
    stored = cases.get(session, case.id)
    if stored is None or stored.student_id != case.student_id:
        raise InvalidInput("That referral is no longer in the record.")
    if stored.status is CaseStatus.CLOSED:
        raise CaseClosed()
    updated = replace(
        stored,
        opened_on=case.opened_on,
        referred_by=case.referred_by,
        concern_areas=case.concern_areas,
        description=case.description,
        tried=case.tried,
    )
    cases.update(session, updated)
    return updated


def update_meeting_details(
    session: Session, meeting_id: int, details: MeetingDetails, now: datetime
) -> Meeting:
    """Store ``details`` on the meeting and return it as stored. Raises
    :class:`MeetingClosed` for a closed meeting, :class:`InvalidInput` for a missing one."""
    meetings = MeetingRepository()
    row = meetings.row(session, meeting_id)
    if row is None:
        raise InvalidInput("That meeting is no longer in the record.")
    if row.status == MeetingStatus.CLOSED.value:
        raise MeetingClosed(meeting_id)
    row.meeting_date = details.meeting_date
    row.meeting_type = details.meeting_type.value
    row.location = details.location
    meetings.set_arrangements(session, meeting_id, details.arrangements)
    row.updated_at = now
    session.flush()
    return meeting_from_row(row)
